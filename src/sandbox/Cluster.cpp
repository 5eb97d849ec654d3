// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/Cluster.h"

#include <QDateTime>

namespace JobDesk::Sandbox {

Cluster::Cluster(GatewayVersion version, Clock clock)
    : m_version(version)
    , m_clock(std::move(clock))
{
    m_variables.setKeySource([this](qint64 related) { return m_jobs.nextKey(related); });
    m_variables.setChangeHook([this](qint64 key, const std::optional<Variable> &before) {
        if (m_delay.enabled())
            m_delay.variables.record(key, now(), before);
    });
}

qint64 Cluster::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void Cluster::generate(qint64 n)
{
    if (n <= 0)
        return;
    m_jobs.generate(n, now());
    std::vector<RawJson::Member> members {
        {QStringLiteral("orderId"), QByteArrayLiteral("\"generated\"")},
        {QStringLiteral("amount"), QByteArrayLiteral("42.5")}};
    m_variables.setTemplate(JobStore::GeneratedBase + JobStore::GeneratedInstanceOffset, n,
        std::move(members), QStringLiteral("<default>"));
}

void Cluster::touch(Job &job)
{
    const qint64 nowMs = now();
    if (m_delay.enabled()) {
        const JobExtra *extra = std::as_const(m_jobs).extra(job);
        m_delay.jobs.record(job.key, nowMs,
            JobSnapshot {job, extra ? std::optional<JobExtra>(*extra) : std::nullopt});
    }
    job.lastUpdateTimeMs = nowMs;
}

void Cluster::raiseIncident(Job &job)
{
    const Incident &incident = m_jobs.raiseIncident(job, now());
    if (m_delay.enabled())
        m_delay.incidents.record(incident.key, incident.creationTimeMs, std::nullopt);
}

std::optional<Cluster::Rejection> Cluster::resolveIncident(qint64 incidentKey)
{
    Job *job = m_jobs.jobForIncident(incidentKey);
    if (!job) {
        return Rejection {QStringLiteral("NOT_FOUND"),
            QStringLiteral("Expected to resolve incident with key '%1', but no such incident "
                           "was found")
                .arg(incidentKey)};
    }
    if (job->retries <= 0) {
        return Rejection {QStringLiteral("INVALID_STATE"),
            QStringLiteral("Expected to resolve incident with key '%1', but job with key '%2' "
                           "has no retries left. Please update the job retries and retry "
                           "resolving the incident")
                .arg(incidentKey)
                .arg(job->key)};
    }
    if (m_delay.enabled()) {
        if (const Incident *before = m_jobs.incident(incidentKey))
            m_delay.incidents.record(incidentKey, now(), *before);
    }
    touch(*job);
    m_jobs.closeIncident(*job);
    // The job can be activated again (an error-thrown job goes back to its worker, too).
    job->state = JobState::Created;
    job->deadlineMs = 0;
    if (job->extra)
        m_jobs.extra(*job).backoffUntilMs = 0;
    return std::nullopt;
}

std::vector<Job *> Cluster::activate(
    const QString &type, const QString &worker, qint64 timeoutMs, int max, bool lease)
{
    std::vector<Job *> out;
    const auto typeId = m_jobs.intern(type);
    const quint32 workerId = m_jobs.intern(worker);
    const qint64 nowMs = now();
    for (const Job &candidate : m_jobs.jobs()) {
        if (int(out.size()) >= max)
            break;
        if (candidate.type != typeId
            || m_jobs.engineState(candidate, nowMs) != EngineState::Activatable)
            continue;
        Job &job = *m_jobs.find(candidate.key);
        touch(job);
        job.deadlineMs = nowMs + timeoutMs;
        job.worker = workerId;
        if (lease) {
            m_jobs.extra(job).leaseToken
                = QStringLiteral("lease-%1-%2").arg(job.key).arg(m_jobs.nextKey(job.key));
        } else if (job.extra) {
            m_jobs.extra(job).leaseToken.clear();
        }
        out.push_back(&job);
    }
    return out;
}

QByteArray Cluster::variablesText(const Job &job, const QStringList &names) const
{
    std::vector<std::pair<QString, QByteArray>> visible;
    const auto put = [&](const Variable &v) {
        if (!names.isEmpty() && !names.contains(v.name))
            return;
        for (auto &entry : visible) {
            if (entry.first == v.name) {
                entry.second = v.value;
                return;
            }
        }
        visible.emplace_back(v.name, v.value);
    };
    for (const Variable &v : m_variables.inScope(job.processInstanceKey))
        put(v);
    if (job.elementInstanceKey != job.processInstanceKey) {
        for (const Variable &v : m_variables.inScope(job.elementInstanceKey))
            put(v);
    }
    QByteArray text = "{";
    for (const auto &[name, value] : visible) {
        if (text.size() > 1)
            text += ',';
        text += RawJson::quoted(name) + ':' + value;
    }
    return text + '}';
}

void Cluster::writeVariables(
    const Job &job, qint64 scopeKey, const std::vector<RawJson::Member> &vars, bool local)
{
    if (vars.empty())
        return;
    const QString tenant = m_jobs.string(job.tenantId);
    if (local)
        m_variables.setLocal(scopeKey, job.processInstanceKey, tenant, vars);
    else
        m_variables.merge(scopeKey, job.processInstanceKey, tenant, vars);
}

std::optional<Cluster::Scope> Cluster::scope(qint64 key) const
{
    if (const Job *element = m_jobs.jobOfElementInstance(key))
        return Scope {key, element};
    const auto instanceJobs = m_jobs.jobsOfInstance(key);
    if (!instanceJobs.empty())
        return Scope {key, instanceJobs.front()};
    return std::nullopt;
}

void Cluster::forEachVisibleJob(const std::function<void(const Job &, const JobExtra *)> &visit)
{
    if (!m_delay.enabled() || m_delay.jobs.empty()) {
        for (const Job &job : m_jobs.jobs())
            visit(job, m_jobs.extra(job));
        return;
    }
    const qint64 cutoff = now() - m_delay.delayMs();
    m_delay.prune(now());
    for (const Job &job : m_jobs.jobs()) {
        const std::optional<JobSnapshot> *old = m_delay.jobs.visible(job.key, cutoff);
        if (!old)
            visit(job, m_jobs.extra(job));
        else if (old->has_value())
            visit((*old)->job, (*old)->extra ? &*(*old)->extra : nullptr);
    }
}

void Cluster::forEachVisibleIncident(const std::function<void(const Incident &)> &visit)
{
    const qint64 cutoff = now() - m_delay.delayMs();
    if (m_delay.enabled())
        m_delay.prune(now());
    for (const Incident &incident : m_jobs.incidents()) {
        const std::optional<Incident> *old
            = m_delay.enabled() ? m_delay.incidents.visible(incident.key, cutoff) : nullptr;
        if (!old)
            visit(incident);
        else if (old->has_value())
            visit(**old);
    }
}

void Cluster::forEachVisibleVariable(const std::function<void(const Variable &)> &visit)
{
    if (!m_delay.enabled() || m_delay.variables.empty()) {
        m_variables.forEach(visit);
        return;
    }
    const qint64 cutoff = now() - m_delay.delayMs();
    m_delay.prune(now());
    m_variables.forEach([&](const Variable &v) {
        const std::optional<Variable> *old = m_delay.variables.visible(v.key, cutoff);
        if (!old)
            visit(v);
        else if (old->has_value())
            visit(**old);
    });
}

JobRef Cluster::visible(const Job &job)
{
    if (m_delay.enabled()) {
        const std::optional<JobSnapshot> *old
            = m_delay.jobs.visible(job.key, now() - m_delay.delayMs());
        if (old) {
            if (!old->has_value())
                return JobRef {};
            return JobRef {&(*old)->job, (*old)->extra ? &*(*old)->extra : nullptr};
        }
    }
    return JobRef {&job, m_jobs.extra(job)};
}

std::optional<Incident> Cluster::visibleIncident(qint64 key)
{
    const Incident *live = m_jobs.incident(key);
    if (!live)
        return std::nullopt;
    if (m_delay.enabled()) {
        if (const auto *old = m_delay.incidents.visible(key, now() - m_delay.delayMs()))
            return *old;
    }
    return *live;
}

std::optional<Variable> Cluster::visibleVariable(qint64 key)
{
    const std::optional<Variable> live = m_variables.find(key);
    if (!live)
        return std::nullopt;
    if (m_delay.enabled()) {
        if (const auto *old = m_delay.variables.visible(key, now() - m_delay.delayMs()))
            return *old;
    }
    return live;
}

} // namespace JobDesk::Sandbox
