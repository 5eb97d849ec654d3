// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/CamundaVersion.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace JobDesk {

namespace Json {
class Value;
}

// The server's answers as records. Reading is tolerant: unknown members are ignored, missing or
// null ones stay absent (a null QString, an empty optional), and every key is kept as its exact
// digits whether the server sent it as a string or as a number (never through a double). Each
// record keeps the item's JSON text as received in `raw`. Values the spec calls date-times are
// kept as the text the server sent.

/// The page information of a search answer.
struct PageInfo
{
    std::optional<qint64> totalItems;
    bool hasMoreTotalItems = false; ///< totalItems is a lower bound
    QString startCursor; ///< for page.before
    QString endCursor; ///< for page.after; null when there is no next page
};

/// One job from `POST /v2/jobs/search` (every field of 8.8, 8.9 and 8.10).
struct JobRecord
{
    QString jobKey;
    QString type;
    QString worker;
    QString state; ///< CREATED, FAILED, ERROR_THROWN, COMPLETED, … as sent
    QString kind; ///< BPMN_ELEMENT, EXECUTION_LISTENER, TASK_LISTENER, AD_HOC_SUB_PROCESS
    QString listenerEventType; ///< UNSPECIFIED, COMPLETING, ASSIGNING, …
    std::optional<int> retries;
    std::optional<bool> hasFailedWithRetriesLeft;
    QString processDefinitionId;
    QString processDefinitionKey;
    QString processInstanceKey;
    QString rootProcessInstanceKey; ///< 8.9
    QString elementId;
    QString elementInstanceKey;
    QString tenantId;
    QString errorCode;
    QString errorMessage;
    std::optional<bool> isDenied;
    QString deniedReason;
    QString deadline;
    QString endTime;
    QString creationTime; ///< 8.9
    QString lastUpdateTime; ///< 8.9
    std::optional<int> priority; ///< 8.10
    QString businessId; ///< 8.10
    QList<QPair<QString, QString>> customHeaders; ///< in document order; non-strings as JSON text
    QByteArray raw;

    bool isTaskListener() const { return kind == QLatin1String("TASK_LISTENER"); }
    bool isAdHocSubProcess() const { return kind == QLatin1String("AD_HOC_SUB_PROCESS"); }
    static JobRecord fromJson(const Json::Value &json);
};

/// One incident (`incidents/search`, `GET incidents/{key}`).
struct IncidentRecord
{
    QString incidentKey;
    QString processDefinitionKey;
    QString processDefinitionId;
    QString processInstanceKey;
    QString rootProcessInstanceKey;
    QString elementInstanceKey;
    QString elementId;
    QString jobKey;
    QString tenantId;
    QString errorType; ///< JOB_NO_RETRIES, UNHANDLED_ERROR_EVENT, …
    QString errorMessage;
    QString state; ///< ACTIVE, RESOLVED, PENDING, MIGRATED, UNKNOWN
    QString creationTime;
    QByteArray raw;

    static IncidentRecord fromJson(const Json::Value &json);
};

/// One variable (`variables/search`, `GET variables/{key}`). The value is the variable's JSON
/// text exactly (the API sends it as a string holding JSON).
struct VariableRecord
{
    QString variableKey;
    QString name;
    QString value; ///< raw JSON text, e.g. `123456789012345678901234567890` or `"text"`
    bool isTruncated = false; ///< the value was cut; ask again with truncateValues=false
    QString scopeKey;
    QString processInstanceKey;
    QString rootProcessInstanceKey;
    QString tenantId;
    QByteArray raw;

    static VariableRecord fromJson(const Json::Value &json);
};

/// `GET element-instances/{key}`.
struct ElementInstanceRecord
{
    QString elementInstanceKey;
    QString processInstanceKey;
    QString rootProcessInstanceKey;
    QString processDefinitionKey;
    QString processDefinitionId;
    QString elementId;
    QString elementName;
    QString type; ///< SERVICE_TASK, AD_HOC_SUB_PROCESS, USER_TASK, …
    QString state; ///< ACTIVE, COMPLETED, TERMINATED
    std::optional<bool> hasIncident;
    QString incidentKey;
    QString startDate;
    QString endDate;
    QString tenantId;
    QByteArray raw;

    static ElementInstanceRecord fromJson(const Json::Value &json);
};

/// `GET process-instances/{key}`.
struct ProcessInstanceRecord
{
    QString processInstanceKey;
    QString processDefinitionKey;
    QString processDefinitionId;
    QString processDefinitionName;
    std::optional<int> processDefinitionVersion;
    QString processDefinitionVersionTag;
    QString state; ///< ACTIVE, COMPLETED, TERMINATED, SUSPENDED
    std::optional<bool> hasIncident;
    QString startDate;
    QString endDate;
    QString tenantId;
    QString parentProcessInstanceKey;
    QString parentElementInstanceKey;
    QString rootProcessInstanceKey;
    QString businessId;
    QStringList tags;
    QByteArray raw;

    static ProcessInstanceRecord fromJson(const Json::Value &json);
};

/// `GET topology`: the gateway's version and the brokers with their partitions.
struct Topology
{
    struct Partition
    {
        int partitionId = 0;
        QString role; ///< leader, follower, inactive
        QString health; ///< healthy, unhealthy, dead
    };
    struct Broker
    {
        int nodeId = 0;
        QString host;
        int port = 0;
        QString version;
        QList<Partition> partitions;
    };

    QString gatewayVersion;
    QString clusterId;
    std::optional<int> clusterSize;
    std::optional<int> partitionsCount;
    std::optional<int> replicationFactor;
    QList<Broker> brokers;

    CamundaVersion version() const { return CamundaVersion::parse(gatewayVersion); }
};

/// `GET authentication/me`: who the connection's credentials are.
struct WhoAmI
{
    struct Tenant
    {
        QString tenantId;
        QString name;
    };
    QString username;
    QString displayName;
    QString email;
    QStringList authorizedComponents;
    QList<Tenant> tenants;
    QStringList groups;
    QStringList roles;
    QString salesPlanType;
    std::optional<bool> canLogout;
};

/// A batch operation just created (incident resolution by filter or for one instance).
struct BatchOperationCreated
{
    QString batchOperationKey;
    QString batchOperationType;
};

/// `GET batch-operations/{key}`.
struct BatchOperationRecord
{
    struct Error
    {
        std::optional<int> partitionId;
        QString type;
        QString message;
    };
    QString batchOperationKey;
    QString batchOperationType;
    QString state; ///< CREATED, ACTIVE, SUSPENDED, COMPLETED, PARTIALLY_COMPLETED, CANCELED, FAILED
    QString startDate;
    QString endDate;
    QString actorType;
    QString actorId;
    std::optional<qint64> operationsTotalCount;
    std::optional<qint64> operationsFailedCount;
    std::optional<qint64> operationsCompletedCount;
    QList<Error> errors;
    QByteArray raw;

    static BatchOperationRecord fromJson(const Json::Value &json);
};

/// One item of `batch-operation-items/search`.
struct BatchOperationItemRecord
{
    QString batchOperationKey;
    QString operationType;
    QString itemKey;
    QString processInstanceKey;
    QString rootProcessInstanceKey;
    QString state; ///< ACTIVE, COMPLETED, SKIPPED, CANCELED, FAILED
    QString processedDate;
    QString errorMessage;
    QByteArray raw;

    static BatchOperationItemRecord fromJson(const Json::Value &json);
};

template <typename T> struct SearchPage
{
    QList<T> items;
    PageInfo page;
};

/// Parsers for whole answer bodies. std::nullopt (with a sentence in `error`) only when the body
/// is not JSON, not an object, or (for searches) has no `items` list; items that are not objects
/// are skipped.
namespace Answers {
std::optional<SearchPage<JobRecord>> jobs(const QByteArray &body, QString *error = nullptr);
std::optional<SearchPage<IncidentRecord>> incidents(
    const QByteArray &body, QString *error = nullptr);
std::optional<SearchPage<VariableRecord>> variables(
    const QByteArray &body, QString *error = nullptr);
std::optional<SearchPage<BatchOperationItemRecord>> batchOperationItems(
    const QByteArray &body, QString *error = nullptr);
std::optional<IncidentRecord> incident(const QByteArray &body, QString *error = nullptr);
std::optional<VariableRecord> variable(const QByteArray &body, QString *error = nullptr);
std::optional<ElementInstanceRecord> elementInstance(
    const QByteArray &body, QString *error = nullptr);
std::optional<ProcessInstanceRecord> processInstance(
    const QByteArray &body, QString *error = nullptr);
std::optional<Topology> topology(const QByteArray &body, QString *error = nullptr);
std::optional<WhoAmI> whoAmI(const QByteArray &body, QString *error = nullptr);
std::optional<BatchOperationCreated> batchOperationCreated(
    const QByteArray &body, QString *error = nullptr);
std::optional<BatchOperationRecord> batchOperation(
    const QByteArray &body, QString *error = nullptr);
} // namespace Answers

} // namespace JobDesk
