// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/ApiRequest.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

class tst_ApiRequest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void names_data();
    void names();
    void unknownName();
    void onlyReadsMayBeRepeated();
};

void tst_ApiRequest::names_data()
{
    QTest::addColumn<ActionKind>("kind");
    QTest::addColumn<QString>("name");
    // The words of PRODUCT.md's history contract.
    QTest::newRow("complete") << ActionKind::Complete << QStringLiteral("complete");
    QTest::newRow("update") << ActionKind::Update << QStringLiteral("update");
    QTest::newRow("fail") << ActionKind::Fail << QStringLiteral("fail");
    QTest::newRow("error") << ActionKind::ThrowError << QStringLiteral("error");
    QTest::newRow("resolve") << ActionKind::ResolveIncident << QStringLiteral("resolve-incident");
    QTest::newRow("variables") << ActionKind::SetVariables << QStringLiteral("set-variables");
    QTest::newRow("lookup") << ActionKind::Lookup << QStringLiteral("lookup");
    QTest::newRow("batch") << ActionKind::BatchOperation << QStringLiteral("batch-operation");
    QTest::newRow("topology") << ActionKind::Topology << QStringLiteral("topology");
}

void tst_ApiRequest::names()
{
    QFETCH(ActionKind, kind);
    QFETCH(QString, name);
    QCOMPARE(actionKindName(kind), name);
    QCOMPARE(actionKindFromName(name), std::optional<ActionKind>(kind));
}

void tst_ApiRequest::unknownName()
{
    QCOMPARE(actionKindFromName(QStringLiteral("Complete")), std::nullopt);
    QCOMPARE(actionKindFromName(QString()), std::nullopt);
}

void tst_ApiRequest::onlyReadsMayBeRepeated()
{
    ApiRequest request;
    request.method = "POST";
    request.relativePath = QStringLiteral("jobs/search");
    request.action = ActionKind::Lookup;
    QVERIFY(!request.changesState());
    request.action = ActionKind::Topology;
    QVERIFY(!request.changesState());
    for (const ActionKind kind :
        {ActionKind::Complete, ActionKind::Update, ActionKind::Fail, ActionKind::ThrowError,
            ActionKind::ResolveIncident, ActionKind::SetVariables, ActionKind::BatchOperation}) {
        request.action = kind;
        QVERIFY2(request.changesState(), qPrintable(actionKindName(kind)));
    }
}

QTEST_GUILESS_MAIN(tst_ApiRequest)
#include "tst_ApiRequest.moc"
