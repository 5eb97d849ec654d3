// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/MainWindow.h"
#include "gui/WindowSettings.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

class tst_WindowSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QFile::remove(WindowSettings::path());
        QSettings().clear();
    }
    void cleanup() { init(); }

    void oneFileForEveryLayout()
    {
        {
            WindowSettings settings;
            settings.setLayout(WindowSettings::Layout::WindowGeometry, "geometry");
            settings.setLayout(WindowSettings::Layout::MainSplitter, "main");
            settings.setLayout(WindowSettings::Layout::Docks, "docks");
            settings.setLayout(WindowSettings::Layout::LogSplitter, "log");
        }
        QVERIFY(QFile::exists(WindowSettings::path()));
        QVERIFY(WindowSettings::path().endsWith(QStringLiteral("/window.conf")));
        const WindowSettings again;
        QCOMPARE(again.layout(WindowSettings::Layout::WindowGeometry), QByteArray("geometry"));
        QCOMPARE(again.layout(WindowSettings::Layout::MainSplitter), QByteArray("main"));
        QCOMPARE(again.layout(WindowSettings::Layout::Docks), QByteArray("docks"));
        QCOMPARE(again.layout(WindowSettings::Layout::LogSplitter), QByteArray("log"));
        // Nothing went to the application's default settings file.
        QVERIFY(QSettings().allKeys().isEmpty());
    }

    void retentionMovesIntoTheWindowFile()
    {
        RetentionPolicy old;
        old.mode = RetentionPolicy::Mode::KeepDays;
        old.days = 7;
        {
            QSettings legacy; // where an older build kept it
            old.save(legacy);
        }
        QCOMPARE(WindowSettings().retentionPolicy(), old);

        RetentionPolicy now;
        now.mode = RetentionPolicy::Mode::KeepCount;
        now.count = 500;
        WindowSettings().setRetentionPolicy(now);
        QCOMPARE(WindowSettings().retentionPolicy(), now);
        QCOMPARE(
            RetentionPolicy::load(QSettings(WindowSettings::path(), QSettings::IniFormat)), now);
    }

    void foldersAreRememberedAndNeverTheWorkingDirectory()
    {
        const QString first = WindowSettings().folder(WindowSettings::Folder::HistoryExport);
        QVERIFY(QFileInfo(first).isDir());
        QVERIFY(QDir(first) != QDir::current() || QDir::current() == QDir::home());

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("export.csv"));
        WindowSettings().rememberFolder(WindowSettings::Folder::HistoryExport, file);
        QCOMPARE(
            QDir(WindowSettings().folder(WindowSettings::Folder::HistoryExport)), QDir(dir.path()));
        // Each kind of dialog remembers its own folder.
        QCOMPARE(WindowSettings().folder(WindowSettings::Folder::Templates), first);

        // A remembered folder that is gone falls back.
        const QString gone = dir.path();
        dir.remove();
        QVERIFY(!QFileInfo::exists(gone));
        QCOMPARE(WindowSettings().folder(WindowSettings::Folder::HistoryExport), first);
    }

    void fitIntoScreen_data()
    {
        QTest::addColumn<QRect>("frame");
        QTest::addColumn<QRect>("available");
        QTest::addColumn<QRect>("expected");
        const QRect screen(0, 0, 1280, 720);
        QTest::newRow("inside stays")
            << QRect(10, 10, 800, 600) << screen << QRect(10, 10, 800, 600);
        QTest::newRow("too tall: shrunk, top kept")
            << QRect(0, 0, 1280, 1000) << screen << QRect(0, 0, 1280, 720);
        QTest::newRow("saved on a big screen")
            << QRect(300, 200, 2400, 1500) << screen << QRect(0, 0, 1280, 720);
        QTest::newRow("below the screen: moved up")
            << QRect(100, 500, 800, 600) << screen << QRect(100, 120, 800, 600);
        QTest::newRow("left of the screen")
            << QRect(-500, 50, 800, 600) << screen << QRect(0, 50, 800, 600);
        QTest::newRow("second screen to the right") << QRect(1500, 100, 1000,
            700) << QRect(1280, 0, 1920, 1080) << QRect(1500, 100, 1000, 700);
        QTest::newRow("panel at the top")
            << QRect(0, 0, 1280, 720) << QRect(0, 32, 1280, 688) << QRect(0, 32, 1280, 688);
    }

    void fitIntoScreen()
    {
        QFETCH(QRect, frame);
        QFETCH(QRect, available);
        QFETCH(QRect, expected);
        QCOMPARE(MainWindow::fitIntoScreen(frame, available), expected);
    }
};

QTEST_MAIN(tst_WindowSettings)
#include "tst_WindowSettings.moc"
