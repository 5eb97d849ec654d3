// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's record of state-changing requests, and how a request path names its action and
// key.
#include "sandbox/RequestRecord.h"
#include "sandbox/RestGateway.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk::Sandbox;

class tst_SandboxRequestRecord final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void counts();
    void keysKeptAsWritten();
    void subjects_data();
    void subjects();
};

void tst_SandboxRequestRecord::counts()
{
    RequestRecord record;
    record.received(QStringLiteral("complete"), QStringLiteral("1"));
    record.received(QStringLiteral("complete"), QStringLiteral("1"));
    record.applied(QStringLiteral("complete"), QStringLiteral("1"));
    record.received(QStringLiteral("resolve-incident"), QStringLiteral("2"));
    record.received(QStringLiteral("lookup"), QStringLiteral("3")); // not a change: ignored
    const QJsonObject all = QJsonDocument::fromJson(record.toJson()).object();
    const QJsonObject one
        = all.value(QLatin1String("keys")).toObject().value(QLatin1String("1")).toObject();
    QCOMPARE(one.value(QLatin1String("complete")).toObject(),
        (QJsonObject {{QStringLiteral("received"), 2}, {QStringLiteral("applied"), 1}}));
    QCOMPARE(all.value(QLatin1String("keys")).toObject().size(), 2);
    QCOMPARE(all.value(QLatin1String("totals"))
                 .toObject()
                 .value(QLatin1String("resolve-incident"))
                 .toObject()
                 .value(QLatin1String("applied"))
                 .toInt(),
        0);
    const QJsonObject only = QJsonDocument::fromJson(record.toJson(QStringLiteral("2"))).object();
    QCOMPARE(
        only.value(QLatin1String("keys")).toObject().keys(), QStringList {QStringLiteral("2")});
    record.clear();
    QVERIFY(QJsonDocument::fromJson(record.toJson())
                .object()
                .value(QLatin1String("keys"))
                .toObject()
                .isEmpty());
}

void tst_SandboxRequestRecord::keysKeptAsWritten()
{
    // Numbers are counted in a number table; anything else must keep its own text, so "007"
    // and "7", or a key past 2^63, never share counters with another key.
    RequestRecord record;
    record.received(QStringLiteral("complete"), QStringLiteral("7"));
    record.received(QStringLiteral("complete"), QStringLiteral("007"));
    record.received(QStringLiteral("complete"), QStringLiteral("9223372036854775808"));
    record.applied(QStringLiteral("complete"), QStringLiteral("9223372036854775807"));
    const QJsonObject keys
        = QJsonDocument::fromJson(record.toJson()).object().value(QLatin1String("keys")).toObject();
    QStringList names = keys.keys();
    names.sort();
    QCOMPARE(names,
        (QStringList {QStringLiteral("007"), QStringLiteral("7"),
            QStringLiteral("9223372036854775807"), QStringLiteral("9223372036854775808")}));
    const auto received = [&](const char *key) {
        return keys.value(QLatin1String(key))
            .toObject()
            .value(QLatin1String("complete"))
            .toObject()
            .value(QLatin1String("received"))
            .toInt();
    };
    QCOMPARE(received("7"), 1);
    QCOMPARE(received("007"), 1);
    QCOMPARE(received("9223372036854775808"), 1);
    QCOMPARE(received("9223372036854775807"), 0);
    const QJsonObject one = QJsonDocument::fromJson(record.toJson(QStringLiteral("007")))
                                .object()
                                .value(QLatin1String("keys"))
                                .toObject();
    QCOMPARE(one.keys(), QStringList {QStringLiteral("007")});
}

void tst_SandboxRequestRecord::subjects_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("key");
    QTest::newRow("complete") << QByteArray("POST") << "/v2/jobs/5/completion"
                              << "complete"
                              << "5";
    QTest::newRow("fail") << QByteArray("POST") << "/v2/jobs/5/failure"
                          << "fail"
                          << "5";
    QTest::newRow("error") << QByteArray("POST") << "/v2/jobs/5/error"
                           << "error"
                           << "5";
    QTest::newRow("update") << QByteArray("PATCH") << "/v2/jobs/5"
                            << "update"
                            << "5";
    QTest::newRow("resolve") << QByteArray("POST") << "/v2/incidents/7/resolution"
                             << "resolve-incident"
                             << "7";
    QTest::newRow("variables") << QByteArray("PUT") << "/v2/element-instances/8/variables"
                               << "set-variables"
                               << "8";
    QTest::newRow("batch") << QByteArray("POST") << "/v2/process-instances/incident-resolution"
                           << "batch-operation"
                           << "*";
    QTest::newRow("search") << QByteArray("POST") << "/v2/jobs/search"
                            << ""
                            << "";
    QTest::newRow("get") << QByteArray("GET") << "/v2/incidents/7"
                         << ""
                         << "";
}

void tst_SandboxRequestRecord::subjects()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, action);
    QFETCH(QString, key);
    const auto subject = RestGateway::subjectOf(method, path);
    QCOMPARE(subject.has_value(), !action.isEmpty());
    if (subject) {
        QCOMPARE(subject->action, action);
        QCOMPARE(subject->key, key);
    }
}

QTEST_APPLESS_MAIN(tst_SandboxRequestRecord)
#include "tst_SandboxRequestRecord.moc"
