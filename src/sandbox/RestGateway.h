// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/ApiResponse.h"
#include "sandbox/Cluster.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <vector>

namespace JobDesk::Sandbox {

class BatchOperations;

/// One request as the gateway's handlers see it.
struct Call
{
    QByteArray method;
    QString path; ///< also the problem's `instance`
    QStringList params; ///< the path's {…} values, in order
    QByteArray body;
    QUrlQuery query;
    QString user; ///< who authenticated (empty: the API is unprotected)
    bool client = false; ///< authenticated as an OAuth client (machine to machine)
};

/// The Camunda REST API (/v2) over a Cluster, without any HTTP transport: given method, path,
/// query and body, returns what the real gateway of the cluster's version answers. The routes
/// and the version that added each are one table (from the spec's x-added-in-version); a route
/// the version lacks answers as Spring does (404 No static resource, or 405 when another route
/// matches the path). Request checks and rejection texts follow the real server (see
/// ../shared/camunda/problem-examples.json and Zeebe's processors).
class RestGateway final
{
public:
    RestGateway(Cluster *cluster, BatchOperations *batches);
    Q_DISABLE_COPY_MOVE(RestGateway)

    ApiResponse handle(Call call);

    /// Consulted when a command passed the engine's own checks: true answers 403 FORBIDDEN
    /// (--forbidden-rate). Jobs marked `forbidden` in the data always get the 403.
    void setForbiddenDice(std::function<bool()> dice) { m_forbiddenDice = std::move(dice); }

    /// Whether `path` and `method` name a command that changes state, and on which key
    /// (job, incident, element instance, process instance, batch operation): for the record.
    struct Subject
    {
        QString action; ///< complete, fail, error, update, resolve-incident, set-variables, …
        QString key;
    };
    static std::optional<Subject> subjectOf(const QByteArray &method, const QString &path);

    using Handler = ApiResponse (RestGateway::*)(const Call &);
    /// One row of the route table.
    struct RouteInfo
    {
        const char *method;
        const char *pattern;
        GatewayVersion since;
        Handler handler;
    };

private:
    using Route = RouteInfo;
    static const std::vector<Route> &routes();

    // RestGateway.cpp: cluster, identity and the search-backed lookups
    ApiResponse topology(const Call &call);
    ApiResponse status(const Call &call);
    ApiResponse me(const Call &call);
    ApiResponse searchJobs(const Call &call);
    ApiResponse searchIncidents(const Call &call);
    ApiResponse incident(const Call &call);
    ApiResponse searchVariables(const Call &call);
    ApiResponse variable(const Call &call);
    ApiResponse elementInstance(const Call &call);
    ApiResponse processInstance(const Call &call);
    // JobCompletion.cpp
    ApiResponse complete(const Call &call);
    // JobCommands.cpp
    ApiResponse fail(const Call &call);
    ApiResponse throwError(const Call &call);
    ApiResponse update(const Call &call);
    ApiResponse activate(const Call &call);
    // IncidentCommands.cpp
    ApiResponse resolveIncident(const Call &call);
    ApiResponse setVariables(const Call &call);
    ApiResponse resolveInstanceIncidents(const Call &call);
    ApiResponse resolveIncidentsBatch(const Call &call);
    // BatchApi.cpp
    ApiResponse batchOperation(const Call &call);
    ApiResponse suspendBatch(const Call &call);
    ApiResponse resumeBatch(const Call &call);
    ApiResponse cancelBatch(const Call &call);
    ApiResponse searchBatchItems(const Call &call);

    /// The 403 for a command on `job`, when the caller may not change its process.
    std::optional<ApiResponse> authorize(const Job &job, const QString &command, const Call &call);

    Cluster *m_cluster;
    BatchOperations *m_batches;
    std::function<bool()> m_forbiddenDice;
};

} // namespace JobDesk::Sandbox
