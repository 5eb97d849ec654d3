// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/batch/ServerBatchRunner.h"

#include "core/camunda/JobActions.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/lookup/JobLookup.h"

#include <QHash>

namespace JobDesk {

QString ServerBatchRunner::refusalText(const Outcome &outcome)
{
    if (!outcome.httpStatus)
        return outcome.transportError.isEmpty() ? QStringLiteral("no answer")
                                                : outcome.transportError;
    QString text = QStringLiteral("HTTP %1").arg(*outcome.httpStatus);
    if (!outcome.problem.title().isEmpty())
        text += QStringLiteral(" %1").arg(outcome.problem.title());
    if (!outcome.problem.detail().isEmpty())
        text += QStringLiteral(": %1").arg(outcome.problem.detail());
    return text;
}

QString serverBatchResultName(ServerBatchResult result)
{
    switch (result) {
    case ServerBatchResult::Running:
        return QStringLiteral("running");
    case ServerBatchResult::Planned:
        return QStringLiteral("planned");
    case ServerBatchResult::NotPlanned:
        return QStringLiteral("not-planned");
    case ServerBatchResult::Completed:
        return QStringLiteral("completed");
    case ServerBatchResult::Failed:
        return QStringLiteral("failed");
    case ServerBatchResult::Cancelled:
        return QStringLiteral("cancelled");
    case ServerBatchResult::Refused:
        return QStringLiteral("refused");
    case ServerBatchResult::NoAnswer:
        return QStringLiteral("no-answer");
    }
    return {};
}

ServerBatchRunner::ServerBatchRunner(JobsClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_lookup(new JobLookup(client, this))
    , m_starter(new ActionSender(client, this))
    , m_lifecycle(new ActionSender(client, this))
{
    qRegisterMetaType<JobDesk::ServerBatchResult>();
    m_pollTimer.setInterval(500);
    connect(&m_pollTimer, &QTimer::timeout, this, &ServerBatchRunner::poll);
    connect(m_starter, &ActionSender::finished, this,
        [this](const Outcome &outcome, const Explanation &) { onStarted(outcome); });
    connect(m_lifecycle, &ActionSender::finished, this,
        [this](const Outcome &outcome, const Explanation &explanation) {
            if (!m_lifecycle->historyError().isEmpty())
                m_historyError = m_lifecycle->historyError();
            emit lifecycleFinished(m_lifecycleKind, outcome, explanation);
            if (m_busy)
                poll();
        });
}

ServerBatchRunner::~ServerBatchRunner()
{
    if (m_call)
        m_call->disconnect(this);
    if (m_lookupCall)
        m_lookupCall->disconnect(this);
}

void ServerBatchRunner::setPollInterval(std::chrono::milliseconds interval)
{
    m_pollTimer.setInterval(int(std::max<qint64>(10, interval.count())));
}

void ServerBatchRunner::setConcurrency(int n)
{
    m_concurrency = std::clamp(n, 1, 16);
}

ApiCall *ServerBatchRunner::track(ApiCall *call)
{
    m_call = call;
    connect(call, &ApiCall::finished, call, &QObject::deleteLater);
    return call;
}

// -- plan

bool ServerBatchRunner::plan(const ServerBatchFilter &filter, int retries)
{
    if (m_busy || !m_client)
        return false;
    m_busy = true;
    m_planned = false;
    m_result = ServerBatchResult::Running;
    m_error.clear();
    m_plan = ServerBatchPlan();
    m_plan.filter = filter;
    m_plan.retries = std::max(1, retries);
    m_planTries = 0;
    if (const QString invalid = filter.validationError(); !invalid.isEmpty()) {
        QTimer::singleShot(0, this, [this, invalid] { planDone(invalid); });
        return true;
    }
    if (m_version.isKnown())
        QTimer::singleShot(0, this, [this] { searchIncidents(0, {}); });
    else
        readVersion();
    return true;
}

void ServerBatchRunner::readVersion()
{
    LookupRequest topology;
    topology.target = LookupRequest::Target::Topology;
    ApiCall *call = track(m_client->send(topology.toApiRequest()));
    connect(call, &ApiCall::finished, this, [this](const Outcome &outcome) {
        m_call.clear();
        if (outcome.ok()) {
            if (const auto read = Answers::topology(outcome.rawBody))
                m_version = read->version();
        }
        // Without a readable version the searches' own answers say what the server lacks.
        searchIncidents(0, {});
    });
}

void ServerBatchRunner::searchIncidents(int index, const QString &after)
{
    m_plan.server = m_version;
    BatchOperationRequest start;
    start.kind = BatchOperationRequest::Kind::ResolveIncidents;
    if (const QString tooOld = start.toApiRequest().versionProblem(m_version); !tooOld.isEmpty()) {
        planDone(tooOld); // nothing sent: the version table says it cannot be done there
        return;
    }
    const QList<SearchRequest> searches = m_plan.filter.incidentSearches(kPageSize);
    if (index >= searches.size()) {
        lookUpJobs();
        return;
    }
    SearchRequest search = searches.at(index);
    if (!after.isEmpty())
        search = search.nextPage(after);
    ApiCall *call = track(m_client->send(search.toApiRequest()));
    connect(call, &ApiCall::finished, this, [this, index, after](const Outcome &outcome) {
        m_call.clear();
        if (outcome.kind == OutcomeKind::Backpressure && ++m_planTries < kBackpressureTries) {
            QTimer::singleShot(kBackpressurePauseMs * m_planTries, this,
                [this, index, after] { searchIncidents(index, after); });
            return;
        }
        if (!outcome.ok()) {
            planDone(
                QStringLiteral("The incident search was refused: %1").arg(refusalText(outcome)));
            return;
        }
        QString error;
        const auto page = Answers::incidents(outcome.rawBody, &error);
        if (!page) {
            planDone(QStringLiteral("The incident search answered something else: %1").arg(error));
            return;
        }
        for (const IncidentRecord &incident : page->items) {
            if (incident.state.isEmpty() || incident.state == QLatin1String("ACTIVE"))
                m_plan.incidents.append(incident);
        }
        if (page->items.size() >= kPageSize && !page->page.endCursor.isEmpty())
            searchIncidents(index, page->page.endCursor);
        else
            searchIncidents(index + 1, {});
    });
}

void ServerBatchRunner::lookUpJobs()
{
    QList<JobKey> keys;
    QSet<QString> seen;
    for (const IncidentRecord &incident : std::as_const(m_plan.incidents)) {
        if (incident.jobKey.isEmpty() || seen.contains(incident.jobKey))
            continue;
        seen.insert(incident.jobKey);
        if (const auto parsed = JobKey::parse(incident.jobKey); parsed.key)
            keys.append(*parsed.key);
    }
    if (keys.isEmpty()) {
        planDone({});
        return;
    }
    m_lookup->setServerVersion(m_version);
    m_lookupCall = m_lookup->lookUpMany(keys, 100);
    connect(m_lookupCall, &JobLookupCall::finished, this, [this](const JobLookupResult &result) {
        if (m_lookupCall)
            m_lookupCall->deleteLater();
        m_lookupCall.clear();
        if (result.state != LookupState::Found && result.outcome.kind == OutcomeKind::Backpressure
            && ++m_planTries < kBackpressureTries) {
            QTimer::singleShot(kBackpressurePauseMs * m_planTries, this, [this] { lookUpJobs(); });
            return;
        }
        if (result.state != LookupState::Found) {
            planDone(QStringLiteral("The jobs of the incidents could not be looked up: %1")
                         .arg(result.describe()));
            return;
        }
        QHash<QString, JobRecord> noRetries;
        for (const JobRecord &job : result.jobs) {
            if (job.retries && *job.retries <= 0)
                noRetries.insert(job.jobKey, job);
        }
        for (const IncidentRecord &incident : std::as_const(m_plan.incidents)) {
            const auto it = noRetries.constFind(incident.jobKey);
            if (it == noRetries.constEnd())
                continue;
            m_plan.jobsNeedingRetries.append(*it);
            noRetries.erase(it);
        }
        planDone({});
    });
}

void ServerBatchRunner::planDone(const QString &error)
{
    m_plan.error = error;
    m_plan.server = m_version;
    m_busy = false;
    m_planned = error.isEmpty();
    m_error = error;
    m_result = m_planned ? ServerBatchResult::Planned : ServerBatchResult::NotPlanned;
    emit planned();
}

// -- run

bool ServerBatchRunner::run()
{
    if (m_busy || !m_planned || !m_client)
        return false;
    m_busy = true;
    m_planned = false; // one run per plan: a second one would raise and start again
    m_result = ServerBatchResult::Running;
    m_error.clear();
    m_progress = ServerBatchProgress();
    m_startOutcome = Outcome();
    m_linkId = m_history.store ? HistoryStore::newLinkId() : QString();
    m_journalId = 0;
    m_nextRetry = 0;
    m_retriesDone = 0;
    m_notFoundPolls = 0;
    m_startTries = 0;
    m_retryAgain.clear();
    m_sentIndex.clear();
    m_backpressureTries.clear();
    ExplainContext context;
    context.server = m_version;
    m_starter->setHistory(m_history);
    m_starter->setContext(context);
    m_lifecycle->setHistory(m_history);
    m_lifecycle->setContext(context);
    if (m_plan.jobsNeedingRetries.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            if (m_busy)
                startOperation();
        });
        return true;
    }
    while (m_updaters.size() < m_concurrency) {
        auto *sender = new ActionSender(m_client, this);
        connect(sender, &ActionSender::finished, this,
            [this, sender](
                const Outcome &outcome, const Explanation &) { onRetriesRaised(sender, outcome); });
        m_updaters.append(sender);
    }
    for (int i = 0; i < m_concurrency && m_nextRetry < m_plan.jobsNeedingRetries.size(); ++i) {
        m_updaters.at(i)->setHistory(m_history);
        m_updaters.at(i)->setContext(context);
        raiseNextRetries();
    }
    return true;
}

void ServerBatchRunner::raiseNextRetries()
{
    if (m_nextRetry >= m_plan.jobsNeedingRetries.size() && m_retryAgain.isEmpty())
        return;
    for (ActionSender *sender : std::as_const(m_updaters)) {
        if (sender->isBusy())
            continue;
        const int index = m_retryAgain.isEmpty() ? m_nextRetry++ : m_retryAgain.takeFirst();
        const JobRecord &job = m_plan.jobsNeedingRetries.at(index);
        m_sentIndex.insert(sender, index);
        UpdateJobRequest update;
        if (const auto parsed = JobKey::parse(job.jobKey); parsed.key)
            update.jobKey = *parsed.key;
        update.retries = QString::number(m_plan.retries);
        ExplainContext context = sender->context();
        context.job = job;
        sender->setContext(context);
        sender->send(update.toApiRequest(), m_linkId);
        return;
    }
}

void ServerBatchRunner::onRetriesRaised(ActionSender *sender, const Outcome &outcome)
{
    if (!sender->historyError().isEmpty())
        m_historyError = sender->historyError();
    const int index = m_sentIndex.take(sender);
    if (outcome.kind == OutcomeKind::Backpressure && m_busy
        && ++m_backpressureTries[index] < kBackpressureTries) {
        // Nothing was applied: the same update again after a pause, never counted twice.
        QTimer::singleShot(kBackpressurePauseMs * m_backpressureTries[index], this, [this, index] {
            if (!m_busy)
                return;
            m_retryAgain.append(index);
            raiseNextRetries();
        });
        return;
    }
    ++m_retriesDone;
    if (outcome.ok())
        ++m_progress.retriesRaised;
    else
        ++m_progress.retriesRefused;
    const int total = int(m_plan.jobsNeedingRetries.size());
    emit retriesProgress(m_retriesDone, total);
    if (!m_busy)
        return;
    if (m_retriesDone >= total)
        startOperation();
    else
        raiseNextRetries();
}

void ServerBatchRunner::startOperation()
{
    BatchOperationRequest start;
    start.kind = BatchOperationRequest::Kind::ResolveIncidents;
    start.filter = m_plan.filter.instanceFilter();
    if (const QString invalid = start.validationError(); !invalid.isEmpty()) {
        finish(ServerBatchResult::NotPlanned, invalid);
        return;
    }
    m_starter->send(start.toApiRequest(), m_linkId);
}

void ServerBatchRunner::onStarted(const Outcome &outcome)
{
    m_startOutcome = outcome;
    if (!m_starter->historyError().isEmpty())
        m_historyError = m_starter->historyError();
    if (!m_busy)
        return;
    if (outcome.kind == OutcomeKind::Backpressure && ++m_startTries < kBackpressureTries) {
        // Not started (nothing was applied): asked again after a pause.
        QTimer::singleShot(kBackpressurePauseMs * m_startTries, this, [this] {
            if (m_busy)
                startOperation();
        });
        return;
    }
    if (!outcome.ok()) {
        switch (outcome.kind) {
        case OutcomeKind::SentNoAnswer:
            finish(ServerBatchResult::NoAnswer,
                QStringLiteral("The request to start the batch went out and no answer came: "
                               "the cluster may have started it. Look for it in Operate "
                               "before starting another. (%1)")
                    .arg(refusalText(outcome)));
            return;
        case OutcomeKind::Cancelled:
            finish(ServerBatchResult::Cancelled);
            return;
        case OutcomeKind::TransportError:
            finish(ServerBatchResult::NoAnswer,
                QStringLiteral("The batch was not started: %1").arg(refusalText(outcome)));
            return;
        default:
            finish(ServerBatchResult::Refused,
                QStringLiteral("The cluster refused the batch: %1").arg(refusalText(outcome)));
            return;
        }
    }
    QString error;
    const auto created = Answers::batchOperationCreated(outcome.rawBody, &error);
    if (!created || created->batchOperationKey.isEmpty()) {
        finish(ServerBatchResult::NoAnswer,
            QStringLiteral("The cluster accepted the batch but its answer names no batch "
                           "operation key: %1")
                .arg(error.isEmpty() ? QString::fromUtf8(outcome.rawBody.left(200)) : error));
        return;
    }
    m_progress.batchOperationKey = created->batchOperationKey;
    m_progress.state = QStringLiteral("CREATED");
    m_progress.total = m_plan.incidents.size();
    m_progress.active = m_progress.total;
    recordJournal();
    emit started();
    emit progressChanged();
    poll();
    m_pollTimer.start();
}

bool ServerBatchRunner::follow(const QString &batchOperationKey, qint64 journalId)
{
    if (m_busy || !m_client || batchOperationKey.trimmed().isEmpty())
        return false;
    m_busy = true;
    m_journalId = journalId;
    m_result = ServerBatchResult::Running;
    m_error.clear();
    m_progress = ServerBatchProgress();
    m_progress.batchOperationKey = batchOperationKey.trimmed();
    m_notFoundPolls = 0;
    ExplainContext context;
    context.server = m_version;
    m_lifecycle->setHistory(m_history);
    m_lifecycle->setContext(context);
    QTimer::singleShot(0, this, [this] {
        if (m_busy) {
            poll();
            m_pollTimer.start();
        }
    });
    return true;
}

void ServerBatchRunner::stop()
{
    if (!m_busy)
        return;
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call.clear();
    }
    if (m_lookupCall) {
        m_lookupCall->disconnect(this);
        m_lookupCall->cancel();
        m_lookupCall->deleteLater();
        m_lookupCall.clear();
    }
    for (ActionSender *sender : std::as_const(m_updaters))
        sender->cancel();
    if (m_starter->isBusy())
        m_starter->cancel(); // onStarted() is ignored: m_busy is false by then
    finish(ServerBatchResult::Cancelled,
        m_progress.batchOperationKey.isEmpty()
            ? QStringLiteral("Stopped before the batch was started.")
            : QStringLiteral("Stopped following batch operation %1; it goes on in the cluster.")
                  .arg(m_progress.batchOperationKey));
}

} // namespace JobDesk
