// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/IncidentSearch.h"

#include <QDateTime>
#include <QJsonArray>

#include <algorithm>
#include <array>
#include <vector>

namespace JobDesk::Sandbox {

namespace {

constexpr std::array<const char *, 7> FilterFields {
    "incidentKey", "jobKey", "state", "errorType", "processInstanceKey", "elementId", "tenantId"};
constexpr std::array<const char *, 12> SortFields {"incidentKey", "processDefinitionKey",
    "processDefinitionId", "processInstanceKey", "errorType", "errorMessage", "elementId",
    "elementInstanceKey", "creationTime", "state", "jobKey", "tenantId"};

template <std::size_t N> bool listed(const std::array<const char *, N> &names, const QString &name)
{
    return std::any_of(
        names.begin(), names.end(), [&](const char *n) { return name == QLatin1String(n); });
}

/// The accepted values of one filter: a plain string, {"$eq": v} or {"$in": [...]}.
bool acceptedValues(const QJsonValue &value, QStringList *out)
{
    if (value.isString()) {
        out->append(value.toString());
        return true;
    }
    const QJsonObject advanced = value.toObject();
    if (!value.isObject() || advanced.size() != 1)
        return false;
    if (advanced.contains(QLatin1String("$eq"))
        && advanced.value(QLatin1String("$eq")).isString()) {
        out->append(advanced.value(QLatin1String("$eq")).toString());
        return true;
    }
    if (!advanced.value(QLatin1String("$in")).isArray())
        return false;
    for (const QJsonValue &v : advanced.value(QLatin1String("$in")).toArray()) {
        if (!v.isString())
            return false;
        out->append(v.toString());
    }
    return true;
}

} // namespace

QJsonObject incidentToJson(const JobStore &store, const Incident &incident)
{
    const Job *job = store.find(incident.jobKey);
    QJsonObject o;
    o.insert(QStringLiteral("incidentKey"), QString::number(incident.key));
    o.insert(QStringLiteral("jobKey"), QString::number(incident.jobKey));
    o.insert(QStringLiteral("state"),
        incident.resolved ? QStringLiteral("RESOLVED") : QStringLiteral("ACTIVE"));
    o.insert(QStringLiteral("errorType"),
        incident.unhandledError ? QStringLiteral("UNHANDLED_ERROR_EVENT")
                                : QStringLiteral("JOB_NO_RETRIES"));
    o.insert(QStringLiteral("errorMessage"), incident.errorMessage);
    o.insert(QStringLiteral("creationTime"),
        QDateTime::fromMSecsSinceEpoch(incident.creationTimeMs, Qt::UTC)
            .toString(Qt::ISODateWithMs));
    if (job) {
        o.insert(QStringLiteral("processDefinitionId"), store.string(job->processDefinitionId));
        o.insert(
            QStringLiteral("processDefinitionKey"), QString::number(job->processDefinitionKey));
        o.insert(QStringLiteral("processInstanceKey"), QString::number(job->processInstanceKey));
        o.insert(
            QStringLiteral("rootProcessInstanceKey"), QString::number(job->processInstanceKey));
        o.insert(QStringLiteral("elementId"), store.string(job->elementId));
        o.insert(QStringLiteral("elementInstanceKey"), QString::number(job->elementInstanceKey));
        o.insert(QStringLiteral("tenantId"), store.string(job->tenantId));
    }
    return o;
}

SearchResult searchIncidents(const JobStore &store, const QJsonObject &query)
{
    SearchResult result;
    const auto unparsable = [&](const QString &property) {
        result.errorTitle = QStringLiteral("Bad Request");
        result.errorDetail = QStringLiteral("Request property [%1] cannot be parsed").arg(property);
        return result;
    };
    for (auto it = query.constBegin(); it != query.constEnd(); ++it) {
        if (it.key() != QLatin1String("filter") && it.key() != QLatin1String("sort")
            && it.key() != QLatin1String("page"))
            return unparsable(it.key());
    }
    QList<QPair<QString, QStringList>> filters;
    const QJsonObject filter = query.value(QLatin1String("filter")).toObject();
    for (auto it = filter.constBegin(); it != filter.constEnd(); ++it) {
        QStringList values;
        if (!listed(FilterFields, it.key()) || !acceptedValues(it.value(), &values))
            return unparsable(QStringLiteral("filter.") + it.key());
        filters.append({it.key(), values});
    }
    QString sortField = QStringLiteral("incidentKey");
    bool descending = false;
    const QJsonArray sort = query.value(QLatin1String("sort")).toArray();
    if (!sort.isEmpty()) {
        const QJsonObject first = sort.at(0).toObject();
        sortField = first.value(QLatin1String("field")).toString();
        if (!listed(SortFields, sortField))
            return unparsable(QStringLiteral("sort.field"));
        descending = first.value(QLatin1String("order"))
                         .toString()
                         .compare(QLatin1String("DESC"), Qt::CaseInsensitive)
            == 0;
    }
    const QJsonObject page = query.value(QLatin1String("page")).toObject();
    const qint64 from = qint64(page.value(QLatin1String("from")).toDouble(0));
    const qint64 limit
        = std::clamp<qint64>(qint64(page.value(QLatin1String("limit")).toDouble(100)), 1, 10000);

    std::vector<QJsonObject> hits;
    for (const Incident &incident : store.incidents()) {
        const QJsonObject json = incidentToJson(store, incident);
        const bool match = std::all_of(filters.begin(), filters.end(),
            [&](const auto &f) { return f.second.contains(json.value(f.first).toString()); });
        if (match)
            hits.push_back(json);
    }
    const bool numeric = sortField.endsWith(QLatin1String("Key"));
    std::stable_sort(hits.begin(), hits.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        const QString x = a.value(sortField).toString();
        const QString y = b.value(sortField).toString();
        const bool less = numeric ? x.toLongLong() < y.toLongLong() : x < y;
        const bool greater = numeric ? x.toLongLong() > y.toLongLong() : x > y;
        return descending ? greater : less;
    });
    QJsonArray items;
    for (qint64 i = from; i < qint64(hits.size()) && i < from + limit; ++i)
        items.append(hits.at(std::size_t(i)));
    result.body.insert(QStringLiteral("items"), items);
    result.body.insert(QStringLiteral("page"),
        QJsonObject {{QStringLiteral("totalItems"), qint64(hits.size())},
            {QStringLiteral("hasMoreTotalItems"), false},
            {QStringLiteral("startCursor"), QJsonValue()},
            {QStringLiteral("endCursor"), QJsonValue()}});
    return result;
}

} // namespace JobDesk::Sandbox
