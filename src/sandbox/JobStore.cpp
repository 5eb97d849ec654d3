// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/JobStore.h"

#include <array>
#include <utility>
#include <vector>

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

constexpr std::array<const char *, 10> StateNames {"CREATED", "COMPLETED", "FAILED", "ERROR_THROWN",
    "RETRIES_UPDATED", "TIMED_OUT", "CANCELED", "MIGRATED", "PRIORITY_UPDATED", "TIMEOUT_UPDATED"};
constexpr std::array<const char *, 4> KindNames {
    "BPMN_ELEMENT", "EXECUTION_LISTENER", "TASK_LISTENER", "AD_HOC_SUB_PROCESS"};
constexpr std::array<const char *, 8> ListenerNames {
    "UNSPECIFIED", "ASSIGNING", "CANCELING", "COMPLETING", "CREATING", "END", "START", "UPDATING"};
constexpr std::array<const char *, 5> IncidentTypeNames {"JOB_NO_RETRIES", "UNHANDLED_ERROR_EVENT",
    "EXECUTION_LISTENER_NO_RETRIES", "TASK_LISTENER_NO_RETRIES", "AD_HOC_SUB_PROCESS_NO_RETRIES"};

/// Keys the sandbox makes at run time start here on each partition, far above the demo data.
constexpr qint64 RuntimeKeyOffset = 4'000'000'000LL;

} // namespace

namespace {

/// The names as QStrings made once (one table per name list): searches ask for them a million
/// times.
template <const auto &Names> QString cachedName(std::size_t i)
{
    static const std::vector<QString> strings = []() {
        std::vector<QString> out;
        for (const char *name : Names)
            out.emplace_back(QLatin1String(name));
        return out;
    }();
    return strings.at(i);
}

} // namespace

QString jobStateName(JobState state)
{
    return cachedName<StateNames>(std::size_t(state));
}
std::optional<JobState> jobStateFromName(const QString &name)
{
    return fromName<JobState>(StateNames, name);
}
QString jobKindName(JobKind kind)
{
    return cachedName<KindNames>(std::size_t(kind));
}
std::optional<JobKind> jobKindFromName(const QString &name)
{
    return fromName<JobKind>(KindNames, name);
}
QString listenerEventTypeName(ListenerEventType type)
{
    return cachedName<ListenerNames>(std::size_t(type));
}
std::optional<ListenerEventType> listenerEventTypeFromName(const QString &name)
{
    return fromName<ListenerEventType>(ListenerNames, name);
}
QString incidentTypeName(IncidentType type)
{
    return QLatin1String(IncidentTypeNames.at(std::size_t(type)));
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

bool JobStore::add(const Job &job)
{
    if (find(job.key))
        return false;
    const auto position = quint32(m_jobs.size());
    m_jobs.push_back(job);
    m_byKey.insert(job.key, position);
    m_byInstance.insert(job.processInstanceKey, position);
    m_byElement.insert(job.elementInstanceKey, position);
    m_partitionCount = std::max<int>(m_partitionCount, int(job.key >> PartitionShift));
    return true;
}

bool JobStore::isGenerated(const Job &job) const
{
    const qint64 offset = job.key - GeneratedBase;
    return m_generatedFirst >= 0 && offset >= 0 && offset < m_generatedCount
        && &job == &m_jobs.at(std::size_t(m_generatedFirst + offset));
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

std::vector<const Job *> JobStore::jobsOfInstance(qint64 processInstanceKey) const
{
    std::vector<const Job *> out;
    const Job *generated = find(processInstanceKey - GeneratedInstanceOffset);
    if (generated && isGenerated(*generated))
        out.push_back(generated);
    for (auto it = m_byInstance.constFind(processInstanceKey);
         it != m_byInstance.constEnd() && it.key() == processInstanceKey; ++it)
        out.push_back(&m_jobs.at(it.value()));
    std::sort(out.begin(), out.end());
    return out;
}

const Job *JobStore::jobOfElementInstance(qint64 elementInstanceKey) const
{
    const Job *generated = find(elementInstanceKey - GeneratedElementOffset);
    if (generated && isGenerated(*generated))
        return generated;
    const Job *best = nullptr;
    for (auto it = m_byElement.constFind(elementInstanceKey);
         it != m_byElement.constEnd() && it.key() == elementInstanceKey; ++it) {
        const Job &job = m_jobs.at(it.value());
        const bool open = job.endTimeMs == 0;
        if (!best || (open && best->endTimeMs != 0)
            || (open == (best->endTimeMs == 0) && &job > best))
            best = &job;
    }
    return best;
}

EngineState JobStore::engineState(const Job &job, qint64 nowMs) const
{
    if (job.state == JobState::Completed || job.state == JobState::Canceled)
        return EngineState::NotFound;
    if (job.state == JobState::ErrorThrown)
        return job.incidentKey != 0 ? EngineState::ErrorThrown : EngineState::NotFound;
    const JobExtra *info = extra(job);
    if (job.incidentKey != 0 || (info && info->backoffUntilMs > nowMs))
        return EngineState::Failed;
    if (job.deadlineMs > nowMs)
        return EngineState::Activated;
    return EngineState::Activatable;
}

const Incident &JobStore::raiseIncident(Job &job, qint64 nowMs)
{
    Incident incident;
    incident.key = nextKey(job.key);
    incident.jobKey = job.key;
    incident.creationTimeMs = nowMs;
    const JobExtra *info = std::as_const(*this).extra(job);
    const QString message = info ? info->errorMessage : QString();
    if (job.state == JobState::ErrorThrown) {
        incident.type = IncidentType::UnhandledErrorEvent;
        incident.errorMessage
            = QStringLiteral("Expected to throw an error event with the code '%1' with "
                             "message '%2', but it was not caught. No error events "
                             "are available in the scope.")
                  .arg(info ? info->errorCode : QString(), message);
    } else {
        incident.type = job.kind == JobKind::ExecutionListener
            ? IncidentType::ExecutionListenerNoRetries
            : job.kind == JobKind::TaskListener    ? IncidentType::TaskListenerNoRetries
            : job.kind == JobKind::AdHocSubProcess ? IncidentType::AdHocSubProcessNoRetries
                                                   : IncidentType::JobNoRetries;
        incident.errorMessage
            = message.isEmpty() ? QStringLiteral("No more retries left.") : message;
    }
    job.incidentKey = incident.key;
    m_incidentIndex.insert(incident.key, m_incidents.size());
    m_incidents.push_back(incident);
    return m_incidents.back();
}

const Incident *JobStore::incident(qint64 key) const
{
    const auto it = m_incidentIndex.constFind(key);
    return it == m_incidentIndex.constEnd() ? nullptr : &m_incidents.at(it.value());
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
        m_incidents.at(it.value()).resolved = true;
    job.incidentKey = 0;
}

void JobStore::setDefinition(qint64 processDefinitionKey, const ProcessDefinition &definition)
{
    m_definitions.insert(processDefinitionKey, definition);
}

ProcessDefinition JobStore::definition(qint64 processDefinitionKey) const
{
    return m_definitions.value(processDefinitionKey);
}

qint64 JobStore::nextKey(qint64 relatedKey)
{
    const qint64 partition = std::max<qint64>(1, relatedKey >> PartitionShift);
    return (partition << PartitionShift) + RuntimeKeyOffset + m_nextKeyCounter++;
}

void JobStore::generate(qint64 n, qint64 nowMs)
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
    const qint64 definitionKey = GeneratedBase + 3'000'000'000LL;
    setDefinition(definitionKey, ProcessDefinition {QStringLiteral("Order fulfilment"), 1, {}});

    m_generatedFirst = qint64(m_jobs.size());
    m_generatedCount = n;
    m_jobs.reserve(m_jobs.size() + std::size_t(n));
    for (qint64 i = 0; i < n; ++i) {
        Job job;
        job.key = GeneratedBase + i;
        job.processInstanceKey = job.key + GeneratedInstanceOffset;
        job.processDefinitionKey = definitionKey;
        job.elementInstanceKey = job.key + GeneratedElementOffset;
        job.type = typeIds.at(std::size_t(i % 4));
        job.elementId = elementIds.at(std::size_t(i % 4));
        job.processDefinitionId = processId;
        job.tenantId = 1;
        job.customHeaders = headers;
        job.creationTimeMs = nowMs;
        job.lastUpdateTimeMs = nowMs;
        m_jobs.push_back(job);
    }
}

} // namespace JobDesk::Sandbox
