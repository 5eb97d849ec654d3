// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HistoryStore.h"

#include <QString>

namespace JobDesk::Cli {

/// Appends one attempt to the shared history (`history.sqlite`, the window's too) and returns
/// an empty string, or why it could not (the caller warns; the outcome is never lost).
///
/// A CLI run is usually the only connection to the database, and SQLite checkpoints the
/// write-ahead log into the database when the last connection closes: three fsyncs and a WAL
/// re-creation on every run, which cost more than the completion itself on a busy disk. So the
/// CLI leaves the log for the next writer instead (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE): commits
/// stay as durable as before (WAL, synchronous=NORMAL: safe against crashes of the program),
/// and SQLite's automatic checkpoint folds the log in every ~1000 pages.
QString appendToHistory(const HistoryEntry &entry, const QString &path = HistoryStore::defaultPath());

} // namespace JobDesk::Cli
