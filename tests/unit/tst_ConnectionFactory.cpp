// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ConnectionFactory.h"
#include "core/connection/Profile.h"
#include "core/http/AuthProvider.h"
#include "core/http/JobsClient.h"
#include "core/http/OAuthClientCredentialsProvider.h"
#include "support/FakeNetworkAccessManager.h"
#include "support/TestPaths.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

class TestConnectionFactory final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void address_data();
    void address();
    void auth_data();
    void auth();
    void fromProfile();
    void providers();
    void oauthGetsTlsTimeoutAndScope();
    void clientTakesTheWholeConnection();
};

namespace {
QProcessEnvironment environment(const QStringList &assignments)
{
    QProcessEnvironment env;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(u'=');
        env.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    return env;
}
} // namespace

void TestConnectionFactory::address_data()
{
    QTest::addColumn<QString>("baseUrl"); // null: no --base-url
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("apiRoot"); // empty: error expected

    QTest::newRow("default") << QString() << QStringList()
                             << QStringLiteral("http://localhost:8080/v2/");
    QTest::newRow("camunda var") << QString()
                                 << QStringList {QStringLiteral(
                                        "CAMUNDA_REST_ADDRESS=http://c:8080")}
                                 << QStringLiteral("http://c:8080/v2/");
    QTest::newRow("zeebe var") << QString()
                               << QStringList {QStringLiteral(
                                      "ZEEBE_REST_ADDRESS=http://z:8088/v2/")}
                               << QStringLiteral("http://z:8088/v2/");
    QTest::newRow("camunda before zeebe")
        << QString()
        << QStringList {QStringLiteral("CAMUNDA_REST_ADDRESS=http://c:1/"),
               QStringLiteral("ZEEBE_REST_ADDRESS=http://z:2")}
        << QStringLiteral("http://c:1/v2/");
    QTest::newRow("empty camunda var is unset")
        << QString()
        << QStringList {QStringLiteral("CAMUNDA_REST_ADDRESS="),
               QStringLiteral("ZEEBE_REST_ADDRESS=http://z:2")}
        << QStringLiteral("http://z:2/v2/");
    QTest::newRow("flag beats variables")
        << QStringLiteral("http://flag:9/v2")
        << QStringList {QStringLiteral("CAMUNDA_REST_ADDRESS=http://c:1")}
        << QStringLiteral("http://flag:9/v2/");
    QTest::newRow("context path") << QStringLiteral("https://bru-2.zeebe.camunda.io/abc-123/")
                                  << QStringList()
                                  << QStringLiteral("https://bru-2.zeebe.camunda.io/abc-123/v2/");
    QTest::newRow("not http") << QStringLiteral("ftp://h/") << QStringList() << QString();
    QTest::newRow("garbage variable")
        << QString() << QStringList {QStringLiteral("CAMUNDA_REST_ADDRESS=::nope")} << QString();
}

void TestConnectionFactory::address()
{
    QFETCH(QString, baseUrl);
    QFETCH(QStringList, env);
    QFETCH(QString, apiRoot);
    const ResolvedConnection resolved = ConnectionFactory::fromEnvironment(
        baseUrl.isNull() ? std::nullopt : std::optional<QString>(baseUrl), environment(env));
    if (apiRoot.isEmpty()) {
        QVERIFY(!resolved.ok());
        return;
    }
    QVERIFY2(resolved.ok(), qPrintable(resolved.error));
    QCOMPARE(resolved.connection.apiRoot.toString(), apiRoot);
    QCOMPARE(resolved.connection.displayName(), apiRoot);
    QVERIFY(resolved.connection.isAddressOnly());
    QCOMPARE(resolved.connection.auth.kind, AuthKind::None);
}

void TestConnectionFactory::auth_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("kind"); // empty: error expected
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("detail"); // username, or tokenUrl|audience|scope, or the error

    QTest::newRow("none") << QStringList() << QStringLiteral("none") << QString() << QString();
    QTest::newRow("explicit none ignores credentials")
        << QStringList {QStringLiteral("CAMUNDA_AUTH_STRATEGY=NONE"),
               QStringLiteral("CAMUNDA_CLIENT_ID=c"), QStringLiteral("CAMUNDA_CLIENT_SECRET=s")}
        << QStringLiteral("none") << QString() << QString();
    QTest::newRow("basic") << QStringList {QStringLiteral("CAMUNDA_AUTH_STRATEGY=BASIC"),
        QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=demo"),
        QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD= pa ss ")}
                           << QStringLiteral("basic") << QStringLiteral("pa ss")
                           << QStringLiteral("demo");
    QTest::newRow("basic inferred, lower case strategy not needed")
        << QStringList {QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=demo"),
               QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD=demo")}
        << QStringLiteral("basic") << QStringLiteral("demo") << QStringLiteral("demo");
    QTest::newRow("basic without password")
        << QStringList {QStringLiteral("CAMUNDA_AUTH_STRATEGY=basic"),
               QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=demo")}
        << QString() << QString() << QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD");
    QTest::newRow("oauth with defaults")
        << QStringList {QStringLiteral("CAMUNDA_AUTH_STRATEGY=OAUTH"),
               QStringLiteral("CAMUNDA_CLIENT_ID=cid"), QStringLiteral("CAMUNDA_CLIENT_SECRET=sec")}
        << QStringLiteral("oauth") << QStringLiteral("sec")
        << QStringLiteral("https://login.cloud.camunda.io/oauth/token|zeebe.camunda.io|");
    QTest::newRow("oauth inferred, all set")
        << QStringList {QStringLiteral("CAMUNDA_CLIENT_ID=cid"),
               QStringLiteral("CAMUNDA_CLIENT_SECRET=sec"),
               QStringLiteral("CAMUNDA_OAUTH_URL=http://kc:18080/token"),
               QStringLiteral("CAMUNDA_TOKEN_AUDIENCE=zeebe-api"),
               QStringLiteral("CAMUNDA_OAUTH_SCOPE=camunda")}
        << QStringLiteral("oauth") << QStringLiteral("sec")
        << QStringLiteral("http://kc:18080/token|zeebe-api|camunda");
    QTest::newRow("oauth legacy scope name")
        << QStringList {QStringLiteral("CAMUNDA_CLIENT_ID=cid"),
               QStringLiteral("CAMUNDA_CLIENT_SECRET=sec"),
               QStringLiteral("CAMUNDA_TOKEN_SCOPE=legacy")}
        << QStringLiteral("oauth") << QStringLiteral("sec")
        << QStringLiteral("https://login.cloud.camunda.io/oauth/token|zeebe.camunda.io|legacy");
    QTest::newRow("oauth from console file names")
        << QStringList {QStringLiteral("ZEEBE_CLIENT_ID=cid"),
               QStringLiteral("ZEEBE_CLIENT_SECRET=zs"),
               QStringLiteral("ZEEBE_AUTHORIZATION_SERVER_URL=https://login.example/t"),
               QStringLiteral("ZEEBE_TOKEN_AUDIENCE=aud")}
        << QStringLiteral("oauth") << QStringLiteral("zs")
        << QStringLiteral("https://login.example/t|aud|");
    QTest::newRow("oauth token url with a secret parameter")
        << QStringList {QStringLiteral("CAMUNDA_CLIENT_ID=cid"),
               QStringLiteral("CAMUNDA_CLIENT_SECRET=sec"),
               QStringLiteral("CAMUNDA_OAUTH_URL=https://kc/token?client_secret=sec")}
        << QString() << QString() << QStringLiteral("must not contain the parameter client_secret");
    QTest::newRow("oauth token url with a password")
        << QStringList {QStringLiteral("CAMUNDA_CLIENT_ID=cid"),
               QStringLiteral("CAMUNDA_CLIENT_SECRET=sec"),
               QStringLiteral("ZEEBE_AUTHORIZATION_SERVER_URL=https://cid:sec@kc/token")}
        << QString() << QString() << QStringLiteral("must not contain a user name and password");
    QTest::newRow("oauth missing secret")
        << QStringList {QStringLiteral("CAMUNDA_AUTH_STRATEGY=OAUTH"),
               QStringLiteral("CAMUNDA_CLIENT_ID=cid")}
        << QString() << QString() << QStringLiteral("CAMUNDA_CLIENT_SECRET");
    QTest::newRow("oauth bad token url") << QStringList {QStringLiteral("CAMUNDA_CLIENT_ID=cid"),
        QStringLiteral("CAMUNDA_CLIENT_SECRET=s"),
        QStringLiteral("CAMUNDA_OAUTH_URL=file:///etc/passwd")}
                                         << QString() << QString() << QStringLiteral("token URL");
    QTest::newRow("both inferred is ambiguous")
        << QStringList {QStringLiteral("CAMUNDA_CLIENT_ID=cid"),
               QStringLiteral("CAMUNDA_CLIENT_SECRET=s"),
               QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=u"),
               QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD=p")}
        << QString() << QString() << QStringLiteral("CAMUNDA_AUTH_STRATEGY");
    QTest::newRow("bearer") << QStringList {QStringLiteral("CAMUNDA_AUTH_STRATEGY=BEARER"),
        QStringLiteral("CAMUNDA_OAUTH_TOKEN=tok")}
                            << QStringLiteral("bearer") << QStringLiteral("tok") << QString();
    QTest::newRow("bearer inferred")
        << QStringList {QStringLiteral("CAMUNDA_OAUTH_TOKEN=tok")} << QStringLiteral("bearer")
        << QStringLiteral("tok") << QString();
    QTest::newRow("bearer without token")
        << QStringList {QStringLiteral("CAMUNDA_AUTH_STRATEGY=BEARER")} << QString() << QString()
        << QStringLiteral("CAMUNDA_OAUTH_TOKEN");
    QTest::newRow("unknown strategy")
        << QStringList {QStringLiteral("CAMUNDA_AUTH_STRATEGY=COOKIE")} << QString() << QString()
        << QStringLiteral("not 'COOKIE'");
}

void TestConnectionFactory::auth()
{
    QFETCH(QStringList, env);
    QFETCH(QString, kind);
    QFETCH(QString, secret);
    QFETCH(QString, detail);
    const ResolvedConnection resolved
        = ConnectionFactory::fromEnvironment(std::nullopt, environment(env));
    if (kind.isEmpty()) {
        QVERIFY2(resolved.error.contains(detail), qPrintable(resolved.error));
        return;
    }
    QVERIFY2(resolved.ok(), qPrintable(resolved.error));
    const AuthSettings &auth = resolved.connection.auth;
    QCOMPARE(authKindName(auth.kind), kind);
    const std::optional<SecretKind> secretKind = auth.secretKind();
    QCOMPARE(
        secretKind ? QString::fromUtf8(resolved.secrets.value(*secretKind)) : QString(), secret);
    if (kind == QLatin1String("basic"))
        QCOMPARE(auth.username, detail);
    if (kind == QLatin1String("oauth")) {
        QCOMPARE(auth.clientId, QStringLiteral("cid"));
        QCOMPARE(QStringList({auth.tokenUrl, auth.audience, auth.scope}).join(u'|'), detail);
    }
}

void TestConnectionFactory::fromProfile()
{
    Profile profile;
    profile.name = QStringLiteral("helm");
    profile.apiAddress = QStringLiteral("http://camunda.local:8080/");
    profile.authKind = Profile::AuthKind::Basic;
    profile.username = QStringLiteral("demo");
    profile.environment = Environment::Prod;
    profile.colour = QStringLiteral("#112233");
    profile.timeoutSeconds = 12;
    profile.tenantId = QStringLiteral("tenant-a");
    profile.clientCertPath = QStringLiteral("/etc/c.pem");
    profile.clientKeyPath = QStringLiteral("/etc/c.key");
    const ResolvedConnection resolved = ConnectionFactory::fromProfile(profile);
    QVERIFY2(resolved.ok(), qPrintable(resolved.error));
    const Connection &c = resolved.connection;
    QCOMPARE(c.apiRoot.toString(), QStringLiteral("http://camunda.local:8080/v2/"));
    QCOMPARE(c.displayName(), QStringLiteral("helm"));
    QVERIFY(c.isProduction());
    QCOMPARE(c.colour, QStringLiteral("#112233"));
    QCOMPARE(c.auth.kind, AuthKind::Basic);
    QCOMPARE(c.auth.username, QStringLiteral("demo"));
    QVERIFY(resolved.secrets.isEmpty()); // they come from the keychain later
    QCOMPARE(c.secretKinds(), QList<SecretKind>({SecretKind::Password, SecretKind::KeyPassphrase}));
    QCOMPARE(c.timeout, std::chrono::milliseconds(std::chrono::seconds(12)));
    QCOMPARE(c.tenantId, QStringLiteral("tenant-a"));
    QCOMPARE(c.tls.clientKeyFile, QStringLiteral("/etc/c.key"));

    Profile broken = profile;
    broken.username.clear(); // a hand-edited file
    QVERIFY(!ConnectionFactory::fromProfile(broken).ok());
}

void TestConnectionFactory::providers()
{
    QNetworkAccessManager nam;
    Connection connection;
    connection.apiRoot = QUrl(QStringLiteral("http://127.0.0.1:1/v2/"));
    QCOMPARE(ConnectionFactory::build(connection, {}, &nam)->auth->kind(), QStringLiteral("none"));
    connection.auth.kind = AuthKind::Basic;
    connection.auth.username = QStringLiteral("demo");
    ConnectionSecrets secrets;
    secrets.insert(SecretKind::Password, "hunter2");
    auto basic = ConnectionFactory::build(connection, secrets, &nam);
    QCOMPARE(basic->auth->kind(), QStringLiteral("basic"));
    QVERIFY(basic->auth->secrets().join().contains("hunter2"));
    QVERIFY(!basic->auth->redactedHeaderValue().contains("hunter2"));
    connection.auth.kind = AuthKind::Bearer;
    QCOMPARE(
        ConnectionFactory::build(connection, {}, &nam)->auth->kind(), QStringLiteral("bearer"));
    connection.auth.kind = AuthKind::OAuth;
    connection.auth.tokenUrl = QStringLiteral("http://127.0.0.1:1/token");
    connection.auth.clientId = QStringLiteral("c");
    QCOMPARE(ConnectionFactory::build(connection, {}, &nam)->auth->kind(), QStringLiteral("oauth"));
}

void TestConnectionFactory::oauthGetsTlsTimeoutAndScope()
{
    // The SDK environment's CAMUNDA_OAUTH_SCOPE reaches the token request's form (issue 15: only
    // the legacy name used to be read), and the connection's TLS material and timeout reach the
    // provider without anyone casting to it.
    const ResolvedConnection resolved = ConnectionFactory::fromEnvironment(std::nullopt,
        environment({QStringLiteral("CAMUNDA_REST_ADDRESS=https://c.example"),
            QStringLiteral("CAMUNDA_CLIENT_ID=cid"), QStringLiteral("CAMUNDA_CLIENT_SECRET=sec"),
            QStringLiteral("CAMUNDA_OAUTH_URL=https://idp.example/token"),
            QStringLiteral("CAMUNDA_OAUTH_SCOPE=orchestration"),
            QStringLiteral("CAMUNDA_OAUTH_TIMEOUT_MS=1234"),
            QStringLiteral("CAMUNDA_MTLS_CA_PATH=")
                + TestPaths::testData(QStringLiteral("tls/ca.pem"))}));
    QVERIFY2(resolved.ok(), qPrintable(resolved.error));
    FakeNetworkAccessManager nam;
    nam.enqueue(FakeNetworkAccessManager::Response::json(
        200, R"({"access_token":"t0k","token_type":"Bearer","expires_in":300})"));
    nam.enqueue(FakeNetworkAccessManager::Response::json(200, R"({"gatewayVersion":"8.8.0"})"));
    const auto ready = ConnectionFactory::build(resolved.connection, resolved.secrets, &nam);
    auto *oauth = qobject_cast<OAuthClientCredentialsProvider *>(ready->auth.get());
    QVERIFY(oauth); // only the test looks inside
    QCOMPARE(oauth->settings().scope, QStringLiteral("orchestration"));
    JobsClient client(&nam);
    QVERIFY(client.setConnection(*ready).isEmpty());
    ApiCall *call = client.topology();
    QSignalSpy done(call, &ApiCall::finished);
    QVERIFY(done.wait(5000));
    QCOMPARE(nam.requests().size(), 2);
    const QByteArray form = nam.requests().at(0).body;
    QVERIFY2(form.contains("scope=orchestration"), form.constData());
    QVERIFY(form.contains("audience=zeebe.camunda.io"));
    // The token request carries the connection's CA bundle.
    const QList<QSslCertificate> cas
        = nam.requests().at(0).request.sslConfiguration().caCertificates();
    const QList<QSslCertificate> bundle
        = QSslCertificate::fromPath(TestPaths::testData(QStringLiteral("tls/ca.pem")));
    QVERIFY(!bundle.isEmpty());
    QVERIFY(cas.contains(bundle.constFirst()));
}

void TestConnectionFactory::clientTakesTheWholeConnection()
{
    Connection connection;
    connection.apiRoot = QUrl(QStringLiteral("http://h:8080/v2/"));
    connection.timeout = std::chrono::milliseconds(4321);
    connection.auth.kind = AuthKind::Bearer;
    ConnectionSecrets secrets;
    secrets.insert(SecretKind::Token, "tok");
    QNetworkAccessManager nam;
    auto ready = ConnectionFactory::build(connection, secrets, &nam);
    JobsClient client(&nam);
    QVERIFY(client.setConnection(*ready).isEmpty());
    QCOMPARE(client.apiRoot(), connection.apiRoot);
    QCOMPARE(client.timeout(), std::chrono::milliseconds(4321));
    QCOMPARE(client.authProvider(), ready->auth.get());
    // The client only borrows the provider: dropping the setting leaves no dangling pointer.
    ready.reset();
    QCOMPARE(client.authProvider(), nullptr);
}

QTEST_GUILESS_MAIN(TestConnectionFactory)
#include "tst_ConnectionFactory.moc"
