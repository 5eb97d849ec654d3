// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/HistoryFixtures.h"

#include "core/history/HistoryRows.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace JobDesk;

namespace HistoryFixtures {

HistoryEntry syntheticEntry(int index, const QDateTime &newest)
{
    struct Shape
    {
        OutcomeKind kind;
        int status; // 0: no HTTP answer
        const char *title;
        const char *detail;
    };
    static const Shape shapes[] = {
        {OutcomeKind::Completed, 204, "", ""},
        {OutcomeKind::Completed, 204, "", ""},
        {OutcomeKind::Completed, 204, "", ""},
        {OutcomeKind::NotFound, 404, "NOT_FOUND",
            "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key "
            "'%1', but no such job was found"},
        {OutcomeKind::InvalidState, 409, "INVALID_STATE",
            "Command 'COMPLETE' rejected with code 'INVALID_STATE': Expected to complete job with "
            "key '%1', but it is in state 'FAILED'"},
        {OutcomeKind::Rejected, 400, "INVALID_ARGUMENT",
            "Request property [variables] cannot be parsed"},
        {OutcomeKind::Backpressure, 503, "RESOURCE_EXHAUSTED",
            "Expected to handle REST API request, but the broker is overloaded"},
        {OutcomeKind::Unauthorized, 401, "Unauthorized", ""},
        {OutcomeKind::TransportError, 0, "Connection refused", ""},
    };
    constexpr int shapeCount = int(sizeof(shapes) / sizeof(shapes[0]));
    static const char *const connections[]
        = {"dev", "test", "prod-eu", "http://localhost:8080/v2/"};
    const Shape &shape = shapes[index % shapeCount];
    const QString key = QString::number(2251799813685249LL + index);

    HistoryEntry entry;
    entry.time = newest.toUTC().addSecs(-qint64(index));
    entry.source = index % 5 == 0 ? HistorySource::Cli : HistorySource::Window;
    entry.connection = QString::fromLatin1(connections[index % 4]);
    entry.jobKey = key;
    entry.kind = shape.kind;
    if (shape.status)
        entry.httpStatus = shape.status;
    entry.title = QString::fromLatin1(shape.title);
    entry.detail = QString::fromLatin1(shape.detail).replace(QLatin1String("%1"), key);
    entry.elapsedMs = 20 + index % 180;
    entry.request.method = "POST";
    entry.request.url
        = QUrl(QStringLiteral("http://localhost:8080/v2/jobs/%1/completion").arg(key));
    entry.request.headers = {{"Content-Type", "application/json"},
        {"Accept", "application/json, application/problem+json"}};
    entry.request.body = "{\"variables\":{\"approved\":true,\"orderId\":\""
        + QByteArray::number(4711 + index) + "\"}}";
    if (shape.kind == OutcomeKind::TransportError) {
        entry.transportError = entry.title;
    } else if (shape.status != 204) {
        entry.responseHeaders = {{"Content-Type", "application/problem+json"}};
        entry.responseBody = "{\"type\":\"about:blank\",\"title\":\"" + QByteArray(shape.title)
            + "\",\"status\":" + QByteArray::number(shape.status) + ",\"detail\":\""
            + entry.detail.toUtf8() + "\",\"instance\":\"/v2/jobs/" + key.toLatin1()
            + "/completion\"}";
        entry.responseBodyTotalBytes = entry.responseBody.size();
    }
    return entry;
}

bool appendMany(HistoryStore &store, const QList<HistoryEntry> &entries, QString *error)
{
    const auto failed = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QSqlDatabase db = QSqlDatabase::database(store.connectionName(), false);
    if (!db.isOpen())
        return failed(QStringLiteral("The history is not open"));
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failed(q.lastError().text());
    if (!q.prepare(HistoryRows::kInsert)) {
        const QString message = q.lastError().text();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return failed(message);
    }
    for (const HistoryEntry &entry : entries) {
        if (!HistoryRows::insertEntry(q, entry)) {
            const QString message = q.lastError().text();
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return failed(message);
        }
    }
    q.finish();
    if (!QSqlQuery(db).exec(QStringLiteral("COMMIT")))
        return failed(QStringLiteral("Cannot commit to the history"));
    return true;
}

std::optional<qint64> journalledBatch(HistoryStore &store, const QStringList &keys,
    BatchState state, const QString &connection, const QString &inputSummary)
{
    BatchJournal journal(store);
    BatchSpec spec;
    spec.connection = connection;
    spec.inputSummary = inputSummary;
    spec.payload = "{}";
    const std::optional<qint64> id = journal.createBatch(spec);
    if (!id)
        return std::nullopt;
    QList<BatchItem> items;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        BatchItem item;
        item.line = i + 1;
        item.jobKey = keys.at(i);
        items.append(item);
    }
    if (!journal.addItems(*id, items) || !journal.setState(*id, state))
        return std::nullopt;
    return id;
}

} // namespace HistoryFixtures
