// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/RepairPanel.h"

#include "core/http/JobsClient.h"
#include "gui/Confirm.h"
#include "gui/RequestPreviewDialog.h"
#include "ui_RepairPanel.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHeaderView>

namespace JobDesk {

namespace {

/// What the job sees, one `name = value` line each.
QString variablesText(const JobLookupResult &lookup)
{
    QStringList lines;
    for (const VariableRecord &variable : lookup.visibleVariables())
        lines.append(QStringLiteral("%1 = %2").arg(variable.name, variable.value));
    return lines.join(u'\n');
}

} // namespace

RepairPanel::RepairPanel(JobsClient *client, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RepairPanel>())
    , m_client(client)
    , m_runner(new RepairRunner(client, this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("repairPanel"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->jobVariablesPlainTextEdit->setFont(fixed);
    m_ui->repairVariablesPlainTextEdit->setFont(fixed);
    m_ui->stepsTreeWidget->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->stepsTreeWidget->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_ui->stepsTreeWidget->header()->setStretchLastSection(false);

    connect(m_runner, &RepairRunner::lookedUp, this, &RepairPanel::onLookedUp);
    connect(m_runner, &RepairRunner::stepStarted, this, &RepairPanel::onStepStarted);
    connect(m_runner, &RepairRunner::stepFinished, this, &RepairPanel::onStepFinished);
    connect(m_runner, &RepairRunner::finished, this, &RepairPanel::onFinished);
    connect(m_ui->repairVariablesPlainTextEdit, &QPlainTextEdit::textChanged, this,
        &RepairPanel::showPlan);
    connect(m_ui->localCheckBox, &QCheckBox::toggled, this, &RepairPanel::showPlan);
    connect(m_ui->retriesSpinBox, qOverload<int>(&QSpinBox::valueChanged), this,
        &RepairPanel::showPlan);
    connect(m_ui->completeRadioButton, &QRadioButton::toggled, this, &RepairPanel::showPlan);
    connect(m_ui->runPushButton, &QPushButton::clicked, this, &RepairPanel::run);
    connect(m_ui->refreshPushButton, &QPushButton::clicked, this, [this] { lookUp(m_jobKey); });
    connect(m_ui->previewPushButton, &QPushButton::clicked, this, &RepairPanel::preview);
    connect(m_ui->copyCurlPushButton, &QPushButton::clicked, this, &RepairPanel::copyCurl);
    connect(m_ui->closePushButton, &QPushButton::clicked, this, &QDialog::close);
    updateButtons();
}

RepairPanel::~RepairPanel() = default;

void RepairPanel::setHistory(const HistoryTarget &target)
{
    m_history = target;
    m_runner->setHistory(target);
}

void RepairPanel::setServerVersion(const CamundaVersion &version)
{
    m_runner->setServerVersion(version);
}

void RepairPanel::lookUp(const JobKey &jobKey)
{
    if (m_runner->isRunning())
        return;
    m_jobKey = jobKey;
    m_running = false;
    m_afterRun = false;
    setWindowTitle(tr("Repair job %1").arg(jobKey.toString()));
    m_ui->jobLabel->setText(tr("Looking job %1 up…").arg(jobKey.toString()));
    m_ui->incidentLabel->clear();
    m_ui->resultLabel->clear();
    m_runner->start(jobKey, options(), RepairRunner::Mode::PlanOnly);
    updateButtons();
}

RepairOptions RepairPanel::options() const
{
    RepairOptions options;
    options.retries = QString::number(m_ui->retriesSpinBox->value());
    options.variables
        = VariablesDocument::fromText(m_ui->repairVariablesPlainTextEdit->toPlainText());
    options.localVariables = m_ui->localCheckBox->isChecked();
    options.then
        = m_ui->completeRadioButton->isChecked() ? RepairThen::Complete : RepairThen::Leave;
    return options;
}

RepairPlan RepairPanel::currentPlan() const
{
    return RepairPlan::build(m_runner->lookup(), options());
}

void RepairPanel::onLookedUp()
{
    showLookup();
    if (m_running) {
        // The plan of the run itself (the job as it is now): its steps, all waiting.
        m_ui->stepsTreeWidget->clear();
        const RepairPlan &plan = m_runner->plan();
        for (const RepairStep &step : plan.steps)
            new QTreeWidgetItem(m_ui->stepsTreeWidget, {step.title, tr("waiting")});
        if (!plan.error.isEmpty())
            m_ui->resultLabel->setText(plan.error);
    } else if (!m_afterRun) {
        showPlan();
    }
}

void RepairPanel::showLookup()
{
    const JobLookupResult &lookup = m_runner->lookup();
    if (!lookup.job) {
        m_ui->jobLabel->setText(tr("Job %1: %2").arg(m_jobKey.toString(), lookup.describe()));
        m_ui->incidentLabel->clear();
        m_ui->jobVariablesPlainTextEdit->clear();
        return;
    }
    const JobRecord &job = *lookup.job;
    m_ui->jobLabel->setText(
        tr("Job %1 · %2 · %3 · retries %4\nProcess %5 (instance %6) · "
           "element %7 (instance %8)")
            .arg(job.jobKey, job.type, job.state,
                job.retries ? QString::number(*job.retries) : QStringLiteral("-"),
                job.processDefinitionId, job.processInstanceKey, job.elementId,
                job.elementInstanceKey));
    if (lookup.incident)
        m_ui->incidentLabel->setText(
            tr("Incident %1 (%2): %3")
                .arg(lookup.incident->incidentKey, lookup.incident->errorType,
                    lookup.incident->errorMessage));
    else if (!lookup.incidentError.isEmpty())
        m_ui->incidentLabel->setText(
            tr("The incident could not be read: %1").arg(lookup.incidentError));
    else
        m_ui->incidentLabel->setText(tr("No open incident."));
    if (m_runner->result() != RepairResult::Running || !m_running) {
        const QString variables = variablesText(lookup);
        if (!variables.isEmpty() || lookup.variablesError.isEmpty())
            m_ui->jobVariablesPlainTextEdit->setPlainText(variables);
        else
            m_ui->jobVariablesPlainTextEdit->setPlainText(lookup.variablesError);
    }
}

void RepairPanel::showPlan()
{
    if (m_running)
        return; // the run shows its own steps
    m_ui->stepsTreeWidget->clear();
    const RepairPlan plan = currentPlan();
    m_ui->resolveLabel->setText(m_runner->lookup().job && !m_runner->lookup().incident
            ? tr("3. Resolve the incident (none is open)")
            : tr("3. Resolve the incident"));
    for (const RepairStep &step : plan.steps)
        new QTreeWidgetItem(m_ui->stepsTreeWidget, {step.title, tr("planned")});
    QString text = plan.error;
    if (text.isEmpty() && !plan.note.isEmpty())
        text = plan.note;
    if (m_runner->lookup().state != LookupState::TransportError || m_runner->lookup().job)
        m_ui->resultLabel->setText(text);
    updateButtons();
}

void RepairPanel::run()
{
    if (m_runner->isRunning() || !m_jobKey.isValid())
        return;
    const RepairPlan plan = currentPlan();
    if (!plan.isValid()) {
        m_ui->resultLabel->setText(plan.error);
        return;
    }
    if (m_history.production
        && !Confirm::ask(this, tr("Repair a job in production?"),
            tr("This repairs job %1 on the production connection “%2”, one request per step:\n\n"
               "%3\n\nEach step changes the job or its process instance and cannot be undone.")
                .arg(m_jobKey.toString(), m_history.connection, plan.stepLines().join(u'\n')),
            tr("Repair in production"))) {
        m_ui->resultLabel->setText(tr("Not sent: cancelled at the production check."));
        return;
    }
    m_running = true;
    m_afterRun = false;
    m_ui->resultLabel->setText(tr("Looking the job up before the first step…"));
    m_runner->start(m_jobKey, options(), RepairRunner::Mode::Run);
    updateButtons();
}

void RepairPanel::onStepStarted(int index)
{
    if (QTreeWidgetItem *item = m_ui->stepsTreeWidget->topLevelItem(index))
        item->setText(1, tr("sending…"));
    m_ui->resultLabel->setText(
        tr("Step %1 of %2…").arg(index + 1).arg(m_runner->plan().steps.size()));
}

void RepairPanel::onStepFinished(int index)
{
    QTreeWidgetItem *item = m_ui->stepsTreeWidget->topLevelItem(index);
    if (!item)
        return;
    const RepairStepProgress &step = m_runner->progress().at(index);
    const Outcome &outcome = step.outcome;
    const QString status = outcome.httpStatus
        ? tr("%1 (HTTP %2)").arg(outcomeKindLabel(outcome.kind)).arg(*outcome.httpStatus)
        : outcomeKindLabel(outcome.kind);
    item->setText(1, status);
    if (step.status == RepairStepStatus::Refused) {
        item->setForeground(1, QColor(0xc6, 0x28, 0x28));
        QString words = outcome.problem.detail();
        if (words.isEmpty())
            words = outcome.transportError;
        auto *detail = new QTreeWidgetItem(item);
        detail->setText(0, tr("Server: %1").arg(words));
        detail->setToolTip(0, words);
        detail->setFirstColumnSpanned(true);
        auto *meaning = new QTreeWidgetItem(item);
        meaning->setText(0,
            step.explanation.summary
                + (step.explanation.nextStep.isEmpty()
                        ? QString()
                        : tr("\nNext: %1").arg(step.explanation.nextStep)));
        meaning->setToolTip(0, meaning->text(0));
        meaning->setFirstColumnSpanned(true);
        // Folded: the result line below says it in full; unfold to read it next to its step.
        m_ui->stepsTreeWidget->setRootIsDecorated(true);
        item->setToolTip(0, words);
    }
}

void RepairPanel::onFinished(RepairResult result)
{
    const bool wasRun = m_running;
    m_running = false;
    if (!wasRun) {
        m_afterRun = false;
        updateButtons();
        return;
    }
    m_lastLinkId = m_runner->linkId();
    for (int i = 0; i < m_runner->progress().size(); ++i) {
        if (m_runner->progress().at(i).status == RepairStepStatus::NotRun) {
            if (QTreeWidgetItem *item = m_ui->stepsTreeWidget->topLevelItem(i))
                item->setText(1, tr("not sent"));
        }
    }
    const QString jobKey = m_jobKey.toString();
    switch (result) {
    case RepairResult::Repaired:
        m_ui->resultLabel->setText(m_runner->plan().steps.last().kind == RepairStep::Kind::Complete
                ? tr("Repaired: job %1 is completed.").arg(jobKey)
                : tr("Repaired: job %1 can be taken by its worker again.").arg(jobKey));
        break;
    case RepairResult::Refused: {
        // The server's words and what they mean, in full (the step's rows may be cut).
        const RepairStepProgress &stopped = m_runner->progress().at(m_runner->stoppedAt());
        QString text = tr("Stopped at step %1: the server refused it; the steps after it were "
                          "not sent.")
                           .arg(m_runner->stoppedAt() + 1);
        if (!stopped.outcome.problem.detail().isEmpty())
            text += tr("\nServer: %1").arg(stopped.outcome.problem.detail());
        text += u'\n' + stopped.explanation.summary;
        if (!stopped.explanation.nextStep.isEmpty())
            text += tr("\nNext: %1").arg(stopped.explanation.nextStep);
        m_ui->resultLabel->setText(text);
        break;
    }
    case RepairResult::NoAnswer:
        m_ui->resultLabel->setText(tr("Stopped at step %1: no answer came — the server may have "
                                      "applied it. Look the job up before trying again.")
                                       .arg(m_runner->stoppedAt() + 1));
        break;
    case RepairResult::NotPlanned:
        m_ui->resultLabel->setText(m_runner->plan().error);
        break;
    case RepairResult::Cancelled:
        m_ui->resultLabel->setText(tr("Cancelled."));
        break;
    default:
        break;
    }
    if (!m_runner->historyError().isEmpty())
        m_ui->resultLabel->setText(m_ui->resultLabel->text()
            + tr("\nNot every step could be recorded in the history: %1")
                  .arg(m_runner->historyError()));
    updateButtons();
    emit repairFinished(result);
    // The job as it is now (its state, its incident gone): a repaired job has nothing left to
    // repair, so Run is off; the steps stay as they ended.
    if (result != RepairResult::Cancelled) {
        m_afterRun = true;
        m_runner->start(m_jobKey, options(), RepairRunner::Mode::PlanOnly);
        updateButtons();
    }
}

void RepairPanel::updateButtons()
{
    const bool busy = m_runner->isRunning();
    const bool planned = !busy && currentPlan().isValid();
    m_ui->runPushButton->setEnabled(planned);
    m_ui->previewPushButton->setEnabled(planned);
    m_ui->copyCurlPushButton->setEnabled(planned);
    m_ui->refreshPushButton->setEnabled(!busy && m_jobKey.isValid());
    m_ui->planGroupBox->setEnabled(!busy);
}

void RepairPanel::preview()
{
    QList<QPair<QString, RequestRecord>> steps;
    const RepairPlan plan = currentPlan();
    const QStringList lines = plan.stepLines();
    for (qsizetype i = 0; i < plan.steps.size(); ++i)
        steps.append({lines.at(i), m_client->describe(plan.steps.at(i).request)});
    auto *dialog = new RequestPreviewDialog(steps, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void RepairPanel::copyCurl()
{
    const RepairPlan plan = currentPlan();
    const QStringList lines = plan.stepLines();
    QStringList commands;
    for (qsizetype i = 0; i < plan.steps.size(); ++i)
        commands.append(QStringLiteral("# ") + lines.at(i) + u'\n'
            + JobsClient::toCurl(m_client->describe(plan.steps.at(i).request)));
    QApplication::clipboard()->setText(commands.join(QStringLiteral("\n\n")));
    m_ui->resultLabel->setText(
        tr("Copied %n curl command(s), one per step.", nullptr, int(commands.size())));
}

} // namespace JobDesk
