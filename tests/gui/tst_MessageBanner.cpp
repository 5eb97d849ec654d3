// SPDX-License-Identifier: GPL-3.0-or-later
// The message banner: kinds, texts, closing, and its painted tint and accent edge in light and
// dark palettes.
#include "gui/MessageBanner.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace JobDesk;

class TestMessageBanner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsAndCloses()
    {
        QWidget window;
        auto *banner = new MessageBanner(&window);
        window.resize(500, 120);
        banner->setGeometry(0, 0, 500, 80);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!banner->isVisible()); // hidden until there is something to say
        banner->showMessage(MessageBanner::Kind::Error, QStringLiteral("Job 1 not completed"),
            QStringLiteral("Invalid state (HTTP 409)"));
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QCOMPARE(banner->headline(), QStringLiteral("Job 1 not completed"));
        QCOMPARE(banner->text(), QStringLiteral("Invalid state (HTTP 409)"));
        QCOMPARE(banner->accessibleName(), banner->headline());
        // No explanation: only the headline line is shown.
        banner->showMessage(MessageBanner::Kind::Positive, QStringLiteral("Completed"));
        QVERIFY(
            !banner->findChild<QLabel *>(QStringLiteral("messageBannerTextLabel"))->isVisible());

        QSignalSpy closed(banner, &MessageBanner::closed);
        QTest::mouseClick(
            banner->findChild<QToolButton *>(QStringLiteral("messageBannerCloseToolButton")),
            Qt::LeftButton);
        QCOMPARE(closed.count(), 1);
        QVERIFY(!banner->isVisible());
        QVERIFY(banner->headline().isEmpty());
    }

    void offersOneActionWithItsMessage()
    {
        QWidget window;
        auto *banner = new MessageBanner(&window);
        window.resize(500, 120);
        banner->setGeometry(0, 0, 500, 80);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *action
            = banner->findChild<QPushButton *>(QStringLiteral("messageBannerActionPushButton"));
        QVERIFY(action);
        banner->showMessage(MessageBanner::Kind::Error, QStringLiteral("Job 1 not completed"));
        QVERIFY(!banner->hasAction());
        QVERIFY(!action->isVisible());
        banner->setAction(QStringLiteral("&Retry"), QStringLiteral("Send the form again"));
        QVERIFY(banner->hasAction());
        QVERIFY(action->isVisible());
        QSignalSpy triggered(banner, &MessageBanner::actionTriggered);
        QTest::mouseClick(action, Qt::LeftButton);
        QCOMPARE(triggered.count(), 1);
        // The next message has none of its own.
        banner->showMessage(MessageBanner::Kind::Positive, QStringLiteral("Job 1 completed"));
        QVERIFY(!banner->hasAction());
        banner->setAction(QStringLiteral("&Retry"));
        banner->clear();
        QVERIFY(!banner->hasAction());
    }

    void paintsTintAndAccentEdge_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void paintsTintAndAccentEdge()
    {
        QFETCH(bool, dark);
        QWidget window;
        QPalette palette = window.palette();
        palette.setColor(
            QPalette::Window, dark ? QColor(0x2b, 0x2b, 0x2b) : QColor(0xef, 0xef, 0xef));
        window.setPalette(palette);
        auto *banner = new MessageBanner(&window);
        banner->setGeometry(0, 0, 400, 60);
        window.resize(400, 60);
        banner->showMessage(MessageBanner::Kind::Error, QStringLiteral("Refused"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const QColor window0 = palette.color(QPalette::Window);
        const QColor tint = banner->tint();
        QCOMPARE(banner->accent(), QColor(0xd6, 0x3b, 0x3b));
        // The tint lies between the window colour and the accent, much nearer the window colour
        // (so the palette's text stays readable on it), and is not the window colour itself.
        const QColor accent = banner->accent();
        const auto between = [](int value, int a, int b) {
            return value >= qMin(a, b) - 1 && value <= qMax(a, b) + 1;
        };
        QVERIFY(between(tint.red(), window0.red(), accent.red()));
        QVERIFY(between(tint.green(), window0.green(), accent.green()));
        QVERIFY(between(tint.blue(), window0.blue(), accent.blue()));
        QVERIFY(tint != window0);
        QVERIFY(qAbs(tint.lightness() - window0.lightness()) < 40);

        const QImage image = banner->grab().toImage();
        const int y = image.height() / 2;
        QCOMPARE(image.pixelColor(1, y).rgb(), banner->accent().rgb()); // the edge
        QCOMPARE(image.pixelColor(200, 2).rgb(), tint.rgb()); // the background

        // Another kind, another accent.
        banner->showMessage(MessageBanner::Kind::Positive, QStringLiteral("Completed"));
        QCOMPARE(banner->grab().toImage().pixelColor(1, y).rgb(), QColor(0x2e, 0x9d, 0x4f).rgb());
    }
};

QTEST_MAIN(TestMessageBanner)
#include "tst_MessageBanner.moc"
