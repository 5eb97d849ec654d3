// SPDX-License-Identifier: GPL-3.0-or-later
// The job commands besides completion: fail (JobFailProcessor), throw an error
// (JobThrowErrorProcessor), update (JobUpdateProcessor): the gateway's checks first, then the
// engine's preconditions and effects.
#include "sandbox/JobPreconditions.h"
#include "sandbox/RequestValidation.h"
#include "sandbox/RestGateway.h"

namespace JobDesk::Sandbox {

using namespace Validation;
using namespace Problems;

namespace {

/// The members a job command's request has in this version (8.10 adds leaseToken to each).
QStringList members(const Cluster &cluster, QStringList list)
{
    if (cluster.atLeast(GatewayVersion::V8_10))
        list.append(QStringLiteral("leaseToken"));
    return list;
}

Failure optionalInteger(
    const QJsonObject &body, const QString &name, const QString &path, const QString &instance)
{
    const QJsonValue v = body.value(name);
    if (!v.isUndefined() && !v.isNull() && !isInteger(v))
        return unparsable(path, instance);
    return std::nullopt;
}

Failure leaseTokenProperty(const QJsonObject &body, const QString &instance)
{
    if (!isNullOr(body.value(QLatin1String("leaseToken")), &QJsonValue::isString))
        return unparsable(QStringLiteral("leaseToken"), instance);
    return std::nullopt;
}

} // namespace

ApiResponse RestGateway::fail(const Call &call)
{
    CommandInput in;
    if (auto f = readCommand(QStringLiteral("jobKey"), call.params.at(0), call.body, false,
            members(*m_cluster,
                {QStringLiteral("retries"), QStringLiteral("errorMessage"),
                    QStringLiteral("retryBackOff"), QStringLiteral("variables")}),
            call.path, &in))
        return *f;
    std::vector<RawJson::Member> variables;
    if (auto f = variablesProperty(in, call.path, &variables))
        return *f;
    for (const QString &number : {QStringLiteral("retries"), QStringLiteral("retryBackOff")}) {
        if (auto f = optionalInteger(in.body, number, number, call.path))
            return *f;
    }
    if (!isNullOr(in.body.value(QLatin1String("errorMessage")), &QJsonValue::isString))
        return unparsable(QStringLiteral("errorMessage"), call.path);
    if (auto f = leaseTokenProperty(in.body, call.path))
        return *f;

    const QString command = QStringLiteral("FAIL");
    auto target = Preconditions::jobCommand(*m_cluster, in.key, command, QStringLiteral("fail"),
        in.body.value(QLatin1String("leaseToken")), call.path);
    if (target.failure)
        return *target.failure;
    Job &job = *target.job;
    if (auto f = authorize(job, command, call))
        return *f;

    const qint64 nowMs = m_cluster->now();
    m_cluster->touch(job);
    JobExtra &extra = m_cluster->jobs().extra(job);
    job.retries = in.body.value(QLatin1String("retries")).toInt(0);
    job.state = JobState::Failed;
    job.deadlineMs = 0;
    extra.errorMessage = in.body.value(QLatin1String("errorMessage")).toString();
    extra.leaseToken.clear();
    const qint64 backOff = qint64(in.body.value(QLatin1String("retryBackOff")).toDouble(0));
    // The variables become local variables of the job's element instance.
    m_cluster->writeVariables(job, job.elementInstanceKey, variables, true);
    if (job.retries <= 0) {
        job.hasFailedWithRetriesLeft = false;
        m_cluster->raiseIncident(job);
    } else {
        job.hasFailedWithRetriesLeft = true;
        extra.backoffUntilMs = backOff > 0 ? nowMs + backOff : 0;
    }
    return ApiResponse::done();
}

ApiResponse RestGateway::throwError(const Call &call)
{
    CommandInput in;
    if (auto f = readCommand(QStringLiteral("jobKey"), call.params.at(0), call.body, true,
            members(*m_cluster,
                {QStringLiteral("errorCode"), QStringLiteral("errorMessage"),
                    QStringLiteral("variables")}),
            call.path, &in))
        return *f;
    std::vector<RawJson::Member> variables;
    if (auto f = variablesProperty(in, call.path, &variables))
        return *f;
    const QJsonValue code = in.body.value(QLatin1String("errorCode"));
    if (!isNullOr(code, &QJsonValue::isString))
        return unparsable(QStringLiteral("errorCode"), call.path);
    if (!isNullOr(in.body.value(QLatin1String("errorMessage")), &QJsonValue::isString))
        return unparsable(QStringLiteral("errorMessage"), call.path);
    if (auto f = leaseTokenProperty(in.body, call.path))
        return *f;
    if (code.toString().trimmed().isEmpty())
        return *violations({QStringLiteral("No errorCode provided")}, call.path);

    const QString command = QStringLiteral("THROW_ERROR");
    auto target = Preconditions::jobCommand(*m_cluster, in.key, command,
        QStringLiteral("throw an error for"), in.body.value(QLatin1String("leaseToken")),
        call.path);
    if (target.failure)
        return *target.failure;
    Job &job = *target.job;
    if (auto f = authorize(job, command, call))
        return *f;

    m_cluster->touch(job);
    JobExtra &extra = m_cluster->jobs().extra(job);
    job.state = JobState::ErrorThrown;
    job.deadlineMs = 0;
    extra.errorCode = code.toString();
    extra.errorMessage = in.body.value(QLatin1String("errorMessage")).toString();
    extra.leaseToken.clear();
    if (extra.catchErrorCodes.contains(extra.errorCode)
        || extra.catchErrorCodes.contains(QStringLiteral("*"))) {
        // A boundary event catches it: the task is over, its variables go to the instance.
        job.endTimeMs = m_cluster->now();
        m_cluster->writeVariables(job, job.processInstanceKey, variables, false);
        return ApiResponse::done();
    }
    // Nothing catches it: an incident. The variables stay with the task.
    m_cluster->writeVariables(job, job.elementInstanceKey, variables, true);
    m_cluster->raiseIncident(job);
    return ApiResponse::done();
}

ApiResponse RestGateway::update(const Call &call)
{
    CommandInput in;
    if (auto f = readCommand(QStringLiteral("jobKey"), call.params.at(0), call.body, true,
            members(
                *m_cluster, {QStringLiteral("changeset"), QStringLiteral("operationReference")}),
            call.path, &in))
        return *f;
    const bool v810 = m_cluster->atLeast(GatewayVersion::V8_10);
    const QJsonValue changesetValue = in.body.value(QLatin1String("changeset"));
    if (!isNullOr(changesetValue, &QJsonValue::isObject))
        return unparsable(QStringLiteral("changeset"), call.path);
    const QJsonObject changeset = changesetValue.toObject();
    QStringList changeable {QStringLiteral("retries"), QStringLiteral("timeout")};
    if (v810)
        changeable.append(QStringLiteral("priority"));
    if (auto f = onlyProperties(changeset, changeable, QStringLiteral("changeset."), call.path))
        return *f;
    for (const QString &name : changeable) {
        if (auto f
            = optionalInteger(changeset, name, QStringLiteral("changeset.") + name, call.path))
            return *f;
    }
    if (auto f = optionalInteger(in.body, QStringLiteral("operationReference"),
            QStringLiteral("operationReference"), call.path))
        return *f;
    if (auto f = leaseTokenProperty(in.body, call.path))
        return *f;
    const QJsonValue retries = changeset.value(QLatin1String("retries"));
    const QJsonValue timeout = changeset.value(QLatin1String("timeout"));
    const QJsonValue priority = changeset.value(QLatin1String("priority"));
    if (!retries.isDouble() && !timeout.isDouble() && !priority.isDouble())
        return *violations({QStringLiteral("At least one of [%1] is required")
                                   .arg(changeable.join(QLatin1String(", ")))},
            call.path);

    if (priority.isDouble() && (priority.toInt() < 0 || priority.toInt() > 100))
        return *violations({QStringLiteral("The value for priority is '%1' but must be within the "
                                           "[0,100] range")
                                   .arg(priority.toInt())},
            call.path);

    const QString command = QStringLiteral("UPDATE");
    if (!Preconditions::routable(m_cluster->jobs(), in.key))
        return unavailable(call.path);
    Job *job = m_cluster->jobs().find(in.key);
    const qint64 nowMs = m_cluster->now();
    if (!job || m_cluster->jobs().engineState(*job, nowMs) == EngineState::NotFound)
        return rejection(command, QStringLiteral("NOT_FOUND"),
            QStringLiteral("Expected to update job with key '%1', but no such job was found")
                .arg(in.key),
            call.path);
    if (auto f = Preconditions::lease(*m_cluster, *job, command,
            in.body.value(QLatin1String("leaseToken")), false, call.path))
        return *f;
    QStringList errors;
    if (retries.isDouble() && retries.toInt() < 1)
        errors.append(QStringLiteral("Expected to update retries for job with key '%1' with a "
                                     "positive amount of retries, but the amount given was '%2'")
                          .arg(in.key)
                          .arg(retries.toInt()));
    if (timeout.isDouble() && m_cluster->jobs().engineState(*job, nowMs) != EngineState::Activated)
        errors.append(QStringLiteral("Expected to update the timeout of job with key '%1', but it "
                                     "is not active")
                          .arg(in.key));
    if (!errors.isEmpty())
        return rejection(command, QStringLiteral("INVALID_ARGUMENT"),
            errors.join(QLatin1String(", ")), call.path);
    if (auto f = authorize(*job, command, call))
        return *f;

    m_cluster->touch(*job);
    if (retries.isDouble()) {
        job->retries = retries.toInt();
        job->state = JobState::RetriesUpdated;
    }
    if (timeout.isDouble()) {
        job->deadlineMs = nowMs + qint64(timeout.toDouble());
        if (v810)
            job->state = JobState::TimeoutUpdated;
    }
    if (priority.isDouble()) {
        job->priority = quint8(priority.toInt());
        job->state = JobState::PriorityUpdated;
    }
    return ApiResponse::done();
}

} // namespace JobDesk::Sandbox
