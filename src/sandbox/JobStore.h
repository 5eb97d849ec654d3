// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace JobDesk::Sandbox {

/// The state a job search reports (JobStateEnum of the 8.8 spec).
enum class JobState : quint8 {
    Created,
    Completed,
    Failed,
    ErrorThrown,
    RetriesUpdated,
    TimedOut,
    Canceled,
    Migrated
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

/// One job, kept compact so a million fit in ~100 MiB: strings and JSON objects are interned
/// in the store's pools and referenced by index; rarely used texts live in JobExtra.
struct Job
{
    qint64 key = 0;
    qint64 processInstanceKey = 0;
    qint64 processDefinitionKey = 0;
    qint64 elementInstanceKey = 0;
    qint64 deadlineMs = 0; ///< 0: never activated (no deadline)
    qint64 endTimeMs = 0; ///< 0: still open
    qint64 incidentKey = 0; ///< 0: no open incident
    qint64 backoffUntilMs = 0; ///< failed with a retry back-off until then
    qint32 retries = 3;
    quint32 type = 0;
    quint32 processDefinitionId = 0;
    quint32 elementId = 0;
    quint32 worker = 0;
    quint32 tenantId = 0;
    quint32 customHeaders = 0; ///< index into the object pool
    quint32 variables = 0; ///< index into the object pool
    quint32 extra = 0; ///< 1-based index into the extras, 0: none
    JobState state = JobState::Created;
    JobKind kind = JobKind::BpmnElement;
    ListenerEventType listenerEventType = ListenerEventType::Unspecified;
    bool hasFailedWithRetriesLeft = false;
};

struct JobExtra
{
    QString errorMessage;
    QString errorCode;
    QString deniedReason;
    std::optional<bool> isDenied;
};

/// An incident raised for a job: no retries left (JOB_NO_RETRIES) or an uncaught error
/// (UNHANDLED_ERROR_EVENT). Resolved incidents stay, as in search on a real cluster.
struct Incident
{
    qint64 key = 0;
    qint64 jobKey = 0;
    qint64 creationTimeMs = 0;
    bool resolved = false;
    bool unhandledError = false;
    QString errorMessage;
};

/// All jobs the sandbox knows, with their incidents. Not thread-safe (one event loop).
class JobStore final
{
public:
    static constexpr qint64 PartitionShift = 51;
    static constexpr qint64 GeneratedBase = (qint64(1) << PartitionShift) + 1;

    JobStore();
    Q_DISABLE_COPY_MOVE(JobStore)

    /// Loads jobs in the demo-data format ({"jobs": [...]}). False with a message on error.
    bool loadJson(const QByteArray &json, QString *error);
    /// Adds n CREATED jobs with keys GeneratedBase + i.
    void generate(qint64 n);

    qint64 size() const { return qint64(m_jobs.size()); }
    const std::vector<Job> &jobs() const { return m_jobs; }
    Job *find(qint64 key);
    const Job *find(qint64 key) const;

    QString string(quint32 id) const { return m_strings.at(int(id)); }
    quint32 intern(const QString &text);
    std::optional<quint32> stringId(const QString &text) const;
    const QJsonObject &object(quint32 id) const { return m_objects.at(id); }
    quint32 addObject(const QJsonObject &object);

    const JobExtra *extra(const Job &job) const;
    JobExtra &extra(Job &job);

    EngineState engineState(const Job &job, qint64 nowMs) const;

    /// Opens an incident for the job (its state and error say which kind) and returns its key.
    qint64 raiseIncident(Job &job, qint64 nowMs);
    /// The job of an ACTIVE incident, or nullptr.
    Job *jobForIncident(qint64 incidentKey);
    /// Marks the job's incident RESOLVED.
    void closeIncident(Job &job);
    const std::vector<Incident> &incidents() const { return m_incidentRecords; }
    const Incident *incident(qint64 key) const;

    int partitionCount() const { return m_partitionCount; }

private:
    bool addJob(const QJsonObject &object, int index, QString *error);
    void index(const Job &job, std::size_t position);

    std::vector<Job> m_jobs;
    std::vector<JobExtra> m_extras;
    QHash<qint64, quint32> m_byKey; // jobs outside the generated range
    qint64 m_generatedFirst = -1; // position of the first generated job
    qint64 m_generatedCount = 0;
    QStringList m_strings;
    QHash<QString, quint32> m_stringIds;
    std::vector<QJsonObject> m_objects;
    std::vector<Incident> m_incidentRecords;
    QHash<qint64, std::size_t> m_incidentIndex; // incident key -> position in m_incidentRecords
    qint64 m_nextIncidentCounter = 1;
    int m_partitionCount = 3;
};

} // namespace JobDesk::Sandbox
