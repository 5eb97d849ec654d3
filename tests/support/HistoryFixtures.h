// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/BatchJournal.h"
#include "core/history/HistoryStore.h"

#include <QDateTime>
#include <QStringList>
#include <QTimeZone>

#include <optional>

/// Hand-made history entries for the log panel, exporter and ticket text tests, and many
/// synthetic ones for the tests and benchmarks that need a full history.
namespace HistoryFixtures {

/// A plausible synthetic entry number `index`, `index` seconds before `newest`, cycling through
/// outcome kinds, connections and problem titles.
JobDesk::HistoryEntry syntheticEntry(int index, const QDateTime &newest);
/// Appends many entries in one transaction (nothing is kept on failure). The product appends
/// one attempt at a time; only tests and benchmarks fill a history in bulk.
bool appendMany(JobDesk::HistoryStore &store, const QList<JobDesk::HistoryEntry> &entries,
    QString *error = nullptr);

inline QDateTime fixedTime()
{
    return QDateTime(QDate(2026, 11, 28), QTime(14, 3, 7, 250), QTimeZone::utc());
}

/// A 409: the job is FAILED. The problem carries two extension members.
inline JobDesk::HistoryEntry invalidState409()
{
    JobDesk::HistoryEntry entry;
    entry.time = fixedTime();
    entry.source = JobDesk::HistorySource::Window;
    entry.connection = QStringLiteral("dev-cluster");
    entry.jobKey = QStringLiteral("2251799902653941");
    entry.kind = JobDesk::OutcomeKind::InvalidState;
    entry.httpStatus = 409;
    entry.title = QStringLiteral("INVALID_STATE");
    entry.detail = QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_STATE': Expected "
                                  "to complete job with key '2251799902653941', but it is in "
                                  "state 'FAILED'");
    entry.elapsedMs = 42;
    entry.request.method = "POST";
    entry.request.url
        = QUrl(QStringLiteral("http://localhost:8080/v2/jobs/2251799902653941/completion"));
    entry.request.headers = {{"Content-Type", "application/json"}, {"Authorization", "<redacted>"}};
    entry.request.body = "{\"variables\":{\"orderId\":4711}}";
    entry.responseHeaders
        = {{"Content-Type", "application/problem+json"}, {"X-Request-Id", "req-77"}};
    entry.responseBody = "{\"type\":\"about:blank\",\"title\":\"INVALID_STATE\",\"status\":409,"
                         "\"detail\":\"Command 'COMPLETE' rejected with code 'INVALID_STATE': "
                         "Expected to complete job with key '2251799902653941', but it is in state "
                         "'FAILED'\",\"instance\":\"/v2/jobs/2251799902653941/completion\","
                         "\"jobState\":\"FAILED\",\"incidentKey\":2251799813999999123}";
    entry.responseBodyTotalBytes = entry.responseBody.size();
    return entry;
}

/// A plain success.
inline JobDesk::HistoryEntry completed204()
{
    JobDesk::HistoryEntry entry;
    entry.time = fixedTime().addSecs(60);
    entry.source = JobDesk::HistorySource::Cli;
    entry.connection = QStringLiteral("=cmd|' /C calc'!A0");
    entry.jobKey = QStringLiteral("2251799813685249");
    entry.kind = JobDesk::OutcomeKind::Completed;
    entry.httpStatus = 204;
    entry.title = QStringLiteral("No Content");
    entry.elapsedMs = 7;
    entry.request.method = "POST";
    entry.request.url
        = QUrl(QStringLiteral("http://localhost:8080/v2/jobs/2251799813685249/completion"));
    entry.request.headers = {{"Content-Type", "application/json"}};
    entry.request.body = "{}";
    return entry;
}

/// No HTTP answer at all.
inline JobDesk::HistoryEntry connectionRefused()
{
    JobDesk::HistoryEntry entry;
    entry.time = fixedTime().addSecs(120);
    entry.source = JobDesk::HistorySource::Window;
    entry.connection = QStringLiteral("prod-eu");
    entry.jobKey = QStringLiteral("4503599627370497");
    entry.kind = JobDesk::OutcomeKind::TransportError;
    entry.title = QStringLiteral("Connection refused");
    entry.transportError = QStringLiteral("Connection refused");
    entry.elapsedMs = 3;
    entry.request.method = "POST";
    entry.request.url
        = QUrl(QStringLiteral("https://camunda.example.com/v2/jobs/4503599627370497/completion"));
    entry.request.body = "{}";
    return entry;
}

/// A batch in the journal of `store` as a run leaves it: `keys` planned as lines 1…n, the batch
/// in `state`, `spec`'s connection and input summary shown. Its id, or std::nullopt.
std::optional<qint64> journalledBatch(JobDesk::HistoryStore &store, const QStringList &keys,
    JobDesk::BatchState state, const QString &connection = QStringLiteral("sandbox"),
    const QString &inputSummary = QStringLiteral("pasted keys"));

} // namespace HistoryFixtures
