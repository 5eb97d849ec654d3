// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace JobDesk::Sandbox {

/// The state a job search reports (JobStateEnum; the last two are 8.10's).
enum class JobState : quint8 {
    Created,
    Completed,
    Failed,
    ErrorThrown,
    RetriesUpdated,
    TimedOut,
    Canceled,
    Migrated,
    PriorityUpdated,
    TimeoutUpdated
};
enum class JobKind : quint8 { BpmnElement, ExecutionListener, TaskListener, AdHocSubProcess };
enum class ListenerEventType : quint8 {
    Unspecified,
    Assigning,
    Canceling,
    Completing,
    Creating,
    End,
    Start,
    Updating
};

QString jobStateName(JobState state);
std::optional<JobState> jobStateFromName(const QString &name);
QString jobKindName(JobKind kind);
std::optional<JobKind> jobKindFromName(const QString &name);
QString listenerEventTypeName(ListenerEventType type);
std::optional<ListenerEventType> listenerEventTypeFromName(const QString &name);

/// What the engine thinks of a job right now (JobState.State in Zeebe): only ACTIVATABLE and
/// ACTIVATED jobs can be completed, failed or have an error thrown.
enum class EngineState { Activatable, Activated, Failed, ErrorThrown, NotFound };

/// One job, kept compact so a million fit in ~110 MiB: strings and JSON objects are interned
/// in the store's pools and referenced by index; rarely used data lives in JobExtra. The job's
/// variables live in the VariableStore (per process instance and scope, as on a cluster).
struct Job
{
    qint64 key = 0;
    qint64 processInstanceKey = 0;
    qint64 processDefinitionKey = 0;
    qint64 elementInstanceKey = 0;
    qint64 deadlineMs = 0; ///< 0: not activated (no deadline)
    qint64 endTimeMs = 0; ///< 0: still open
    qint64 incidentKey = 0; ///< 0: no open incident
    qint64 creationTimeMs = 0;
    qint64 lastUpdateTimeMs = 0;
    qint32 retries = 3;
    quint32 type = 0;
    quint32 processDefinitionId = 0;
    quint32 elementId = 0;
    quint32 worker = 0;
    quint32 tenantId = 0;
    quint32 customHeaders = 0; ///< index into the object pool
    quint32 extra = 0; ///< 1-based index into the extras, 0: none
    JobState state = JobState::Created;
    JobKind kind = JobKind::BpmnElement;
    ListenerEventType listenerEventType = ListenerEventType::Unspecified;
    quint8 priority = 0; ///< 8.10
    bool hasFailedWithRetriesLeft = false;
    bool forbidden = false; ///< the caller lacks UPDATE_PROCESS_INSTANCE on its process (403)
};

/// What few jobs have: error details, a task listener's denial, a retry back-off, an 8.10
/// lease, the ad-hoc sub-process's activatable elements.
struct JobExtra
{
    QString errorMessage;
    QString errorCode;
    QString deniedReason;
    std::optional<bool> isDenied;
    qint64 backoffUntilMs = 0; ///< failed with a retry back-off until then
    QString leaseToken; ///< 8.10: activated with a lease
    QString businessId; ///< 8.10: set by a completion
    QStringList adHocElements; ///< ad-hoc sub-process: the elements it may activate
    bool adHocActive = true; ///< ad-hoc sub-process instance still active
    QStringList catchErrorCodes; ///< error codes a boundary event catches ("*": any)
};

enum class IncidentType : quint8 {
    JobNoRetries,
    UnhandledErrorEvent,
    ExecutionListenerNoRetries,
    TaskListenerNoRetries,
    AdHocSubProcessNoRetries
};
QString incidentTypeName(IncidentType type);

/// An incident raised for a job. Resolved incidents stay, as in search on a real cluster.
struct Incident
{
    qint64 key = 0;
    qint64 jobKey = 0;
    qint64 creationTimeMs = 0;
    bool resolved = false;
    IncidentType type = IncidentType::JobNoRetries;
    QString errorMessage;
};

/// The process a job belongs to, as the process-instance lookup reports it.
struct ProcessDefinition
{
    QString name;
    int version = 1;
    QString versionTag;
};

/// All jobs the sandbox knows, with their incidents, process definitions and the indexes to
/// find them by job, process-instance and element-instance key. Not thread-safe (one event
/// loop). Filled by the loader (JobStoreLoad.cpp); changed only through Cluster's operations.
class JobStore final
{
public:
    static constexpr qint64 PartitionShift = 51;
    static constexpr qint64 GeneratedBase = (qint64(1) << PartitionShift) + 1;
    /// Generated jobs' process and element instances are their key plus these offsets.
    static constexpr qint64 GeneratedInstanceOffset = 200'000'000;
    static constexpr qint64 GeneratedElementOffset = 400'000'000;

    JobStore();
    Q_DISABLE_COPY_MOVE(JobStore)

    /// Adds a job; false when its key is taken.
    bool add(const Job &job);
    /// Adds n CREATED jobs with keys GeneratedBase + i (the caller sets their variables).
    void generate(qint64 n, qint64 nowMs);
    qint64 generatedCount() const { return m_generatedCount; }
    bool isGenerated(const Job &job) const;

    qint64 size() const { return qint64(m_jobs.size()); }
    const std::vector<Job> &jobs() const { return m_jobs; }
    Job *find(qint64 key);
    const Job *find(qint64 key) const;
    /// Every job of a process instance (in store order).
    std::vector<const Job *> jobsOfInstance(qint64 processInstanceKey) const;
    /// The job of an element instance (the open one when there are several), or nullptr.
    const Job *jobOfElementInstance(qint64 elementInstanceKey) const;

    QString string(quint32 id) const { return m_strings.at(int(id)); }
    quint32 intern(const QString &text);
    const QJsonObject &object(quint32 id) const { return m_objects.at(id); }
    quint32 addObject(const QJsonObject &object);

    const JobExtra *extra(const Job &job) const;
    JobExtra &extra(Job &job);

    EngineState engineState(const Job &job, qint64 nowMs) const;

    /// Opens an incident for the job (its kind and state say which type) and returns it.
    const Incident &raiseIncident(Job &job, qint64 nowMs);
    /// The job of an ACTIVE incident, or nullptr.
    Job *jobForIncident(qint64 incidentKey);
    /// Marks the job's incident RESOLVED.
    void closeIncident(Job &job);
    const std::vector<Incident> &incidents() const { return m_incidents; }
    const Incident *incident(qint64 key) const;

    void setDefinition(qint64 processDefinitionKey, const ProcessDefinition &definition);
    ProcessDefinition definition(qint64 processDefinitionKey) const;

    /// A fresh key on the partition of `relatedKey` (incidents, variables, batch operations).
    qint64 nextKey(qint64 relatedKey);
    int partitionCount() const { return m_partitionCount; }

private:
    std::vector<Job> m_jobs;
    std::vector<JobExtra> m_extras;
    QHash<qint64, quint32> m_byKey; // jobs outside the generated range
    QMultiHash<qint64, quint32> m_byInstance; // process instance -> jobs outside that range
    QMultiHash<qint64, quint32> m_byElement; // element instance -> jobs outside that range
    qint64 m_generatedFirst = -1; // position of the first generated job
    qint64 m_generatedCount = 0;
    QStringList m_strings;
    QHash<QString, quint32> m_stringIds;
    std::vector<QJsonObject> m_objects;
    std::vector<Incident> m_incidents;
    QHash<qint64, std::size_t> m_incidentIndex; // incident key -> position in m_incidents
    QHash<qint64, ProcessDefinition> m_definitions;
    qint64 m_nextKeyCounter = 1;
    int m_partitionCount = 3;
};

} // namespace JobDesk::Sandbox
