// SPDX-License-Identifier: GPL-3.0-or-later
// Incident resolution (IncidentResolveProcessor) and variables set on a scope
// (VariableDocumentUpdateProcessor), the two steps of the documented incident recipe.
#include "sandbox/JobPreconditions.h"
#include "sandbox/RequestValidation.h"
#include "sandbox/RestGateway.h"

namespace JobDesk::Sandbox {

using namespace Validation;
using namespace Problems;

namespace {

/// Whether a job's element instance still exists in the engine (it is deleted once over).
bool elementActive(const JobStore &store, const Job &job)
{
    if (job.state == JobState::Canceled)
        return false;
    if (job.state != JobState::Completed
        && !(job.state == JobState::ErrorThrown && job.incidentKey == 0))
        return true;
    if (job.kind == JobKind::TaskListener)
        return true; // the user task stays
    const JobExtra *extra = store.extra(job);
    return job.kind == JobKind::AdHocSubProcess && (!extra || extra->adHocActive);
}

} // namespace

ApiResponse RestGateway::resolveIncident(const Call &call)
{
    CommandInput in;
    if (auto f = readCommand(QStringLiteral("incidentKey"), call.params.at(0), call.body, false,
            {QStringLiteral("operationReference")}, call.path, &in))
        return *f;
    const QJsonValue reference = in.body.value(QLatin1String("operationReference"));
    if (!reference.isUndefined() && !reference.isNull() && !isInteger(reference))
        return unparsable(QStringLiteral("operationReference"), call.path);
    if (!Preconditions::routable(m_cluster->jobs(), in.key))
        return unavailable(call.path);
    const QString command = QStringLiteral("RESOLVE");
    const Job *job = m_cluster->jobs().jobForIncident(in.key);
    if (job) {
        if (auto f = authorize(*job, command, call))
            return *f;
    }
    if (const auto refused = m_cluster->resolveIncident(in.key))
        return rejection(command, refused->code, refused->reason, call.path);
    return ApiResponse::done();
}

ApiResponse RestGateway::setVariables(const Call &call)
{
    CommandInput in;
    if (auto f
        = readCommand(QStringLiteral("elementInstanceKey"), call.params.at(0), call.body, true,
            {QStringLiteral("variables"), QStringLiteral("local"),
                QStringLiteral("operationReference")},
            call.path, &in))
        return *f;
    std::vector<RawJson::Member> variables;
    if (auto f = variablesProperty(in, call.path, &variables))
        return *f;
    if (!isNullOr(in.body.value(QLatin1String("local")), &QJsonValue::isBool))
        return unparsable(QStringLiteral("local"), call.path);
    const QJsonValue reference = in.body.value(QLatin1String("operationReference"));
    if (!reference.isUndefined() && !reference.isNull() && !isInteger(reference))
        return unparsable(QStringLiteral("operationReference"), call.path);
    if (variables.empty())
        return *violations({QStringLiteral("No variables provided")}, call.path);
    if (!Preconditions::routable(m_cluster->jobs(), in.key))
        return unavailable(call.path);

    const QString command = QStringLiteral("UPDATE");
    const JobStore &store = m_cluster->jobs();
    const auto scope = m_cluster->scope(in.key);
    bool exists = false;
    if (scope && scope->key != scope->job->processInstanceKey) {
        exists = elementActive(store, *scope->job);
    } else if (scope) {
        const auto jobs = store.jobsOfInstance(in.key);
        exists = std::any_of(
            jobs.begin(), jobs.end(), [&](const Job *job) { return elementActive(store, *job); });
    }
    if (!exists)
        return rejection(command, QStringLiteral("NOT_FOUND"),
            QStringLiteral("Expected to update variables for element with key '%1', but no such "
                           "element was found")
                .arg(in.key),
            call.path);
    if (auto f = authorize(*scope->job, command, call))
        return *f;
    m_cluster->writeVariables(
        *scope->job, in.key, variables, in.body.value(QLatin1String("local")).toBool(false));
    return ApiResponse::done();
}

} // namespace JobDesk::Sandbox
