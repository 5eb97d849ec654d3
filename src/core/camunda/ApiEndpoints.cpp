// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/ApiEndpoints.h"

#include <QStringList>

namespace JobDesk {

namespace {

QList<ApiEndpoint> makeEndpoints()
{
    // Permissions from the spec's x-required-permissions (shared/camunda/v2, same in 8.8/8.9).
    const QList<ApiPermission> update {
        {QStringLiteral("PROCESS_DEFINITION"), QStringLiteral("UPDATE_PROCESS_INSTANCE")}};
    const QList<ApiPermission> read {
        {QStringLiteral("PROCESS_DEFINITION"), QStringLiteral("READ_PROCESS_INSTANCE")}};
    const QList<ApiPermission> batchRead {{QStringLiteral("BATCH"), QStringLiteral("READ")}};
    const QList<ApiPermission> batchUpdate {{QStringLiteral("BATCH"), QStringLiteral("UPDATE")}};
    const QList<ApiPermission> batchResolve {{QStringLiteral("BATCH"), QStringLiteral("CREATE")},
        {QStringLiteral("BATCH"), QStringLiteral("CREATE_BATCH_OPERATION_RESOLVE_INCIDENT")}};
    const QString job = QStringLiteral("job");
    return {
        {"POST", QStringLiteral("jobs/{}/completion"), ActionKind::Complete, job,
            QStringLiteral("completing a job"), update},
        {"PATCH", QStringLiteral("jobs/{}"), ActionKind::Update, job,
            QStringLiteral("updating a job"), update},
        {"POST", QStringLiteral("jobs/{}/failure"), ActionKind::Fail, job,
            QStringLiteral("failing a job"), update},
        {"POST", QStringLiteral("jobs/{}/error"), ActionKind::ThrowError, job,
            QStringLiteral("throwing an error for a job"), update},
        {"POST", QStringLiteral("jobs/activation"), ActionKind::Lookup, QString(),
            QStringLiteral("activating jobs"), update},
        {"POST", QStringLiteral("incidents/{}/resolution"), ActionKind::ResolveIncident,
            QStringLiteral("incident"), QStringLiteral("resolving an incident"), update},
        {"POST", QStringLiteral("process-instances/{}/incident-resolution"),
            ActionKind::ResolveIncident, QStringLiteral("process instance"),
            QStringLiteral("resolving the incidents of a process instance"), update},
        {"PUT", QStringLiteral("element-instances/{}/variables"), ActionKind::SetVariables,
            QStringLiteral("element instance"), QStringLiteral("setting variables"), update},
        {"POST", QStringLiteral("jobs/search"), ActionKind::Lookup, job,
            QStringLiteral("searching jobs"), read},
        {"POST", QStringLiteral("incidents/search"), ActionKind::Lookup, QStringLiteral("incident"),
            QStringLiteral("searching incidents"), read},
        {"GET", QStringLiteral("incidents/{}"), ActionKind::Lookup, QStringLiteral("incident"),
            QStringLiteral("reading an incident"), read},
        {"POST", QStringLiteral("variables/search"), ActionKind::Lookup, QStringLiteral("variable"),
            QStringLiteral("searching variables"), read},
        {"GET", QStringLiteral("variables/{}"), ActionKind::Lookup, QStringLiteral("variable"),
            QStringLiteral("reading a variable"), read},
        {"GET", QStringLiteral("element-instances/{}"), ActionKind::Lookup,
            QStringLiteral("element instance"), QStringLiteral("reading an element instance"),
            read},
        {"POST", QStringLiteral("process-instances/search"), ActionKind::Lookup,
            QStringLiteral("process instance"), QStringLiteral("searching process instances"),
            read},
        {"GET", QStringLiteral("process-instances/{}"), ActionKind::Lookup,
            QStringLiteral("process instance"), QStringLiteral("reading a process instance"), read},
        {"POST", QStringLiteral("process-instances/incident-resolution"),
            ActionKind::BatchOperation, QString(),
            QStringLiteral("starting a batch incident resolution"), batchResolve},
        {"GET", QStringLiteral("batch-operations/{}"), ActionKind::Lookup,
            QStringLiteral("batch operation"), QStringLiteral("reading a batch operation"),
            batchRead},
        {"POST", QStringLiteral("batch-operation-items/search"), ActionKind::Lookup,
            QStringLiteral("batch operation"), QStringLiteral("searching batch operation items"),
            batchRead},
        {"POST", QStringLiteral("batch-operations/{}/suspension"), ActionKind::BatchOperation,
            QStringLiteral("batch operation"), QStringLiteral("suspending a batch operation"),
            batchUpdate},
        {"POST", QStringLiteral("batch-operations/{}/resumption"), ActionKind::BatchOperation,
            QStringLiteral("batch operation"), QStringLiteral("resuming a batch operation"),
            batchUpdate},
        {"POST", QStringLiteral("batch-operations/{}/cancellation"), ActionKind::BatchOperation,
            QStringLiteral("batch operation"), QStringLiteral("cancelling a batch operation"),
            batchUpdate},
        {"GET", QStringLiteral("topology"), ActionKind::Topology, QString(),
            QStringLiteral("reading the topology"), {}},
        {"GET", QStringLiteral("authentication/me"), ActionKind::Topology, QString(),
            QStringLiteral("reading who you are"), {}},
    };
}

/// The part of a path after the API root: "jobs/1/completion".
QStringView relativePart(QStringView path)
{
    const qsizetype query = path.indexOf(u'?');
    if (query >= 0)
        path = path.left(query);
    const qsizetype root = path.lastIndexOf(u"/v2/");
    if (root >= 0)
        return path.mid(root + 4);
    while (path.startsWith(u'/'))
        path = path.mid(1);
    return path;
}

bool matches(QStringView pattern, QStringView path)
{
    const QList<QStringView> want = pattern.split(u'/');
    const QList<QStringView> have = path.split(u'/');
    if (want.size() != have.size())
        return false;
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (want[i] == u"{}" ? have[i].isEmpty() : want[i] != have[i])
            return false;
    }
    return true;
}

} // namespace

QString ApiEndpoint::permissionText() const
{
    QStringList texts;
    for (const ApiPermission &p : permissions)
        texts.append(p.text());
    return texts.join(QStringLiteral(" or "));
}

const QList<ApiEndpoint> &apiEndpoints()
{
    static const QList<ApiEndpoint> endpoints = makeEndpoints();
    return endpoints;
}

const ApiEndpoint *findApiEndpoint(const QByteArray &method, QStringView path)
{
    const QStringView relative = relativePart(path);
    for (const ApiEndpoint &endpoint : apiEndpoints()) {
        // Literal paths ("jobs/search") come before the keyed ones they would also match.
        if (endpoint.method == method && !endpoint.pathPattern.contains(QLatin1String("{}"))
            && endpoint.pathPattern == relative)
            return &endpoint;
    }
    for (const ApiEndpoint &endpoint : apiEndpoints()) {
        if (endpoint.method == method && matches(endpoint.pathPattern, relative))
            return &endpoint;
    }
    return nullptr;
}

} // namespace JobDesk
