// SPDX-License-Identifier: GPL-3.0-or-later
// The route table, the cluster and identity endpoints and the search-backed lookups.
#include "sandbox/RestGateway.h"

#include "sandbox/IncidentSearch.h"
#include "sandbox/InstanceViews.h"
#include "sandbox/RequestValidation.h"
#include "sandbox/VariableSearch.h"

#include <QJsonArray>

namespace JobDesk::Sandbox {

using namespace Validation;
using namespace Problems;

RestGateway::RestGateway(Cluster *cluster, BatchOperations *batches)
    : m_cluster(cluster)
    , m_batches(batches)
{
}

const std::vector<RestGateway::Route> &RestGateway::routes()
{
    using V = GatewayVersion;
    using G = RestGateway;
    // Each route with the version that added it (x-added-in-version of ../shared/camunda/v2).
    static const std::vector<Route> table {
        {"GET", "/v2/topology", V::V8_7, &G::topology},
        {"GET", "/v2/status", V::V8_8, &G::status},
        {"GET", "/v2/authentication/me", V::V8_8, &G::me},
        {"POST", "/v2/jobs/activation", V::V8_7, &G::activate},
        {"POST", "/v2/jobs/search", V::V8_8, &G::searchJobs},
        {"PATCH", "/v2/jobs/{jobKey}", V::V8_7, &G::update},
        {"POST", "/v2/jobs/{jobKey}/completion", V::V8_7, &G::complete},
        {"POST", "/v2/jobs/{jobKey}/failure", V::V8_7, &G::fail},
        {"POST", "/v2/jobs/{jobKey}/error", V::V8_7, &G::throwError},
        {"POST", "/v2/incidents/search", V::V8_7, &G::searchIncidents},
        {"GET", "/v2/incidents/{incidentKey}", V::V8_7, &G::incident},
        {"POST", "/v2/incidents/{incidentKey}/resolution", V::V8_7, &G::resolveIncident},
        {"POST", "/v2/variables/search", V::V8_8, &G::searchVariables},
        {"GET", "/v2/variables/{variableKey}", V::V8_8, &G::variable},
        {"GET", "/v2/element-instances/{elementInstanceKey}", V::V8_8, &G::elementInstance},
        {"PUT", "/v2/element-instances/{elementInstanceKey}/variables", V::V8_7, &G::setVariables},
        {"GET", "/v2/process-instances/{processInstanceKey}", V::V8_8, &G::processInstance},
        {"POST", "/v2/process-instances/incident-resolution", V::V8_8, &G::resolveIncidentsBatch},
        {"POST", "/v2/process-instances/{processInstanceKey}/incident-resolution", V::V8_9,
            &G::resolveInstanceIncidents},
        {"GET", "/v2/batch-operations/{batchOperationKey}", V::V8_8, &G::batchOperation},
        {"POST", "/v2/batch-operations/{batchOperationKey}/suspension", V::V8_8, &G::suspendBatch},
        {"POST", "/v2/batch-operations/{batchOperationKey}/resumption", V::V8_8, &G::resumeBatch},
        {"POST", "/v2/batch-operations/{batchOperationKey}/cancellation", V::V8_8, &G::cancelBatch},
        {"POST", "/v2/batch-operation-items/search", V::V8_8, &G::searchBatchItems},
    };
    return table;
}

namespace {

/// The route table's patterns cut into segments, once ({…} segments are parameters).
const std::vector<QStringList> &patternSegments(const std::vector<RestGateway::RouteInfo> &routes)
{
    static const std::vector<QStringList> segments = [&]() {
        std::vector<QStringList> out;
        for (const auto &route : routes)
            out.push_back(QString::fromLatin1(route.pattern).split(QLatin1Char('/')));
        return out;
    }();
    return segments;
}

/// Matches the path's segments against a pattern's; counts the literal segments that matched.
bool matchPattern(const QStringList &pattern, const QList<QStringView> &parts, int *literals)
{
    if (pattern.size() != parts.size())
        return false;
    *literals = 0;
    for (int i = 0; i < pattern.size(); ++i) {
        if (pattern.at(i).startsWith(QLatin1Char('{'))) {
            if (parts.at(i).isEmpty())
                return false;
        } else if (pattern.at(i) != parts.at(i)) {
            return false;
        } else {
            ++*literals;
        }
    }
    return true;
}

} // namespace

ApiResponse RestGateway::handle(Call call)
{
    // Views, not copies: this runs for every request of a benchmark.
    const QList<QStringView> parts = QStringView(call.path).split(u'/');
    const auto &table = routes();
    const auto &segments = patternSegments(table);
    std::size_t best = table.size();
    int bestLiterals = -1;
    QStringList allowed;
    for (std::size_t r = 0; r < table.size(); ++r) {
        const Route &route = table.at(r);
        int literals = 0;
        if (m_cluster->version() < route.since || !matchPattern(segments.at(r), parts, &literals))
            continue;
        if (call.method != route.method) {
            allowed.append(QLatin1String(route.method));
            continue;
        }
        if (literals > bestLiterals) {
            best = r;
            bestLiterals = literals;
        }
    }
    if (best < table.size()) {
        const QStringList &pattern = segments.at(best);
        for (int i = 0; i < pattern.size(); ++i) {
            if (pattern.at(i).startsWith(QLatin1Char('{')))
                call.params.append(parts.at(i).toString());
        }
        return (this->*table.at(best).handler)(call);
    }
    if (!allowed.isEmpty()) {
        // Spring: the path is known, the method is not.
        ApiResponse r = ApiResponse::problem(405, QStringLiteral("Method Not Allowed"),
            QStringLiteral("Method '%1' is not supported.").arg(QString::fromLatin1(call.method)),
            call.path);
        r.headers.append(
            {QByteArrayLiteral("Allow"), allowed.join(QLatin1String(", ")).toLatin1()});
        return r;
    }
    return ApiResponse::problem(404, QStringLiteral("Not Found"),
        QStringLiteral("No static resource %1.").arg(call.path.mid(1)), call.path);
}

std::optional<RestGateway::Subject> RestGateway::subjectOf(
    const QByteArray &method, const QString &path)
{
    const QList<QStringView> parts = QStringView(path).split(u'/');
    if (parts.size() < 4 || parts.at(1) != u"v2")
        return std::nullopt;
    const QStringView resource = parts.at(2);
    const QStringView last = parts.last();
    const auto subject = [&](const char *action, QStringView key) {
        return Subject {QLatin1String(action), key.toString()};
    };
    if (resource == u"jobs" && parts.size() == 4 && method == "PATCH")
        return subject("update", parts.at(3));
    if (resource == u"jobs" && parts.size() == 5 && method == "POST") {
        if (last == u"completion")
            return subject("complete", parts.at(3));
        if (last == u"failure")
            return subject("fail", parts.at(3));
        if (last == u"error")
            return subject("error", parts.at(3));
    }
    if (resource == u"incidents" && parts.size() == 5 && method == "POST" && last == u"resolution")
        return subject("resolve-incident", parts.at(3));
    if (resource == u"element-instances" && parts.size() == 5 && method == "PUT"
        && last == u"variables")
        return subject("set-variables", parts.at(3));
    if (resource == u"process-instances" && method == "POST" && last == u"incident-resolution")
        return subject("batch-operation", parts.size() == 5 ? parts.at(3) : QStringView(u"*"));
    if (resource == u"batch-operations" && parts.size() == 5 && method == "POST")
        return subject("batch-operation", parts.at(3));
    return std::nullopt;
}

std::optional<ApiResponse> RestGateway::authorize(
    const Job &job, const QString &command, const Call &call)
{
    if (job.forbidden || (m_forbiddenDice && m_forbiddenDice()))
        return forbidden(command, m_cluster->jobs().string(job.processDefinitionId), call.path);
    return std::nullopt;
}

ApiResponse RestGateway::topology(const Call &)
{
    const QString version = gatewayVersionString(m_cluster->version());
    const int partitionCount = m_cluster->jobs().partitionCount();
    QJsonArray partitions;
    for (int p = 1; p <= partitionCount; ++p) {
        partitions.append(QJsonObject {{QStringLiteral("partitionId"), p},
            {QStringLiteral("role"), QStringLiteral("leader")},
            {QStringLiteral("health"), QStringLiteral("healthy")}});
    }
    const QJsonObject broker {{QStringLiteral("nodeId"), 0},
        {QStringLiteral("host"), QStringLiteral("jobdesk-sandbox")},
        {QStringLiteral("port"), 26501}, {QStringLiteral("partitions"), partitions},
        {QStringLiteral("version"), version}};
    return ApiResponse::json(200,
        QJsonObject {{QStringLiteral("brokers"), QJsonArray {broker}},
            {QStringLiteral("clusterId"), QJsonValue()}, {QStringLiteral("clusterSize"), 1},
            {QStringLiteral("partitionsCount"), partitionCount},
            {QStringLiteral("replicationFactor"), 1}, {QStringLiteral("gatewayVersion"), version},
            {QStringLiteral("lastCompletedChangeId"), QStringLiteral("-1")}});
}

ApiResponse RestGateway::status(const Call &)
{
    return ApiResponse::noContent();
}

ApiResponse RestGateway::me(const Call &call)
{
    // An unprotected API authenticates nobody: the gateway answers 401 without a body.
    if (call.user.isEmpty())
        return ApiResponse {401, QByteArray(), QByteArray(), {}, false};
    const bool v89 = m_cluster->atLeast(GatewayVersion::V8_9);
    const QJsonObject tenant {{QStringLiteral("tenantId"), QStringLiteral("<default>")},
        {QStringLiteral("name"), QStringLiteral("Default")},
        {QStringLiteral("description"), QJsonValue()}};
    return ApiResponse::json(200,
        QJsonObject {{QStringLiteral("username"), call.user},
            {QStringLiteral("displayName"), call.client ? call.user : QStringLiteral("Demo User")},
            {QStringLiteral("email"),
                call.client ? QJsonValue() : QJsonValue(QStringLiteral("demo@example.org"))},
            {QStringLiteral("authorizedComponents"), QJsonArray {QStringLiteral("*")}},
            {QStringLiteral("tenants"), QJsonArray {tenant}},
            {QStringLiteral("groups"), QJsonArray()},
            {QStringLiteral("roles"),
                call.client ? QJsonArray() : QJsonArray {QStringLiteral("admin")}},
            {QStringLiteral("salesPlanType"), v89 ? QJsonValue() : QJsonValue(QString())},
            {QStringLiteral("c8Links"), QJsonObject()},
            {QStringLiteral("canLogout"), !call.client}});
}

namespace {

/// A search endpoint: the body parsed (none is {}), the search run, its 400 or its 200.
ApiResponse searchResponse(
    const Call &call, const std::function<SearchResult(const QJsonObject &)> &search)
{
    QJsonObject query;
    if (auto f = parseBody(call.body, false, call.path, &query))
        return *f;
    const SearchResult result = search(query);
    if (!result.ok())
        return ApiResponse::problem(400, result.error->title, result.error->detail, call.path);
    return ApiResponse::json(200, result.body);
}

} // namespace

ApiResponse RestGateway::searchJobs(const Call &call)
{
    return searchResponse(
        call, [this](const QJsonObject &query) { return Sandbox::searchJobs(*m_cluster, query); });
}

ApiResponse RestGateway::searchIncidents(const Call &call)
{
    return searchResponse(call,
        [this](const QJsonObject &query) { return Sandbox::searchIncidents(*m_cluster, query); });
}

ApiResponse RestGateway::searchVariables(const Call &call)
{
    const QString truncate = call.query.queryItemValue(QStringLiteral("truncateValues"));
    if (!truncate.isEmpty() && truncate != QLatin1String("true")
        && truncate != QLatin1String("false"))
        return conversionFailure(QStringLiteral("truncateValues"), truncate, call.path);
    return searchResponse(call, [&](const QJsonObject &query) {
        return Sandbox::searchVariables(*m_cluster, query, truncate != QLatin1String("false"));
    });
}

ApiResponse RestGateway::incident(const Call &call)
{
    const auto key = parseKey(call.params.at(0));
    if (!key)
        return conversionFailure(QStringLiteral("incidentKey"), call.params.at(0), call.path);
    const auto found = m_cluster->visibleIncident(*key);
    if (!found)
        return notFound(QStringLiteral("Incident"), QString::number(*key), call.path);
    return ApiResponse::json(200, incidentToJson(*m_cluster, *found));
}

ApiResponse RestGateway::variable(const Call &call)
{
    const auto key = parseKey(call.params.at(0));
    if (!key)
        return conversionFailure(QStringLiteral("variableKey"), call.params.at(0), call.path);
    const auto found = m_cluster->visibleVariable(*key);
    if (!found)
        return notFound(QStringLiteral("Variable"), QString::number(*key), call.path);
    return ApiResponse::json(200, variableToJson(*m_cluster, *found));
}

ApiResponse RestGateway::elementInstance(const Call &call)
{
    const auto key = parseKey(call.params.at(0));
    if (!key)
        return conversionFailure(
            QStringLiteral("elementInstanceKey"), call.params.at(0), call.path);
    const JobStore &store = m_cluster->jobs();
    if (const Job *job = store.jobOfElementInstance(*key)) {
        const JobRef ref = m_cluster->visible(*job);
        if (ref.job)
            return ApiResponse::json(200, InstanceViews::elementInstance(*m_cluster, ref));
    }
    std::vector<JobRef> jobs;
    for (const Job *job : store.jobsOfInstance(*key)) {
        if (const JobRef ref = m_cluster->visible(*job); ref.job)
            jobs.push_back(ref);
    }
    if (jobs.empty())
        return notFound(QStringLiteral("Element instance"), QString::number(*key), call.path);
    return ApiResponse::json(200, InstanceViews::processAsElement(*m_cluster, jobs));
}

ApiResponse RestGateway::processInstance(const Call &call)
{
    const auto key = parseKey(call.params.at(0));
    if (!key)
        return conversionFailure(
            QStringLiteral("processInstanceKey"), call.params.at(0), call.path);
    std::vector<JobRef> jobs;
    for (const Job *job : m_cluster->jobs().jobsOfInstance(*key)) {
        if (const JobRef ref = m_cluster->visible(*job); ref.job)
            jobs.push_back(ref);
    }
    if (jobs.empty())
        return notFound(QStringLiteral("Process instance"), QString::number(*key), call.path);
    return ApiResponse::json(200, InstanceViews::processInstance(*m_cluster, jobs));
}

} // namespace JobDesk::Sandbox
