// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/JobStore.h"
#include "sandbox/VariableStore.h"

#include <deque>
#include <optional>
#include <unordered_map>
#include <utility>

namespace JobDesk::Sandbox {

/// Before-images of one kind of record, so a search can see each record as it was `delay`
/// milliseconds ago. Only records changed within the delay have entries; a record with none is
/// seen as it is now.
template <typename T> class History final
{
public:
    /// `before` is the record as it was just before the change at `atMs` (nullopt: it did not
    /// exist yet).
    void record(qint64 key, qint64 atMs, std::optional<T> before)
    {
        m_entries[key].emplace_back(atMs, std::move(before));
    }

    /// How the record looked at `cutoffMs`: nullptr when as now, else the before-image of the
    /// first change after the cutoff (which may say "did not exist").
    const std::optional<T> *visible(qint64 key, qint64 cutoffMs) const
    {
        const auto it = m_entries.find(key);
        if (it == m_entries.end())
            return nullptr;
        for (const auto &entry : it->second) {
            if (entry.first > cutoffMs)
                return &entry.second;
        }
        return nullptr;
    }

    /// Drops what no search can need any more (changes at or before the cutoff).
    void prune(qint64 cutoffMs)
    {
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            auto &list = it->second;
            while (!list.empty() && list.front().first <= cutoffMs)
                list.pop_front();
            it = list.empty() ? m_entries.erase(it) : std::next(it);
        }
    }

    bool empty() const { return m_entries.empty(); }

private:
    std::unordered_map<qint64, std::deque<std::pair<qint64, std::optional<T>>>> m_entries;
};

/// A job as it was: the job and its extra data.
struct JobSnapshot
{
    Job job;
    std::optional<JobExtra> extra;
};

/// --search-delay-ms: the secondary storage that search reads from lags behind the engine, as
/// Elasticsearch does on a real cluster. Commands keep acting on the live state; searches (jobs,
/// incidents, variables) see every record as it was `delayMs` ago.
class SearchDelay final
{
public:
    explicit SearchDelay(qint64 delayMs = 0)
        : m_delayMs(delayMs)
    {
    }
    Q_DISABLE_COPY_MOVE(SearchDelay)

    bool enabled() const { return m_delayMs > 0; }
    qint64 delayMs() const { return m_delayMs; }
    void setDelayMs(qint64 delayMs) { m_delayMs = delayMs; }

    History<JobSnapshot> jobs;
    History<Incident> incidents;
    History<Variable> variables;

    void prune(qint64 nowMs)
    {
        const qint64 cutoff = nowMs - m_delayMs;
        jobs.prune(cutoff);
        incidents.prune(cutoff);
        variables.prune(cutoff);
    }

private:
    qint64 m_delayMs;
};

} // namespace JobDesk::Sandbox
