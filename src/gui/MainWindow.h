// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/CamundaVersion.h"
#include "core/camunda/Outcome.h"
#include "core/connection/Connection.h"
#include "core/lookup/JobLookupResult.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>
#include <QSize>
#include <QUrl>

#include <memory>

class QLabel;
class QMenu;
class QNetworkAccessManager;
class QProgressBar;
class QTimer;

namespace Ui {
class MainWindow;
}

namespace JobDesk {

class ApiCall;
class CompletionRequest;
class ConnectionBar;
class DraftStore;
class HistoryStore;
class FindJobsDialog;
class JobCard;
class JobForm;
class BatchController;
class JobActionsController;
class JobInspector;
class JobsClient;
class LogPanel;
class TemplateStore;
class TemplatesDock;
class TemplatesPanel;
class MessageBanner;
struct ClientConnection;

/// The desktop window: connection bar, the request form with its message banner, and the log.
///
/// Sending: the attempt is recorded in the HistoryStore (write-ahead, startAttempt()) before the
/// form's request goes out through JobsClient; when it finishes, its outcome is recorded before
/// anything else happens (recordAttempt()), then the banner explains the outcome and the log
/// shows (and selects) the row. A run killed in between leaves a row "unknown — look the job
/// up", which the banner names at the next start. One request at a time; while it is in flight
/// the status bar counts the seconds and the time left until the timeout. The form is kept as a
/// draft (debounced, atomically written) so it survives a restart or a crash.
///
/// Hooks for the controllers around it (connection, templates): fileMenu(), templatesMenu(),
/// setConnectionPicker(), banner(), showStatusMessage(), form(), client(), isSending(). They use
/// these, never findChild() or the window's layouts.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    /// How long a status bar message stays.
    static constexpr int kStatusMessageMs = 6000;
    /// The smallest screen every layout must fit, with every dock shown (logical pixels).
    static constexpr QSize kSmallestScreen {1280, 720};

    /// `history` and `drafts` are not owned and may be null (no history / no draft). The window
    /// starts with `connection` and no secrets (ConnectionController sets the real one).
    MainWindow(const Connection &connection, QNetworkAccessManager *nam, HistoryStore *history,
        DraftStore *drafts, QWidget *parent = nullptr);
    ~MainWindow() override;

    JobForm *form() const;
    LogPanel *logPanel() const { return m_logPanel; }
    MessageBanner *banner() const;
    ConnectionBar *connectionBar() const;
    JobsClient *client() const { return m_client; }
    /// The history the window records to (not owned; may be null or not open).
    HistoryStore *history() const { return m_history; }
    /// The Job menu and its actions (update, fail, error, resolve, set variables, repair).
    JobActionsController *jobActions() const { return m_jobActions; }
    /// File → Batch…, the batch offered for several pasted keys, the resume offer at start.
    BatchController *batches() const { return m_batches; }
    /// The banner (which speaks of `jobKey`) offers "Repair…" (repairRequested) as its action.
    void offerRepair(const QString &jobKey);
    /// The job card above the form and the look-ups behind it.
    JobCard *jobCard() const { return m_jobCard; }
    JobInspector *inspector() const { return m_inspector; }
    /// The Find jobs view (made on first use), and the keys last selected there (kept for the
    /// batch work).
    FindJobsDialog *findJobsDialog() const { return m_findJobs; }
    const QStringList &selectedJobKeys() const { return m_selectedJobKeys; }
    bool isSending() const { return !m_call.isNull(); }
    const Connection &connection() const { return m_connection; }
    /// Switches where requests go (profile switch): title, connection bar, and the client's root,
    /// timeout, TLS and auth from `ready` (made by ConnectionFactory::build()), which the window
    /// owns from now on. Refused (false, `ready` dropped) while a request is in flight. Returns
    /// the TLS problem of the connection in `tlsError` (empty when fine).
    bool setConnection(const Connection &connection, std::unique_ptr<ClientConnection> ready,
        QString *tlsError = nullptr);

    /// The gateway version of the current connection (as GET /v2/topology reports it; empty:
    /// unknown): shown in the connection bar, used before sending (what this version cannot
    /// take is refused with the reason, nothing sent) and by the form (the 8.10 fields) and the
    /// look-ups. setConnection() forgets it.
    void setServerVersion(const QString &version);
    const CamundaVersion &serverVersion() const { return m_serverVersion; }

    /// The File menu, for actions of other controllers (e.g. "Manage profiles…" at its top).
    QMenu *fileMenu() const;
    /// The Templates menu; hidden until a templates dock fills it.
    QMenu *templatesMenu() const;
    /// Puts `picker` (the profile picker) at the start of the connection bar, whose own tag it
    /// replaces (ConnectionBar::setLeadingWidget); the bar takes it over (it is deleted with the
    /// window unless deleted before).
    void setConnectionPicker(QWidget *picker);
    /// Shows `text` in the status bar for kStatusMessageMs.
    void showStatusMessage(const QString &text);

    /// Adds the templates dock (search, apply, save with Ctrl+S, find with Ctrl+T). `store` is
    /// not owned. Once only.
    void setTemplateStore(TemplateStore *store);
    TemplatesDock *templatesDock() const { return m_templatesDock; }
    TemplatesPanel *templatesPanel() const;

    /// What the first frame does not need, so the window appears sooner: opens the history when
    /// the caller left it closed (then the log shows its rows, or the banner says why it cannot
    /// be written), the theme icon, the menu icons and the line edits' clear buttons (a theme
    /// lookup). Runs once, right after the window's first expose (or a second after show() if
    /// no expose comes); send() runs it first if it has not run yet.
    void finishStartup();
    bool isStartupFinished() const { return m_startupFinished; }
    /// A line edit whose .ui sets this dynamic property to true gets its clear button in
    /// finishStartup() (the style looks its icon up in the icon theme, which is slow the first
    /// time).
    static constexpr char kClearButtonProperty[] = "deferredClearButton";
    /// Gives the marked line edits under `root` their clear button (for widgets added after
    /// finishStartup()).
    static void enableClearButtons(QWidget *root);

    /// `frame` moved and shrunk as little as possible so that it lies inside `available` (a
    /// window restored on a smaller screen than it was saved on). Pure.
    static QRect fitIntoScreen(const QRect &frame, const QRect &available);

public slots:
    void send();
    void cancel();
    void testConnection();
    void copyCurl();
    void previewRequest();
    void showAbout();
    /// Opens the Find jobs view (Ctrl+Shift+J).
    void findJobs();
    /// Writes the draft now (also done debounced after every edit and on close).
    void saveDraft();

signals:
    /// After the attempt is in the history (`historyId` 0 when it could not be stored).
    void requestFinished(const JobDesk::Outcome &outcome, qint64 historyId);
    void topologyFinished(const JobDesk::Outcome &outcome);
    /// The banner's "Repair…" was chosen for `jobKey`.
    void repairRequested(const QString &jobKey);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// The request in flight (or the last one): what the outcome is recorded and shown with.
    struct Attempt
    {
        QDateTime started;
        QString jobKey;
        bool denied = false;
        QString deniedReason;
        std::optional<JobRecord> job; ///< the job as looked up when it was sent, if known
        qint64 historyId = 0; ///< its write-ahead history row, 0 when it could not be written
        QString historyError; ///< why it could not be written
    };

    void startAttempt(const CompletionRequest &request);
    // The job at hand (MainWindowJob.cpp): the card and its look-ups, the fit check before
    // sending, and what a re-check after a lost answer found.
    void setupJobCard();
    /// False when the person declined to send a form that does not fit the job as looked up.
    bool confirmFit(const CompletionRequest &request);
    /// After an outcome: re-check a lost answer, else re-read the job for the card.
    void lookAgainAfter(const Outcome &outcome, qint64 historyId);
    void showRecheck(const JobLookupResult &result);
    void onFinished(const Outcome &answer);
    /// Appends the finished attempt to the history; returns its id, or 0 with `*error` set
    /// (empty when there is no history to write to).
    qint64 recordAttempt(const Outcome &outcome, QString *error);
    void showOutcome(const Outcome &outcome);
    void updateElapsed();
    /// A banner about the outcome of another job than the one in the form is stale: it goes.
    void dropStaleBanner();
    void setupActions();
    void restoreDraft();
    /// The banner names the attempts a killed run left without an outcome.
    void showUnknownOutcomes();
    void restoreLayout();
    /// Moves and shrinks the window (frame included) onto the screen it is on.
    void keepOnScreen();
    /// The form's scroll area is as wide as the form needs (plus its scroll bar).
    void fitFormWidth();
    void saveLayout() const;
    void updateActions();

    Q_DISABLE_COPY_MOVE(MainWindow)
    const std::unique_ptr<Ui::MainWindow> m_ui;
    Connection m_connection;
    CamundaVersion m_serverVersion; ///< unknown until the topology is read
    std::unique_ptr<ClientConnection> m_clientConnection; ///< what m_client sends with
    JobsClient *m_client;
    HistoryStore *m_history;
    DraftStore *m_drafts;
    LogPanel *m_logPanel;
    JobCard *m_jobCard = nullptr;
    JobInspector *m_inspector = nullptr;
    JobActionsController *m_jobActions = nullptr;
    BatchController *m_batches = nullptr;
    bool m_bannerOffersRepair = false; ///< the banner's action is Repair…, not Retry
    FindJobsDialog *m_findJobs = nullptr;
    QStringList m_selectedJobKeys;
    TemplatesDock *m_templatesDock = nullptr;
    QTimer *m_draftTimer;
    QTimer *m_elapsedTimer;
    QLabel *m_statusLabel;
    QProgressBar *m_busyBar;
    QPointer<ApiCall> m_call;
    QPointer<ApiCall> m_topologyCall;
    Attempt m_attempt;
    qint64 m_recheckHistoryId = 0; ///< the row whose lost answer is being re-checked (0: none)
    QElapsedTimer m_sendClock;
    QString m_sendingUrl;
    QString m_bannerJobKey; ///< the job the banner's outcome is about, or empty
    QString m_bannerHeadline; ///< that banner's headline (another message may replace it)
    bool m_startupFinished = false;
    bool m_waitingForExpose = false;
};

} // namespace JobDesk
