// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistorySchema.h"

#include "core/base/Logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace JobDesk::HistorySchema {

namespace {

// Version 1 of the schema. Later versions add steps below, never edit this: a database made by
// an older JobDesk must end up exactly like a new one.
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

// Version 2: every action (not only completions), write-ahead rows, links between the steps of
// a repair, and the batch journal. ADD COLUMN with a constant default rewrites nothing, so a
// history of 100,000 rows migrates in milliseconds; old rows read as finished completions.
const char *const kSchemaV2[] = {
    "ALTER TABLE history ADD COLUMN action TEXT NOT NULL DEFAULT 'complete'",
    "ALTER TABLE history ADD COLUMN state TEXT NOT NULL DEFAULT 'finished'",
    "ALTER TABLE history ADD COLUMN production INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE history ADD COLUMN link_id TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE history ADD COLUMN batch_id INTEGER NOT NULL DEFAULT 0",
    // "check" is an SQL keyword: the look-up's verdict is check_result.
    "ALTER TABLE history ADD COLUMN check_result TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE history ADD COLUMN checked_ms INTEGER",
    "CREATE INDEX history_action_time ON history(action, time_ms)",
    // Small partial indexes: only the rows that have the property are in them.
    "CREATE INDEX history_pending ON history(time_ms) WHERE state = 'pending'",
    "CREATE INDEX history_link ON history(link_id) WHERE link_id <> ''",
    "CREATE INDEX history_batch ON history(batch_id) WHERE batch_id <> 0",
    "CREATE TABLE batch ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " created_ms INTEGER NOT NULL,"
    " updated_ms INTEGER NOT NULL,"
    " source TEXT NOT NULL,"
    " connection TEXT NOT NULL DEFAULT '',"
    " production INTEGER NOT NULL DEFAULT 0,"
    " action TEXT NOT NULL DEFAULT 'complete',"
    " input_summary TEXT NOT NULL DEFAULT '',"
    " payload BLOB,"
    " options TEXT NOT NULL DEFAULT '{}',"
    " state TEXT NOT NULL DEFAULT 'planned')",
    // One row per input row; (batch, line) is the key, so no second rowid index is kept.
    "CREATE TABLE batch_item ("
    " batch_id INTEGER NOT NULL REFERENCES batch(id) ON DELETE CASCADE,"
    " line INTEGER NOT NULL,"
    " job_key TEXT NOT NULL,"
    " payload BLOB,"
    " state TEXT NOT NULL DEFAULT 'planned',"
    " outcome TEXT NOT NULL DEFAULT '',"
    " http_status INTEGER,"
    " problem TEXT NOT NULL DEFAULT '',"
    " error TEXT NOT NULL DEFAULT '',"
    " note TEXT NOT NULL DEFAULT '',"
    " attempts INTEGER NOT NULL DEFAULT 0,"
    " history_id INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (batch_id, line)) WITHOUT ROWID",
    // What resume needs: the items of one batch in a state, in input order.
    "CREATE INDEX batch_item_state ON batch_item(batch_id, state, line)",
};

struct Step
{
    int toVersion;
    const char *const *statements;
    std::size_t count;
};

template <std::size_t N> Step step(int toVersion, const char *const (&statements)[N])
{
    return {toVersion, statements, N};
}

bool failed(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool readVersion(QSqlQuery &q, int *version)
{
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return false;
    *version = q.value(0).toInt();
    q.finish();
    return true;
}

/// WAL lets the window read while the CLI appends. The mode is kept in the file, so it is set
/// once, and only in a file known to be a JobDesk history (a foreign or newer file is left
/// byte for byte as it was). It cannot change inside a transaction, and not while another
/// program has the file open in the old mode: then it stays as it is (still correct, with the
/// busy timeout) and a later start switches. Always true: the history works either way.
bool useWriteAheadLog(QSqlQuery &q)
{
    if (q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next()
        && q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0) {
        q.finish();
        return true;
    }
    q.finish();
    if (q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && q.next()
        && q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        qCInfo(lcHistory) << "The history stays in journal mode" << q.value(0).toString()
                          << "for now";
    q.finish();
    return true;
}

QString newerMessage(const QString &path, int version)
{
    return QStringLiteral("The history %1 was written by a newer JobDesk (schema %2, this version "
                          "knows %3); it was left untouched.")
        .arg(path)
        .arg(version)
        .arg(kVersion);
}

} // namespace

bool prepare(QSqlDatabase &db, const QString &path, QString *error)
{
    QSqlQuery q(db);
    // Fast path, no write lock: the schema is there already (every start but the first).
    int version = 0;
    if (!readVersion(q, &version))
        return failed(error,
            QStringLiteral("The history %1 is not a readable SQLite database (%2); it was left "
                           "untouched.")
                .arg(path, q.lastError().text()));
    if (version == kVersion)
        return useWriteAheadLog(q);
    if (version > kVersion)
        return failed(error, newerMessage(path, version));

    // IMMEDIATE takes the write lock at once, so programs preparing the same new file at the
    // same time queue up (busy timeout). Everything the decision rests on — the version and
    // whether the file holds someone else's tables — is read again under that lock: read
    // before it, a file another program was creating looked foreign half of the time.
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failed(
            error, QStringLiteral("Cannot prepare the history: %1").arg(q.lastError().text()));
    auto rollback = [&](const QString &message) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return failed(error, message);
    };
    auto stepFailed = [&](const QString &what) {
        return rollback(
            QStringLiteral("Cannot prepare the history (%1): %2").arg(what, q.lastError().text()));
    };
    if (!readVersion(q, &version))
        return stepFailed(QStringLiteral("version"));
    if (version > kVersion)
        return rollback(newerMessage(path, version));
    if (version == 0) {
        if (!q.exec(
                QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
            || !q.next())
            return stepFailed(QStringLiteral("tables"));
        const int objects = q.value(0).toInt();
        q.finish();
        if (objects > 0)
            return rollback(
                QStringLiteral("%1 is an SQLite database of another program; it was left "
                               "untouched.")
                    .arg(path));
    }
    const Step steps[] = {step(1, kSchemaV1), step(2, kSchemaV2)};
    for (const Step &s : steps) {
        if (version >= s.toVersion)
            continue;
        for (std::size_t i = 0; i < s.count; ++i) {
            if (!q.exec(QLatin1String(s.statements[i])))
                return stepFailed(QStringLiteral("schema %1").arg(s.toVersion));
        }
        version = s.toVersion;
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)))
        return stepFailed(QStringLiteral("user_version"));
    if (!q.exec(QStringLiteral("COMMIT")))
        return stepFailed(QStringLiteral("commit"));
    return useWriteAheadLog(q);
}

} // namespace JobDesk::HistorySchema
