// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/JobsApi.h"

#include "sandbox/IncidentSearch.h"
#include "sandbox/JobSearch.h"
#include "sandbox/RequestValidation.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace JobDesk::Sandbox {

using namespace Validation;

ApiResponse ApiResponse::json(int status, const QJsonObject &body)
{
    return ApiResponse {status, QByteArrayLiteral("application/json"),
        QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

ApiResponse ApiResponse::noContent()
{
    return ApiResponse {204, QByteArray(), QByteArray(), {}};
}

ApiResponse ApiResponse::problem(
    int status, const QString &title, const QString &detail, const QString &instance)
{
    const QJsonObject body {{QStringLiteral("type"), QStringLiteral("about:blank")},
        {QStringLiteral("title"), title}, {QStringLiteral("status"), status},
        {QStringLiteral("detail"), detail}, {QStringLiteral("instance"), instance}};
    return ApiResponse {status, QByteArrayLiteral("application/problem+json"),
        QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

JobsApi::JobsApi(JobStore *store, Clock clock)
    : m_store(store)
    , m_clock(std::move(clock))
{
}

QString JobsApi::gatewayVersion()
{
    return QStringLiteral("8.8.0");
}

qint64 JobsApi::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

ApiResponse JobsApi::handle(const QByteArray &method, const QString &path, const QByteArray &body)
{
    const QStringList parts = path.split(QLatin1Char('/'));
    // parts: "", "v2", ...
    const auto methodNotAllowed = [&]() {
        return ApiResponse::problem(405, QStringLiteral("Method Not Allowed"),
            QStringLiteral("Method '%1' is not supported.").arg(QString::fromLatin1(method)), path);
    };
    if (parts.size() >= 3 && parts.at(0).isEmpty() && parts.at(1) == QLatin1String("v2")) {
        const QString &resource = parts.at(2);
        if (parts.size() == 3 && resource == QLatin1String("topology"))
            return method == "GET" ? topology() : methodNotAllowed();
        if (parts.size() == 3 && resource == QLatin1String("status"))
            return method == "GET" ? ApiResponse::noContent() : methodNotAllowed();
        if (resource == QLatin1String("jobs") && parts.size() == 4) {
            if (parts.at(3) == QLatin1String("search"))
                return method == "POST" ? search(path, body) : methodNotAllowed();
            return method == "PATCH" ? update(parts.at(3), path, body) : methodNotAllowed();
        }
        if (resource == QLatin1String("jobs") && parts.size() == 5) {
            const QString &action = parts.at(4);
            if (action == QLatin1String("completion"))
                return method == "POST" ? complete(parts.at(3), path, body) : methodNotAllowed();
            if (action == QLatin1String("failure"))
                return method == "POST" ? fail(parts.at(3), path, body) : methodNotAllowed();
            if (action == QLatin1String("error"))
                return method == "POST" ? throwError(parts.at(3), path, body) : methodNotAllowed();
        }
        if (resource == QLatin1String("incidents") && parts.size() == 4) {
            if (parts.at(3) == QLatin1String("search"))
                return method == "POST" ? searchIncidentsRoute(path, body) : methodNotAllowed();
            return method == "GET" ? incident(parts.at(3), path) : methodNotAllowed();
        }
        if (resource == QLatin1String("incidents") && parts.size() == 5
            && parts.at(4) == QLatin1String("resolution"))
            return method == "POST" ? resolveIncident(parts.at(3), path, body) : methodNotAllowed();
    }
    return ApiResponse::problem(404, QStringLiteral("Not Found"),
        QStringLiteral("No endpoint %1 %2.").arg(QString::fromLatin1(method), path), path);
}

ApiResponse JobsApi::topology() const
{
    QJsonArray partitions;
    for (int p = 1; p <= m_store->partitionCount(); ++p) {
        partitions.append(QJsonObject {{QStringLiteral("partitionId"), p},
            {QStringLiteral("role"), QStringLiteral("leader")},
            {QStringLiteral("health"), QStringLiteral("healthy")}});
    }
    const QJsonObject broker {{QStringLiteral("nodeId"), 0},
        {QStringLiteral("host"), QStringLiteral("jobdesk-sandbox")},
        {QStringLiteral("port"), 26501}, {QStringLiteral("partitions"), partitions},
        {QStringLiteral("version"), gatewayVersion()}};
    return ApiResponse::json(200,
        QJsonObject {{QStringLiteral("brokers"), QJsonArray {broker}},
            {QStringLiteral("clusterId"), QJsonValue()}, {QStringLiteral("clusterSize"), 1},
            {QStringLiteral("partitionsCount"), m_store->partitionCount()},
            {QStringLiteral("replicationFactor"), 1},
            {QStringLiteral("gatewayVersion"), gatewayVersion()},
            {QStringLiteral("lastCompletedChangeId"), QStringLiteral("-1")}});
}

ApiResponse JobsApi::search(const QString &instance, const QByteArray &body)
{
    QJsonObject query;
    if (auto f = parseBody(body, false, instance, &query))
        return *f;
    const SearchResult result = searchJobs(*m_store, query);
    if (!result.ok())
        return ApiResponse::problem(400, result.errorTitle, result.errorDetail, instance);
    return ApiResponse::json(200, result.body);
}

ApiResponse JobsApi::searchIncidentsRoute(const QString &instance, const QByteArray &body)
{
    QJsonObject query;
    if (auto f = parseBody(body, false, instance, &query))
        return *f;
    const SearchResult result = searchIncidents(*m_store, query);
    if (!result.ok())
        return ApiResponse::problem(400, result.errorTitle, result.errorDetail, instance);
    return ApiResponse::json(200, result.body);
}

ApiResponse JobsApi::incident(const QString &keyText, const QString &instance)
{
    const auto key = parseKey(keyText);
    if (!key)
        return conversionFailure(QStringLiteral("incidentKey"), keyText, instance);
    const Incident *record = m_store->incident(*key);
    if (!record)
        return ApiResponse::problem(404, QStringLiteral("NOT_FOUND"),
            QStringLiteral("Incident with key '%1' not found").arg(*key), instance);
    return ApiResponse::json(200, incidentToJson(*m_store, *record));
}

} // namespace JobDesk::Sandbox
