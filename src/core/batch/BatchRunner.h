// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/batch/BatchInput.h"
#include "core/camunda/ApiRequest.h"
#include "core/camunda/Outcome.h"
#include "core/history/BatchJournal.h"
#include "core/history/BatchJournalWriter.h"
#include "core/history/HistoryEntry.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

namespace JobDesk {

class ApiCall;
class JobLookup;
class JobLookupCall;
class JobsClient;
struct JobLookupResult;

/// How a batch runs.
struct BatchRunOptions
{
    static constexpr int kDefaultConcurrency = 4;
    static constexpr int kMaxConcurrency = 64;

    int concurrency = kDefaultConcurrency; ///< requests in flight at most, 1..64
    bool stopOnError = false; ///< stop at the first unexpected refusal (not back-pressure)
    qint64 errorBudget = -1; ///< stop after this many refusals; -1: never
    /// A transport error (nothing sent: refused, DNS, TLS) is tried again this often per item
    /// before the item is left undone.
    int transportRetries = 3;

    /// The options as the journal keeps them (BatchSpec::options) and back.
    QByteArray toJson() const;
    static BatchRunOptions fromJson(const QByteArray &json);
};

/// Where a running batch stands: items per final outcome, the rate and what is left.
struct BatchProgress
{
    qint64 total = 0; ///< items in the batch
    qint64 completed = 0; ///< done with a 2xx (a denial included), or confirmed by look-up
    qint64 skipped = 0; ///< not sent on purpose (plan or resume: already completed, …)
    qint64 refused = 0; ///< done with a refusal (4xx/5xx other than back-pressure)
    qint64 undone = 0; ///< left without an outcome (transport failures, unknown after a look-up)
    qint64 inFlight = 0;
    qint64 remaining = 0; ///< planned, not yet sent
    qint64 retries = 0; ///< requests sent again (back-pressure, transport, not applied) so far
    int concurrency = 0; ///< the current limit (lowered by back-pressure)
    double ratePerSecond = 0; ///< finished items per second, recent
    qint64 etaMs = -1; ///< estimated time left; -1: unknown
    qint64 elapsedMs = 0;

    qint64 finished() const { return completed + skipped + refused + undone; }
};

/// One item as it finished (for `--json` lines, the window's table, the report).
struct BatchItemOutcome
{
    qint64 line = 0;
    QString jobKey;
    BatchItemState state = BatchItemState::Done;
    std::optional<OutcomeKind> outcome; ///< none for a skip without a request
    std::optional<int> httpStatus;
    QByteArray problem; ///< the problem document, verbatim, or empty
    QString error; ///< what went wrong without an answer
    QString note; ///< a skip's reason, "confirmed by lookup", …
    qint64 elapsedMs = 0;
    int attempts = 0;

    /// True when the item counts as completed: a 2xx, or applied as confirmed by a look-up.
    bool isCompleted() const;
    /// The `outcome` word of the item in JSON and the report: the outcome kind's name
    /// ("completed", "not-found", …), for skips the plan's verdict ("already-completed", …).
    QString outcomeName() const;
    static BatchItemOutcome fromItem(const BatchItem &item);
};

/// The adaptive limit on requests in flight: back-pressure (503 RESOURCE_EXHAUSTED, 429) cuts
/// it to three quarters (at most once per kCutIntervalMs, so one burst of answers counts once)
/// and delays the retried key (100 ms, doubling with every back-pressure in a row, at most
/// 6.4 s); from kPauseStreak answers in a row nothing new is sent for that delay either. Two
/// rounds of successes at the current limit raise it by one, up to the configured maximum.
/// Pure, table-tested.
class BatchBackoff final
{
public:
    static constexpr qint64 kCutIntervalMs = 250;
    static constexpr qint64 kFirstDelayMs = 100;
    static constexpr qint64 kMaxDelayMs = 6400;
    static constexpr int kPauseStreak = 4;

    explicit BatchBackoff(int maximum = BatchRunOptions::kDefaultConcurrency);

    int limit() const { return m_limit; }
    int maximum() const { return m_maximum; }
    /// An answer that was back-pressure; `nowMs` is a monotonic clock. Returns the delay before
    /// the key may go again.
    qint64 onBackpressure(qint64 nowMs);
    /// An answer that was not back-pressure.
    void onSuccess();
    /// Until when (on the clock of onBackpressure()) no new request goes out (0: none).
    qint64 pauseUntil() const { return m_pauseUntilMs; }
    /// Back-pressure answers in a row.
    int streak() const { return m_streak; }

private:
    int m_maximum;
    int m_limit;
    int m_successes = 0;
    int m_streak = 0; ///< back-pressure answers in a row
    qint64 m_lastCutMs = -1000000;
    qint64 m_pauseUntilMs = 0;
};

/// Runs a planned (or interrupted) batch from the journal: sends its Planned items with bounded,
/// adaptive concurrency and records every outcome, so a crash at any moment loses nothing and
/// completes nothing twice.
///
/// Per item: one request whose body is spliced from bytes prepared once (BatchPayload), marked
/// Sending in the journal with its Pending history row before it leaves (a window of items per
/// commit), its outcome recorded with others in one grouped commit (every 256 results or 50 ms).
/// Both writes run on a BatchJournalWriter's thread: the next window is marked while the last
/// one is being sent, and no answer waits for the disk.
/// Items are paged from the journal (1,000 at a time), never all in memory. Back-pressure lowers
/// the concurrency and sends the key again later; a lost answer (sent, no answer, or cancelled
/// in flight) is settled by a look-up (JobLookup::recheck) — applied: completed; still open:
/// sent again; unknown: left undone (resume looks it up again); a transport error that sent
/// nothing is tried again a few times. On start, items left Sending by a run that died are
/// looked up first (COMPLETED: completed, open: sent, otherwise refused with the job's state).
///
/// Lives on the event loop of its thread and never blocks it for long. Signals: `progress` (at
/// most every 100 ms and at the end), `itemFinished` per item, `stateChanged`, `finished` once.
class BatchRunner final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle, ///< not started
        Resolving, ///< looking up the items an earlier run left Sending
        Running,
        Pausing, ///< no new requests; waiting for those in flight
        Paused,
        Stopping, ///< cancelled or stopped on error; waiting for those in flight
        Finished,
    };
    Q_ENUM(State)

    /// Why the run ended.
    enum class EndReason {
        Completed, ///< every item has a final state (some may be refused or undone)
        Cancelled, ///< cancel()
        StoppedOnError, ///< stopOnError or the error budget
        JournalError, ///< the journal could not be written: nothing more was sent
    };
    Q_ENUM(EndReason)

    /// `client` and `journal` must outlive the runner.
    BatchRunner(JobsClient *client, BatchJournal *journal, QObject *parent = nullptr);
    ~BatchRunner() override;
    Q_DISABLE_COPY_MOVE(BatchRunner)

    /// How attempts are recorded in the history (front end, connection name, production mark).
    void setHistoryIdentity(HistorySource source, const QString &connection, bool production);
    void setOptions(const BatchRunOptions &options);
    const BatchRunOptions &options() const { return m_options; }
    /// The server's version when known (a batch planned against one server may be resumed
    /// against another): start() refuses a payload it cannot take, and the look-ups know it.
    void setServerVersion(const CamundaVersion &version) { m_version = version; }

    /// Starts (or resumes) batch `batchId`: its payload and options from the journal (options
    /// set with setOptions() win). False with error() when the batch cannot be run (unknown,
    /// finished, payload unreadable, a payload the server's known version cannot take:
    /// versionProblem()'s sentences + " Nothing was sent.", said before the journal is touched or
    /// a request leaves).
    bool start(qint64 batchId);
    /// No new requests; those in flight finish. stateChanged(Paused) once they have.
    void pause();
    void resume();
    /// No new requests; those in flight finish, then `finished(Cancelled)`. Items not sent stay
    /// Planned (undone): `batch resume` can continue them.
    void cancel();

    State state() const { return m_state; }
    qint64 batchId() const { return m_batchId; }
    const BatchProgress &progress() const { return m_progress; }
    QString error() const { return m_error; }

signals:
    void progressChanged(const JobDesk::BatchProgress &progress);
    void itemFinished(const JobDesk::BatchItemOutcome &item);
    void stateChanged(JobDesk::BatchRunner::State state);
    /// Once, after every result is committed. `error` is set for JournalError.
    void finished(JobDesk::BatchRunner::EndReason reason, const QString &error);

private:
    /// An item marked Sending (queued, in flight, or waiting for a retry).
    struct Pending
    {
        qint64 line = 0;
        QString jobKey;
        QByteArray variables; ///< the item's merged variables, empty: the shared body
        qint64 historyId = 0; ///< its Pending history row
        int attempts = 0;
        int transportTries = 0;
        int lookups = 0; ///< re-checks of this attempt that could not tell
        qint64 dueMs = 0; ///< retries: not before
        qint64 startedMs = 0;
        ApiRequest request; ///< as marked (and so as sent): built once per attempt
        bool again = false; ///< a retry: its sending counts in BatchProgress::retries
    };

    /// Reads the batch's totals on the writer's thread (every item is looked at: too long for
    /// a UI thread at 100,000), then resolves what an earlier run left Sending.
    void loadCounts();
    void resolveSending();
    void lookUpSending(const QList<BatchItem> &items);
    void onResolved(const QList<BatchItem> &items, const JobLookupResult &result);
    void pump();
    /// Reads the next page of Planned items on the writer's thread (ahead, while half of the
    /// last one is still to be marked).
    void fillQueue();
    bool markWindow();
    void requestMark(); ///< markWindow() in a later turn of the event loop
    void requestFlush(); ///< flushResults() in a later turn of the event loop
    ApiRequest completionRequest(const Pending &item) const;
    void sendOne(Pending item);
    void onAnswer(Pending item, const Outcome &outcome);
    void countRefusal(const Outcome &outcome);
    void recheck(Pending item, const Outcome &outcome);
    void onRechecked(Pending item, const Outcome &outcome, const JobLookupResult &result);
    enum class Tally { Completed, Refused, Undone };
    void finishItem(const Pending &item, BatchItemState state, const Outcome *outcome,
        const QString &note, LookupCheck check, Tally tally);
    void retryLater(Pending item, qint64 delayMs, const Outcome &outcome, LookupCheck check);
    void flushResults();
    void releaseUnsent();
    void emitProgress(bool force = false);
    void maybeEnd();
    /// Ends once every result handed to the writer is committed (at once for JournalError).
    void end(EndReason reason, const QString &error = {});
    void finishEnd(EndReason reason, const QString &error);
    void setState(State state);
    qint64 nowMs() const { return m_clock.elapsed(); }

    QPointer<JobsClient> m_client;
    BatchJournal *m_journal; ///< reads, and the batch's state
    /// The marks and results, on a thread of their own (opened by start()).
    std::unique_ptr<BatchJournalWriter> m_writer;
    std::unique_ptr<JobLookup> m_lookup;
    BatchRunOptions m_options;
    std::optional<BatchRunOptions> m_optionsOverride;
    BatchPayload m_payload;
    CamundaVersion m_version; ///< unknown unless setServerVersion()
    HistorySource m_source = HistorySource::Cli;
    QString m_connection;
    bool m_production = false;
    qint64 m_batchId = 0;
    State m_state = State::Idle;
    QString m_error;
    std::optional<EndReason> m_stopReason;

    std::deque<BatchItem> m_planned; ///< paged from the journal, not yet marked
    std::deque<Pending> m_ready; ///< marked Sending, not yet sent
    std::deque<Pending> m_retry; ///< back-pressure or transport error: due again at dueMs
    qint64 m_pageAfter = 0; ///< the last line paged from the journal
    bool m_journalDrained = false;
    bool m_markQueued = false;
    bool m_marking = false; ///< a window is being marked Sending by the writer
    bool m_reading = false; ///< a page of Planned items is being read by the writer
    bool m_ending = false; ///< end() waits for the writer
    bool m_flushQueued = false;
    bool m_resolving = false; ///< items left Sending by an earlier run are being looked up
    qint64 m_resolvedLine = 0;
    int m_resolveTries = 0;
    int m_inFlight = 0;
    int m_rechecks = 0;
    QList<ItemResult> m_results; ///< not yet committed
    QList<BatchItemOutcome> m_finishedUncommitted; ///< emitted after their commit
    QTimer m_flushTimer;
    QTimer m_pumpTimer; ///< wakes the pump when a retry is due
    QTimer m_progressTimer;
    QElapsedTimer m_clock;
    BatchBackoff m_backoff;
    BatchProgress m_progress;
    qint64 m_refusals = 0;
    /// Recent finishes (time, finished count) for the rate.
    std::deque<std::pair<qint64, qint64>> m_rateSamples;
};

} // namespace JobDesk
