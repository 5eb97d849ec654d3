// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ProfileStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

Q_DECLARE_METATYPE(JobDesk::Profile)

using namespace JobDesk;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

Profile oauthProfile()
{
    Profile p;
    p.name = QStringLiteral("SaaS prod");
    p.apiAddress
        = QStringLiteral("https://bru-2.zeebe.camunda.io/0e7b2a14-9b6c-4b0e-8b11-2f6a3c1d9e55");
    p.environment = Profile::Environment::Prod;
    p.authKind = Profile::AuthKind::OAuth;
    p.clientId = QStringLiteral("my-client");
    p.tokenUrl = QStringLiteral("https://login.cloud.camunda.io/oauth/token");
    p.audience = QStringLiteral("zeebe.camunda.io");
    p.scope = QStringLiteral("Zeebe");
    p.caBundlePath = QStringLiteral("/etc/ssl/extra.pem");
    p.clientCertPath = QStringLiteral("/home/me/client.pem");
    p.clientKeyPath = QStringLiteral("/home/me/client.key");
    p.timeoutSeconds = 12;
    return p;
}

Profile basicProfile(const QString &name = QStringLiteral("helm-dev"))
{
    Profile p;
    p.name = name;
    p.apiAddress = QStringLiteral("http://localhost:8080");
    p.authKind = Profile::AuthKind::Basic;
    p.username = QStringLiteral("demo");
    return p;
}

} // namespace

class TestProfileStore final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("config/profiles.json"));
    }

    void defaultPathIsInAppConfig()
    {
        QCOMPARE(ProfileStore::defaultPath(),
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                + QStringLiteral("/profiles.json"));
    }

    void missingFileIsEmpty()
    {
        ProfileStore store;
        QVERIFY(store.load(m_path));
        QVERIFY(store.profiles().isEmpty());
        QVERIFY(!store.isCorrupt());
        QVERIFY(!store.startupProfile());
        QVERIFY(!QFile::exists(m_path));
    }

    void roundTripAllFields()
    {
        ProfileStore store;
        QVERIFY(store.load(m_path));
        QVERIFY2(store.add(oauthProfile()), qPrintable(store.error()));
        Profile custom = basicProfile(QStringLiteral("Customer A"));
        custom.environment = Profile::Environment::Custom;
        custom.colour = QStringLiteral("#8e24aa");
        QVERIFY2(store.add(custom), qPrintable(store.error()));
        ProfileStore other;
        QVERIFY2(other.load(m_path), qPrintable(other.error()));
        QCOMPARE(other.profiles().size(), 2);
        QCOMPARE(other.profiles().at(0), oauthProfile());
        QCOMPARE(other.profiles().at(1), custom);
        QCOMPARE(
            other.find(QStringLiteral("customer a"))->effectiveColour(), QStringLiteral("#8e24aa"));
        QCOMPARE(other.find(QStringLiteral("SaaS prod"))->effectiveColour(),
            defaultEnvironmentColour(Profile::Environment::Prod));
        QVERIFY(other.find(QStringLiteral("SaaS prod"))->isProduction());
        const QJsonObject root = QJsonDocument::fromJson(readAll(m_path)).object();
        QCOMPARE(
            root.value(QLatin1String("format")).toString(), QStringLiteral("jobdesk-profiles"));
        QCOMPARE(root.value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(root.value(QLatin1String("profiles")).toArray().size(), 2);
    }

    void validation_data()
    {
        QTest::addColumn<Profile>("profile");
        QTest::addColumn<QString>("errorPart");
        auto with = [](auto change) {
            Profile p = basicProfile();
            change(p);
            return p;
        };
        QTest::newRow("empty name")
            << with([](Profile &p) { p.name.clear(); }) << QStringLiteral("name");
        QTest::newRow("slash") << with([](Profile &p) { p.name = QStringLiteral("a/b"); })
                               << QStringLiteral("'/'");
        QTest::newRow("spaces") << with([](Profile &p) { p.name = QStringLiteral("a "); })
                                << QStringLiteral("space");
        QTest::newRow("no address")
            << with([](Profile &p) { p.apiAddress.clear(); }) << QStringLiteral("API address");
        QTest::newRow("ftp") << with([](Profile &p) { p.apiAddress = QStringLiteral("ftp://h/"); })
                             << QStringLiteral("http");
        QTest::newRow("no host") << with([](Profile &p) {
            p.apiAddress = QStringLiteral("localhost:8080");
        }) << QStringLiteral("address");
        QTest::newRow("basic without user")
            << with([](Profile &p) { p.username.clear(); }) << QStringLiteral("user name");
        QTest::newRow("oauth without client") << with([](Profile &p) {
            p.authKind = Profile::AuthKind::OAuth;
            p.tokenUrl = QStringLiteral("https://idp/token");
        }) << QStringLiteral("client id");
        QTest::newRow("oauth without token url") << with([](Profile &p) {
            p.authKind = Profile::AuthKind::OAuth;
            p.clientId = QStringLiteral("c");
        }) << QStringLiteral("token URL");
        QTest::newRow("token url with client_secret") << with([](Profile &p) {
            p.authKind = Profile::AuthKind::OAuth;
            p.clientId = QStringLiteral("c");
            p.tokenUrl = QStringLiteral("https://idp/token?Client_Secret=s3cr3t");
        }) << QStringLiteral("must not contain the parameter Client_Secret");
        QTest::newRow("token url with password") << with([](Profile &p) {
            p.authKind = Profile::AuthKind::OAuth;
            p.clientId = QStringLiteral("c");
            p.tokenUrl = QStringLiteral("https://c:s3cr3t@idp/token");
        }) << QStringLiteral("must not contain a user name and password");
        QTest::newRow("bad colour") << with([](Profile &p) { p.colour = QStringLiteral("red"); })
                                    << QStringLiteral("#rrggbb");
        QTest::newRow("timeout") << with([](Profile &p) { p.timeoutSeconds = 0; })
                                 << QStringLiteral("timeout");
        QTest::newRow("key without cert")
            << with([](Profile &p) { p.clientKeyPath = QStringLiteral("/k"); })
            << QStringLiteral("certificate");
        QTest::newRow("fine") << basicProfile() << QString();
    }

    void validation()
    {
        QFETCH(Profile, profile);
        QFETCH(QString, errorPart);
        const QString error = profile.validationError();
        if (errorPart.isEmpty()) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            return;
        }
        QVERIFY2(error.contains(errorPart), qPrintable(error));
        ProfileStore store;
        QVERIFY(store.load(m_path));
        QVERIFY(!store.add(profile));
        QVERIFY(!QFile::exists(m_path));
    }

    void secretKinds()
    {
        Profile p = basicProfile();
        QCOMPARE(p.secretKinds(), QList<SecretKind> {SecretKind::Password});
        p.authKind = Profile::AuthKind::None;
        QVERIFY(p.secretKinds().isEmpty());
        p = oauthProfile();
        QCOMPARE(p.secretKinds(),
            QList<SecretKind>({SecretKind::ClientSecret, SecretKind::KeyPassphrase}));
        p.authKind = Profile::AuthKind::Bearer;
        p.clientKeyPath.clear();
        QCOMPARE(p.secretKinds(), QList<SecretKind> {SecretKind::Token});
        QCOMPARE(profileSecretKey(QStringLiteral("SaaS prod"), SecretKind::ClientSecret),
            QStringLiteral("profile/SaaS prod/client-secret"));
    }

    void namesUniqueUpdateRemove()
    {
        ProfileStore store;
        QVERIFY(store.load(m_path));
        QVERIFY(store.add(basicProfile(QStringLiteral("dev"))));
        QVERIFY(!store.add(basicProfile(QStringLiteral("DEV"))));
        QVERIFY(store.error().contains(QLatin1String("already exists")));
        QVERIFY(store.add(basicProfile(QStringLiteral("test"))));
        QVERIFY(store.setDefaultProfile(QStringLiteral("DEV")));
        QCOMPARE(store.defaultProfileName(), QStringLiteral("dev"));
        QVERIFY(store.setLastUsedProfile(QStringLiteral("dev")));

        Profile renamed = basicProfile(QStringLiteral("development"));
        renamed.username = QStringLiteral("other");
        QVERIFY(!store.update(QStringLiteral("dev"), basicProfile(QStringLiteral("Test"))));
        QVERIFY2(store.update(QStringLiteral("dev"), renamed), qPrintable(store.error()));
        QCOMPARE(store.defaultProfileName(), QStringLiteral("development"));
        QCOMPARE(store.lastUsedProfileName(), QStringLiteral("development"));
        QCOMPARE(store.find(QStringLiteral("development"))->username, QStringLiteral("other"));
        QVERIFY(!store.find(QStringLiteral("dev")));
        QVERIFY(!store.update(QStringLiteral("nope"), renamed));

        QVERIFY(store.remove(QStringLiteral("Development")));
        QVERIFY(store.defaultProfileName().isEmpty());
        QVERIFY(store.lastUsedProfileName().isEmpty());
        QVERIFY(!store.remove(QStringLiteral("development")));
        QCOMPARE(store.names(), QStringList {QStringLiteral("test")});
    }

    void startupSelection()
    {
        ProfileStore store;
        QVERIFY(store.load(m_path));
        for (const char *name : {"a", "b", "c"})
            QVERIFY(store.add(basicProfile(QLatin1String(name))));
        QCOMPARE(store.startupProfile()->name, QStringLiteral("a"));
        QVERIFY(store.setDefaultProfile(QStringLiteral("b")));
        QCOMPARE(store.startupProfile()->name, QStringLiteral("b"));
        QVERIFY(store.setLastUsedProfile(QStringLiteral("c")));
        QCOMPARE(store.startupProfile()->name, QStringLiteral("c"));
        QVERIFY(!store.setLastUsedProfile(QStringLiteral("zzz")));
        ProfileStore reread;
        QVERIFY(reread.load(m_path));
        QCOMPARE(reread.defaultProfileName(), QStringLiteral("b"));
        QCOMPARE(reread.lastUsedProfileName(), QStringLiteral("c"));
        QVERIFY(reread.setDefaultProfile(QString()));
        QVERIFY(reread.defaultProfileName().isEmpty());
    }

    void concurrentWritersDoNotUndoEachOther()
    {
        ProfileStore window;
        ProfileStore cli;
        QVERIFY(window.load(m_path));
        QVERIFY(cli.load(m_path));
        QVERIFY(window.add(basicProfile(QStringLiteral("from-window"))));
        QVERIFY(cli.add(basicProfile(QStringLiteral("from-cli"))));
        QVERIFY(window.setDefaultProfile(QStringLiteral("from-cli")));
        ProfileStore check;
        QVERIFY(check.load(m_path));
        QCOMPARE(check.names(),
            QStringList({QStringLiteral("from-window"), QStringLiteral("from-cli")}));
        QCOMPARE(check.defaultProfileName(), QStringLiteral("from-cli"));
    }

    void parallelWritersUnderTheLockKeepEveryChange()
    {
        // Eight writers at once, each with its own store (as eight programs would be): the
        // read-modify-write under the lock keeps every profile.
        constexpr int kWriters = 8;
        QList<QThread *> threads;
        std::atomic<int> failures {0};
        for (int i = 0; i < kWriters; ++i) {
            threads.append(QThread::create([this, i, &failures] {
                ProfileStore store;
                if (!store.load(m_path) || !store.add(basicProfile(QStringLiteral("p%1").arg(i))))
                    ++failures;
            }));
        }
        for (QThread *thread : std::as_const(threads))
            thread->start();
        for (QThread *thread : std::as_const(threads)) {
            QVERIFY(thread->wait(30000));
            delete thread;
        }
        QCOMPARE(failures.load(), 0);
        ProfileStore check;
        QVERIFY(check.load(m_path));
        QCOMPARE(check.profiles().size(), kWriters);
        QVERIFY(!QFile::exists(m_path + QStringLiteral(".lock")));
    }

    void aLockLeftByAGoneProgramIsTakenOver()
    {
        // A lock file whose program died (kill -9 mid-save) does not block the next change.
        QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
        QFile stale(m_path + QStringLiteral(".lock"));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("999999999\njobdesk-cli\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        stale.close();
        ProfileStore store;
        QVERIFY(store.load(m_path));
        QVERIFY2(store.add(basicProfile(QStringLiteral("after-crash"))), qPrintable(store.error()));
    }

    void corruptFileIsReportedAndKept_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("truncated") << QByteArray("{\"format\":\"jobdesk-profiles\",\"vers")
                                   << QStringLiteral("not valid JSON");
        QTest::newRow("foreign") << QByteArray("{\"servers\":[]}")
                                 << QStringLiteral("not a JobDesk profiles file");
        QTest::newRow("newer") << QByteArray(
            "{\"format\":\"jobdesk-profiles\",\"version\":3,\"profiles\":[]}")
                               << QStringLiteral("newer");
        QTest::newRow("bad profile")
            << QByteArray("{\"format\":\"jobdesk-profiles\",\"version\":1,\"profiles\":[{\"name\":"
                          "\"x\",\"apiAddress\":\"http://h\",\"auth\":\"kerberos\"}]}")
            << QStringLiteral("kerberos");
        QTest::newRow("duplicate") << QByteArray(
            "{\"format\":\"jobdesk-profiles\",\"version\":1,\"profiles\":[{\"name\":\"x\","
            "\"apiAddress\":\"http://h\"},{\"name\":\"X\",\"apiAddress\":\"http://h\"}]}")
                                   << QStringLiteral("twice");
    }

    void corruptFileIsReportedAndKept()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reasonPart);
        QDir().mkpath(QFileInfo(m_path).absolutePath());
        {
            QFile file(m_path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        ProfileStore store;
        QVERIFY(!store.load(m_path));
        QVERIFY(store.isCorrupt());
        QVERIFY2(store.error().contains(reasonPart), qPrintable(store.error()));
        QVERIFY(!store.add(basicProfile()));
        QVERIFY(!store.setDefaultProfile(QString()));
        QVERIFY(!store.remove(QStringLiteral("x")));
        QCOMPARE(readAll(m_path), content);

        // Only the explicit decision moves it aside (kept) and starts fresh.
        QString movedTo;
        QVERIFY2(store.setAsideCorruptFile(&movedTo), qPrintable(store.error()));
        QVERIFY(!store.isCorrupt());
        QCOMPARE(readAll(movedTo), content);
        QVERIFY(store.add(basicProfile()));
        QCOMPARE(store.profiles().size(), 1);
    }

    void authKindNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::newRow("NONE") << QStringLiteral("NONE") << int(Profile::AuthKind::None);
        QTest::newRow("basic") << QStringLiteral("basic") << int(Profile::AuthKind::Basic);
        QTest::newRow("Bearer") << QStringLiteral("Bearer") << int(Profile::AuthKind::Bearer);
        QTest::newRow("OAUTH") << QStringLiteral("OAUTH") << int(Profile::AuthKind::OAuth);
        QTest::newRow("oauth2") << QStringLiteral("oauth2") << int(Profile::AuthKind::OAuth);
        QTest::newRow("unknown") << QStringLiteral("kerberos") << -1;
    }

    void authKindNames()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        const auto parsed = authKindFromName(text);
        QCOMPARE(parsed ? int(*parsed) : -1, kind);
        if (parsed)
            QCOMPARE(authKindFromName(authKindName(*parsed)), parsed);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_ProfileStore.moc"
