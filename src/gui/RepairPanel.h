// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/actions/ActionSender.h"
#include "core/actions/RepairPlan.h"
#include "core/actions/RepairRunner.h"

#include <QDialog>

#include <memory>

namespace Ui {
class RepairPanel;
}

namespace JobDesk {

class JobsClient;

/// The guided repair of a FAILED job (or one whose error nobody caught): shows the job, its
/// incident and the variables it sees, lets the person choose the steps' values (variables to
/// set first, the new retries — 1 by default —, and whether to leave the job to its worker or
/// complete it by hand), and walks the steps as they happen, each with its status and, when
/// refused, the server's words and what they mean. On a production connection one confirmation
/// lists every step before anything is sent. The engine is the core's RepairRunner, the same
/// one `jobdesk-cli job repair` runs.
class RepairPanel final : public QDialog
{
    Q_OBJECT
public:
    explicit RepairPanel(JobsClient *client, QWidget *parent = nullptr);
    ~RepairPanel() override;

    /// Where the steps are recorded, and whether the connection is a production one.
    void setHistory(const HistoryTarget &target);
    void setServerVersion(const CamundaVersion &version);
    /// Looks the job up (job, incident, variables) and shows the plan; sends no change.
    void lookUp(const JobKey &jobKey);
    JobKey jobKey() const { return m_jobKey; }

    /// The plan for the job as last looked up and the choices made now.
    RepairPlan currentPlan() const;
    RepairOptions options() const;
    const RepairRunner *runner() const { return m_runner; }
    /// The history link id of the last run's rows (kept after the look-up that follows it).
    QString lastLinkId() const { return m_lastLinkId; }
    bool isBusy() const { return m_runner->isRunning(); }

public slots:
    /// Runs the plan (after the production check): the job is looked up again, then each step.
    void run();

signals:
    /// A run ended; its rows are in the history.
    void repairFinished(JobDesk::RepairResult result);

private:
    void onLookedUp();
    void onStepStarted(int index);
    void onStepFinished(int index);
    void onFinished(RepairResult result);
    void showLookup();
    void showPlan();
    void updateButtons();
    void preview();
    void copyCurl();

    Q_DISABLE_COPY_MOVE(RepairPanel)
    const std::unique_ptr<Ui::RepairPanel> m_ui;
    JobsClient *m_client;
    RepairRunner *m_runner;
    HistoryTarget m_history;
    JobKey m_jobKey;
    bool m_running = false; ///< the current runner run is Run, not the preview's look-up
    /// The look-up after a run: it refreshes the job and incident, the steps stay as they ended.
    bool m_afterRun = false;
    QString m_lastLinkId;
};

} // namespace JobDesk
