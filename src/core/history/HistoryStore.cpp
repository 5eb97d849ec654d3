// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryStore.h"

#include "core/base/Logging.h"
#include "core/base/PrivateFiles.h"
#include "core/history/HistoryRows.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

namespace JobDesk {

using namespace HistoryRows;

namespace {
constexpr int kBusyTimeoutMs = 5000;
constexpr int kForEachBatch = 500;
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

QString HistoryStore::newLinkId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool HistoryStore::fail(const QString &message) const
{
    m_error = message;
    qCWarning(lcHistory).noquote() << message;
    return false;
}

bool HistoryStore::notOpen() const
{
    return fail(QStringLiteral("The history is not open"));
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
    QString error;
    if (!PrivateFiles::ensureFolderOf(path, &error))
        return fail(error);
    if (info.exists() && !info.isFile())
        return fail(QStringLiteral("%1 is not a file").arg(path));
    // SQLite would create the file 0644 (and its -wal and -shm like it): create it private.
    if (!info.exists() && !PrivateFiles::createPrivateFile(path, &error))
        return fail(error);

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!db.isValid())
        return fail(QStringLiteral("The Qt SQLite driver is not available"));
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!db.open())
        return fail(
            QStringLiteral("Cannot open the history %1: %2").arg(path, db.lastError().text()));
    if (!HistorySchema::prepare(db, path, &error))
        return fail(error);
    {
        // NORMAL is durable enough with WAL: a commit survives a crash of the program.
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    }
    // Only now that the file is known to be ours: a history left 0644 by an older JobDesk (and
    // its log files, which SQLite creates with the database's mode) become private.
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (!PrivateFiles::restrictFile(path + suffix, &error))
            qCWarning(lcHistory).noquote() << error;
    }
    return true;
}

std::optional<qint64> HistoryStore::append(const HistoryEntry &entry)
{
    if (!isOpen()) {
        notOpen();
        return std::nullopt;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    // One statement in autocommit mode: on disk when exec() returns.
    if (!q.prepare(kInsert) || !insertEntry(q, entry)) {
        fail(QStringLiteral("Cannot write to the history: %1").arg(q.lastError().text()));
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

std::optional<qint64> HistoryStore::beginAttempt(const HistoryEntry &attempt)
{
    HistoryEntry pending = attempt;
    pending.state = HistoryState::Pending;
    pending.kind = OutcomeKind::TransportError;
    pending.httpStatus.reset();
    return append(pending);
}

bool HistoryStore::finishAttempt(qint64 id, const Outcome &outcome, const QString &title)
{
    if (!isOpen())
        return notOpen();
    HistoryEntry finished
        = HistoryEntry::fromOutcome(outcome, HistorySource::Window, QString(), QString(), {});
    if (!title.isEmpty())
        finished.title = title;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.prepare(kFinish) || !finishEntry(q, id, finished))
        return fail(QStringLiteral("Cannot record the outcome of attempt %1 in the history: %2")
                        .arg(id)
                        .arg(q.lastError().text().isEmpty() ? QStringLiteral("no such attempt")
                                                            : q.lastError().text()));
    return true;
}

bool HistoryStore::markInterrupted(qint64 id, const QString &why, qint64 elapsedMs)
{
    if (!isOpen())
        return notOpen();
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("UPDATE history SET transport_error = ?, elapsed_ms = ? "
                             "WHERE id = ? AND state = 'pending'"));
    q.bindValue(0, why.isNull() ? QStringLiteral("") : why);
    q.bindValue(1, elapsedMs);
    q.bindValue(2, id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(QStringLiteral("Cannot record the interruption of attempt %1: %2")
                        .arg(id)
                        .arg(q.lastError().text().isEmpty() ? QStringLiteral("no pending attempt")
                                                            : q.lastError().text()));
    return true;
}

bool HistoryStore::recordCheck(qint64 id, LookupCheck check, const QDateTime &when)
{
    if (!isOpen())
        return notOpen();
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("UPDATE history SET check_result = ?, checked_ms = ? WHERE id = ?"));
    q.bindValue(0, lookupCheckName(check));
    q.bindValue(1, (when.isValid() ? when : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
    q.bindValue(2, id);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(QStringLiteral("Cannot record the look-up of attempt %1: %2")
                        .arg(id)
                        .arg(q.lastError().text().isEmpty() ? QStringLiteral("no such attempt")
                                                            : q.lastError().text()));
    return true;
}

std::optional<QList<HistoryEntry>> HistoryStore::unknownOutcomes(
    const QDateTime &startedBefore, int limit, const QString &jobKey) const
{
    QList<HistoryEntry> entries;
    if (!isOpen()) {
        notOpen();
        return std::nullopt;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kSummaryColumns
        + QStringLiteral(" FROM history WHERE (state = 'pending' OR kind = 'sent-no-answer') "
                         "AND check_result = '' "
                         "AND time_ms < ? AND (? = '' OR job_key = ?) "
                         "ORDER BY time_ms DESC, id DESC LIMIT ?"));
    q.bindValue(0,
        startedBefore.isValid() ? startedBefore.toMSecsSinceEpoch()
                                : std::numeric_limits<qint64>::max());
    const QString key = jobKey.isNull() ? QStringLiteral("") : jobKey;
    q.bindValue(1, key);
    q.bindValue(2, key);
    q.bindValue(3, qMax(0, limit));
    if (!execSummaries(q, entries))
        return std::nullopt;
    return entries;
}

std::optional<QList<HistoryEntry>> HistoryStore::query(
    const HistoryFilter &filter, int offset, int limit) const
{
    QList<HistoryEntry> entries;
    if (!isOpen()) {
        notOpen();
        return std::nullopt;
    }
    if (limit <= 0)
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
    entries.reserve(limit);
    if (!execSummaries(q, entries))
        return std::nullopt;
    return entries;
}

bool HistoryStore::execSummaries(QSqlQuery &q, QList<HistoryEntry> &into) const
{
    if (!q.exec())
        return fail(QStringLiteral("Cannot read the history: %1").arg(q.lastError().text()));
    while (q.next()) {
        HistoryEntry entry;
        readSummary(q, entry);
        into.append(std::move(entry));
    }
    return true;
}

std::optional<QList<HistoryEntry>> HistoryStore::summaries(const QList<qint64> &ids) const
{
    if (!isOpen()) {
        notOpen();
        return std::nullopt;
    }
    QList<HistoryEntry> entries;
    // SQLite binds at most 999 parameters per statement in older builds: read in slices.
    constexpr int kSlice = 500;
    for (int first = 0; first < ids.size(); first += kSlice) {
        const QList<qint64> slice = ids.mid(first, kSlice);
        QStringList marks;
        marks.reserve(slice.size());
        for (int n = 0; n < slice.size(); ++n)
            marks.append(QStringLiteral("?"));
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT ") + kSummaryColumns
            + QStringLiteral(" FROM history WHERE id IN (") + marks.join(u',') + u')');
        for (int n = 0; n < slice.size(); ++n)
            q.bindValue(n, slice.at(n));
        if (!execSummaries(q, entries))
            return std::nullopt;
    }
    return entries;
}

std::optional<int> HistoryStore::count(const HistoryFilter &filter) const
{
    if (!isOpen()) {
        notOpen();
        return std::nullopt;
    }
    const Where where = whereFor(filter);
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT count(*) FROM history") + where.sql);
    for (int i = 0; i < where.values.size(); ++i)
        q.bindValue(i, where.values.at(i));
    if (!q.exec() || !q.next()) {
        fail(QStringLiteral("Cannot count the history: %1").arg(q.lastError().text()));
        return std::nullopt;
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

namespace {

/// Rows retention may remove: finished, and not an attempt whose answer was lost and that no
/// look-up has settled yet (pending rows and unsettled sent-no-answer rows wait for one).
constexpr QLatin1String kSettled(
    "(state = 'finished' AND NOT (kind = 'sent-no-answer' AND check_result = ''))");

} // namespace

std::optional<int> HistoryStore::pruneToCount(int keep)
{
    if (!isOpen()) {
        notOpen();
        return std::nullopt;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    // Everything after the newest `keep` settled rows in display order.
    q.prepare(QStringLiteral("DELETE FROM history WHERE id IN (SELECT id FROM history WHERE ")
        + kSettled + QStringLiteral(" ORDER BY time_ms DESC, id DESC LIMIT -1 OFFSET ?)"));
    q.bindValue(0, qMax(0, keep));
    if (!q.exec()) {
        fail(QStringLiteral("Cannot prune the history: %1").arg(q.lastError().text()));
        return std::nullopt;
    }
    return q.numRowsAffected();
}

std::optional<int> HistoryStore::pruneOlderThan(const QDateTime &cutoff)
{
    if (!isOpen()) {
        notOpen();
        return std::nullopt;
    }
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM history WHERE time_ms < ? AND ") + kSettled);
    q.bindValue(0, cutoff.toMSecsSinceEpoch());
    if (!q.exec()) {
        fail(QStringLiteral("Cannot prune the history: %1").arg(q.lastError().text()));
        return std::nullopt;
    }
    return q.numRowsAffected();
}

bool HistoryStore::forEach(
    const HistoryFilter &filter, const std::function<void(const HistoryEntry &)> &visit) const
{
    if (!isOpen())
        return notOpen();
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
