// SPDX-License-Identifier: GPL-3.0-or-later
// The connection test against a fake network: topology first, then who you are on 8.8+, the
// honest fallback for older servers and servers without authentication/me, 401/403 explained,
// the token endpoint told apart, and the gateway version remembered.
#include "core/connection/ConnectionCheck.h"
#include "core/connection/ConnectionFactory.h"
#include "core/connection/GatewayVersionCache.h"
#include "core/http/ClientConnection.h"
#include "core/http/JobsClient.h"
#include "support/FakeNetworkAccessManager.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;
using Response = FakeNetworkAccessManager::Response;

Q_DECLARE_METATYPE(JobDesk::ConnectionCheck::Verdict)

class TestConnectionCheck final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QFile::remove(GatewayVersionCache::defaultPath()); }

    void verdicts_data();
    void verdicts();
    void identityIsRead();
    void versionIsRemembered();
    void tokenRefusedBeforeAnyRequest();
    void tokenEndpointUnreachable();
    void sentenceEndsOnce();
    void parsers();

private:
    struct Run
    {
        FakeNetworkAccessManager nam;
        std::unique_ptr<ClientConnection> ready;
        JobsClient client {&nam};
        GatewayVersionCache cache;
        explicit Run(AuthKind kind)
        {
            Connection c;
            c.apiRoot = QUrl(QStringLiteral("http://gw:8080/v2/"));
            c.auth.kind = kind;
            if (kind == AuthKind::Basic)
                c.auth.username = QStringLiteral("demo");
            if (kind == AuthKind::OAuth) {
                c.auth.clientId = QStringLiteral("cid");
                c.auth.tokenUrl = QStringLiteral("http://idp/token");
            }
            ConnectionSecrets secrets;
            secrets.insert(SecretKind::Password, "pw");
            secrets.insert(SecretKind::ClientSecret, "cs");
            secrets.insert(SecretKind::Token, "tok");
            ready = ConnectionFactory::build(c, secrets, &nam);
            client.setConnection(*ready);
        }
        ConnectionCheck::Result check(AuthKind kind)
        {
            ConnectionCheck check(&client, kind, &cache);
            QSignalSpy done(&check, &ConnectionCheck::finished);
            check.start();
            if (!done.isEmpty())
                qFatal("finished came from inside start()");
            if (!done.wait(5000))
                return {};
            return done.constFirst().constFirst().value<ConnectionCheck::Result>();
        }
    };
};

namespace {
const QByteArray kTopology88 = R"({"brokers":[{"nodeId":0},{"nodeId":1}],"clusterSize":2,
    "partitionsCount":3,"replicationFactor":1,"gatewayVersion":"8.8.2","lastCompletedChangeId":"-1"})";
const QByteArray kTopology87
    = R"({"brokers":[{"nodeId":0}],"partitionsCount":1,"gatewayVersion":"8.7.5"})";
const QByteArray kMe = R"({"username":"demo","displayName":"Demo User","email":"demo@example.com",
    "tenants":[{"tenantId":"<default>","name":"Default"}],"roles":["admin"],"groups":[],
    "authorizedComponents":["*"],"salesPlanType":null,"c8Links":{},"canLogout":true})";
const QByteArray kUnauthorized = R"({"type":"about:blank","title":"Unauthorized","status":401,
    "detail":"Full authentication is required","instance":"/v2/topology"})";
} // namespace

void TestConnectionCheck::verdicts_data()
{
    QTest::addColumn<int>("auth");
    QTest::addColumn<QList<Response>>("answers");
    QTest::addColumn<ConnectionCheck::Verdict>("verdict");
    QTest::addColumn<int>("requests"); // API requests (no token requests here)
    QTest::addColumn<QString>("words");
    using V = ConnectionCheck::Verdict;
    QTest::newRow("no auth: topology only")
        << int(AuthKind::None) << QList<Response> {Response::json(200, kTopology88)} << V::Connected
        << 1 << QStringLiteral("no authentication configured");
    QTest::newRow("8.8: who you are")
        << int(AuthKind::Basic)
        << QList<Response> {Response::json(200, kTopology88), Response::json(200, kMe)}
        << V::Connected << 2 << QStringLiteral("signed in as Demo User (demo)");
    QTest::newRow("8.7: no authentication/me, said so")
        << int(AuthKind::Basic) << QList<Response> {Response::json(200, kTopology87)}
        << V::Connected << 1 << QStringLiteral("came with 8.8");
    QTest::newRow("server without authentication/me")
        << int(AuthKind::Basic)
        << QList<Response> {Response::json(200, kTopology88), Response::json(404)} << V::Connected
        << 2 << QStringLiteral("has no GET /v2/authentication/me");
    QTest::newRow("topology refused: 401")
        << int(AuthKind::Basic) << QList<Response> {Response::problem(401, kUnauthorized)}
        << V::Unauthorized << 1 << QStringLiteral("401 Unauthorized");
    QTest::newRow("topology forbidden: 403")
        << int(AuthKind::Basic) << QList<Response> {Response::json(403)} << V::Forbidden << 1
        << QStringLiteral("403 Forbidden");
    QTest::newRow("me refused: 401")
        << int(AuthKind::Bearer)
        << QList<Response> {Response::json(200, kTopology88), Response::problem(401, kUnauthorized)}
        << V::Unauthorized << 2 << QStringLiteral("refused the credentials");
    QTest::newRow("me forbidden: 403")
        << int(AuthKind::Basic)
        << QList<Response> {Response::json(200, kTopology88), Response::json(403)} << V::Forbidden
        << 2 << QStringLiteral("403 Forbidden");
    QTest::newRow("server error") << int(AuthKind::None) << QList<Response> {Response::json(502)}
                                  << V::Unexpected << 1 << QStringLiteral("HTTP 502");
    QTest::newRow("refused connection")
        << int(AuthKind::None)
        << QList<Response> {Response::networkError(
               QNetworkReply::ConnectionRefusedError, QStringLiteral("Connection refused"))}
        << V::Unreachable << 1 << QStringLiteral("running?");
}

void TestConnectionCheck::verdicts()
{
    QFETCH(int, auth);
    QFETCH(QList<Response>, answers);
    QFETCH(ConnectionCheck::Verdict, verdict);
    QFETCH(int, requests);
    QFETCH(QString, words);
    Run run {AuthKind(auth)};
    for (const Response &answer : answers)
        run.nam.enqueue(answer);
    const ConnectionCheck::Result result = run.check(AuthKind(auth));
    QCOMPARE(result.verdict, verdict);
    QCOMPARE(result.ok(), verdict == ConnectionCheck::Verdict::Connected);
    QVERIFY2(result.summary.contains(words), qPrintable(result.summary));
    QVERIFY2(!result.summary.contains(QLatin1String("?.")), qPrintable(result.summary));
    QCOMPARE(run.nam.requestCount(), requests);
    QVERIFY(run.nam.requests().at(0).url.path().endsWith(QLatin1String("/v2/topology")));
    if (requests > 1)
        QVERIFY(
            run.nam.requests().at(1).url.path().endsWith(QLatin1String("/v2/authentication/me")));
    // Credentials go along with the topology request: secured clusters want them.
    if (AuthKind(auth) == AuthKind::Basic)
        QVERIFY(run.nam.requests().at(0).hasHeader("Authorization"));
}

void TestConnectionCheck::identityIsRead()
{
    Run run {AuthKind::Basic};
    run.nam.enqueue(Response::json(200, kTopology88));
    run.nam.enqueue(Response::json(200, kMe));
    const ConnectionCheck::Result result = run.check(AuthKind::Basic);
    QVERIFY(result.identity);
    QCOMPARE(result.identity->username, QStringLiteral("demo"));
    QCOMPARE(result.identity->email, QStringLiteral("demo@example.com"));
    QCOMPARE(
        ConnectionCheck::tenantIds(*result.identity), QStringList({QStringLiteral("<default>")}));
    QVERIFY(result.identityAvailable);
    QVERIFY(result.topology);
    QCOMPARE(result.topology->gatewayVersion, QStringLiteral("8.8.2"));
    QCOMPARE(ConnectionCheck::brokerCount(*result.topology), 2);
    QCOMPARE(ConnectionCheck::partitionCount(*result.topology), 3);
    QCOMPARE(result.httpStatus, std::optional<int>(200));
    QVERIFY(result.summary.contains(QLatin1String("PROCESS_DEFINITION:UPDATE_PROCESS_INSTANCE")));
}

void TestConnectionCheck::versionIsRemembered()
{
    Run run {AuthKind::None};
    QVERIFY(!run.cache.version(run.client.apiRoot()));
    run.nam.enqueue(Response::json(200, kTopology87));
    QVERIFY(run.check(AuthKind::None).ok());
    QCOMPARE(
        run.cache.version(run.client.apiRoot()), std::optional<QString>(QStringLiteral("8.7.5")));
    // Another process (the CLI) sees it too.
    GatewayVersionCache other;
    QCOMPARE(other.version(QUrl(QStringLiteral("http://gw:8080/v2/"))),
        std::optional<QString>(QStringLiteral("8.7.5")));
}

void TestConnectionCheck::tokenRefusedBeforeAnyRequest()
{
    Run run {AuthKind::OAuth};
    run.nam.enqueue(Response::json(401, R"({"error":"invalid_client"})"));
    const ConnectionCheck::Result result = run.check(AuthKind::OAuth);
    QCOMPARE(result.verdict, ConnectionCheck::Verdict::TokenRefused);
    QVERIFY2(result.summary.contains(QLatin1String("No access token")), qPrintable(result.summary));
    QCOMPARE(run.nam.requestCount(), 1); // only the token request
    QCOMPARE(run.nam.requests().at(0).url.host(), QStringLiteral("idp"));
}

void TestConnectionCheck::tokenEndpointUnreachable()
{
    Run run {AuthKind::OAuth};
    run.nam.enqueue(
        Response::networkError(QNetworkReply::HostNotFoundError, QStringLiteral("nope")));
    const ConnectionCheck::Result result = run.check(AuthKind::OAuth);
    QCOMPARE(result.verdict, ConnectionCheck::Verdict::Unreachable);
}

void TestConnectionCheck::sentenceEndsOnce()
{
    QCOMPARE(ConnectionCheck::sentence(QStringLiteral("is it running?")),
        QStringLiteral("is it running?"));
    QCOMPARE(ConnectionCheck::sentence(QStringLiteral("done")), QStringLiteral("done."));
    QCOMPARE(ConnectionCheck::sentence(QStringLiteral("done.")), QStringLiteral("done."));
}

void TestConnectionCheck::parsers()
{
    const auto topology = Answers::topology(R"({"clusterSize":1,"partitionsCount":1})");
    QVERIFY(topology);
    QCOMPARE(ConnectionCheck::describe(*topology),
        QStringLiteral("gateway (version unknown) · 1 partition on 1 broker"));
    const auto listed = Answers::topology(R"({"gatewayVersion":"8.8.0","clusterSize":5,
        "partitionsCount":3,"brokers":[{"nodeId":0},{"nodeId":1}]})");
    QVERIFY(listed);
    QCOMPARE(ConnectionCheck::describe(*listed),
        QStringLiteral("gateway 8.8.0 · 3 partitions on 2 brokers"));
    const auto same = Answers::whoAmI(R"({"username":"u","displayName":"u"})");
    QVERIFY(same);
    QCOMPARE(ConnectionCheck::describe(*same), QStringLiteral("u"));
    const auto named = Answers::whoAmI(R"({"username":"demo","displayName":"Demo User",
        "tenants":[{"tenantId":"<default>","name":"Default"},{"tenantId":"acme"}]})");
    QVERIFY(named);
    QCOMPARE(ConnectionCheck::describe(*named), QStringLiteral("Demo User (demo)"));
    QCOMPARE(ConnectionCheck::tenantIds(*named),
        QStringList({QStringLiteral("<default>"), QStringLiteral("acme")}));
}

QTEST_GUILESS_MAIN(TestConnectionCheck)
#include "tst_ConnectionCheck.moc"
