// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/MainWindow.h"

#include "core/base/AppInfo.h"
#include "core/base/Logging.h"
#include "core/camunda/CompletionRequest.h"
#include "core/camunda/OutcomeExplain.h"
#include "core/connection/ConnectionFactory.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/templates/DraftStore.h"
#include "core/templates/TemplateStore.h"
#include "gui/AboutDialog.h"
#include "gui/BatchController.h"
#include "gui/Confirm.h"
#include "gui/ConnectionBar.h"
#include "gui/JobActionsController.h"
#include "gui/JobForm.h"
#include "gui/JobInspector.h"
#include "gui/JsonEditor.h"
#include "gui/LogPanel.h"
#include "gui/MessageBanner.h"
#include "gui/RequestPreviewDialog.h"
#include "gui/TemplatesDock.h"
#include "gui/WindowSettings.h"
#include "ui_MainWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QScreen>
#include <QScrollBar>
#include <QShowEvent>
#include <QTimer>
#include <QWindow>

#include <algorithm>

// Resources of a static library must be registered by hand, outside any namespace.
static void initJobDeskResources()
{
    Q_INIT_RESOURCE(jobdesk);
    Q_INIT_RESOURCE(icon);
}

namespace JobDesk {

namespace {
constexpr int kDraftDelayMs = 400;
constexpr int kStartupFallbackMs = 1000;
constexpr int kElapsedTickMs = 500;

/// What a busy or throttled server asks for: the same request again, a little later.
bool offersRetry(const Outcome &outcome)
{
    return outcome.httpStatus && (*outcome.httpStatus == 503 || *outcome.httpStatus == 429);
}
} // namespace

MainWindow::MainWindow(const Connection &connection, QNetworkAccessManager *nam,
    HistoryStore *history, DraftStore *drafts, QWidget *parent)
    : QMainWindow(parent)
    , m_ui((initJobDeskResources(), std::make_unique<Ui::MainWindow>()))
    , m_connection(connection)
    , m_clientConnection(ConnectionFactory::build(connection, {}, nam))
    , m_client(new JobsClient(nam, this))
    , m_history(history)
    , m_drafts(drafts)
    , m_logPanel(nullptr)
    , m_draftTimer(new QTimer(this))
    , m_elapsedTimer(new QTimer(this))
    , m_statusLabel(new QLabel(this))
    , m_busyBar(new QProgressBar(this))
{
    m_ui->setupUi(this);
    startupMark("  setupUi");
    // The form scrolls only where a state is taller than the screen (corrections open and a
    // long message at 720 px); it is never squeezed, and never narrower than it needs.
    m_ui->jobForm->installEventFilter(this);
    fitFormWidth();
    setWindowTitle(tr("JobDesk — %1").arg(m_connection.displayName()));

    m_client->setConnection(*m_clientConnection);

    m_logPanel = new LogPanel(m_ui->mainSplitter);
    m_logPanel->setObjectName(QStringLiteral("logPanel"));
    m_ui->mainSplitter->addWidget(m_logPanel);
    m_ui->mainSplitter->setStretchFactor(0, 2);
    m_ui->mainSplitter->setStretchFactor(1, 3);
    // A history the caller has already opened is shown at once; a closed one is opened by
    // finishStartup(), after the first frame.
    if (m_history && m_history->isOpen())
        m_logPanel->setStore(m_history);

    startupMark("  log panel");
    m_ui->connectionBar->setConnection(m_connection);

    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    // A long status (an address, a problem title) is cut, never widens the window.
    m_statusLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_busyBar->setObjectName(QStringLiteral("busyProgressBar"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(120);
    m_busyBar->setMaximumHeight(14);
    m_busyBar->setTextVisible(false);
    m_busyBar->hide();
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_busyBar);
    m_statusLabel->setText(tr("Ready"));
    m_elapsedTimer->setObjectName(QStringLiteral("requestElapsedTimer"));
    m_elapsedTimer->setInterval(kElapsedTickMs);
    connect(m_elapsedTimer, &QTimer::timeout, this, &MainWindow::updateElapsed);
    // Filled (and shown) by a templates dock.
    m_ui->templatesMenu->menuAction()->setVisible(false);

    setupActions();
    startupMark("  actions");

    connect(m_ui->jobForm, &JobForm::sendRequested, this, &MainWindow::send);
    connect(m_ui->jobForm, &JobForm::cancelRequested, this, &MainWindow::cancel);
    connect(m_ui->jobForm, &JobForm::copyCurlRequested, this, &MainWindow::copyCurl);
    connect(m_ui->jobForm, &JobForm::previewRequested, this, &MainWindow::previewRequest);
    connect(m_ui->connectionBar, &ConnectionBar::testRequested, this, &MainWindow::testConnection);
    connect(m_ui->messageBanner, &MessageBanner::actionTriggered, this, [this] {
        if (m_bannerOffersRepair)
            emit repairRequested(m_bannerJobKey);
        else
            send();
    });
    connect(m_ui->messageBanner, &MessageBanner::closed, this, [this] { m_bannerJobKey.clear(); });
    // The log says what its actions did in its own status line; the status bar would say it a
    // second time.
    connect(m_logPanel, &LogPanel::loadIntoFormRequested, this, [this](const HistoryEntry &entry) {
        if (isSending())
            return;
        if (m_ui->jobForm->loadRequest(entry.jobKey, entry.request.body)) {
            showStatusMessage(tr("Loaded the request of job %1 into the form").arg(entry.jobKey));
            m_ui->jobForm->focusJobKey();
        } else {
            m_bannerJobKey.clear();
            m_ui->messageBanner->showMessage(MessageBanner::Kind::Warning,
                tr("Cannot load this entry into the form"),
                tr("Its request body is not a job completion body."));
        }
    });

    setupJobCard(); // before the draft: a restored key is looked up too
    m_jobActions = new JobActionsController(this);
    m_jobActions->setObjectName(QStringLiteral("jobActions"));
    m_batches = new BatchController(this);
    m_batches->setObjectName(QStringLiteral("batches"));

    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(kDraftDelayMs);
    connect(m_draftTimer, &QTimer::timeout, this, &MainWindow::saveDraft);
    restoreDraft();
    connect(m_ui->jobForm, &JobForm::changed, this, [this] {
        m_draftTimer->start();
        dropStaleBanner();
        updateActions();
    });

    restoreLayout();
    updateActions();
    m_ui->jobForm->focusJobKey();
}

void MainWindow::finishStartup()
{
    if (m_startupFinished)
        return;
    m_startupFinished = true;
    startupMark("finishing start-up");
    setWindowIcon(QIcon::fromTheme(
        AppInfo::applicationId(), QIcon(QStringLiteral(":/icons/io.github.jobdesk.JobDesk.svg"))));
    enableClearButtons(this);
    // Menu icons: only seen once a menu opens.
    m_ui->sendAction->setIcon(QIcon(QStringLiteral(":/icons/send.svg")));
    m_ui->cancelAction->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    m_ui->copyCurlAction->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    m_ui->previewAction->setIcon(QIcon(QStringLiteral(":/icons/preview.svg")));
    m_ui->formatAction->setIcon(QIcon(QStringLiteral(":/icons/format.svg")));
    m_ui->compactAction->setIcon(QIcon(QStringLiteral(":/icons/compact.svg")));
    m_ui->testConnectionAction->setIcon(QIcon(QStringLiteral(":/icons/connection.svg")));
    m_ui->aboutAction->setIcon(QIcon(QStringLiteral(":/icons/about.svg")));
    m_ui->focusJobKeyAction->setIcon(QIcon(QStringLiteral(":/icons/key.svg")));
    if (m_history) {
        if (!m_history->isOpen() && m_history->open())
            m_logPanel->setStore(m_history);
        if (!m_history->isOpen())
            m_ui->messageBanner->showMessage(MessageBanner::Kind::Warning,
                tr("The history cannot be written"),
                tr("%1\nRequests can still be sent, but they are not recorded.")
                    .arg(m_history->error()));
        else
            showUnknownOutcomes();
        // After the first frame: the question about an unfinished batch is a window of its own.
        if (m_history->isOpen())
            QTimer::singleShot(0, m_batches, &BatchController::offerInterrupted);
    }
    startupMark("start-up finished");
}

void MainWindow::showUnknownOutcomes()
{
    // Attempts left without an outcome by a run that was killed or crashed (this window's or a
    // CLI's) while the request was in flight; newer ones may still be in flight elsewhere.
    const std::optional<QList<HistoryEntry>> unknown
        = m_history->unknownOutcomes(QDateTime::currentDateTimeUtc().addSecs(-60), 20);
    if (!unknown || unknown->isEmpty())
        return;
    QStringList keys;
    for (const HistoryEntry &entry : *unknown)
        keys.append(entry.jobKey);
    m_ui->messageBanner->showMessage(MessageBanner::Kind::Warning,
        tr("%n attempt(s) without a recorded outcome", nullptr, int(unknown->size())),
        tr("The request went out and no answer was recorded (the program ended while it was on "
           "its way, or no answer came), so the server may or may not have acted on it. "
           "Unknown — look the job up before sending again: %1")
            .arg(keys.join(QStringLiteral(", "))));
}

void MainWindow::enableClearButtons(QWidget *root)
{
    const QList<QLineEdit *> edits = root->findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits) {
        if (edit->property(kClearButtonProperty).toBool())
            edit->setClearButtonEnabled(true);
    }
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!event->spontaneous())
        keepOnScreen();
    if (!m_startupFinished && !m_waitingForExpose && windowHandle() != nullptr) {
        m_waitingForExpose = true;
        windowHandle()->installEventFilter(this);
        // A window that is shown but never exposed (started minimised, on another workspace)
        // still opens its history soon.
        QTimer::singleShot(kStartupFallbackMs, this, &MainWindow::finishStartup);
    }
}

void MainWindow::fitFormWidth()
{
    m_ui->formScrollArea->setMinimumWidth(m_ui->jobForm->minimumSizeHint().width()
        + m_ui->formScrollArea->verticalScrollBar()->sizeHint().width());
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_ui->jobForm && event->type() == QEvent::LayoutRequest)
        fitFormWidth();
    if (m_waitingForExpose && watched == windowHandle() && event->type() == QEvent::Expose
        && windowHandle()->isExposed()) {
        // The expose paints the first frame right after this filter; the rest comes after it.
        m_waitingForExpose = false;
        windowHandle()->removeEventFilter(this);
        QTimer::singleShot(0, this, &MainWindow::finishStartup);
    }
    return QMainWindow::eventFilter(watched, event);
}

MainWindow::~MainWindow()
{
    if (m_call)
        m_call->disconnect(this);
}

bool MainWindow::setConnection(
    const Connection &connection, std::unique_ptr<ClientConnection> ready, QString *tlsError)
{
    if (isSending() || !ready)
        return false;
    m_connection = connection;
    setWindowTitle(tr("JobDesk — %1").arg(m_connection.displayName()));
    // The client lets go of the old provider before it is deleted.
    const QString tls = m_client->setConnection(*ready);
    m_clientConnection = std::move(ready);
    if (tlsError)
        *tlsError = tls;
    m_ui->connectionBar->setConnection(m_connection);
    setServerVersion(QString()); // it belonged to the previous connection
    return true;
}

void MainWindow::setServerVersion(const QString &version)
{
    m_serverVersion = CamundaVersion::parse(version);
    m_ui->connectionBar->setGatewayVersion(version);
    m_ui->jobForm->setServerVersion(m_serverVersion);
    if (m_inspector)
        m_inspector->lookup()->setServerVersion(m_serverVersion);
}

JobForm *MainWindow::form() const
{
    return m_ui->jobForm;
}

MessageBanner *MainWindow::banner() const
{
    return m_ui->messageBanner;
}

ConnectionBar *MainWindow::connectionBar() const
{
    return m_ui->connectionBar;
}

QMenu *MainWindow::fileMenu() const
{
    return m_ui->fileMenu;
}

QMenu *MainWindow::templatesMenu() const
{
    return m_ui->templatesMenu;
}

void MainWindow::setConnectionPicker(QWidget *picker)
{
    m_ui->connectionBar->setLeadingWidget(picker);
}

void MainWindow::showStatusMessage(const QString &text)
{
    statusBar()->showMessage(text, kStatusMessageMs);
}

void MainWindow::setTemplateStore(TemplateStore *store)
{
    if (m_templatesDock || !store)
        return;
    m_templatesDock = new TemplatesDock(store, this);
    addDockWidget(Qt::LeftDockWidgetArea, m_templatesDock);
    resizeDocks({m_templatesDock}, {200}, Qt::Horizontal);
    // First start (no saved layout) without templates: the dock stays closed and the log gets
    // the room; Ctrl+T, the Templates menu and the first saved template open it.
    if (!restoreState(WindowSettings().layout(WindowSettings::Layout::Docks))
        && store->templates().isEmpty())
        m_templatesDock->hide();
}

TemplatesPanel *MainWindow::templatesPanel() const
{
    return m_templatesDock ? m_templatesDock->panel() : nullptr;
}

void MainWindow::setupActions()
{
    m_ui->sendAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    // The shortcuts work wherever the focus is inside the window (also in the editor).
    for (QAction *action : {m_ui->sendAction, m_ui->cancelAction, m_ui->focusJobKeyAction,
             m_ui->formatAction, m_ui->filterHistoryAction}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }

    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->focusJobKeyAction, &QAction::triggered, m_ui->jobForm, &JobForm::focusJobKey);
    connect(m_ui->formatAction, &QAction::triggered, m_ui->jobForm, &JobForm::formatVariables);
    connect(m_ui->compactAction, &QAction::triggered, m_ui->jobForm, &JobForm::compactVariables);
    connect(m_ui->filterHistoryAction, &QAction::triggered, m_logPanel, &LogPanel::focusFilter);
    connect(m_ui->sendAction, &QAction::triggered, this, &MainWindow::send);
    connect(m_ui->cancelAction, &QAction::triggered, this, &MainWindow::cancel);
    connect(m_ui->previewAction, &QAction::triggered, this, &MainWindow::previewRequest);
    connect(m_ui->copyCurlAction, &QAction::triggered, this, &MainWindow::copyCurl);
    connect(m_ui->testConnectionAction, &QAction::triggered, this, &MainWindow::testConnection);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->aboutQtAction, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::updateActions()
{
    const bool sending = isSending();
    const bool valid = m_ui->jobForm->canSend();
    m_ui->sendAction->setEnabled(!sending);
    m_ui->cancelAction->setEnabled(sending);
    m_ui->previewAction->setEnabled(valid);
    m_ui->copyCurlAction->setEnabled(valid);
}

void MainWindow::send()
{
    if (isSending())
        return; // one request at a time: no double sends
    finishStartup(); // the history must be open before the attempt
    QString why;
    const std::optional<CompletionRequest> request = m_ui->jobForm->request(&why);
    if (!request) {
        m_bannerJobKey.clear();
        m_ui->messageBanner->showMessage(MessageBanner::Kind::Error, tr("Not sent"),
            why.isEmpty() ? tr("The form is not complete.") : why);
        return;
    }
    // What this server's version cannot take is said now, with the reason, and nothing goes
    // out (the one version table; unknown and newer versions get what was asked).
    if (const QString tooNew = versionProblem(m_serverVersion, request->features());
        !tooNew.isEmpty()) {
        m_bannerJobKey.clear();
        m_ui->messageBanner->showMessage(
            MessageBanner::Kind::Error, tr("Not sent"), tr("%1 Nothing was sent.").arg(tooNew));
        return;
    }
    if (m_connection.isProduction()
        && !Confirm::ask(this, tr("Complete a job in production?"),
            tr("This completes job %1 on the production connection “%2”. It cannot "
               "be undone.")
                .arg(request->jobKey.toString(), m_connection.displayName()),
            tr("Complete in production"))) {
        showStatusMessage(tr("Not sent: cancelled at the production check."));
        return;
    }
    if (!confirmFit(*request))
        return;
    saveDraft();
    startAttempt(*request);
}

void MainWindow::startAttempt(const CompletionRequest &request)
{
    // The previous answer says nothing about this request: it goes while this one is in flight.
    m_ui->messageBanner->clear();
    m_bannerJobKey.clear();

    m_attempt = Attempt {};
    m_attempt.started = QDateTime::currentDateTimeUtc();
    m_attempt.jobKey = request.jobKey.toString();
    if (const auto *userTask = std::get_if<UserTaskResult>(&request.result)) {
        m_attempt.denied = userTask->denied;
        m_attempt.deniedReason = userTask->deniedReason;
    }
    if (const std::optional<JobRecord> job = m_inspector->currentJob();
        job && job->jobKey == m_attempt.jobKey)
        m_attempt.job = job;
    // Write-ahead: the attempt is on disk before the request leaves, so a crash or a kill while
    // it is in flight leaves a row that says "unknown — look the job up".
    if (m_history && m_history->isOpen()) {
        const std::optional<qint64> id = m_history->beginAttempt(
            HistoryEntry::forAttempt(m_client->describeCompletion(request), HistorySource::Window,
                m_connection.displayName(), m_connection.isProduction(), m_attempt.started));
        m_attempt.historyId = id.value_or(0);
        if (!id)
            m_attempt.historyError = m_history->error();
    }
    m_call = m_client->complete(request);
    connect(m_call, &ApiCall::finished, this, &MainWindow::onFinished);

    m_ui->jobForm->setBusy(true);
    m_busyBar->show();
    m_sendingUrl = m_client->apiRoot().resolved(QUrl(request.relativePath())).toString();
    m_sendClock.start();
    m_elapsedTimer->start();
    updateElapsed();
    updateActions();
}

void MainWindow::updateElapsed()
{
    if (!isSending()) {
        m_elapsedTimer->stop();
        return;
    }
    const qint64 elapsed = m_sendClock.elapsed() / 1000;
    const qint64 timeout = qint64(m_client->timeout().count()) / 1000;
    const qint64 left = std::max<qint64>(0, timeout - elapsed);
    m_statusLabel->setText(
        tr("Sending POST %1 — %2 s, times out in %3 s").arg(m_sendingUrl).arg(elapsed).arg(left));
}

void MainWindow::cancel()
{
    if (m_call)
        m_call->cancel();
}

void MainWindow::onFinished(const Outcome &answer)
{
    Outcome outcome = answer;
    // The server answers a denial like a completion (204); the log and the banner tell them
    // apart. Only a task listener can be denied: a "denial" to any other job completed it.
    if (outcome.kind == OutcomeKind::Completed && m_attempt.denied
        && (!m_attempt.job || m_attempt.job->isTaskListener()))
        outcome.kind = OutcomeKind::Denied;

    // The attempt is on disk before anything else happens (crash between here and the banner:
    // the history still knows).
    QString historyError;
    const qint64 id = recordAttempt(outcome, &historyError);

    if (m_call) {
        m_call->deleteLater();
        m_call.clear();
    }
    m_elapsedTimer->stop();
    m_ui->jobForm->setBusy(false);
    m_busyBar->hide();
    // A leased job (8.10) is completed only with its lease token: offer the field.
    if (isLeaseRefusal(outcome))
        m_ui->jobForm->showLeaseToken();
    showOutcome(outcome);
    if (!historyError.isEmpty())
        m_ui->messageBanner->showMessage(MessageBanner::Kind::Warning,
            tr("The attempt could not be recorded"),
            tr("%1\n%2").arg(m_ui->messageBanner->headline(), historyError));
    if (id != 0)
        m_logPanel->addEntry(id);
    updateActions();
    lookAgainAfter(outcome, id);
    emit requestFinished(outcome, id);
}

qint64 MainWindow::recordAttempt(const Outcome &outcome, QString *error)
{
    if (!m_history)
        return 0;
    if (!m_history->isOpen()) {
        *error = m_history->error();
        return 0;
    }
    const qint64 pending = m_attempt.historyId;
    m_attempt.historyId = 0;
    QString title;
    if (outcome.kind == OutcomeKind::Denied) {
        // The log's title column says what was decided (a 204 has no title of its own).
        title = m_attempt.deniedReason.isEmpty()
            ? QStringLiteral("Denied (no reason given)")
            : QStringLiteral("Denied: %1").arg(m_attempt.deniedReason);
    }
    if (pending != 0) {
        if (!m_history->finishAttempt(pending, outcome, title)) {
            *error = m_history->error();
            return 0;
        }
        return pending;
    }
    // The write-ahead row could not be written: record the attempt in one step.
    HistoryEntry entry = HistoryEntry::fromOutcome(outcome, HistorySource::Window,
        m_connection.displayName(), m_attempt.jobKey, m_attempt.started);
    entry.production = m_connection.isProduction();
    if (!title.isEmpty())
        entry.title = title;
    const std::optional<qint64> id = m_history->append(entry);
    if (!id) {
        *error = m_history->error();
        return 0;
    }
    if (!m_attempt.historyError.isEmpty())
        *error = m_attempt.historyError;
    return *id;
}

void MainWindow::showOutcome(const Outcome &outcome)
{
    const QString &jobKey = m_attempt.jobKey;
    ExplainContext context;
    context.job = m_attempt.job; // what the job is, not what was sent
    const Explanation explanation = explain(outcome, context);
    QString headline;
    MessageBanner::Kind kind = MessageBanner::Kind::Error;
    const QString status = outcome.httpStatus ? tr("HTTP %1").arg(*outcome.httpStatus) : QString();
    switch (outcome.kind) {
    case OutcomeKind::Completed:
        kind = MessageBanner::Kind::Positive;
        headline = tr("Job %1 completed").arg(jobKey);
        break;
    case OutcomeKind::Denied:
        kind = MessageBanner::Kind::Positive;
        headline = tr("Job %1 completed with a denial").arg(jobKey);
        break;
    case OutcomeKind::Cancelled:
        kind = MessageBanner::Kind::Information;
        headline = tr("Request for job %1 cancelled").arg(jobKey);
        break;
    case OutcomeKind::TransportError:
        headline = tr("Job %1: no answer from the server").arg(jobKey);
        break;
    case OutcomeKind::SentNoAnswer:
        // The request went out: no talk of addresses or VPNs; the re-check says what happened.
        kind = MessageBanner::Kind::Warning;
        headline = tr("Job %1: sent, but the answer was lost — looking the job up to see what "
                      "happened")
                       .arg(jobKey);
        break;
    default:
        headline = tr("Job %1 not completed: %2 (%3)")
                       .arg(jobKey, outcomeKindLabel(outcome.kind), status);
        if (!outcome.problem.title().isEmpty())
            headline += tr(" — %1").arg(outcome.problem.title());
        break;
    }
    QString text = explanation.summary;
    if (!explanation.nextStep.isEmpty())
        text += tr("\nNext: %1").arg(explanation.nextStep);
    m_ui->messageBanner->showMessage(kind, headline, text);
    m_bannerOffersRepair = false;
    if (offersRetry(outcome))
        m_ui->messageBanner->setAction(tr("&Retry"), tr("Send the form again"));
    m_bannerJobKey = jobKey;
    m_bannerHeadline = m_ui->messageBanner->headline();
    m_statusLabel->setText(tr("%1 — %2 ms").arg(headline).arg(outcome.elapsedMs));
}

void MainWindow::offerRepair(const QString &jobKey)
{
    if (jobKey.isEmpty() || !m_ui->messageBanner->isVisibleTo(this))
        return;
    m_ui->messageBanner->setAction(tr("&Repair…"),
        tr("Raise the retries, resolve the incident, then complete — step by step"));
    m_bannerOffersRepair = true;
    // The banner is about this job now (a job action's answer, too): another key makes it stale.
    m_bannerJobKey = jobKey;
    m_bannerHeadline = m_ui->messageBanner->headline();
}

void MainWindow::dropStaleBanner()
{
    if (m_bannerJobKey.isEmpty())
        return;
    if (!m_ui->messageBanner->isVisibleTo(this)
        || m_ui->messageBanner->headline() != m_bannerHeadline) {
        m_bannerJobKey.clear(); // another message took its place (a warning of a controller)
        return;
    }
    if (m_ui->jobForm->jobKeyText() != m_bannerJobKey) {
        m_ui->messageBanner->clear();
        m_bannerJobKey.clear();
    }
}

void MainWindow::testConnection()
{
    if (m_topologyCall)
        return;
    m_ui->connectionBar->setTesting(true);
    m_topologyCall = m_client->topology();
    connect(m_topologyCall, &ApiCall::finished, this, [this](const Outcome &outcome) {
        m_ui->connectionBar->showTopology(outcome);
        if (m_topologyCall)
            m_topologyCall->deleteLater();
        m_topologyCall.clear();
        emit topologyFinished(outcome);
    });
}

void MainWindow::copyCurl()
{
    QString why;
    const std::optional<CompletionRequest> request = m_ui->jobForm->request(&why);
    if (!request) {
        m_bannerJobKey.clear();
        m_ui->messageBanner->showMessage(MessageBanner::Kind::Error, tr("Nothing to copy"), why);
        return;
    }
    QApplication::clipboard()->setText(JobsClient::toCurl(m_client->describeCompletion(*request)));
    showStatusMessage(tr("Copied the request as a curl command (secrets redacted)."));
}

void MainWindow::previewRequest()
{
    QString why;
    const std::optional<CompletionRequest> request = m_ui->jobForm->request(&why);
    if (!request) {
        m_bannerJobKey.clear();
        m_ui->messageBanner->showMessage(MessageBanner::Kind::Error, tr("Nothing to preview"), why);
        return;
    }
    auto *dialog = new RequestPreviewDialog(m_client->describeCompletion(*request), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::restoreDraft()
{
    if (!m_drafts)
        return;
    const DraftStore::Loaded loaded = m_drafts->load();
    if (!loaded.ok) {
        m_ui->messageBanner->showMessage(MessageBanner::Kind::Warning,
            tr("The saved form could not be restored"), m_drafts->error());
    } else if (loaded.draft) {
        m_ui->jobForm->setDraft(*loaded.draft);
        if (!loaded.draft->isEmpty())
            m_statusLabel->setText(tr("Restored the form as you left it."));
    }
}

void MainWindow::saveDraft()
{
    m_draftTimer->stop();
    if (m_drafts && !m_drafts->save(m_ui->jobForm->draft()))
        qCWarning(lcUi).noquote() << m_drafts->error();
}

QRect MainWindow::fitIntoScreen(const QRect &frame, const QRect &available)
{
    if (!available.isValid())
        return frame;
    QRect fitted = frame;
    fitted.setWidth(std::min(frame.width(), available.width()));
    fitted.setHeight(std::min(frame.height(), available.height()));
    if (fitted.right() > available.right())
        fitted.moveRight(available.right());
    if (fitted.bottom() > available.bottom())
        fitted.moveBottom(available.bottom());
    if (fitted.left() < available.left())
        fitted.moveLeft(available.left());
    if (fitted.top() < available.top())
        fitted.moveTop(available.top());
    return fitted;
}

void MainWindow::restoreLayout()
{
    const WindowSettings settings;
    if (!restoreGeometry(settings.layout(WindowSettings::Layout::WindowGeometry))) {
        // First start: most of the screen, from 1280×800 to 1600×1000 (keepOnScreen() fits it
        // onto a smaller screen).
        QSize size(1280, 800);
        if (const QScreen *screen = this->screen())
            size = (screen->availableGeometry().size() * 0.85)
                       .expandedTo(size)
                       .boundedTo(QSize(1600, 1000));
        resize(size);
    }
    keepOnScreen();
    if (!m_ui->mainSplitter->restoreState(settings.layout(WindowSettings::Layout::MainSplitter)))
        m_ui->mainSplitter->setSizes({520, 760});
}

void MainWindow::keepOnScreen()
{
    if (isMaximized() || isFullScreen())
        return;
    const QScreen *screen = QGuiApplication::screenAt(geometry().center());
    if (screen == nullptr)
        screen = this->screen();
    if (screen == nullptr)
        return;
    // Saved on a larger screen (or at another scale): the title bar and the status bar must
    // both be on this one. The frame is known once the window exists (show() calls this again).
    const QMargins frame = windowHandle() != nullptr ? windowHandle()->frameMargins() : QMargins();
    const QRect fitted = fitIntoScreen(geometry().marginsAdded(frame), screen->availableGeometry())
                             .marginsRemoved(frame);
    if (fitted != geometry())
        setGeometry(fitted);
}

void MainWindow::saveLayout() const
{
    WindowSettings settings;
    settings.setLayout(WindowSettings::Layout::WindowGeometry, saveGeometry());
    settings.setLayout(WindowSettings::Layout::MainSplitter, m_ui->mainSplitter->saveState());
    settings.setLayout(WindowSettings::Layout::Docks, saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveDraft();
    saveLayout();
    if (m_call)
        m_call->cancel();
    QMainWindow::closeEvent(event);
}

} // namespace JobDesk
