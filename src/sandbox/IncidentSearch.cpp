// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/IncidentSearch.h"

namespace JobDesk::Sandbox {

namespace {

enum IncidentField {
    IncidentKey,
    ProcessDefinitionKey,
    ProcessDefinitionId,
    ProcessInstanceKey,
    ErrorType,
    ErrorMessage,
    ElementId,
    ElementInstanceKey,
    CreationTime,
    State,
    JobKey,
    TenantId,
};

const std::vector<FieldSpec> &incidentFields()
{
    using V = GatewayVersion;
    using T = FieldType;
    static const QStringList types {QStringLiteral("UNSPECIFIED"), QStringLiteral("UNKNOWN"),
        QStringLiteral("IO_MAPPING_ERROR"), QStringLiteral("JOB_NO_RETRIES"),
        QStringLiteral("EXECUTION_LISTENER_NO_RETRIES"), QStringLiteral("TASK_LISTENER_NO_RETRIES"),
        QStringLiteral("AD_HOC_SUB_PROCESS_NO_RETRIES"), QStringLiteral("CONDITION_ERROR"),
        QStringLiteral("EXTRACT_VALUE_ERROR"), QStringLiteral("CALLED_ELEMENT_ERROR"),
        QStringLiteral("UNHANDLED_ERROR_EVENT"), QStringLiteral("MESSAGE_SIZE_EXCEEDED"),
        QStringLiteral("CALLED_DECISION_ERROR"), QStringLiteral("DECISION_EVALUATION_ERROR"),
        QStringLiteral("FORM_NOT_FOUND"), QStringLiteral("RESOURCE_NOT_FOUND")};
    static const QStringList states {QStringLiteral("ACTIVE"), QStringLiteral("MIGRATED"),
        QStringLiteral("RESOLVED"), QStringLiteral("PENDING"), QStringLiteral("UNKNOWN")};
    const auto adv = std::optional<V>(V::V8_9);
    // In the order of IncidentSearchQuerySortRequest (the list a bad sort field is told).
    static const std::vector<FieldSpec> fields {
        {"incidentKey", T::BasicString, true, true, V::V8_7, IncidentKey, {}, adv},
        {"processDefinitionKey", T::Key, true, true, V::V8_7, ProcessDefinitionKey, {}, adv},
        {"processDefinitionId", T::String, true, true, V::V8_7, ProcessDefinitionId, {}, adv},
        {"processInstanceKey", T::Key, true, true, V::V8_7, ProcessInstanceKey, {}, adv},
        {"errorType", T::Enum, true, true, V::V8_7, ErrorType, types, adv},
        {"errorMessage", T::String, true, false, V::V8_7, ErrorMessage, {}, adv},
        {"errorMessage", T::String, false, true, V::V8_7, ErrorMessage, {}, adv, V::V8_8},
        {"elementId", T::String, true, true, V::V8_7, ElementId, {}, adv},
        {"elementInstanceKey", T::Key, true, true, V::V8_7, ElementInstanceKey, {}, adv},
        {"creationTime", T::DateTime, true, true, V::V8_7, CreationTime},
        {"state", T::Enum, true, true, V::V8_7, State, states, adv},
        {"jobKey", T::Key, true, true, V::V8_7, JobKey, {}, adv},
        {"tenantId", T::String, true, true, V::V8_7, TenantId, {}, adv},
    };
    return fields;
}

struct IncidentRef
{
    const Incident *incident;
    const Job *job;
};

Value incidentValue(const JobStore &store, const IncidentRef &ref, int field)
{
    const Incident &incident = *ref.incident;
    const Job *job = ref.job;
    switch (field) {
    case IncidentKey:
        return Value::str(QString::number(incident.key));
    case ProcessDefinitionKey:
        return job ? Value::num(job->processDefinitionKey) : Value();
    case ProcessDefinitionId:
        return job ? Value::str(store.string(job->processDefinitionId)) : Value();
    case ProcessInstanceKey:
        return job ? Value::num(job->processInstanceKey) : Value();
    case ErrorType:
        return Value::str(incidentTypeName(incident.type));
    case ErrorMessage:
        return Value::str(incident.errorMessage);
    case ElementId:
        return job ? Value::str(store.string(job->elementId)) : Value();
    case ElementInstanceKey:
        return job ? Value::num(job->elementInstanceKey) : Value();
    case CreationTime:
        return Value::num(incident.creationTimeMs);
    case State:
        return Value::str(
            incident.resolved ? QStringLiteral("RESOLVED") : QStringLiteral("ACTIVE"));
    case JobKey:
        return Value::num(incident.jobKey);
    case TenantId:
        return job ? Value::str(store.string(job->tenantId)) : Value();
    default:
        return Value();
    }
}

} // namespace

QJsonObject incidentToJson(const Cluster &cluster, const Incident &incident)
{
    const JobStore &store = cluster.jobs();
    const Job *job = store.find(incident.jobKey);
    QJsonObject o;
    o.insert(QStringLiteral("incidentKey"), QString::number(incident.key));
    o.insert(QStringLiteral("jobKey"), QString::number(incident.jobKey));
    o.insert(QStringLiteral("state"),
        incident.resolved ? QStringLiteral("RESOLVED") : QStringLiteral("ACTIVE"));
    o.insert(QStringLiteral("errorType"), incidentTypeName(incident.type));
    o.insert(QStringLiteral("errorMessage"), incident.errorMessage);
    o.insert(QStringLiteral("creationTime"), isoTime(incident.creationTimeMs));
    if (job) {
        o.insert(QStringLiteral("processDefinitionId"), store.string(job->processDefinitionId));
        o.insert(
            QStringLiteral("processDefinitionKey"), QString::number(job->processDefinitionKey));
        o.insert(QStringLiteral("processInstanceKey"), QString::number(job->processInstanceKey));
        o.insert(QStringLiteral("rootProcessInstanceKey"),
            cluster.atLeast(GatewayVersion::V8_9)
                ? QJsonValue(QString::number(job->processInstanceKey))
                : QJsonValue());
        o.insert(QStringLiteral("elementId"), store.string(job->elementId));
        o.insert(QStringLiteral("elementInstanceKey"), QString::number(job->elementInstanceKey));
        o.insert(QStringLiteral("tenantId"), store.string(job->tenantId));
    }
    return o;
}

SearchResult searchIncidents(Cluster &cluster, const QJsonObject &body)
{
    SearchResult result;
    SearchQuery query;
    result.error = parseQuery(body, incidentFields(), cluster.version(), &query);
    if (result.error)
        return result;
    const JobStore &store = cluster.jobs();
    std::vector<Incident> visible;
    cluster.forEachVisibleIncident([&](const Incident &incident) { visible.push_back(incident); });
    std::vector<IncidentRef> refs;
    refs.reserve(visible.size());
    for (const Incident &incident : visible)
        refs.push_back(IncidentRef {&incident, store.find(incident.jobKey)});
    SearchRunner<IncidentRef> runner;
    runner.valueOf
        = [&](const IncidentRef &ref, int field) { return incidentValue(store, ref, field); };
    runner.keyOf = [](const IncidentRef &ref) { return ref.incident->key; };
    runner.toJson = [&](const IncidentRef &ref) { return incidentToJson(cluster, *ref.incident); };
    result.body = runner.run(query, refs);
    return result;
}

} // namespace JobDesk::Sandbox
