// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/batch/BatchInput.h"
#include "core/camunda/Answers.h"
#include "core/camunda/Outcome.h"
#include "core/camunda/Searches.h"
#include "core/history/BatchJournal.h"
#include "core/history/BatchJournalWriter.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <array>
#include <memory>
#include <optional>

namespace JobDesk {

class JobLookup;
class JobLookupCall;
class JobSearchPager;
class JobsClient;
struct JobLookupResult;

/// What the plan expects for one row.
enum class PlanVerdict {
    WillComplete, ///< the job is open and fits the payload
    Unchecked, ///< the server cannot search jobs (before 8.8): sent without a look-up
    AlreadyCompleted, ///< COMPLETED: skipped
    NotFound, ///< the search does not know the key: skipped
    NeedsRepair, ///< FAILED (retries or an incident first): skipped
    NotOpen, ///< CANCELED, ERROR_THROWN, MIGRATED, …: cannot be completed, skipped
    KindMismatch, ///< the job's kind does not take the payload (deny to a service task, …)
    Duplicate, ///< the key is in an earlier row: skipped
};
inline constexpr int kPlanVerdictCount = 8;

/// "will-complete", "unchecked", "already-completed", "not-found", "needs-repair", "not-open",
/// "kind-mismatch", "duplicate" (journal notes, JSON, report).
QString planVerdictName(PlanVerdict verdict);
std::optional<PlanVerdict> planVerdictFromName(const QString &name);
/// A short label for the plan table, e.g. "already completed".
QString planVerdictLabel(PlanVerdict verdict);
/// True for the verdicts whose rows are sent.
bool planVerdictSends(PlanVerdict verdict);
/// True for a skip that still leaves the batch a success (the key is completed either way):
/// already completed, duplicate.
bool planVerdictIsHarmless(PlanVerdict verdict);

/// The plan's rules, pure and table-tested.
namespace BatchPlanRules {
/// The verdict for a job as looked up (std::nullopt: not found) and a payload.
PlanVerdict classify(const std::optional<JobRecord> &job, const BatchPayload &payload,
    bool rowHasVariables, QString *why = nullptr);
/// The note a skipped item keeps in the journal: "<verdict name>: <why>".
QString skipNote(PlanVerdict verdict, const QString &why);
/// The verdict a journal note starts with (skipped items), if any.
std::optional<PlanVerdict> verdictOfNote(const QString &note);
} // namespace BatchPlanRules

/// Counts per verdict, plus the first few rows of each verdict that is not sent (for the table).
struct BatchPlanSummary
{
    struct Example
    {
        qint64 line = 0;
        QString jobKey;
        QString why;
    };
    static constexpr int kExamplesPerVerdict = 10;

    std::array<qint64, kPlanVerdictCount> counts {};
    std::array<QList<Example>, kPlanVerdictCount> examples;
    qint64 rows = 0; ///< valid rows
    QList<BatchInputError> errors; ///< bad rows (the first kMaxErrors)
    qint64 errorCount = 0; ///< every bad row
    static constexpr int kMaxErrors = 200;

    qint64 count(PlanVerdict verdict) const { return counts[static_cast<int>(verdict)]; }
    qint64 toSend() const
    {
        return count(PlanVerdict::WillComplete) + count(PlanVerdict::Unchecked);
    }
    void add(PlanVerdict verdict, qint64 line, const QString &jobKey, const QString &why);
};

/// Where a plan's rows come from: a reader over an input text, or a job search read page by
/// page (its jobs are classified as they are, without a second look-up).
struct BatchSource
{
    std::shared_ptr<BatchInputReader> reader; ///< set for keys, CSV/TSV, JSON Lines
    std::optional<SearchRequest> search; ///< set for a job search (its limit is the page size)
    qint64 searchLimit = -1; ///< most jobs taken from the search; -1: all
};

/// Plans a batch: reads every row of the source into the journal (a new batch, in state
/// Planning until every row is in, then Planned; a row's variables merged over the payload's and
/// stored with the item), names every bad row, then looks the keys up in chunks (`jobKey` `$in`,
/// two requests in flight; a busy server or a lost answer is asked again) and classifies each row
/// (PlanVerdict); rows that will not be sent are recorded Skipped with the verdict in their note.
/// Nothing that changes a job is sent.
///
/// Works in slices on the event loop of its thread (at most 2,000 rows or about 4 ms of reading
/// per turn), so a window stays responsive; every journal write and every page read back runs on
/// the planner's own BatchJournalWriter thread, in the order asked (a few slices ahead at most,
/// so the rows waiting for the disk stay few). Only a dup-check set of keys grows with the input
/// (8 bytes a row), rows are never all held in memory. The batch is Planned, and `finished` says
/// ok, only once every row and verdict is committed; a failed write fails the plan with the
/// journal's error. With bad rows, a failure or cancel() the batch is removed again (after every
/// write handed over before) and `finished` reports why (nothing to send). `finished` comes
/// exactly once, from the event loop. Destroyed before `finished`, it removes the batch too.
class BatchPlanner final : public QObject
{
    Q_OBJECT
public:
    /// Why a plan failed (failReason()).
    enum class FailReason {
        None, ///< not failed: planned, or not over yet
        BadPayload, ///< `spec.payload` is not a completion body
        ServerTooOld, ///< the server's known version cannot take the payload
        BadRows, ///< rows cannot be used (summary().errors)
        NoRows, ///< no input, or none of its rows (or the search's jobs) holds a job key
        /// A look-up was refused or unanswered (after its retries): planning again without
        /// look-ups (setLookUp(false)) can go through.
        LookUpFailed,
        SearchFailed, ///< a page of the job search was refused or unanswered
        JournalError, ///< the journal could not be written or read
        Cancelled, ///< cancel()
    };
    Q_ENUM(FailReason)

    /// `client` (may be nullptr when `lookUp` is false) and `journal` must outlive the planner.
    BatchPlanner(JobsClient *client, BatchJournal *journal, QObject *parent = nullptr);
    ~BatchPlanner() override;
    Q_DISABLE_COPY_MOVE(BatchPlanner)

    /// Whether to look the jobs up (default true). False: every row is Unchecked (no search on
    /// this server, or the caller knows better).
    void setLookUp(bool lookUp) { m_lookUp = lookUp; }
    /// Keys per look-up request (default 1000; two requests in flight).
    void setChunkSize(int keys) { m_chunkSize = keys; }
    /// The server's version when known (JobLookup::setServerVersion). start() refuses a payload
    /// it cannot take (BatchPayload::features(), versionProblem()).
    void setServerVersion(const CamundaVersion &version) { m_version = version; }

    /// Starts planning: `spec.payload` must be a completion body (BatchPayload::fromBody). A
    /// payload the server's known version cannot take fails the plan at once (versionProblem()'s
    /// sentences + " Nothing was sent."): no batch is made, nothing is looked up.
    void start(const BatchSpec &spec, const BatchSource &source);
    void cancel();

    qint64 batchId() const { return m_batchId; }
    const BatchPlanSummary &summary() const { return m_summary; }
    /// When planning failed on a request (a look-up or search page refused or unanswered): its
    /// outcome; std::nullopt otherwise (bad rows, no rows, the journal, cancelled).
    const std::optional<Outcome> &failure() const { return m_failure; }
    /// Why the plan failed, once `finished` said it did; FailReason::None before and when planned.
    FailReason failReason() const { return m_failReason; }

signals:
    /// Rows read so far, and looked up so far (for a progress line).
    void progress(qint64 rowsRead, qint64 rowsChecked);
    /// A row was classified as not to be sent (its item is Skipped in the journal).
    void rowSkipped(
        qint64 line, const QString &jobKey, JobDesk::PlanVerdict verdict, const QString &why);
    /// Over. `ok`: the batch `batchId()` is planned (summary() says what it holds); otherwise
    /// `error` says why in words and failReason() in kind (bad rows: summary().errors; the batch
    /// is gone).
    void finished(bool ok, const QString &error);

private:
    void readSlice();
    void flushRows(bool last);
    void checkNext();
    void onPage(const std::optional<QList<BatchItem>> &page, const QString &error);
    void lookUpChunk(const QList<BatchItem> &items, int tries);
    void onChecked(const QList<BatchItem> &items, int tries, const JobLookupResult &result);
    void onSearchPage(const QList<JobRecord> &jobs, bool first);
    void finish(bool ok, const QString &error);
    /// finish(false, error) for `reason`, unless the plan is over already.
    void fail(FailReason reason, const QString &error);
    void removeAndFail(const QString &error);
    void classifyAndRecord(const QList<BatchItem> &items, const QHash<QString, JobRecord> &jobs);
    /// What every write's `done` does: a failed write fails the plan with the journal's error.
    BatchJournalWriter::Done whenWritten();
    void onWritten(bool ok, const QString &error);

    QPointer<JobsClient> m_client;
    BatchJournal *m_journal;
    std::unique_ptr<BatchJournalWriter> m_writer;
    std::unique_ptr<JobLookup> m_lookup;
    std::unique_ptr<JobSearchPager> m_pager;
    QList<QPointer<JobLookupCall>> m_calls;
    BatchSource m_source;
    BatchPayload m_payload;
    CamundaVersion m_version;
    BatchPlanSummary m_summary;
    std::optional<Outcome> m_failure;
    FailReason m_failReason = FailReason::None;
    QHash<qint64, qint64> m_seen; ///< key value → first line
    QList<BatchItem> m_pending; ///< rows read, not yet in the journal
    QList<ItemResult> m_pendingSkips; ///< duplicates of m_pending, recorded with them
    QString m_writeError; ///< the first write that failed
    qint64 m_batchId = 0;
    qint64 m_checkedLine = 0; ///< the last line handed to a look-up
    qint64 m_checked = 0;
    int m_slicesWriting = 0; ///< slices handed to the writer and not yet committed
    int m_chunksInFlight = 0; ///< look-ups asked for and not yet classified (retries too)
    bool m_readingWaits = false; ///< the input waits for the writer to catch up
    bool m_pageReading = false; ///< a page of Planned items is being read back
    bool m_pagesDrained = false;
    int m_chunkSize = 1000;
    bool m_lookUp = true;
    bool m_done = false; ///< finish() was called: no more work, `finished` follows
    bool m_cancelled = false; ///< cancel() while the batch was being set Planned
    bool m_planned = false; ///< `finished` said ok: the batch is the caller's
    bool m_removing = false; ///< the batch's removal is handed to the writer
};

} // namespace JobDesk
