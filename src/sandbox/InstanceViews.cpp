// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/InstanceViews.h"

#include <QJsonArray>

#include <algorithm>

namespace JobDesk::Sandbox::InstanceViews {

namespace {

QString elementType(JobKind kind)
{
    switch (kind) {
    case JobKind::TaskListener:
        return QStringLiteral("USER_TASK");
    case JobKind::AdHocSubProcess:
        return QStringLiteral("AD_HOC_SUB_PROCESS");
    default:
        return QStringLiteral("SERVICE_TASK");
    }
}

/// Whether the job's element is over: a service task whose job completed (a listener's user
/// task stays, an ad-hoc sub-process ends when its completion condition was fulfilled).
std::optional<qint64> elementEnd(const JobRef &ref)
{
    const Job &job = *ref.job;
    if (job.state == JobState::Canceled)
        return job.endTimeMs;
    if (job.state != JobState::Completed)
        return std::nullopt;
    if (job.kind == JobKind::BpmnElement || job.kind == JobKind::ExecutionListener)
        return job.endTimeMs;
    if (job.kind == JobKind::AdHocSubProcess && ref.extra && !ref.extra->adHocActive)
        return job.endTimeMs;
    return std::nullopt;
}

QJsonValue root(const Cluster &cluster, qint64 processInstanceKey)
{
    return cluster.atLeast(GatewayVersion::V8_9) ? QJsonValue(QString::number(processInstanceKey))
                                                 : QJsonValue();
}

QJsonValue time(qint64 ms)
{
    return ms ? QJsonValue(isoTime(ms)) : QJsonValue();
}

} // namespace

QJsonObject elementInstance(const Cluster &cluster, const JobRef &ref)
{
    const JobStore &store = cluster.jobs();
    const Job &job = *ref.job;
    const auto end = elementEnd(ref);
    return QJsonObject {
        {QStringLiteral("processDefinitionId"), store.string(job.processDefinitionId)},
        {QStringLiteral("startDate"), isoTime(job.creationTimeMs)},
        {QStringLiteral("endDate"), end ? time(*end) : QJsonValue()},
        {QStringLiteral("elementId"), store.string(job.elementId)},
        {QStringLiteral("elementName"), store.string(job.elementId)},
        {QStringLiteral("type"), elementType(job.kind)},
        {QStringLiteral("state"),
            !end ? QStringLiteral("ACTIVE")
                 : (job.state == JobState::Canceled ? QStringLiteral("TERMINATED")
                                                    : QStringLiteral("COMPLETED"))},
        {QStringLiteral("hasIncident"), job.incidentKey != 0},
        {QStringLiteral("tenantId"), store.string(job.tenantId)},
        {QStringLiteral("elementInstanceKey"), QString::number(job.elementInstanceKey)},
        {QStringLiteral("processInstanceKey"), QString::number(job.processInstanceKey)},
        {QStringLiteral("rootProcessInstanceKey"), root(cluster, job.processInstanceKey)},
        {QStringLiteral("processDefinitionKey"), QString::number(job.processDefinitionKey)},
        {QStringLiteral("incidentKey"),
            job.incidentKey ? QJsonValue(QString::number(job.incidentKey)) : QJsonValue()},
    };
}

namespace {

struct InstanceState
{
    qint64 start = 0;
    qint64 end = 0; ///< 0: still running
    bool canceled = false;
    bool hasIncident = false;
    QString businessId;
};

/// The process instance is over when every one of its jobs is (the sandbox knows no more of it).
InstanceState instanceState(const std::vector<JobRef> &jobs)
{
    InstanceState s;
    s.start = jobs.front().job->creationTimeMs;
    bool allOver = true;
    bool allCanceled = true;
    for (const JobRef &ref : jobs) {
        const Job &job = *ref.job;
        s.start = std::min(s.start, job.creationTimeMs);
        s.hasIncident = s.hasIncident || job.incidentKey != 0;
        const bool over = job.state == JobState::Completed || job.state == JobState::Canceled;
        allOver = allOver && over;
        allCanceled = allCanceled && job.state == JobState::Canceled;
        if (over)
            s.end = std::max(s.end, job.endTimeMs);
        if (ref.extra && !ref.extra->businessId.isEmpty())
            s.businessId = ref.extra->businessId;
    }
    if (!allOver)
        s.end = 0;
    s.canceled = allOver && allCanceled;
    return s;
}

} // namespace

QJsonObject processAsElement(const Cluster &cluster, const std::vector<JobRef> &jobs)
{
    const JobStore &store = cluster.jobs();
    const Job &first = *jobs.front().job;
    const InstanceState s = instanceState(jobs);
    return QJsonObject {
        {QStringLiteral("processDefinitionId"), store.string(first.processDefinitionId)},
        {QStringLiteral("startDate"), isoTime(s.start)},
        {QStringLiteral("endDate"), time(s.end)},
        {QStringLiteral("elementId"), store.string(first.processDefinitionId)},
        {QStringLiteral("elementName"), store.definition(first.processDefinitionKey).name},
        {QStringLiteral("type"), QStringLiteral("PROCESS")},
        {QStringLiteral("state"),
            s.end == 0 ? QStringLiteral("ACTIVE")
                       : (s.canceled ? QStringLiteral("TERMINATED") : QStringLiteral("COMPLETED"))},
        {QStringLiteral("hasIncident"), s.hasIncident},
        {QStringLiteral("tenantId"), store.string(first.tenantId)},
        {QStringLiteral("elementInstanceKey"), QString::number(first.processInstanceKey)},
        {QStringLiteral("processInstanceKey"), QString::number(first.processInstanceKey)},
        {QStringLiteral("rootProcessInstanceKey"), root(cluster, first.processInstanceKey)},
        {QStringLiteral("processDefinitionKey"), QString::number(first.processDefinitionKey)},
        {QStringLiteral("incidentKey"), QJsonValue()},
    };
}

QJsonObject processInstance(const Cluster &cluster, const std::vector<JobRef> &jobs)
{
    const JobStore &store = cluster.jobs();
    const Job &first = *jobs.front().job;
    const InstanceState s = instanceState(jobs);
    const ProcessDefinition definition = store.definition(first.processDefinitionKey);
    const auto nullable
        = [](const QString &v) { return v.isEmpty() ? QJsonValue() : QJsonValue(v); };
    return QJsonObject {
        {QStringLiteral("processDefinitionId"), store.string(first.processDefinitionId)},
        {QStringLiteral("processDefinitionName"), nullable(definition.name)},
        {QStringLiteral("processDefinitionVersion"), definition.version},
        {QStringLiteral("processDefinitionVersionTag"), nullable(definition.versionTag)},
        {QStringLiteral("startDate"), isoTime(s.start)},
        {QStringLiteral("endDate"), time(s.end)},
        {QStringLiteral("state"),
            s.end == 0 ? QStringLiteral("ACTIVE")
                       : (s.canceled ? QStringLiteral("TERMINATED") : QStringLiteral("COMPLETED"))},
        {QStringLiteral("hasIncident"), s.hasIncident},
        {QStringLiteral("tenantId"), store.string(first.tenantId)},
        {QStringLiteral("processInstanceKey"), QString::number(first.processInstanceKey)},
        {QStringLiteral("processDefinitionKey"), QString::number(first.processDefinitionKey)},
        {QStringLiteral("parentProcessInstanceKey"), QJsonValue()},
        {QStringLiteral("parentElementInstanceKey"), QJsonValue()},
        {QStringLiteral("rootProcessInstanceKey"), root(cluster, first.processInstanceKey)},
        {QStringLiteral("tags"), QJsonArray()},
        {QStringLiteral("businessId"), nullable(s.businessId)},
    };
}

} // namespace JobDesk::Sandbox::InstanceViews
