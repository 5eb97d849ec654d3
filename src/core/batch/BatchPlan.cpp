// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/batch/BatchPlan.h"

#include "core/http/JobsClient.h"
#include "core/lookup/JobFit.h"
#include "core/lookup/JobLookup.h"
#include "core/lookup/JobSearchPager.h"

#include <QElapsedTimer>
#include <QTimer>

namespace JobDesk {

namespace {

/// Rows read per turn of the event loop at most, and per journal transaction.
constexpr int kRowsPerSlice = 2000;
/// Reading per turn of the event loop at most: long rows (a CSV with big variables) must not
/// hold a window's UI thread for a frame either.
constexpr qint64 kSliceNs = 4'000'000;
/// Slices handed to the journal writer and not yet committed before reading waits for it: the
/// input is read while the last slice is written, and the rows in memory stay few.
constexpr int kSlicesWriting = 2;
/// A chunk's look-up is tried this often when the server is busy or the answer is lost.
constexpr int kMaxLookupTries = 6;
/// Look-up requests in flight while planning.
constexpr int kChunksInFlight = 2;

struct VerdictName
{
    PlanVerdict verdict;
    const char *name;
    const char *label;
};

constexpr std::array<VerdictName, kPlanVerdictCount> kVerdicts {{
    {PlanVerdict::WillComplete, "will-complete", "will complete"},
    {PlanVerdict::Unchecked, "unchecked", "will be sent (not looked up)"},
    {PlanVerdict::AlreadyCompleted, "already-completed", "already completed"},
    {PlanVerdict::NotFound, "not-found", "not found"},
    {PlanVerdict::NeedsRepair, "needs-repair", "failed: needs repair"},
    {PlanVerdict::NotOpen, "not-open", "cannot be completed"},
    {PlanVerdict::KindMismatch, "kind-mismatch", "kind does not fit the payload"},
    {PlanVerdict::Duplicate, "duplicate", "duplicate row"},
}};

QString misfitText(Misfit misfit, const JobRecord &job)
{
    switch (misfit) {
    case Misfit::DenyNotTaskListener:
        return QStringLiteral("a denial for a %1 job (only task listeners can deny)").arg(job.kind);
    case Misfit::DenyEventNotAllowed:
        return QStringLiteral("a denial for a %1 listener event, which cannot be denied")
            .arg(job.listenerEventType);
    case Misfit::CorrectionsNotTaskListener:
        return QStringLiteral("corrections for a %1 job (only task listeners take them)")
            .arg(job.kind);
    case Misfit::CorrectionsEventNotAllowed:
        return QStringLiteral("corrections for a %1 listener event, which takes none")
            .arg(job.listenerEventType);
    case Misfit::VariablesOnTaskListener:
        return QStringLiteral("variables for a task listener job (completed without variables)");
    case Misfit::JobNotOpen:
        return QStringLiteral("the job is %1").arg(job.state);
    }
    return {};
}

} // namespace

QString planVerdictName(PlanVerdict verdict)
{
    return QString::fromLatin1(kVerdicts[static_cast<int>(verdict)].name);
}

std::optional<PlanVerdict> planVerdictFromName(const QString &name)
{
    for (const VerdictName &v : kVerdicts) {
        if (name == QLatin1String(v.name))
            return v.verdict;
    }
    return std::nullopt;
}

QString planVerdictLabel(PlanVerdict verdict)
{
    return QString::fromLatin1(kVerdicts[static_cast<int>(verdict)].label);
}

bool planVerdictSends(PlanVerdict verdict)
{
    return verdict == PlanVerdict::WillComplete || verdict == PlanVerdict::Unchecked;
}

bool planVerdictIsHarmless(PlanVerdict verdict)
{
    return verdict == PlanVerdict::AlreadyCompleted || verdict == PlanVerdict::Duplicate;
}

namespace BatchPlanRules {

PlanVerdict classify(const std::optional<JobRecord> &job, const BatchPayload &payload,
    bool rowHasVariables, QString *why)
{
    auto say = [why](const QString &text) {
        if (why)
            *why = text;
    };
    if (!job) {
        say(QStringLiteral("the job search does not know the key"));
        return PlanVerdict::NotFound;
    }
    if (job->state == QLatin1String("COMPLETED")) {
        say(QStringLiteral("the job is COMPLETED"));
        return PlanVerdict::AlreadyCompleted;
    }
    if (job->state == QLatin1String("FAILED")) {
        say(job->retries ? QStringLiteral("the job is FAILED with %1 retries: raise its retries "
                                          "and resolve its incident first")
                               .arg(*job->retries)
                         : QStringLiteral("the job is FAILED: raise its retries and resolve its "
                                          "incident first"));
        return PlanVerdict::NeedsRepair;
    }
    if (!LookupRules::isOpenState(job->state)) {
        say(QStringLiteral("the job is %1")
                .arg(job->state.isEmpty() ? QStringLiteral("in no state") : job->state));
        return PlanVerdict::NotOpen;
    }
    CompletionShape shape;
    shape.deny = payload.denies();
    shape.corrections = payload.hasCorrections();
    shape.variables = payload.hasVariables() || rowHasVariables;
    for (const Misfit misfit : JobFit::misfits(*job, shape)) {
        if (misfit == Misfit::JobNotOpen)
            continue;
        say(misfitText(misfit, *job));
        return PlanVerdict::KindMismatch;
    }
    say(QStringLiteral("the job is %1").arg(job->state));
    return PlanVerdict::WillComplete;
}

QString skipNote(PlanVerdict verdict, const QString &why)
{
    return why.isEmpty() ? planVerdictName(verdict)
                         : planVerdictName(verdict) + QStringLiteral(": ") + why;
}

std::optional<PlanVerdict> verdictOfNote(const QString &note)
{
    const qsizetype colon = note.indexOf(u':');
    return planVerdictFromName(colon < 0 ? note : note.left(colon));
}

} // namespace BatchPlanRules

void BatchPlanSummary::add(
    PlanVerdict verdict, qint64 line, const QString &jobKey, const QString &why)
{
    const int i = static_cast<int>(verdict);
    ++counts[i];
    if (!planVerdictSends(verdict) && examples[i].size() < kExamplesPerVerdict)
        examples[i].append({line, jobKey, why});
}

// -- planner

BatchPlanner::BatchPlanner(JobsClient *client, BatchJournal *journal, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(journal)
{
}

BatchPlanner::~BatchPlanner()
{
    // Never finished (the window closed while planning): the half-read batch goes; the writer
    // finishes what it was handed, this removal last, before it closes.
    if (!m_planned && !m_removing && m_batchId != 0 && m_writer)
        m_writer->removeBatch(m_batchId, [](bool, const QString &) {});
}

void BatchPlanner::start(const BatchSpec &spec, const BatchSource &source)
{
    m_source = source;
    QString error;
    const std::optional<BatchPayload> payload = BatchPayload::fromBody(spec.payload, &error);
    if (!payload) {
        QTimer::singleShot(0, this, [this, error] { fail(FailReason::BadPayload, error); });
        return;
    }
    m_payload = *payload;
    // What the server's version cannot take would be refused item by item: said at once, before
    // a batch exists or a look-up leaves.
    if (const QString tooOld = versionProblem(m_version, m_payload.features()); !tooOld.isEmpty()) {
        error = tooOld + QStringLiteral(" Nothing was sent.");
        QTimer::singleShot(0, this, [this, error] { fail(FailReason::ServerTooOld, error); });
        return;
    }
    // The rows go in (and are read back) on a thread of their own: a window's UI thread never
    // waits for the disk while planning.
    m_writer = std::make_unique<BatchJournalWriter>();
    if (!m_writer->open(m_journal->path())) {
        error = m_writer->error();
        m_writer.reset();
        QTimer::singleShot(0, this, [this, error] { fail(FailReason::JournalError, error); });
        return;
    }
    const std::optional<qint64> id = m_journal->createBatch(spec);
    if (!id) {
        error = m_journal->error();
        QTimer::singleShot(0, this, [this, error] { fail(FailReason::JournalError, error); });
        return;
    }
    m_batchId = *id;
    // Until every row is in, the batch must not be run (a planner that dies leaves it so).
    if (!m_journal->setState(m_batchId, BatchState::Planning)) {
        error = m_journal->error();
        QTimer::singleShot(0, this, [this, error] { fail(FailReason::JournalError, error); });
        return;
    }
    if (m_client) {
        m_lookup = std::make_unique<JobLookup>(m_client);
        m_lookup->setServerVersion(m_version);
    }
    if (m_source.search) {
        m_pager = std::make_unique<JobSearchPager>(m_client);
        connect(m_pager.get(), &JobSearchPager::pageArrived, this, &BatchPlanner::onSearchPage);
        connect(m_pager.get(), &JobSearchPager::failed, this,
            [this](const Outcome &outcome, const QString &why) {
                m_failure = outcome;
                fail(
                    FailReason::SearchFailed, QStringLiteral("the job search failed: %1").arg(why));
            });
        m_pager->start(*m_source.search);
        return;
    }
    if (!m_source.reader) {
        QTimer::singleShot(
            0, this, [this] { fail(FailReason::NoRows, QStringLiteral("no input")); });
        return;
    }
    QTimer::singleShot(0, this, &BatchPlanner::readSlice);
}

void BatchPlanner::cancel()
{
    if (m_done) {
        // Being set Planned: the caller has not been told, so it is not too late.
        if (!m_planned)
            m_cancelled = true;
        return;
    }
    for (const QPointer<JobLookupCall> &call : std::as_const(m_calls)) {
        if (call)
            call->cancel();
    }
    if (m_pager)
        m_pager->cancel();
    fail(FailReason::Cancelled, QStringLiteral("cancelled"));
}

BatchJournalWriter::Done BatchPlanner::whenWritten()
{
    return [this](bool ok, const QString &error) { onWritten(ok, error); };
}

void BatchPlanner::onWritten(bool ok, const QString &error)
{
    if (ok)
        return;
    if (m_writeError.isEmpty())
        m_writeError = error;
    fail(FailReason::JournalError, error); // when finishing already, the finish sees m_writeError
}

void BatchPlanner::readSlice()
{
    if (m_done)
        return;
    if (m_slicesWriting >= kSlicesWriting) {
        m_readingWaits = true; // the writer is behind: read on when a slice is committed
        return;
    }
    QElapsedTimer clock;
    clock.start();
    BatchRow row;
    BatchInputError error;
    for (int n = 0; n < kRowsPerSlice && (n == 0 || clock.nsecsElapsed() < kSliceNs); ++n) {
        const BatchInputReader::Status status = m_source.reader->next(&row, &error);
        if (status == BatchInputReader::Status::End) {
            flushRows(true);
            return;
        }
        if (status == BatchInputReader::Status::Error) {
            ++m_summary.errorCount;
            if (m_summary.errors.size() < BatchPlanSummary::kMaxErrors)
                m_summary.errors.append(error);
            continue;
        }
        ++m_summary.rows;
        if (m_summary.errorCount > 0)
            continue; // nothing will be sent: only the bad rows still matter
        BatchItem item;
        item.line = row.line;
        item.jobKey = row.key.toString();
        item.payload = m_payload.mergeVariables(row.variables);
        const auto seen = m_seen.constFind(row.key.value());
        if (seen != m_seen.constEnd()) {
            const QString why = QStringLiteral("the key is on line %1 already").arg(*seen);
            m_summary.add(PlanVerdict::Duplicate, item.line, item.jobKey, why);
            ItemResult skip;
            skip.line = item.line;
            skip.state = BatchItemState::Skipped;
            skip.note = BatchPlanRules::skipNote(PlanVerdict::Duplicate, why);
            m_pendingSkips.append(skip);
            emit rowSkipped(item.line, item.jobKey, PlanVerdict::Duplicate, why);
        } else {
            m_seen.insert(row.key.value(), row.line);
        }
        m_pending.append(item);
    }
    flushRows(false);
    if (m_done)
        return;
    emit progress(m_summary.rows + m_summary.errorCount, 0);
    QTimer::singleShot(0, this, &BatchPlanner::readSlice);
}

void BatchPlanner::flushRows(bool last)
{
    if (m_summary.errorCount == 0 && !m_pending.isEmpty()) {
        ++m_slicesWriting;
        m_writer->addItems(m_batchId, m_pending, [this](bool ok, const QString &error) {
            --m_slicesWriting;
            onWritten(ok, error);
            if (m_readingWaits && !m_done) {
                m_readingWaits = false;
                readSlice();
            }
        });
        if (!m_pendingSkips.isEmpty())
            m_writer->recordResults(m_batchId, m_pendingSkips, whenWritten());
    }
    m_pending.clear();
    m_pendingSkips.clear();
    if (!last)
        return;
    emit progress(m_summary.rows + m_summary.errorCount, 0);
    if (m_summary.errorCount > 0) {
        fail(FailReason::BadRows,
            m_summary.errorCount == 1 ? QStringLiteral("1 row cannot be used; nothing was sent")
                                      : QStringLiteral("%1 rows cannot be used; nothing was sent")
                                            .arg(m_summary.errorCount));
        return;
    }
    if (m_summary.rows == 0) {
        fail(FailReason::NoRows, QStringLiteral("the input holds no job keys; nothing was sent"));
        return;
    }
    m_seen = {}; // the duplicates are known; the memory is not needed while looking up
    checkNext();
}

void BatchPlanner::checkNext()
{
    if (m_done)
        return;
    if (m_pagesDrained) {
        if (m_chunksInFlight == 0)
            finish(true, {});
        return;
    }
    // Two chunks in flight: the server answers one while the next page is read and classified.
    // A page is read on the writer's thread, after every row and verdict handed over before.
    if (m_pageReading || m_chunksInFlight >= kChunksInFlight)
        return;
    m_pageReading = true;
    m_writer->readItems(m_batchId, {BatchItemState::Planned}, m_checkedLine, m_chunkSize,
        [this](const std::optional<QList<BatchItem>> &page, const QString &error) {
            onPage(page, error);
        });
}

void BatchPlanner::onPage(const std::optional<QList<BatchItem>> &page, const QString &error)
{
    m_pageReading = false;
    if (m_done)
        return;
    if (!page) {
        fail(FailReason::JournalError, error);
        return;
    }
    if (page->isEmpty()) {
        m_pagesDrained = true;
    } else {
        m_checkedLine = page->last().line;
        if (!m_lookUp || !m_lookup) {
            for (const BatchItem &item : *page)
                m_summary.add(PlanVerdict::Unchecked, item.line, item.jobKey, {});
            m_checked += page->size();
            emit progress(m_summary.rows, m_checked);
        } else {
            ++m_chunksInFlight;
            lookUpChunk(*page, 0);
        }
    }
    checkNext();
}

void BatchPlanner::lookUpChunk(const QList<BatchItem> &items, int tries)
{
    QList<JobKey> keys;
    keys.reserve(items.size());
    for (const BatchItem &item : items)
        keys.append(*JobKey::parse(item.jobKey).key);
    JobLookupCall *call = m_lookup->lookUpMany(keys, m_chunkSize);
    m_calls.append(call);
    connect(call, &JobLookupCall::finished, this,
        [this, items, tries, call](const JobLookupResult &result) {
            m_calls.removeAll(call);
            call->deleteLater();
            onChecked(items, tries, result);
        });
}

void BatchPlanner::onChecked(
    const QList<BatchItem> &items, int tries, const JobLookupResult &result)
{
    if (m_done)
        return;
    switch (result.state) {
    case LookupState::Found:
        break;
    case LookupState::SearchUnavailable:
    case LookupState::NoPermission:
        // No search on this server (or not for these credentials): rows go unchecked.
        m_lookUp = false;
        for (const BatchItem &item : items)
            m_summary.add(PlanVerdict::Unchecked, item.line, item.jobKey, {});
        m_checked += items.size();
        --m_chunksInFlight;
        QTimer::singleShot(0, this, &BatchPlanner::checkNext);
        return;
    case LookupState::Cancelled:
        fail(FailReason::Cancelled, QStringLiteral("cancelled"));
        return;
    case LookupState::Refused:
    case LookupState::TransportError: {
        // A server under load (5xx, 503 RESOURCE_EXHAUSTED, 429) or a lost answer: a read is
        // safe to repeat, after a pause that grows.
        const OutcomeKind kind = result.outcome.kind;
        const bool transient = kind == OutcomeKind::ServerError || kind == OutcomeKind::Backpressure
            || kind == OutcomeKind::TransportError || kind == OutcomeKind::SentNoAnswer;
        if (transient && tries < kMaxLookupTries) {
            const int next = tries + 1;
            QTimer::singleShot(100 * next * next, this, [this, items, next] {
                if (!m_done)
                    lookUpChunk(items, next);
            });
            return;
        }
        m_failure = result.outcome;
        fail(FailReason::LookUpFailed,
            QStringLiteral("the jobs could not be looked up: %1").arg(result.describe()));
        return;
    }
    default:
        m_failure = result.outcome;
        fail(FailReason::LookUpFailed,
            QStringLiteral("the jobs could not be looked up: %1").arg(result.describe()));
        return;
    }
    --m_chunksInFlight;
    QHash<QString, JobRecord> jobs;
    for (const JobRecord &job : result.jobs)
        jobs.insert(job.jobKey, job);
    classifyAndRecord(items, jobs);
    m_checked += items.size();
    emit progress(m_summary.rows, m_checked);
    checkNext();
}

void BatchPlanner::classifyAndRecord(
    const QList<BatchItem> &items, const QHash<QString, JobRecord> &jobs)
{
    QList<ItemResult> skips;
    for (const BatchItem &item : items) {
        const auto it = jobs.constFind(item.jobKey);
        QString why;
        const PlanVerdict verdict = BatchPlanRules::classify(
            it == jobs.constEnd() ? std::nullopt : std::optional<JobRecord>(*it), m_payload,
            !item.payload.isEmpty(), &why);
        m_summary.add(verdict, item.line, item.jobKey, why);
        if (planVerdictSends(verdict))
            continue;
        ItemResult skip;
        skip.line = item.line;
        skip.state = BatchItemState::Skipped;
        skip.note = BatchPlanRules::skipNote(verdict, why);
        skips.append(skip);
        emit rowSkipped(item.line, item.jobKey, verdict, why);
    }
    if (!skips.isEmpty())
        m_writer->recordResults(m_batchId, skips, whenWritten());
}

void BatchPlanner::onSearchPage(const QList<JobRecord> &jobs, bool first)
{
    Q_UNUSED(first)
    if (m_done)
        return;
    QList<BatchItem> items;
    QHash<QString, JobRecord> byKey;
    for (const JobRecord &job : jobs) {
        if (m_source.searchLimit >= 0 && m_summary.rows >= m_source.searchLimit)
            break;
        const JobKey::ParseResult key = JobKey::parse(job.jobKey);
        if (!key.key)
            continue;
        ++m_summary.rows;
        BatchItem item;
        item.line = m_summary.rows;
        item.jobKey = key.key->toString();
        if (m_seen.contains(key.key->value()))
            continue; // a search page that overlaps the last one
        m_seen.insert(key.key->value(), item.line);
        items.append(item);
        byKey.insert(item.jobKey, job);
    }
    if (!items.isEmpty()) {
        m_writer->addItems(m_batchId, items, whenWritten());
        classifyAndRecord(items, byKey);
        m_checked += items.size();
    }
    emit progress(m_summary.rows, m_checked);
    const bool full = m_source.searchLimit >= 0 && m_summary.rows >= m_source.searchLimit;
    if (!full && m_pager->hasMore()) {
        m_pager->fetchNext();
        return;
    }
    if (m_summary.rows == 0) {
        fail(FailReason::NoRows, QStringLiteral("the job search found no jobs; nothing was sent"));
        return;
    }
    finish(true, {});
}

void BatchPlanner::finish(bool ok, const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    if (m_batchId == 0 || !m_writer) {
        emit finished(false, error);
        return;
    }
    if (!ok) {
        removeAndFail(error);
        return;
    }
    // Behind every row and verdict handed over: when this is committed, so are they.
    m_writer->setState(m_batchId, BatchState::Planned, [this](bool set, const QString &why) {
        if (!m_writeError.isEmpty()) {
            m_failReason = FailReason::JournalError;
            removeAndFail(m_writeError);
        } else if (!set) {
            m_failReason = FailReason::JournalError;
            removeAndFail(why);
        } else if (m_cancelled) {
            m_failReason = FailReason::Cancelled;
            removeAndFail(QStringLiteral("cancelled"));
        } else {
            m_planned = true;
            emit finished(true, {});
        }
    });
}

void BatchPlanner::fail(FailReason reason, const QString &error)
{
    if (m_done)
        return; // the first reason stands, as the first error does
    m_failReason = reason;
    finish(false, error);
}

void BatchPlanner::removeAndFail(const QString &error)
{
    // After every write handed over before (the writer keeps their order).
    m_removing = true;
    m_writer->removeBatch(m_batchId, [this, error](bool, const QString &) {
        m_batchId = 0;
        emit finished(false, error);
    });
}

} // namespace JobDesk
