// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/Searches.h"

#include "core/camunda/RequestText.h"

#include <QRegularExpression>

#include <algorithm>

namespace JobDesk {

namespace {

struct SortInfo
{
    QString field;
    std::optional<ApiFeature> feature = std::nullopt;
};

QList<SortInfo> sortFields(SearchTarget target)
{
    QList<SortInfo> list;
    const auto plain = [&list](std::initializer_list<const char *> names) {
        for (const char *name : names)
            list.append({QString::fromLatin1(name)});
    };
    switch (target) {
    case SearchTarget::Jobs:
        plain({"deadline", "deniedReason", "elementId", "elementInstanceKey", "endTime",
            "errorCode", "errorMessage", "isDenied", "jobKey", "kind", "listenerEventType",
            "processDefinitionId", "processDefinitionKey", "processInstanceKey", "retries", "state",
            "tenantId", "type", "worker"});
        list.append({QStringLiteral("hasFailedWithRetriesLeft"), ApiFeature::JobSearchTimes});
        list.append({QStringLiteral("creationTime"), ApiFeature::JobSearchCreationTimeSort});
        list.append({QStringLiteral("priority"), ApiFeature::JobPriority});
        break;
    case SearchTarget::Incidents:
        // errorMessage is 8.8 only; the newer specs dropped it, so the server explains.
        plain({"incidentKey", "processDefinitionKey", "processDefinitionId", "processInstanceKey",
            "errorType", "errorMessage", "elementId", "elementInstanceKey", "creationTime", "state",
            "jobKey", "tenantId"});
        break;
    case SearchTarget::Variables:
        plain({"value", "name", "tenantId", "variableKey", "scopeKey", "processInstanceKey"});
        break;
    case SearchTarget::BatchOperationItems:
        plain({"batchOperationKey", "itemKey", "processInstanceKey", "processedDate", "state"});
        break;
    case SearchTarget::ProcessInstances:
        plain({"processInstanceKey", "processDefinitionId", "processDefinitionName",
            "processDefinitionVersion", "processDefinitionVersionTag", "processDefinitionKey",
            "parentProcessInstanceKey", "parentElementInstanceKey", "startDate", "endDate",
            "suspendedDate", "state", "hasIncident", "tenantId"});
        list.append({QStringLiteral("businessId"), ApiFeature::ProcessInstanceBusinessIdFilter});
        break;
    }
    return list;
}

ApiFeature searchFeature(SearchTarget target)
{
    switch (target) {
    case SearchTarget::Jobs:
        return ApiFeature::JobSearch;
    case SearchTarget::Incidents:
        return ApiFeature::IncidentSearch;
    case SearchTarget::Variables:
        return ApiFeature::VariableSearch;
    case SearchTarget::BatchOperationItems:
        return ApiFeature::BatchOperations;
    case SearchTarget::ProcessInstances:
        return ApiFeature::IncidentSearch; // the same 8.6 generation of searches
    }
    return ApiFeature::JobSearch;
}

bool isBase64(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=)?$"));
    return re.match(text).hasMatch();
}

ApiRequest apiRequest(ActionKind action, const QByteArray &method, const QString &path,
    const QByteArray &body, const QString &subject, const QList<ApiFeature> &features)
{
    ApiRequest api;
    api.action = action;
    api.method = method;
    api.relativePath = path;
    api.body = body;
    api.subjectKey = subject;
    api.features = features;
    return api;
}

bool isBatchOperationKey(const QString &key)
{
    // A Camunda key or (for batch operations started in Operate before 8.8) a UUID.
    static const QRegularExpression re(QStringLiteral("^[0-9A-Za-z-]{1,64}$"));
    return re.match(key).hasMatch();
}

} // namespace

// -- search

QString SearchRequest::relativePath() const
{
    switch (target) {
    case SearchTarget::Jobs:
        return QStringLiteral("jobs/search");
    case SearchTarget::Incidents:
        return QStringLiteral("incidents/search");
    case SearchTarget::Variables:
        return truncateValues ? QStringLiteral("variables/search")
                              : QStringLiteral("variables/search?truncateValues=false");
    case SearchTarget::BatchOperationItems:
        return QStringLiteral("batch-operation-items/search");
    case SearchTarget::ProcessInstances:
        return QStringLiteral("process-instances/search");
    }
    return QString();
}

QByteArray SearchRequest::body() const
{
    QByteArray out("{");
    if (!filter.isEmpty())
        RequestText::member(out, u"filter", filter.json(target));
    if (!sort.isEmpty()) {
        QByteArray list("[");
        for (qsizetype i = 0; i < sort.size(); ++i) {
            if (i > 0)
                list += ',';
            QByteArray item("{");
            RequestText::member(item, u"field", RequestText::string(sort[i].field));
            RequestText::member(item, u"order",
                sort[i].descending ? QByteArrayLiteral("\"DESC\"") : QByteArrayLiteral("\"ASC\""));
            item += '}';
            list += item;
        }
        list += ']';
        RequestText::member(out, u"sort", list);
    }
    QByteArray page("{");
    if (limit > 0)
        RequestText::member(page, u"limit", QByteArray::number(limit));
    if (!after.isEmpty())
        RequestText::member(page, u"after", RequestText::string(after));
    if (!before.isEmpty())
        RequestText::member(page, u"before", RequestText::string(before));
    page += '}';
    if (page != "{}")
        RequestText::member(out, u"page", page);
    out += '}';
    return out;
}

QString SearchRequest::validationError() const
{
    if (limit < 0 || limit > kMaxLimit)
        return QStringLiteral("The page limit must be a whole number from 1 to %1; got %2.")
            .arg(kMaxLimit)
            .arg(limit);
    if (!after.isEmpty() && !before.isEmpty())
        return QStringLiteral("A page goes either after one cursor or before another, not both.");
    for (const QString &cursor : {after, before}) {
        if (!cursor.isEmpty() && !isBase64(cursor))
            return QStringLiteral("The page cursor \"%1\" is not the base64 text a search "
                                  "answered with (endCursor or startCursor).")
                .arg(cursor);
    }
    const QList<SortInfo> sortable = sortFields(target);
    for (const SortField &s : sort) {
        const bool known = std::any_of(sortable.cbegin(), sortable.cend(),
            [&s](const SortInfo &info) { return info.field == s.field; });
        if (!known) {
            QStringList names;
            for (const SortInfo &info : sortable)
                names.append(info.field);
            return QStringLiteral("This search cannot be sorted by \"%1\"; it sorts by %2.")
                .arg(s.field, names.join(QStringLiteral(", ")));
        }
    }
    return filter.validationError(target);
}

QList<ApiFeature> SearchRequest::features() const
{
    QList<ApiFeature> list {searchFeature(target)};
    for (const ApiFeature f : filter.features(target)) {
        if (!list.contains(f))
            list.append(f);
    }
    const QList<SortInfo> sortable = sortFields(target);
    for (const SortField &s : sort) {
        for (const SortInfo &info : sortable) {
            if (info.field == s.field && info.feature && !list.contains(*info.feature))
                list.append(*info.feature);
        }
    }
    if ((!after.isEmpty() || !before.isEmpty()) && !list.contains(ApiFeature::CursorPaging))
        list.append(ApiFeature::CursorPaging);
    return list;
}

ApiRequest SearchRequest::toApiRequest() const
{
    // A lookup of one job names it in the history.
    QString subject;
    const QList<FilterCondition> &conditions = filter.conditions();
    if (target == SearchTarget::Jobs && conditions.size() == 1
        && conditions.front().field == QLatin1String("jobKey")
        && conditions.front().op == FilterOp::Exact)
        subject = conditions.front().values.value(0).trimmed();
    return apiRequest(
        ActionKind::Lookup, QByteArrayLiteral("POST"), relativePath(), body(), subject, features());
}

SearchRequest SearchRequest::nextPage(const QString &endCursor) const
{
    SearchRequest next = *this;
    next.after = endCursor;
    next.before.clear();
    return next;
}

QStringList SearchRequest::sortFieldNames(SearchTarget target)
{
    QStringList names;
    for (const SortInfo &info : sortFields(target))
        names.append(info.field);
    return names;
}

SearchRequest SearchRequest::jobByKey(const JobKey &key)
{
    SearchRequest request;
    request.target = SearchTarget::Jobs;
    request.filter.exact(QStringLiteral("jobKey"), key.toString());
    return request;
}

QList<SearchRequest> SearchRequest::jobsByKeys(const QList<JobKey> &keys, int chunkSize)
{
    const int size = std::clamp(chunkSize, 1, kMaxLimit);
    QList<SearchRequest> requests;
    for (qsizetype start = 0; start < keys.size(); start += size) {
        QStringList chunk;
        for (qsizetype i = start; i < std::min<qsizetype>(keys.size(), start + size); ++i)
            chunk.append(keys[i].toString());
        SearchRequest request;
        request.target = SearchTarget::Jobs;
        request.filter.in(QStringLiteral("jobKey"), chunk);
        request.limit = static_cast<int>(chunk.size());
        requests.append(request);
    }
    return requests;
}

// -- lookups

QString LookupRequest::relativePath() const
{
    switch (target) {
    case Target::Topology:
        return QStringLiteral("topology");
    case Target::AuthenticationMe:
        return QStringLiteral("authentication/me");
    case Target::Variable:
        return QStringLiteral("variables/%1").arg(key.toString());
    case Target::ElementInstance:
        return QStringLiteral("element-instances/%1").arg(key.toString());
    case Target::ProcessInstance:
        return QStringLiteral("process-instances/%1").arg(key.toString());
    case Target::Incident:
        return QStringLiteral("incidents/%1").arg(key.toString());
    }
    return QString();
}

QString LookupRequest::validationError() const
{
    KeyKind kind = KeyKind::Variable;
    switch (target) {
    case Target::Topology:
    case Target::AuthenticationMe:
        return QString();
    case Target::Variable:
        kind = KeyKind::Variable;
        break;
    case Target::ElementInstance:
        kind = KeyKind::ElementInstance;
        break;
    case Target::ProcessInstance:
        kind = KeyKind::ProcessInstance;
        break;
    case Target::Incident:
        kind = KeyKind::Incident;
        break;
    }
    if (key.isValid())
        return QString();
    return QStringLiteral("Enter a valid %1: the key is missing or invalid.")
        .arg(JobKey::keyNoun(kind));
}

QList<ApiFeature> LookupRequest::features() const
{
    switch (target) {
    case Target::Topology:
        return {};
    case Target::AuthenticationMe:
        return {ApiFeature::AuthenticationMe};
    case Target::Variable:
        return {ApiFeature::VariableSearch};
    case Target::ElementInstance:
        return {ApiFeature::ElementInstanceGet};
    case Target::ProcessInstance:
        return {ApiFeature::ProcessInstanceGet};
    case Target::Incident:
        return {ApiFeature::IncidentSearch};
    }
    return {};
}

ApiRequest LookupRequest::toApiRequest() const
{
    const bool cluster = target == Target::Topology || target == Target::AuthenticationMe;
    return apiRequest(cluster ? ActionKind::Topology : ActionKind::Lookup, QByteArrayLiteral("GET"),
        relativePath(), QByteArray(), cluster ? QString() : key.toString(), features());
}

// -- batch operations

QString BatchOperationRequest::relativePath() const
{
    switch (kind) {
    case Kind::ResolveIncidents:
        return QStringLiteral("process-instances/incident-resolution");
    case Kind::Get:
        return QStringLiteral("batch-operations/%1").arg(batchOperationKey.trimmed());
    case Kind::Suspend:
        return QStringLiteral("batch-operations/%1/suspension").arg(batchOperationKey.trimmed());
    case Kind::Resume:
        return QStringLiteral("batch-operations/%1/resumption").arg(batchOperationKey.trimmed());
    case Kind::Cancel:
        return QStringLiteral("batch-operations/%1/cancellation").arg(batchOperationKey.trimmed());
    }
    return QString();
}

QByteArray BatchOperationRequest::method() const
{
    return kind == Kind::Get ? QByteArrayLiteral("GET") : QByteArrayLiteral("POST");
}

QByteArray BatchOperationRequest::body() const
{
    if (kind != Kind::ResolveIncidents)
        return QByteArray();
    QByteArray out("{");
    RequestText::member(out, u"filter", filter.json(SearchTarget::ProcessInstances));
    if (!operationReference.trimmed().isEmpty())
        RequestText::member(out, u"operationReference",
            QByteArray::number(
                RequestText::wholeNumber(operationReference, 1, RequestText::kInt64Max)
                    .value_or(0)));
    out += '}';
    return out;
}

QString BatchOperationRequest::validationError() const
{
    if (kind == Kind::ResolveIncidents) {
        if (filter.isEmpty())
            return QStringLiteral("A batch incident resolution needs a process instance filter: "
                                  "without one it would touch every instance.");
        if (!operationReference.trimmed().isEmpty()) {
            if (const QString error = RequestText::wholeNumberError(
                    u"operationReference", operationReference, 1, RequestText::kInt64Max);
                !error.isEmpty())
                return error;
        }
        return filter.validationError(SearchTarget::ProcessInstances);
    }
    if (!isBatchOperationKey(batchOperationKey.trimmed()))
        return QStringLiteral("Enter a valid batch operation key: digits, or the id Operate "
                              "showed; got \"%1\".")
            .arg(batchOperationKey);
    return QString();
}

QList<ApiFeature> BatchOperationRequest::features() const
{
    QList<ApiFeature> list {ApiFeature::BatchOperations};
    if (kind == Kind::ResolveIncidents) {
        for (const ApiFeature f : filter.features(SearchTarget::ProcessInstances)) {
            if (!list.contains(f))
                list.append(f);
        }
        if (!operationReference.trimmed().isEmpty())
            list.append(ApiFeature::OperationReference);
    }
    return list;
}

ApiRequest BatchOperationRequest::toApiRequest() const
{
    return apiRequest(kind == Kind::Get ? ActionKind::Lookup : ActionKind::BatchOperation, method(),
        relativePath(), body(),
        kind == Kind::ResolveIncidents ? QString() : batchOperationKey.trimmed(), features());
}

} // namespace JobDesk
