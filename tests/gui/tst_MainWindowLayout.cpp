// SPDX-License-Identifier: GPL-3.0-or-later
// The window on the smallest screen it must fit: 1280×720 logical pixels with every dock shown.
// CTest runs this on an offscreen screen of exactly that size, once at 100 % and once at 200 %
// (2560×1440 device pixels), see tests/data/screens.
#include "core/connection/SecretStore.h"
#include "core/history/HistoryStore.h"
#include "core/templates/TemplateStore.h"
#include "gui/ConnectionController.h"
#include "gui/JobForm.h"
#include "gui/LogPanel.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/TemplatesDock.h"
#include "gui/WindowSettings.h"
#include "support/HistoryFixtures.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QNetworkAccessManager>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace JobDesk;

class tst_MainWindowLayout : public QObject
{
    Q_OBJECT

private:
    struct Window
    {
        QNetworkAccessManager nam;
        HistoryStore history;
        std::unique_ptr<TemplateStore> templates;
        MemorySecretStore secrets;
        std::unique_ptr<MainWindow> window;
        std::unique_ptr<ConnectionController> controller; // its picker sits in the bar

        explicit Window(const QString &folder)
        {
            if (!history.open(folder + QStringLiteral("/history.sqlite")))
                qFatal("cannot open the history");
            QList<HistoryEntry> entries;
            for (int i = 0; i < 300; ++i)
                entries.append(HistoryFixtures::syntheticEntry(i, HistoryFixtures::fixedTime()));
            HistoryFixtures::appendMany(history, entries);
            templates = std::make_unique<TemplateStore>(folder + QStringLiteral("/templates"));
            Template t;
            t.name = QStringLiteral("Approve the refund and notify the customer by mail");
            t.description = QStringLiteral("For refunds below the limit");
            t.jobType = QStringLiteral("payment-service");
            t.variables = QStringLiteral("{\"approved\": true}");
            templates->add(t);
            Connection connection;
            connection.apiRoot
                = QUrl(QStringLiteral("https://camunda.production.eu-west-1.example.com:443/v2/"));
            connection.profileName = QStringLiteral("production-eu-west-1");
            connection.environment = Environment::Prod;
            window = std::make_unique<MainWindow>(connection, &nam, &history, nullptr);
            window->setTemplateStore(templates.get());
            controller = std::make_unique<ConnectionController>(window.get(), &nam, &secrets);
        }
        ~Window() { controller.reset(); }
    };

    static QRect available() { return QGuiApplication::primaryScreen()->availableGeometry(); }
    std::unique_ptr<QTemporaryDir> m_dir;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The screen CTest gives us (a plain offscreen screen is 800×800).
        qInfo() << "screen" << available() << "dpr"
                << QGuiApplication::primaryScreen()->devicePixelRatio();
    }

    void init()
    {
        QFile::remove(WindowSettings::path());
        m_dir = std::make_unique<QTemporaryDir>();
    }

    void cleanup() { QFile::remove(WindowSettings::path()); }

    void everyDockFitsTheSmallestScreen_data()
    {
        QTest::addColumn<bool>("corrections");
        QTest::addColumn<bool>("banner");
        QTest::newRow("form") << false << false;
        QTest::newRow("banner") << false << true;
        QTest::newRow("corrections") << true << false;
        QTest::newRow("corrections and banner") << true << true;
    }

    void everyDockFitsTheSmallestScreen()
    {
        QFETCH(bool, corrections);
        QFETCH(bool, banner);
        Window w(m_dir->path());
        MainWindow *window = w.window.get();
        auto *dock = window->findChild<QDockWidget *>(QStringLiteral("templatesDock"));
        QVERIFY(dock);
        if (corrections) {
            auto *toggle
                = window->findChild<QToolButton *>(QStringLiteral("correctionsToolButton"));
            QVERIFY(toggle);
            toggle->setChecked(true);
        }
        if (banner) {
            window->banner()->showMessage(MessageBanner::Kind::Error,
                QStringLiteral("Job 2251799813685249 not completed: Invalid state (HTTP 409) — "
                               "INVALID_STATE"),
                QStringLiteral("The job is in state FAILED: its retries are used up and an "
                               "incident was raised.\nNext: raise the job's retries, resolve "
                               "the incident, then complete it again."));
            window->banner()->setAction(QStringLiteral("&Retry"));
        }
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_VERIFY(window->isStartupFinished());
        QVERIFY(dock->isVisible());
        QVERIFY(window->logPanel()->isVisible());

        const QRect screen = available();
        QCOMPARE(screen.size(), MainWindow::kSmallestScreen);
        const QSize minimum = window->minimumSizeHint();
        const QMargins frame = window->windowHandle()->frameMargins();
        QVERIFY2(minimum.width() + frame.left() + frame.right() <= screen.width()
                && minimum.height() + frame.top() + frame.bottom() <= screen.height(),
            qPrintable(QStringLiteral("minimum %1×%2 (frame %3+%4, %5+%6)")
                           .arg(minimum.width())
                           .arg(minimum.height())
                           .arg(frame.left())
                           .arg(frame.right())
                           .arg(frame.top())
                           .arg(frame.bottom())));

        // The window as large as the screen lets it be: everything on it, no label cut.
        window->setGeometry(screen.marginsRemoved(frame));
        QTRY_COMPARE(window->size(), screen.marginsRemoved(frame).size());
        QApplication::processEvents();
        const QRect inside = window->rect();
        // The form scrolls only when the corrections are open and a long message shows.
        auto *scroll = window->findChild<QScrollArea *>(QStringLiteral("formScrollArea"));
        QVERIFY(scroll);
        QCOMPARE(scroll->verticalScrollBar()->isVisible(), corrections && banner);
        const QList<QWidget *> widgets = window->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            if (!widget->isVisible() || widget->isWindow())
                continue;
            // In the form (which may scroll), inside the form; anything else inside the window.
            QWidget *area = window;
            if (window->form()->isAncestorOf(widget))
                area = window->form();
            const QRect where(widget->mapTo(area, QPoint(0, 0)), widget->size());
            QVERIFY2(area->rect().contains(where),
                qPrintable(widget->objectName() + QStringLiteral(" lies outside")));
            if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
                if (button->text().isEmpty())
                    continue;
                QVERIFY2(button->width() >= button->sizeHint().width()
                        && button->height() >= button->sizeHint().height(),
                    qPrintable(QStringLiteral("“%1” (%2) is cut: %3×%4 of %5×%6 px")
                                   .arg(button->text(), button->objectName())
                                   .arg(button->width())
                                   .arg(button->height())
                                   .arg(button->sizeHint().width())
                                   .arg(button->sizeHint().height())));
            }
        }
        QVERIFY(inside.contains(QRect(scroll->mapTo(window, QPoint(0, 0)), scroll->size())));
        QVERIFY(window->statusBar()->geometry().bottom() <= inside.bottom());
    }

    void restoredGeometryIsClampedToTheScreen()
    {
        {
            // Saved on a larger screen (or at a smaller scale): larger than this one, partly
            // beyond its right and bottom edges.
            Window w(m_dir->path());
            w.window->show();
            QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
            w.window->setGeometry(600, 400, 2400, 1500);
            QTRY_COMPARE(w.window->size(), QSize(2400, 1500));
            w.window->close();
        }
        QVERIFY(!WindowSettings().layout(WindowSettings::Layout::WindowGeometry).isEmpty());
        Window again(m_dir->path());
        again.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(again.window.get()));
        const QRect frame = again.window->frameGeometry();
        QVERIFY2(available().contains(frame),
            qPrintable(QStringLiteral("%1,%2 %3×%4")
                           .arg(frame.x())
                           .arg(frame.y())
                           .arg(frame.width())
                           .arg(frame.height())));
    }

    void firstStartFitsTheScreen()
    {
        Window w(m_dir->path());
        w.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        QVERIFY(available().contains(w.window->frameGeometry()));
    }
};

QTEST_MAIN(tst_MainWindowLayout)
#include "tst_MainWindowLayout.moc"
