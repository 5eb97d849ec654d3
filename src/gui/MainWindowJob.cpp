// SPDX-License-Identifier: GPL-3.0-or-later
// The window's part about the job at hand: the card above the form and the look-ups behind it,
// the check before sending that the form fits the job, and the re-check after a lost answer.
#include "core/camunda/Answers.h"
#include "core/camunda/CompletionRequest.h"
#include "core/history/HistoryStore.h"
#include "core/lookup/JobFit.h"
#include "gui/Confirm.h"
#include "gui/FindJobsDialog.h"
#include "gui/JobCard.h"
#include "gui/JobForm.h"
#include "gui/JobInspector.h"
#include "gui/JsonEditor.h"
#include "gui/LogPanel.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/TemplatesPanel.h"
#include "ui_MainWindow.h"

#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QMenu>

#include <utility>

namespace JobDesk {

void MainWindow::setupJobCard()
{
    m_jobCard = new JobCard(m_ui->formContainer);
    m_jobCard->setObjectName(QStringLiteral("jobCard"));
    // Between the banner and the form: what the job is, right above what will be sent to it.
    m_ui->formContainerLayout->insertWidget(1, m_jobCard);
    m_inspector = new JobInspector(m_client, this);
    m_inspector->setObjectName(QStringLiteral("jobInspector"));

    JobForm *form = m_ui->jobForm;
    connect(form, &JobForm::jobKeyChanged, m_inspector, &JobInspector::setJobKey);
    connect(form, &JobForm::lookUpRequested, m_inspector, &JobInspector::lookUpNow);
    connect(m_inspector, &JobInspector::lookUpStarted, m_jobCard, &JobCard::showLookingUp);
    // The job is shown, and the form adapts to it, as soon as its own search answers; the
    // incident and variables fill in when their searches do.
    const auto adaptToJob = [this] {
        const std::optional<JobRecord> job = m_inspector->currentJob();
        m_ui->jobForm->setJob(job);
        // Templates meant for this job's type come first.
        if (TemplatesPanel *templates = templatesPanel())
            templates->setPreferredJobType(job ? job->type : QString());
    };
    connect(m_inspector, &JobInspector::jobRead, this,
        [this, adaptToJob](const JobLookupResult &partial) {
            m_jobCard->showJobRead(partial);
            adaptToJob();
        });
    connect(m_inspector, &JobInspector::lookedUp, this,
        [this, adaptToJob](const JobLookupResult &result) {
            m_jobCard->showResult(result);
            adaptToJob();
        });
    connect(m_inspector, &JobInspector::cleared, this, [this] {
        m_jobCard->clear();
        m_ui->jobForm->setJob(std::nullopt);
        if (TemplatesPanel *templates = templatesPanel())
            templates->setPreferredJobType(QString());
    });
    connect(m_inspector, &JobInspector::recheckFinished, this, &MainWindow::showRecheck);
    connect(m_jobCard, &JobCard::refreshRequested, m_inspector, &JobInspector::lookUpNow);
    // What the server can search depends on its version: learnt from "Test connection".
    connect(this, &MainWindow::topologyFinished, this, [this](const Outcome &outcome) {
        if (const std::optional<Topology> topology = Answers::topology(outcome.rawBody);
            topology && outcome.ok())
            m_inspector->lookup()->setServerVersion(topology->version());
    });
    auto *findAction = new QAction(tr("&Find jobs…"), this);
    findAction->setObjectName(QStringLiteral("findJobsAction"));
    findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    findAction->setShortcutContext(Qt::WindowShortcut);
    addAction(findAction);
    m_ui->requestMenu->addSeparator();
    m_ui->requestMenu->addAction(findAction);
    connect(findAction, &QAction::triggered, this, &MainWindow::findJobs);
    connect(m_jobCard, &JobCard::suggestionChosen, form, &JobForm::setJobKey);
    connect(m_jobCard, &JobCard::copyVariablesRequested, this, [this](const QString &json) {
        if (isSending())
            return;
        m_ui->jobForm->variablesEditor()->replaceAllText(json);
        showStatusMessage(tr("Copied the job's variables into the editor."));
    });
}

void MainWindow::findJobs()
{
    if (!m_findJobs) {
        m_findJobs = new FindJobsDialog(m_client, m_inspector->lookup()->serverVersion(), this);
        m_findJobs->setObjectName(QStringLiteral("findJobsDialog"));
        connect(m_findJobs, &FindJobsDialog::jobChosen, this, [this](const QString &jobKey) {
            if (isSending())
                return;
            m_ui->jobForm->setJobKey(jobKey);
            m_inspector->lookUpNow();
            activateWindow();
        });
        connect(m_findJobs, &FindJobsDialog::selectionChanged, this,
            [this](const QStringList &jobKeys) { m_selectedJobKeys = jobKeys; });
    }
    m_findJobs->show();
    m_findJobs->raise();
    m_findJobs->activateWindow();
}

bool MainWindow::confirmFit(const CompletionRequest &request)
{
    const std::optional<JobRecord> job = m_inspector->currentJob();
    if (!job || job->jobKey != request.jobKey.toString())
        return true; // unknown job (no search, not found yet): as before
    const QList<Misfit> misfits = JobFit::misfits(*job, m_ui->jobForm->shape());
    if (misfits.isEmpty())
        return true;
    QStringList lines;
    for (const Misfit misfit : misfits) {
        switch (misfit) {
        case Misfit::DenyNotTaskListener:
            lines.append(tr("• Deny is ticked, but this is a %1 job, not a task listener: the "
                            "server ignores the denial and completes the job, and the process "
                            "moves on.")
                             .arg(job->kind));
            break;
        case Misfit::DenyEventNotAllowed:
            lines.append(tr("• Deny is ticked, but a task listener on %1 cannot be denied "
                            "(only ASSIGNING, UPDATING and COMPLETING can): the server refuses.")
                             .arg(job->listenerEventType));
            break;
        case Misfit::CorrectionsNotTaskListener:
            lines.append(tr("• User-task corrections are set, but this is a %1 job: they are "
                            "ignored.")
                             .arg(job->kind));
            break;
        case Misfit::CorrectionsEventNotAllowed:
            lines.append(tr("• User-task corrections are set, but a task listener on %1 takes "
                            "none: the server refuses.")
                             .arg(job->listenerEventType));
            break;
        case Misfit::VariablesOnTaskListener:
            lines.append(tr("• Variables are set, but a task-listener job is completed without "
                            "variables: the server refuses."));
            break;
        case Misfit::JobNotOpen:
            lines.append(
                tr("• The job is %1 already: the server will answer 404 or 409.").arg(job->state));
            break;
        }
    }
    if (Confirm::ask(this, tr("The form does not fit job %1").arg(job->jobKey),
            tr("Job %1 is %2 · %3 · %4.\n\n%5\n\nSend it anyway?")
                .arg(job->jobKey, job->type, job->kind, job->state, lines.join(u'\n')),
            tr("Send anyway")))
        return true;
    showStatusMessage(tr("Not sent: the form does not fit the job."));
    return false;
}

void MainWindow::lookAgainAfter(const Outcome &outcome, qint64 historyId)
{
    if (LookupRules::needsRecheck(outcome)) {
        m_recheckHistoryId = historyId;
        m_inspector->recheck(outcome);
        return;
    }
    // Whatever the answer, the job changed or the card should say why not (404: rounded key?).
    if (m_ui->jobForm->validJobKey() == outcome.request.subjectKey
        || outcome.request.subjectKey.isEmpty())
        m_inspector->lookUpNow();
}

void MainWindow::showRecheck(const JobLookupResult &result)
{
    const QString jobKey = result.key.toString();
    if (!result.recheck)
        return;
    // The verdict goes with the attempt's row, so the history says what became of it. A look-up
    // that could not tell leaves the row unknown, as the CLI does.
    const qint64 historyId = std::exchange(m_recheckHistoryId, 0);
    if (historyId != 0 && result.recheck->verdict != RecheckVerdict::Unknown && m_history
        && m_history->isOpen()) {
        const LookupCheck check = result.recheck->verdict == RecheckVerdict::Applied
            ? LookupCheck::Applied
            : LookupCheck::NotApplied;
        if (m_history->recordCheck(historyId, check, QDateTime::currentDateTimeUtc()))
            m_logPanel->refresh();
        else
            showStatusMessage(
                tr("The look-up's verdict could not be recorded: %1").arg(m_history->error()));
    }
    if (m_bannerJobKey != jobKey)
        return; // the banner is about something else by now
    const QString state = result.job ? result.job->state : QString();
    MessageBanner::Kind kind = MessageBanner::Kind::Error;
    QString headline;
    QString text;
    switch (result.recheck->verdict) {
    case RecheckVerdict::Applied:
        kind = MessageBanner::Kind::Positive;
        headline = tr("Job %1 completed — confirmed by lookup").arg(jobKey);
        text = tr("The answer was lost, but the server did complete the job: it is %1 now. "
                  "Do not send it again.")
                   .arg(state);
        break;
    case RecheckVerdict::NotApplied:
        kind = MessageBanner::Kind::Warning;
        headline = tr("Job %1 was not completed — safe to retry").arg(jobKey);
        text = tr("The answer was lost; the job is still %1, so the request was not applied. "
                  "Sending it again is safe.")
                   .arg(state);
        break;
    case RecheckVerdict::Unknown:
        headline = tr("Job %1: whether it was completed is unknown").arg(jobKey);
        text = tr("The answer was lost and the look-up could not tell: %1. Look the job up "
                  "again (F5) before sending it again.")
                   .arg(result.describe());
        break;
    }
    m_ui->messageBanner->showMessage(kind, headline, text);
    m_bannerHeadline = m_ui->messageBanner->headline();
    showStatusMessage(headline);
}

} // namespace JobDesk
