// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/CamundaVersion.h"
#include "core/camunda/Searches.h"
#include "core/lookup/JobLookupResult.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <optional>

namespace JobDesk {

class ApiCall;
class JobsClient;

/// One look-up in flight: emits `finished` exactly once, always from the event loop (also
/// after cancel(), with LookupState::Cancelled), then may be deleted by the receiver
/// (`deleteLater`). Deleting it earlier cancels what is still in flight. A single-job look-up
/// that found its job and still reads the incident or variables emits `jobRead` first, so the
/// job can be shown while the slower searches run.
class JobLookupCall final : public QObject
{
    Q_OBJECT
public:
    ~JobLookupCall() override;
    void cancel();
    bool isFinished() const { return m_finished; }
    const JobKey &key() const { return m_result.key; }

signals:
    /// The job's own search found it; the incident and variables are still being read (they
    /// are empty in `partial`). At most once, before `finished`; never after cancel(). Its
    /// receivers must not delete the call (they may cancel it).
    void jobRead(const JobDesk::JobLookupResult &partial);
    void finished(const JobDesk::JobLookupResult &result);

private:
    friend class JobLookup;
    JobLookupCall(JobsClient *client, QObject *parent);
    Q_DISABLE_COPY_MOVE(JobLookupCall)

    using Handler = std::function<void(const Outcome &)>;
    void send(const ApiRequest &request, Handler handler);
    void finishLater(LookupState state);
    void finish();

    JobsClient *m_client;
    std::chrono::milliseconds m_timeout {0}; ///< per request; 0: the client's
    JobLookupResult m_result;
    QList<QPointer<ApiCall>> m_inFlight;
    std::optional<ActionKind> m_recheckAction; ///< set for recheck(): judge before emitting
    int m_pending = 0;
    bool m_finished = false; ///< `finished` was emitted
    bool m_cancelled = false; ///< answers still arriving are ignored
    bool m_finishQueued = false;
    bool m_announceJob = false; ///< emit `jobRead` once the job's own answer is handled
};

/// "What is this job now?" — the one look-up of jobs for the window, the CLI and batches.
///
/// lookUp() reads a job by key (`jobs/search`, `filter.jobKey`), then, when found and asked
/// for, its ACTIVE incident (`incidents/search`) and the variables it sees (`variables/search`
/// by scope: the process instance and the job's element instance; values truncated unless
/// asked otherwise), as one asynchronous operation with a clear LookupState. A key that is not
/// found and that JavaScript or a spreadsheet could have rounded gets its existing neighbours
/// (`jobKey.$in`) in JobLookupResult::jobs. lookUpMany() reads many keys in chunks;
/// recheck() settles an attempt whose answer was lost. Servers before 8.8 have no job search:
/// when the version is known (setServerVersion) nothing is sent; otherwise their 404/405 says so.
class JobLookup final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool incident = true;
        bool variables = true;
        bool fullValues = false; ///< variables untruncated (`truncateValues=false`)
        bool neighbours = true; ///< not found: look for the keys it may have been rounded from
        int variablesLimit = 1000; ///< per scope
        /// Per request; 0: the client's.
        std::chrono::milliseconds timeout {0};
    };

    /// A re-check waits at least this long for its answer: the attempt's own answer was just
    /// lost to a slow or broken path, and giving up early would leave "unknown" needlessly.
    static constexpr std::chrono::milliseconds kRecheckMinTimeout {10000};

    explicit JobLookup(JobsClient *client, QObject *parent = nullptr);
    ~JobLookup() override;

    /// The server's version, from the topology; unknown (the default) means "try and see".
    void setServerVersion(const CamundaVersion &version) { m_version = version; }
    const CamundaVersion &serverVersion() const { return m_version; }
    /// False when the server is known to have no job search.
    bool canSearch() const;

    JobLookupCall *lookUp(const JobKey &key);
    JobLookupCall *lookUp(const JobKey &key, const Options &options);
    /// The jobs with these keys, `chunkSize` per request, one request at a time: `jobs` holds
    /// what was found (in the server's order), `missing` the rest. Found as soon as every
    /// chunk answered; the first failing chunk decides the state otherwise.
    JobLookupCall *lookUpMany(const QList<JobKey> &keys, int chunkSize = 100);
    /// One variable's full value (`GET variables/{key}`), in `variables`.
    JobLookupCall *lookUpVariable(const JobKey &variableKey);
    /// Looks up the subject of an attempt whose answer was lost (see LookupRules::needsRecheck)
    /// and sets JobLookupResult::recheck: applied (e.g. the server did complete it), not applied
    /// (still open: safe to retry) or unknown. The look-up waits at least kRecheckMinTimeout.
    JobLookupCall *recheck(const Outcome &attempt);

private:
    Q_DISABLE_COPY_MOVE(JobLookup)

    JobLookupCall *newCall(const JobKey &key);
    void readDetails(JobLookupCall *call, const Options &options);
    void readVariables(
        JobLookupCall *call, const QString &scopeKey, bool local, const Options &options);
    void readNeighbours(JobLookupCall *call);
    void readChunk(JobLookupCall *call, QList<SearchRequest> chunks, QList<JobKey> keys);

    QPointer<JobsClient> m_client;
    CamundaVersion m_version;
};

} // namespace JobDesk
