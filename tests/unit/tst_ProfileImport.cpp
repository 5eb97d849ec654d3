// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ConnectionFactory.h"
#include "core/connection/ProfileImport.h"

#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

using Vars = ProfileImport::Variables;
Q_DECLARE_METATYPE(Vars)

namespace {
const QString kCluster = QStringLiteral("0e7b2a14-9b6c-4b0e-8b11-2f6a3c1d9e55");
}

class TestProfileImport final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parseCredentialsText_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("export single quotes")
            << QStringLiteral("export ZEEBE_CLIENT_ID='abc'") << QStringLiteral("ZEEBE_CLIENT_ID")
            << QStringLiteral("abc");
        QTest::newRow("no export") << QStringLiteral("ZEEBE_CLIENT_ID=abc")
                                   << QStringLiteral("ZEEBE_CLIENT_ID") << QStringLiteral("abc");
        QTest::newRow("double quotes with escapes")
            << QStringLiteral("export S=\"a\\\"b\\\\c$d\"") << QStringLiteral("S")
            << QStringLiteral("a\"b\\c$d");
        QTest::newRow("single quotes keep backslashes")
            << QStringLiteral("S='a\\b\"c'") << QStringLiteral("S") << QStringLiteral("a\\b\"c");
        QTest::newRow("quote concatenation")
            << QStringLiteral("S='it'\\''s'") << QStringLiteral("S") << QStringLiteral("it's");
        QTest::newRow("adjacent parts")
            << QStringLiteral("S='a'\"b\"c") << QStringLiteral("S") << QStringLiteral("abc");
        QTest::newRow("trailing comment")
            << QStringLiteral("S=value # note") << QStringLiteral("S") << QStringLiteral("value");
        QTest::newRow("hash inside value")
            << QStringLiteral("S=a#b") << QStringLiteral("S") << QStringLiteral("a#b");
        QTest::newRow("spaces around") << QStringLiteral("  export   S = 'x y'  ")
                                       << QStringLiteral("S") << QStringLiteral("x y");
        QTest::newRow("CRLF") << QStringLiteral("S='v'\r") << QStringLiteral("S")
                              << QStringLiteral("v");
        QTest::newRow("empty") << QStringLiteral("S=") << QStringLiteral("S") << QString();
        QTest::newRow("equals in value")
            << QStringLiteral("S='a=b=c'") << QStringLiteral("S") << QStringLiteral("a=b=c");
        QTest::newRow("windows set")
            << QStringLiteral("set S=v") << QStringLiteral("S") << QStringLiteral("v");
        QTest::newRow("BOM") << (QChar(0xFEFF) + QStringLiteral("S=v")) << QStringLiteral("S")
                             << QStringLiteral("v");
    }

    void parseCredentialsText()
    {
        QFETCH(QString, line);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QList<int> ignored;
        const auto vars = ProfileImport::parseCredentialsText(line, &ignored);
        QVERIFY(ignored.isEmpty());
        QCOMPARE(vars.size(), 1);
        QVERIFY(vars.contains(key));
        QCOMPARE(vars.value(key), value);
    }

    void parseIgnoresNoise()
    {
        QList<int> ignored;
        const auto vars = ProfileImport::parseCredentialsText(
            QStringLiteral("# comment\n\nnot an assignment\nA='unterminated\nB=ok\n"), &ignored);
        QCOMPARE(vars.size(), 1);
        QCOMPARE(vars.value(QStringLiteral("B")), QStringLiteral("ok"));
        QCOMPARE(ignored, QList<int>({3, 4}));
    }

    void consoleFile()
    {
        // The shape of the file Camunda Console offers when a client is created.
        const QByteArray file = "export ZEEBE_ADDRESS='" + kCluster.toLatin1()
            + ".bru-2.zeebe.camunda.io:443'\r\n"
              "export ZEEBE_CLIENT_ID='Wd2~abc_client'\r\n"
              "export ZEEBE_CLIENT_SECRET='s3cr3t-with-$pecial'\r\n"
              "export "
              "ZEEBE_AUTHORIZATION_SERVER_URL='https://login.cloud.camunda.io/oauth/token'\r\n"
              "export ZEEBE_TOKEN_AUDIENCE='zeebe.camunda.io'\r\n"
              "export CAMUNDA_CLUSTER_ID='"
            + kCluster.toLatin1()
            + "'\r\n"
              "export CAMUNDA_CLUSTER_REGION='bru-2'\r\n"
              "export CAMUNDA_CREDENTIALS_SCOPES='Zeebe,Tasklist,Operate'\r\n"
              "export CAMUNDA_OAUTH_URL='https://login.cloud.camunda.io/oauth/token'\r\n";
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("credentials.txt"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file);
        out.close();
        const auto result = ProfileImport::fromCredentialsFile(path);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Profile &p = result.profile;
        QCOMPARE(p.apiAddress, QStringLiteral("https://bru-2.zeebe.camunda.io/") + kCluster);
        QCOMPARE(p.authKind, Profile::AuthKind::OAuth);
        QCOMPARE(p.clientId, QStringLiteral("Wd2~abc_client"));
        QCOMPARE(p.tokenUrl, QStringLiteral("https://login.cloud.camunda.io/oauth/token"));
        QCOMPARE(p.audience, QStringLiteral("zeebe.camunda.io"));
        QVERIFY(p.scope.isEmpty()); // Console scopes are not an OAuth scope
        QCOMPARE(p.environment, Profile::Environment::Prod);
        QVERIFY(p.validationError().isEmpty());
        QVERIFY(!p.name.isEmpty());
        QCOMPARE(result.secrets.size(), 1);
        QCOMPARE(result.secrets.value(SecretKind::ClientSecret), QByteArray("s3cr3t-with-$pecial"));
        // The secret is not in the profile's stored form.
        QVERIFY(!QJsonDocument(p.toJson()).toJson().contains("s3cr3t"));

        const auto named
            = ProfileImport::fromCredentialsFile(path, QStringLiteral("Customer prod"));
        QCOMPARE(named.profile.name, QStringLiteral("Customer prod"));
        QVERIFY(!ProfileImport::fromCredentialsFile(dir.filePath(QStringLiteral("missing"))).ok());
    }

    void fromVariables_data()
    {
        QTest::addColumn<Vars>("vars");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("auth");
        QTest::addColumn<QString>("errorPart");

        QTest::newRow("nothing") << Vars {} << QString() << -1 << QStringLiteral("No Camunda");
        QTest::newRow("rest only, no auth") << Vars {{QStringLiteral("CAMUNDA_REST_ADDRESS"),
            QStringLiteral("http://localhost:8080/v2")}}
                                            << QStringLiteral("http://localhost:8080/v2")
                                            << int(Profile::AuthKind::None) << QString();
        QTest::newRow("zeebe rest fallback")
            << Vars {{QStringLiteral("ZEEBE_REST_ADDRESS"), QStringLiteral("http://h:8088")}}
            << QStringLiteral("http://h:8088") << int(Profile::AuthKind::None) << QString();
        QTest::newRow("camunda wins over zeebe")
            << Vars {{QStringLiteral("ZEEBE_REST_ADDRESS"), QStringLiteral("http://z:1")},
                   {QStringLiteral("CAMUNDA_REST_ADDRESS"), QStringLiteral("http://c:2")}}
            << QStringLiteral("http://c:2") << int(Profile::AuthKind::None) << QString();
        QTest::newRow("derived from cluster id and region")
            << Vars {{QStringLiteral("CAMUNDA_CLUSTER_ID"), kCluster},
                   {QStringLiteral("CAMUNDA_CLUSTER_REGION"), QStringLiteral("jfk-1")},
                   {QStringLiteral("ZEEBE_CLIENT_ID"), QStringLiteral("id")},
                   {QStringLiteral("ZEEBE_CLIENT_SECRET"), QStringLiteral("sec")}}
            << (QStringLiteral("https://jfk-1.zeebe.camunda.io/") + kCluster)
            << int(Profile::AuthKind::OAuth) << QString();
        QTest::newRow("derived from SaaS gRPC address")
            << Vars {{QStringLiteral("ZEEBE_ADDRESS"),
                   kCluster + QStringLiteral(".syd-1.zeebe.camunda.io:443")}}
            << (QStringLiteral("https://syd-1.zeebe.camunda.io/") + kCluster)
            << int(Profile::AuthKind::None) << QString();
        QTest::newRow("self-managed gRPC only")
            << Vars {{QStringLiteral("ZEEBE_ADDRESS"), QStringLiteral("localhost:26500")}}
            << QString() << -1 << QStringLiteral("gRPC");
        QTest::newRow("basic inferred")
            << Vars {{QStringLiteral("CAMUNDA_REST_ADDRESS"), QStringLiteral("http://h:8080")},
                   {QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME"), QStringLiteral("demo")},
                   {QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD"), QStringLiteral("demo")}}
            << QStringLiteral("http://h:8080") << int(Profile::AuthKind::Basic) << QString();
        QTest::newRow("strategy BEARER")
            << Vars {{QStringLiteral("CAMUNDA_REST_ADDRESS"), QStringLiteral("http://h:8080")},
                   {QStringLiteral("CAMUNDA_AUTH_STRATEGY"), QStringLiteral("BEARER")},
                   {QStringLiteral("CAMUNDA_OAUTH_TOKEN"), QStringLiteral("tok")}}
            << QStringLiteral("http://h:8080") << int(Profile::AuthKind::Bearer) << QString();
        QTest::newRow("strategy NONE wins over credentials")
            << Vars {{QStringLiteral("CAMUNDA_REST_ADDRESS"), QStringLiteral("http://h:8080")},
                   {QStringLiteral("CAMUNDA_AUTH_STRATEGY"), QStringLiteral("none")},
                   {QStringLiteral("CAMUNDA_CLIENT_ID"), QStringLiteral("id")},
                   {QStringLiteral("CAMUNDA_CLIENT_SECRET"), QStringLiteral("s")}}
            << QStringLiteral("http://h:8080") << int(Profile::AuthKind::None) << QString();
        QTest::newRow("unknown strategy")
            << Vars {{QStringLiteral("CAMUNDA_REST_ADDRESS"), QStringLiteral("http://h:8080")},
                   {QStringLiteral("CAMUNDA_AUTH_STRATEGY"), QStringLiteral("COOKIE")}}
            << QString() << -1 << QStringLiteral("COOKIE");
        QTest::newRow("both oauth and basic")
            << Vars {{QStringLiteral("CAMUNDA_REST_ADDRESS"), QStringLiteral("http://h:8080")},
                   {QStringLiteral("CAMUNDA_CLIENT_ID"), QStringLiteral("id")},
                   {QStringLiteral("CAMUNDA_CLIENT_SECRET"), QStringLiteral("s")},
                   {QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME"), QStringLiteral("u")},
                   {QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD"), QStringLiteral("p")}}
            << QString() << -1 << QStringLiteral("CAMUNDA_AUTH_STRATEGY");
        // The SDK's default token URL applies on every path (an import notes it), so the
        // profile connects as the command line would in the same shell.
        QTest::newRow("oauth self-managed takes the SDK default token url")
            << Vars {{QStringLiteral("CAMUNDA_REST_ADDRESS"),
                         QStringLiteral("https://camunda.corp.example")},
                   {QStringLiteral("CAMUNDA_AUTH_STRATEGY"), QStringLiteral("OAUTH")},
                   {QStringLiteral("CAMUNDA_CLIENT_ID"), QStringLiteral("id")}}
            << QStringLiteral("https://camunda.corp.example") << int(Profile::AuthKind::OAuth)
            << QString();
        QTest::newRow("oauth2 is not an SDK strategy")
            << Vars {{QStringLiteral("CAMUNDA_REST_ADDRESS"), QStringLiteral("http://h:8080")},
                   {QStringLiteral("CAMUNDA_AUTH_STRATEGY"), QStringLiteral("oauth2")}}
            << QString() << -1 << QStringLiteral("oauth2");
    }

    void fromVariables()
    {
        QFETCH(Vars, vars);
        QFETCH(QString, address);
        QFETCH(int, auth);
        QFETCH(QString, errorPart);
        const auto result = ProfileImport::fromVariables(vars);
        if (!errorPart.isEmpty()) {
            QVERIFY(!result.ok());
            QVERIFY2(result.error.contains(errorPart), qPrintable(result.error));
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.profile.apiAddress, address);
        QCOMPARE(int(result.profile.authKind), auth);
        QVERIFY(result.profile.validationError().isEmpty());
    }

    void sdkEnvironmentFullOauth()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin"));
        env.insert(QStringLiteral("CAMUNDA_REST_ADDRESS"),
            QStringLiteral("https://camunda.corp.example/v2"));
        env.insert(QStringLiteral("CAMUNDA_AUTH_STRATEGY"), QStringLiteral("OAUTH"));
        env.insert(QStringLiteral("CAMUNDA_CLIENT_ID"), QStringLiteral("jobdesk"));
        env.insert(QStringLiteral("CAMUNDA_CLIENT_SECRET"), QStringLiteral("very-secret"));
        env.insert(
            QStringLiteral("CAMUNDA_OAUTH_URL"), QStringLiteral("https://idp.corp.example/token"));
        env.insert(QStringLiteral("CAMUNDA_TOKEN_AUDIENCE"), QStringLiteral("orchestration-api"));
        env.insert(QStringLiteral("CAMUNDA_TOKEN_SCOPE"), QStringLiteral("camunda"));
        env.insert(QStringLiteral("CAMUNDA_MTLS_CA_PATH"), QStringLiteral("/etc/ca.pem"));
        env.insert(QStringLiteral("CAMUNDA_MTLS_CERT_PATH"), QStringLiteral("/etc/c.pem"));
        env.insert(QStringLiteral("CAMUNDA_MTLS_KEY_PATH"), QStringLiteral("/etc/c.key"));
        env.insert(QStringLiteral("CAMUNDA_MTLS_KEY_PASSPHRASE"), QStringLiteral("pass"));
        const auto result = ProfileImport::fromEnvironment(env, QStringLiteral("corp"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        const Profile &p = result.profile;
        QCOMPARE(p.name, QStringLiteral("corp"));
        QCOMPARE(p.authKind, Profile::AuthKind::OAuth);
        QCOMPARE(p.clientId, QStringLiteral("jobdesk"));
        QCOMPARE(p.tokenUrl, QStringLiteral("https://idp.corp.example/token"));
        QCOMPARE(p.audience, QStringLiteral("orchestration-api"));
        QCOMPARE(p.scope, QStringLiteral("camunda"));
        QCOMPARE(p.caBundlePath, QStringLiteral("/etc/ca.pem"));
        QCOMPARE(p.clientCertPath, QStringLiteral("/etc/c.pem"));
        QCOMPARE(p.clientKeyPath, QStringLiteral("/etc/c.key"));
        QCOMPARE(result.secrets.value(SecretKind::ClientSecret), QByteArray("very-secret"));
        QCOMPARE(result.secrets.value(SecretKind::KeyPassphrase), QByteArray("pass"));
        QCOMPARE(result.secrets.size(), 2);
    }

    void basicEnvironmentLocal()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("CAMUNDA_REST_ADDRESS"), QStringLiteral("http://127.0.0.1:8080"));
        env.insert(QStringLiteral("CAMUNDA_AUTH_STRATEGY"), QStringLiteral("BASIC"));
        env.insert(QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME"), QStringLiteral("demo"));
        env.insert(QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD"), QStringLiteral("demo-pw"));
        const auto result = ProfileImport::fromEnvironment(env);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.profile.username, QStringLiteral("demo"));
        QCOMPARE(result.profile.environment, Profile::Environment::Dev);
        QCOMPARE(result.profile.name, QStringLiteral("127.0.0.1"));
        QCOMPARE(result.secrets.value(SecretKind::Password), QByteArray("demo-pw"));
    }

    void sameReadingAsTheAddressOnlyConnection()
    {
        // One shell, two paths: the import and the CLI without a profile read it alike.
        QProcessEnvironment env;
        env.insert(QStringLiteral("CAMUNDA_REST_ADDRESS"), QStringLiteral("https://c.example/v2"));
        env.insert(QStringLiteral("CAMUNDA_CLIENT_ID"), QStringLiteral("cid"));
        env.insert(QStringLiteral("CAMUNDA_CLIENT_SECRET"), QStringLiteral("sec"));
        env.insert(QStringLiteral("CAMUNDA_OAUTH_SCOPE"), QStringLiteral("scope-new"));
        env.insert(QStringLiteral("CAMUNDA_TOKEN_SCOPE"), QStringLiteral("scope-old"));
        env.insert(QStringLiteral("CAMUNDA_DEFAULT_TENANT_ID"), QStringLiteral("tenant-7"));
        const ProfileImportResult imported
            = ProfileImport::fromEnvironment(env, QStringLiteral("c"));
        QVERIFY2(imported.ok(), qPrintable(imported.error));
        const ResolvedConnection direct = ConnectionFactory::fromEnvironment(std::nullopt, env);
        QVERIFY2(direct.ok(), qPrintable(direct.error));
        const ResolvedConnection viaProfile = ConnectionFactory::fromProfile(imported.profile);
        QVERIFY2(viaProfile.ok(), qPrintable(viaProfile.error));
        QCOMPARE(viaProfile.connection.apiRoot, direct.connection.apiRoot);
        QCOMPARE(viaProfile.connection.auth.kind, direct.connection.auth.kind);
        QCOMPARE(viaProfile.connection.auth.tokenUrl, direct.connection.auth.tokenUrl);
        QCOMPARE(viaProfile.connection.auth.audience, direct.connection.auth.audience);
        QCOMPARE(viaProfile.connection.auth.scope, QStringLiteral("scope-new"));
        QCOMPARE(direct.connection.auth.scope, QStringLiteral("scope-new"));
        QCOMPARE(viaProfile.connection.tenantId, QStringLiteral("tenant-7"));
        QCOMPARE(imported.secrets.value(SecretKind::ClientSecret),
            direct.secrets.value(SecretKind::ClientSecret));
    }

    void inlinePemIsNotKeptInAProfile()
    {
        const Vars vars {{QStringLiteral("CAMUNDA_REST_ADDRESS"), QStringLiteral("https://h")},
            {QStringLiteral("CAMUNDA_MTLS_CERT"), QStringLiteral("-----BEGIN CERTIFICATE-----")},
            {QStringLiteral("CAMUNDA_MTLS_KEY"), QStringLiteral("-----BEGIN PRIVATE KEY-----")},
            {QStringLiteral("CAMUNDA_MTLS_KEY_PASSPHRASE"), QStringLiteral("pp")}};
        const auto result = ProfileImport::fromVariables(vars);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.profile.clientCertPath.isEmpty());
        QVERIFY(result.profile.clientKeyPath.isEmpty());
        QVERIFY(!result.secrets.contains(SecretKind::KeyPassphrase));
        QVERIFY(result.notes.join(u'\n').contains(QLatin1String("inline PEM")));
    }

    void saasDefaultsWhenOnlyClientGiven()
    {
        const Vars vars {{QStringLiteral("ZEEBE_REST_ADDRESS"),
                             QStringLiteral("https://bru-2.zeebe.camunda.io/") + kCluster},
            {QStringLiteral("ZEEBE_CLIENT_ID"), QStringLiteral("id")},
            {QStringLiteral("ZEEBE_CLIENT_SECRET"), QStringLiteral("secret")}};
        const auto result = ProfileImport::fromVariables(vars);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(
            result.profile.tokenUrl, QStringLiteral("https://login.cloud.camunda.io/oauth/token"));
        QCOMPARE(result.profile.audience, QStringLiteral("zeebe.camunda.io"));
        QVERIFY(!result.notes.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProfileImport)
#include "tst_ProfileImport.moc"
