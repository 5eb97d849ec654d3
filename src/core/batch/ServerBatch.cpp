// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/batch/ServerBatch.h"

#include "core/camunda/JobKey.h"
#include "core/json/Json.h"

namespace JobDesk {

namespace {

QByteArray keyList(const QStringList &keys)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (i)
            out += ',';
        out += Json::quoteUtf8(keys.at(i));
    }
    return out + ']';
}

} // namespace

QString ServerBatchFilter::validationError() const
{
    for (const QString &key : processInstanceKeys) {
        const auto parsed = JobKey::parse(key, KeyKind::ProcessInstance);
        if (!parsed.key)
            return parsed.error;
    }
    return {};
}

SearchFilter ServerBatchFilter::instanceFilter() const
{
    SearchFilter filter;
    // Only instances with an incident have something to resolve; it also keeps the filter from
    // being empty, which the cluster refuses ("No filter provided").
    filter.exact(QStringLiteral("hasIncident"), QStringLiteral("true"));
    if (!processDefinitionId.isEmpty())
        filter.exact(QStringLiteral("processDefinitionId"), processDefinitionId);
    if (processInstanceKeys.size() == 1)
        filter.exact(QStringLiteral("processInstanceKey"), processInstanceKeys.constFirst());
    else if (processInstanceKeys.size() > 1)
        filter.in(QStringLiteral("processInstanceKey"), processInstanceKeys);
    if (!elementId.isEmpty())
        filter.exact(QStringLiteral("elementId"), elementId);
    return filter;
}

QList<SearchRequest> ServerBatchFilter::incidentSearches(int pageSize) const
{
    SearchRequest base;
    base.target = SearchTarget::Incidents;
    base.limit = pageSize;
    base.filter.exact(QStringLiteral("state"), QStringLiteral("ACTIVE"));
    if (!processDefinitionId.isEmpty())
        base.filter.exact(QStringLiteral("processDefinitionId"), processDefinitionId);
    if (!elementId.isEmpty())
        base.filter.exact(QStringLiteral("elementId"), elementId);
    if (processInstanceKeys.isEmpty())
        return {base};
    QList<SearchRequest> searches;
    for (const QString &key : processInstanceKeys) {
        SearchRequest one = base;
        one.filter.exact(QStringLiteral("processInstanceKey"), key);
        searches.append(one);
    }
    return searches;
}

QString ServerBatchFilter::describe() const
{
    QStringList parts;
    if (!processDefinitionId.isEmpty())
        parts.append(QStringLiteral("process %1").arg(processDefinitionId));
    if (!processInstanceKeys.isEmpty())
        parts.append(QStringLiteral("%1 %2").arg(processInstanceKeys.size() == 1
                ? QStringLiteral("instance")
                : QStringLiteral("instances"),
            processInstanceKeys.join(QStringLiteral(", "))));
    if (!elementId.isEmpty())
        parts.append(QStringLiteral("element %1").arg(elementId));
    return parts.isEmpty() ? QStringLiteral("every instance with an incident")
                           : parts.join(QStringLiteral(", "));
}

QString ServerBatchPlan::describe() const
{
    QStringList lines;
    lines.append(QStringLiteral("Resolve incidents through the cluster's batch operation: %1")
                     .arg(filter.describe()));
    lines.append(QStringLiteral("  active incidents found:      %1").arg(incidents.size()));
    lines.append(
        QStringLiteral("  jobs with no retries left:   %1").arg(jobsNeedingRetries.size()));
    if (!jobsNeedingRetries.isEmpty())
        lines.append(QStringLiteral("  step 1: raise their retries to %1 (PATCH /v2/jobs/{key}, "
                                    "one request each) — the batch resolution does not raise "
                                    "retries (camunda/camunda#41213), so their incidents would "
                                    "fail")
                         .arg(retries));
    lines.append(QStringLiteral("  step %1: POST /v2/process-instances/incident-resolution "
                                "with filter %2")
                     .arg(jobsNeedingRetries.isEmpty() ? 1 : 2)
                     .arg(QString::fromUtf8(filter.json())));
    lines.append(QStringLiteral("  then follow GET /v2/batch-operations/{key} until it ends"));
    if (!error.isEmpty())
        lines.append(QStringLiteral("Cannot run: %1").arg(error));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QByteArray ServerBatchPlan::toJson() const
{
    QStringList jobKeys;
    for (const JobRecord &job : jobsNeedingRetries)
        jobKeys.append(job.jobKey);
    QStringList incidentKeys;
    for (const IncidentRecord &incident : incidents)
        incidentKeys.append(incident.incidentKey);
    QByteArray out = "{\"plan\":{\"filter\":" + filter.json();
    out += ",\"incidents\":" + keyList(incidentKeys);
    out += ",\"jobsNeedingRetries\":" + keyList(jobKeys);
    out += ",\"retries\":" + QByteArray::number(retries);
    out += ",\"note\":"
        + Json::quoteUtf8(QStringLiteral("jobs with no retries left get retries first: the batch "
                                         "resolution does not raise them (camunda/camunda#41213)"));
    out += ",\"error\":" + (error.isEmpty() ? QByteArray("null") : Json::quoteUtf8(error));
    return out + "}}";
}

bool isTerminalBatchOperationState(const QString &state)
{
    return state == QLatin1String("COMPLETED") || state == QLatin1String("PARTIALLY_COMPLETED")
        || state == QLatin1String("CANCELED") || state == QLatin1String("FAILED");
}

bool ServerBatchProgress::isTerminal() const
{
    return isTerminalBatchOperationState(state);
}

QString ServerBatchProgress::summary() const
{
    QString text = QStringLiteral("%1: %2 of %3 processed — %4 completed, %5 failed")
                       .arg(state.isEmpty() ? QStringLiteral("STARTING") : state)
                       .arg(processed())
                       .arg(total)
                       .arg(completed)
                       .arg(failed);
    if (canceled)
        text += QStringLiteral(", %1 canceled").arg(canceled);
    if (skipped)
        text += QStringLiteral(", %1 skipped").arg(skipped);
    return text;
}

QByteArray ServerBatchProgress::toJson() const
{
    QByteArray out = "{\"batchOperationKey\":" + Json::quoteUtf8(batchOperationKey);
    out += ",\"state\":" + Json::quoteUtf8(state);
    out += ",\"total\":" + QByteArray::number(total);
    out += ",\"completed\":" + QByteArray::number(completed);
    out += ",\"failed\":" + QByteArray::number(failed);
    out += ",\"canceled\":" + QByteArray::number(canceled);
    out += ",\"skipped\":" + QByteArray::number(skipped);
    out += ",\"active\":" + QByteArray::number(active);
    out += ",\"retriesRaised\":" + QByteArray::number(retriesRaised);
    out += ",\"retriesRefused\":" + QByteArray::number(retriesRefused);
    out += ",\"failedItems\":[";
    for (qsizetype i = 0; i < failedItems.size(); ++i) {
        const BatchOperationItemRecord &item = failedItems.at(i);
        if (i)
            out += ',';
        out += "{\"itemKey\":" + Json::quoteUtf8(item.itemKey)
            + ",\"processInstanceKey\":" + Json::quoteUtf8(item.processInstanceKey)
            + ",\"errorMessage\":" + Json::quoteUtf8(item.errorMessage) + '}';
    }
    out += "],\"errors\":[";
    for (qsizetype i = 0; i < errors.size(); ++i)
        out += (i ? "," : "") + Json::quoteUtf8(errors.at(i));
    return out + "]}";
}

} // namespace JobDesk
