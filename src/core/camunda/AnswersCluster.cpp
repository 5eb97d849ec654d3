// SPDX-License-Identifier: GPL-3.0-or-later
// The answers about the cluster, the signed-in identity and batch operations.
#include "core/camunda/AnswerFields.h"
#include "core/camunda/Answers.h"

namespace JobDesk {

using namespace AnswerFields;

BatchOperationRecord BatchOperationRecord::fromJson(const Json::Value &json)
{
    BatchOperationRecord batch;
    batch.batchOperationKey = text(json, u"batchOperationKey");
    batch.batchOperationType = text(json, u"batchOperationType");
    batch.state = text(json, u"state");
    batch.startDate = text(json, u"startDate");
    batch.endDate = text(json, u"endDate");
    batch.actorType = text(json, u"actorType");
    batch.actorId = text(json, u"actorId");
    batch.operationsTotalCount = int64(json, u"operationsTotalCount");
    batch.operationsFailedCount = int64(json, u"operationsFailedCount");
    batch.operationsCompletedCount = int64(json, u"operationsCompletedCount");
    for (const Json::Value &e : json[u"errors"].elements()) {
        if (e.isObject())
            batch.errors.append({int32(e, u"partitionId"), text(e, u"type"), text(e, u"message")});
    }
    batch.raw = json.rawUtf8();
    return batch;
}

BatchOperationItemRecord BatchOperationItemRecord::fromJson(const Json::Value &json)
{
    BatchOperationItemRecord item;
    item.batchOperationKey = text(json, u"batchOperationKey");
    item.operationType = text(json, u"operationType");
    // An item key is a Camunda key, but the spec types it as a plain string: keep it as sent.
    item.itemKey = json[u"itemKey"].isNumber() ? key(json, u"itemKey") : text(json, u"itemKey");
    item.processInstanceKey = key(json, u"processInstanceKey");
    item.rootProcessInstanceKey = key(json, u"rootProcessInstanceKey");
    item.state = text(json, u"state");
    item.processedDate = text(json, u"processedDate");
    item.errorMessage = text(json, u"errorMessage");
    item.raw = json.rawUtf8();
    return item;
}

namespace Answers {

std::optional<Topology> topology(const QByteArray &body, QString *error)
{
    const std::optional<Json::Document> document = objectDocument(body, error);
    if (!document)
        return std::nullopt;
    const Json::Value root = document->root();
    Topology topology;
    topology.gatewayVersion = text(root, u"gatewayVersion");
    topology.clusterId = text(root, u"clusterId");
    topology.clusterSize = int32(root, u"clusterSize");
    topology.partitionsCount = int32(root, u"partitionsCount");
    topology.replicationFactor = int32(root, u"replicationFactor");
    for (const Json::Value &b : root[u"brokers"].elements()) {
        if (!b.isObject())
            continue;
        Topology::Broker broker;
        broker.nodeId = int32(b, u"nodeId").value_or(0);
        broker.host = text(b, u"host");
        broker.port = int32(b, u"port").value_or(0);
        broker.version = text(b, u"version");
        for (const Json::Value &p : b[u"partitions"].elements()) {
            if (p.isObject())
                broker.partitions.append(
                    {int32(p, u"partitionId").value_or(0), text(p, u"role"), text(p, u"health")});
        }
        topology.brokers.append(broker);
    }
    return topology;
}

std::optional<WhoAmI> whoAmI(const QByteArray &body, QString *error)
{
    const std::optional<Json::Document> document = objectDocument(body, error);
    if (!document)
        return std::nullopt;
    const Json::Value root = document->root();
    WhoAmI me;
    me.username = text(root, u"username");
    me.displayName = text(root, u"displayName");
    me.email = text(root, u"email");
    me.authorizedComponents = root[u"authorizedComponents"].stringList();
    for (const Json::Value &t : root[u"tenants"].elements()) {
        if (t.isObject())
            me.tenants.append({text(t, u"tenantId"), text(t, u"name")});
    }
    me.groups = root[u"groups"].stringList();
    me.roles = root[u"roles"].stringList();
    me.salesPlanType = text(root, u"salesPlanType");
    me.canLogout = boolean(root, u"canLogout");
    return me;
}

std::optional<BatchOperationCreated> batchOperationCreated(const QByteArray &body, QString *error)
{
    const std::optional<Json::Document> document = objectDocument(body, error);
    if (!document)
        return std::nullopt;
    const Json::Value root = document->root();
    return BatchOperationCreated {
        text(root, u"batchOperationKey"), text(root, u"batchOperationType")};
}

} // namespace Answers

} // namespace JobDesk
