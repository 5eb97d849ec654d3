// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliHistory.h"

#include "core/history/SqliteStatement.h"

#include <QSqlDatabase>

#include <sqlite3.h>

namespace JobDesk::Cli {

namespace {

/// Every SQLite connection of this process (only the history's, in the CLI) keeps its WAL on
/// close. Best effort: without the setting the history is still written, just more slowly.
void keepWriteAheadLogOnClose()
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (sqlite3 *connection = SqliteStatement::handleOf(QSqlDatabase::database(name, false)))
            sqlite3_db_config(connection, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    }
}

} // namespace

CliHistory::~CliHistory() = default;

bool CliHistory::failed(const QString &message)
{
    m_error = message;
    return false;
}

bool CliHistory::open(const QString &path)
{
    if (m_opened)
        return m_openOk || failed(m_openError);
    m_opened = true;
    m_store = std::make_unique<HistoryStore>();
    m_openOk = m_store->open(path);
    if (!m_openOk) {
        m_openError = m_store->error();
        return failed(m_openError);
    }
    keepWriteAheadLogOnClose();
    return true;
}

QList<HistoryEntry> CliHistory::unknownOutcomesFor(const QString &jobKey)
{
    if (!open())
        return {};
    return m_store->unknownOutcomes({}, 5, jobKey).value_or(QList<HistoryEntry>());
}

bool CliHistory::begin(const HistoryEntry &attempt)
{
    m_attemptId = 0;
    if (!open())
        return false;
    const std::optional<qint64> id = m_store->beginAttempt(attempt);
    if (!id)
        return failed(m_store->error());
    m_attemptId = *id;
    return true;
}

bool CliHistory::finish(const Outcome &outcome)
{
    if (m_attemptId == 0)
        return failed(QStringLiteral("no attempt was recorded"));
    const qint64 id = std::exchange(m_attemptId, 0);
    if (!m_store->finishAttempt(id, outcome))
        return failed(m_store->error());
    m_finishedId = id;
    return true;
}

bool CliHistory::recordCheck(LookupCheck check, const QDateTime &when)
{
    if (m_finishedId == 0)
        return failed(QStringLiteral("no attempt was recorded"));
    return m_store->recordCheck(m_finishedId, check, when) || failed(m_store->error());
}

bool CliHistory::markInterrupted(const QString &why, qint64 elapsedMs)
{
    if (m_attemptId == 0)
        return failed(QStringLiteral("no attempt was recorded"));
    const qint64 id = std::exchange(m_attemptId, 0);
    return m_store->markInterrupted(id, why, elapsedMs) || failed(m_store->error());
}

bool CliHistory::append(const HistoryEntry &entry)
{
    if (!open())
        return false;
    return m_store->append(entry).has_value() || failed(m_store->error());
}

HistoryStore *CliHistory::store()
{
    return open() ? m_store.get() : nullptr;
}

} // namespace JobDesk::Cli
