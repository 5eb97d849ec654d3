// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the history: how an entry maps to the `history` table's columns and back.
#pragma once

#include "core/history/HistoryEntry.h"

#include <QLatin1String>
#include <QVariantList>

class QSqlQuery;

namespace JobDesk {
class SqliteStatement;
}

namespace JobDesk::HistoryRows {

/// The summary columns, in the order readSummary() expects them.
extern const QLatin1String kSummaryColumns;
/// Every column, in the order readFull() expects them.
extern const QLatin1String kFullColumns;
/// INSERT with one positional placeholder per column but id (see insertEntry()).
extern const QLatin1String kInsert;
/// UPDATE of a row's outcome columns by id (see finishEntry()).
extern const QLatin1String kFinish;

/// A WHERE clause (" WHERE …", or empty) and its values, in placeholder order.
struct Where
{
    QString sql;
    QVariantList values;
};
Where whereFor(const HistoryFilter &filter);

/// Binds an entry to a prepared kInsert and executes it. Secret request headers
/// (Authorization, Proxy-Authorization, Cookie) and a password in the URL are redacted here.
bool insertEntry(QSqlQuery &q, const HistoryEntry &entry);
/// The same on a statement straight on SQLite (the batch journal's many writes).
bool insertEntry(SqliteStatement &q, const HistoryEntry &entry);
/// Binds the outcome of `entry` (state, kind, status, texts, request as sent, response) to a
/// prepared kFinish for row `id` and executes it. True only when that row was there.
bool finishEntry(QSqlQuery &q, qint64 id, const HistoryEntry &entry);
bool finishEntry(SqliteStatement &q, qint64 id, const HistoryEntry &entry);
void readSummary(const QSqlQuery &q, HistoryEntry &entry);
HistoryEntry readFull(const QSqlQuery &q);

} // namespace JobDesk::HistoryRows
