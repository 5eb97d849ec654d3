// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/Connection.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/templates/DraftStore.h"
#include "gui/MainWindow.h"
#include "gui/WindowSettings.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

namespace JobDesk::Test {

/// The whole window against a server (usually the sandbox), as the window tests build it: its
/// own network manager, the history and drafts in the test's data folder, optionally a
/// production connection. Header-only, for the tests that link jobdesk_gui. Tests derive from it
/// to add what they look at (`struct Window : Test::WindowFixture { using WindowFixture::…; }`).
struct WindowFixture
{
    enum class Shown { No, Yes };
    QNetworkAccessManager nam;
    HistoryStore history;
    DraftStore drafts;
    std::unique_ptr<MainWindow> window;

    /// `openHistory` false: the window opens it itself, after its first frame (as in main()).
    explicit WindowFixture(const QUrl &base, bool production = false, bool openHistory = true,
        Shown shown = Shown::Yes)
    {
        if (openHistory)
            history.open();
        Connection connection;
        connection.apiRoot = JobsClient::normalizeApiRoot(base.toString()).url;
        if (production) {
            connection.profileName = QStringLiteral("prod-eu");
            connection.environment = Environment::Prod;
        }
        window = std::make_unique<MainWindow>(connection, &nam, &history, &drafts);
        if (shown == Shown::Yes) {
            window->show();
            // Shortcuts (Ctrl+Return, the Job menu's) need an active window.
            QApplication::setActiveWindow(window.get());
        }
    }
    /// Removes what a previous window left (history with its WAL files, draft, window settings):
    /// each test starts as on a first run.
    static void removeStoredFiles()
    {
        QFile::remove(HistoryStore::defaultPath());
        QFile::remove(HistoryStore::defaultPath() + QStringLiteral("-wal"));
        QFile::remove(HistoryStore::defaultPath() + QStringLiteral("-shm"));
        QFile::remove(DraftStore::defaultPath());
        QFile::remove(WindowSettings::path());
    }
    template <typename T> T *find(const char *name) const
    {
        T *widget = window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no widget named %s", name);
        return widget;
    }
    QLineEdit *key() const { return find<QLineEdit>("jobKeyLineEdit"); }
    /// Replaces the key field's text by typing `jobKey`, as a person would.
    void typeKey(const QString &jobKey)
    {
        key()->selectAll();
        QTest::keyClicks(key(), jobKey);
    }
};

} // namespace JobDesk::Test
