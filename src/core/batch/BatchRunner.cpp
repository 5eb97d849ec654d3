// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/batch/BatchRunner.h"

#include "core/batch/BatchPlan.h"
#include "core/batch/BatchReport.h"
#include "core/camunda/CompletionRequest.h"
#include "core/http/JobsClient.h"
#include "core/json/JsonTree.h"
#include "core/lookup/JobLookup.h"

#include <algorithm>

namespace JobDesk {

namespace {

/// Items paged from the journal at a time.
constexpr int kPageSize = 1000;
/// Items marked Sending per journal commit, at least (more at a high concurrency).
constexpr int kMarkWindow = 128;
/// Results per grouped commit, and the longest a result waits for its commit.
constexpr int kResultsPerCommit = 1024;
constexpr int kResultsMaxWaitMs = 100;
constexpr int kProgressIntervalMs = 100;
/// The rate is measured over this much recent time.
constexpr qint64 kRateWindowMs = 5000;
/// A retried key waits at least this long.
constexpr qint64 kTransportRetryMs = 500;
/// A re-check that cannot tell (busy server, no answer) is asked again this often.
constexpr int kMaxRecheckTries = 6;

const QString kConfirmedNote = QStringLiteral("completed: confirmed by lookup");

} // namespace

// -- options

QByteArray BatchRunOptions::toJson() const
{
    return QByteArrayLiteral("{\"concurrency\":") + QByteArray::number(concurrency)
        + QByteArrayLiteral(",\"stopOnError\":") + (stopOnError ? "true" : "false")
        + QByteArrayLiteral(",\"errorBudget\":") + QByteArray::number(errorBudget)
        + QByteArrayLiteral(",\"transportRetries\":") + QByteArray::number(transportRetries) + '}';
}

BatchRunOptions BatchRunOptions::fromJson(const QByteArray &json)
{
    BatchRunOptions options;
    const Json::Document document = Json::Document::fromUtf8(json);
    if (!document.isValid() || !document.root().isObject())
        return options;
    const Json::Value root = document.root();
    if (const auto n = root[u"concurrency"].toInt64())
        options.concurrency = static_cast<int>(std::clamp<qint64>(*n, 1, kMaxConcurrency));
    if (const auto b = root[u"stopOnError"].toBool())
        options.stopOnError = *b;
    if (const auto n = root[u"errorBudget"].toInt64())
        options.errorBudget = *n;
    if (const auto n = root[u"transportRetries"].toInt64())
        options.transportRetries = static_cast<int>(std::clamp<qint64>(*n, 0, 100));
    return options;
}

// -- item outcome

bool BatchItemOutcome::isCompleted() const
{
    if (state != BatchItemState::Done)
        return false;
    if (outcome == OutcomeKind::Completed || outcome == OutcomeKind::Denied)
        return true;
    return note.startsWith(kConfirmedNote);
}

QString BatchItemOutcome::outcomeName() const
{
    if (state == BatchItemState::Skipped) {
        if (const auto verdict = BatchPlanRules::verdictOfNote(note))
            return planVerdictName(*verdict);
        return QStringLiteral("skipped");
    }
    if (isCompleted())
        return outcomeKindName(OutcomeKind::Completed);
    if (outcome)
        return outcomeKindName(*outcome);
    if (state == BatchItemState::Planned)
        return QStringLiteral("not-sent");
    if (state == BatchItemState::Sending)
        return QStringLiteral("unknown");
    return QStringLiteral("refused");
}

BatchItemOutcome BatchItemOutcome::fromItem(const BatchItem &item)
{
    BatchItemOutcome o;
    o.line = item.line;
    o.jobKey = item.jobKey;
    o.state = item.state;
    o.outcome = item.outcome;
    o.httpStatus = item.httpStatus;
    o.problem = item.problem;
    o.error = item.error;
    o.note = item.note;
    o.attempts = item.attempts;
    return o;
}

// -- back-off

BatchBackoff::BatchBackoff(int maximum)
    : m_maximum(std::clamp(maximum, 1, BatchRunOptions::kMaxConcurrency))
    , m_limit(m_maximum)
{
}

qint64 BatchBackoff::onBackpressure(qint64 nowMs)
{
    m_successes = 0;
    ++m_streak;
    // One cut per round trip: the answers of requests already in flight say the same thing.
    if (nowMs - m_lastCutMs >= kCutIntervalMs) {
        m_limit = std::max(1, m_limit * 3 / 4);
        m_lastCutMs = nowMs;
    }
    // The key waits longer the longer the server keeps pushing back (100 ms … 6.4 s); when it
    // refuses everything, nothing new goes out for that long either.
    const qint64 delay = std::min<qint64>(kMaxDelayMs, kFirstDelayMs << std::min(m_streak - 1, 6));
    if (m_streak >= kPauseStreak)
        m_pauseUntilMs = std::max(m_pauseUntilMs, nowMs + delay);
    return delay;
}

void BatchBackoff::onSuccess()
{
    m_streak = 0;
    if (m_limit >= m_maximum)
        return;
    // Additive increase: one more in flight after two rounds of successes at the current limit.
    if (++m_successes >= m_limit * 2) {
        ++m_limit;
        m_successes = 0;
    }
}

// -- runner

BatchRunner::BatchRunner(JobsClient *client, BatchJournal *journal, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kResultsMaxWaitMs);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        flushResults();
        maybeEnd();
    });
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &BatchRunner::pump);
    m_progressTimer.setInterval(kProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] { emitProgress(); });
}

BatchRunner::~BatchRunner() = default;

void BatchRunner::setHistoryIdentity(
    HistorySource source, const QString &connection, bool production)
{
    m_source = source;
    m_connection = connection;
    m_production = production;
}

void BatchRunner::setOptions(const BatchRunOptions &options)
{
    m_optionsOverride = options;
    m_options = options;
}

bool BatchRunner::start(qint64 batchId)
{
    if (m_state != State::Idle) {
        m_error = QStringLiteral("the runner has run already");
        return false;
    }
    const std::optional<BatchInfo> info = m_journal->batch(batchId);
    if (!info) {
        m_error = m_journal->error();
        return false;
    }
    const std::optional<BatchPayload> payload
        = BatchPayload::fromBody(info->spec.payload, &m_error);
    if (!payload)
        return false;
    if (const QString tooOld = versionProblem(m_version, payload->features()); !tooOld.isEmpty()) {
        m_error = tooOld + QStringLiteral(" Nothing was sent.");
        return false;
    }
    if (!m_client) {
        m_error = QStringLiteral("no client");
        return false;
    }
    m_payload = *payload;
    m_batchId = batchId;
    m_options = m_optionsOverride.value_or(BatchRunOptions::fromJson(info->spec.options));
    m_options.concurrency = std::clamp(m_options.concurrency, 1, BatchRunOptions::kMaxConcurrency);
    m_backoff = BatchBackoff(m_options.concurrency);
    m_lookup = std::make_unique<JobLookup>(m_client);
    m_lookup->setServerVersion(m_version);
    m_writer = std::make_unique<BatchJournalWriter>();
    if (!m_writer->open(m_journal->path())) {
        m_error = m_writer->error();
        m_writer.reset();
        return false;
    }
    m_clock.start();
    if (!m_journal->setState(batchId, BatchState::Running)) {
        m_error = m_journal->error();
        return false;
    }
    m_resolving = true;
    setState(State::Resolving);
    m_progressTimer.start();
    loadCounts();
    return true;
}

void BatchRunner::loadCounts()
{
    using Totals = std::pair<std::optional<BatchTotals>, QString>;
    const qint64 batchId = m_batchId;
    m_writer->read<Totals>(
        [batchId](const BatchJournal *journal) {
            if (!journal)
                return Totals {std::nullopt, QStringLiteral("the batch journal is not open")};
            QString error;
            std::optional<BatchTotals> totals = BatchReport::totals(*journal, batchId, &error);
            return Totals {totals, error};
        },
        [this](const Totals &read) {
            if (m_state == State::Finished)
                return;
            if (!read.first) {
                end(EndReason::JournalError, read.second);
                return;
            }
            const BatchTotals &totals = *read.first;
            const qint64 inFlight = m_progress.inFlight;
            m_progress = {};
            m_progress.total = totals.total;
            m_progress.completed = totals.completed;
            m_progress.skipped = totals.skipped;
            m_progress.refused = totals.refused;
            m_progress.remaining = totals.undone; // planned or sending: this run's work
            m_progress.inFlight = inFlight;
            m_progress.concurrency = m_backoff.limit();
            resolveSending();
        });
}

void BatchRunner::resolveSending()
{
    if (m_stopReason) {
        m_resolving = false;
        maybeEnd();
        return;
    }
    // Items a run that died left Sending: their requests may have arrived. Look each up
    // before deciding; never send blind.
    const std::optional<QList<BatchItem>> page
        = m_journal->items(m_batchId, {BatchItemState::Sending}, m_resolvedLine, kPageSize);
    if (!page) {
        end(EndReason::JournalError, m_journal->error());
        return;
    }
    if (page->isEmpty()) {
        // What the look-ups set back to Planned is read from the journal from now on: only
        // once it is committed.
        m_writer->whenIdle([this] {
            if (m_state == State::Finished)
                return;
            m_resolving = false;
            if (m_state == State::Resolving)
                setState(State::Running);
            pump();
            maybeEnd();
        });
        return;
    }
    m_resolvedLine = page->last().line;
    m_resolveTries = 0;
    lookUpSending(*page);
}

void BatchRunner::lookUpSending(const QList<BatchItem> &items)
{
    QList<JobKey> keys;
    for (const BatchItem &item : items) {
        if (const auto key = JobKey::parse(item.jobKey).key)
            keys.append(*key);
    }
    JobLookupCall *call = m_lookup->lookUpMany(keys, 500);
    ++m_rechecks;
    connect(call, &JobLookupCall::finished, this, [this, call, items](const JobLookupResult &r) {
        call->deleteLater();
        --m_rechecks;
        onResolved(items, r);
    });
}

void BatchRunner::onResolved(const QList<BatchItem> &items, const JobLookupResult &result)
{
    if (result.state != LookupState::Found && result.state != LookupState::Cancelled
        && m_resolveTries < kMaxRecheckTries && !m_stopReason) {
        ++m_resolveTries;
        ++m_rechecks;
        QTimer::singleShot(kTransportRetryMs * m_resolveTries, this, [this, items] {
            --m_rechecks;
            lookUpSending(items);
        });
        return;
    }
    if (result.state != LookupState::Found) {
        // No verdict: the items stay Sending (undone); `batch resume` looks them up again.
        for (const BatchItem &item : items) {
            BatchItemOutcome o = BatchItemOutcome::fromItem(item);
            o.note = QStringLiteral("unknown: the look-up before resuming failed (%1)")
                         .arg(lookupStateName(result.state));
            ++m_progress.undone;
            --m_progress.remaining;
            emit itemFinished(o);
        }
        QTimer::singleShot(0, this, &BatchRunner::resolveSending);
        return;
    }
    QHash<QString, JobRecord> jobs;
    for (const JobRecord &job : result.jobs)
        jobs.insert(job.jobKey, job);
    QList<ItemResult> results;
    for (const BatchItem &item : items) {
        ItemResult r;
        r.line = item.line;
        r.historyId = item.historyId;
        const auto it = jobs.constFind(item.jobKey);
        BatchItemOutcome o = BatchItemOutcome::fromItem(item);
        if (it == jobs.constEnd() || LookupRules::isOpenState(it->state)) {
            // Not applied (or unknown to the search, where a completion gets 404 anyway):
            // it is sent again below, exactly once more.
            r.state = BatchItemState::Planned;
            r.check = it == jobs.constEnd() ? LookupCheck::Inconclusive : LookupCheck::NotApplied;
            results.append(r);
            continue;
        }
        r.state = BatchItemState::Done;
        if (it->state == QLatin1String("COMPLETED")) {
            r.note = kConfirmedNote + QStringLiteral(" on resume");
            r.check = LookupCheck::Applied;
            ++m_progress.completed;
        } else {
            r.note = QStringLiteral("the job is %1 (looked up on resume)").arg(it->state);
            r.check = LookupCheck::NotApplied;
            ++m_progress.refused;
        }
        --m_progress.remaining;
        o.state = r.state;
        o.note = r.note;
        results.append(r);
        m_finishedUncommitted.append(o);
    }
    m_results.append(results);
    flushResults();
    if (m_state == State::Finished)
        return;
    // There may be more than a page of them (m_resolvedLine moves on).
    QTimer::singleShot(0, this, &BatchRunner::resolveSending);
}

void BatchRunner::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void BatchRunner::pause()
{
    if (m_state != State::Running && m_state != State::Resolving)
        return;
    setState(State::Pausing);
    m_journal->setState(m_batchId, BatchState::Paused);
    maybeEnd();
}

void BatchRunner::resume()
{
    if (m_state != State::Paused && m_state != State::Pausing)
        return;
    m_journal->setState(m_batchId, BatchState::Running);
    setState(m_resolving ? State::Resolving : State::Running);
    pump();
}

void BatchRunner::cancel()
{
    if (m_state == State::Finished || m_state == State::Idle)
        return;
    if (!m_stopReason)
        m_stopReason = EndReason::Cancelled;
    setState(State::Stopping);
    maybeEnd();
}

void BatchRunner::fillQueue()
{
    if (m_reading || m_journalDrained || static_cast<int>(m_planned.size()) >= kPageSize / 2)
        return;
    m_reading = true;
    m_writer->readItems(m_batchId, {BatchItemState::Planned}, m_pageAfter, kPageSize,
        [this](const std::optional<QList<BatchItem>> &page, const QString &error) {
            m_reading = false;
            if (m_state == State::Finished)
                return;
            if (!page) {
                end(EndReason::JournalError, error);
                return;
            }
            if (page->isEmpty()) {
                m_journalDrained = true;
            } else {
                m_pageAfter = page->last().line;
                for (const BatchItem &item : *page)
                    m_planned.push_back(item);
            }
            pump();
            maybeEnd();
        });
}

bool BatchRunner::markWindow()
{
    const qint64 now = nowMs();
    const int window = std::max(kMarkWindow, 2 * m_backoff.maximum());
    QList<Pending> batch;
    // Keys due again first (their results must be committed before they are marked anew).
    bool retriesDue = false;
    for (auto it = m_retry.begin(); it != m_retry.end() && batch.size() < window;) {
        if (it->dueMs <= now) {
            batch.append(*it);
            it = m_retry.erase(it);
            retriesDue = true;
        } else {
            ++it;
        }
    }
    // Their results must be committed before they are marked anew: the writer writes in the
    // order it is handed things.
    if (retriesDue && !m_results.isEmpty())
        flushResults();
    while (batch.size() < window && !m_planned.empty()) {
        const BatchItem item = m_planned.front();
        m_planned.pop_front();
        Pending p;
        p.line = item.line;
        p.jobKey = item.jobKey;
        p.variables = item.payload;
        p.attempts = item.attempts;
        batch.append(p);
    }
    fillQueue();
    if (batch.isEmpty())
        return true;
    QList<SendingItem> sending;
    sending.reserve(batch.size());
    const QDateTime time = QDateTime::currentDateTimeUtc();
    for (Pending &p : batch) {
        p.request = completionRequest(p);
        SendingItem s;
        s.line = p.line;
        s.attempt = HistoryEntry::forAttempt(
            m_client->describe(p.request), m_source, m_connection, m_production, time);
        sending.append(s);
    }
    // The requests leave once the marks are committed; meanwhile those marked before are sent.
    m_marking = true;
    m_writer->markSending(m_batchId, sending,
        [this, batch](const std::optional<QList<qint64>> &ids, const QString &error) {
            m_marking = false;
            if (m_state == State::Finished)
                return;
            if (!ids) {
                end(EndReason::JournalError, error);
                return;
            }
            for (int i = 0; i < batch.size(); ++i) {
                Pending p = batch[i];
                p.historyId = ids->at(i);
                ++p.attempts;
                m_ready.push_back(p);
            }
            pump();
            maybeEnd();
        });
    return true;
}

void BatchRunner::pump()
{
    if (m_state != State::Running || m_resolving)
        return;
    const qint64 now = nowMs();
    // Requests first: the journal's commits run in a later turn of the event loop, after the
    // requests started here are on the wire, so the connections never wait for the disk.
    while (m_inFlight < m_backoff.limit() && !m_ready.empty() && m_backoff.pauseUntil() <= now) {
        Pending p = m_ready.front();
        m_ready.pop_front();
        sendOne(p);
    }
    const int refillBelow = std::max(2 * m_backoff.maximum(), kMarkWindow / 2);
    bool retryDue = false;
    for (const Pending &p : m_retry)
        retryDue = retryDue || p.dueMs <= now;
    if (static_cast<int>(m_ready.size()) < refillBelow) {
        if (retryDue || !m_planned.empty())
            requestMark();
        else
            fillQueue(); // the page, once read, pumps again
    }
    // Wake up for the earliest retry or the end of a back-off pause.
    qint64 wake = -1;
    if (m_backoff.pauseUntil() > now)
        wake = m_backoff.pauseUntil();
    for (const Pending &p : m_retry)
        wake = wake < 0 ? p.dueMs : std::min(wake, p.dueMs);
    if (wake >= 0 && m_inFlight < m_backoff.limit()) {
        const qint64 delay = std::max<qint64>(1, wake - now);
        if (!m_pumpTimer.isActive() || m_pumpTimer.remainingTime() > delay)
            m_pumpTimer.start(static_cast<int>(delay));
    }
    maybeEnd();
}

void BatchRunner::requestMark()
{
    if (m_markQueued || m_marking)
        return;
    m_markQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_markQueued = false;
            if (m_state != State::Running || m_resolving || m_marking)
                return;
            // Nothing to mark (all sent, or only retries not yet due): the pump decides.
            if (markWindow() && !m_marking)
                pump();
        },
        Qt::QueuedConnection);
}

void BatchRunner::requestFlush()
{
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_flushQueued = false;
            flushResults();
            maybeEnd();
        },
        Qt::QueuedConnection);
}

ApiRequest BatchRunner::completionRequest(const Pending &item) const
{
    ApiRequest request;
    request.action = ActionKind::Complete;
    request.method = QByteArrayLiteral("POST");
    request.relativePath = CompletionRequest::relativePathFor(item.jobKey);
    request.subjectKey = item.jobKey;
    request.body = m_payload.bodyFor(item.variables);
    request.features = m_payload.features();
    return request;
}

void BatchRunner::sendOne(Pending item)
{
    item.startedMs = nowMs();
    if (item.again)
        ++m_progress.retries;
    // The request its mark recorded; it is not needed once sent (the outcome holds it).
    const ApiRequest request = std::exchange(item.request, {});
    ApiCall *call = m_client->send(request);
    ++m_inFlight;
    m_progress.inFlight = m_inFlight;
    connect(call, &ApiCall::finished, this, [this, call, item](const Outcome &outcome) {
        call->deleteLater();
        --m_inFlight;
        onAnswer(item, outcome);
    });
}

void BatchRunner::onAnswer(Pending item, const Outcome &outcome)
{
    m_progress.inFlight = m_inFlight;
    switch (outcome.kind) {
    case OutcomeKind::Completed:
    case OutcomeKind::Denied:
        m_backoff.onSuccess();
        finishItem(item, BatchItemState::Done, &outcome, {}, LookupCheck::None, Tally::Completed);
        break;
    case OutcomeKind::Backpressure:
        // Nothing was applied: lower the rate, and the key goes again later.
        retryLater(item, m_backoff.onBackpressure(nowMs()), outcome, LookupCheck::None);
        break;
    case OutcomeKind::TransportError:
        // Nothing left the machine (refused, DNS, TLS): safe to try again a few times.
        if (item.transportTries < m_options.transportRetries && !m_stopReason) {
            ++item.transportTries;
            retryLater(item, kTransportRetryMs * item.transportTries, outcome, LookupCheck::None);
        } else {
            finishItem(
                item, BatchItemState::Planned, &outcome, {}, LookupCheck::None, Tally::Undone);
        }
        break;
    case OutcomeKind::SentNoAnswer:
    case OutcomeKind::Cancelled:
    case OutcomeKind::ServerError:
        // The request may have arrived (a lost answer; a 5xx may or may not have been applied):
        // look the job up before deciding, never send blind.
        recheck(item, outcome);
        break;
    default:
        m_backoff.onSuccess();
        finishItem(item, BatchItemState::Done, &outcome, {}, LookupCheck::None, Tally::Refused);
        countRefusal(outcome);
        break;
    }
    pump();
    maybeEnd();
}

void BatchRunner::countRefusal(const Outcome &outcome)
{
    ++m_refusals;
    // Credentials the server refuses fail every other item the same way: stop at once.
    const bool credentials
        = outcome.kind == OutcomeKind::Unauthorized || outcome.kind == OutcomeKind::Forbidden;
    if (credentials || m_options.stopOnError
        || (m_options.errorBudget >= 0 && m_refusals > m_options.errorBudget)) {
        if (!m_stopReason) {
            m_stopReason = EndReason::StoppedOnError;
            setState(State::Stopping);
        }
    }
}

void BatchRunner::recheck(Pending item, const Outcome &outcome)
{
    ++m_rechecks;
    JobLookupCall *call = m_lookup->recheck(outcome);
    connect(call, &JobLookupCall::finished, this,
        [this, call, item, outcome](const JobLookupResult &result) {
            call->deleteLater();
            --m_rechecks;
            onRechecked(item, outcome, result);
        });
}

void BatchRunner::onRechecked(Pending item, const Outcome &outcome, const JobLookupResult &result)
{
    const RecheckResult verdict = result.recheck.value_or(RecheckResult());
    const bool lookupMayAnswer
        = result.state == LookupState::TransportError || result.state == LookupState::Refused;
    if (verdict.verdict == RecheckVerdict::Unknown && item.lookups < kMaxRecheckTries
        && !m_stopReason && lookupMayAnswer) {
        // The look-up itself met a busy server or no answer: ask again shortly.
        ++item.lookups;
        ++m_rechecks;
        QTimer::singleShot(kTransportRetryMs * item.lookups, this, [this, item, outcome] {
            --m_rechecks;
            recheck(item, outcome);
        });
        return;
    }
    const bool answered = outcome.kind == OutcomeKind::ServerError;
    switch (verdict.verdict) {
    case RecheckVerdict::Applied:
        finishItem(item, BatchItemState::Done, &outcome, kConfirmedNote, LookupCheck::Applied,
            Tally::Completed);
        break;
    case RecheckVerdict::NotApplied:
        if (item.transportTries < m_options.transportRetries && !m_stopReason) {
            ++item.transportTries;
            retryLater(
                item, kTransportRetryMs * item.transportTries, outcome, LookupCheck::NotApplied);
        } else if (answered) {
            finishItem(item, BatchItemState::Done, &outcome,
                QStringLiteral("not applied (looked up)"), LookupCheck::NotApplied, Tally::Refused);
            countRefusal(outcome);
        } else {
            finishItem(item, BatchItemState::Planned, &outcome,
                QStringLiteral("not applied (looked up): safe to retry"), LookupCheck::NotApplied,
                Tally::Undone);
        }
        break;
    case RecheckVerdict::Unknown:
        if (answered) {
            finishItem(item, BatchItemState::Done, &outcome,
                QStringLiteral("unknown: %1").arg(verdict.summary), LookupCheck::Inconclusive,
                Tally::Refused);
            countRefusal(outcome);
            break;
        }
        // Stays Sending: `batch resume` looks it up again before anything is sent.
        finishItem(item, BatchItemState::Sending, &outcome,
            QStringLiteral("unknown: %1").arg(verdict.summary), LookupCheck::None, Tally::Undone);
        break;
    }
    pump();
    maybeEnd();
}

void BatchRunner::finishItem(const Pending &item, BatchItemState state, const Outcome *outcome,
    const QString &note, LookupCheck check, Tally tally)
{
    ItemResult r;
    r.line = item.line;
    r.state = state;
    if (outcome)
        r.outcome = *outcome;
    r.historyId = item.historyId;
    r.note = note;
    r.check = check;
    m_results.append(r);

    BatchItemOutcome o;
    o.line = item.line;
    o.jobKey = item.jobKey;
    o.state = state;
    if (outcome) {
        o.outcome = outcome->kind;
        o.httpStatus = outcome->httpStatus;
        if (outcome->problem.isProblem())
            o.problem = outcome->rawBody;
        o.error = outcome->transportError;
        o.elapsedMs = outcome->elapsedMs;
    }
    o.note = note;
    o.attempts = item.attempts;
    m_finishedUncommitted.append(o);

    --m_progress.remaining;
    switch (tally) {
    case Tally::Completed:
        ++m_progress.completed;
        break;
    case Tally::Refused:
        ++m_progress.refused;
        break;
    case Tally::Undone:
        ++m_progress.undone;
        break;
    }
    if (m_results.size() >= kResultsPerCommit)
        requestFlush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void BatchRunner::retryLater(
    Pending item, qint64 delayMs, const Outcome &outcome, LookupCheck check)
{
    item.again = true; // counted when it really leaves again (a cancel may come first)
    ItemResult r;
    r.line = item.line;
    r.state = BatchItemState::Planned;
    r.outcome = outcome;
    r.historyId = item.historyId;
    r.check = check;
    m_results.append(r);
    item.historyId = 0;
    item.dueMs = nowMs() + delayMs;
    m_retry.push_back(item);
    if (m_results.size() >= kResultsPerCommit)
        requestFlush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void BatchRunner::flushResults()
{
    m_flushTimer.stop();
    if (m_results.isEmpty() && m_finishedUncommitted.isEmpty())
        return;
    // Each item is announced once its outcome is committed.
    const QList<BatchItemOutcome> done = std::exchange(m_finishedUncommitted, {});
    const auto announce = [this, done](bool ok, const QString &error) {
        if (m_state == State::Finished)
            return;
        if (!ok) {
            end(EndReason::JournalError, error);
            return;
        }
        for (const BatchItemOutcome &o : done)
            emit itemFinished(o);
        maybeEnd();
    };
    if (m_results.isEmpty())
        m_writer->whenIdle([announce] { announce(true, {}); });
    else
        m_writer->recordResults(m_batchId, std::exchange(m_results, {}), announce);
}

void BatchRunner::releaseUnsent()
{
    // Marked Sending but never sent (and their history rows Pending): back to Planned, their
    // rows finished as "not sent", so nothing looks unknown that is known.
    if (m_ready.empty())
        return;
    for (const Pending &p : m_ready) {
        Outcome notSent;
        notSent.kind = OutcomeKind::Cancelled;
        notSent.transportError
            = QStringLiteral("not sent: the batch stopped before this request left");
        ItemResult r;
        r.line = p.line;
        r.state = BatchItemState::Planned;
        r.outcome = notSent;
        r.historyId = p.historyId;
        r.check = LookupCheck::NotApplied;
        m_results.append(r);
    }
    m_ready.clear();
}

void BatchRunner::emitProgress(bool force)
{
    const qint64 now = nowMs();
    m_progress.elapsedMs = now;
    m_progress.inFlight = m_inFlight;
    m_progress.concurrency = m_backoff.limit();
    const qint64 finished = m_progress.finished();
    m_rateSamples.emplace_back(now, finished);
    while (m_rateSamples.size() > 2 && m_rateSamples.front().first < now - kRateWindowMs)
        m_rateSamples.pop_front();
    const auto &[t0, f0] = m_rateSamples.front();
    m_progress.ratePerSecond = now > t0 ? (finished - f0) * 1000.0 / (now - t0) : 0.0;
    const qint64 left = m_progress.remaining + m_progress.inFlight;
    m_progress.etaMs = m_progress.ratePerSecond > 0
        ? static_cast<qint64>(left * 1000.0 / m_progress.ratePerSecond)
        : -1;
    Q_UNUSED(force)
    emit progressChanged(m_progress);
}

void BatchRunner::maybeEnd()
{
    if (m_state == State::Finished || m_state == State::Idle)
        return;
    if (m_inFlight > 0 || m_rechecks > 0 || m_marking || m_reading)
        return;
    if (m_resolving && !m_stopReason)
        return;
    if (m_state == State::Pausing) {
        flushResults();
        if (m_state != State::Finished) {
            emitProgress(true);
            setState(State::Paused);
        }
        return;
    }
    if (m_stopReason) {
        releaseUnsent();
        end(*m_stopReason);
        return;
    }
    if (m_state != State::Running)
        return;
    const bool nothingLeft
        = m_ready.empty() && m_retry.empty() && m_planned.empty() && m_journalDrained;
    if (nothingLeft)
        end(EndReason::Completed);
}

void BatchRunner::end(EndReason reason, const QString &error)
{
    if (m_state == State::Finished)
        return;
    if (reason == EndReason::JournalError || !m_writer) {
        finishEnd(reason, error);
        return;
    }
    if (m_ending)
        return;
    m_ending = true;
    m_pumpTimer.stop();
    flushResults();
    m_writer->whenIdle([this, reason, error] {
        if (m_state != State::Finished)
            finishEnd(reason, error);
    });
}

void BatchRunner::finishEnd(EndReason reason, const QString &error)
{
    m_progressTimer.stop();
    m_pumpTimer.stop();
    m_flushTimer.stop();
    if (reason == EndReason::Completed)
        m_journal->setState(m_batchId, BatchState::Finished);
    else if (reason != EndReason::JournalError)
        m_journal->setState(m_batchId, BatchState::Cancelled);
    // Whatever is still queued is left to the next run (undone).
    m_progress.undone += m_progress.remaining;
    m_progress.remaining = 0;
    m_error = error;
    emitProgress(true);
    setState(State::Finished);
    emit finished(reason, error);
}

} // namespace JobDesk
