// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/HistoryStore.h"

#include <QString>

#include <memory>

namespace JobDesk::Cli {

/// The CLI's attempts in the shared history (`history.sqlite`, the window's too), written ahead:
/// begin() records the attempt (state pending) before the request leaves, finish() its outcome
/// when it comes, markInterrupted() what is known when a signal ends the run first. A `kill -9`
/// in between leaves the pending row, which the window and the next runs show as "unknown —
/// look the job up". Errors: false with error(); the caller warns, the outcome is never lost.
///
/// A CLI run is usually the only connection to the database, and SQLite checkpoints the
/// write-ahead log into the database when the last connection closes: three fsyncs and a WAL
/// re-creation on every run, which cost more than the completion itself on a busy disk. So the
/// CLI leaves the log for the next writer instead (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE): commits
/// stay as durable as before (WAL, synchronous=NORMAL: safe against crashes of the program),
/// and SQLite's automatic checkpoint folds the log in every ~1000 pages.
class CliHistory final
{
public:
    CliHistory() = default;
    ~CliHistory();
    Q_DISABLE_COPY_MOVE(CliHistory)

    /// Opens the store once; later calls only repeat the first answer.
    bool open(const QString &path = HistoryStore::defaultPath());
    QString error() const { return m_error; }

    /// Earlier attempts on `jobKey` whose outcome is unknown (a run killed or interrupted while
    /// its request was in flight); empty when there are none or the history cannot be read.
    QList<HistoryEntry> unknownOutcomesFor(const QString &jobKey);
    /// Opens if needed and records `attempt` as pending (committed when this returns).
    bool begin(const HistoryEntry &attempt);
    /// Whether begin() recorded an attempt that has no outcome yet.
    bool hasPendingAttempt() const { return m_attemptId != 0; }
    /// The outcome of the attempt begun.
    bool finish(const Outcome &outcome);
    /// What a look-up after the attempt finished by finish() found (the history's check).
    bool recordCheck(LookupCheck check, const QDateTime &when);
    /// The run ends before an answer came: the attempt stays pending (its outcome is unknown)
    /// with `why` and the time waited.
    bool markInterrupted(const QString &why, qint64 elapsedMs);
    /// Opens if needed and records a finished attempt in one step.
    bool append(const HistoryEntry &entry);
    /// Opens if needed; the store itself, for the core's engines that record step by step
    /// (ActionSender, RepairRunner). nullptr (with error()) when it cannot be opened.
    HistoryStore *store();

private:
    bool failed(const QString &message);

    std::unique_ptr<HistoryStore> m_store;
    QString m_error;
    QString m_openError;
    bool m_opened = false;
    bool m_openOk = false;
    qint64 m_attemptId = 0;
    qint64 m_finishedId = 0; ///< the attempt finish() recorded last
};

} // namespace JobDesk::Cli
