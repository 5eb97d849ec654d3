// SPDX-License-Identifier: GPL-3.0-or-later
// A job as the search endpoint returns it (JobSearchResult).
#include "sandbox/JobSearch.h"

#include <QDateTime>

namespace JobDesk::Sandbox {

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject jobToJson(const JobStore &store, const Job &job)
{
    const JobExtra *extra = store.extra(job);
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
    o.insert(QStringLiteral("deadline"),
        job.deadlineMs ? QJsonValue(isoTime(job.deadlineMs)) : QJsonValue());
    o.insert(QStringLiteral("endTime"),
        job.endTimeMs ? QJsonValue(isoTime(job.endTimeMs)) : QJsonValue());
    // Members an 8.9+ server adds (all nullable, null for jobs that predate 8.9): present so the
    // 9.x SDK's strict response validation accepts the sandbox, ignored by 8.8 clients.
    o.insert(QStringLiteral("rootProcessInstanceKey"), QJsonValue());
    o.insert(QStringLiteral("creationTime"), QJsonValue());
    o.insert(QStringLiteral("lastUpdateTime"), QJsonValue());
    const auto nullable
        = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    o.insert(QStringLiteral("errorMessage"), extra ? nullable(extra->errorMessage) : QJsonValue());
    o.insert(QStringLiteral("errorCode"), extra ? nullable(extra->errorCode) : QJsonValue());
    o.insert(QStringLiteral("deniedReason"), extra ? nullable(extra->deniedReason) : QJsonValue());
    o.insert(QStringLiteral("isDenied"),
        extra && extra->isDenied ? QJsonValue(*extra->isDenied) : QJsonValue());
    return o;
}

} // namespace JobDesk::Sandbox
