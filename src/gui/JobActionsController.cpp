// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/JobActionsController.h"

#include "core/actions/ActionSender.h"
#include "core/camunda/JobActions.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/lookup/JobLookup.h"
#include "gui/Confirm.h"
#include "gui/JobCard.h"
#include "gui/JobForm.h"
#include "gui/JobInspector.h"
#include "gui/LogPanel.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/RepairPanel.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>

namespace JobDesk {

namespace {

struct ActionRow
{
    JobAction action;
    const char *objectName;
    QKeySequence shortcut;
};

const QList<ActionRow> &actionRows()
{
    static const QList<ActionRow> rows {
        {JobAction::Update, "updateJobAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)},
        {JobAction::Fail, "failJobAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X)},
        {JobAction::ThrowError, "throwErrorAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)},
        {JobAction::ResolveIncident, "resolveIncidentAction",
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I)},
        {JobAction::ResolveInstanceIncidents, "resolveInstanceIncidentsAction",
            QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_I)},
        {JobAction::SetVariables, "setVariablesAction",
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)},
    };
    return rows;
}

/// "Update" of "Update of job … accepted".
QString actionNoun(ActionKind action)
{
    switch (action) {
    case ActionKind::Update:
        return JobActionsController::tr("Update");
    case ActionKind::Fail:
        return JobActionsController::tr("Failure");
    case ActionKind::ThrowError:
        return JobActionsController::tr("BPMN error");
    case ActionKind::ResolveIncident:
        return JobActionsController::tr("Incident resolution");
    case ActionKind::SetVariables:
        return JobActionsController::tr("Setting variables");
    default:
        return JobActionsController::tr("Request");
    }
}

/// The server says the job FAILED (or threw an error nobody caught): the repair is the answer.
bool offersRepair(const Outcome &outcome)
{
    const QString detail = outcome.problem.detail();
    return outcome.kind == OutcomeKind::InvalidState
        && (detail.contains(QLatin1String("in state 'FAILED'"))
            || detail.contains(QLatin1String("in state 'ERROR_THROWN'")));
}

} // namespace

JobActionsController::JobActionsController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_menu(new QMenu(tr("&Job"), window))
    , m_repairAction(new QAction(tr("&Repair…"), this))
    , m_sender(new ActionSender(window->client(), this))
{
    m_menu->setObjectName(QStringLiteral("jobMenu"));
    m_menu->menuAction()->setObjectName(QStringLiteral("jobMenuAction"));
    const QStringList texts {tr("&Update retries or timeout…"), tr("&Fail job…"),
        tr("Throw BPMN &error…"), tr("Resolve &incident…"),
        tr("Resolve &all incidents of the instance…"), tr("Set &variables…")};
    for (const ActionRow &row : actionRows()) {
        auto *action = new QAction(texts.at(int(row.action)), this);
        action->setObjectName(QLatin1String(row.objectName));
        action->setShortcut(row.shortcut);
        action->setShortcutContext(Qt::WindowShortcut);
        window->addAction(action);
        m_menu->addAction(action);
        connect(action, &QAction::triggered, this, [this, which = row.action] { open(which); });
        m_actions.append(action);
        if (row.action == JobAction::ResolveInstanceIncidents)
            m_menu->addSeparator();
    }
    m_menu->addSeparator();
    m_repairAction->setObjectName(QStringLiteral("repairJobAction"));
    m_repairAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_repairAction->setShortcutContext(Qt::WindowShortcut);
    m_repairAction->setToolTip(tr("Raise the retries, resolve the incident, then leave the job to "
                                  "its worker or complete it — step by step"));
    window->addAction(m_repairAction);
    m_menu->addAction(m_repairAction);
    connect(m_repairAction, &QAction::triggered, this, [this] { openRepair(); });
    // Between Request and Templates.
    window->menuBar()->insertMenu(window->templatesMenu()->menuAction(), m_menu);

    connect(m_sender, &ActionSender::finished, this, &JobActionsController::showOutcome);
    connect(window->form(), &JobForm::jobKeyChanged, this, &JobActionsController::updateActions);
    connect(
        window->inspector(), &JobInspector::lookedUp, this, &JobActionsController::updateActions);
    connect(window, &MainWindow::repairRequested, this, &JobActionsController::openRepair);
    connect(window, &MainWindow::requestFinished, this, [this](const Outcome &outcome) {
        if (offersRepair(outcome))
            m_window->offerRepair(outcome.request.subjectKey);
    });
    window->jobCard()->setRepairAction(m_repairAction);
    updateActions();
}

JobActionsController::~JobActionsController() = default;

QAction *JobActionsController::action(JobAction action) const
{
    return m_actions.value(int(action));
}

JobActionDialog *JobActionsController::dialog() const
{
    return m_dialog;
}

RepairPanel *JobActionsController::repairPanel() const
{
    return m_repairPanel;
}

bool JobActionsController::isSending() const
{
    return m_sender->isBusy();
}

CamundaVersion JobActionsController::serverVersion() const
{
    return m_window->inspector()->lookup()->serverVersion();
}

HistoryTarget JobActionsController::historyTarget() const
{
    HistoryTarget target;
    HistoryStore *store = m_window->history();
    target.store = store && store->isOpen() ? store : nullptr;
    target.source = HistorySource::Window;
    target.connection = m_window->connection().displayName();
    target.production = m_window->connection().isProduction();
    return target;
}

void JobActionsController::updateActions()
{
    const bool hasKey = !m_window->form()->validJobKey().isEmpty();
    const bool idle = !m_sender->isBusy();
    for (QAction *action : std::as_const(m_actions))
        action->setEnabled(hasKey && idle);
    // 8.9 brought the instance-wide resolution; an older server (when known) has none.
    const CamundaVersion version = serverVersion();
    const ResolveInstanceIncidentsRequest probe;
    if (!versionProblem(version, probe.features()).isEmpty()) {
        QAction *instance = action(JobAction::ResolveInstanceIncidents);
        instance->setEnabled(false);
        instance->setToolTip(
            tr("Needs Camunda 8.9 or later (the server is %1)").arg(version.text()));
    }
    m_repairAction->setEnabled(hasKey && idle);
}

void JobActionsController::open(JobAction which)
{
    const QString jobKey = m_window->form()->validJobKey();
    if (jobKey.isEmpty()) {
        m_window->showStatusMessage(tr("Enter a valid job key first (Ctrl+L)."));
        return;
    }
    if (m_dialog)
        m_dialog->close();
    std::optional<JobLookupResult> lookup = m_window->inspector()->lastResult();
    if (lookup && lookup->key.toString() != jobKey)
        lookup.reset();
    m_dialog = new JobActionDialog(which, jobKey, lookup, m_window->client(), m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::accepted, this, [this, dialog = m_dialog] {
        if (const std::optional<ApiRequest> request = dialog->request())
            send(*request);
    });
    m_dialog->open();
}

void JobActionsController::send(const ApiRequest &request)
{
    if (m_sender->isBusy())
        return;
    if (const QString problem = request.versionProblem(serverVersion()); !problem.isEmpty()) {
        m_window->banner()->showMessage(MessageBanner::Kind::Error, tr("Not sent"), problem);
        return;
    }
    if (m_window->connection().isProduction()
        && !Confirm::ask(m_window, tr("Change a job in production?"),
            tr("This sends %1 %2 for %3 on the production connection “%4”. It cannot be undone.")
                .arg(QString::fromLatin1(request.method), request.relativePath, request.subjectKey,
                    m_window->connection().displayName()),
            tr("Send to production"))) {
        m_window->showStatusMessage(tr("Not sent: cancelled at the production check."));
        return;
    }
    m_window->finishStartup(); // the history must be open before the attempt
    m_sender->setHistory(historyTarget());
    ExplainContext context;
    context.job = m_window->inspector()->currentJob();
    context.server = serverVersion();
    m_sender->setContext(context);
    m_sentKey = request.subjectKey;
    m_sender->send(request);
    m_window->showStatusMessage(
        tr("Sending %1 %2…").arg(QString::fromLatin1(request.method), request.relativePath));
    updateActions();
}

void JobActionsController::showOutcome(const Outcome &outcome, const Explanation &explanation)
{
    updateActions();
    const QString noun = actionNoun(outcome.request.action);
    QString headline;
    MessageBanner::Kind kind = MessageBanner::Kind::Error;
    if (outcome.ok()) {
        kind = MessageBanner::Kind::Positive;
        headline = tr("%1 of %2 accepted").arg(noun, m_sentKey);
    } else if (!outcome.httpStatus) {
        headline = tr("%1 of %2: no answer from the server").arg(noun, m_sentKey);
    } else {
        headline = tr("%1 of %2 refused: %3 (HTTP %4)")
                       .arg(noun, m_sentKey, outcomeKindLabel(outcome.kind))
                       .arg(*outcome.httpStatus);
        if (!outcome.problem.title().isEmpty())
            headline += tr(" — %1").arg(outcome.problem.title());
    }
    QString text = explanation.summary;
    if (!explanation.nextStep.isEmpty())
        text += tr("\nNext: %1").arg(explanation.nextStep);
    if (!m_sender->historyError().isEmpty())
        text += tr("\nNot recorded in the history: %1").arg(m_sender->historyError());
    m_window->banner()->showMessage(kind, headline, text);
    m_window->showStatusMessage(headline);
    if (offersRepair(outcome))
        m_window->offerRepair(m_window->form()->validJobKey());
    m_window->logPanel()->refresh();
    // The job changed (or the card should say why not).
    m_window->inspector()->lookUpNow();
}

void JobActionsController::openRepair(const QString &jobKey)
{
    const QString key = jobKey.isEmpty() ? m_window->form()->validJobKey() : jobKey;
    const JobKey::ParseResult parsed = JobKey::parse(key);
    if (!parsed.key) {
        m_window->showStatusMessage(tr("Enter a valid job key first (Ctrl+L)."));
        return;
    }
    if (!m_repairPanel) {
        m_repairPanel = new RepairPanel(m_window->client(), m_window);
        connect(m_repairPanel, &RepairPanel::repairFinished, this, [this](RepairResult result) {
            m_window->logPanel()->refresh();
            m_window->inspector()->lookUpNow();
            // The banner's "not completed, repair it" is answered now.
            if (result == RepairResult::Repaired) {
                const RepairPlan &plan = m_repairPanel->runner()->plan();
                const QString repaired = plan.jobKey.toString();
                const bool completed
                    = !plan.steps.isEmpty() && plan.steps.last().kind == RepairStep::Kind::Complete;
                const QString headline = completed
                    ? tr("Job %1 repaired and completed").arg(repaired)
                    : tr("Job %1 repaired").arg(repaired);
                m_window->showStatusMessage(headline);
                m_window->banner()->showMessage(MessageBanner::Kind::Positive, headline,
                    completed ? tr("Its retries were raised, its incident resolved, and it was "
                                   "completed by hand.")
                              : tr("Its retries were raised and its incident resolved: a worker "
                                   "can take it again."));
            }
        });
    }
    m_repairPanel->setHistory(historyTarget());
    m_repairPanel->setServerVersion(serverVersion());
    if (!m_repairPanel->isBusy() && m_repairPanel->jobKey() != *parsed.key)
        m_repairPanel->lookUp(*parsed.key);
    else if (!m_repairPanel->isBusy() && !m_repairPanel->isVisible())
        m_repairPanel->lookUp(*parsed.key);
    m_window->finishStartup();
    m_repairPanel->setHistory(historyTarget());
    m_repairPanel->show();
    m_repairPanel->raise();
    m_repairPanel->activateWindow();
}

} // namespace JobDesk
