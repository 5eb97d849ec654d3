// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Outcome.h"

#include <QDateTime>
#include <QMainWindow>
#include <QPointer>
#include <QUrl>

#include <memory>

class QLabel;
class QNetworkAccessManager;
class QProgressBar;
class QSettings;
class QTimer;

namespace Ui {
class MainWindow;
}

namespace JobDesk {

class ApiCall;
class AuthProvider;
class ConnectionBar;
class DraftStore;
class HistoryStore;
class JobForm;
class JobsClient;
class LogPanel;
class TemplateStore;
class TemplatesPanel;
struct Template;
class MessageBanner;

/// The desktop window: connection bar, the request form with its message banner, and the log.
///
/// Sending: the attempt is recorded in the HistoryStore (write-ahead) before the form's request
/// goes out through JobsClient; when it finishes, its outcome is recorded before anything else
/// happens, then the banner explains the outcome and the log shows (and selects) the row. One
/// request at a time. The form is kept as a draft (debounced, atomically written) so it survives a
/// restart or a crash.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    /// Where requests go and how they authenticate.
    struct Connection
    {
        QUrl apiRoot; ///< ends in /v2/
        QString profileName; ///< empty without a profile
        QString colour; ///< the profile's tag colour, or empty
        bool production = false;
        AuthProvider *auth = nullptr; ///< not owned; nullptr: no authentication
        /// What the history records: the profile name, or the API root.
        QString displayName() const;
    };

    /// `history` and `drafts` are not owned and may be null (no history / no draft).
    MainWindow(const Connection &connection, QNetworkAccessManager *nam, HistoryStore *history,
        DraftStore *drafts, QWidget *parent = nullptr);
    ~MainWindow() override;

    JobForm *form() const;
    LogPanel *logPanel() const { return m_logPanel; }
    MessageBanner *banner() const;
    ConnectionBar *connectionBar() const;
    JobsClient *client() const { return m_client; }
    bool isSending() const { return !m_call.isNull(); }
    const Connection &connection() const { return m_connection; }
    /// Switches where requests go (profile switch): title, connection bar, client root and auth.
    /// Refused (false) while a request is in flight.
    bool setConnection(const Connection &connection);

    /// Window geometry and splitter state live here (AppConfigLocation/window.conf).
    static QString settingsPath();

    /// Adds the templates dock (search, apply, save with Ctrl+S). `store` is not owned.
    void setTemplateStore(TemplateStore *store);
    TemplatesPanel *templatesPanel() const { return m_templatesPanel; }

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

public slots:
    void send();
    void cancel();
    void testConnection();
    void copyCurl();
    void previewRequest();
    void showAbout();
    /// Writes the draft now (also done debounced after every edit and on close).
    void saveDraft();

signals:
    /// After the attempt is in the history (`historyId` 0 when it could not be stored).
    void requestFinished(const JobDesk::Outcome &outcome, qint64 historyId);
    void topologyFinished(const JobDesk::Outcome &outcome);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onFinished(const Outcome &outcome);
    void showOutcome(const Outcome &outcome, const QString &jobKey, bool denied);
    void setupActions();
    void applyTemplate(const Template &t);
    void saveFormAsTemplate();
    void restoreDraft();
    /// The banner names the attempts a killed run left without an outcome.
    void showUnknownOutcomes();
    static void enableClearButtons(QWidget *root);
    void restoreLayout();
    void saveLayout() const;
    void updateActions();

    Q_DISABLE_COPY_MOVE(MainWindow)
    const std::unique_ptr<Ui::MainWindow> m_ui;
    Connection m_connection;
    JobsClient *m_client;
    HistoryStore *m_history;
    DraftStore *m_drafts;
    LogPanel *m_logPanel;
    TemplatesPanel *m_templatesPanel = nullptr;
    QTimer *m_draftTimer;
    QLabel *m_statusLabel;
    QProgressBar *m_busyBar;
    QPointer<ApiCall> m_call;
    QPointer<ApiCall> m_topologyCall;
    QDateTime m_started;
    qint64 m_attemptId = 0; ///< the write-ahead history row of the request in flight
    QString m_attemptError; ///< why it could not be written
    QString m_sendingKey;
    bool m_sendingDenied = false;
    bool m_startupFinished = false;
    bool m_waitingForExpose = false;
};

} // namespace JobDesk
