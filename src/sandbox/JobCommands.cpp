// SPDX-License-Identifier: GPL-3.0-or-later
// The job commands of JobsApi (complete, fail, throw error, update) and incident resolution:
// request validation first (as the gateway does), then the engine's preconditions and effects.
#include "sandbox/JobsApi.h"
#include "sandbox/RequestValidation.h"

#include <QJsonArray>

namespace JobDesk::Sandbox {

using namespace Validation;

namespace {

/// The job a command targets, or the answer that refuses the command.
struct Target
{
    Job *job = nullptr;
    Failure failure;
};

ApiResponse unavailable(const QString &instance)
{
    return ApiResponse::problem(503, QStringLiteral("UNAVAILABLE"),
        QStringLiteral("Expected to handle request, but request could not "
                       "be delivered"),
        instance);
}

/// Partition routing as the gateway does it: a key whose partition does not exist cannot be
/// delivered (503 UNAVAILABLE, see camunda/camunda#54092).
bool routable(const JobStore &store, qint64 key)
{
    const qint64 partition = key >> JobStore::PartitionShift;
    return key > 0 && partition >= 1 && partition <= store.partitionCount();
}

/// JobCommandPreconditionChecker: the job must exist and be ACTIVATABLE or ACTIVATED.
Target target(JobStore &store, qint64 key, qint64 nowMs, const QString &command,
    const QString &verb, const QString &instance)
{
    Target t;
    if (!routable(store, key)) {
        t.failure = unavailable(instance);
        return t;
    }
    Job *job = store.find(key);
    const EngineState state = job ? store.engineState(*job, nowMs) : EngineState::NotFound;
    if (state == EngineState::NotFound) {
        t.failure = rejection(command, QStringLiteral("NOT_FOUND"),
            QStringLiteral("Expected to %1 job with key '%2', but no such job was found")
                .arg(verb)
                .arg(key),
            instance);
    } else if (state == EngineState::Failed || state == EngineState::ErrorThrown) {
        t.failure = rejection(command, QStringLiteral("INVALID_STATE"),
            QStringLiteral("Expected to %1 job with key '%2', but it is in state '%3'")
                .arg(verb)
                .arg(key)
                .arg(state == EngineState::Failed ? QStringLiteral("FAILED")
                                                  : QStringLiteral("ERROR_THROWN")),
            instance);
    } else {
        t.job = job;
    }
    return t;
}

} // namespace

ApiResponse JobsApi::complete(
    const QString &keyText, const QString &instance, const QByteArray &body)
{
    const auto key = parseKey(keyText);
    if (!key)
        return conversionFailure(QStringLiteral("jobKey"), keyText, instance);
    QJsonObject request;
    if (auto f = parseBody(body, false, instance, &request))
        return *f;
    if (auto f = onlyProperties(request, {"variables", "result"}, QString(), instance))
        return *f;
    if (auto f = variablesProperty(request, instance))
        return *f;
    if (auto f = resultProperty(request.value(QLatin1String("result")), instance))
        return *f;

    const qint64 nowMs = now();
    const QString command = QStringLiteral("COMPLETE");
    Target t = target(*m_store, *key, nowMs, command, QStringLiteral("complete"), instance);
    if (t.failure)
        return *t.failure;
    Job &job = *t.job;
    const QJsonObject variables = request.value(QLatin1String("variables")).toObject();
    const QJsonObject result = request.value(QLatin1String("result")).toObject();
    const bool userTaskResult
        = result.value(QLatin1String("type")).toString(QStringLiteral("userTask"))
        == QLatin1String("userTask");
    const bool denied = userTaskResult && result.value(QLatin1String("denied")).toBool(false);
    const QString invalid = QStringLiteral("INVALID_ARGUMENT");

    if (job.kind == JobKind::TaskListener) {
        if (!variables.isEmpty()) {
            return rejection(command, invalid,
                QStringLiteral("Task Listener job completion with variables payload "
                               "provided is not yet supported %1. Support will be "
                               "enabled with the resolution of issue #23702.\n")
                    .arg(jobContext(*m_store, job)),
                instance);
        }
        const bool canDeny = job.listenerEventType == ListenerEventType::Assigning
            || job.listenerEventType == ListenerEventType::Completing
            || job.listenerEventType == ListenerEventType::Updating;
        if (denied && !canDeny) {
            return rejection(command, invalid,
                QStringLiteral("Denying result is not supported for '%1' task listener "
                               "jobs %2. Only the following listener event types "
                               "support denying: [ASSIGNING, COMPLETING, UPDATING].\n")
                    .arg(listenerEventTypeName(job.listenerEventType), jobContext(*m_store, job)),
                instance);
        }
        if (denied && hasCorrections(result)) {
            return rejection(command, invalid,
                QStringLiteral("Expected to complete task listener job with corrections, "
                               "but the job result is denied %1. The corrections would "
                               "be reverted by the denial. Either complete the job with "
                               "corrections without setting denied, or complete the job "
                               "with a denied result but no corrections.\n")
                    .arg(jobContext(*m_store, job)),
                instance);
        }
        JobExtra &extra = m_store->extra(job);
        extra.isDenied = denied;
        extra.deniedReason
            = denied ? result.value(QLatin1String("deniedReason")).toString() : QString();
    }

    job.state = JobState::Completed;
    job.endTimeMs = nowMs;
    job.deadlineMs = 0;
    if (!variables.isEmpty()) {
        QJsonObject merged = m_store->object(job.variables);
        for (auto it = variables.constBegin(); it != variables.constEnd(); ++it)
            merged.insert(it.key(), it.value());
        job.variables = m_store->addObject(merged);
    }
    return ApiResponse::noContent();
}

ApiResponse JobsApi::fail(const QString &keyText, const QString &instance, const QByteArray &body)
{
    const auto key = parseKey(keyText);
    if (!key)
        return conversionFailure(QStringLiteral("jobKey"), keyText, instance);
    QJsonObject request;
    if (auto f = parseBody(body, false, instance, &request))
        return *f;
    if (auto f = onlyProperties(
            request, {"retries", "errorMessage", "retryBackOff", "variables"}, QString(), instance))
        return *f;
    if (auto f = variablesProperty(request, instance))
        return *f;
    for (const char *number : {"retries", "retryBackOff"}) {
        const QJsonValue v = request.value(QLatin1String(number));
        if (!v.isUndefined() && !v.isNull() && !isInteger(v))
            return unparsable(QLatin1String(number), instance);
    }
    if (!isNullOr(request.value(QLatin1String("errorMessage")), &QJsonValue::isString))
        return unparsable(QStringLiteral("errorMessage"), instance);

    const qint64 nowMs = now();
    Target t
        = target(*m_store, *key, nowMs, QStringLiteral("FAIL"), QStringLiteral("fail"), instance);
    if (t.failure)
        return *t.failure;
    Job &job = *t.job;
    job.retries = request.value(QLatin1String("retries")).toInt(0);
    const qint64 backOff = qint64(request.value(QLatin1String("retryBackOff")).toDouble(0));
    job.state = JobState::Failed;
    job.deadlineMs = 0;
    m_store->extra(job).errorMessage = request.value(QLatin1String("errorMessage")).toString();
    if (job.retries <= 0) {
        job.hasFailedWithRetriesLeft = false;
        m_store->raiseIncident(job, nowMs);
    } else {
        job.hasFailedWithRetriesLeft = true;
        job.backoffUntilMs = backOff > 0 ? nowMs + backOff : 0;
    }
    return ApiResponse::noContent();
}

ApiResponse JobsApi::throwError(
    const QString &keyText, const QString &instance, const QByteArray &body)
{
    const auto key = parseKey(keyText);
    if (!key)
        return conversionFailure(QStringLiteral("jobKey"), keyText, instance);
    QJsonObject request;
    if (auto f = parseBody(body, true, instance, &request))
        return *f;
    if (auto f
        = onlyProperties(request, {"errorCode", "errorMessage", "variables"}, QString(), instance))
        return *f;
    if (auto f = variablesProperty(request, instance))
        return *f;
    const QJsonValue code = request.value(QLatin1String("errorCode"));
    if (!isNullOr(code, &QJsonValue::isString))
        return unparsable(QStringLiteral("errorCode"), instance);
    if (!isNullOr(request.value(QLatin1String("errorMessage")), &QJsonValue::isString))
        return unparsable(QStringLiteral("errorMessage"), instance);
    if (code.toString().trimmed().isEmpty())
        return ApiResponse::problem(400, QStringLiteral("INVALID_ARGUMENT"),
            QStringLiteral("No errorCode provided."), instance);

    const qint64 nowMs = now();
    Target t = target(*m_store, *key, nowMs, QStringLiteral("THROW_ERROR"),
        QStringLiteral("throw an error for"), instance);
    if (t.failure)
        return *t.failure;
    // No process in the sandbox models a catching error event: the error becomes an incident.
    Job &job = *t.job;
    job.state = JobState::ErrorThrown;
    job.deadlineMs = 0;
    JobExtra &extra = m_store->extra(job);
    extra.errorCode = code.toString();
    extra.errorMessage = request.value(QLatin1String("errorMessage")).toString();
    m_store->raiseIncident(job, nowMs);
    return ApiResponse::noContent();
}

ApiResponse JobsApi::update(const QString &keyText, const QString &instance, const QByteArray &body)
{
    const auto key = parseKey(keyText);
    if (!key)
        return conversionFailure(QStringLiteral("jobKey"), keyText, instance);
    QJsonObject request;
    if (auto f = parseBody(body, true, instance, &request))
        return *f;
    if (auto f = onlyProperties(request, {"changeset", "operationReference"}, QString(), instance))
        return *f;
    const QJsonValue changesetValue = request.value(QLatin1String("changeset"));
    if (!isNullOr(changesetValue, &QJsonValue::isObject))
        return unparsable(QStringLiteral("changeset"), instance);
    const QJsonObject changeset = changesetValue.toObject();
    const QJsonValue retries = changeset.value(QLatin1String("retries"));
    const QJsonValue timeout = changeset.value(QLatin1String("timeout"));
    if (!retries.isUndefined() && !retries.isNull() && !isInteger(retries))
        return unparsable(QStringLiteral("changeset.retries"), instance);
    if (!timeout.isUndefined() && !timeout.isNull() && !isInteger(timeout))
        return unparsable(QStringLiteral("changeset.timeout"), instance);
    const QJsonValue reference = request.value(QLatin1String("operationReference"));
    if (!reference.isUndefined() && !reference.isNull() && !isInteger(reference))
        return unparsable(QStringLiteral("operationReference"), instance);
    const bool hasRetries = retries.isDouble();
    const bool hasTimeout = timeout.isDouble();
    if (!hasRetries && !hasTimeout)
        return ApiResponse::problem(400, QStringLiteral("INVALID_ARGUMENT"),
            QStringLiteral("At least one of [retries, timeout] is required."), instance);

    const QString command = QStringLiteral("UPDATE");
    if (!routable(*m_store, *key))
        return unavailable(instance);
    Job *job = m_store->find(*key);
    const qint64 nowMs = now();
    if (!job || m_store->engineState(*job, nowMs) == EngineState::NotFound)
        return rejection(command, QStringLiteral("NOT_FOUND"),
            QStringLiteral("Expected to update job with key '%1', but no such job was found")
                .arg(*key),
            instance);
    if (hasRetries && retries.toInt() < 1)
        return rejection(command, QStringLiteral("INVALID_ARGUMENT"),
            QStringLiteral("Expected to update retries for job with key '%1' with a "
                           "positive amount of retries, but the amount given was '%2'")
                .arg(*key)
                .arg(retries.toInt()),
            instance);
    if (hasTimeout && m_store->engineState(*job, nowMs) != EngineState::Activated)
        return rejection(command, QStringLiteral("INVALID_STATE"),
            QStringLiteral("Expected to update the timeout of job with key '%1', but it "
                           "is not active")
                .arg(*key),
            instance);
    if (hasRetries) {
        job->retries = retries.toInt();
        job->state = JobState::RetriesUpdated;
    }
    if (hasTimeout)
        job->deadlineMs = nowMs + qint64(timeout.toDouble());
    return ApiResponse::noContent();
}

ApiResponse JobsApi::resolveIncident(
    const QString &keyText, const QString &instance, const QByteArray &body)
{
    const auto key = parseKey(keyText);
    if (!key)
        return conversionFailure(QStringLiteral("incidentKey"), keyText, instance);
    QJsonObject request;
    if (auto f = parseBody(body, false, instance, &request))
        return *f;
    if (auto f = onlyProperties(request, {"operationReference"}, QString(), instance))
        return *f;
    if (!routable(*m_store, *key))
        return unavailable(instance);
    const QString command = QStringLiteral("RESOLVE");
    Job *job = m_store->jobForIncident(*key);
    if (!job)
        return rejection(command, QStringLiteral("NOT_FOUND"),
            QStringLiteral("Expected to resolve incident with key '%1', but no such "
                           "incident was found")
                .arg(*key),
            instance);
    if (job->retries <= 0)
        return rejection(command, QStringLiteral("INVALID_STATE"),
            QStringLiteral("Expected to resolve incident with key '%1', but job with key "
                           "'%2' has no retries left. Please update the job retries "
                           "and retry resolving the incident")
                .arg(*key)
                .arg(job->key),
            instance);
    m_store->closeIncident(*job);
    job->state = JobState::Created;
    job->backoffUntilMs = 0;
    return ApiResponse::noContent();
}

} // namespace JobDesk::Sandbox
