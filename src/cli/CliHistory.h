// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/HistoryStore.h"

#include <QString>

#include <memory>

namespace JobDesk::Cli {

/// Appends the CLI's attempts to the shared history (`history.sqlite`, the window's too).
///
/// `open()` may be called early — the CLI calls it while the request is in flight, so loading
/// the SQLite driver and opening the file overlap with the server's work — and `append()`
/// returns an empty string or why the attempt could not be recorded (the caller warns; the
/// outcome is never lost).
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

    /// Opens the store once; later calls do nothing. False when it cannot be opened.
    bool open(const QString &path = HistoryStore::defaultPath());
    /// Opens if needed, appends and commits. Empty on success, else the reason.
    QString append(const HistoryEntry &entry);

private:
    std::unique_ptr<HistoryStore> m_store;
    QString m_error;
    bool m_opened = false;
};

} // namespace JobDesk::Cli
