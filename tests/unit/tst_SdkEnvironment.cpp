// SPDX-License-Identifier: GPL-3.0-or-later
// The one reader of the Camunda SDK variables: a row per variable it reads (docs/
// sdk-environment.md lists the same), the SDK's precedence between names, its defaults, its
// inference of the strategy and the combinations it refuses.
#include "core/connection/SdkEnvironment.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

class TestSdkEnvironment final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void variables_data();
    void variables();
    void nothingSet();
    void everyDocumentedVariableIsRead();
    void processEnvironmentOnlyCamundaAndZeebe();
};

namespace {

SdkEnvironment::Variables vars(const QStringList &assignments)
{
    SdkEnvironment::Variables v;
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(u'=');
        v.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    return v;
}

/// One field of the result as text, so every row of the table reads alike.
QString field(const SdkSettings &s, const QString &name)
{
    if (name == QLatin1String("error"))
        return s.error;
    if (name == QLatin1String("notes"))
        return s.notes.join(u'\n');
    if (name == QLatin1String("missing"))
        return s.missing.join(u',');
    if (name == QLatin1String("address"))
        return s.restAddress + u'|' + s.restAddressVariable;
    if (name == QLatin1String("grpc"))
        return s.grpcAddress;
    if (name == QLatin1String("cluster"))
        return s.clusterId + u'|' + s.clusterRegion;
    if (name == QLatin1String("strategy"))
        return authKindName(s.auth.kind)
            + (s.authInferred ? QStringLiteral(" (inferred)") : QString());
    if (name == QLatin1String("username"))
        return s.auth.username;
    if (name == QLatin1String("clientId"))
        return s.auth.clientId;
    if (name == QLatin1String("tokenUrl"))
        return s.auth.tokenUrl;
    if (name == QLatin1String("audience"))
        return s.auth.audience;
    if (name == QLatin1String("scope"))
        return s.auth.scope;
    if (name == QLatin1String("tokenTimeout"))
        return s.auth.tokenTimeout ? QString::number(s.auth.tokenTimeout->count()) : QString();
    if (name == QLatin1String("password"))
        return QString::fromUtf8(s.secrets.value(SecretKind::Password));
    if (name == QLatin1String("token"))
        return QString::fromUtf8(s.secrets.value(SecretKind::Token));
    if (name == QLatin1String("clientSecret"))
        return QString::fromUtf8(s.secrets.value(SecretKind::ClientSecret));
    if (name == QLatin1String("passphrase"))
        return QString::fromUtf8(s.secrets.value(SecretKind::KeyPassphrase));
    if (name == QLatin1String("ca"))
        return s.tls.caBundleFile + u'|' + QString::fromUtf8(s.tls.caBundlePem);
    if (name == QLatin1String("cert"))
        return s.tls.clientCertificateFile + u'|' + QString::fromUtf8(s.tls.clientCertificatePem);
    if (name == QLatin1String("key"))
        return s.tls.clientKeyFile + u'|' + QString::fromUtf8(s.tls.clientKeyPem);
    if (name == QLatin1String("tenant"))
        return s.tenantId;
    return QStringLiteral("<unknown field %1>").arg(name);
}

const QString kOAuth = QStringLiteral("CAMUNDA_CLIENT_ID=cid");
const QString kOAuthSecret = QStringLiteral("CAMUNDA_CLIENT_SECRET=sec");
const QString kCert = QStringLiteral("CAMUNDA_MTLS_CERT_PATH=/c.pem");
const QString kKey = QStringLiteral("CAMUNDA_MTLS_KEY_PATH=/c.key");

} // namespace

void TestSdkEnvironment::variables_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected"); // for "error" and "notes": a part of it

    const auto row
        = [](const char *name, const QStringList &env, const char *field, const QString &expected) {
              QTest::newRow(name) << env << QString::fromLatin1(field) << expected;
          };

    // Address.
    row("CAMUNDA_REST_ADDRESS", {QStringLiteral("CAMUNDA_REST_ADDRESS= http://c:8080/v2 ")},
        "address", QStringLiteral("http://c:8080/v2|CAMUNDA_REST_ADDRESS"));
    row("ZEEBE_REST_ADDRESS", {QStringLiteral("ZEEBE_REST_ADDRESS=http://z:8080")}, "address",
        QStringLiteral("http://z:8080|ZEEBE_REST_ADDRESS"));
    row("CAMUNDA_REST_ADDRESS before ZEEBE_REST_ADDRESS",
        {QStringLiteral("ZEEBE_REST_ADDRESS=http://z"),
            QStringLiteral("CAMUNDA_REST_ADDRESS=http://c")},
        "address", QStringLiteral("http://c|CAMUNDA_REST_ADDRESS"));
    row("blank CAMUNDA_REST_ADDRESS is unset",
        {QStringLiteral("CAMUNDA_REST_ADDRESS=  "), QStringLiteral("ZEEBE_REST_ADDRESS=http://z")},
        "address", QStringLiteral("http://z|ZEEBE_REST_ADDRESS"));
    row("ZEEBE_GRPC_ADDRESS", {QStringLiteral("ZEEBE_GRPC_ADDRESS=grpcs://a:443")}, "grpc",
        QStringLiteral("grpcs://a:443"));
    row("ZEEBE_ADDRESS", {QStringLiteral("ZEEBE_ADDRESS=a.bru-2.zeebe.camunda.io:443")}, "grpc",
        QStringLiteral("a.bru-2.zeebe.camunda.io:443"));
    row("CAMUNDA_GRPC_ADDRESS", {QStringLiteral("CAMUNDA_GRPC_ADDRESS=grpc://g:26500")}, "grpc",
        QStringLiteral("grpc://g:26500"));
    row("CAMUNDA_CLUSTER_ID and _REGION",
        {QStringLiteral("CAMUNDA_CLUSTER_ID=abc"), QStringLiteral("CAMUNDA_CLUSTER_REGION=bru-2")},
        "cluster", QStringLiteral("abc|bru-2"));

    // Strategy.
    row("no credentials: NONE", {}, "strategy", QStringLiteral("none (inferred)"));
    row("CAMUNDA_AUTH_STRATEGY any case",
        {QStringLiteral("CAMUNDA_AUTH_STRATEGY=Basic"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=u"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD=p")},
        "strategy", QStringLiteral("basic"));
    row("CAMUNDA_AUTH_STRATEGY unknown", {QStringLiteral("CAMUNDA_AUTH_STRATEGY=COOKIE")}, "error",
        QStringLiteral("not 'COOKIE'"));
    row("CAMUNDA_AUTH_STRATEGY oauth2 is not an SDK name",
        {QStringLiteral("CAMUNDA_AUTH_STRATEGY=oauth2")}, "error", QStringLiteral("oauth2"));
    row("explicit NONE ignores credentials",
        {QStringLiteral("CAMUNDA_AUTH_STRATEGY=NONE"), kOAuth, kOAuthSecret}, "strategy",
        QStringLiteral("none"));
    row("client id and secret: OAUTH", {kOAuth, kOAuthSecret}, "strategy",
        QStringLiteral("oauth (inferred)"));
    row("user and password: BASIC",
        {QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=u"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD=p")},
        "strategy", QStringLiteral("basic (inferred)"));
    row("both pairs: refused",
        {kOAuth, kOAuthSecret, QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=u"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD=p")},
        "error", QStringLiteral("choose one with CAMUNDA_AUTH_STRATEGY"));
    row("client id alone is not OAUTH", {kOAuth}, "strategy", QStringLiteral("none (inferred)"));

    // Basic.
    row("CAMUNDA_BASIC_AUTH_USERNAME",
        {QStringLiteral("CAMUNDA_AUTH_STRATEGY=BASIC"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME= demo ")},
        "username", QStringLiteral("demo"));
    row("CAMUNDA_BASIC_AUTH_PASSWORD (trimmed, as the SDK)",
        {QStringLiteral("CAMUNDA_AUTH_STRATEGY=BASIC"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=u"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD= pw ")},
        "password", QStringLiteral("pw"));
    row("BASIC without password",
        {QStringLiteral("CAMUNDA_AUTH_STRATEGY=BASIC"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=u")},
        "missing", QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD"));

    // Bearer.
    row("CAMUNDA_OAUTH_TOKEN", {QStringLiteral("CAMUNDA_OAUTH_TOKEN=tok")}, "token",
        QStringLiteral("tok"));
    row("CAMUNDA_OAUTH_TOKEN alone: BEARER", {QStringLiteral("CAMUNDA_OAUTH_TOKEN=tok")},
        "strategy", QStringLiteral("bearer (inferred)"));
    row("BEARER without token", {QStringLiteral("CAMUNDA_AUTH_STRATEGY=BEARER")}, "missing",
        QStringLiteral("CAMUNDA_OAUTH_TOKEN"));

    // OAuth.
    row("CAMUNDA_CLIENT_ID", {kOAuth, kOAuthSecret}, "clientId", QStringLiteral("cid"));
    row("CAMUNDA_CLIENT_AUTH_CLIENTID",
        {QStringLiteral("CAMUNDA_CLIENT_AUTH_CLIENTID=py"), kOAuthSecret}, "clientId",
        QStringLiteral("py"));
    row("ZEEBE_CLIENT_ID", {QStringLiteral("ZEEBE_CLIENT_ID=z"), kOAuthSecret}, "clientId",
        QStringLiteral("z"));
    row("CAMUNDA_CLIENT_ID before the others",
        {QStringLiteral("ZEEBE_CLIENT_ID=z"), QStringLiteral("CAMUNDA_CLIENT_AUTH_CLIENTID=py"),
            kOAuth, kOAuthSecret},
        "clientId", QStringLiteral("cid"));
    row("CAMUNDA_CLIENT_SECRET", {kOAuth, kOAuthSecret}, "clientSecret", QStringLiteral("sec"));
    row("CAMUNDA_CLIENT_AUTH_CLIENTSECRET",
        {kOAuth, QStringLiteral("CAMUNDA_CLIENT_AUTH_CLIENTSECRET=ps")}, "clientSecret",
        QStringLiteral("ps"));
    row("ZEEBE_CLIENT_SECRET", {kOAuth, QStringLiteral("ZEEBE_CLIENT_SECRET=zs")}, "clientSecret",
        QStringLiteral("zs"));
    row("OAUTH without secret", {QStringLiteral("CAMUNDA_AUTH_STRATEGY=OAUTH"), kOAuth}, "missing",
        QStringLiteral("CAMUNDA_CLIENT_SECRET"));
    row("CAMUNDA_OAUTH_URL",
        {kOAuth, kOAuthSecret, QStringLiteral("CAMUNDA_OAUTH_URL=https://idp/t")}, "tokenUrl",
        QStringLiteral("https://idp/t"));
    row("ZEEBE_AUTHORIZATION_SERVER_URL",
        {kOAuth, kOAuthSecret, QStringLiteral("ZEEBE_AUTHORIZATION_SERVER_URL=https://z/t")},
        "tokenUrl", QStringLiteral("https://z/t"));
    row("ZEEBE_TOKEN_URL", {kOAuth, kOAuthSecret, QStringLiteral("ZEEBE_TOKEN_URL=https://zt/t")},
        "tokenUrl", QStringLiteral("https://zt/t"));
    row("CAMUNDA_OAUTH_URL before ZEEBE_AUTHORIZATION_SERVER_URL",
        {kOAuth, kOAuthSecret, QStringLiteral("ZEEBE_AUTHORIZATION_SERVER_URL=https://z/t"),
            QStringLiteral("CAMUNDA_OAUTH_URL=https://c/t")},
        "tokenUrl", QStringLiteral("https://c/t"));
    row("token URL default", {kOAuth, kOAuthSecret}, "tokenUrl",
        QStringLiteral("https://login.cloud.camunda.io/oauth/token"));
    row("token URL default is noted", {kOAuth, kOAuthSecret}, "notes",
        QStringLiteral("CAMUNDA_OAUTH_URL is not set"));
    row("token URL not http", {kOAuth, kOAuthSecret, QStringLiteral("CAMUNDA_OAUTH_URL=file:///x")},
        "error", QStringLiteral("not an http(s) URL"));
    row("CAMUNDA_TOKEN_AUDIENCE",
        {kOAuth, kOAuthSecret, QStringLiteral("CAMUNDA_TOKEN_AUDIENCE=api")}, "audience",
        QStringLiteral("api"));
    row("ZEEBE_TOKEN_AUDIENCE", {kOAuth, kOAuthSecret, QStringLiteral("ZEEBE_TOKEN_AUDIENCE=zapi")},
        "audience", QStringLiteral("zapi"));
    row("audience default", {kOAuth, kOAuthSecret}, "audience", QStringLiteral("zeebe.camunda.io"));
    row("CAMUNDA_OAUTH_SCOPE", {kOAuth, kOAuthSecret, QStringLiteral("CAMUNDA_OAUTH_SCOPE=a b")},
        "scope", QStringLiteral("a b"));
    row("CAMUNDA_TOKEN_SCOPE (legacy)",
        {kOAuth, kOAuthSecret, QStringLiteral("CAMUNDA_TOKEN_SCOPE=old")}, "scope",
        QStringLiteral("old"));
    row("ZEEBE_TOKEN_SCOPE (legacy)", {kOAuth, kOAuthSecret, QStringLiteral("ZEEBE_TOKEN_SCOPE=z")},
        "scope", QStringLiteral("z"));
    row("CAMUNDA_OAUTH_SCOPE before the legacy names",
        {kOAuth, kOAuthSecret, QStringLiteral("CAMUNDA_TOKEN_SCOPE=old"),
            QStringLiteral("ZEEBE_TOKEN_SCOPE=z"), QStringLiteral("CAMUNDA_OAUTH_SCOPE=new")},
        "scope", QStringLiteral("new"));
    row("CAMUNDA_OAUTH_GRANT_TYPE client_credentials",
        {kOAuth, kOAuthSecret, QStringLiteral("CAMUNDA_OAUTH_GRANT_TYPE=client_credentials")},
        "error", QString());
    row("CAMUNDA_OAUTH_GRANT_TYPE other",
        {kOAuth, kOAuthSecret, QStringLiteral("CAMUNDA_OAUTH_GRANT_TYPE=password")}, "error",
        QStringLiteral("CAMUNDA_OAUTH_GRANT_TYPE=password is not supported"));
    row("CAMUNDA_OAUTH_TIMEOUT_MS",
        {kOAuth, kOAuthSecret, QStringLiteral("CAMUNDA_OAUTH_TIMEOUT_MS=7000")}, "tokenTimeout",
        QStringLiteral("7000"));
    row("CAMUNDA_OAUTH_TIMEOUT_MS not a number",
        {kOAuth, kOAuthSecret, QStringLiteral("CAMUNDA_OAUTH_TIMEOUT_MS=5s")}, "error",
        QStringLiteral("CAMUNDA_OAUTH_TIMEOUT_MS"));
    row("CAMUNDA_OAUTH_RETRY_MAX is read but not used",
        {kOAuth, kOAuthSecret, QStringLiteral("CAMUNDA_OAUTH_RETRY_MAX=9")}, "notes",
        QStringLiteral("CAMUNDA_OAUTH_RETRY_MAX is not used"));
    row("CAMUNDA_OAUTH_RETRY_BASE_DELAY_MS is read but not used",
        {QStringLiteral("CAMUNDA_OAUTH_RETRY_BASE_DELAY_MS=9")}, "notes",
        QStringLiteral("CAMUNDA_OAUTH_RETRY_BASE_DELAY_MS is not used"));
    row("CAMUNDA_OAUTH_CACHE_DIR: no token on disk",
        {QStringLiteral("CAMUNDA_OAUTH_CACHE_DIR=/tmp")}, "notes", QStringLiteral("never on disk"));
    row("CAMUNDA_TOKEN_CACHE_DIR: no token on disk",
        {QStringLiteral("CAMUNDA_TOKEN_CACHE_DIR=/tmp")}, "notes", QStringLiteral("never on disk"));
    row("CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: never re-sent",
        {QStringLiteral("CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS=5")}, "notes",
        QStringLiteral("never re-sends"));
    row("CAMUNDA_CREDENTIALS_SCOPES is not an OAuth scope",
        {QStringLiteral("CAMUNDA_CREDENTIALS_SCOPES=Zeebe")}, "notes",
        QStringLiteral("not an OAuth scope"));

    // TLS.
    row("CAMUNDA_MTLS_CA_PATH", {QStringLiteral("CAMUNDA_MTLS_CA_PATH=/ca.pem")}, "ca",
        QStringLiteral("/ca.pem|"));
    row("ZEEBE_CA_CERTIFICATE_PATH", {QStringLiteral("ZEEBE_CA_CERTIFICATE_PATH=/z.pem")}, "ca",
        QStringLiteral("/z.pem|"));
    row("CAMUNDA_CA_CERTIFICATE_PATH", {QStringLiteral("CAMUNDA_CA_CERTIFICATE_PATH=/j.pem")}, "ca",
        QStringLiteral("/j.pem|"));
    row("CAMUNDA_MTLS_CA inline wins over a path",
        {QStringLiteral("CAMUNDA_MTLS_CA_PATH=/ca.pem"),
            QStringLiteral("CAMUNDA_MTLS_CA=-----PEM-----")},
        "ca", QStringLiteral("|-----PEM-----"));
    row("CAMUNDA_MTLS_CERT_PATH", {kCert, kKey}, "cert", QStringLiteral("/c.pem|"));
    row("CAMUNDA_MTLS_KEY_PATH", {kCert, kKey}, "key", QStringLiteral("/c.key|"));
    row("CAMUNDA_MTLS_CERT inline", {QStringLiteral("CAMUNDA_MTLS_CERT=CERT"), kKey}, "cert",
        QStringLiteral("|CERT"));
    row("CAMUNDA_MTLS_KEY inline", {kCert, QStringLiteral("CAMUNDA_MTLS_KEY=KEY")}, "key",
        QStringLiteral("|KEY"));
    row("CAMUNDA_MTLS_KEY_PASSPHRASE",
        {kCert, kKey, QStringLiteral("CAMUNDA_MTLS_KEY_PASSPHRASE=pp")}, "passphrase",
        QStringLiteral("pp"));
    row("certificate without key", {kCert}, "error", QStringLiteral("incomplete mTLS"));
    row("key without certificate", {kKey}, "error", QStringLiteral("incomplete mTLS"));
    row("passphrase without key", {QStringLiteral("CAMUNDA_MTLS_KEY_PASSPHRASE=pp")}, "error",
        QStringLiteral("CAMUNDA_MTLS_KEY_PASSPHRASE is set but no client key"));

    // Tenant.
    row("CAMUNDA_DEFAULT_TENANT_ID", {QStringLiteral("CAMUNDA_DEFAULT_TENANT_ID= t-1 ")}, "tenant",
        QStringLiteral("t-1"));
}

void TestSdkEnvironment::variables()
{
    QFETCH(QStringList, env);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const SdkSettings settings = SdkEnvironment::read(vars(env));
    const QString actual = ::field(settings, field);
    if (field == QLatin1String("error") || field == QLatin1String("notes")) {
        if (expected.isEmpty())
            QVERIFY2(actual.isEmpty(), qPrintable(actual));
        else
            QVERIFY2(actual.contains(expected), qPrintable(actual));
        return;
    }
    QVERIFY2(settings.ok(), qPrintable(settings.error));
    QCOMPARE(actual, expected);
    QVERIFY(env.isEmpty() || settings.anySet || field == QLatin1String("notes"));
}

void TestSdkEnvironment::nothingSet()
{
    const SdkSettings settings
        = SdkEnvironment::read(vars({QStringLiteral("PATH=/usr/bin"), QStringLiteral("HOME=/h")}));
    QVERIFY(!settings.anySet);
    QVERIFY(settings.ok());
    QCOMPARE(settings.auth.kind, AuthKind::None);
    QVERIFY(settings.secrets.isEmpty());
    QVERIFY(settings.tls.isEmpty());
}

void TestSdkEnvironment::everyDocumentedVariableIsRead()
{
    // docs/sdk-environment.md lists every variable in a table row starting "| `NAME`"; each one
    // must be known to the reader (setting it alone counts as "something set", or gives a note).
    QFile doc(TestPaths::testData(QStringLiteral("../../docs/sdk-environment.md")));
    QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
    const QString text = QString::fromUtf8(doc.readAll());
    static const QRegularExpression rowName(
        QStringLiteral("^\\| `([A-Z0-9_]+)`"), QRegularExpression::MultilineOption);
    int rows = 0;
    for (auto it = rowName.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        ++rows;
        const SdkSettings settings = SdkEnvironment::read(vars({name + QStringLiteral("=x")}));
        QVERIFY2(settings.anySet || !settings.notes.isEmpty(), qPrintable(name));
    }
    QVERIFY2(rows >= 40, "the table lists fewer variables than the reader knows");
}

void TestSdkEnvironment::processEnvironmentOnlyCamundaAndZeebe()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), QStringLiteral("/bin"));
    environment.insert(QStringLiteral("CAMUNDA_REST_ADDRESS"), QStringLiteral("http://c"));
    environment.insert(QStringLiteral("ZEEBE_CLIENT_ID"), QStringLiteral("z"));
    const SdkEnvironment::Variables variables = SdkEnvironment::variablesOf(environment);
    QCOMPARE(variables.size(), 2);
    QCOMPARE(SdkEnvironment::read(environment).restAddress, QStringLiteral("http://c"));
}

QTEST_GUILESS_MAIN(TestSdkEnvironment)
#include "tst_SdkEnvironment.moc"
