// SPDX-License-Identifier: GPL-3.0-or-later
// The profile editor: validation at the fields, save without any secret in profiles.json,
// remove takes the secrets along, import of a Console credentials file, "Test connection"
// against the sandbox in --auth basic mode, and the no-keychain path.
#include "core/connection/ProfileStore.h"
#include "core/connection/SecretStore.h"
#include "gui/ProfileEditorDialog.h"
#include "gui/ProfileForm.h"
#include "support/SandboxProcess.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

class TestProfileEditorDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void validationAtTheFields_data();
    void validationAtTheFields();
    void authKindShowsItsFields();
    void saveKeepsTheSecretOutOfTheFile();
    void removeTakesTheSecretsAlong();
    void importConsoleCredentialsFile();
    void testConnection_data();
    void testConnection();
    void noKeychainKeepsTheSecretForThisRun();
    void refusalDoesNotOutliveTheFix();
    void secretHintSaysWhatIsStored();
    void deadAddressEndsItsSentenceOnce();
    void tenantIsSaved();

private:
    struct Dialog
    {
        ProfileStore store;
        MemorySecretStore keychain;
        MemorySecretStore session;
        QNetworkAccessManager nam;
        std::unique_ptr<ProfileEditorDialog> dialog;
        Dialog()
        {
            store.load();
            dialog = std::make_unique<ProfileEditorDialog>(&store, &keychain, &session, &nam);
        }
        QLineEdit *edit(const char *name) const
        {
            return dialog->findChild<QLineEdit *>(QLatin1String(name));
        }
        void setAuth(Profile::AuthKind kind) const
        {
            auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("authKindComboBox"));
            combo->setCurrentIndex(combo->findData(int(kind)));
        }
        void fillBasic(const QString &name, const QString &address, const QString &secret) const
        {
            edit("nameLineEdit")->setText(name);
            edit("addressLineEdit")->setText(address);
            setAuth(Profile::AuthKind::Basic);
            edit("usernameLineEdit")->setText(QStringLiteral("demo"));
            edit("secretLineEdit")->setText(secret);
        }
    };
    SandboxProcess m_sandbox;
};

void TestProfileEditorDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_sandbox.start(
                 {QStringLiteral("--demo"), QStringLiteral("--auth"), QStringLiteral("basic")}),
        qPrintable(m_sandbox.error()));
}

void TestProfileEditorDialog::init()
{
    QFile::remove(ProfileStore::defaultPath());
}

void TestProfileEditorDialog::validationAtTheFields_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("username");
    QTest::addColumn<bool>("valid");
    QTest::newRow("fine") << "helm"
                          << "http://localhost:8080"
                          << "demo" << true;
    QTest::newRow("no name") << ""
                             << "http://localhost:8080"
                             << "demo" << false;
    QTest::newRow("slash in name") << "a/b"
                                   << "http://localhost:8080"
                                   << "demo" << false;
    QTest::newRow("no address") << "helm"
                                << ""
                                << "demo" << false;
    QTest::newRow("not http") << "helm"
                              << "ftp://x"
                              << "demo" << false;
    QTest::newRow("basic without user") << "helm"
                                        << "http://localhost:8080"
                                        << "" << false;
}

void TestProfileEditorDialog::validationAtTheFields()
{
    QFETCH(QString, name);
    QFETCH(QString, address);
    QFETCH(QString, username);
    QFETCH(bool, valid);
    Dialog d;
    d.fillBasic(name, address, QStringLiteral("pw"));
    d.edit("usernameLineEdit")->setText(username);
    auto *save = d.dialog->findChild<QPushButton *>(QStringLiteral("savePushButton"));
    QCOMPARE(d.dialog->validationText().isEmpty(), valid);
    QCOMPARE(d.dialog->validationText(), d.dialog->profileFromFields().validationError());
    QCOMPARE(save->isEnabled(), valid);
    // The message is red through the palette, not a style sheet.
    auto *label = d.dialog->findChild<QLabel *>(QStringLiteral("validationLabel"));
    QCOMPARE(label->palette().color(QPalette::WindowText), QColor(0xd6, 0x3b, 0x3b));
    QVERIFY(label->styleSheet().isEmpty());
    QCOMPARE(d.dialog->saveProfile(), valid);
    QCOMPARE(d.store.profiles().size(), valid ? 1 : 0);
}

void TestProfileEditorDialog::authKindShowsItsFields()
{
    Dialog d;
    d.dialog->show();
    d.setAuth(Profile::AuthKind::None);
    QVERIFY(!d.edit("secretLineEdit")->isVisible());
    QVERIFY(!d.edit("usernameLineEdit")->isVisible());
    d.setAuth(Profile::AuthKind::OAuth);
    QVERIFY(d.edit("clientIdLineEdit")->isVisible());
    QVERIFY(d.edit("tokenUrlLineEdit")->isVisible());
    QVERIFY(!d.edit("usernameLineEdit")->isVisible());
    QVERIFY(d.edit("secretLineEdit")->isVisible());
    QCOMPARE(d.edit("secretLineEdit")->echoMode(), QLineEdit::Password);
    d.setAuth(Profile::AuthKind::Basic);
    QVERIFY(d.edit("usernameLineEdit")->isVisible());
    QVERIFY(!d.edit("clientIdLineEdit")->isVisible());
}

void TestProfileEditorDialog::saveKeepsTheSecretOutOfTheFile()
{
    Dialog d;
    d.fillBasic(QStringLiteral("helm-dev"), m_sandbox.baseUrlString(),
        QStringLiteral("very-secret-pw-7431"));
    QSignalSpy written(d.dialog.get(), &ProfileEditorDialog::secretsWritten);
    QVERIFY(d.dialog->saveProfile());
    QVERIFY(written.count() == 1 || written.wait(5000));
    QCOMPARE(d.keychain.value(profileSecretKey(QStringLiteral("helm-dev"), SecretKind::Password)),
        std::optional<QByteArray>("very-secret-pw-7431"));
    QCOMPARE(d.session.size(), 0);
    QFile file(ProfileStore::defaultPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    QVERIFY(json.contains("helm-dev"));
    QVERIFY(!json.contains("very-secret-pw-7431"));
    QVERIFY(d.edit("secretLineEdit")->text().isEmpty());
    ProfileStore reread;
    QVERIFY(reread.load());
    QCOMPARE(reread.find(QStringLiteral("helm-dev"))->username, QStringLiteral("demo"));
}

void TestProfileEditorDialog::removeTakesTheSecretsAlong()
{
    Dialog d;
    d.fillBasic(QStringLiteral("gone"), m_sandbox.baseUrlString(), QStringLiteral("pw-1"));
    QSignalSpy written(d.dialog.get(), &ProfileEditorDialog::secretsWritten);
    QVERIFY(d.dialog->saveProfile());
    QVERIFY(written.count() == 1 || written.wait(5000));
    QCOMPARE(d.keychain.size(), 1);
    d.dialog->removeProfile();
    QVERIFY(!d.store.contains(QStringLiteral("gone")));
    QTRY_COMPARE(d.keychain.size(), 0);
}

void TestProfileEditorDialog::importConsoleCredentialsFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("credentials.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "export ZEEBE_ADDRESS='abc-123.bru-2.zeebe.camunda.io:443'\n"
        "export ZEEBE_CLIENT_ID='my-client'\n"
        "export ZEEBE_CLIENT_SECRET='imported-secret-99'\n"
        "export ZEEBE_AUTHORIZATION_SERVER_URL='https://login.cloud.camunda.io/oauth/token'\n"
        "export ZEEBE_TOKEN_AUDIENCE='zeebe.camunda.io'\n"
        "export CAMUNDA_CLUSTER_ID='abc-123'\n"
        "export CAMUNDA_CLUSTER_REGION='bru-2'\n");
    file.close();
    Dialog d;
    d.dialog->importCredentialsFile(path);
    QCOMPARE(d.edit("addressLineEdit")->text(),
        QStringLiteral("https://bru-2.zeebe.camunda.io/abc-123"));
    QCOMPARE(d.edit("clientIdLineEdit")->text(), QStringLiteral("my-client"));
    QCOMPARE(d.dialog->profileFromFields().authKind, Profile::AuthKind::OAuth);
    d.edit("nameLineEdit")->setText(QStringLiteral("saas"));
    QSignalSpy written(d.dialog.get(), &ProfileEditorDialog::secretsWritten);
    QVERIFY(d.dialog->saveProfile());
    QVERIFY(written.count() == 1 || written.wait(5000));
    QCOMPARE(d.keychain.value(profileSecretKey(QStringLiteral("saas"), SecretKind::ClientSecret)),
        std::optional<QByteArray>("imported-secret-99"));
}

void TestProfileEditorDialog::testConnection_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("words");
    QTest::newRow("right password") << "demo" << true << "accepted";
    QTest::newRow("wrong password") << "wrong" << false << "401 Unauthorized";
}

void TestProfileEditorDialog::testConnection()
{
    QFETCH(QString, secret);
    QFETCH(bool, ok);
    QFETCH(QString, words);
    Dialog d;
    d.fillBasic(QStringLiteral("helm"), m_sandbox.baseUrlString(), secret);
    QSignalSpy finished(d.dialog.get(), &ProfileEditorDialog::testFinished);
    QTest::mouseClick(
        d.dialog->findChild<QPushButton *>(QStringLiteral("testConnectionPushButton")),
        Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.constFirst().at(0).toBool(), ok);
    QVERIFY2(d.dialog->testResultText().contains(words), qPrintable(d.dialog->testResultText()));
    QCOMPARE(d.dialog->findChild<QLabel *>(QStringLiteral("testResultLabel"))
                 ->palette()
                 .color(QPalette::WindowText),
        ok ? QColor(0x2e, 0x9d, 0x4f) : QColor(0xd6, 0x3b, 0x3b));
    QCOMPARE(d.store.profiles().size(), 0); // testing saves nothing
}

void TestProfileEditorDialog::noKeychainKeepsTheSecretForThisRun()
{
    Dialog d;
    d.keychain.setAvailable(false);
    QSignalSpy noKeychain(d.dialog.get(), &ProfileEditorDialog::noKeychain);
    d.fillBasic(QStringLiteral("helm"), m_sandbox.baseUrlString(), QStringLiteral("run-only-pw"));
    QVERIFY(d.dialog->saveProfile());
    QVERIFY(noKeychain.wait(5000));
    QVERIFY(d.dialog->statusText().contains(QStringLiteral("No keychain available")));
    QTRY_COMPARE(d.session.value(profileSecretKey(QStringLiteral("helm"), SecretKind::Password)),
        std::optional<QByteArray>("run-only-pw"));
    QFile file(ProfileStore::defaultPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("run-only-pw"));
}

void TestProfileEditorDialog::refusalDoesNotOutliveTheFix()
{
    // Issue 16: "refused the credentials" stayed after the password was fixed and saved.
    Dialog d;
    d.fillBasic(QStringLiteral("helm"), m_sandbox.baseUrlString(), QStringLiteral("wrong"));
    QVERIFY(d.dialog->saveProfile());
    QSignalSpy finished(d.dialog.get(), &ProfileEditorDialog::testFinished);
    d.dialog->testConnection();
    QVERIFY(finished.wait(10000));
    QVERIFY(d.dialog->testResultText().contains(QStringLiteral("401")));
    // Typing the right password makes the old verdict stale at once …
    QTest::keyClicks(d.edit("secretLineEdit"), QStringLiteral("demo"));
    QCOMPARE(d.dialog->testResultText(), QString());
    // … and after saving it stays gone until the next test says something new.
    QSignalSpy written(d.dialog.get(), &ProfileEditorDialog::secretsWritten);
    QVERIFY(d.dialog->saveProfile());
    QVERIFY(written.count() == 1 || written.wait(5000));
    QCOMPARE(d.dialog->testResultText(), QString());
    finished.clear();
    d.dialog->testConnection();
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.constFirst().at(0).toBool(), qPrintable(d.dialog->testResultText()));
    QVERIFY(d.dialog->testResultText().contains(QStringLiteral("accepted")));
}

void TestProfileEditorDialog::secretHintSaysWhatIsStored()
{
    // Issue 16: a new Basic profile said "leave empty to keep the stored one" with nothing stored.
    Dialog d;
    d.fillBasic(QStringLiteral("fresh"), m_sandbox.baseUrlString(), QString());
    QCOMPARE(d.dialog->form()->secretHint(), QStringLiteral("nothing stored yet"));
    d.edit("secretLineEdit")->setText(QStringLiteral("pw"));
    QSignalSpy written(d.dialog.get(), &ProfileEditorDialog::secretsWritten);
    QVERIFY(d.dialog->saveProfile());
    QVERIFY(written.count() == 1 || written.wait(5000));
    QTRY_COMPARE(
        d.dialog->form()->secretHint(), QStringLiteral("leave empty to keep the stored one"));

    // A saved profile without a stored secret says so too.
    Profile bare;
    bare.name = QStringLiteral("bare");
    bare.apiAddress = m_sandbox.baseUrlString();
    bare.authKind = AuthKind::Basic;
    bare.username = QStringLiteral("demo");
    QVERIFY(d.store.add(bare));
    d.dialog->selectProfile(QStringLiteral("bare"));
    QTRY_COMPARE(d.dialog->form()->secretHint(), QStringLiteral("nothing stored yet"));
    d.dialog->selectProfile(QStringLiteral("fresh"));
    QTRY_COMPARE(
        d.dialog->form()->secretHint(), QStringLiteral("leave empty to keep the stored one"));
    d.dialog->addProfile();
    QCOMPARE(d.dialog->form()->secretHint(), QStringLiteral("nothing stored yet"));
}

void TestProfileEditorDialog::deadAddressEndsItsSentenceOnce()
{
    // Issue 16: "… is the cluster or port-forward running?." had a stray stop.
    Dialog d;
    d.edit("nameLineEdit")->setText(QStringLiteral("dead"));
    d.edit("addressLineEdit")->setText(QStringLiteral("http://127.0.0.1:1"));
    d.setAuth(Profile::AuthKind::None);
    QSignalSpy finished(d.dialog.get(), &ProfileEditorDialog::testFinished);
    d.dialog->testConnection();
    QVERIFY(finished.wait(10000));
    QVERIFY(!finished.constFirst().at(0).toBool());
    const QString text = d.dialog->testResultText();
    QVERIFY2(text.contains(QStringLiteral("running?")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("?.")), qPrintable(text));
}

void TestProfileEditorDialog::tenantIsSaved()
{
    Dialog d;
    d.fillBasic(QStringLiteral("tenanted"), m_sandbox.baseUrlString(), QStringLiteral("pw"));
    d.edit("tenantLineEdit")->setText(QStringLiteral(" tenant-a "));
    QVERIFY(d.dialog->saveProfile());
    ProfileStore reread;
    QVERIFY(reread.load());
    QCOMPARE(reread.find(QStringLiteral("tenanted"))->tenantId, QStringLiteral("tenant-a"));
}

QTEST_MAIN(TestProfileEditorDialog)
#include "tst_ProfileEditorDialog.moc"
