// SPDX-License-Identifier: GPL-3.0-or-later
// The batch operation endpoints (8.8+): incident resolution by filter (and, on 8.9, of one
// instance), status, suspend, resume, cancel, and the item search.
#include "sandbox/BatchOperations.h"
#include "sandbox/RequestValidation.h"
#include "sandbox/RestGateway.h"

#include <QJsonDocument>

namespace JobDesk::Sandbox {

using namespace Validation;
using namespace Problems;

namespace {

ApiResponse created(qint64 key)
{
    return ApiResponse {200, QByteArrayLiteral("application/json"),
        QJsonDocument(
            QJsonObject {{QStringLiteral("batchOperationKey"), QString::number(key)},
                {QStringLiteral("batchOperationType"), QStringLiteral("RESOLVE_INCIDENT")}})
            .toJson(QJsonDocument::Compact),
        {}, true};
}

} // namespace

ApiResponse RestGateway::resolveIncidentsBatch(const Call &call)
{
    QJsonObject body;
    if (auto f = parseBody(call.body, false, call.path, &body))
        return *f;
    if (auto f = onlyProperties(body,
            {QStringLiteral("filter"), QStringLiteral("operationReference")}, QString(), call.path))
        return *f;
    const QJsonValue filter = body.value(QLatin1String("filter"));
    if (!isNullOr(filter, &QJsonValue::isObject))
        return unparsable(QStringLiteral("filter"), call.path);
    if (!filter.isObject())
        return *violations({QStringLiteral("No filter provided")}, call.path);
    SearchQuery query;
    if (auto e = parseQuery(QJsonObject {{QStringLiteral("filter"), filter}},
            BatchOperations::instanceFields(), m_cluster->version(), &query))
        return ApiResponse::problem(400, e->title, e->detail, call.path);
    return created(m_batches->resolveIncidents(query));
}

ApiResponse RestGateway::resolveInstanceIncidents(const Call &call)
{
    const auto key = parseKey(call.params.at(0));
    if (!key)
        return conversionFailure(
            QStringLiteral("processInstanceKey"), call.params.at(0), call.path);
    if (m_cluster->jobs().jobsOfInstance(*key).empty())
        return notFound(QStringLiteral("Process instance"), QString::number(*key), call.path);
    SearchQuery query;
    parseQuery(QJsonObject {{QStringLiteral("filter"),
                   QJsonObject {{QStringLiteral("processInstanceKey"), QString::number(*key)}}}},
        BatchOperations::instanceFields(), m_cluster->version(), &query);
    return created(m_batches->resolveIncidents(query));
}

ApiResponse RestGateway::batchOperation(const Call &call)
{
    const auto key = parseKey(call.params.at(0));
    const BatchOperation *batch = key ? m_batches->find(*key) : nullptr;
    if (!batch)
        return notFound(QStringLiteral("Batch operation"), call.params.at(0), call.path);
    return ApiResponse::json(200, m_batches->toJson(*batch));
}

namespace {

using Lifecycle = std::optional<Cluster::Rejection> (BatchOperations::*)(qint64);

/// Suspend, resume or cancel: 204, or the engine's rejection of `command`.
ApiResponse lifecycle(
    BatchOperations *batches, Lifecycle change, const QString &command, const Call &call)
{
    const auto key = parseKey(call.params.at(0));
    if (!key)
        return conversionFailure(QStringLiteral("batchOperationKey"), call.params.at(0), call.path);
    if (const auto refused = (batches->*change)(*key))
        return rejection(command, refused->code, refused->reason, call.path);
    return ApiResponse::done();
}

} // namespace

ApiResponse RestGateway::suspendBatch(const Call &call)
{
    return lifecycle(m_batches, &BatchOperations::suspend, QStringLiteral("SUSPEND"), call);
}

ApiResponse RestGateway::resumeBatch(const Call &call)
{
    return lifecycle(m_batches, &BatchOperations::resume, QStringLiteral("RESUME"), call);
}

ApiResponse RestGateway::cancelBatch(const Call &call)
{
    return lifecycle(m_batches, &BatchOperations::cancel, QStringLiteral("CANCEL"), call);
}

ApiResponse RestGateway::searchBatchItems(const Call &call)
{
    QJsonObject query;
    if (auto f = parseBody(call.body, false, call.path, &query))
        return *f;
    QJsonObject body;
    if (const auto e = m_batches->searchItems(query, &body))
        return ApiResponse::problem(400, e->title, e->detail, call.path);
    return ApiResponse::json(200, body);
}

} // namespace JobDesk::Sandbox
