// SPDX-License-Identifier: GPL-3.0-or-later
// A job as the search endpoint returns it (JobSearchResult).
#include "sandbox/JobSearch.h"

#include <QDateTime>

namespace JobDesk::Sandbox {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject jobToJson(const Cluster &cluster, const JobRef &ref)
{
    const JobStore &store = cluster.jobs();
    const Job &job = *ref.job;
    const JobExtra *extra = ref.extra;
    const bool v89 = cluster.atLeast(GatewayVersion::V8_9);
    const auto nullable
        = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    const auto time = [](qint64 ms) { return ms ? QJsonValue(isoTime(ms)) : QJsonValue(); };
    QJsonObject o;
    o.insert(QStringLiteral("jobKey"), QString::number(job.key));
    o.insert(QStringLiteral("type"), store.string(job.type));
    o.insert(QStringLiteral("state"), jobStateName(job.state));
    o.insert(QStringLiteral("kind"), jobKindName(job.kind));
    o.insert(QStringLiteral("listenerEventType"), listenerEventTypeName(job.listenerEventType));
    o.insert(QStringLiteral("processInstanceKey"), QString::number(job.processInstanceKey));
    o.insert(QStringLiteral("processDefinitionKey"), QString::number(job.processDefinitionKey));
    o.insert(QStringLiteral("processDefinitionId"), store.string(job.processDefinitionId));
    o.insert(QStringLiteral("elementId"), store.string(job.elementId));
    o.insert(QStringLiteral("elementInstanceKey"), QString::number(job.elementInstanceKey));
    o.insert(QStringLiteral("retries"), job.retries);
    o.insert(QStringLiteral("worker"), store.string(job.worker));
    o.insert(QStringLiteral("tenantId"), store.string(job.tenantId));
    o.insert(QStringLiteral("customHeaders"), store.object(job.customHeaders));
    o.insert(QStringLiteral("hasFailedWithRetriesLeft"), job.hasFailedWithRetriesLeft);
    o.insert(QStringLiteral("deadline"), time(job.deadlineMs));
    o.insert(QStringLiteral("endTime"), time(job.endTimeMs));
    // Members 8.9 added (nullable): null on 8.8, so the 9.x SDK's strict response validation
    // accepts the sandbox in every version; 8.8 clients ignore them.
    o.insert(QStringLiteral("rootProcessInstanceKey"),
        v89 ? QJsonValue(QString::number(job.processInstanceKey)) : QJsonValue());
    o.insert(QStringLiteral("creationTime"), v89 ? time(job.creationTimeMs) : QJsonValue());
    o.insert(QStringLiteral("lastUpdateTime"), v89 ? time(job.lastUpdateTimeMs) : QJsonValue());
    o.insert(QStringLiteral("errorMessage"), extra ? nullable(extra->errorMessage) : QJsonValue());
    o.insert(QStringLiteral("errorCode"), extra ? nullable(extra->errorCode) : QJsonValue());
    o.insert(QStringLiteral("deniedReason"), extra ? nullable(extra->deniedReason) : QJsonValue());
    o.insert(QStringLiteral("isDenied"),
        extra && extra->isDenied ? QJsonValue(*extra->isDenied) : QJsonValue());
    if (cluster.atLeast(GatewayVersion::V8_10)) {
        o.insert(QStringLiteral("priority"), int(job.priority));
        o.insert(QStringLiteral("businessId"), extra ? nullable(extra->businessId) : QJsonValue());
    }
    return o;
}

} // namespace JobDesk::Sandbox
