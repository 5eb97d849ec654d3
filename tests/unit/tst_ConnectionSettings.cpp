// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ConnectionSettings.h"
#include "core/connection/Profile.h"
#include "core/http/AuthProvider.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

class TestConnectionSettings final : public QObject
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

void TestConnectionSettings::address_data()
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

void TestConnectionSettings::address()
{
    QFETCH(QString, baseUrl);
    QFETCH(QStringList, env);
    QFETCH(QString, apiRoot);
    const ConnectionSettings settings = resolveFromEnvironment(
        baseUrl.isNull() ? std::nullopt : std::optional<QString>(baseUrl), environment(env));
    if (apiRoot.isEmpty()) {
        QVERIFY(!settings.error.isEmpty());
        return;
    }
    QVERIFY2(settings.error.isEmpty(), qPrintable(settings.error));
    QCOMPARE(settings.apiRoot.toString(), apiRoot);
    QCOMPARE(settings.connectionName(), apiRoot);
    QCOMPARE(settings.auth.kind, QStringLiteral("none"));
}

void TestConnectionSettings::auth_data()
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
        QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD= pa ss")}
                           << QStringLiteral("basic") << QStringLiteral(" pa ss")
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
               QStringLiteral("CAMUNDA_TOKEN_SCOPE=camunda")}
        << QStringLiteral("oauth") << QStringLiteral("sec")
        << QStringLiteral("http://kc:18080/token|zeebe-api|camunda");
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

void TestConnectionSettings::auth()
{
    QFETCH(QStringList, env);
    QFETCH(QString, kind);
    QFETCH(QString, secret);
    QFETCH(QString, detail);
    const ConnectionSettings settings = resolveFromEnvironment(std::nullopt, environment(env));
    if (kind.isEmpty()) {
        QVERIFY2(settings.error.contains(detail), qPrintable(settings.error));
        return;
    }
    QVERIFY2(settings.error.isEmpty(), qPrintable(settings.error));
    QCOMPARE(settings.auth.kind, kind);
    QCOMPARE(settings.auth.secret, secret);
    if (kind == QLatin1String("basic"))
        QCOMPARE(settings.auth.username, detail);
    if (kind == QLatin1String("oauth")) {
        QCOMPARE(settings.auth.clientId, QStringLiteral("cid"));
        QCOMPARE(QStringList({settings.auth.tokenUrl, settings.auth.audience, settings.auth.scope})
                     .join(u'|'),
            detail);
    }
}

void TestConnectionSettings::fromProfile()
{
    Profile profile;
    profile.name = QStringLiteral("helm");
    profile.apiAddress = QStringLiteral("http://camunda.local:8080/");
    profile.authKind = Profile::AuthKind::Basic;
    profile.username = QStringLiteral("demo");
    profile.timeoutSeconds = 12;
    const ConnectionSettings settings = resolveFromProfile(profile);
    QVERIFY2(settings.error.isEmpty(), qPrintable(settings.error));
    QCOMPARE(settings.apiRoot.toString(), QStringLiteral("http://camunda.local:8080/v2/"));
    QCOMPARE(settings.connectionName(), QStringLiteral("helm"));
    QCOMPARE(settings.auth.kind, QStringLiteral("basic"));
    QCOMPARE(settings.auth.username, QStringLiteral("demo"));
    QVERIFY(settings.auth.secret.isEmpty()); // comes from the keychain later
    QCOMPARE(settings.timeout, std::optional<std::chrono::milliseconds>(std::chrono::seconds(12)));

    Profile broken = profile;
    broken.username.clear(); // a hand-edited file
    QVERIFY(!resolveFromProfile(broken).error.isEmpty());
}

void TestConnectionSettings::providers()
{
    QNetworkAccessManager nam;
    AuthSettings auth;
    QCOMPARE(createAuthProvider(auth, &nam)->kind(), QStringLiteral("none"));
    auth.kind = QStringLiteral("basic");
    auth.username = QStringLiteral("demo");
    auth.secret = QStringLiteral("hunter2");
    auto basic = createAuthProvider(auth, &nam);
    QCOMPARE(basic->kind(), QStringLiteral("basic"));
    QVERIFY(basic->secrets().join().contains("hunter2"));
    QVERIFY(!basic->redactedHeaderValue().contains("hunter2"));
    auth.kind = QStringLiteral("bearer");
    QCOMPARE(createAuthProvider(auth, &nam)->kind(), QStringLiteral("bearer"));
    auth.kind = QStringLiteral("oauth");
    auth.tokenUrl = QStringLiteral("http://127.0.0.1:1/token");
    auth.clientId = QStringLiteral("c");
    QCOMPARE(createAuthProvider(auth, &nam)->kind(), QStringLiteral("oauth"));
}

QTEST_GUILESS_MAIN(TestConnectionSettings)
#include "tst_ConnectionSettings.moc"
