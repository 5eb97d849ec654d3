// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/actions/ActionSender.h"
#include "core/actions/RepairPlan.h"
#include "core/camunda/CamundaVersion.h"
#include "core/lookup/JobLookupResult.h"

#include <QObject>
#include <QPointer>

namespace JobDesk {

class JobLookup;
class JobLookupCall;
class JobsClient;

/// How far one step of a repair got.
enum class RepairStepStatus { Waiting, Running, Done, Refused, NotRun };

struct RepairStepProgress
{
    RepairStepStatus status = RepairStepStatus::Waiting;
    Outcome outcome; ///< set once Done or Refused
    Explanation explanation; ///< what the outcome means (the server's words, read)
    qint64 historyId = 0; ///< its history row; 0: not recorded
};

/// How a repair ended.
enum class RepairResult {
    Running,
    Planned, ///< PlanOnly: the plan is made, nothing was sent
    NotPlanned, ///< the look-up failed or there is nothing to repair (RepairPlan::error)
    Repaired, ///< every step was accepted
    Refused, ///< a step was refused: the steps after it were not sent
    NoAnswer, ///< a step got no answer (the server may have applied it): the rest not sent
    Cancelled,
};

/// The one engine of the guided repair, for the window and the CLI.
///
/// start() looks the job up first (job, ACTIVE incident; in PlanOnly mode its variables too),
/// makes the RepairPlan from what the server says, then sends the steps one after the other,
/// each through ActionSender (recorded before it leaves, its outcome when it comes). The
/// look-up and every step share one link id in the history, so the log shows them as one
/// repair. The first refusal stops the run: its explanation carries the server's words and
/// what they mean ("no retries left", "still in retry back-off", "incident already resolved");
/// the steps after it are not sent. PlanOnly (dry run, the panel's preview) stops after the plan
/// and records nothing.
class RepairRunner final : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Run, PlanOnly };

    explicit RepairRunner(JobsClient *client, QObject *parent = nullptr);
    ~RepairRunner() override;
    Q_DISABLE_COPY_MOVE(RepairRunner)

    void setHistory(const HistoryTarget &target) { m_history = target; }
    void setServerVersion(const CamundaVersion &version) { m_version = version; }

    /// Starts (false, nothing done, when a run is under way). Everything that follows comes
    /// from the event loop: lookedUp, then stepStarted/stepFinished per step, then finished.
    bool start(const JobKey &jobKey, const RepairOptions &options, Mode mode = Mode::Run);
    /// Stops: the step in flight is cancelled (its outcome is unknown), the rest not sent.
    void cancel();
    bool isRunning() const { return m_result == RepairResult::Running && m_started; }

    const JobLookupResult &lookup() const { return m_lookup; }
    const RepairPlan &plan() const { return m_plan; }
    const QList<RepairStepProgress> &progress() const { return m_progress; }
    RepairResult result() const { return m_result; }
    /// The history link id of this run's rows (empty before start() or in PlanOnly mode).
    QString linkId() const { return m_linkId; }
    /// The index of the step that stopped the run (Refused/NoAnswer), or -1.
    int stoppedAt() const { return m_stoppedAt; }
    /// Why the history could not be written (the last such error), or empty.
    QString historyError() const { return m_historyError; }

signals:
    /// The job is looked up and plan() is made (or has an error).
    void lookedUp();
    void stepStarted(int index);
    void stepFinished(int index);
    void finished(JobDesk::RepairResult result);

private:
    void onLookedUp(const JobLookupResult &result);
    void runStep(int index);
    void onStepFinished(const Outcome &outcome, const Explanation &explanation);
    void finish(RepairResult result);

    QPointer<JobsClient> m_client;
    JobLookup *m_jobLookup;
    ActionSender *m_sender;
    QPointer<JobLookupCall> m_lookupCall;
    HistoryTarget m_history;
    CamundaVersion m_version;
    RepairOptions m_options;
    Mode m_mode = Mode::Run;
    JobLookupResult m_lookup;
    RepairPlan m_plan;
    QList<RepairStepProgress> m_progress;
    RepairResult m_result = RepairResult::Running;
    QString m_linkId;
    QString m_historyError;
    int m_current = -1;
    int m_stoppedAt = -1;
    bool m_started = false;
};

} // namespace JobDesk

Q_DECLARE_METATYPE(JobDesk::RepairResult)
