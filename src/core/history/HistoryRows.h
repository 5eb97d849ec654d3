// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to HistoryStore: how an entry maps to the `history` table's columns and back.
#pragma once

#include "core/history/HistoryStore.h"

#include <QLatin1String>
#include <QVariantList>

class QSqlQuery;

namespace JobDesk::HistoryRows {

/// The summary columns, in the order readSummary() expects them.
extern const QLatin1String kSummaryColumns;
/// Every column, in the order readFull() expects them.
extern const QLatin1String kFullColumns;
/// INSERT with one positional placeholder per column but id (see bindEntry()).
extern const QLatin1String kInsert;

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
void readSummary(const QSqlQuery &q, HistoryEntry &entry);
HistoryEntry readFull(const QSqlQuery &q);

} // namespace JobDesk::HistoryRows
