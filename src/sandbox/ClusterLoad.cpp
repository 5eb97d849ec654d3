// SPDX-License-Identifier: GPL-3.0-or-later
// Reading jobs in the demo-data format (resources/sandbox/demo-jobs.json, --jobs-file): a job as
// JobSearchResult has it, plus its instance's variables, local variables and the sandbox's own
// knobs (forbidden, lease, ad-hoc elements). Variable values keep their exact text.
#include "sandbox/Cluster.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace JobDesk::Sandbox {

namespace {

std::optional<qint64> keyValue(const QJsonValue &value)
{
    if (value.isString()) {
        bool ok = false;
        const qint64 key = value.toString().toLongLong(&ok);
        if (ok && key > 0)
            return key;
        return std::nullopt;
    }
    // A number is exact only below 2^53; bigger keys must be written as strings.
    if (value.isDouble() && value.toDouble() > 0 && value.toDouble() < 9.007199254740992e15)
        return qint64(value.toDouble());
    return std::nullopt;
}

qint64 timeValue(const QJsonValue &value)
{
    if (!value.isString())
        return 0;
    const QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

/// The raw members of `object`'s member `name` (an object), or none.
std::vector<RawJson::Member> rawObjectMembers(const QByteArray &rawJob, const QString &name)
{
    const auto text = RawJson::member(rawJob, name);
    if (!text)
        return {};
    return RawJson::members(*text).value_or(std::vector<RawJson::Member>());
}

} // namespace

bool Cluster::loadJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        *error = QStringLiteral("not valid JSON: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    if (!doc.isArray() && !doc.object().value(QLatin1String("jobs")).isArray()) {
        *error = QStringLiteral("expected {\"jobs\": [...]} or an array of jobs");
        return false;
    }
    const QJsonArray jobs
        = doc.isArray() ? doc.array() : doc.object().value(QLatin1String("jobs")).toArray();
    // The same jobs as text, so variable values keep every digit.
    const QByteArray rawJobs
        = doc.isArray() ? json : RawJson::member(json, QStringLiteral("jobs")).value_or("[]");
    const std::vector<QByteArray> raw
        = RawJson::elements(rawJobs).value_or(std::vector<QByteArray>());
    for (int i = 0; i < jobs.size(); ++i) {
        if (!jobs.at(i).isObject()) {
            *error = QStringLiteral("job #%1 is not an object").arg(i + 1);
            return false;
        }
        const QByteArray rawJob
            = std::size_t(i) < raw.size() ? raw.at(std::size_t(i)) : QByteArray();
        if (!addJob(jobs.at(i).toObject(), rawJob, i, error))
            return false;
    }
    return true;
}

bool Cluster::addJob(const QJsonObject &o, const QByteArray &raw, int index, QString *error)
{
    const auto fail = [&](const QString &what) {
        *error = QStringLiteral("job #%1: %2").arg(index + 1).arg(what);
        return false;
    };
    const auto text = [&](const char *name, const QString &fallback = QString()) {
        return o.value(QLatin1String(name)).toString(fallback);
    };
    Job job;
    const auto key = keyValue(o.value(QLatin1String("jobKey")));
    if (!key)
        return fail(QStringLiteral("jobKey must be a positive integer (as a string)"));
    if (m_jobs.find(*key))
        return fail(QStringLiteral("duplicate jobKey %1").arg(*key));
    job.key = *key;
    if (text("type").isEmpty())
        return fail(QStringLiteral("type is missing"));
    job.type = m_jobs.intern(text("type"));
    const auto state = jobStateFromName(text("state", QStringLiteral("CREATED")));
    if (!state)
        return fail(QStringLiteral("unknown state"));
    job.state = *state;
    const auto kind = jobKindFromName(text("kind", QStringLiteral("BPMN_ELEMENT")));
    if (!kind)
        return fail(QStringLiteral("unknown kind"));
    job.kind = *kind;
    const auto listener
        = listenerEventTypeFromName(text("listenerEventType", QStringLiteral("UNSPECIFIED")));
    if (!listener)
        return fail(QStringLiteral("unknown listenerEventType"));
    job.listenerEventType = *listener;
    job.processInstanceKey
        = keyValue(o.value(QLatin1String("processInstanceKey"))).value_or(job.key + 1);
    job.processDefinitionKey
        = keyValue(o.value(QLatin1String("processDefinitionKey"))).value_or(job.key + 2);
    job.elementInstanceKey
        = keyValue(o.value(QLatin1String("elementInstanceKey"))).value_or(job.key - 1);
    job.processDefinitionId = m_jobs.intern(text("processDefinitionId", QStringLiteral("process")));
    job.elementId = m_jobs.intern(text("elementId", QStringLiteral("task")));
    job.worker = m_jobs.intern(text("worker"));
    job.tenantId = m_jobs.intern(text("tenantId", QStringLiteral("<default>")));
    job.retries = o.value(QLatin1String("retries")).toInt(job.state == JobState::Failed ? 0 : 3);
    job.priority = quint8(std::clamp(o.value(QLatin1String("priority")).toInt(50), 0, 100));
    job.forbidden = o.value(QLatin1String("forbidden")).toBool(false);
    const qint64 nowMs = now();
    job.deadlineMs = timeValue(o.value(QLatin1String("deadline")));
    if (job.deadlineMs == 0 && o.value(QLatin1String("activatedForMs")).isDouble())
        job.deadlineMs = nowMs + qint64(o.value(QLatin1String("activatedForMs")).toDouble());
    job.endTimeMs = timeValue(o.value(QLatin1String("endTime")));
    job.creationTimeMs = timeValue(o.value(QLatin1String("creationTime")));
    if (job.creationTimeMs == 0)
        job.creationTimeMs = nowMs - 3'600'000 + index * 1000;
    job.lastUpdateTimeMs
        = std::max(job.creationTimeMs, timeValue(o.value(QLatin1String("lastUpdateTime"))));
    job.hasFailedWithRetriesLeft = o.value(QLatin1String("hasFailedWithRetriesLeft")).toBool(false);
    job.customHeaders = m_jobs.addObject(o.value(QLatin1String("customHeaders")).toObject());

    JobExtra extra;
    extra.errorMessage = text("errorMessage");
    extra.errorCode = text("errorCode");
    extra.deniedReason = text("deniedReason");
    if (o.value(QLatin1String("isDenied")).isBool())
        extra.isDenied = o.value(QLatin1String("isDenied")).toBool();
    extra.leaseToken = text("leaseToken");
    extra.businessId = text("businessId");
    for (const QJsonValue &element : o.value(QLatin1String("adHocElements")).toArray())
        extra.adHocElements.append(element.toString());
    extra.adHocActive = o.value(QLatin1String("adHocActive")).toBool(true);
    for (const QJsonValue &code : o.value(QLatin1String("errorCatchCodes")).toArray())
        extra.catchErrorCodes.append(code.toString());
    const bool needsExtra = !extra.errorMessage.isEmpty() || !extra.errorCode.isEmpty()
        || !extra.deniedReason.isEmpty() || extra.isDenied || !extra.leaseToken.isEmpty()
        || !extra.businessId.isEmpty() || !extra.adHocElements.isEmpty() || !extra.adHocActive
        || !extra.catchErrorCodes.isEmpty();

    if (!o.value(QLatin1String("processDefinitionName")).isUndefined()
        || !o.value(QLatin1String("processDefinitionVersion")).isUndefined()) {
        m_jobs.setDefinition(job.processDefinitionKey,
            ProcessDefinition {text("processDefinitionName"),
                o.value(QLatin1String("processDefinitionVersion")).toInt(1),
                text("processDefinitionVersionTag")});
    }
    m_jobs.add(job);
    Job &stored = *m_jobs.find(job.key);
    if (needsExtra)
        m_jobs.extra(stored) = extra;

    const QString tenant = m_jobs.string(stored.tenantId);
    m_variables.merge(stored.processInstanceKey, stored.processInstanceKey, tenant,
        rawObjectMembers(raw, QStringLiteral("variables")));
    m_variables.setLocal(stored.elementInstanceKey, stored.processInstanceKey, tenant,
        rawObjectMembers(raw, QStringLiteral("localVariables")));

    // A FAILED job without retries and an ERROR_THROWN job stand for an open incident.
    if ((stored.state == JobState::Failed && stored.retries <= 0)
        || stored.state == JobState::ErrorThrown) {
        m_jobs.raiseIncident(stored, stored.lastUpdateTimeMs);
    }
    return true;
}

} // namespace JobDesk::Sandbox
