// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/BatchOperations.h"

#include "sandbox/JobSearch.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <map>

namespace JobDesk::Sandbox {

namespace {

enum InstanceField {
    StartDate,
    EndDate,
    State,
    HasIncident,
    TenantId,
    ProcessInstanceKey,
    ParentProcessInstanceKey,
    ParentElementInstanceKey,
    ErrorMessage,
    HasRetriesLeft,
    ElementId,
    ProcessDefinitionId,
    ProcessDefinitionName,
    ProcessDefinitionVersion,
    ProcessDefinitionVersionTag,
    ProcessDefinitionKey,
};

/// A process instance as the batch's filter sees it: its jobs and its ACTIVE incidents.
struct InstanceRef
{
    qint64 key = 0;
    std::vector<JobRef> jobs;
    std::vector<Incident> incidents;
};

Value instanceValue(const JobStore &store, const InstanceRef &ref, int field)
{
    const Job &first = *ref.jobs.front().job;
    switch (field) {
    case StartDate: {
        qint64 start = first.creationTimeMs;
        for (const JobRef &j : ref.jobs)
            start = std::min(start, j.job->creationTimeMs);
        return Value::num(start);
    }
    case EndDate:
        return Value(); // instances with ACTIVE incidents are running
    case State:
        return Value::str(QStringLiteral("ACTIVE"));
    case HasIncident:
        return Value::num(ref.incidents.empty() ? 0 : 1);
    case TenantId:
        return Value::str(store.string(first.tenantId));
    case ProcessInstanceKey:
        return Value::num(ref.key);
    case ErrorMessage:
        return ref.incidents.empty() ? Value() : Value::str(ref.incidents.front().errorMessage);
    case HasRetriesLeft:
        return Value::num(std::any_of(ref.jobs.begin(), ref.jobs.end(),
                              [](const JobRef &j) { return j.job->hasFailedWithRetriesLeft; })
                ? 1
                : 0);
    case ElementId:
        return Value::str(store.string(first.elementId));
    case ProcessDefinitionId:
        return Value::str(store.string(first.processDefinitionId));
    case ProcessDefinitionName:
        return Value::optionalText(store.definition(first.processDefinitionKey).name);
    case ProcessDefinitionVersion:
        return Value::num(store.definition(first.processDefinitionKey).version);
    case ProcessDefinitionVersionTag:
        return Value::optionalText(store.definition(first.processDefinitionKey).versionTag);
    case ProcessDefinitionKey:
        return Value::num(first.processDefinitionKey);
    default:
        return Value(); // no parents: the sandbox has no call activities
    }
}

QString itemStateName(BatchItemState state)
{
    switch (state) {
    case BatchItemState::Active:
        return QStringLiteral("ACTIVE");
    case BatchItemState::Completed:
        return QStringLiteral("COMPLETED");
    case BatchItemState::Canceled:
        return QStringLiteral("CANCELED");
    case BatchItemState::Failed:
        return QStringLiteral("FAILED");
    }
    return {};
}

QJsonValue time(qint64 ms)
{
    return ms ? QJsonValue(isoTime(ms)) : QJsonValue();
}

} // namespace

QString batchStateName(BatchState state)
{
    switch (state) {
    case BatchState::Created:
        return QStringLiteral("CREATED");
    case BatchState::Active:
        return QStringLiteral("ACTIVE");
    case BatchState::Suspended:
        return QStringLiteral("SUSPENDED");
    case BatchState::Completed:
        return QStringLiteral("COMPLETED");
    case BatchState::Canceled:
        return QStringLiteral("CANCELED");
    }
    return {};
}

BatchOperations::BatchOperations(Cluster *cluster)
    : m_cluster(cluster)
{
}

const std::vector<FieldSpec> &BatchOperations::instanceFields()
{
    using V = GatewayVersion;
    using T = FieldType;
    static const QStringList states {
        QStringLiteral("ACTIVE"), QStringLiteral("COMPLETED"), QStringLiteral("TERMINATED")};
    static const std::vector<FieldSpec> fields {
        {"startDate", T::DateTime, true, false, V::V8_8, StartDate},
        {"endDate", T::DateTime, true, false, V::V8_8, EndDate},
        {"state", T::Enum, true, false, V::V8_8, State, states},
        {"hasIncident", T::Boolean, true, false, V::V8_8, HasIncident},
        {"tenantId", T::String, true, false, V::V8_8, TenantId},
        {"processInstanceKey", T::Key, true, false, V::V8_8, ProcessInstanceKey},
        {"parentProcessInstanceKey", T::Key, true, false, V::V8_8, ParentProcessInstanceKey},
        {"parentElementInstanceKey", T::Key, true, false, V::V8_8, ParentElementInstanceKey},
        {"errorMessage", T::String, true, false, V::V8_8, ErrorMessage},
        {"hasRetriesLeft", T::Boolean, true, false, V::V8_8, HasRetriesLeft},
        {"elementId", T::String, true, false, V::V8_8, ElementId},
        {"processDefinitionId", T::String, true, false, V::V8_8, ProcessDefinitionId},
        {"processDefinitionName", T::String, true, false, V::V8_8, ProcessDefinitionName},
        {"processDefinitionVersion", T::Integer, true, false, V::V8_8, ProcessDefinitionVersion},
        {"processDefinitionVersionTag", T::String, true, false, V::V8_8,
            ProcessDefinitionVersionTag},
        {"processDefinitionKey", T::Key, true, false, V::V8_8, ProcessDefinitionKey},
    };
    return fields;
}

qint64 BatchOperations::resolveIncidents(const SearchQuery &instanceFilter)
{
    BatchOperation batch;
    batch.key = m_cluster->jobs().nextKey(qint64(1) << JobStore::PartitionShift);
    // Only ACTIVE instances can have unresolved incidents: a state filter is overridden.
    for (const Condition &c : instanceFilter.conditions) {
        if (c.field != State)
            batch.instanceFilter.conditions.push_back(c);
    }
    m_batches.push_back(std::move(batch));
    return m_batches.back().key;
}

void BatchOperations::collect(BatchOperation &batch)
{
    const JobStore &store = m_cluster->jobs();
    std::map<qint64, InstanceRef> instances; // ordered: items come in instance order
    m_cluster->forEachVisibleIncident([&](const Incident &incident) {
        if (incident.resolved)
            return;
        const Job *job = store.find(incident.jobKey);
        if (!job)
            return;
        InstanceRef &ref = instances[job->processInstanceKey];
        ref.key = job->processInstanceKey;
        ref.incidents.push_back(incident);
    });
    for (auto &entry : instances) {
        // Not a structured binding: a lambda below uses it, and C++17 (clang) cannot capture one.
        const auto &key = entry.first;
        auto &ref = entry.second;
        for (const Job *job : store.jobsOfInstance(key)) {
            if (const JobRef visible = m_cluster->visible(*job); visible.job)
                ref.jobs.push_back(visible);
        }
        if (ref.jobs.empty())
            continue;
        const bool hit = std::all_of(batch.instanceFilter.conditions.begin(),
            batch.instanceFilter.conditions.end(),
            [&](const Condition &c) { return matches(c, instanceValue(store, ref, c.field)); });
        if (!hit)
            continue;
        for (const Incident &incident : ref.incidents)
            batch.items.push_back(BatchItem {incident.key, key, BatchItemState::Active, 0, {}});
    }
    batch.collected = true;
}

void BatchOperations::finish(BatchOperation &batch, BatchState state)
{
    batch.state = state;
    batch.endMs = m_cluster->now();
    for (BatchItem &item : batch.items) {
        if (item.state == BatchItemState::Active)
            item.state = BatchItemState::Canceled;
    }
}

void BatchOperations::advance(int itemsPerStep)
{
    for (BatchOperation &batch : m_batches) {
        if (batch.state == BatchState::Created) {
            collect(batch);
            batch.state = BatchState::Active;
            batch.startMs = m_cluster->now();
        } else if (batch.state == BatchState::Active) {
            for (int n = 0; n < itemsPerStep && batch.next < batch.items.size(); ++n) {
                BatchItem &item = batch.items.at(batch.next++);
                const auto refused = m_cluster->resolveIncident(item.itemKey);
                item.state = refused ? BatchItemState::Failed : BatchItemState::Completed;
                item.errorMessage = refused ? refused->reason : QString();
                item.processedMs = m_cluster->now();
            }
        }
        if (batch.state == BatchState::Active && batch.next >= batch.items.size())
            finish(batch, BatchState::Completed);
    }
}

bool BatchOperations::busy() const
{
    return std::any_of(m_batches.begin(), m_batches.end(), [](const BatchOperation &b) {
        return b.state == BatchState::Created || b.state == BatchState::Active;
    });
}

const BatchOperation *BatchOperations::find(qint64 key) const
{
    const auto it = std::find_if(
        m_batches.begin(), m_batches.end(), [&](const BatchOperation &b) { return b.key == key; });
    return it == m_batches.end() ? nullptr : &*it;
}

BatchOperation *BatchOperations::findMutable(qint64 key)
{
    return const_cast<BatchOperation *>(find(key));
}

namespace {

/// The lifecycle processors' rejections: a finished batch is gone from the engine's state.
std::optional<Cluster::Rejection> lifecycle(
    BatchOperation *batch, qint64 key, const QString &verb, std::initializer_list<BatchState> from)
{
    const QString prefix
        = QStringLiteral("Expected to %1 a batch operation with key '%2', but ").arg(verb).arg(key);
    if (!batch || batch->state == BatchState::Completed || batch->state == BatchState::Canceled)
        return Cluster::Rejection {QStringLiteral("NOT_FOUND"),
            prefix + QStringLiteral("no such batch operation was found")};
    if (std::find(from.begin(), from.end(), batch->state) == from.end())
        return Cluster::Rejection {QStringLiteral("INVALID_STATE"),
            prefix
                + QStringLiteral("it has an invalid state '%1'.")
                      .arg(batchStateName(batch->state))};
    return std::nullopt;
}

} // namespace

std::optional<Cluster::Rejection> BatchOperations::suspend(qint64 key)
{
    BatchOperation *batch = findMutable(key);
    if (auto refused = lifecycle(
            batch, key, QStringLiteral("suspend"), {BatchState::Created, BatchState::Active}))
        return refused;
    batch->state = BatchState::Suspended;
    return std::nullopt;
}

std::optional<Cluster::Rejection> BatchOperations::resume(qint64 key)
{
    BatchOperation *batch = findMutable(key);
    if (auto refused = lifecycle(batch, key, QStringLiteral("resume"), {BatchState::Suspended}))
        return refused;
    batch->state = batch->collected ? BatchState::Active : BatchState::Created;
    return std::nullopt;
}

std::optional<Cluster::Rejection> BatchOperations::cancel(qint64 key)
{
    BatchOperation *batch = findMutable(key);
    if (auto refused = lifecycle(batch, key, QStringLiteral("cancel"),
            {BatchState::Created, BatchState::Active, BatchState::Suspended}))
        return refused;
    finish(*batch, BatchState::Canceled);
    return std::nullopt;
}

QJsonObject BatchOperations::toJson(const BatchOperation &batch) const
{
    const auto count = [&](BatchItemState state) {
        return int(std::count_if(batch.items.begin(), batch.items.end(),
            [&](const BatchItem &i) { return i.state == state; }));
    };
    return QJsonObject {{QStringLiteral("batchOperationKey"), QString::number(batch.key)},
        {QStringLiteral("state"), batchStateName(batch.state)},
        {QStringLiteral("batchOperationType"), QStringLiteral("RESOLVE_INCIDENT")},
        {QStringLiteral("startDate"), time(batch.startMs)},
        {QStringLiteral("endDate"), time(batch.endMs)}, {QStringLiteral("actorType"), QJsonValue()},
        {QStringLiteral("actorId"), QJsonValue()},
        {QStringLiteral("operationsTotalCount"), int(batch.items.size())},
        {QStringLiteral("operationsFailedCount"), count(BatchItemState::Failed)},
        {QStringLiteral("operationsCompletedCount"), count(BatchItemState::Completed)},
        {QStringLiteral("errors"), QJsonArray()}};
}

namespace {

enum ItemField { BatchKey, ItemKey, ItemInstanceKey, ItemState, OperationType, ProcessedDate };

struct ItemRef
{
    const BatchOperation *batch;
    const BatchItem *item;
};

} // namespace

std::optional<QueryError> BatchOperations::searchItems(
    const QJsonObject &body, QJsonObject *out) const
{
    using V = GatewayVersion;
    using T = FieldType;
    static const QStringList states {QStringLiteral("ACTIVE"), QStringLiteral("COMPLETED"),
        QStringLiteral("SKIPPED"), QStringLiteral("CANCELED"), QStringLiteral("FAILED")};
    static const QStringList types {QStringLiteral("RESOLVE_INCIDENT"),
        QStringLiteral("CANCEL_PROCESS_INSTANCE"), QStringLiteral("MIGRATE_PROCESS_INSTANCE"),
        QStringLiteral("MODIFY_PROCESS_INSTANCE"), QStringLiteral("DELETE_PROCESS_INSTANCE"),
        QStringLiteral("ADD_VARIABLE"), QStringLiteral("UPDATE_VARIABLE")};
    static const std::vector<FieldSpec> fields {
        {"batchOperationKey", T::BasicString, true, true, V::V8_8, BatchKey},
        {"itemKey", T::BasicString, true, true, V::V8_8, ItemKey},
        {"processInstanceKey", T::Key, true, true, V::V8_8, ItemInstanceKey},
        {"processedDate", T::DateTime, false, true, V::V8_9, ProcessedDate},
        {"state", T::Enum, true, true, V::V8_8, ItemState, states},
        {"operationType", T::Enum, true, false, V::V8_9, OperationType, types},
    };
    SearchQuery query;
    if (auto e = parseQuery(body, fields, m_cluster->version(), &query))
        return e;
    std::vector<ItemRef> items;
    for (const BatchOperation &batch : m_batches) {
        for (const BatchItem &item : batch.items)
            items.push_back(ItemRef {&batch, &item});
    }
    SearchRunner<ItemRef> runner;
    runner.valueOf = [](const ItemRef &ref, int field) {
        switch (field) {
        case BatchKey:
            return Value::str(QString::number(ref.batch->key));
        case ItemKey:
            return Value::str(QString::number(ref.item->itemKey));
        case ItemInstanceKey:
            return Value::num(ref.item->processInstanceKey);
        case ItemState:
            return Value::str(itemStateName(ref.item->state));
        case OperationType:
            return Value::str(QStringLiteral("RESOLVE_INCIDENT"));
        case ProcessedDate:
            return ref.item->processedMs ? Value::num(ref.item->processedMs) : Value();
        default:
            return Value();
        }
    };
    runner.keyOf = [](const ItemRef &ref) { return ref.item->itemKey; };
    const bool v89 = m_cluster->atLeast(GatewayVersion::V8_9);
    runner.toJson = [v89](const ItemRef &ref) {
        const BatchItem &item = *ref.item;
        return QJsonObject {{QStringLiteral("operationType"), QStringLiteral("RESOLVE_INCIDENT")},
            {QStringLiteral("batchOperationKey"), QString::number(ref.batch->key)},
            {QStringLiteral("itemKey"), QString::number(item.itemKey)},
            {QStringLiteral("processInstanceKey"), QString::number(item.processInstanceKey)},
            {QStringLiteral("rootProcessInstanceKey"),
                v89 ? QJsonValue(QString::number(item.processInstanceKey)) : QJsonValue()},
            {QStringLiteral("state"), itemStateName(item.state)},
            {QStringLiteral("processedDate"), time(item.processedMs)},
            {QStringLiteral("errorMessage"),
                item.errorMessage.isEmpty() ? QJsonValue() : QJsonValue(item.errorMessage)}};
    };
    *out = runner.run(query, items);
    return std::nullopt;
}

} // namespace JobDesk::Sandbox
