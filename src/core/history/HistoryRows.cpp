// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryRows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

namespace JobDesk::HistoryRows {

namespace {
const QByteArray kRedacted = "<redacted>";

// A null QString binds as SQL NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

bool isSecretHeader(const QByteArray &name)
{
    return name.compare("authorization", Qt::CaseInsensitive) == 0
        || name.compare("proxy-authorization", Qt::CaseInsensitive) == 0
        || name.compare("cookie", Qt::CaseInsensitive) == 0;
}

QString headersToJson(const HeaderList &headers, bool redact)
{
    QJsonArray array;
    for (const auto &header : headers) {
        const QByteArray value = redact && isSecretHeader(header.first) ? kRedacted : header.second;
        // Latin-1 maps every byte to one code point and back, so header bytes survive exactly.
        array.append(QJsonArray {QString::fromLatin1(header.first), QString::fromLatin1(value)});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

HeaderList headersFromJson(const QString &text)
{
    HeaderList headers;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const auto &item : array) {
        const QJsonArray pair = item.toArray();
        if (pair.size() == 2)
            headers.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1()});
    }
    return headers;
}

QString escapeLike(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            escaped.append(u'\\');
        escaped.append(c);
    }
    return escaped;
}
} // namespace

const QLatin1String kSummaryColumns(
    "id, time_ms, source, connection, job_key, kind, http_status, title, detail, elapsed_ms");
const QLatin1String kFullColumns(
    "id, time_ms, source, connection, job_key, kind, http_status, title, detail, elapsed_ms, "
    "request_method, request_url, request_headers, request_body, response_headers, "
    "response_body, response_truncated, response_total_bytes, transport_error, "
    "redirect_location");

bool insertEntry(QSqlQuery &q, const HistoryEntry &entry)
{
    QUrl url = entry.request.url;
    if (!url.password().isEmpty())
        url.setPassword(QString::fromLatin1(kRedacted));
    const QDateTime time = entry.time.isValid() ? entry.time : QDateTime::currentDateTimeUtc();
    q.bindValue(0, time.toMSecsSinceEpoch());
    q.bindValue(1, text(entry.source));
    q.bindValue(2, text(entry.connection));
    q.bindValue(3, text(entry.jobKey));
    q.bindValue(4, outcomeKindName(entry.kind));
    q.bindValue(
        5, entry.httpStatus ? QVariant(*entry.httpStatus) : QVariant(QMetaType(QMetaType::Int)));
    q.bindValue(6, text(entry.title));
    q.bindValue(7, text(entry.detail));
    q.bindValue(8, entry.elapsedMs);
    q.bindValue(9, text(QString::fromLatin1(entry.request.method)));
    q.bindValue(10, text(QString::fromUtf8(url.toEncoded())));
    q.bindValue(11, headersToJson(entry.request.headers, true));
    q.bindValue(12, entry.request.body);
    q.bindValue(13, headersToJson(entry.responseHeaders, false));
    q.bindValue(14, entry.responseBody);
    q.bindValue(15, entry.responseBodyTruncated ? 1 : 0);
    q.bindValue(16, entry.responseBodyTotalBytes);
    q.bindValue(17, text(entry.transportError));
    q.bindValue(18, text(entry.redirectLocation));
    return q.exec();
}

const QLatin1String kInsert(
    "INSERT INTO history (time_ms, source, connection, job_key, kind, http_status, title, detail, "
    "elapsed_ms, request_method, request_url, request_headers, request_body, response_headers, "
    "response_body, response_truncated, response_total_bytes, transport_error, redirect_location) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

Where whereFor(const HistoryFilter &filter)
{
    Where where;
    QStringList parts;
    if (!filter.kinds.isEmpty()) {
        QStringList marks;
        for (const OutcomeKind kind : filter.kinds) {
            marks.append(QStringLiteral("?"));
            where.values.append(outcomeKindName(kind));
        }
        parts.append(QStringLiteral("kind IN (") + marks.join(u',') + u')');
    }
    if (!filter.text.isEmpty()) {
        const QString pattern = u'%' + escapeLike(filter.text) + u'%';
        QStringList likes;
        // The request body too: a variable's name or value finds the attempts that sent it.
        // (A BLOB never matches LIKE: the body is compared as the UTF-8 text it is.)
        for (const char *column :
            {"job_key", "title", "detail", "connection", "CAST(request_body AS TEXT)"}) {
            likes.append(QLatin1String(column) + QLatin1String(" LIKE ? ESCAPE '\\'"));
            where.values.append(pattern);
        }
        parts.append(u'(' + likes.join(QLatin1String(" OR ")) + u')');
    }
    if (!parts.isEmpty())
        where.sql = QStringLiteral(" WHERE ") + parts.join(QLatin1String(" AND "));
    return where;
}

void readSummary(const QSqlQuery &q, HistoryEntry &entry)
{
    entry.id = q.value(0).toLongLong();
    entry.time = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    entry.source = q.value(2).toString();
    entry.connection = q.value(3).toString();
    entry.jobKey = q.value(4).toString();
    entry.kind = outcomeKindFromName(q.value(5).toString()).value_or(OutcomeKind::TransportError);
    if (!q.value(6).isNull())
        entry.httpStatus = q.value(6).toInt();
    entry.title = q.value(7).toString();
    entry.detail = q.value(8).toString();
    entry.elapsedMs = q.value(9).toLongLong();
}

HistoryEntry readFull(const QSqlQuery &q)
{
    HistoryEntry entry;
    readSummary(q, entry);
    entry.request.method = q.value(10).toString().toLatin1();
    entry.request.url = QUrl::fromEncoded(q.value(11).toString().toUtf8());
    entry.request.headers = headersFromJson(q.value(12).toString());
    entry.request.body = q.value(13).toByteArray();
    entry.responseHeaders = headersFromJson(q.value(14).toString());
    entry.responseBody = q.value(15).toByteArray();
    entry.responseBodyTruncated = q.value(16).toBool();
    entry.responseBodyTotalBytes = q.value(17).toLongLong();
    entry.transportError = q.value(18).toString();
    entry.redirectLocation = q.value(19).toString();
    return entry;
}

} // namespace JobDesk::HistoryRows
