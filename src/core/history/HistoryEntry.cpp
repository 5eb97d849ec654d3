// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryEntry: conversion from and to Outcome, and synthetic entries for benchmarks.
#include "core/history/HistoryStore.h"

#include <QTimeZone>

namespace JobDesk {

HistoryEntry HistoryEntry::fromOutcome(const Outcome &outcome, const QString &source,
    const QString &connection, const QString &jobKey, const QDateTime &time)
{
    HistoryEntry entry;
    entry.time = time.toUTC();
    entry.source = source;
    entry.connection = connection;
    entry.jobKey = jobKey;
    entry.kind = outcome.kind;
    entry.httpStatus = outcome.httpStatus;
    if (!outcome.problem.title().isEmpty())
        entry.title = outcome.problem.title();
    else if (!outcome.transportError.isEmpty())
        entry.title = outcome.transportError;
    else
        entry.title = QString::fromLatin1(outcome.reasonPhrase);
    entry.detail = outcome.problem.detail();
    entry.elapsedMs = outcome.elapsedMs;
    entry.request = outcome.request;
    entry.responseHeaders = outcome.responseHeaders;
    entry.responseBody = outcome.rawBody;
    entry.responseBodyTruncated = outcome.bodyTruncated;
    entry.responseBodyTotalBytes = outcome.bodyTotalBytes;
    entry.transportError = outcome.transportError;
    entry.redirectLocation = outcome.redirectLocation;
    return entry;
}

Outcome HistoryEntry::toOutcome() const
{
    Outcome outcome;
    outcome.kind = kind;
    outcome.httpStatus = httpStatus;
    outcome.responseHeaders = responseHeaders;
    outcome.rawBody = responseBody;
    outcome.bodyTruncated = responseBodyTruncated;
    outcome.bodyTotalBytes = responseBodyTotalBytes;
    outcome.elapsedMs = elapsedMs;
    outcome.transportError = transportError;
    outcome.redirectLocation = redirectLocation;
    outcome.request = request;
    QByteArray contentType;
    for (const auto &header : responseHeaders) {
        if (header.first.compare("content-type", Qt::CaseInsensitive) == 0) {
            contentType = header.second;
            break;
        }
    }
    outcome.problem = ProblemDetails::parse(responseBody, contentType);
    // Without a problem document the title column held the reason phrase (see fromOutcome);
    // a denial's title says what was decided instead.
    if (httpStatus && transportError.isEmpty() && outcome.problem.title().isEmpty()
        && kind != OutcomeKind::Denied)
        outcome.reasonPhrase = title.toLatin1();
    return outcome;
}

HistoryEntry HistoryStore::syntheticEntry(int index, const QDateTime &newest)
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
    entry.source = index % 5 == 0 ? QStringLiteral("cli") : QStringLiteral("window");
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

} // namespace JobDesk
