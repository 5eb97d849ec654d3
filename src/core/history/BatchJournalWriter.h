// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/BatchJournal.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace JobDesk {

/// The batch journal's write-ahead marks and grouped results on a thread of their own, with
/// their own SQLite connection to the same history file, so a running batch never waits for
/// the disk on the thread that sends its requests (the window's UI thread, the CLI's loop).
///
/// Calls return at once; each one's `done` runs later on the thread that made it, in the order
/// the calls were made (the writes themselves run in that order too: a result handed over
/// before a mark is committed before it). `done` of markSending() comes only after the commit,
/// so a request may leave when it is called. whenIdle() is a barrier: `done` runs once every
/// write handed over before it is committed. Destroying the writer finishes the writes already
/// handed over (their `done` is not called any more) and closes its connection.
///
/// Owned by a BatchRunner, by a BatchPlanner (the rows it reads in, its verdicts) and by the
/// window's items table (reads that would hold the UI thread); see BatchJournal for what the
/// writes do and their transactions.
class BatchJournalWriter final : public QObject
{
    Q_OBJECT
public:
    using MarkDone
        = std::function<void(const std::optional<QList<qint64>> &historyIds, const QString &error)>;
    using Done = std::function<void(bool ok, const QString &error)>;

    explicit BatchJournalWriter(QObject *parent = nullptr);
    ~BatchJournalWriter() override;
    Q_DISABLE_COPY_MOVE(BatchJournalWriter)

    /// Starts the thread and opens the history at `path` there (a connection of its own). Waits
    /// for the open; false with error() when it fails.
    bool open(const QString &path);
    QString error() const { return m_error; }

    /// BatchJournal::markSending() on the writer's thread.
    void markSending(qint64 batchId, const QList<SendingItem> &items, MarkDone done);
    /// BatchJournal::recordResults() on the writer's thread.
    void recordResults(qint64 batchId, const QList<ItemResult> &results, Done done);
    /// BatchJournal::addItems() on the writer's thread (a planner reading its input in).
    void addItems(qint64 batchId, const QList<BatchItem> &items, Done done);
    /// BatchJournal::setState() on the writer's thread, after the writes handed over before.
    void setState(qint64 batchId, BatchState state, Done done);
    /// BatchJournal::removeBatch() on the writer's thread, after the writes handed over before.
    void removeBatch(qint64 batchId, Done done);
    using ItemsDone
        = std::function<void(const std::optional<QList<BatchItem>> &items, const QString &error)>;
    /// BatchJournal::items() on the writer's thread: what the writes handed over before left.
    void readItems(qint64 batchId, const QList<BatchItemState> &states, qint64 afterLine, int limit,
        ItemsDone done);
    /// Any read of the journal on the writer's thread, after the writes handed over before it
    /// (`work` gets nullptr when the writer is not open); `done` gets the result on this
    /// object's thread. For reads that would hold a UI thread (a batch's totals, …).
    template <typename T>
    void read(std::function<T(const BatchJournal *)> work, std::function<void(const T &)> done)
    {
        postRead([work = std::move(work), done = std::move(done)](
                     const BatchJournal *journal) -> std::function<void()> {
            T result = work(journal);
            return [done, result = std::move(result)] { done(result); };
        });
    }
    /// `done` once everything handed over before is written.
    void whenIdle(std::function<void()> done);
    /// Writes handed over whose `done` has not run yet.
    int pending() const { return m_pending; }

private:
    struct Worker;
    /// Runs `work` on the writer's thread; then `reply` on this object's thread.
    void post(std::function<std::function<void()>(Worker &)> work);
    void postRead(std::function<std::function<void()>(const BatchJournal *)> work);
    /// Runs a write on the writer's thread; `done` gets whether it worked and the journal's error.
    void postWrite(std::function<bool(BatchJournal &)> work, Done done);

    QThread m_thread;
    QObject *m_context = nullptr; ///< lives on m_thread: what work is queued to
    std::unique_ptr<Worker> m_worker; ///< used on m_thread only
    int m_pending = 0;
    QString m_error;
};

} // namespace JobDesk
