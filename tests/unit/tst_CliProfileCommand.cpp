// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliOptions.h"
#include "cli/Output.h"
#include "cli/ProfileCommand.h"
#include "core/connection/ProfileStore.h"
#include "core/connection/SecretStore.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;
using namespace JobDesk::Cli;

class TestCliProfileCommand final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QFile::remove(ProfileStore::defaultPath()); }

    void profileFromArguments_data();
    void profileFromArguments();
    void environmentTlsAndTimeout();
    void secretFromInput_data();
    void secretFromInput();
    void addWithoutSecret();
    void addStoresTheSecretInTheSecretStoreOnly();
    void addWithoutKeychainSavesNothing();
    void addExistingNameFails();
    void showUnknownFails();
    void removeTakesTheSecretsAlong();
    void removeWithoutKeychainStillRemoves();
    void listAsJsonHasNoSecret();

private:
    /// Runs a command to its end; returns the exit code.
    static int run(const QStringList &arguments, SecretStore *secrets, QByteArray stdinData = {});
};

int TestCliProfileCommand::run(
    const QStringList &arguments, SecretStore *secrets, QByteArray stdinData)
{
    const CommandLine line = parseCommandLine(arguments);
    if (line.command == Command::Usage) {
        qWarning() << "usage error:" << line.error;
        return ExitUsage;
    }
    QBuffer input(&stdinData);
    input.open(QIODevice::ReadOnly);
    ProfileCommand command(line, secrets, &input);
    QSignalSpy finished(&command, &ProfileCommand::finished);
    if (const std::optional<int> code = command.start())
        return *code;
    if (!finished.wait(5000))
        return -1;
    return finished.first().first().toInt();
}

void TestCliProfileCommand::profileFromArguments_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<int>("auth");
    QTest::addColumn<QString>("errorContains"); // empty: valid
    // (The spelling of --auth is the parser's: tst_CliOptions.)
    QTest::newRow("none") << QStringLiteral("http://localhost:8080") << int(AuthKind::None)
                          << QString();
    QTest::newRow("bearer") << QStringLiteral("https://proxy.example/v2/") << int(AuthKind::Bearer)
                            << QString();
    QTest::newRow("ftp") << QStringLiteral("ftp://h/") << int(AuthKind::None)
                         << QStringLiteral("http:// or https://");
}

void TestCliProfileCommand::profileFromArguments()
{
    QFETCH(QString, baseUrl);
    QFETCH(int, auth);
    QFETCH(QString, errorContains);
    ProfileAddArguments arguments;
    arguments.name = QStringLiteral("p");
    arguments.baseUrl = baseUrl;
    arguments.auth = AuthKind(auth);
    QString error;
    const std::optional<Profile> profile = Cli::profileFromArguments(arguments, &error);
    if (errorContains.isEmpty()) {
        QVERIFY2(profile, qPrintable(error));
        QCOMPARE(profile->apiAddress, baseUrl);
    } else {
        QVERIFY(!profile);
        QVERIFY2(error.contains(errorContains, Qt::CaseInsensitive), qPrintable(error));
    }
}

void TestCliProfileCommand::environmentTlsAndTimeout()
{
    QTemporaryDir dir;
    const QString ca = dir.filePath(QStringLiteral("ca.pem"));
    const QString cert = dir.filePath(QStringLiteral("me.crt"));
    const QString key = dir.filePath(QStringLiteral("me.key"));
    for (const QString &path : {ca, cert, key}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("-----BEGIN CERTIFICATE-----\n");
    }
    ProfileAddArguments arguments;
    arguments.name = QStringLiteral("prod-eu");
    arguments.baseUrl = QStringLiteral("https://h.example");
    arguments.environment = Environment::Prod;
    arguments.tenant = QStringLiteral("tenant-a");
    arguments.colour = QStringLiteral("#aa0000");
    arguments.timeoutSeconds = 90;
    // Relative paths are stored absolute: the profile is used from any directory.
    const QString previousDirectory = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    arguments.caBundle = QStringLiteral("ca.pem");
    arguments.clientCertificate = cert;
    arguments.clientKey = key;
    QString error;
    const std::optional<Profile> profile = Cli::profileFromArguments(arguments, &error);
    QVERIFY(QDir::setCurrent(previousDirectory));
    QVERIFY2(profile, qPrintable(error));
    QVERIFY(profile->isProduction());
    QCOMPARE(profile->effectiveColour(), QStringLiteral("#aa0000"));
    QCOMPARE(profile->caBundlePath, QFileInfo(ca).absoluteFilePath());
    QCOMPARE(profile->clientCertPath, cert);
    QCOMPARE(profile->clientKeyPath, key);
    QCOMPARE(profile->timeoutSeconds, 90);
    QVERIFY(profile->secretKinds().contains(SecretKind::KeyPassphrase));
    QCOMPARE(profile->tenantId, QStringLiteral("tenant-a"));

    arguments.caBundle = ca; // the variants below run from the original directory
    ProfileAddArguments wrong = arguments;
    wrong.caBundle = dir.filePath(QStringLiteral("missing.pem"));
    QVERIFY(!Cli::profileFromArguments(wrong, &error));
    QVERIFY2(error.contains(QStringLiteral("--ca-bundle")), qPrintable(error));
    wrong = arguments;
    wrong.clientCertificate.clear();
    QVERIFY(!Cli::profileFromArguments(wrong, &error));
    QVERIFY2(error.contains(QStringLiteral("client certificate")), qPrintable(error));
    wrong = arguments;
    wrong.timeoutSeconds = 0;
    QVERIFY(!Cli::profileFromArguments(wrong, &error));
    QVERIFY2(error.contains(QStringLiteral("timeout")), qPrintable(error));
    wrong = arguments;
    wrong.colour = QStringLiteral("red");
    QVERIFY(!Cli::profileFromArguments(wrong, &error));
    QVERIFY2(error.contains(QStringLiteral("#rrggbb")), qPrintable(error));
}

void TestCliProfileCommand::secretFromInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("echo") << QByteArray("s3cret\n") << QByteArray("s3cret");
    QTest::newRow("printf") << QByteArray("s3cret") << QByteArray("s3cret");
    QTest::newRow("crlf") << QByteArray("s3cret\r\n") << QByteArray("s3cret");
    QTest::newRow("only one newline") << QByteArray("s3cret\n\n") << QByteArray("s3cret\n");
    QTest::newRow("spaces kept") << QByteArray(" s 3 \n") << QByteArray(" s 3 ");
}

void TestCliProfileCommand::secretFromInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, secret);
    QCOMPARE(Cli::secretFromInput(input), secret);
}

void TestCliProfileCommand::addWithoutSecret()
{
    MemorySecretStore secrets;
    QCOMPARE(run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("local"),
                     QStringLiteral("--base-url"), QStringLiteral("http://localhost:8080")},
                 &secrets),
        0);
    ProfileStore store;
    QVERIFY(store.load());
    const std::optional<Profile> profile = store.find(QStringLiteral("local"));
    QVERIFY(profile);
    QCOMPARE(profile->apiAddress, QStringLiteral("http://localhost:8080"));
    QCOMPARE(profile->authKind, Profile::AuthKind::None);
    QCOMPARE(secrets.size(), 0);
}

void TestCliProfileCommand::addStoresTheSecretInTheSecretStoreOnly()
{
    MemorySecretStore secrets;
    QCOMPARE(
        run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("saas"),
                QStringLiteral("--base-url"), QStringLiteral("https://bru-2.zeebe.camunda.io/abc"),
                QStringLiteral("--auth"), QStringLiteral("oauth"), QStringLiteral("--client-id"),
                QStringLiteral("cid"), QStringLiteral("--token-url"),
                QStringLiteral("https://login.cloud.camunda.io/oauth/token"),
                QStringLiteral("--audience"), QStringLiteral("zeebe.camunda.io"),
                QStringLiteral("--secret-stdin")},
            &secrets, "very-secret-value\n"),
        0);
    QCOMPARE(secrets.value(profileSecretKey(QStringLiteral("saas"), SecretKind::ClientSecret)),
        std::optional<QByteArray>("very-secret-value"));
    ProfileStore store;
    QVERIFY(store.load());
    const std::optional<Profile> profile = store.find(QStringLiteral("saas"));
    QVERIFY(profile);
    QCOMPARE(profile->authKind, Profile::AuthKind::OAuth);
    QCOMPARE(profile->clientId, QStringLiteral("cid"));
    QCOMPARE(profile->audience, QStringLiteral("zeebe.camunda.io"));
    QFile file(ProfileStore::defaultPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("very-secret-value"));
}

void TestCliProfileCommand::addWithoutKeychainSavesNothing()
{
    MemorySecretStore secrets;
    secrets.setAvailable(false);
    QCOMPARE(
        run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("helm"),
                QStringLiteral("--base-url"), QStringLiteral("http://localhost:8080"),
                QStringLiteral("--auth"), QStringLiteral("basic"), QStringLiteral("--username"),
                QStringLiteral("demo"), QStringLiteral("--secret-stdin")},
            &secrets, "demo\n"),
        ExitNoAnswer);
    ProfileStore store;
    QVERIFY(store.load());
    QVERIFY(!store.contains(QStringLiteral("helm")));

    // An empty secret is invalid input, and nothing is saved either.
    MemorySecretStore working;
    QCOMPARE(
        run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("helm"),
                QStringLiteral("--base-url"), QStringLiteral("http://localhost:8080"),
                QStringLiteral("--auth"), QStringLiteral("basic"), QStringLiteral("--username"),
                QStringLiteral("demo"), QStringLiteral("--secret-stdin")},
            &working, "\n"),
        ExitUsage);
    QVERIFY(store.load());
    QVERIFY(!store.contains(QStringLiteral("helm")));
}

void TestCliProfileCommand::addExistingNameFails()
{
    MemorySecretStore secrets;
    const QStringList add {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("dev"),
        QStringLiteral("--base-url"), QStringLiteral("http://a:8080")};
    QCOMPARE(run(add, &secrets), 0);
    QStringList again = add;
    again[2] = QStringLiteral("DEV"); // names are unique case-insensitively
    again[4] = QStringLiteral("http://b:8080");
    QCOMPARE(run(again, &secrets), ExitUsage);
    ProfileStore store;
    QVERIFY(store.load());
    QCOMPARE(store.find(QStringLiteral("dev"))->apiAddress, QStringLiteral("http://a:8080"));
}

void TestCliProfileCommand::showUnknownFails()
{
    MemorySecretStore secrets;
    QCOMPARE(
        run({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("nope")}, &secrets),
        ExitUsage);
    QCOMPARE(run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("nope")},
                 &secrets),
        ExitUsage);
}

void TestCliProfileCommand::removeTakesTheSecretsAlong()
{
    MemorySecretStore secrets;
    QCOMPARE(run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("proxy"),
                     QStringLiteral("--base-url"), QStringLiteral("https://proxy.example"),
                     QStringLiteral("--auth"), QStringLiteral("bearer"),
                     QStringLiteral("--secret-stdin")},
                 &secrets, "tok"),
        0);
    QCOMPARE(secrets.size(), 1);
    QCOMPARE(
        run({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("proxy")}, &secrets),
        0);
    QCOMPARE(run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("proxy")},
                 &secrets),
        0);
    QCOMPARE(secrets.size(), 0);
    ProfileStore store;
    QVERIFY(store.load());
    QVERIFY(!store.contains(QStringLiteral("proxy")));
}

void TestCliProfileCommand::removeWithoutKeychainStillRemoves()
{
    MemorySecretStore secrets;
    QCOMPARE(run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("helm"),
                     QStringLiteral("--base-url"), QStringLiteral("http://localhost:8080"),
                     QStringLiteral("--auth"), QStringLiteral("basic"),
                     QStringLiteral("--username"), QStringLiteral("demo")},
                 &secrets),
        0);
    secrets.setAvailable(false); // no keychain: nothing can be stored in it, so nothing blocks
    QCOMPARE(run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("helm")},
                 &secrets),
        0);
    ProfileStore store;
    QVERIFY(store.load());
    QVERIFY(!store.contains(QStringLiteral("helm")));
}

void TestCliProfileCommand::listAsJsonHasNoSecret()
{
    MemorySecretStore secrets;
    QCOMPARE(
        run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("helm"),
                QStringLiteral("--base-url"), QStringLiteral("http://localhost:8080"),
                QStringLiteral("--auth"), QStringLiteral("basic"), QStringLiteral("--username"),
                QStringLiteral("demo"), QStringLiteral("--secret-stdin")},
            &secrets, "pa55word"),
        0);
    ProfileStore store;
    QVERIFY(store.load());
    const QByteArray json = formatProfileList(store.profiles(), true);
    QVERIFY(!json.contains("pa55word"));
    const QJsonArray array = QJsonDocument::fromJson(json).array();
    QCOMPARE(array.size(), 1);
    QCOMPARE(
        array.first().toObject().value(QLatin1String("name")).toString(), QStringLiteral("helm"));
    QCOMPARE(
        array.first().toObject().value(QLatin1String("auth")).toString(), QStringLiteral("basic"));
    const QByteArray text = formatProfileList(store.profiles(), false);
    QCOMPARE(text, QByteArray("helm\thttp://localhost:8080\tdev\tbasic\n"));
}

QTEST_GUILESS_MAIN(TestCliProfileCommand)
#include "tst_CliProfileCommand.moc"
