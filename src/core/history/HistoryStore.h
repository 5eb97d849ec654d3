// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Outcome.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace JobDesk {

/// One attempt as it is kept: the columns the log table shows and filters on, plus the full
/// request (secrets already redacted) and response for the details pane.
struct HistoryEntry
{
    qint64 id = 0; ///< assigned by the store
    QDateTime time; ///< UTC, when the request was started
    QString source; ///< "window" or "cli"
    QString connection; ///< profile name, or the API root when there is no profile
    QString jobKey; ///< as text
    OutcomeKind kind = OutcomeKind::TransportError;
    std::optional<int> httpStatus;
    QString title; ///< problem title, or transport error, or reason phrase
    QString detail; ///< problem detail (verbatim)
    qint64 elapsedMs = 0;
    RequestRecord request; ///< redacted
    HeaderList responseHeaders;
    QByteArray responseBody; ///< capped as received
    bool responseBodyTruncated = false;
    qint64 responseBodyTotalBytes = 0;
    QString transportError;
    QString redirectLocation;

    /// Builds an entry from a finished request. `time` is when it started.
    static HistoryEntry fromOutcome(const Outcome &outcome, const QString &source,
        const QString &connection, const QString &jobKey, const QDateTime &time);
    /// The outcome again (problem re-parsed from the body), for explain() and the details pane.
    Outcome toOutcome() const;
};

/// Filter for queries: empty fields match everything.
struct HistoryFilter
{
    QString text; ///< substring of job key, title, detail, connection or request body
    QList<OutcomeKind> kinds; ///< any of these; empty = all
    bool isEmpty() const { return text.isEmpty() && kinds.isEmpty(); }
};

/// Every attempt, in SQLite (`history.sqlite` in AppDataLocation unless a path is given).
///
/// WAL journal, versioned schema (PRAGMA user_version, migrated forward on open; a newer or
/// corrupt database is reported and left untouched). `append()` commits before it returns, so
/// the next request starts only after the previous attempt is on disk. The window and the CLI
/// write to the same file concurrently (busy timeout). Each store owns its own connection and
/// must be used from the thread that opened it.
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

    /// The schema version this build writes (PRAGMA user_version).
    static constexpr int kSchemaVersion = 1;

    /// Appends and commits; returns the new id, or 0 with error() set. An `Authorization` (or
    /// `Proxy-Authorization`, `Cookie`) request header value and a password in the URL are
    /// replaced by "<redacted>" before they are written, whatever the caller passed.
    qint64 append(const HistoryEntry &entry);
    /// Benchmarks and tests only (never the product paths): appends many entries in one
    /// transaction. False with error() on failure (nothing is kept then).
    bool appendMany(const QList<HistoryEntry> &entries);
    /// Benchmarks and tests only: a plausible synthetic entry number `index`, `index` seconds
    /// before `newest`, cycling through outcome kinds, connections and problem titles.
    static HistoryEntry syntheticEntry(int index, const QDateTime &newest);
    /// The highest id in the store (0 when empty), so a view can notice rows another process
    /// (the CLI) appended.
    qint64 lastId() const;
    /// Newest first. `offset`/`limit` for lazy loading. Only the summary columns are filled
    /// (id, time, source, connection, jobKey, kind, httpStatus, title, detail, elapsedMs).
    QList<HistoryEntry> query(const HistoryFilter &filter, int offset, int limit) const;
    int count(const HistoryFilter &filter = {}) const;
    /// The full entry, with request and response.
    std::optional<HistoryEntry> entry(qint64 id) const;
    /// Retention: deletes all but the newest `keep` entries; returns how many were removed.
    int pruneToCount(int keep);
    /// Retention: deletes entries older than `cutoff`; returns how many were removed.
    int pruneOlderThan(const QDateTime &cutoff);
    /// Visits every full entry matching the filter, newest first (for export), in batches.
    bool forEach(
        const HistoryFilter &filter, const std::function<void(const HistoryEntry &)> &visit) const;

private:
    bool openChecked(const QString &path);
    bool createOrMigrate(int fromVersion);
    void closeConnection();
    bool fail(const QString &message) const;

    QString m_connectionName;
    QString m_path;
    mutable QString m_error;
};

} // namespace JobDesk
