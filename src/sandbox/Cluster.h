// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/GatewayVersion.h"
#include "sandbox/JobStore.h"
#include "sandbox/RawJson.h"
#include "sandbox/SearchDelay.h"
#include "sandbox/VariableStore.h"

#include <QString>

#include <functional>
#include <optional>

namespace JobDesk::Sandbox {

/// A job as search sees it: the job and its extra data (live, or as it was --search-delay-ms
/// ago).
struct JobRef
{
    const Job *job = nullptr;
    const JobExtra *extra = nullptr;
};

/// The simulated cluster behind the API: jobs, incidents, variables, the version it plays and
/// its clock, and the engine's state changes that more than one endpoint shares (an incident
/// raised or resolved, variables merged, a job touched). Every change goes through here, so
/// the lag of the search (--search-delay-ms) sees all of them.
class Cluster final
{
public:
    using Clock = std::function<qint64()>;

    explicit Cluster(GatewayVersion version = GatewayVersion::V8_8, Clock clock = {});
    Q_DISABLE_COPY_MOVE(Cluster)

    GatewayVersion version() const { return m_version; }
    bool atLeast(GatewayVersion version) const { return m_version >= version; }
    qint64 now() const;

    JobStore &jobs() { return m_jobs; }
    const JobStore &jobs() const { return m_jobs; }
    VariableStore &variables() { return m_variables; }
    const VariableStore &variables() const { return m_variables; }
    SearchDelay &searchDelay() { return m_delay; }

    /// Loads jobs in the demo-data format ({"jobs": [...]} or [...]); false with a message.
    bool loadJson(const QByteArray &json, QString *error);
    /// Adds n CREATED jobs with keys JobStore::GeneratedBase + i, two variables each.
    void generate(qint64 n);

    /// To call before a job changes: keeps its before-image for the lagging search and stamps
    /// its last-update time.
    void touch(Job &job);
    /// Opens the job's incident (see JobStore::raiseIncident), visible to search after the lag.
    void raiseIncident(Job &job);

    /// The engine's answer to resolving an incident: nullopt when resolved, else the rejection
    /// (code NOT_FOUND or INVALID_STATE, and the reason as IncidentResolveProcessor words it).
    struct Rejection
    {
        QString code;
        QString reason;
    };
    std::optional<Rejection> resolveIncident(qint64 incidentKey);

    /// Activates up to `max` ACTIVATABLE jobs of `type` for `worker` (JobBatchActivateProcessor):
    /// they get a deadline and, with `lease` (8.10), a lease token.
    std::vector<Job *> activate(
        const QString &type, const QString &worker, qint64 timeoutMs, int max, bool lease);
    /// The variables a job sees (its instance's, overridden by its element's local ones),
    /// limited to `names` unless empty, as the text of a JSON object with the values verbatim.
    QByteArray variablesText(const Job &job, const QStringList &names) const;

    /// Variables written by a command: merged upwards from `scopeKey`, or set there (local).
    void writeVariables(
        const Job &job, qint64 scopeKey, const std::vector<RawJson::Member> &vars, bool local);
    /// The scope an element-instance key names: the process instance (its key) or an element
    /// instance of it; nullopt when neither exists (or it is over).
    struct Scope
    {
        qint64 key = 0;
        const Job *job = nullptr;
    };
    std::optional<Scope> scope(qint64 key) const;

    /// What search sees (the state `delay` ago): each job with its extra data.
    void forEachVisibleJob(const std::function<void(const Job &, const JobExtra *)> &visit);
    void forEachVisibleIncident(const std::function<void(const Incident &)> &visit);
    void forEachVisibleVariable(const std::function<void(const Variable &)> &visit);
    /// How search sees one job: `job` is nullptr when it does not see it yet.
    JobRef visible(const Job &job);
    std::optional<Incident> visibleIncident(qint64 key);
    std::optional<Variable> visibleVariable(qint64 key);

private:
    bool addJob(const QJsonObject &object, const QByteArray &raw, int index, QString *error);

    GatewayVersion m_version;
    Clock m_clock;
    JobStore m_jobs;
    VariableStore m_variables;
    SearchDelay m_delay;
};

} // namespace JobDesk::Sandbox
