// SPDX-License-Identifier: GPL-3.0-or-later
// Saves profiles with secrets through the real stack (ProfileStore + KeychainSecretStore, the
// history with an Authorization header, and jobdesk-cli `profile add --secret-stdin`), then
// searches every file under the test's own HOME / XDG tree for the secret bytes.
// Needs a real Secret Service: run inside scripts/test (private D-Bus + gnome-keyring).
#include "core/base/AppInfo.h"
#include "core/connection/KeychainSecretStore.h"
#include "core/connection/ProfileStore.h"
#include "core/history/HistoryStore.h"
#include "core/templates/TemplateStore.h"
#include "support/TestPaths.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace JobDesk;

namespace {

SecretJob::Status runJob(SecretJob *job, QByteArray *data = nullptr)
{
    bool done = false;
    SecretJob::Status status = SecretJob::Status::Failed;
    QObject::connect(job, &SecretJob::finished, job, [&](SecretJob *j) {
        status = j->status();
        if (data)
            *data = j->data();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        return SecretJob::Status::Failed;
    return status;
}

} // namespace

class TestNoSecretsOnDisk final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            // scripts/test (and so CI) always provides the keychain: there, missing it fails.
            if (!qEnvironmentVariableIsEmpty("JOBDESK_REQUIRE_KEYCHAIN"))
                QFAIL("No D-Bus session although JOBDESK_REQUIRE_KEYCHAIN is set");
            QSKIP("No D-Bus session: run through scripts/test (private bus + gnome-keyring)");
        }
        QVERIFY(m_home.isValid());
        // Everything this test (and the CLI it starts) writes lands under m_home: test-mode
        // paths are $HOME/.qttest/…, the CLI uses the XDG variables set below.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
                    .startsWith(m_home.path()));
        // Secrets and names come from different UUIDs, so a name never contains a secret.
        auto unique = [] { return QUuid::createUuid().toString(QUuid::WithoutBraces); };
        m_secrets = {QByteArray("pw-").append(unique().toLatin1()),
            QByteArray("cs-").append(unique().toLatin1()),
            QByteArray("cli-").append(unique().toLatin1())};
        const QString id = unique();
        m_profileNames = {QStringLiteral("nsod-basic-") + id, QStringLiteral("nsod-oauth-") + id,
            QStringLiteral("nsod-cli-") + id};
    }

    void cleanupTestCase()
    {
        // Leave the keyring as we found it.
        KeychainSecretStore store;
        for (const QString &name : m_profileNames) {
            for (const SecretKind kind : {SecretKind::Password, SecretKind::ClientSecret})
                runJob(store.remove(profileSecretKey(name, kind)));
        }
    }

    void coreStackKeepsSecretsInTheKeychain()
    {
        ProfileStore profiles;
        QVERIFY(profiles.load());
        KeychainSecretStore keychain;

        Profile basic;
        basic.name = m_profileNames.at(0);
        basic.apiAddress = QStringLiteral("http://127.0.0.1:8080");
        basic.authKind = Profile::AuthKind::Basic;
        basic.username = QStringLiteral("demo-user-visible");
        QVERIFY2(profiles.add(basic), qPrintable(profiles.error()));
        QCOMPARE(runJob(keychain.write(
                     profileSecretKey(basic.name, SecretKind::Password), m_secrets.at(0))),
            SecretJob::Status::Ok);

        Profile oauth;
        oauth.name = m_profileNames.at(1);
        oauth.apiAddress = QStringLiteral("https://bru-2.zeebe.camunda.io/abc");
        oauth.environment = Profile::Environment::Prod;
        oauth.authKind = Profile::AuthKind::OAuth;
        oauth.clientId = QStringLiteral("client-id-visible");
        oauth.tokenUrl = QStringLiteral("https://login.cloud.camunda.io/oauth/token");
        QVERIFY2(profiles.add(oauth), qPrintable(profiles.error()));
        QCOMPARE(runJob(keychain.write(
                     profileSecretKey(oauth.name, SecretKind::ClientSecret), m_secrets.at(1))),
            SecretJob::Status::Ok);

        // The history gets the request as sent, Authorization included: it must be redacted.
        HistoryStore history;
        QVERIFY2(history.open(), qPrintable(history.error()));
        HistoryEntry entry;
        entry.time = QDateTime::currentDateTimeUtc();
        entry.source = HistorySource::Window;
        entry.connection = basic.name;
        entry.jobKey = QStringLiteral("2251799813685249");
        entry.kind = OutcomeKind::Completed;
        entry.httpStatus = 204;
        entry.request.method = "POST";
        entry.request.url
            = QUrl(QStringLiteral("http://127.0.0.1:8080/v2/jobs/2251799813685249/completion"));
        entry.request.headers = {{"Authorization", QByteArray("Basic ").append(basicCredentials())},
            {"Content-Type", "application/json"}};
        entry.request.body = "{}";
        QVERIFY(history.append(entry).value_or(0));

        // A template too (it has no secret, but it is part of the tree).
        TemplateStore templates;
        Template t;
        t.name = QStringLiteral("Approve");
        t.variables = QStringLiteral("{\"approved\":true}");
        QVERIFY(templates.add(t));

        // The secrets really are stored (in the keychain): read them back through a new store.
        KeychainSecretStore reader;
        QByteArray back;
        QCOMPARE(runJob(reader.read(profileSecretKey(basic.name, SecretKind::Password)), &back),
            SecretJob::Status::Ok);
        QCOMPARE(back, m_secrets.at(0));
    }

    void cliProfileAddKeepsSecretsInTheKeychain()
    {
        const QString cli = TestPaths::executable(QStringLiteral("jobdesk-cli"));
        QVERIFY2(QFile::exists(cli), qPrintable(cli + QStringLiteral(" is not built")));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral(".config")));
        env.insert(
            QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral(".local/share")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral(".cache")));
        process.setProcessEnvironment(env);
        process.start(cli,
            {QStringLiteral("profile"), QStringLiteral("add"), m_profileNames.at(2),
                QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:8080"),
                QStringLiteral("--auth"), QStringLiteral("basic"), QStringLiteral("--username"),
                QStringLiteral("cli-user-visible"), QStringLiteral("--secret-stdin")});
        QVERIFY(process.waitForStarted());
        process.write(m_secrets.at(2) + '\n');
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
            process.readAllStandardError().constData());

        QByteArray back;
        KeychainSecretStore reader;
        QCOMPARE(runJob(reader.read(profileSecretKey(m_profileNames.at(2), SecretKind::Password)),
                     &back),
            SecretJob::Status::Ok);
        QCOMPARE(back, m_secrets.at(2));
    }

    void noSecretBytesAnywhereUnderHome()
    {
        QList<QByteArray> needles;
        for (const QByteArray &secret : m_secrets) {
            needles << secret << secret.toBase64() << secret.toHex();
            QString utf16 = QString::fromLatin1(secret);
            needles << QByteArray(reinterpret_cast<const char *>(utf16.utf16()), utf16.size() * 2);
        }
        needles << basicCredentials();

        int files = 0;
        bool sawProfiles = false;
        bool sawHistoryKey = false;
        QDirIterator it(
            m_home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray content = file.readAll();
            ++files;
            for (const QByteArray &needle : needles)
                QVERIFY2(!content.contains(needle),
                    qPrintable(QStringLiteral("secret found in ") + path));
            // The search itself works: the non-secret fields are found where they belong.
            sawProfiles = sawProfiles || content.contains("client-id-visible");
            sawHistoryKey = sawHistoryKey || content.contains("2251799813685249");
        }
        QVERIFY(files >= 3);
        QVERIFY(sawProfiles);
        QVERIFY(sawHistoryKey);
        QVERIFY(QFile::exists(m_home.filePath(QStringLiteral(".config/jobdesk/profiles.json"))));
    }

private:
    QByteArray basicCredentials() const
    {
        return QByteArray("demo-user-visible:").append(m_secrets.at(0)).toBase64();
    }

    QTemporaryDir m_home;
    QList<QByteArray> m_secrets;
    QStringList m_profileNames;
};

QTEST_GUILESS_MAIN(TestNoSecretsOnDisk)
#include "tst_NoSecretsOnDisk.moc"
