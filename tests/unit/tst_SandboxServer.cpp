// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's HTTP server around the gateway: real requests over loopback, the topology of
// the version it plays, generated jobs, the record of state-changing requests, the 502/504 and
// 403 dice, the lagging search, the timers of batch operations and of the built-in worker.
#include "tst_SandboxHttpClient.h"

#include <QJsonArray>
#include <QStandardPaths>

using namespace JobDesk::Sandbox;

class tst_SandboxServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void completionOverHttp();
    void topology_data();
    void topology();
    void generatedJobs();
    void recordCountsArrivedAndApplied();
    void gatewayErrors();
    void forbiddenRate();
    void searchDelay();
    void batchAdvancesOnItsTimer();
    void worker();
    void identity();
};

void tst_SandboxServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

namespace {

QJsonObject record(SandboxHarness &h, const QString &key = {})
{
    return h
        .send("GET",
            key.isEmpty() ? QStringLiteral("/sandbox/record")
                          : QStringLiteral("/sandbox/record?key=%1").arg(key))
        .json();
}

int counter(const QJsonObject &record, const QString &key, const QString &action, const char *which)
{
    return record.value(QLatin1String("keys"))
        .toObject()
        .value(key)
        .toObject()
        .value(action)
        .toObject()
        .value(QLatin1String(which))
        .toInt();
}

} // namespace

void tst_SandboxServer::completionOverHttp()
{
    SandboxOptions options;
    options.demo = true;
    SandboxHarness h(options);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    const HttpAnswer done = h.post(completionPath(2251799823685402), R"({"variables":{"a":1}})");
    QCOMPARE(done.status, 204);
    QVERIFY(done.body.isEmpty());
    const HttpAnswer again = h.post(completionPath(2251799823685402));
    QCOMPARE(again.status, 404);
    QCOMPARE(again.contentType, QByteArrayLiteral("application/problem+json"));
    const HttpAnswer wrong = h.send("GET", completionPath(2251799823685402));
    QCOMPARE(wrong.status, 405);
    QCOMPARE(wrong.header("Allow"), QByteArrayLiteral("POST"));
}

void tst_SandboxServer::topology_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("reported");
    QTest::newRow("default") << QString() << "8.8.0";
    QTest::newRow("8.7") << "8.7"
                         << "8.7.0";
    QTest::newRow("8.9") << "8.9"
                         << "8.9.0";
    QTest::newRow("8.10") << "8.10"
                          << "8.10.0";
}

void tst_SandboxServer::topology()
{
    QFETCH(QString, version);
    QFETCH(QString, reported);
    SandboxOptions options;
    options.demo = true;
    if (!version.isEmpty())
        options.gatewayVersion = *gatewayVersionFromName(version);
    SandboxHarness h(options);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    const QJsonObject t = h.send("GET", QStringLiteral("/v2/topology")).json();
    QCOMPARE(t.value(QLatin1String("gatewayVersion")).toString(), reported);
    // The demo data reaches partition 4, where keys lie above 2^53.
    QCOMPARE(t.value(QLatin1String("partitionsCount")).toInt(), 4);
    const QJsonArray brokers = t.value(QLatin1String("brokers")).toArray();
    QCOMPARE(brokers.at(0).toObject().value(QLatin1String("partitions")).toArray().size(), 4);
    QCOMPARE(brokers.at(0).toObject().value(QLatin1String("version")).toString(), reported);
}

void tst_SandboxServer::generatedJobs()
{
    SandboxOptions options;
    options.generate = 1000;
    SandboxHarness h(options);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    QCOMPARE(h.server().store().size(), 1000);
    QCOMPARE(h.post(completionPath(2251799813685249)).status, 204);
    QCOMPARE(h.post(completionPath(2251799813685249 + 999)).status, 204);
    QCOMPARE(h.post(completionPath(2251799813685249 + 1000)).status, 404);
    const HttpAnswer created = h.post(
        QStringLiteral("/v2/jobs/search"), R"({"filter":{"state":"CREATED"},"page":{"limit":1}})");
    QCOMPARE(created.json()
                 .value(QLatin1String("page"))
                 .toObject()
                 .value(QLatin1String("totalItems"))
                 .toInt(),
        998);
    QCOMPARE(created.json()
                 .value(QLatin1String("items"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("jobKey"))
                 .toString(),
        QStringLiteral("2251799813685250"));
    // Each generated job has its own instance with two variables.
    const HttpAnswer vars = h.post(QStringLiteral("/v2/variables/search"),
        R"({"filter":{"processInstanceKey":"2251800013685250"}})");
    QCOMPARE(vars.json().value(QLatin1String("items")).toArray().size(), 2);
}

void tst_SandboxServer::recordCountsArrivedAndApplied()
{
    SandboxOptions options;
    options.demo = true;
    SandboxHarness h(options);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    const QString key = QStringLiteral("2251799823685402");
    QCOMPARE(h.post(completionPath(key.toLongLong())).status, 204);
    QCOMPARE(h.post(completionPath(key.toLongLong())).status, 404);
    h.send("PATCH", QStringLiteral("/v2/jobs/2251799823685442"), R"({"changeset":{"retries":4}})");
    QJsonObject r = record(h);
    QCOMPARE(counter(r, key, QStringLiteral("complete"), "received"), 2);
    QCOMPARE(counter(r, key, QStringLiteral("complete"), "applied"), 1);
    QCOMPARE(
        counter(r, QStringLiteral("2251799823685442"), QStringLiteral("update"), "applied"), 1);
    QCOMPARE(r.value(QLatin1String("totals"))
                 .toObject()
                 .value(QLatin1String("complete"))
                 .toObject()
                 .value(QLatin1String("received"))
                 .toInt(),
        2);
    // One key only; a key nothing arrived for has an empty entry.
    r = record(h, key);
    QCOMPARE(r.value(QLatin1String("keys")).toObject().keys(), QStringList {key});
    QVERIFY(record(h, QStringLiteral("1"))
                .value(QLatin1String("keys"))
                .toObject()
                .value(QLatin1String("1"))
                .toObject()
                .isEmpty());
    // Reads are not recorded; DELETE clears.
    h.post(QStringLiteral("/v2/jobs/search"), "{}");
    QCOMPARE(h.send("DELETE", QStringLiteral("/sandbox/record")).status, 204);
    QVERIFY(record(h).value(QLatin1String("keys")).toObject().isEmpty());
}

void tst_SandboxServer::gatewayErrors()
{
    SandboxOptions options;
    options.generate = 200;
    options.gatewayErrorRate = 1.0;
    options.seed = 11;
    SandboxHarness h(options);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    int aborted = 0;
    int timedOut = 0;
    for (qint64 i = 0; i < 40; ++i) {
        const qint64 key = JobStore::GeneratedBase + i;
        const HttpAnswer a = h.post(completionPath(key));
        const QJsonObject r = record(h, QString::number(key));
        const int applied = counter(r, QString::number(key), QStringLiteral("complete"), "applied");
        if (a.status == 502) {
            ++aborted;
            QCOMPARE(a.json().value(QLatin1String("title")).toString(), QStringLiteral("ABORTED"));
            QCOMPARE(applied, 0);
            QCOMPARE(h.server().store().find(key)->state, JobState::Created);
        } else {
            QCOMPARE(a.status, 504);
            ++timedOut;
            QCOMPARE(a.json().value(QLatin1String("title")).toString(),
                QStringLiteral("DEADLINE_EXCEEDED"));
            QCOMPARE(a.json().value(QLatin1String("detail")).toString(),
                QStringLiteral("Expected to handle request, but request timed out between "
                               "gateway and broker"));
            // The answer was lost, the completion happened.
            QCOMPARE(applied, 1);
            QCOMPARE(h.server().store().find(key)->state, JobState::Completed);
        }
        QCOMPARE(counter(r, QString::number(key), QStringLiteral("complete"), "received"), 1);
    }
    QVERIFY(aborted > 5);
    QVERIFY(timedOut > 5);
    // Topology and status are never faulted.
    QCOMPARE(h.send("GET", QStringLiteral("/v2/topology")).status, 200);
}

void tst_SandboxServer::forbiddenRate()
{
    SandboxOptions options;
    options.generate = 100;
    options.forbiddenRate = 1.0;
    SandboxHarness h(options);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    const HttpAnswer a = h.post(completionPath(JobStore::GeneratedBase));
    QCOMPARE(a.status, 403);
    QCOMPARE(a.json().value(QLatin1String("title")).toString(), QStringLiteral("FORBIDDEN"));
    QVERIFY(a.json()
                .value(QLatin1String("detail"))
                .toString()
                .endsWith(QLatin1String(
                    "required resource identifiers are one of '[*, order-fulfilment]'")));
    // The engine's own checks come first: an unknown job is still 404.
    QCOMPARE(h.post(completionPath(JobStore::GeneratedBase + 5000)).status, 404);
    QCOMPARE(h.post(QStringLiteral("/v2/jobs/search"), "{}").status, 200);
}

void tst_SandboxServer::searchDelay()
{
    SandboxOptions options;
    options.demo = true;
    options.searchDelayMs = 300;
    SandboxHarness h(options);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    const QByteArray query = R"({"filter":{"jobKey":"2251799823685402"}})";
    const auto state = [&]() {
        return h.post(QStringLiteral("/v2/jobs/search"), query)
            .json()
            .value(QLatin1String("items"))
            .toArray()
            .at(0)
            .toObject()
            .value(QLatin1String("state"))
            .toString();
    };
    // Loaded data is searchable at once.
    QCOMPARE(state(), QStringLiteral("CREATED"));
    QCOMPARE(
        h.post(completionPath(2251799823685402), R"({"variables":{"fresh":true}})").status, 204);
    // The engine knows at once (a second completion is refused), search does not yet.
    QCOMPARE(h.post(completionPath(2251799823685402)).status, 404);
    QCOMPARE(state(), QStringLiteral("CREATED"));
    QVERIFY(h.post(QStringLiteral("/v2/variables/search"), R"({"filter":{"name":"fresh"}})")
                .json()
                .value(QLatin1String("items"))
                .toArray()
                .isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(state(), QStringLiteral("COMPLETED"), 5000);
    QCOMPARE(h.post(QStringLiteral("/v2/variables/search"), R"({"filter":{"name":"fresh"}})")
                 .json()
                 .value(QLatin1String("items"))
                 .toArray()
                 .size(),
        1);
    // An incident appears late, too.
    QCOMPARE(h.post(QStringLiteral("/v2/jobs/2251799823685442/failure"), R"({"retries":0})").status,
        204);
    const QByteArray incidents = R"({"filter":{"jobKey":"2251799823685442"}})";
    QCOMPARE(h.post(QStringLiteral("/v2/incidents/search"), incidents)
                 .json()
                 .value(QLatin1String("items"))
                 .toArray()
                 .size(),
        0);
    QTRY_COMPARE_WITH_TIMEOUT(h.post(QStringLiteral("/v2/incidents/search"), incidents)
                                  .json()
                                  .value(QLatin1String("items"))
                                  .toArray()
                                  .size(),
        1, 5000);
}

void tst_SandboxServer::batchAdvancesOnItsTimer()
{
    SandboxOptions options;
    options.demo = true;
    options.batchStepMs = 10;
    SandboxHarness h(options);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    const HttpAnswer created
        = h.post(QStringLiteral("/v2/process-instances/incident-resolution"), R"({"filter":{}})");
    QCOMPARE(created.status, 200);
    const QString key = created.json().value(QLatin1String("batchOperationKey")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(h.send("GET", QStringLiteral("/v2/batch-operations/%1").arg(key))
                                  .json()
                                  .value(QLatin1String("state"))
                                  .toString(),
        QStringLiteral("COMPLETED"), 5000);
}

void tst_SandboxServer::worker()
{
    SandboxOptions options;
    options.demo = true;
    options.workerTypes = {QStringLiteral("reserve-stock")};
    SandboxHarness h(options);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    const QByteArray query = R"({"filter":{"type":"reserve-stock","state":"CREATED"}})";
    QVERIFY(!h.post(QStringLiteral("/v2/jobs/search"), query)
                 .json()
                 .value(QLatin1String("items"))
                 .toArray()
                 .isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(h.post(QStringLiteral("/v2/jobs/search"), query)
                                 .json()
                                 .value(QLatin1String("items"))
                                 .toArray()
                                 .isEmpty(),
        5000);
    QCOMPARE(h.server().store().find(2251799823685564)->state, JobState::Completed);
}

void tst_SandboxServer::identity()
{
    SandboxOptions options;
    options.auth = AuthMode::Basic;
    SandboxHarness h(options);
    QVERIFY2(h.ok(), qPrintable(h.error()));
    const HttpAnswer me = h.send("GET", QStringLiteral("/v2/authentication/me"), {},
        {{QByteArrayLiteral("Authorization"), "Basic " + QByteArray("demo:demo").toBase64()}});
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json().value(QLatin1String("username")).toString(), QStringLiteral("demo"));
    // The record is out of band: no credentials needed.
    QCOMPARE(h.send("GET", QStringLiteral("/sandbox/record")).status, 200);
}

QTEST_GUILESS_MAIN(tst_SandboxServer)
#include "tst_SandboxServer.moc"
