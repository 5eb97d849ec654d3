// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/JobStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <array>
#include <utility>

namespace JobDesk::Sandbox {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<const char *, N> &names, const QString &name)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (name == QLatin1String(names[i]))
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

constexpr std::array<const char *, 8> StateNames {"CREATED", "COMPLETED", "FAILED", "ERROR_THROWN",
    "RETRIES_UPDATED", "TIMED_OUT", "CANCELED", "MIGRATED"};
constexpr std::array<const char *, 4> KindNames {
    "BPMN_ELEMENT", "EXECUTION_LISTENER", "TASK_LISTENER", "AD_HOC_SUB_PROCESS"};
constexpr std::array<const char *, 8> ListenerNames {
    "UNSPECIFIED", "ASSIGNING", "CANCELING", "COMPLETING", "CREATING", "END", "START", "UPDATING"};

std::optional<qint64> keyValue(const QJsonValue &value)
{
    if (value.isString()) {
        bool ok = false;
        const qint64 key = value.toString().toLongLong(&ok);
        if (ok && key > 0)
            return key;
        return std::nullopt;
    }
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

} // namespace

QString jobStateName(JobState state)
{
    return QLatin1String(StateNames.at(std::size_t(state)));
}
std::optional<JobState> jobStateFromName(const QString &name)
{
    return fromName<JobState>(StateNames, name);
}
QString jobKindName(JobKind kind)
{
    return QLatin1String(KindNames.at(std::size_t(kind)));
}
std::optional<JobKind> jobKindFromName(const QString &name)
{
    return fromName<JobKind>(KindNames, name);
}
QString listenerEventTypeName(ListenerEventType type)
{
    return QLatin1String(ListenerNames.at(std::size_t(type)));
}
std::optional<ListenerEventType> listenerEventTypeFromName(const QString &name)
{
    return fromName<ListenerEventType>(ListenerNames, name);
}

JobStore::JobStore()
{
    intern(QString());
    intern(QStringLiteral("<default>"));
    m_objects.emplace_back();
}

quint32 JobStore::intern(const QString &text)
{
    const auto it = m_stringIds.constFind(text);
    if (it != m_stringIds.constEnd())
        return it.value();
    const auto id = quint32(m_strings.size());
    m_strings.append(text);
    m_stringIds.insert(text, id);
    return id;
}

std::optional<quint32> JobStore::stringId(const QString &text) const
{
    const auto it = m_stringIds.constFind(text);
    if (it == m_stringIds.constEnd())
        return std::nullopt;
    return it.value();
}

quint32 JobStore::addObject(const QJsonObject &object)
{
    if (object.isEmpty())
        return 0;
    m_objects.push_back(object);
    return quint32(m_objects.size() - 1);
}

const JobExtra *JobStore::extra(const Job &job) const
{
    return job.extra == 0 ? nullptr : &m_extras.at(job.extra - 1);
}

JobExtra &JobStore::extra(Job &job)
{
    if (job.extra == 0) {
        m_extras.emplace_back();
        job.extra = quint32(m_extras.size());
    }
    return m_extras.at(job.extra - 1);
}

Job *JobStore::find(qint64 key)
{
    return const_cast<Job *>(std::as_const(*this).find(key));
}

const Job *JobStore::find(qint64 key) const
{
    const qint64 offset = key - GeneratedBase;
    if (m_generatedFirst >= 0 && offset >= 0 && offset < m_generatedCount)
        return &m_jobs.at(std::size_t(m_generatedFirst + offset));
    const auto it = m_byKey.constFind(key);
    return it == m_byKey.constEnd() ? nullptr : &m_jobs.at(it.value());
}

void JobStore::index(const Job &job, std::size_t position)
{
    m_byKey.insert(job.key, quint32(position));
}

EngineState JobStore::engineState(const Job &job, qint64 nowMs) const
{
    if (job.state == JobState::Completed || job.state == JobState::Canceled)
        return EngineState::NotFound;
    if (job.state == JobState::ErrorThrown && job.incidentKey != 0)
        return EngineState::ErrorThrown;
    if (job.incidentKey != 0 || job.backoffUntilMs > nowMs)
        return EngineState::Failed;
    if (job.deadlineMs > nowMs)
        return EngineState::Activated;
    return EngineState::Activatable;
}

qint64 JobStore::raiseIncident(Job &job, qint64 nowMs)
{
    const qint64 partition = job.key >> PartitionShift;
    const qint64 key = (partition << PartitionShift) + 4'000'000'000LL + m_nextIncidentCounter++;
    Incident incident;
    incident.key = key;
    incident.jobKey = job.key;
    incident.creationTimeMs = nowMs;
    incident.unhandledError = job.state == JobState::ErrorThrown;
    const JobExtra *info = std::as_const(*this).extra(job);
    const QString message = info ? info->errorMessage : QString();
    if (incident.unhandledError) {
        incident.errorMessage
            = QStringLiteral("Expected to throw an error event with the code '%1' with "
                             "message '%2', but it was not caught. No error events "
                             "are available in the scope.")
                  .arg(info ? info->errorCode : QString(), message);
    } else {
        incident.errorMessage
            = message.isEmpty() ? QStringLiteral("No more retries left.") : message;
    }
    job.incidentKey = key;
    m_incidentIndex.insert(key, m_incidentRecords.size());
    m_incidentRecords.push_back(incident);
    return key;
}

const Incident *JobStore::incident(qint64 key) const
{
    const auto it = m_incidentIndex.constFind(key);
    return it == m_incidentIndex.constEnd() ? nullptr : &m_incidentRecords.at(it.value());
}

Job *JobStore::jobForIncident(qint64 incidentKey)
{
    const Incident *record = incident(incidentKey);
    return record && !record->resolved ? find(record->jobKey) : nullptr;
}

void JobStore::closeIncident(Job &job)
{
    const auto it = m_incidentIndex.constFind(job.incidentKey);
    if (it != m_incidentIndex.constEnd())
        m_incidentRecords.at(it.value()).resolved = true;
    job.incidentKey = 0;
}

void JobStore::generate(qint64 n)
{
    if (n <= 0)
        return;
    static const std::array<const char *, 4> types {
        "payment-service", "send-invoice-email", "check-address", "reserve-stock"};
    static const std::array<const char *, 4> elements {
        "charge-credit-card", "send-invoice", "validate-address", "reserve-items"};
    std::array<quint32, 4> typeIds {};
    std::array<quint32, 4> elementIds {};
    for (std::size_t i = 0; i < types.size(); ++i) {
        typeIds.at(i) = intern(QLatin1String(types.at(i)));
        elementIds.at(i) = intern(QLatin1String(elements.at(i)));
    }
    const quint32 processId = intern(QStringLiteral("order-fulfilment"));
    const quint32 headers
        = addObject(QJsonObject {{QStringLiteral("source"), QStringLiteral("generated")}});
    const quint32 variables
        = addObject(QJsonObject {{QStringLiteral("orderId"), QStringLiteral("generated")},
            {QStringLiteral("amount"), 42.5}});

    m_generatedFirst = qint64(m_jobs.size());
    m_generatedCount = n;
    m_jobs.reserve(m_jobs.size() + std::size_t(n));
    for (qint64 i = 0; i < n; ++i) {
        Job job;
        job.key = GeneratedBase + i;
        job.processInstanceKey = job.key + 200'000'000LL;
        job.processDefinitionKey = GeneratedBase + 3'000'000'000LL;
        job.elementInstanceKey = job.key + 400'000'000LL;
        job.type = typeIds.at(std::size_t(i % 4));
        job.elementId = elementIds.at(std::size_t(i % 4));
        job.processDefinitionId = processId;
        job.tenantId = 1;
        job.customHeaders = headers;
        job.variables = variables;
        m_jobs.push_back(job);
    }
}

bool JobStore::loadJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        *error = QStringLiteral("not valid JSON: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    const QJsonArray jobs
        = doc.isArray() ? doc.array() : doc.object().value(QLatin1String("jobs")).toArray();
    if (!doc.isArray() && !doc.object().value(QLatin1String("jobs")).isArray()) {
        *error = QStringLiteral("expected {\"jobs\": [...]} or an array of jobs");
        return false;
    }
    for (int i = 0; i < jobs.size(); ++i) {
        if (!jobs.at(i).isObject()) {
            *error = QStringLiteral("job #%1 is not an object").arg(i + 1);
            return false;
        }
        if (!addJob(jobs.at(i).toObject(), i, error))
            return false;
    }
    return true;
}

bool JobStore::addJob(const QJsonObject &o, int index, QString *error)
{
    const auto fail = [&](const QString &what) {
        *error = QStringLiteral("job #%1: %2").arg(index + 1).arg(what);
        return false;
    };
    Job job;
    const auto key = keyValue(o.value(QLatin1String("jobKey")));
    if (!key)
        return fail(QStringLiteral("jobKey must be a positive integer (as a string)"));
    if (find(*key))
        return fail(QStringLiteral("duplicate jobKey %1").arg(*key));
    job.key = *key;
    const QString type = o.value(QLatin1String("type")).toString();
    if (type.isEmpty())
        return fail(QStringLiteral("type is missing"));
    job.type = intern(type);
    const auto state
        = jobStateFromName(o.value(QLatin1String("state")).toString(QStringLiteral("CREATED")));
    if (!state)
        return fail(QStringLiteral("unknown state"));
    job.state = *state;
    const auto kind
        = jobKindFromName(o.value(QLatin1String("kind")).toString(QStringLiteral("BPMN_ELEMENT")));
    if (!kind)
        return fail(QStringLiteral("unknown kind"));
    job.kind = *kind;
    const auto listener = listenerEventTypeFromName(
        o.value(QLatin1String("listenerEventType")).toString(QStringLiteral("UNSPECIFIED")));
    if (!listener)
        return fail(QStringLiteral("unknown listenerEventType"));
    job.listenerEventType = *listener;
    job.processInstanceKey
        = keyValue(o.value(QLatin1String("processInstanceKey"))).value_or(job.key + 1);
    job.processDefinitionKey
        = keyValue(o.value(QLatin1String("processDefinitionKey"))).value_or(job.key + 2);
    job.elementInstanceKey
        = keyValue(o.value(QLatin1String("elementInstanceKey"))).value_or(job.key - 1);
    job.processDefinitionId
        = intern(o.value(QLatin1String("processDefinitionId")).toString(QStringLiteral("process")));
    job.elementId = intern(o.value(QLatin1String("elementId")).toString(QStringLiteral("task")));
    job.worker = intern(o.value(QLatin1String("worker")).toString());
    job.tenantId = intern(o.value(QLatin1String("tenantId")).toString(QStringLiteral("<default>")));
    job.retries = o.value(QLatin1String("retries")).toInt(job.state == JobState::Failed ? 0 : 3);
    job.deadlineMs = timeValue(o.value(QLatin1String("deadline")));
    job.endTimeMs = timeValue(o.value(QLatin1String("endTime")));
    job.hasFailedWithRetriesLeft = o.value(QLatin1String("hasFailedWithRetriesLeft")).toBool(false);
    job.customHeaders = addObject(o.value(QLatin1String("customHeaders")).toObject());
    job.variables = addObject(o.value(QLatin1String("variables")).toObject());
    const QString errorMessage = o.value(QLatin1String("errorMessage")).toString();
    const QString errorCode = o.value(QLatin1String("errorCode")).toString();
    if (!errorMessage.isEmpty() || !errorCode.isEmpty()) {
        m_extras.push_back(JobExtra {errorMessage, errorCode, QString(), std::nullopt});
        job.extra = quint32(m_extras.size());
    }
    m_jobs.push_back(job);
    Job &stored = m_jobs.back();
    this->index(stored, m_jobs.size() - 1);
    // A FAILED job without retries and an ERROR_THROWN job stand for an open incident.
    if ((stored.state == JobState::Failed && stored.retries <= 0)
        || stored.state == JobState::ErrorThrown) {
        raiseIncident(stored, QDateTime::currentMSecsSinceEpoch());
    }
    return true;
}

} // namespace JobDesk::Sandbox
