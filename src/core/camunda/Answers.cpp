// SPDX-License-Identifier: GPL-3.0-or-later
// The answers about jobs, incidents, variables and instances, and search pages.
#include "core/camunda/Answers.h"

#include "core/camunda/AnswerFields.h"

namespace JobDesk {

using namespace AnswerFields;

namespace {

PageInfo pageInfo(const Json::Value &page)
{
    PageInfo info;
    info.totalItems = int64(page, u"totalItems");
    info.hasMoreTotalItems = boolean(page, u"hasMoreTotalItems").value_or(false);
    info.startCursor = text(page, u"startCursor");
    info.endCursor = text(page, u"endCursor");
    return info;
}

template <typename T>
std::optional<SearchPage<T>> searchPage(const QByteArray &body, QString *error)
{
    const std::optional<Json::Document> document = objectDocument(body, error);
    if (!document)
        return std::nullopt;
    const Json::Value root = document->root();
    const Json::Value items = root[u"items"];
    if (!items.isArray()) {
        if (error)
            *error = QStringLiteral("The answer has no \"items\" list, so it is not a search "
                                    "result.");
        return std::nullopt;
    }
    SearchPage<T> page;
    for (const Json::Value &item : items.elements()) {
        if (item.isObject())
            page.items.append(T::fromJson(item));
    }
    page.page = pageInfo(root[u"page"]);
    return page;
}

template <typename T> std::optional<T> single(const QByteArray &body, QString *error)
{
    const std::optional<Json::Document> document = objectDocument(body, error);
    if (!document)
        return std::nullopt;
    return T::fromJson(document->root());
}

} // namespace

JobRecord JobRecord::fromJson(const Json::Value &json)
{
    JobRecord job;
    job.jobKey = key(json, u"jobKey");
    job.type = text(json, u"type");
    job.worker = text(json, u"worker");
    job.state = text(json, u"state");
    job.kind = text(json, u"kind");
    job.listenerEventType = text(json, u"listenerEventType");
    job.retries = int32(json, u"retries");
    job.hasFailedWithRetriesLeft = boolean(json, u"hasFailedWithRetriesLeft");
    job.processDefinitionId = text(json, u"processDefinitionId");
    job.processDefinitionKey = key(json, u"processDefinitionKey");
    job.processInstanceKey = key(json, u"processInstanceKey");
    job.rootProcessInstanceKey = key(json, u"rootProcessInstanceKey");
    job.elementId = text(json, u"elementId");
    job.elementInstanceKey = key(json, u"elementInstanceKey");
    job.tenantId = text(json, u"tenantId");
    job.errorCode = text(json, u"errorCode");
    job.errorMessage = text(json, u"errorMessage");
    job.isDenied = boolean(json, u"isDenied");
    job.deniedReason = text(json, u"deniedReason");
    job.deadline = text(json, u"deadline");
    job.endTime = text(json, u"endTime");
    job.creationTime = text(json, u"creationTime");
    job.lastUpdateTime = text(json, u"lastUpdateTime");
    job.priority = int32(json, u"priority");
    job.businessId = text(json, u"businessId");
    for (const auto &[name, value] : json[u"customHeaders"].members())
        job.customHeaders.append({name, value.isString() ? value.text() : value.raw().toString()});
    job.raw = json.rawUtf8();
    return job;
}

IncidentRecord IncidentRecord::fromJson(const Json::Value &json)
{
    IncidentRecord incident;
    incident.incidentKey = key(json, u"incidentKey");
    incident.processDefinitionKey = key(json, u"processDefinitionKey");
    incident.processDefinitionId = text(json, u"processDefinitionId");
    incident.processInstanceKey = key(json, u"processInstanceKey");
    incident.rootProcessInstanceKey = key(json, u"rootProcessInstanceKey");
    incident.elementInstanceKey = key(json, u"elementInstanceKey");
    incident.elementId = text(json, u"elementId");
    incident.jobKey = key(json, u"jobKey");
    incident.tenantId = text(json, u"tenantId");
    incident.errorType = text(json, u"errorType");
    incident.errorMessage = text(json, u"errorMessage");
    incident.state = text(json, u"state");
    incident.creationTime = text(json, u"creationTime");
    incident.raw = json.rawUtf8();
    return incident;
}

VariableRecord VariableRecord::fromJson(const Json::Value &json)
{
    VariableRecord variable;
    variable.variableKey = key(json, u"variableKey");
    variable.name = text(json, u"name");
    // The API sends the value as a string holding JSON; a server that sends the JSON itself is
    // read as it is.
    const Json::Value value = json[u"value"];
    if (value.isString())
        variable.value = text(json, u"value");
    else if (value.exists())
        variable.value = value.raw().toString();
    variable.isTruncated = boolean(json, u"isTruncated").value_or(false);
    variable.scopeKey = key(json, u"scopeKey");
    variable.processInstanceKey = key(json, u"processInstanceKey");
    variable.rootProcessInstanceKey = key(json, u"rootProcessInstanceKey");
    variable.tenantId = text(json, u"tenantId");
    variable.raw = json.rawUtf8();
    return variable;
}

ElementInstanceRecord ElementInstanceRecord::fromJson(const Json::Value &json)
{
    ElementInstanceRecord element;
    element.elementInstanceKey = key(json, u"elementInstanceKey");
    element.processInstanceKey = key(json, u"processInstanceKey");
    element.rootProcessInstanceKey = key(json, u"rootProcessInstanceKey");
    element.processDefinitionKey = key(json, u"processDefinitionKey");
    element.processDefinitionId = text(json, u"processDefinitionId");
    element.elementId = text(json, u"elementId");
    element.elementName = text(json, u"elementName");
    element.type = text(json, u"type");
    element.state = text(json, u"state");
    element.hasIncident = boolean(json, u"hasIncident");
    element.incidentKey = key(json, u"incidentKey");
    element.startDate = text(json, u"startDate");
    element.endDate = text(json, u"endDate");
    element.tenantId = text(json, u"tenantId");
    element.raw = json.rawUtf8();
    return element;
}

ProcessInstanceRecord ProcessInstanceRecord::fromJson(const Json::Value &json)
{
    ProcessInstanceRecord instance;
    instance.processInstanceKey = key(json, u"processInstanceKey");
    instance.processDefinitionKey = key(json, u"processDefinitionKey");
    instance.processDefinitionId = text(json, u"processDefinitionId");
    instance.processDefinitionName = text(json, u"processDefinitionName");
    instance.processDefinitionVersion = int32(json, u"processDefinitionVersion");
    instance.processDefinitionVersionTag = text(json, u"processDefinitionVersionTag");
    instance.state = text(json, u"state");
    instance.hasIncident = boolean(json, u"hasIncident");
    instance.startDate = text(json, u"startDate");
    instance.endDate = text(json, u"endDate");
    instance.tenantId = text(json, u"tenantId");
    instance.parentProcessInstanceKey = key(json, u"parentProcessInstanceKey");
    instance.parentElementInstanceKey = key(json, u"parentElementInstanceKey");
    instance.rootProcessInstanceKey = key(json, u"rootProcessInstanceKey");
    instance.businessId = text(json, u"businessId");
    instance.tags = json[u"tags"].stringList();
    instance.raw = json.rawUtf8();
    return instance;
}

namespace Answers {

std::optional<SearchPage<JobRecord>> jobs(const QByteArray &body, QString *error)
{
    return searchPage<JobRecord>(body, error);
}

std::optional<SearchPage<IncidentRecord>> incidents(const QByteArray &body, QString *error)
{
    return searchPage<IncidentRecord>(body, error);
}

std::optional<SearchPage<VariableRecord>> variables(const QByteArray &body, QString *error)
{
    return searchPage<VariableRecord>(body, error);
}

std::optional<SearchPage<BatchOperationItemRecord>> batchOperationItems(
    const QByteArray &body, QString *error)
{
    return searchPage<BatchOperationItemRecord>(body, error);
}

std::optional<IncidentRecord> incident(const QByteArray &body, QString *error)
{
    return single<IncidentRecord>(body, error);
}

std::optional<VariableRecord> variable(const QByteArray &body, QString *error)
{
    return single<VariableRecord>(body, error);
}

std::optional<ElementInstanceRecord> elementInstance(const QByteArray &body, QString *error)
{
    return single<ElementInstanceRecord>(body, error);
}

std::optional<ProcessInstanceRecord> processInstance(const QByteArray &body, QString *error)
{
    return single<ProcessInstanceRecord>(body, error);
}

std::optional<BatchOperationRecord> batchOperation(const QByteArray &body, QString *error)
{
    return single<BatchOperationRecord>(body, error);
}

} // namespace Answers

} // namespace JobDesk
