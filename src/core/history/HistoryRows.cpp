// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryRows.h"

#include "core/history/SqliteStatement.h"

#include "core/json/Json.h"

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
    // Written directly (two per attempt in a batch of thousands): `[["name","value"],…]`.
    QString out(QLatin1Char('['));
    for (const auto &header : headers) {
        const QByteArray &value
            = redact && isSecretHeader(header.first) ? kRedacted : header.second;
        if (out.size() > 1)
            out += QLatin1Char(',');
        // Latin-1 maps every byte to one code point and back, so header bytes survive exactly.
        out += QLatin1Char('[') + Json::quote(QString::fromLatin1(header.first)) + QLatin1Char(',')
            + Json::quote(QString::fromLatin1(value)) + QLatin1Char(']');
    }
    out += QLatin1Char(']');
    return out;
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

QString redactedUrl(const QUrl &original)
{
    QUrl url = original;
    if (!url.password().isEmpty())
        url.setPassword(QString::fromLatin1(kRedacted));
    return text(QString::fromUtf8(url.toEncoded()));
}

QVariant optionalInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Int));
}

QVariant optionalTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch())
                          : QVariant(QMetaType(QMetaType::LongLong));
}

// The request as sent and the response, from request_method to redirect_location (the same
// order in kInsert and kFinish); `i` ends after the last one.
template <typename Query> void bindExchange(Query &q, int &i, const HistoryEntry &entry)
{
    q.bindValue(i++, text(QString::fromLatin1(entry.request.method)));
    q.bindValue(i++, redactedUrl(entry.request.url));
    q.bindValue(i++, headersToJson(entry.request.headers, true));
    q.bindValue(i++, entry.request.body);
    q.bindValue(i++, headersToJson(entry.responseHeaders, false));
    q.bindValue(i++, entry.responseBody);
    q.bindValue(i++, entry.responseBodyTruncated ? 1 : 0);
    q.bindValue(i++, entry.responseBodyTotalBytes);
    q.bindValue(i++, text(entry.transportError));
    q.bindValue(i++, text(entry.redirectLocation));
}

// Column positions shared by the SELECT lists below.
enum Column {
    Id,
    TimeMs,
    Source,
    Connection,
    JobKey,
    Kind,
    HttpStatus,
    Title,
    Detail,
    ElapsedMs,
    Action,
    State,
    Production,
    LinkId,
    BatchId,
    CheckResult,
    CheckedMs,
    SummaryEnd,
    RequestMethod = SummaryEnd,
    RequestUrl,
    RequestHeaders,
    RequestBody,
    ResponseHeaders,
    ResponseBody,
    ResponseTruncated,
    ResponseTotalBytes,
    TransportError,
    RedirectLocation,
};
} // namespace

const QLatin1String kSummaryColumns(
    "id, time_ms, source, connection, job_key, kind, http_status, title, detail, elapsed_ms, "
    "action, state, production, link_id, batch_id, check_result, checked_ms");
const QLatin1String kFullColumns(
    "id, time_ms, source, connection, job_key, kind, http_status, title, detail, elapsed_ms, "
    "action, state, production, link_id, batch_id, check_result, checked_ms, "
    "request_method, request_url, request_headers, request_body, response_headers, "
    "response_body, response_truncated, response_total_bytes, transport_error, "
    "redirect_location");

const QLatin1String kInsert(
    "INSERT INTO history (time_ms, source, connection, job_key, kind, http_status, title, detail, "
    "elapsed_ms, action, state, production, link_id, batch_id, check_result, checked_ms, "
    "request_method, request_url, request_headers, request_body, response_headers, "
    "response_body, response_truncated, response_total_bytes, transport_error, redirect_location) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

// The request is updated too: the write-ahead row holds the request as described before it
// left; the outcome holds it as sent (e.g. with the Authorization header the provider added).
const QLatin1String kFinish(
    "UPDATE history SET state = ?, kind = ?, http_status = ?, title = ?, detail = ?, "
    "elapsed_ms = ?, request_method = ?, request_url = ?, request_headers = ?, request_body = ?, "
    "response_headers = ?, response_body = ?, response_truncated = ?, response_total_bytes = ?, "
    "transport_error = ?, redirect_location = ? WHERE id = ?");

namespace {

// One column order for both writers (QSqlQuery and SqliteStatement bind alike).
template <typename Query> bool insertRow(Query &q, const HistoryEntry &entry)
{
    const QDateTime time = entry.time.isValid() ? entry.time : QDateTime::currentDateTimeUtc();
    int i = 0;
    q.bindValue(i++, time.toMSecsSinceEpoch());
    q.bindValue(i++, historySourceName(entry.source));
    q.bindValue(i++, text(entry.connection));
    q.bindValue(i++, text(entry.jobKey));
    q.bindValue(i++, outcomeKindName(entry.kind));
    q.bindValue(i++, optionalInt(entry.httpStatus));
    q.bindValue(i++, text(entry.title));
    q.bindValue(i++, text(entry.detail));
    q.bindValue(i++, entry.elapsedMs);
    q.bindValue(i++, actionKindName(entry.action));
    q.bindValue(i++, historyStateName(entry.state));
    q.bindValue(i++, entry.production ? 1 : 0);
    q.bindValue(i++, text(entry.linkId));
    q.bindValue(i++, entry.batchId);
    q.bindValue(i++, lookupCheckName(entry.check));
    q.bindValue(i++, optionalTime(entry.checkedAt));
    bindExchange(q, i, entry);
    return q.exec();
}

template <typename Query> bool finishRow(Query &q, qint64 id, const HistoryEntry &entry)
{
    int i = 0;
    q.bindValue(i++, historyStateName(entry.state));
    q.bindValue(i++, outcomeKindName(entry.kind));
    q.bindValue(i++, optionalInt(entry.httpStatus));
    q.bindValue(i++, text(entry.title));
    q.bindValue(i++, text(entry.detail));
    q.bindValue(i++, entry.elapsedMs);
    bindExchange(q, i, entry);
    q.bindValue(i, id);
    return q.exec() && q.numRowsAffected() == 1;
}

} // namespace

bool insertEntry(QSqlQuery &q, const HistoryEntry &entry)
{
    return insertRow(q, entry);
}

bool insertEntry(SqliteStatement &q, const HistoryEntry &entry)
{
    return insertRow(q, entry);
}

bool finishEntry(QSqlQuery &q, qint64 id, const HistoryEntry &entry)
{
    return finishRow(q, id, entry);
}

bool finishEntry(SqliteStatement &q, qint64 id, const HistoryEntry &entry)
{
    return finishRow(q, id, entry);
}

Where whereFor(const HistoryFilter &filter)
{
    Where where;
    QStringList parts;
    const auto anyOf = [&](const char *column, const QStringList &names) {
        QStringList marks;
        for (const QString &name : names) {
            marks.append(QStringLiteral("?"));
            where.values.append(name);
        }
        parts.append(QLatin1String(column) + QLatin1String(" IN (") + marks.join(u',') + u')');
    };
    if (!filter.kinds.isEmpty()) {
        QStringList names;
        for (const OutcomeKind kind : filter.kinds)
            names.append(outcomeKindName(kind));
        anyOf("kind", names);
    }
    if (!filter.actions.isEmpty()) {
        QStringList names;
        for (const ActionKind action : filter.actions)
            names.append(actionKindName(action));
        anyOf("action", names);
    }
    if (filter.state) {
        // Spelled out (not bound) so SQLite can use the partial index of pending rows.
        parts.append(*filter.state == HistoryState::Pending ? QStringLiteral("state = 'pending'")
                                                            : QStringLiteral("state = 'finished'"));
    }
    if (!filter.linkId.isEmpty()) {
        parts.append(QStringLiteral("link_id = ?"));
        where.values.append(filter.linkId);
    }
    if (filter.batchId != 0) {
        parts.append(QStringLiteral("batch_id = ?"));
        where.values.append(filter.batchId);
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
    entry.id = q.value(Id).toLongLong();
    entry.time = QDateTime::fromMSecsSinceEpoch(q.value(TimeMs).toLongLong(), Qt::UTC);
    entry.source = historySourceFromName(q.value(Source).toString());
    entry.connection = q.value(Connection).toString();
    entry.jobKey = q.value(JobKey).toString();
    entry.kind
        = outcomeKindFromName(q.value(Kind).toString()).value_or(OutcomeKind::TransportError);
    if (!q.value(HttpStatus).isNull())
        entry.httpStatus = q.value(HttpStatus).toInt();
    entry.title = q.value(Title).toString();
    entry.detail = q.value(Detail).toString();
    entry.elapsedMs = q.value(ElapsedMs).toLongLong();
    entry.action = actionKindFromName(q.value(Action).toString()).value_or(ActionKind::Complete);
    entry.state = historyStateFromName(q.value(State).toString()).value_or(HistoryState::Finished);
    entry.production = q.value(Production).toInt() != 0;
    entry.linkId = q.value(LinkId).toString();
    entry.batchId = q.value(BatchId).toLongLong();
    entry.check = lookupCheckFromName(q.value(CheckResult).toString()).value_or(LookupCheck::None);
    if (!q.value(CheckedMs).isNull())
        entry.checkedAt = QDateTime::fromMSecsSinceEpoch(q.value(CheckedMs).toLongLong(), Qt::UTC);
    // A row without an outcome says so in every view (log, details, ticket text, exports).
    if (entry.state == HistoryState::Pending && entry.title.isEmpty())
        entry.title = unknownOutcomeTitle(entry.check);
}

HistoryEntry readFull(const QSqlQuery &q)
{
    HistoryEntry entry;
    readSummary(q, entry);
    entry.request.action = entry.action;
    entry.request.subjectKey = entry.jobKey;
    entry.request.method = q.value(RequestMethod).toString().toLatin1();
    entry.request.url = QUrl::fromEncoded(q.value(RequestUrl).toString().toUtf8());
    entry.request.headers = headersFromJson(q.value(RequestHeaders).toString());
    entry.request.body = q.value(RequestBody).toByteArray();
    entry.responseHeaders = headersFromJson(q.value(ResponseHeaders).toString());
    entry.responseBody = q.value(ResponseBody).toByteArray();
    entry.responseBodyTruncated = q.value(ResponseTruncated).toBool();
    entry.responseBodyTotalBytes = q.value(ResponseTotalBytes).toLongLong();
    entry.transportError = q.value(TransportError).toString();
    entry.redirectLocation = q.value(RedirectLocation).toString();
    return entry;
}

} // namespace JobDesk::HistoryRows
