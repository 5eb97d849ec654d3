// SPDX-License-Identifier: GPL-3.0-or-later
// The connection bar: the connection's tag and address, the production mark, the gateway version
// once known, a picker put in through its hook, and a mnemonic that is not the Templates menu's.
#include "core/camunda/Outcome.h"
#include "core/connection/Connection.h"
#include "gui/ConnectionBar.h"
#include "gui/TagChip.h"

#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

class TestConnectionBar final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsTheConnection()
    {
        ConnectionBar bar;
        Connection connection;
        connection.apiRoot = QUrl(QStringLiteral("https://h.example/v2/"));
        connection.profileName = QStringLiteral("prod-eu");
        connection.environment = Environment::Prod;
        bar.setConnection(connection);
        auto *tag = bar.findChild<TagChip *>(QStringLiteral("connectionTagLabel"));
        QCOMPARE(tag->text(), QStringLiteral("prod-eu · PRODUCTION"));
        QCOMPARE(bar.findChild<QLabel *>(QStringLiteral("addressLabel"))->text(),
            QStringLiteral("https://h.example/v2/"));
        QVERIFY(bar.isProductionMarked());
        connection.environment = Environment::Test;
        bar.setConnection(connection);
        QVERIFY(!bar.isProductionMarked());
        bar.setConnection(Connection {});
        QCOMPARE(tag->text(), QStringLiteral("No profile"));
    }

    void gatewayVersionBelongsToItsConnection()
    {
        ConnectionBar bar;
        bar.show();
        QCOMPARE(bar.gatewayVersionText(), QString());
        bar.setGatewayVersion(QStringLiteral("8.8.0"));
        QCOMPARE(bar.gatewayVersionText(), QStringLiteral("gateway 8.8.0"));
        bar.setConnection(Connection {}); // another connection: not known yet
        QCOMPARE(bar.gatewayVersionText(), QString());
        Outcome topology;
        topology.kind = OutcomeKind::Completed;
        topology.httpStatus = 200;
        topology.rawBody = R"({"gatewayVersion":"8.9.1","partitionsCount":2,"clusterSize":1})";
        bar.showTopology(topology);
        QCOMPARE(bar.gatewayVersionText(), QStringLiteral("gateway 8.9.1"));
        QVERIFY(bar.topologyText().contains(QStringLiteral("gateway 8.9.1")));
    }

    void pickerGoesInThroughItsHook()
    {
        ConnectionBar bar;
        auto *tag = bar.findChild<TagChip *>(QStringLiteral("connectionTagLabel"));
        bar.show();
        QVERIFY(tag->isVisible());
        QPointer<QWidget> picker = new QWidget;
        bar.setLeadingWidget(picker);
        QCOMPARE(bar.leadingWidget(), picker.data());
        QCOMPARE(picker->parentWidget(), &bar);
        QVERIFY(!tag->isVisible()); // the picker's chip shows the environment
        bar.setLeadingWidget(nullptr);
        QVERIFY(picker.isNull()); // the bar owned it
        QVERIFY(tag->isVisible());
    }

    void testButtonIsNotAltT()
    {
        // Issue 16: Alt+T is the Templates menu's.
        ConnectionBar bar;
        auto *test = bar.findChild<QPushButton *>(QStringLiteral("testConnectionPushButton"));
        QVERIFY(!test->text().contains(QStringLiteral("&T"), Qt::CaseInsensitive));
        QCOMPARE(test->text(), QStringLiteral("Test co&nnection"));
    }
};

QTEST_MAIN(TestConnectionBar)
#include "tst_ConnectionBar.moc"
