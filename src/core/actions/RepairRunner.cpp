// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/actions/RepairRunner.h"

#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/lookup/JobLookup.h"

#include <QDateTime>

namespace JobDesk {

RepairRunner::RepairRunner(JobsClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_jobLookup(new JobLookup(client, this))
    , m_sender(new ActionSender(client, this))
{
    connect(m_sender, &ActionSender::finished, this, &RepairRunner::onStepFinished);
}

RepairRunner::~RepairRunner()
{
    if (m_lookupCall)
        m_lookupCall->disconnect(this);
}

bool RepairRunner::start(const JobKey &jobKey, const RepairOptions &options, Mode mode)
{
    if (isRunning())
        return false;
    m_started = true;
    m_options = options;
    m_mode = mode;
    m_lookup = JobLookupResult();
    m_lookup.key = jobKey;
    m_plan = RepairPlan();
    m_plan.jobKey = jobKey;
    m_progress.clear();
    m_result = RepairResult::Running;
    m_linkId = mode == Mode::Run ? HistoryStore::newLinkId() : QString();
    m_historyError.clear();
    m_current = -1;
    m_stoppedAt = -1;
    m_jobLookup->setServerVersion(m_version);

    JobLookup::Options lookupOptions;
    lookupOptions.incident = true;
    // The panel's preview shows the variables; the run only needs the job and its incident.
    lookupOptions.variables = mode == Mode::PlanOnly;
    lookupOptions.neighbours = false;
    m_lookupCall = m_jobLookup->lookUp(jobKey, lookupOptions);
    connect(m_lookupCall, &JobLookupCall::finished, this, [this](const JobLookupResult &result) {
        if (m_lookupCall)
            m_lookupCall->deleteLater();
        m_lookupCall.clear();
        onLookedUp(result);
    });
    return true;
}

void RepairRunner::cancel()
{
    if (!isRunning())
        return;
    if (m_lookupCall) {
        m_lookupCall->disconnect(this);
        m_lookupCall->cancel();
        m_lookupCall->deleteLater();
        m_lookupCall.clear();
        QMetaObject::invokeMethod(
            this, [this] { finish(RepairResult::Cancelled); }, Qt::QueuedConnection);
        return;
    }
    if (m_sender->isBusy())
        m_sender->cancel(); // onStepFinished() ends the run as Cancelled
}

void RepairRunner::onLookedUp(const JobLookupResult &result)
{
    m_lookup = result;
    if (m_mode == Mode::Run && m_history.store && result.state != LookupState::Cancelled) {
        // The look-up is the repair's first row: what the job was when the repair began.
        HistoryEntry row = HistoryEntry::fromOutcome(result.outcome, m_history.source,
            m_history.connection, result.key.toString(), QDateTime::currentDateTimeUtc());
        row.action = ActionKind::Lookup;
        row.production = m_history.production;
        row.linkId = m_linkId;
        if (result.outcome.ok())
            row.title = result.describe(); // "Job … is FAILED." says more than "OK"
        if (!m_history.store->append(row))
            m_historyError = m_history.store->error();
    }
    m_plan = RepairPlan::build(result, m_options);
    for (qsizetype i = 0; i < m_plan.steps.size(); ++i)
        m_progress.append(RepairStepProgress());
    emit lookedUp();
    if (result.state == LookupState::Cancelled) {
        finish(RepairResult::Cancelled);
        return;
    }
    if (!m_plan.isValid()) {
        finish(RepairResult::NotPlanned);
        return;
    }
    if (m_mode == Mode::PlanOnly) {
        finish(RepairResult::Planned);
        return;
    }
    ExplainContext context;
    context.job = result.job;
    context.server = m_version;
    m_sender->setContext(context);
    m_sender->setHistory(m_history);
    runStep(0);
}

void RepairRunner::runStep(int index)
{
    if (index >= m_plan.steps.size()) {
        finish(RepairResult::Repaired);
        return;
    }
    m_current = index;
    m_progress[index].status = RepairStepStatus::Running;
    emit stepStarted(index);
    m_sender->send(m_plan.steps.at(index).request, m_linkId);
}

void RepairRunner::onStepFinished(const Outcome &outcome, const Explanation &explanation)
{
    const int index = m_current;
    if (index < 0 || index >= m_progress.size())
        return;
    RepairStepProgress &step = m_progress[index];
    step.outcome = outcome;
    step.explanation = explanation;
    step.historyId = m_sender->historyId();
    if (!m_sender->historyError().isEmpty())
        m_historyError = m_sender->historyError();
    step.status = outcome.ok() ? RepairStepStatus::Done : RepairStepStatus::Refused;
    if (outcome.ok() && m_plan.steps.at(index).kind == RepairStep::Kind::SetRetries) {
        // What follows is explained with the job as it is now: retries raised.
        ExplainContext context = m_sender->context();
        if (context.job)
            context.job->retries = m_options.retries.trimmed().toInt();
        m_sender->setContext(context);
    }
    emit stepFinished(index);
    if (outcome.ok()) {
        runStep(index + 1);
        return;
    }
    m_stoppedAt = index;
    for (int i = index + 1; i < m_progress.size(); ++i)
        m_progress[i].status = RepairStepStatus::NotRun;
    switch (outcome.kind) {
    case OutcomeKind::Cancelled:
        finish(RepairResult::Cancelled);
        break;
    case OutcomeKind::TransportError:
    case OutcomeKind::SentNoAnswer:
        finish(RepairResult::NoAnswer);
        break;
    default:
        finish(RepairResult::Refused);
        break;
    }
}

void RepairRunner::finish(RepairResult result)
{
    if (m_result != RepairResult::Running)
        return;
    m_result = result;
    m_current = -1;
    m_started = false;
    emit finished(result);
}

} // namespace JobDesk
