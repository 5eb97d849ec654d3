// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/HistoryEntry.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace JobDesk {

class HistoryStore;
class SqliteStatement;

/// Where a batch stands. A batch left Running by a program that is gone was interrupted: the
/// runner that resumes it decides that (it holds the batch while it runs it).
enum class BatchState {
    Planned,
    Running,
    Paused,
    Finished,
    Cancelled,
    /// Its items are still being read in: a batch left so was never fully planned (the program
    /// that planned it ended) and must not be run.
    Planning,
};
QString batchStateName(BatchState state); ///< "planned", "running", "paused", …
std::optional<BatchState> batchStateFromName(const QString &name);

/// Where one item (one input row) stands.
enum class BatchItemState {
    Planned, ///< not sent yet (or sent, refused with back-pressure, and due again)
    Sending, ///< committed as being sent: its request may be on the wire or may have arrived
    Done, ///< an answer came (outcome, status and problem say which)
    Skipped, ///< not sent on purpose (note says why: already completed, duplicate row, …)
};
QString batchItemStateName(BatchItemState state); ///< "planned", "sending", "done", "skipped"
std::optional<BatchItemState> batchItemStateFromName(const QString &name);

/// A new batch: what it does, on which connection, from which input, with which options.
struct BatchSpec
{
    HistorySource source = HistorySource::Cli;
    QString connection; ///< as in the history: profile name or API root
    bool production = false;
    ActionKind action = ActionKind::Complete;
    QString inputSummary; ///< e.g. "keys.csv (10,000 rows)" — for `batch list`
    QByteArray payload; ///< the payload shared by all items (exact bytes), may be empty
    QByteArray options = "{}"; ///< JSON object: concurrency, stop-on-error, … as the runner wants
};

/// Items per state.
struct BatchCounts
{
    qint64 planned = 0;
    qint64 sending = 0;
    qint64 done = 0;
    qint64 skipped = 0;
    qint64 total() const { return planned + sending + done + skipped; }
};

/// A batch as stored.
struct BatchInfo
{
    qint64 id = 0;
    QDateTime created; ///< UTC
    QDateTime updated; ///< UTC, the last change of the batch or the last results recorded
    BatchState state = BatchState::Planned;
    BatchSpec spec;
    BatchCounts counts;
};

/// One item as stored (and as added: id fields and the outcome are ignored by addItems()).
struct BatchItem
{
    qint64 line = 0; ///< row or line number in the input, unique within the batch
    QString jobKey; ///< as text
    QByteArray payload; ///< this row's own payload (merged over the batch's), may be empty
    BatchItemState state = BatchItemState::Planned;
    std::optional<OutcomeKind> outcome; ///< of the last answer
    std::optional<int> httpStatus;
    QByteArray problem; ///< the problem document of the last answer, verbatim, or empty
    QString error; ///< what went wrong without an answer, or empty
    QString note; ///< why it was skipped, or what the runner wants to remember
    int attempts = 0; ///< how many times it was marked Sending
    qint64 historyId = 0; ///< the history row of the last attempt
};

/// An item about to be sent: its write-ahead history row (HistoryEntry::forAttempt()).
struct SendingItem
{
    qint64 line = 0;
    HistoryEntry attempt;
};

/// What became of an item: its new state and, when an answer (or its absence) is known, the
/// outcome, which also finishes the item's history row `historyId`.
struct ItemResult
{
    qint64 line = 0;
    BatchItemState state = BatchItemState::Done;
    std::optional<Outcome> outcome; ///< none for a skip decided without a request
    qint64 historyId = 0; ///< the row markSending() returned; 0: no history row to finish
    QString note;
    /// What a look-up found about the attempt `historyId` (an answer that was lost, or an item
    /// left Sending by a run that died); None: nothing to record.
    LookupCheck check = LookupCheck::None;
};

/// The batch journal: batches and their items in the history database, so a batch survives a
/// crash at any point and can be resumed without completing any key twice.
///
/// How a runner uses it (`jobdesk-cli batch`, the window's batch view):
/// 1. createBatch() with the spec, then addItems() in chunks of a few thousand (one transaction
///    each) while the input is read; setState(Running).
/// 2. Before requests leave: markSending() for the items about to go (one transaction for the
///    group). It sets them Sending, counts the attempt and writes each one's Pending history row
///    (linked to the batch), all committed before it returns — only then may the requests leave.
///    A commit costs about the same for 1 item as for 64 (it writes the same few pages), so mark
///    a window ahead (e.g. the next 64 items whenever half of the last window has gone out): an
///    item marked Sending that never left is merely looked up on resume, never lost.
/// 3. As answers come: collect ItemResults and hand them to recordResults() in groups (e.g.
///    every 256 results or 50 ms, and at the end). One transaction sets the items' states and
///    outcomes and finishes their history rows, so 300,000 items at several thousand a second
///    cost a few hundred commits, not 600,000. A result still in the runner's memory when the
///    program dies is not lost information: its item is still Sending.
/// 4. Resume: items(batch, {Sending}) are the ones whose fate is unknown — look each job up and
///    record Done or Planned accordingly, never resend blind; then items(batch, {Planned}) in
///    pages (afterLine) are what is left to send.
/// batches() lists batches newest first for `batch list` and the window. Items are kept until
/// the batch is deleted with removeBatch() (history rows stay; the history's retention prunes
/// them like any other attempt).
///
/// Shares the HistoryStore's SQLite connection (and its thread); a BatchJournalWriter runs the
/// marks and results of a running batch on a thread and connection of its own. Errors: false or
/// std::nullopt with error() set.
class BatchJournal final
{
public:
    /// `store` must be open and outlive the journal.
    explicit BatchJournal(HistoryStore &store);
    Q_DISABLE_COPY_MOVE(BatchJournal)

    QString error() const { return m_error; }
    /// The history database file (a BatchJournalWriter opens its own connection to it).
    QString path() const;

    /// A new batch in state Planned; returns its id.
    std::optional<qint64> createBatch(const BatchSpec &spec, const QDateTime &now = {});
    /// Adds items (state Planned) in one transaction. A line that exists already fails the whole
    /// chunk (nothing of it is kept).
    bool addItems(qint64 batchId, const QList<BatchItem> &items);
    bool setState(qint64 batchId, BatchState state);
    /// Deletes the batch and its items (not their history rows).
    bool removeBatch(qint64 batchId);

    /// Write-ahead for a group (see the class comment): returns the history row id of each item,
    /// in the order given. Every item must exist and not be Done or Skipped.
    std::optional<QList<qint64>> markSending(qint64 batchId, const QList<SendingItem> &items);
    /// Grouped outcomes (see the class comment), one transaction.
    bool recordResults(qint64 batchId, const QList<ItemResult> &results);

    /// Newest first.
    std::optional<QList<BatchInfo>> batches(int limit = 100) const;
    std::optional<BatchInfo> batch(qint64 batchId) const;
    std::optional<BatchCounts> counts(qint64 batchId) const;
    /// Items in any of `states` with a line above `afterLine`, in line order, at most `limit`
    /// (page on with the last line seen).
    std::optional<QList<BatchItem>> items(qint64 batchId, const QList<BatchItemState> &states,
        qint64 afterLine = 0, int limit = 1000) const;
    /// The items from the `offset`-th on (in line order, any state), at most `limit`: random
    /// access for a lazy view (the window's batch table reads the page it shows).
    std::optional<QList<BatchItem>> itemsAt(qint64 batchId, qint64 offset, int limit) const;
    /// The line of every `pageSize`-th item (in line order, from the first): where each page of
    /// a lazy view starts, so any page is then read by its lines (a few rows touched) instead
    /// of by an offset SQLite has to count up to. Reads every line once: call it off the UI
    /// thread (BatchJournalWriter::read()).
    std::optional<QList<qint64>> pageStarts(qint64 batchId, int pageSize) const;

private:
    /// The rows of a prepared item SELECT (line, job_key, … history_id), or nothing (error()).
    std::optional<QList<BatchItem>> readItems(SqliteStatement &query, qint64 batchId) const;
    bool fail(const QString &message) const;
    bool begin() const;
    bool commit() const;
    bool rollback(const QString &message) const;
    bool touch(qint64 batchId) const;

    HistoryStore &m_store;
    mutable QString m_error;
};

} // namespace JobDesk
