// SPDX-License-Identifier: GPL-3.0-or-later
// POST /v2/jobs/activation: JobRequestValidator's checks, the multi-tenancy check, then the jobs
// activated as JobBatchActivateProcessor does (no long polling: an empty answer comes at once).
#include "sandbox/RequestValidation.h"
#include "sandbox/RestGateway.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace JobDesk::Sandbox {

using namespace Validation;
using namespace Problems;

namespace {

QStringList activationMembers(const Cluster &cluster)
{
    QStringList members {QStringLiteral("type"), QStringLiteral("worker"),
        QStringLiteral("timeout"), QStringLiteral("maxJobsToActivate"),
        QStringLiteral("fetchVariable"), QStringLiteral("requestTimeout"),
        QStringLiteral("tenantIds")};
    if (cluster.atLeast(GatewayVersion::V8_9))
        members.append(QStringLiteral("tenantFilter"));
    if (cluster.atLeast(GatewayVersion::V8_10))
        members.append(QStringLiteral("withLease"));
    return members;
}

Failure activationChecks(const QJsonObject &body, const QString &instance)
{
    for (const char *text : {"type", "worker"}) {
        if (!isNullOr(body.value(QLatin1String(text)), &QJsonValue::isString))
            return unparsable(QLatin1String(text), instance);
    }
    for (const char *number : {"timeout", "maxJobsToActivate", "requestTimeout"}) {
        const QJsonValue v = body.value(QLatin1String(number));
        if (!v.isUndefined() && !v.isNull() && !isInteger(v))
            return unparsable(QLatin1String(number), instance);
    }
    for (const char *list : {"fetchVariable", "tenantIds"}) {
        const QJsonValue v = body.value(QLatin1String(list));
        if (!isNullOr(v, &QJsonValue::isArray))
            return unparsable(QLatin1String(list), instance);
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString())
                return unparsable(QLatin1String(list), instance);
        }
    }
    if (!isNullOr(body.value(QLatin1String("withLease")), &QJsonValue::isBool))
        return unparsable(QStringLiteral("withLease"), instance);
    const QJsonValue filter = body.value(QLatin1String("tenantFilter"));
    if (!filter.isUndefined() && !filter.isNull()
        && filter != QJsonValue(QStringLiteral("PROVIDED"))
        && filter != QJsonValue(QStringLiteral("ASSIGNED")))
        return unparsable(QStringLiteral("tenantFilter"), instance);

    QStringList problems;
    if (body.value(QLatin1String("type")).toString().trimmed().isEmpty())
        problems.append(QStringLiteral("No type provided"));
    const QJsonValue timeout = body.value(QLatin1String("timeout"));
    if (!timeout.isDouble())
        problems.append(QStringLiteral("No timeout provided"));
    else if (timeout.toDouble() < 1)
        problems.append(QStringLiteral("The value for timeout is '%1' but must be greater than 0")
                            .arg(qint64(timeout.toDouble())));
    const QJsonValue max = body.value(QLatin1String("maxJobsToActivate"));
    if (!max.isDouble())
        problems.append(QStringLiteral("No maxJobsToActivate provided"));
    else if (max.toDouble() < 1)
        // JobRequestValidator prints the timeout here, not the maximum (as the server does).
        problems.append(
            QStringLiteral("The value for maxJobsToActivate is '%1' but must be greater than 0")
                .arg(timeout.isDouble() ? QString::number(qint64(timeout.toDouble()))
                                        : QStringLiteral("null")));
    if (auto f = violations(problems, instance))
        return f;

    // Multi-tenancy is off in the sandbox: only the default tenant may be named.
    QStringList tenants;
    for (const QJsonValue &t : body.value(QLatin1String("tenantIds")).toArray())
        tenants.append(t.toString());
    const bool onlyDefault = std::all_of(tenants.begin(), tenants.end(),
        [](const QString &t) { return t == QLatin1String("<default>"); });
    if (filter == QJsonValue(QStringLiteral("ASSIGNED")))
        return invalidArgument(QStringLiteral("Expected to handle request Activate Jobs with "
                                              "ASSIGNED tenant filter, but multi-tenancy is "
                                              "disabled"),
            instance);
    if (!onlyDefault) {
        const QString which = tenants.size() == 1
            ? QStringLiteral("identifier '%1'").arg(tenants.first())
            : QStringLiteral("identifiers [%1]").arg(tenants.join(QLatin1String(", ")));
        return invalidArgument(QStringLiteral("Expected to handle request Activate Jobs with "
                                              "tenant %1, but multi-tenancy is disabled")
                                   .arg(which),
            instance);
    }
    return std::nullopt;
}

} // namespace

ApiResponse RestGateway::activate(const Call &call)
{
    QJsonObject body;
    if (auto f = parseBody(call.body, true, call.path, &body))
        return *f;
    if (auto f = onlyProperties(body, activationMembers(*m_cluster), QString(), call.path))
        return *f;
    if (auto f = activationChecks(body, call.path))
        return *f;

    const bool lease = body.value(QLatin1String("withLease")).toBool(false);
    QStringList fetch;
    for (const QJsonValue &name : body.value(QLatin1String("fetchVariable")).toArray())
        fetch.append(name.toString());
    const std::vector<Job *> jobs
        = m_cluster->activate(body.value(QLatin1String("type")).toString(),
            body.value(QLatin1String("worker")).toString(),
            qint64(body.value(QLatin1String("timeout")).toDouble()),
            body.value(QLatin1String("maxJobsToActivate")).toInt(), lease);

    const JobStore &store = m_cluster->jobs();
    const bool v89 = m_cluster->atLeast(GatewayVersion::V8_9);
    const bool v810 = m_cluster->atLeast(GatewayVersion::V8_10);
    QByteArray out = "{\"jobs\":[";
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const Job &job = *jobs.at(i);
        const JobExtra *extra = store.extra(job);
        QJsonObject o {{QStringLiteral("type"), store.string(job.type)},
            {QStringLiteral("processDefinitionId"), store.string(job.processDefinitionId)},
            {QStringLiteral("processDefinitionVersion"),
                store.definition(job.processDefinitionKey).version},
            {QStringLiteral("elementId"), store.string(job.elementId)},
            {QStringLiteral("customHeaders"), store.object(job.customHeaders)},
            {QStringLiteral("worker"), store.string(job.worker)},
            {QStringLiteral("retries"), job.retries}, {QStringLiteral("deadline"), job.deadlineMs},
            {QStringLiteral("tenantId"), store.string(job.tenantId)},
            {QStringLiteral("jobKey"), QString::number(job.key)},
            {QStringLiteral("processInstanceKey"), QString::number(job.processInstanceKey)},
            {QStringLiteral("processDefinitionKey"), QString::number(job.processDefinitionKey)},
            {QStringLiteral("elementInstanceKey"), QString::number(job.elementInstanceKey)},
            {QStringLiteral("kind"), jobKindName(job.kind)},
            {QStringLiteral("listenerEventType"), listenerEventTypeName(job.listenerEventType)},
            {QStringLiteral("userTask"), QJsonValue()}, {QStringLiteral("tags"), QJsonArray()},
            {QStringLiteral("rootProcessInstanceKey"),
                v89 ? QJsonValue(QString::number(job.processInstanceKey)) : QJsonValue()}};
        if (v810) {
            o.insert(QStringLiteral("priority"), int(job.priority));
            o.insert(QStringLiteral("businessId"),
                extra && !extra->businessId.isEmpty() ? QJsonValue(extra->businessId)
                                                      : QJsonValue());
            o.insert(QStringLiteral("leaseToken"),
                extra && !extra->leaseToken.isEmpty() ? QJsonValue(extra->leaseToken)
                                                      : QJsonValue());
            o.insert(QStringLiteral("physicalTenantId"), store.string(job.tenantId));
        }
        // The variables are spliced in as text: their values keep every digit.
        QByteArray text = QJsonDocument(o).toJson(QJsonDocument::Compact);
        text.chop(1);
        text += ",\"variables\":" + m_cluster->variablesText(job, fetch) + '}';
        if (i > 0)
            out += ',';
        out += text;
    }
    out += "]}";
    ApiResponse response {200, QByteArrayLiteral("application/json"), out, {}, !jobs.empty()};
    return response;
}

} // namespace JobDesk::Sandbox
