// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/FileLock.h"
#include "core/history/BatchJournal.h"

#include <QString>

#include <memory>
#include <optional>

namespace JobDesk {

/// The right to run one batch: the program that plans or runs a batch (a CLI, the window) holds
/// its lease for as long as it does, so that a second `batch resume` of the same batch is
/// refused before it sends anything, and a batch whose journal still says "running" can be told
/// apart from one whose program was killed. The lease is a lock file per batch next to the
/// history database (`<history folder>/batches/<id>.lock`, folder 0700), held with FileLock
/// without an age limit: a run may last hours, and only a holder that is gone (QLockFile sees
/// its process has ended, also after `kill -9` or a reboot) frees it for the next program.
class BatchLease final
{
public:
    /// How long acquire() waits for a lease someone holds: long enough for a program that only
    /// looked whether the batch runs (holderOf() takes a stale lease for a moment), short enough
    /// to refuse a batch that really runs at once.
    static constexpr int kAcquireWaitMs = 300;

    /// `historyPath`: the database the batch is journalled in (HistoryStore::path()).
    BatchLease(const QString &historyPath, qint64 batchId);
    ~BatchLease();
    Q_DISABLE_COPY_MOVE(BatchLease)

    /// Takes the lease. False when another program holds it (holder() says which) or the lock
    /// file cannot be made; error() says why in a sentence.
    bool acquire();
    void release();
    bool isHeld() const;
    qint64 batchId() const { return m_batchId; }
    /// The program that holds the lease after acquire() failed because of it.
    std::optional<FileLock::Holder> holder() const { return m_holder; }
    QString error() const { return m_error; }

    static QString lockPath(const QString &historyPath, qint64 batchId);
    /// The program running (or planning) the batch now; std::nullopt when none does (it never
    /// ran, it ended, or its program died). Holds nothing afterwards.
    static std::optional<FileLock::Holder> holderOf(const QString &historyPath, qint64 batchId);

private:
    QString m_historyPath;
    qint64 m_batchId;
    std::unique_ptr<FileLock> m_lock;
    std::optional<FileLock::Holder> m_holder;
    QString m_error;
};

/// A batch as it is now: its journal state and the program holding its lease, if any.
struct BatchStatus
{
    BatchState recorded = BatchState::Planned;
    /// Whether the journal state can go stale: a local batch's runner keeps it, while the
    /// cluster's own batch operation (followed, not run, here) goes on without a program.
    bool runLocally = true;
    std::optional<FileLock::Holder> holder;

    /// Planning or running in the journal, and no program holds its lease: the program that
    /// ran it ended without recording the end (killed, crashed, power lost).
    bool interrupted() const;
    /// The word to show: "interrupted" when interrupted(), else the journal state's name.
    QString stateName() const;

    static BatchStatus of(const QString &historyPath, const BatchInfo &info);
};

} // namespace JobDesk
