// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's authentication modes and injected faults, over real HTTP: basic (demo/demo),
// OAuth client credentials with expiring tokens, backpressure, internal errors, latency that
// does not serialise clients, and keep-alive connections.
#include "tst_SandboxHttpClient.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

using namespace JobDesk::Sandbox;

class tst_SandboxAuth final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void basic_data();
    void basic();
    void oauthToken();
    void oauthExpiry();
    void backpressure();
    void internalErrors();
    void seededFaultsRepeat();
    void latencyDoesNotSerialiseClients();
    void keepAlive();
    void expectContinue();

private:
    static QByteArray basicHeader(const QByteArray &pair) { return "Basic " + pair.toBase64(); }
    static HttpAnswer token(SandboxHarness &harness, const QString &id, const QString &secret);
};

void tst_SandboxAuth::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_SandboxAuth::basic_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::newRow("none") << QByteArray() << 401
                          << "Full authentication is required to access this resource";
    QTest::newRow("wrong password") << basicHeader("demo:wrong") << 401 << "Bad credentials";
    QTest::newRow("bearer instead") << QByteArray("Bearer abc") << 401 << "Bad credentials";
    QTest::newRow("demo/demo") << basicHeader("demo:demo") << 200 << "";
}

void tst_SandboxAuth::basic()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(QString, detail);
    SandboxOptions options;
    options.auth = AuthMode::Basic;
    options.generate = 10;
    SandboxHarness harness(options);
    QVERIFY(harness.ok());
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!authorization.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), authorization});
    const HttpAnswer answer
        = harness.send("POST", QStringLiteral("/v2/jobs/search"), "{}", headers);
    QCOMPARE(answer.status, status);
    if (status == 401) {
        QCOMPARE(answer.contentType, QByteArrayLiteral("application/problem+json"));
        QCOMPARE(
            answer.json().value(QLatin1String("title")).toString(), QStringLiteral("Unauthorized"));
        QCOMPARE(answer.json().value(QLatin1String("detail")).toString(), detail);
        QVERIFY(answer.header("WWW-Authenticate").startsWith("Basic"));
    }
    // The health check stays open, as on a real cluster.
    QCOMPARE(harness.send("GET", QStringLiteral("/v2/status")).status, 204);
}

HttpAnswer tst_SandboxAuth::token(SandboxHarness &harness, const QString &id, const QString &secret)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("client_id"), id);
    form.addQueryItem(QStringLiteral("client_secret"), secret);
    form.addQueryItem(QStringLiteral("audience"), QStringLiteral("zeebe-api"));
    return harness.send("POST", QStringLiteral("/oauth/token"),
        form.toString(QUrl::FullyEncoded).toUtf8(),
        {{QByteArrayLiteral("Content-Type"),
            QByteArrayLiteral("application/x-www-form-urlencoded")}});
}

void tst_SandboxAuth::oauthToken()
{
    SandboxOptions options;
    options.auth = AuthMode::OAuth;
    options.generate = 10;
    SandboxHarness harness(options);
    QVERIFY(harness.ok());

    const HttpAnswer refused
        = token(harness, QStringLiteral("jobdesk-sandbox"), QStringLiteral("wrong"));
    QCOMPARE(refused.status, 401);
    QCOMPARE(
        refused.json().value(QLatin1String("error")).toString(), QStringLiteral("invalid_client"));

    const HttpAnswer granted
        = token(harness, QStringLiteral("jobdesk-sandbox"), QStringLiteral("sandbox-secret"));
    QCOMPARE(granted.status, 200);
    const QString accessToken = granted.json().value(QLatin1String("access_token")).toString();
    QVERIFY(accessToken.size() >= 32);
    QCOMPARE(
        granted.json().value(QLatin1String("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(granted.json().value(QLatin1String("expires_in")).toInt(), 300);

    const HttpAnswer without = harness.post(QStringLiteral("/v2/jobs/2251799813685249/completion"));
    QCOMPARE(without.status, 401);
    QCOMPARE(
        without.json().value(QLatin1String("title")).toString(), QStringLiteral("Unauthorized"));
    QVERIFY(without.header("WWW-Authenticate").startsWith("Bearer"));

    const auto bearer = [](const QString &t) {
        return QList<QPair<QByteArray, QByteArray>> {
            {QByteArrayLiteral("Authorization"), "Bearer " + t.toLatin1()}};
    };
    QCOMPARE(harness
                 .send("POST", QStringLiteral("/v2/jobs/2251799813685249/completion"), {},
                     bearer(QStringLiteral("forged")))
                 .status,
        401);
    QCOMPARE(harness
                 .send("POST", QStringLiteral("/v2/jobs/2251799813685249/completion"), {},
                     bearer(accessToken))
                 .status,
        204);
}

void tst_SandboxAuth::oauthExpiry()
{
    SandboxOptions options;
    options.auth = AuthMode::OAuth;
    options.tokenTtlSeconds = 1;
    options.generate = 10;
    SandboxHarness harness(options);
    QVERIFY(harness.ok());
    const HttpAnswer granted
        = token(harness, QStringLiteral("jobdesk-sandbox"), QStringLiteral("sandbox-secret"));
    QCOMPARE(granted.json().value(QLatin1String("expires_in")).toInt(), 1);
    const QList<QPair<QByteArray, QByteArray>> headers {{QByteArrayLiteral("Authorization"),
        "Bearer " + granted.json().value(QLatin1String("access_token")).toString().toLatin1()}};
    QElapsedTimer clock;
    clock.start();
    HttpAnswer answer = harness.send("GET", QStringLiteral("/v2/topology"), {}, headers);
    if (clock.elapsed() < 900) // only meaningful while the token is surely still valid
        QCOMPARE(answer.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(
        harness.send("GET", QStringLiteral("/v2/topology"), {}, headers).status, 401, 5000);
    answer = harness.send("GET", QStringLiteral("/v2/topology"), {}, headers);
    QVERIFY(
        answer.json().value(QLatin1String("detail")).toString().contains(QLatin1String("expired")));
}

void tst_SandboxAuth::backpressure()
{
    SandboxOptions options;
    options.generate = 10;
    options.backpressureRate = 1.0;
    SandboxHarness harness(options);
    QVERIFY(harness.ok());
    const HttpAnswer answer = harness.post(QStringLiteral("/v2/jobs/2251799813685249/completion"));
    QCOMPARE(answer.status, 503);
    QCOMPARE(answer.contentType, QByteArrayLiteral("application/problem+json"));
    QCOMPARE(answer.json().value(QLatin1String("title")).toString(),
        QStringLiteral("RESOURCE_EXHAUSTED"));
    QCOMPARE(answer.json().value(QLatin1String("detail")).toString(),
        QStringLiteral("Reached maximum capacity of requests handled"));
    // Nothing happened to the job: without backpressure it completes.
    QCOMPARE(harness.server().store().find(2251799813685249)->state, JobState::Created);
    QCOMPARE(harness.send("GET", QStringLiteral("/v2/topology")).status, 200);
}

void tst_SandboxAuth::internalErrors()
{
    SandboxOptions options;
    options.generate = 10;
    options.errorRate = 1.0;
    SandboxHarness harness(options);
    QVERIFY(harness.ok());
    const HttpAnswer answer = harness.post(QStringLiteral("/v2/jobs/search"), "{}");
    QCOMPARE(answer.status, 500);
    QCOMPARE(answer.json().value(QLatin1String("title")).toString(), QStringLiteral("INTERNAL"));
}

void tst_SandboxAuth::seededFaultsRepeat()
{
    const auto run = []() {
        SandboxOptions options;
        options.generate = 100;
        options.backpressureRate = 0.5;
        options.seed = 42;
        SandboxHarness harness(options);
        QList<int> statuses;
        for (int i = 0; i < 40; ++i)
            statuses.append(harness.post(completionPath(2251799813685249 + i)).status);
        return statuses;
    };
    const QList<int> first = run();
    QCOMPARE(run(), first);
    QVERIFY(first.contains(503));
    QVERIFY(first.contains(204));
}

void tst_SandboxAuth::latencyDoesNotSerialiseClients()
{
    SandboxOptions options;
    options.generate = 10;
    options.latencyMs = 1500;
    SandboxHarness harness(options);
    QVERIFY(harness.ok());
    // Two clients at once on separate connections: if the server slept per request, the second
    // answer would come at least 1.5 s after the first.
    QNetworkAccessManager other;
    other.setProxy(QNetworkProxy::NoProxy);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *a = harness.start("POST", completionPath(2251799813685249));
    QNetworkRequest second(harness.url(completionPath(2251799813685250)));
    second.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *b = other.post(second, QByteArray());
    qint64 aDone = -1;
    qint64 bDone = -1;
    connect(a, &QNetworkReply::finished, this, [&]() { aDone = clock.elapsed(); });
    connect(b, &QNetworkReply::finished, this, [&]() { bDone = clock.elapsed(); });
    QTRY_VERIFY_WITH_TIMEOUT(aDone >= 0 && bDone >= 0, 15000);
    QVERIFY2(
        aDone >= 1400 && bDone >= 1400, qPrintable(QStringLiteral("%1 %2").arg(aDone).arg(bDone)));
    QVERIFY2(qAbs(aDone - bDone) < 1000, qPrintable(QStringLiteral("%1 %2").arg(aDone).arg(bDone)));
    QCOMPARE(SandboxHarness::finish(a).status, 204);
    QCOMPARE(SandboxHarness::finish(b).status, 204);
}

void tst_SandboxAuth::keepAlive()
{
    SandboxOptions options;
    options.generate = 100;
    SandboxHarness harness(options);
    QVERIFY(harness.ok());
    const QList<QTcpServer *> servers = harness.server().servers();
    QCOMPARE(servers.size(), 1);
    QSignalSpy connections(servers.first(), &QTcpServer::newConnection);
    for (int i = 0; i < 30; ++i)
        QCOMPARE(harness.post(completionPath(2251799813685249 + i)).status, 204);
    // QNetworkAccessManager reuses its connection when the server keeps it alive.
    QVERIFY2(connections.size() <= 2, qPrintable(QString::number(connections.size())));
    QCOMPARE(harness.server().requestCount(), 30);
}

void tst_SandboxAuth::expectContinue()
{
    SandboxOptions options;
    options.generate = 1;
    SandboxHarness harness(options);
    QVERIFY(harness.ok());
    // A client that sends `Expect: 100-continue` (curl, for large bodies) waits for the interim
    // answer before it sends the body.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, harness.server().port());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray body = R"({"variables":{"note":"sent after 100 Continue"}})";
    socket.write("POST /v2/jobs/2251799813685249/completion HTTP/1.1\r\nHost: localhost\r\n"
                 "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\r\n\r\n"), 5000);
    QVERIFY2(received.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), received.constData());
    received.clear();
    socket.write(body);
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\r\n\r\n"), 5000);
    QVERIFY2(received.startsWith("HTTP/1.1 204 No Content\r\n"), received.constData());
    QCOMPARE(harness.server().store().find(2251799813685249)->state, JobState::Completed);
}

QTEST_GUILESS_MAIN(tst_SandboxAuth)
#include "tst_SandboxAuth.moc"
