// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/HistoryEntry.h"
#include "core/history/HistorySchema.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QSqlQuery;

namespace JobDesk {

/// Every attempt, in SQLite (`history.sqlite` in AppDataLocation unless a path is given).
///
/// WAL journal, versioned schema (PRAGMA user_version, migrated forward in place on open; a
/// newer, foreign or corrupt database is reported and left untouched; several programs opening
/// a new file at once agree on one schema). The file, its -wal and -shm are 0600 in a 0700
/// folder (PrivateFiles).
///
/// Write-ahead: a front end records an attempt with beginAttempt() **before** its request
/// leaves (state Pending, the request as described, time, connection, action) and completes the
/// row with finishAttempt() when the outcome comes. A program killed in between leaves the
/// Pending row behind: unknownOutcomes() lists such rows, and the finished ones whose request
/// went out without an answer (SentNoAnswer), at the next start ("unknown — look the job up"),
/// and recordCheck() keeps what a look-up found. append() records a finished
/// attempt in one step. Every write commits before it returns.
///
/// The window and the CLI write to the same file concurrently (busy timeout). Each store owns
/// its own connection and must be used from the thread that opened it. Errors: false or
/// std::nullopt with error() set.
class HistoryStore final
{
public:
    HistoryStore();
    ~HistoryStore();
    Q_DISABLE_COPY_MOVE(HistoryStore)

    static QString defaultPath();

    /// Opens (creating folders and schema as needed). False with error() on failure.
    bool open(const QString &path = defaultPath());
    bool isOpen() const;
    QString path() const { return m_path; }
    QString error() const { return m_error; }
    /// The Qt SQL connection this store opened (BatchJournal shares it, so a batch item and its
    /// attempt are written in one transaction).
    QString connectionName() const { return m_connectionName; }

    /// The schema version this build writes (PRAGMA user_version).
    static constexpr int kSchemaVersion = HistorySchema::kVersion;

    /// A new link id for the steps of one repair (HistoryEntry::linkId).
    static QString newLinkId();

    /// Appends a finished attempt and commits; returns its id. An `Authorization` (or
    /// `Proxy-Authorization`, `Cookie`) request header value and a password in the URL are
    /// replaced by "<redacted>" before they are written, whatever the caller passed.
    std::optional<qint64> append(const HistoryEntry &entry);

    /// Write-ahead: records `attempt` as Pending (whatever its state says) and commits before
    /// it returns, so the caller may then let the request leave. See HistoryEntry::forAttempt().
    std::optional<qint64> beginAttempt(const HistoryEntry &attempt);
    /// The outcome of the Pending row `id`: it becomes Finished with the outcome's kind, status,
    /// problem, response and the request as sent. A `title` replaces the outcome's (a denial
    /// says what was decided). False when there is no such row.
    bool finishAttempt(qint64 id, const Outcome &outcome, const QString &title = {});
    /// The program is going away (a signal) while the request of row `id` is in flight: the row
    /// stays Pending — the outcome is unknown — and keeps `why` and the time waited.
    bool markInterrupted(qint64 id, const QString &why, qint64 elapsedMs);
    /// What a look-up found about the unknown outcome of row `id`, at `when`.
    bool recordCheck(qint64 id, LookupCheck check, const QDateTime &when);
    /// Pending and SentNoAnswer rows nobody has checked yet (HistoryEntry::isUnknownOutcome()),
    /// newest first, summary columns only. `startedBefore` (if valid) leaves out younger rows,
    /// e.g. the caller's own request in flight; a `jobKey` keeps only that key's.
    std::optional<QList<HistoryEntry>> unknownOutcomes(
        const QDateTime &startedBefore = {}, int limit = 100, const QString &jobKey = {}) const;

    /// The highest id in the store (0 when empty or unreadable), so a view can notice rows
    /// another process (the CLI) appended.
    qint64 lastId() const;
    /// Newest first. `offset`/`limit` for lazy loading. Only the summary columns are filled
    /// (everything but the request and response).
    std::optional<QList<HistoryEntry>> query(
        const HistoryFilter &filter, int offset, int limit) const;
    std::optional<int> count(const HistoryFilter &filter = {}) const;
    /// The summary columns (as query() fills them) of the rows `ids`, in one read; ids that
    /// are gone are left out. For a view that follows rows it shows (Pending ones finishing).
    std::optional<QList<HistoryEntry>> summaries(const QList<qint64> &ids) const;
    /// The full entry, with request and response; std::nullopt when there is no such row (or
    /// it cannot be read: then error() says why).
    std::optional<HistoryEntry> entry(qint64 id) const;
    /// Retention: deletes all but the newest `keep` finished entries; returns how many were
    /// removed. Pending rows are never pruned (their outcome is still to be settled).
    std::optional<int> pruneToCount(int keep);
    /// Retention: deletes finished entries older than `cutoff`; returns how many were removed.
    std::optional<int> pruneOlderThan(const QDateTime &cutoff);
    /// Visits every full entry matching the filter, newest first (for export), in batches.
    bool forEach(
        const HistoryFilter &filter, const std::function<void(const HistoryEntry &)> &visit) const;

private:
    bool openChecked(const QString &path);
    void closeConnection();
    bool fail(const QString &message) const;
    /// Runs a prepared SELECT of the summary columns and appends its rows.
    bool execSummaries(QSqlQuery &q, QList<HistoryEntry> &into) const;
    bool notOpen() const;

    QString m_connectionName;
    QString m_path;
    mutable QString m_error;
};

} // namespace JobDesk
