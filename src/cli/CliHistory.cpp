// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliHistory.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace JobDesk::Cli {

namespace {

/// Every SQLite connection of this process (only the history's, in the CLI) keeps its WAL on
/// close. Best effort: without the setting the history is still written, just more slowly.
void keepWriteAheadLogOnClose()
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        const QSqlDatabase db = QSqlDatabase::database(name, false);
        if (!db.isOpen() || !db.driver())
            continue;
        const QVariant handle = db.driver()->handle();
        if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
            continue;
        if (sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData()))
            sqlite3_db_config(connection, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    }
}

} // namespace

CliHistory::~CliHistory() = default;

bool CliHistory::open(const QString &path)
{
    if (m_opened)
        return m_error.isEmpty();
    m_opened = true;
    m_store = std::make_unique<HistoryStore>();
    if (!m_store->open(path)) {
        m_error = m_store->error();
        return false;
    }
    keepWriteAheadLogOnClose();
    return true;
}

QString CliHistory::append(const HistoryEntry &entry)
{
    if (!open())
        return m_error;
    HistoryEntry normalized = entry;
    // The history's text columns are NOT NULL: a null QString would be bound as NULL.
    for (QString *text :
        {&normalized.source, &normalized.connection, &normalized.jobKey, &normalized.title,
            &normalized.detail, &normalized.transportError, &normalized.redirectLocation}) {
        if (text->isNull())
            *text = QStringLiteral("");
    }
    if (m_store->append(normalized) == 0)
        return m_store->error();
    return {};
}

} // namespace JobDesk::Cli
