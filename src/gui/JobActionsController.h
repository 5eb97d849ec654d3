// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/actions/RepairRunner.h"
#include "gui/JobActionDialog.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;

namespace JobDesk {

class ActionSender;
class MainWindow;
class RepairPanel;

/// The window's Job menu: every single-job action besides completion (update retries or
/// timeout, fail, throw a BPMN error, resolve the incident, resolve all incidents of the
/// instance on 8.9+, set variables) and the guided repair, each with its keyboard shortcut.
///
/// The actions work on the job in the form (the key field) and take what the job card looked
/// up (incident, scope and instance keys). Each opens its small form (JobActionDialog); OK sends
/// the request through the core's ActionSender — recorded in the history before it leaves, on
/// a production connection only after the same confirmation as a completion — and the banner
/// says what the answer means. Repair… (also offered by the banner after a 409 on a FAILED job,
/// and on the job card of a FAILED job) opens the RepairPanel.
class JobActionsController final : public QObject
{
    Q_OBJECT
public:
    explicit JobActionsController(MainWindow *window);
    ~JobActionsController() override;
    Q_DISABLE_COPY_MOVE(JobActionsController)

    QMenu *menu() const { return m_menu; }
    QAction *action(JobAction action) const;
    QAction *repairAction() const { return m_repairAction; }
    /// The open action form, or nullptr.
    JobActionDialog *dialog() const;
    /// The repair panel (made on first use), or nullptr.
    RepairPanel *repairPanel() const;
    bool isSending() const;

public slots:
    /// Opens the form of `action` for the job in the form.
    void open(JobDesk::JobAction action);
    /// Opens the repair panel for `jobKey` (empty: the job in the form).
    void openRepair(const QString &jobKey = {});

private:
    void updateActions();
    void send(const ApiRequest &request);
    void showOutcome(const Outcome &outcome, const Explanation &explanation);
    HistoryTarget historyTarget() const;
    CamundaVersion serverVersion() const;

    MainWindow *m_window;
    QMenu *m_menu;
    QList<QAction *> m_actions; ///< in JobAction order
    QAction *m_repairAction;
    ActionSender *m_sender;
    QPointer<JobActionDialog> m_dialog;
    QPointer<RepairPanel> m_repairPanel;
    QString m_sentKey; ///< the subject of the request in flight
};

} // namespace JobDesk
