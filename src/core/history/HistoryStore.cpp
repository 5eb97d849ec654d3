// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryStore.h"

#include "core/base/Logging.h"
#include "core/history/HistoryRows.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace JobDesk {

using namespace HistoryRows;

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kForEachBatch = 500;

// Version 1 of the schema. Later versions add steps in createOrMigrate(), never edit this.
const char *const kSchemaV1[] = {
    "CREATE TABLE history ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " time_ms INTEGER NOT NULL,"
    " source TEXT NOT NULL DEFAULT '',"
    " connection TEXT NOT NULL DEFAULT '',"
    " job_key TEXT NOT NULL DEFAULT '',"
    " kind TEXT NOT NULL,"
    " http_status INTEGER,"
    " title TEXT NOT NULL DEFAULT '',"
    " detail TEXT NOT NULL DEFAULT '',"
    " elapsed_ms INTEGER NOT NULL DEFAULT 0,"
    " request_method TEXT NOT NULL DEFAULT '',"
    " request_url TEXT NOT NULL DEFAULT '',"
    " request_headers TEXT NOT NULL DEFAULT '[]',"
    " request_body BLOB,"
    " response_headers TEXT NOT NULL DEFAULT '[]',"
    " response_body BLOB,"
    " response_truncated INTEGER NOT NULL DEFAULT 0,"
    " response_total_bytes INTEGER NOT NULL DEFAULT 0,"
    " transport_error TEXT NOT NULL DEFAULT '',"
    " redirect_location TEXT NOT NULL DEFAULT '')",
    // Newest first paging (rowid is part of every index, so ties order by id for free).
    "CREATE INDEX history_time ON history(time_ms)",
    // Filtering by outcome, newest first within it.
    "CREATE INDEX history_kind_time ON history(kind, time_ms)",
};

} // namespace

HistoryStore::HistoryStore()
{
    static QAtomicInteger<quint64> counter;
    m_connectionName = QStringLiteral("jobdesk-history-%1").arg(counter.fetchAndAddRelaxed(1));
}

HistoryStore::~HistoryStore()
{
    closeConnection();
}

QString HistoryStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("history.sqlite"));
}

bool HistoryStore::fail(const QString &message) const
{
    m_error = message;
    qCWarning(lcHistory).noquote() << message;
    return false;
}

void HistoryStore::closeConnection()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool HistoryStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

bool HistoryStore::open(const QString &path)
{
    closeConnection();
    m_error.clear();
    m_path = path;
    if (!openChecked(path)) {
        closeConnection();
        return false;
    }
    return true;
}

bool HistoryStore::openChecked(const QString &path)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(QStringLiteral("Cannot create the folder %1").arg(info.absolutePath()));
    if (info.exists() && !info.isFile())
        return fail(QStringLiteral("%1 is not a file").arg(path));

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!db.isValid())
        return fail(QStringLiteral("The Qt SQLite driver is not available"));
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!db.open())
        return fail(
            QStringLiteral("Cannot open the history %1: %2").arg(path, db.lastError().text()));

    // Read the version before anything writes: a newer or foreign database stays as it is.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return fail(QStringLiteral("The history %1 is not a readable SQLite database (%2); it was "
                                   "left untouched.")
                        .arg(path, q.lastError().text()));
    const int version = q.value(0).toInt();
    q.finish();
    if (version > kSchemaVersion)
        return fail(QStringLiteral("The history %1 was written by a newer JobDesk (schema %2, this "
                                   "version knows %3); it was left untouched.")
                        .arg(path)
                        .arg(version)
                        .arg(kSchemaVersion));
    if (version == 0) {
        if (!q.exec(
                QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
            || !q.next())
            return fail(QStringLiteral("The history %1 cannot be read (%2); it was left untouched.")
                            .arg(path, q.lastError().text()));
        if (q.value(0).toInt() > 0)
            return fail(QStringLiteral("%1 is an SQLite database of another program; it was left "
                                       "untouched.")
                            .arg(path));
        q.finish();
    }

    // WAL lets the window read while the CLI appends; NORMAL is durable enough with WAL.
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
        qCWarning(lcHistory) << "Cannot switch the history to WAL:" << q.lastError().text();
    q.finish();
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    q.finish();

    if (version < kSchemaVersion)
        return createOrMigrate(version);
    return true;
}

bool HistoryStore::createOrMigrate(int fromVersion)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    // IMMEDIATE takes the write lock at once, so two programs creating the schema at the same
    // time wait for each other (busy timeout) instead of failing on a lock upgrade.
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(QStringLiteral("Cannot prepare the history: %1").arg(q.lastError().text()));
    auto rollback = [&](const QString &what) {
        const QString message
            = QStringLiteral("Cannot prepare the history (%1): %2").arg(what, q.lastError().text());
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return fail(message);
    };
    // Someone else may have done it while we waited for the lock.
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return rollback(QStringLiteral("version"));
    int version = q.value(0).toInt();
    q.finish();
    if (version < fromVersion || version > kSchemaVersion)
        return rollback(QStringLiteral("the version changed to %1 meanwhile").arg(version));
    if (version == 0) {
        for (const char *statement : kSchemaV1) {
            if (!q.exec(QLatin1String(statement)))
                return rollback(QStringLiteral("schema 1"));
        }
        version = 1;
    }
    // Future: `if (version == 1) { ALTER TABLE …; version = 2; }`
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
        return rollback(QStringLiteral("user_version"));
    if (!q.exec(QStringLiteral("COMMIT")))
        return rollback(QStringLiteral("commit"));
    return true;
}

qint64 HistoryStore::append(const HistoryEntry &entry)
{
    if (!isOpen()) {
        fail(QStringLiteral("The history is not open"));
        return 0;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    // One statement in autocommit mode: on disk when exec() returns.
    if (!q.prepare(kInsert) || !insertEntry(q, entry)) {
        fail(QStringLiteral("Cannot write to the history: %1").arg(q.lastError().text()));
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

bool HistoryStore::appendMany(const QList<HistoryEntry> &entries)
{
    if (!isOpen())
        return fail(QStringLiteral("The history is not open"));
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(QStringLiteral("Cannot write to the history: %1").arg(q.lastError().text()));
    if (!q.prepare(kInsert))
        return fail(QStringLiteral("Cannot write to the history: %1").arg(q.lastError().text()));
    for (const HistoryEntry &entry : entries) {
        if (!insertEntry(q, entry)) {
            const QString message = q.lastError().text();
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return fail(QStringLiteral("Cannot write to the history: %1").arg(message));
        }
    }
    q.finish();
    if (!QSqlQuery(db).exec(QStringLiteral("COMMIT")))
        return fail(QStringLiteral("Cannot commit to the history"));
    return true;
}

QList<HistoryEntry> HistoryStore::query(const HistoryFilter &filter, int offset, int limit) const
{
    QList<HistoryEntry> entries;
    if (!isOpen() || limit <= 0)
        return entries;
    const Where where = whereFor(filter);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kSummaryColumns + QStringLiteral(" FROM history")
        + where.sql + QStringLiteral(" ORDER BY time_ms DESC, id DESC LIMIT ? OFFSET ?"));
    int i = 0;
    for (const QVariant &value : where.values)
        q.bindValue(i++, value);
    q.bindValue(i++, limit);
    q.bindValue(i, qMax(0, offset));
    if (!q.exec()) {
        fail(QStringLiteral("Cannot read the history: %1").arg(q.lastError().text()));
        return entries;
    }
    entries.reserve(limit);
    while (q.next()) {
        HistoryEntry entry;
        readSummary(q, entry);
        entries.append(std::move(entry));
    }
    return entries;
}

int HistoryStore::count(const HistoryFilter &filter) const
{
    if (!isOpen())
        return 0;
    const Where where = whereFor(filter);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT count(*) FROM history") + where.sql);
    for (int i = 0; i < where.values.size(); ++i)
        q.bindValue(i, where.values.at(i));
    if (!q.exec() || !q.next()) {
        fail(QStringLiteral("Cannot count the history: %1").arg(q.lastError().text()));
        return 0;
    }
    return q.value(0).toInt();
}

qint64 HistoryStore::lastId() const
{
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT max(id) FROM history")) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

std::optional<HistoryEntry> HistoryStore::entry(qint64 id) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(
        QStringLiteral("SELECT ") + kFullColumns + QStringLiteral(" FROM history WHERE id = ?"));
    q.bindValue(0, id);
    if (!q.exec()) {
        fail(QStringLiteral("Cannot read the history: %1").arg(q.lastError().text()));
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readFull(q);
}

int HistoryStore::pruneToCount(int keep)
{
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    // Everything after the newest `keep` rows in display order.
    q.prepare(QStringLiteral("DELETE FROM history WHERE id IN (SELECT id FROM history "
                             "ORDER BY time_ms DESC, id DESC LIMIT -1 OFFSET ?)"));
    q.bindValue(0, qMax(0, keep));
    if (!q.exec()) {
        fail(QStringLiteral("Cannot prune the history: %1").arg(q.lastError().text()));
        return 0;
    }
    return q.numRowsAffected();
}

int HistoryStore::pruneOlderThan(const QDateTime &cutoff)
{
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM history WHERE time_ms < ?"));
    q.bindValue(0, cutoff.toMSecsSinceEpoch());
    if (!q.exec()) {
        fail(QStringLiteral("Cannot prune the history: %1").arg(q.lastError().text()));
        return 0;
    }
    return q.numRowsAffected();
}

bool HistoryStore::forEach(
    const HistoryFilter &filter, const std::function<void(const HistoryEntry &)> &visit) const
{
    if (!isOpen())
        return fail(QStringLiteral("The history is not open"));
    const Where where = whereFor(filter);
    // Keyset paging: stable even when rows are appended or pruned meanwhile.
    std::optional<QPair<qint64, qint64>> after;
    for (;;) {
        QString sql = QStringLiteral("SELECT ") + kFullColumns + QStringLiteral(" FROM history")
            + where.sql;
        if (after) {
            sql += where.sql.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ");
            sql += QStringLiteral("(time_ms < ? OR (time_ms = ? AND id < ?))");
        }
        sql += QStringLiteral(" ORDER BY time_ms DESC, id DESC LIMIT %1").arg(kForEachBatch);
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        q.setForwardOnly(true);
        q.prepare(sql);
        int i = 0;
        for (const QVariant &value : where.values)
            q.bindValue(i++, value);
        if (after) {
            q.bindValue(i++, after->first);
            q.bindValue(i++, after->first);
            q.bindValue(i, after->second);
        }
        if (!q.exec())
            return fail(QStringLiteral("Cannot read the history: %1").arg(q.lastError().text()));
        int rows = 0;
        while (q.next()) {
            const HistoryEntry entry = readFull(q);
            after = qMakePair(entry.time.toMSecsSinceEpoch(), entry.id);
            visit(entry);
            ++rows;
        }
        if (rows < kForEachBatch)
            return true;
    }
}

} // namespace JobDesk
