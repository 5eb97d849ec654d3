// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/actions/ActionSender.h"
#include "core/batch/ServerBatch.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace JobDesk {

class ApiCall;
class JobLookup;
class JobLookupCall;
class JobsClient;

/// How a server-side bulk repair ended.
enum class ServerBatchResult {
    Running,
    Planned, ///< plan() is done (or PlanOnly): nothing was changed
    NotPlanned, ///< the plan could not be made or cannot run (ServerBatchPlan::error)
    Completed, ///< the operation ended with every item completed (or skipped)
    Failed, ///< the operation ended with failed items (or ended FAILED / PARTIALLY_COMPLETED)
    Cancelled, ///< the operation was cancelled (or the run stopped before it was started)
    Refused, ///< the cluster refused to start it (error() has the server's words)
    NoAnswer, ///< a request got no answer; the operation's fate is unknown
};
QString serverBatchResultName(ServerBatchResult result); ///< "completed", "failed", …

/// The one engine of the server-side bulk incident resolution (Camunda 8.8+), for the window and
/// the CLI.
///
/// plan() checks the server's version first (before 8.8: NotPlanned, nothing sent; unknown: it
/// reads `GET /v2/topology`), then finds the ACTIVE incidents the filter matches (incident
/// search, paged) and looks their jobs up in chunks: the jobs with no retries left must get
/// retries before the batch, because the batch resolution does not raise them
/// (camunda/camunda#41213). run() raises them (each its own `PATCH /v2/jobs/{key}` through
/// ActionSender: recorded ahead in the history, linked), then sends
/// `POST /v2/process-instances/incident-resolution` (recorded likewise) and records the operation
/// in the batch journal (its key and filter). It then follows the operation (`GET
/// /v2/batch-operations/{key}` every pollInterval, coalesced; at the end the items, paged,
/// through `batch-operation-items/search`) and reports counts per item state and the failed
/// items with the server's error text verbatim. suspend(), resume(), cancelOperation() act on
/// the running operation; follow() attaches to one started earlier.
class ServerBatchRunner final : public QObject
{
    Q_OBJECT
public:
    explicit ServerBatchRunner(JobsClient *client, QObject *parent = nullptr);
    ~ServerBatchRunner() override;
    Q_DISABLE_COPY_MOVE(ServerBatchRunner)

    void setHistory(const HistoryTarget &target) { m_history = target; }
    void setServerVersion(const CamundaVersion &version) { m_version = version; }
    void setPollInterval(std::chrono::milliseconds interval);
    /// Updates raised at once (1..16, default 4).
    void setConcurrency(int n);

    /// Makes the plan (asynchronous: planned() follows). False while busy.
    bool plan(const ServerBatchFilter &filter, int retries = 1);
    /// Runs the plan made by plan() (asynchronous: progressChanged() …, finished()). False when
    /// there is no valid plan or a run is under way.
    bool run();
    /// Follows an operation started earlier (e.g. by the CLI with --no-wait, or before a crash);
    /// `journalId`: its batch in the journal, set Finished (or Cancelled) when it ends.
    bool follow(const QString &batchOperationKey, qint64 journalId = 0);
    /// Stops following (and stops a run before its POST): nothing is sent to the operation.
    void stop();

    /// Suspend, resume, cancel the operation (each a request recorded in the history);
    /// lifecycleFinished() follows. False when there is no operation or a request is in flight.
    bool suspend();
    bool resume();
    bool cancelOperation();

    bool isBusy() const { return m_busy; }
    const ServerBatchPlan &currentPlan() const { return m_plan; }
    const ServerBatchProgress &progress() const { return m_progress; }
    ServerBatchResult result() const { return m_result; }
    /// Why the run ended as NotPlanned, Refused or NoAnswer, in plain words.
    QString error() const { return m_error; }
    /// The outcome of the start request (for the CLI's output; empty before it).
    const Outcome &startOutcome() const { return m_startOutcome; }
    /// The batch journal's id of this operation (0: not recorded).
    qint64 journalId() const { return m_journalId; }
    QString linkId() const { return m_linkId; }
    QString historyError() const { return m_historyError; }

signals:
    void planned();
    /// A job's retries were raised (or refused): progress().retriesRaised/Refused changed.
    void retriesProgress(int done, int total);
    /// The operation was started: progress().batchOperationKey is set.
    void started();
    /// New counts (at most one per poll).
    void progressChanged();
    void lifecycleFinished(JobDesk::BatchOperationRequest::Kind kind,
        const JobDesk::Outcome &outcome, const JobDesk::Explanation &explanation);
    void finished(JobDesk::ServerBatchResult result);

private:
    static constexpr int kPageSize = 1000;
    /// A new operation may not be readable at once (the real server reads it from secondary
    /// storage); this many 404s in a row end the follow-up.
    static constexpr int kMaxNotFoundPolls = 40;
    /// Back-pressure (503 RESOURCE_EXHAUSTED, 429: nothing was applied) is retried this often,
    /// after a pause that grows with each try.
    static constexpr int kBackpressureTries = 6;
    static constexpr int kBackpressurePauseMs = 200;
    /// "HTTP 409 Conflict: …" or what went wrong without an answer.
    static QString refusalText(const Outcome &outcome);

    // Planning and starting (ServerBatchRunner.cpp)
    void readVersion();
    void searchIncidents(int index, const QString &after);
    void lookUpJobs();
    void planDone(const QString &error);
    void raiseNextRetries();
    void onRetriesRaised(ActionSender *sender, const Outcome &outcome);
    void startOperation();
    void onStarted(const Outcome &outcome);
    // Following (ServerBatchFollow.cpp)
    void poll();
    void onPolled(const Outcome &outcome);
    void readItems(const QString &after);
    void finish(ServerBatchResult result, const QString &error = {});
    void recordJournal();
    void closeJournal(ServerBatchResult result);
    bool lifecycle(BatchOperationRequest::Kind kind);
    ApiCall *track(ApiCall *call);

    QPointer<JobsClient> m_client;
    JobLookup *m_lookup;
    ActionSender *m_starter;
    ActionSender *m_lifecycle;
    QList<ActionSender *> m_updaters;
    QPointer<ApiCall> m_call;
    QPointer<JobLookupCall> m_lookupCall;
    QTimer m_pollTimer;
    HistoryTarget m_history;
    CamundaVersion m_version;
    ServerBatchPlan m_plan;
    ServerBatchProgress m_progress;
    ServerBatchProgress m_itemsRead; ///< counts gathered while paging the items at the end
    ServerBatchResult m_result = ServerBatchResult::Planned;
    Outcome m_startOutcome;
    BatchOperationRequest::Kind m_lifecycleKind = BatchOperationRequest::Kind::Get;
    QString m_error;
    QString m_linkId;
    QString m_historyError;
    qint64 m_journalId = 0;
    int m_concurrency = 4;
    int m_nextRetry = 0;
    int m_retriesDone = 0;
    int m_notFoundPolls = 0;
    int m_startTries = 0;
    int m_planTries = 0; ///< back-pressured reads while planning
    QList<int> m_retryAgain; ///< jobs (plan indexes) to update again after back-pressure
    QHash<ActionSender *, int> m_sentIndex; ///< the job each updater is raising
    QHash<int, int> m_backpressureTries;
    bool m_busy = false;
    bool m_planned = false;
};

} // namespace JobDesk

Q_DECLARE_METATYPE(JobDesk::ServerBatchResult)
