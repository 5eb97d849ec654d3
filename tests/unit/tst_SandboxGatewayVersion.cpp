// SPDX-License-Identifier: GPL-3.0-or-later
// --gateway-version: what 8.7, 8.8, 8.9 and 8.10 have and how they refuse what they lack
// (8.7: no result, no job search; 8.9: per-instance incident resolution; 8.10: leases,
// businessId, priority).
#include "tst_SandboxGateway.h"

#include <QStandardPaths>

using namespace JobDesk::Sandbox;

class tst_SandboxGatewayVersion final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void names();
    void routes_data();
    void routes();
    void v87RefusesResult();
    void v810Leases();
    void v810BusinessIdAndPriority();
    void v810Activation();
};

void tst_SandboxGatewayVersion::names()
{
    QCOMPARE(gatewayVersionString(GatewayVersion::V8_10), QStringLiteral("8.10.0"));
    QCOMPARE(*gatewayVersionFromName(QStringLiteral("8.7")), GatewayVersion::V8_7);
    QVERIFY(!gatewayVersionFromName(QStringLiteral("8.6")));
    QVERIFY(GatewayVersion::V8_10 > GatewayVersion::V8_9);
}

void tst_SandboxGatewayVersion::routes_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::newRow("8.7 job search") << "8.7" << QByteArray("POST") << "/v2/jobs/search" << 405
                                    << "Method 'POST' is not supported.";
    QTest::newRow("8.7 variables search") << "8.7" << QByteArray("POST") << "/v2/variables/search"
                                          << 404 << "No static resource v2/variables/search.";
    QTest::newRow("8.7 status") << "8.7" << QByteArray("GET") << "/v2/status" << 404
                                << "No static resource v2/status.";
    QTest::newRow("8.7 me") << "8.7" << QByteArray("GET") << "/v2/authentication/me" << 404
                            << "No static resource v2/authentication/me.";
    QTest::newRow("8.7 process instance")
        << "8.7" << QByteArray("GET") << "/v2/process-instances/2251799823685394" << 404
        << "No static resource v2/process-instances/2251799823685394.";
    QTest::newRow("8.7 incidents search")
        << "8.7" << QByteArray("POST") << "/v2/incidents/search" << 200 << "";
    QTest::newRow("8.8 job search")
        << "8.8" << QByteArray("POST") << "/v2/jobs/search" << 200 << "";
    QTest::newRow("8.8 instance incidents")
        << "8.8" << QByteArray("POST")
        << "/v2/process-instances/2251799823685572/incident-resolution" << 404
        << "No static resource v2/process-instances/2251799823685572/incident-resolution.";
    QTest::newRow("8.9 instance incidents")
        << "8.9" << QByteArray("POST")
        << "/v2/process-instances/2251799823685572/incident-resolution" << 200 << "";
    QTest::newRow("8.9 unknown instance")
        << "8.9" << QByteArray("POST")
        << "/v2/process-instances/2251799813685249/incident-resolution" << 404
        << "Process instance with key '2251799813685249' not found";
}

void tst_SandboxGatewayVersion::routes()
{
    QFETCH(QString, version);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, detail);
    GatewayHarness h(*gatewayVersionFromName(version));
    const GatewayAnswer a = h.send(method, path, {});
    QCOMPARE(a.status, status);
    QCOMPARE(a.detail(), detail);
}

void tst_SandboxGatewayVersion::v87RefusesResult()
{
    GatewayHarness h(GatewayVersion::V8_7);
    const GatewayAnswer a = h.post(completion(6755399441146877), R"({"result":{"denied":true}})");
    QCOMPARE(a.status, 400);
    QCOMPARE(a.title(), QStringLiteral("Bad Request"));
    QCOMPARE(a.detail(), QStringLiteral("Request property [result] cannot be parsed"));
    QCOMPARE(h.post(completion(2251799823685402), R"({"variables":{"a":1}})").status, 204);
    QCOMPARE(h.get(QStringLiteral("/v2/topology"))
                 .json()
                 .value(QLatin1String("gatewayVersion"))
                 .toString(),
        QStringLiteral("8.7.0"));
}

void tst_SandboxGatewayVersion::v810Leases()
{
    GatewayHarness h(GatewayVersion::V8_10);
    const qint64 leased = 4503599627423131; // activated with lease demo-lease-4503599627423131
    GatewayAnswer a = h.post(completion(leased));
    QCOMPARE(a.status, 409);
    QCOMPARE(a.title(), QStringLiteral("INVALID_STATE"));
    QCOMPARE(a.detail(),
        QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_STATE': Expected to process "
                       "job with key '%1', but a matching lease token must be provided because "
                       "the job is currently leased")
            .arg(leased));
    a = h.post(completion(leased), R"({"leaseToken":"stale"})");
    QCOMPARE(a.status, 409);
    QCOMPARE(a.detail(),
        QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_STATE': Expected to process "
                       "job with key '%1', but the supplied lease token does not match. The job "
                       "may have been re-activated by another worker.")
            .arg(leased));
    a = h.post(QStringLiteral("/v2/jobs/%1/failure").arg(leased), R"({"retries":1})");
    QVERIFY(a.detail().startsWith(QLatin1String(
        "Command 'FAIL' rejected with code 'INVALID_STATE': Expected to process job")));
    // An update needs no token.
    QCOMPARE(h.send("PATCH", QStringLiteral("/v2/jobs/%1").arg(leased),
                  R"({"changeset":{"timeout":60000}})")
                 .status,
        204);
    QCOMPARE(h.cluster.jobs().find(leased)->state, JobState::TimeoutUpdated);
    QCOMPARE(h.post(completion(leased),
                  QStringLiteral(R"({"leaseToken":"demo-lease-%1"})").arg(leased).toUtf8())
                 .status,
        204);
    // Once the lease ran out the job is activatable again and needs no token.
    const qint64 other = 9007199254745731;
    h.nowMs += 2LL * 24 * 3600 * 1000;
    QCOMPARE(h.post(completion(other)).status, 204);
}

void tst_SandboxGatewayVersion::v810BusinessIdAndPriority()
{
    GatewayHarness h(GatewayVersion::V8_10);
    GatewayAnswer a = h.post(completion(2251799823685402), R"({"businessId":"  "})");
    QCOMPARE(a.status, 400);
    QCOMPARE(a.detail(), QStringLiteral("No businessId provided."));
    QCOMPARE(h.post(completion(2251799823685402), R"({"businessId":"ORDER-4700"})").status, 204);
    QCOMPARE(h.get(QStringLiteral("/v2/process-instances/2251799823685394"))
                 .json()
                 .value(QLatin1String("businessId"))
                 .toString(),
        QStringLiteral("ORDER-4700"));
    a = h.send("PATCH", QStringLiteral("/v2/jobs/2251799823685442"), R"({"changeset":{}})");
    QCOMPARE(
        a.detail(), QStringLiteral("At least one of [retries, timeout, priority] is required."));
    a = h.send(
        "PATCH", QStringLiteral("/v2/jobs/2251799823685442"), R"({"changeset":{"priority":101}})");
    QCOMPARE(a.detail(),
        QStringLiteral("The value for priority is '101' but must be within the [0,100] range."));
    QCOMPARE(h.send("PATCH", QStringLiteral("/v2/jobs/2251799823685442"),
                  R"({"changeset":{"priority":90}})")
                 .status,
        204);
    const QJsonObject job
        = h.search(QStringLiteral("jobs"),
               filterBody(QStringLiteral("jobKey"), QStringLiteral("2251799823685442")))
              .item();
    QCOMPARE(job.value(QLatin1String("priority")).toInt(), 90);
    QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("PRIORITY_UPDATED"));
}

void tst_SandboxGatewayVersion::v810Activation()
{
    GatewayHarness h(GatewayVersion::V8_10);
    const GatewayAnswer a = h.post(QStringLiteral("/v2/jobs/activation"),
        R"({"type":"reserve-stock","timeout":60000,"maxJobsToActivate":1,"withLease":true})");
    QCOMPARE(a.status, 200);
    const QJsonObject job = a.json().value(QLatin1String("jobs")).toArray().at(0).toObject();
    const QString token = job.value(QLatin1String("leaseToken")).toString();
    QVERIFY(!token.isEmpty());
    const QString key = job.value(QLatin1String("jobKey")).toString();
    QCOMPARE(h.post(completion(key.toLongLong())).status, 409);
    QCOMPARE(h.post(completion(key.toLongLong()),
                  QStringLiteral(R"({"leaseToken":"%1"})").arg(token).toUtf8())
                 .status,
        204);
}

QTEST_GUILESS_MAIN(tst_SandboxGatewayVersion)
#include "tst_SandboxGatewayVersion.moc"
