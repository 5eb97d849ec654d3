// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lookup/JobLookup.h"

#include "core/http/JobsClient.h"

#include <QSet>

namespace JobDesk {

// ---------------------------------------------------------------------------------- JobLookupCall

JobLookupCall::JobLookupCall(JobsClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

JobLookupCall::~JobLookupCall()
{
    m_finished = true;
    const QList<QPointer<ApiCall>> calls = m_inFlight;
    for (const QPointer<ApiCall> &call : calls) {
        if (!call)
            continue;
        disconnect(call, nullptr, this, nullptr);
        connect(call, &ApiCall::finished, call, &QObject::deleteLater);
        call->cancel();
    }
}

void JobLookupCall::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true; // from here on, answers of the calls below are ignored
    m_result.outcome = Outcome();
    m_result.outcome.kind = OutcomeKind::Cancelled;
    m_result.outcome.transportError = QStringLiteral("cancelled before an answer arrived");
    finishLater(LookupState::Cancelled);
    const QList<QPointer<ApiCall>> calls = m_inFlight;
    for (const QPointer<ApiCall> &call : calls) {
        if (call)
            call->cancel();
    }
}

void JobLookupCall::send(const ApiRequest &request, Handler handler)
{
    if (m_finished || m_cancelled)
        return;
    ApiCall *call = nullptr;
    if (m_timeout.count() > 0) {
        // The client's timeout applies to the requests it starts; this look-up's own for these.
        const std::chrono::milliseconds usual = m_client->timeout();
        m_client->setTimeout(m_timeout);
        call = m_client->send(request);
        m_client->setTimeout(usual);
    } else {
        call = m_client->send(request);
    }
    m_inFlight.append(call);
    ++m_pending;
    connect(call, &ApiCall::finished, this,
        [this, call, handler = std::move(handler)](const Outcome &outcome) {
            call->deleteLater();
            m_inFlight.removeAll(call);
            if (m_finished || m_cancelled)
                return;
            handler(outcome); // may send more (and so keep the call alive)
            if (--m_pending == 0) {
                finish();
            } else if (m_announceJob) {
                m_announceJob = false;
                emit jobRead(m_result); // last: nothing of this call is touched afterwards
            }
        });
}

void JobLookupCall::finishLater(LookupState state)
{
    m_result.state = state;
    if (m_finishQueued)
        return;
    m_finishQueued = true;
    QMetaObject::invokeMethod(
        this, [this] { finish(); }, Qt::QueuedConnection);
}

void JobLookupCall::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_result.lookedUpAt = QDateTime::currentDateTimeUtc();
    if (m_recheckAction)
        m_result.recheck = LookupRules::judge(*m_recheckAction, m_result);
    emit finished(m_result);
}

// -------------------------------------------------------------------------------------- JobLookup

JobLookup::JobLookup(JobsClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

JobLookup::~JobLookup() = default;

bool JobLookup::canSearch() const
{
    return supports(m_version, ApiFeature::JobSearch);
}

JobLookupCall *JobLookup::newCall(const JobKey &key)
{
    auto *call = new JobLookupCall(m_client, this);
    call->m_result.key = key;
    return call;
}

JobLookupCall *JobLookup::lookUp(const JobKey &key)
{
    return lookUp(key, Options {});
}

JobLookupCall *JobLookup::lookUp(const JobKey &key, const Options &options)
{
    JobLookupCall *call = newCall(key);
    if (!key.isValid()) {
        call->m_result.outcome.transportError = QStringLiteral("not sent: no valid key");
        call->finishLater(LookupState::TransportError);
        return call;
    }
    if (!canSearch() || !m_client) {
        call->finishLater(LookupState::SearchUnavailable);
        return call;
    }
    call->m_timeout = options.timeout;
    call->send(SearchRequest::jobByKey(key).toApiRequest(),
        [this, call, key, options](const Outcome &outcome) {
            JobLookupResult &result = call->m_result;
            result.outcome = outcome;
            bool found = false;
            if (outcome.ok()) {
                QString error;
                const auto page = Answers::jobs(outcome.rawBody, &error);
                if (!page) {
                    result.state = LookupState::Refused;
                    result.outcome.problem = ProblemDetails();
                    result.outcome.transportError = error;
                    return;
                }
                for (const JobRecord &job : page->items) {
                    if (job.jobKey == key.toString()) {
                        result.job = job;
                        found = true;
                        break;
                    }
                }
            }
            result.state = LookupRules::stateForSearch(outcome, found);
            if (found) {
                readDetails(call, options);
                call->m_announceJob = true; // only emitted when details are still pending
            } else if (result.state == LookupState::NotFound && options.neighbours)
                readNeighbours(call);
        });
    return call;
}

void JobLookup::readDetails(JobLookupCall *call, const Options &options)
{
    const JobRecord &job = *call->m_result.job;
    if (options.incident && supports(m_version, ApiFeature::IncidentSearch)) {
        SearchRequest incidents;
        incidents.target = SearchTarget::Incidents;
        incidents.filter.exact(QStringLiteral("jobKey"), job.jobKey)
            .exact(QStringLiteral("state"), QStringLiteral("ACTIVE"));
        incidents.limit = 1;
        call->send(incidents.toApiRequest(), [call](const Outcome &outcome) {
            JobLookupResult &result = call->m_result;
            if (!outcome.ok()) {
                result.incidentError
                    = LookupRules::stateForSearch(outcome, false) == LookupState::TransportError
                    ? outcome.transportError
                    : QStringLiteral("HTTP %1 %2")
                          .arg(outcome.httpStatus.value_or(0))
                          .arg(outcome.problem.title());
                return;
            }
            QString error;
            const auto page = Answers::incidents(outcome.rawBody, &error);
            if (!page)
                result.incidentError = error;
            else if (!page->items.isEmpty())
                result.incident = page->items.first();
        });
    }
    if (options.variables) {
        if (!supports(m_version, ApiFeature::VariableSearch)) {
            call->m_result.variablesError
                = QStringLiteral("this server has no variable search (Camunda 8.8 or later)");
            return;
        }
        if (!job.processInstanceKey.isEmpty())
            readVariables(call, job.processInstanceKey, false, options);
        if (!job.elementInstanceKey.isEmpty() && job.elementInstanceKey != job.processInstanceKey)
            readVariables(call, job.elementInstanceKey, true, options);
    }
}

void JobLookup::readVariables(
    JobLookupCall *call, const QString &scopeKey, bool local, const Options &options)
{
    SearchRequest search;
    search.target = SearchTarget::Variables;
    search.filter.exact(QStringLiteral("scopeKey"), scopeKey);
    search.sort = {SortField {QStringLiteral("name"), false}};
    search.limit = std::clamp(options.variablesLimit, 1, SearchRequest::kMaxLimit);
    search.truncateValues = !options.fullValues;
    call->send(search.toApiRequest(), [call, local, limit = search.limit](const Outcome &outcome) {
        JobLookupResult &result = call->m_result;
        if (!outcome.ok()) {
            if (outcome.httpStatus == 404 || outcome.httpStatus == 405)
                result.variablesError
                    = QStringLiteral("this server has no variable search (Camunda 8.8 or later)");
            else if (!outcome.httpStatus)
                result.variablesError = outcome.transportError;
            else
                result.variablesError = QStringLiteral("the variable search was refused (HTTP "
                                                       "%1 %2)")
                                            .arg(*outcome.httpStatus)
                                            .arg(outcome.problem.title());
            return;
        }
        QString error;
        const auto page = Answers::variables(outcome.rawBody, &error);
        if (!page) {
            result.variablesError = error;
            return;
        }
        (local ? result.localVariables : result.variables) = page->items;
        if (page->items.size() >= limit
            && (page->page.hasMoreTotalItems || page->page.totalItems.value_or(0) > limit))
            result.variablesComplete = false;
    });
}

void JobLookup::readNeighbours(JobLookupCall *call)
{
    const QList<JobKey> candidates = LookupRules::roundedNeighbours(call->m_result.key);
    if (candidates.isEmpty())
        return;
    // One chunk of $in per 100 keys; only the answered ones count, a failure adds nothing.
    const QList<SearchRequest> chunks = SearchRequest::jobsByKeys(candidates);
    for (const SearchRequest &chunk : chunks) {
        call->send(chunk.toApiRequest(), [call](const Outcome &outcome) {
            if (!outcome.ok())
                return;
            if (const auto page = Answers::jobs(outcome.rawBody))
                call->m_result.jobs.append(page->items);
        });
    }
}

JobLookupCall *JobLookup::lookUpMany(const QList<JobKey> &keys, int chunkSize)
{
    JobLookupCall *call = newCall(JobKey());
    if (!canSearch() || !m_client) {
        call->m_result.missing = keys;
        call->finishLater(LookupState::SearchUnavailable);
        return call;
    }
    if (keys.isEmpty()) {
        call->finishLater(LookupState::Found);
        return call;
    }
    readChunk(call, SearchRequest::jobsByKeys(keys, chunkSize), keys);
    return call;
}

void JobLookup::readChunk(JobLookupCall *call, QList<SearchRequest> chunks, QList<JobKey> keys)
{
    const SearchRequest chunk = chunks.takeFirst();
    call->send(chunk.toApiRequest(), [this, call, chunks, keys](const Outcome &outcome) {
        JobLookupResult &result = call->m_result;
        result.outcome = outcome;
        std::optional<SearchPage<JobRecord>> page;
        if (outcome.ok())
            page = Answers::jobs(outcome.rawBody);
        result.state = LookupRules::stateForSearch(outcome, true);
        if (outcome.ok() && !page)
            result.state = LookupState::Refused;
        if (result.state != LookupState::Found) {
            // Every key not yet found stays missing: nothing more is asked.
            QSet<QString> seen;
            for (const JobRecord &job : std::as_const(result.jobs))
                seen.insert(job.jobKey);
            for (const JobKey &key : keys) {
                if (!seen.contains(key.toString()))
                    result.missing.append(key);
            }
            return;
        }
        result.jobs.append(page->items);
        if (!chunks.isEmpty()) {
            readChunk(call, chunks, keys);
            return;
        }
        QSet<QString> seen;
        for (const JobRecord &job : std::as_const(result.jobs))
            seen.insert(job.jobKey);
        for (const JobKey &key : keys) {
            if (!seen.contains(key.toString()))
                result.missing.append(key);
        }
    });
}

JobLookupCall *JobLookup::lookUpVariable(const JobKey &variableKey)
{
    JobLookupCall *call = newCall(variableKey);
    if (!supports(m_version, ApiFeature::VariableSearch) || !m_client) {
        call->finishLater(LookupState::SearchUnavailable);
        return call;
    }
    LookupRequest request;
    request.target = LookupRequest::Target::Variable;
    request.key = variableKey;
    call->send(request.toApiRequest(), [call](const Outcome &outcome) {
        JobLookupResult &result = call->m_result;
        result.outcome = outcome;
        std::optional<VariableRecord> variable;
        if (outcome.ok())
            variable = Answers::variable(outcome.rawBody);
        if (outcome.httpStatus == 404) {
            result.state = LookupState::NotFound; // the variable is gone (or never was)
            return;
        }
        result.state = LookupRules::stateForSearch(outcome, variable.has_value());
        if (variable)
            result.variables = {*variable};
    });
    return call;
}

JobLookupCall *JobLookup::recheck(const Outcome &attempt)
{
    const JobKey key = JobKey::parse(attempt.request.subjectKey).key.value_or(JobKey());
    Options options;
    options.incident = false;
    options.variables = false;
    options.neighbours = false;
    if (m_client)
        options.timeout = std::max(m_client->timeout(), kRecheckMinTimeout);
    JobLookupCall *call = lookUp(key, options);
    call->m_recheckAction = attempt.request.action; // judged in finish(), before it is emitted
    return call;
}

} // namespace JobDesk
