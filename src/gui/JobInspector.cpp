// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/JobInspector.h"

#include <QTimer>

namespace JobDesk {

JobInspector::JobInspector(JobsClient *client, QObject *parent)
    : QObject(parent)
    , m_lookup(new JobLookup(client, this))
    , m_debounce(new QTimer(this))
{
    m_debounce->setObjectName(QStringLiteral("jobLookupDebounceTimer"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &JobInspector::lookUpNow);
}

JobInspector::~JobInspector()
{
    delete m_call; // cancels what is in flight
    delete m_recheckCall;
}

std::optional<JobRecord> JobInspector::currentJob() const
{
    if (m_last && m_last->isFound() && m_last->job && m_last->key.toString() == m_key)
        return m_last->job;
    return std::nullopt;
}

void JobInspector::setJobKey(const QString &jobKey)
{
    if (jobKey == m_key)
        return;
    m_key = jobKey;
    m_last.reset();
    delete m_call; // an answer about the old key must not arrive
    if (m_key.isEmpty()) {
        m_debounce->stop();
        emit cleared();
        return;
    }
    m_debounce->start();
}

void JobInspector::lookUpNow()
{
    m_debounce->stop();
    if (m_key.isEmpty())
        return;
    const std::optional<JobKey> key = JobKey::parse(m_key).key;
    if (!key)
        return;
    delete m_call;
    JobLookupCall *call = m_lookup->lookUp(*key);
    m_call = call;
    emit lookUpStarted(m_key);
    connect(call, &JobLookupCall::jobRead, this, [this](const JobLookupResult &partial) {
        if (partial.key.toString() != m_key)
            return;
        m_last = partial;
        emit jobRead(partial);
    });
    connect(call, &JobLookupCall::finished, this, [this, call](const JobLookupResult &result) {
        call->deleteLater();
        if (result.key.toString() != m_key || result.state == LookupState::Cancelled)
            return;
        m_last = result;
        emit lookedUp(result);
    });
}

void JobInspector::recheck(const Outcome &attempt)
{
    delete m_recheckCall;
    JobLookupCall *call = m_lookup->recheck(attempt);
    m_recheckCall = call;
    connect(call, &JobLookupCall::finished, this, [this, call](const JobLookupResult &result) {
        call->deleteLater();
        emit recheckFinished(result);
        // The card shows the whole job again (incident, variables), not the re-check's part.
        if (result.key.toString() == m_key)
            lookUpNow();
    });
}

} // namespace JobDesk
