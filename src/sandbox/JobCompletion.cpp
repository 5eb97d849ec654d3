// SPDX-License-Identifier: GPL-3.0-or-later
// POST /v2/jobs/{jobKey}/completion: the gateway's checks, then JobCompleteProcessor's — the
// ad-hoc sub-process and task-listener rules with the engine's own texts — and the effects.
#include "sandbox/JobPreconditions.h"
#include "sandbox/RequestValidation.h"
#include "sandbox/RestGateway.h"

#include <QJsonArray>

namespace JobDesk::Sandbox {

using namespace Validation;
using namespace Problems;

namespace {

const QString Complete = QStringLiteral("COMPLETE");

/// The members the version's JobCompletionRequest has (built once per version).
const QStringList &completionMembers(const Cluster &cluster)
{
    static const QStringList v87 {QStringLiteral("variables")};
    static const QStringList v88 = v87 + QStringList {QStringLiteral("result")};
    static const QStringList v810
        = v88 + QStringList {QStringLiteral("leaseToken"), QStringLiteral("businessId")};
    if (cluster.atLeast(GatewayVersion::V8_10))
        return v810;
    return cluster.atLeast(GatewayVersion::V8_8) ? v88 : v87;
}

/// JobRequestValidator.validateJobCompletionRequest (8.10's businessId).
Failure businessIdProperty(const QJsonValue &value, const QString &instance)
{
    if (!isNullOr(value, &QJsonValue::isString))
        return unparsable(QStringLiteral("businessId"), instance);
    if (!value.isString())
        return std::nullopt;
    QStringList problems;
    if (value.toString().trimmed().isEmpty())
        problems.append(QStringLiteral("No businessId provided"));
    else if (value.toString().size() > 256)
        problems.append(QStringLiteral("The value for businessId is '%1' but must be at most 256 "
                                       "characters long")
                            .arg(value.toString()));
    return violations(problems, instance);
}

/// The ad-hoc sub-process checks, in JobCompleteProcessor's order: the elements exist (404),
/// the sub-process is still active (409), no activation with the completion condition
/// fulfilled (400).
Failure adHocChecks(
    const JobStore &store, const Job &job, const QJsonObject &result, const QString &instance)
{
    const JobExtra *extra = store.extra(job);
    QStringList elements;
    for (const QJsonValue &e : result.value(QLatin1String("activateElements")).toArray())
        elements.append(e.toObject().value(QLatin1String("elementId")).toString());
    QStringList unknown;
    for (const QString &id : elements) {
        if (!extra || !extra->adHocElements.contains(id))
            unknown.append(id);
    }
    if (!unknown.isEmpty()) {
        return rejection(Complete, QStringLiteral("NOT_FOUND"),
            QStringLiteral("Expected to activate activities for ad-hoc sub-process with key "
                           "'%1', but the given elements [%2] do not exist.")
                .arg(job.elementInstanceKey)
                .arg(unknown.join(QLatin1String(", "))),
            instance);
    }
    if (extra && !extra->adHocActive) {
        // A Java text block: two spaces in front, a line break at the end.
        return rejection(Complete, QStringLiteral("INVALID_STATE"),
            QStringLiteral("  Expected to complete ad-hoc sub-process job, but the ad-hoc "
                           "sub-process instance is not active %1\n")
                .arg(jobContext(store, job)),
            instance);
    }
    if (!elements.isEmpty()
        && result.value(QLatin1String("isCompletionConditionFulfilled")).toBool(false)) {
        return rejection(Complete, QStringLiteral("INVALID_ARGUMENT"),
            QStringLiteral("Expected to complete ad-hoc sub-process job, but the job result "
                           "contains elements to be activated while the completion condition "
                           "is fulfilled (job key '%1'). When the completion condition is "
                           "fulfilled, no further element activations are allowed. Either "
                           "remove the elements to be activated from the job result, or set "
                           "the completion condition to not fulfilled.\n")
                .arg(job.elementInstanceKey),
            instance);
    }
    return std::nullopt;
}

/// The task-listener checks: no variables, deny only where the event allows it, no
/// corrections with a denial.
Failure taskListenerChecks(const JobStore &store, const Job &job, bool hasVariables, bool denied,
    const QJsonObject &result, const QString &instance)
{
    const QString invalid = QStringLiteral("INVALID_ARGUMENT");
    if (hasVariables) {
        return rejection(Complete, invalid,
            QStringLiteral("Task Listener job completion with variables payload provided is not "
                           "yet supported %1. Support will be enabled with the resolution of "
                           "issue #23702.\n")
                .arg(jobContext(store, job)),
            instance);
    }
    const bool canDeny = job.listenerEventType == ListenerEventType::Assigning
        || job.listenerEventType == ListenerEventType::Completing
        || job.listenerEventType == ListenerEventType::Updating;
    if (denied && !canDeny) {
        return rejection(Complete, invalid,
            QStringLiteral("Denying result is not supported for '%1' task listener jobs %2. Only "
                           "the following listener event types support denying: [ASSIGNING, "
                           "COMPLETING, UPDATING].\n")
                .arg(listenerEventTypeName(job.listenerEventType), jobContext(store, job)),
            instance);
    }
    if (denied && hasCorrections(result)) {
        return rejection(Complete, invalid,
            QStringLiteral("Expected to complete task listener job with corrections, but the job "
                           "result is denied %1. The corrections would be reverted by the "
                           "denial. Either complete the job with corrections without setting "
                           "denied, or complete the job with a denied result but no "
                           "corrections.\n")
                .arg(jobContext(store, job)),
            instance);
    }
    return std::nullopt;
}

} // namespace

ApiResponse RestGateway::complete(const Call &call)
{
    CommandInput in;
    if (auto f = readCommand(QStringLiteral("jobKey"), call.params.at(0), call.body, false,
            completionMembers(*m_cluster), call.path, &in))
        return *f;
    std::vector<RawJson::Member> variables;
    if (auto f = variablesProperty(in, call.path, &variables))
        return *f;
    const QJsonValue resultValue = in.body.value(QLatin1String("result"));
    if (auto f = resultProperty(resultValue, call.path))
        return *f;
    const QJsonValue leaseToken = in.body.value(QLatin1String("leaseToken"));
    if (!isNullOr(leaseToken, &QJsonValue::isString))
        return unparsable(QStringLiteral("leaseToken"), call.path);
    const QJsonValue businessId = in.body.value(QLatin1String("businessId"));
    if (auto f = businessIdProperty(businessId, call.path))
        return *f;

    auto target = Preconditions::jobCommand(
        *m_cluster, in.key, Complete, QStringLiteral("complete"), leaseToken, call.path);
    if (target.failure)
        return *target.failure;
    Job &job = *target.job;
    JobStore &store = m_cluster->jobs();
    const QJsonObject result = resultValue.toObject();
    const bool userTaskResult
        = result.value(QLatin1String("type")).toString(QStringLiteral("userTask"))
        == QLatin1String("userTask");
    const bool denied = userTaskResult && result.value(QLatin1String("denied")).toBool(false);
    if (job.kind == JobKind::AdHocSubProcess) {
        if (auto f = adHocChecks(store, job, userTaskResult ? QJsonObject() : result, call.path))
            return *f;
    }
    if (job.kind == JobKind::TaskListener) {
        if (auto f = taskListenerChecks(store, job, !variables.empty(), denied, result, call.path))
            return *f;
    }
    if (auto f = authorize(job, Complete, call))
        return *f;

    m_cluster->touch(job);
    job.state = JobState::Completed;
    job.endTimeMs = m_cluster->now();
    job.deadlineMs = 0;
    if (job.extra)
        store.extra(job).leaseToken.clear();
    if (job.kind == JobKind::TaskListener) {
        JobExtra &extra = store.extra(job);
        extra.isDenied = denied;
        extra.deniedReason
            = denied ? result.value(QLatin1String("deniedReason")).toString() : QString();
    }
    if (job.kind == JobKind::AdHocSubProcess && !userTaskResult
        && result.value(QLatin1String("isCompletionConditionFulfilled")).toBool(false))
        store.extra(job).adHocActive = false;
    if (businessId.isString())
        store.extra(job).businessId = businessId.toString();
    // Merged from the job's element upwards (for an ad-hoc sub-process: into it).
    m_cluster->writeVariables(job, job.elementInstanceKey, variables, false);
    return ApiResponse::done();
}

} // namespace JobDesk::Sandbox
