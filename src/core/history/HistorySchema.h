// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the history: the SQLite schema, its versions and the one way to prepare a file.
#pragma once

#include <QString>

class QSqlDatabase;

namespace JobDesk::HistorySchema {

/// The schema version this build writes (PRAGMA user_version).
///  1: `history` (one row per attempt).
///  2: `history` gains action, state (write-ahead: pending | finished), production, link_id,
///     batch_id, check_result, checked_ms; the batch journal (`batch`, `batch_item`) appears.
inline constexpr int kVersion = 2;

/// Brings the open database `db` (file `path`, for messages) to kVersion: creates the schema
/// in a fresh file, migrates an older one in place, refuses a newer, foreign or unreadable one
/// (left untouched). Safe when several programs do it at once on the same new file: the
/// version and the table list are read and written inside one IMMEDIATE transaction, so
/// exactly one creates and the others find it done. False with a sentence in `error`.
bool prepare(QSqlDatabase &db, const QString &path, QString *error);

} // namespace JobDesk::HistorySchema
