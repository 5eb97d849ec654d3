// SPDX-License-Identifier: GPL-3.0-or-later
// Switching profiles in the running window against the real sandbox in --auth basic and
// --auth oauth modes: title, chip and address follow the picker; a basic and an OAuth profile
// complete jobs; production asks first and "No" sends nothing; without a keychain the secret is
// asked for and kept for this run only.
#include "core/connection/ConnectionFactory.h"
#include "core/connection/LocalSandbox.h"
#include "core/connection/ProfileStore.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "gui/Confirm.h"
#include "gui/ConnectionBar.h"
#include "gui/ConnectionController.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/ProfileEditorDialog.h"
#include "gui/ProfilePicker.h"
#include "gui/TagChip.h"
#include "gui/WindowSettings.h"
#include "support/SandboxProcess.h"
#include "support/TestPaths.h"

#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

class TestConnectionController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void pickerSwitchesTitleChipAndAddress();
    void unknownProfileIsABanner();
    void basicProfileCompletesAJob();
    void oauthProfileCompletesAJob();
    void productionNoSendsNothing();
    void noKeychainKeepsTheSecretForThisRun();
    void hooksInsteadOfReachingIn();
    void gatewayVersionIsReadOnceAndShown();
    void firstStartOffersTheLocalSandbox();
    void firstStartProfileBecomesTheConnection();
    void firstStartImportsTheEnvironment();

private:
    struct Window
    {
        QNetworkAccessManager nam;
        HistoryStore history;
        MemorySecretStore keychain;
        std::unique_ptr<MainWindow> window;
        std::unique_ptr<ConnectionController> controller;
        Window()
        {
            history.open();
            Connection connection;
            connection.apiRoot = QUrl(QStringLiteral("http://127.0.0.1:9/v2/"));
            window = std::make_unique<MainWindow>(connection, &nam, &history, nullptr);
            controller = std::make_unique<ConnectionController>(window.get(), &nam, &keychain);
            controller->setAddressConnection(ResolvedConnection {connection, {}, {}, {}});
        }
        bool switchTo(const QString &name)
        {
            QSignalSpy changed(controller.get(), &ConnectionController::connectionChanged);
            return controller->switchToProfile(name) && (changed.count() > 0 || changed.wait(5000));
        }
        bool completes(const QString &key)
        {
            window->findChild<QLineEdit *>(QStringLiteral("jobKeyLineEdit"))->setText(key);
            QSignalSpy finished(window.get(), &MainWindow::requestFinished);
            window->send();
            if (!finished.wait(10000))
                return false;
            return finished.constFirst().constFirst().value<Outcome>().ok();
        }
    };

    static Profile profile(const QString &name, const QUrl &base, Profile::AuthKind kind,
        Profile::Environment environment = Profile::Environment::Dev);
    QStringList createdKeys(const SandboxProcess &sandbox);
    void storeProfiles(Window &w);

    SandboxProcess m_basic;
    SandboxProcess m_oauth;
};

Profile TestConnectionController::profile(
    const QString &name, const QUrl &base, Profile::AuthKind kind, Profile::Environment environment)
{
    Profile p;
    p.name = name;
    p.apiAddress = base.toString();
    p.authKind = kind;
    p.environment = environment;
    if (kind == Profile::AuthKind::Basic)
        p.username = QStringLiteral("demo");
    if (kind == Profile::AuthKind::OAuth) {
        p.tokenUrl = base.toString() + QStringLiteral("/oauth/token");
        p.clientId = QStringLiteral("jobdesk-sandbox");
    }
    return p;
}

void TestConnectionController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_basic.start(
                 {QStringLiteral("--demo"), QStringLiteral("--auth"), QStringLiteral("basic")}),
        qPrintable(m_basic.error()));
    QVERIFY2(m_oauth.start(
                 {QStringLiteral("--demo"), QStringLiteral("--auth"), QStringLiteral("oauth")}),
        qPrintable(m_oauth.error()));
}

void TestConnectionController::init()
{
    QFile::remove(ProfileStore::defaultPath());
    QFile::remove(HistoryStore::defaultPath());
    QFile::remove(HistoryStore::defaultPath() + QStringLiteral("-wal"));
    QFile::remove(HistoryStore::defaultPath() + QStringLiteral("-shm"));
    QFile::remove(WindowSettings::path());
    QFile::remove(GatewayVersionCache::defaultPath());
}

void TestConnectionController::cleanup()
{
    init();
}

void TestConnectionController::storeProfiles(Window &w)
{
    ProfileStore &store = w.controller->profiles();
    QVERIFY(store.add(
        profile(QStringLiteral("helm-dev"), m_basic.baseUrl(), Profile::AuthKind::Basic)));
    QVERIFY(store.add(profile(QStringLiteral("saas-test"), m_oauth.baseUrl(),
        Profile::AuthKind::OAuth, Profile::Environment::Test)));
    QVERIFY(store.add(profile(QStringLiteral("helm-prod"), m_basic.baseUrl(),
        Profile::AuthKind::Basic, Profile::Environment::Prod)));
    w.keychain.write(profileSecretKey(QStringLiteral("helm-dev"), SecretKind::Password), "demo",
        &w.keychain, [](const SecretJob &) {});
    w.keychain.write(profileSecretKey(QStringLiteral("helm-prod"), SecretKind::Password), "demo",
        &w.keychain, [](const SecretJob &) {});
    w.keychain.write(profileSecretKey(QStringLiteral("saas-test"), SecretKind::ClientSecret),
        "sandbox-secret", &w.keychain, [](const SecretJob &) {});
    QTRY_COMPARE(w.keychain.size(), 3);
    w.controller->reloadProfiles();
}

QStringList TestConnectionController::createdKeys(const SandboxProcess &sandbox)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(sandbox.baseUrl().resolved(QUrl(QStringLiteral("/v2/jobs/search"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Basic " + QByteArrayLiteral("demo:demo").toBase64());
    QNetworkReply *reply = nam.post(request,
        QByteArrayLiteral("{\"filter\": {\"state\": \"CREATED\", \"kind\": \"BPMN_ELEMENT\"}, "
                          "\"page\": {\"limit\": 100}}"));
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    QStringList keys;
    const QJsonArray items = QJsonDocument::fromJson(reply->readAll())
                                 .object()
                                 .value(QStringLiteral("items"))
                                 .toArray();
    for (const QJsonValue &item : items)
        keys.append(item.toObject().value(QStringLiteral("jobKey")).toString());
    reply->deleteLater();
    return keys;
}

void TestConnectionController::pickerSwitchesTitleChipAndAddress()
{
    Window w;
    storeProfiles(w);
    if (QTest::currentTestFailed())
        return;
    auto *combo = w.window->findChild<QComboBox *>(QStringLiteral("profileComboBox"));
    auto *chip = w.window->findChild<QLabel *>(QStringLiteral("environmentTagLabel"));
    auto *address = w.window->findChild<QLabel *>(QStringLiteral("addressLabel"));
    QVERIFY(combo && chip && address);
    QCOMPARE(combo->count(), 4); // no profile + 3
    QCOMPARE(combo->itemText(0), QStringLiteral("No profile (address only)"));

    QSignalSpy changed(w.controller.get(), &ConnectionController::connectionChanged);
    const int prod = combo->findData(QStringLiteral("helm-prod"));
    QVERIFY(prod > 0);
    combo->setCurrentIndex(prod);
    emit combo->activated(prod);
    QVERIFY(changed.wait(5000));
    QVERIFY(w.window->windowTitle().startsWith(QStringLiteral("JobDesk")));
    QVERIFY(w.window->windowTitle().contains(QStringLiteral("helm-prod")));
    QCOMPARE(chip->text(), QStringLiteral("PRODUCTION"));
    QCOMPARE(
        w.controller->picker()->chipColour(), defaultEnvironmentColour(Profile::Environment::Prod));
    QCOMPARE(qobject_cast<TagChip *>(chip)->colour(),
        QColor(defaultEnvironmentColour(Profile::Environment::Prod)));
    QVERIFY(w.window->connectionBar()->isProductionMarked());
    {
        ConnectionBar *bar = w.window->connectionBar();
        const QImage image = bar->grab().toImage();
        QCOMPARE(image.pixelColor(bar->width() / 2, 1).rgb(), QColor(0xd6, 0x3b, 0x3b).rgb());
    }
    QVERIFY(address->text().startsWith(m_basic.baseUrlString()));
    QVERIFY(w.window->connection().isProduction());
    ProfileStore reread;
    QVERIFY(reread.load());
    QCOMPARE(reread.lastUsedProfileName(), QStringLiteral("helm-prod"));

    const int test = combo->findData(QStringLiteral("saas-test"));
    combo->setCurrentIndex(test);
    emit combo->activated(test);
    QVERIFY(changed.wait(5000));
    QVERIFY(w.window->windowTitle().contains(QStringLiteral("saas-test")));
    QCOMPARE(chip->text(), QStringLiteral("TEST"));
    QCOMPARE(
        w.controller->picker()->chipColour(), defaultEnvironmentColour(Profile::Environment::Test));
    QVERIFY(!w.window->connectionBar()->isProductionMarked());
    QVERIFY(address->text().startsWith(m_oauth.baseUrlString()));
    QVERIFY(!w.window->connection().isProduction());

    combo->setCurrentIndex(0);
    emit combo->activated(0);
    QTRY_COMPARE(w.window->connection().profileName, QString());
    QCOMPARE(w.window->client()->apiRoot(), QUrl(QStringLiteral("http://127.0.0.1:9/v2/")));
    QCOMPARE(chip->text(), QStringLiteral("NO PROFILE"));
}

void TestConnectionController::unknownProfileIsABanner()
{
    Window w;
    QVERIFY(!w.controller->switchToProfile(QStringLiteral("nope")));
    QVERIFY(w.window->banner()->headline().contains(QStringLiteral("nope")));
    QCOMPARE(w.window->connection().profileName, QString());
}

void TestConnectionController::basicProfileCompletesAJob()
{
    Window w;
    storeProfiles(w);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(w.switchTo(QStringLiteral("helm-dev")));
    const QStringList keys = createdKeys(m_basic);
    QVERIFY(!keys.isEmpty());
    QVERIFY(w.completes(keys.constFirst()));
    QVERIFY(!createdKeys(m_basic).contains(keys.constFirst()));
}

void TestConnectionController::oauthProfileCompletesAJob()
{
    Window w;
    storeProfiles(w);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(w.switchTo(QStringLiteral("saas-test")));
    QCOMPARE(w.window->connection().auth.kind, AuthKind::OAuth);
    QCOMPARE(w.window->client()->authProvider()->kind(), QStringLiteral("oauth"));
    // The oauth sandbox: search with a token of our own to find a key.
    QStringList keys;
    {
        QNetworkAccessManager nam;
        JobsClient client(&nam);
        client.setApiRoot(m_oauth.baseUrl());
        client.setAuthProvider(w.window->client()->authProvider());
        ApiCall *call = client.send(QByteArrayLiteral("POST"), QStringLiteral("jobs/search"),
            QByteArrayLiteral(
                "{\"filter\": {\"state\": \"CREATED\", \"kind\": \"BPMN_ELEMENT\"}}"));
        QSignalSpy done(call, &ApiCall::finished);
        QVERIFY(done.wait(10000));
        const Outcome outcome = done.constFirst().constFirst().value<Outcome>();
        QVERIFY2(outcome.ok(), qPrintable(outcome.transportError));
        const QJsonArray items = QJsonDocument::fromJson(outcome.rawBody)
                                     .object()
                                     .value(QStringLiteral("items"))
                                     .toArray();
        for (const QJsonValue &item : items)
            keys.append(item.toObject().value(QStringLiteral("jobKey")).toString());
    }
    QVERIFY(!keys.isEmpty());
    QVERIFY(w.completes(keys.constFirst()));
}

void TestConnectionController::productionNoSendsNothing()
{
    Window w;
    storeProfiles(w);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(w.switchTo(QStringLiteral("helm-prod")));
    const QStringList keys = createdKeys(m_basic);
    QVERIFY(!keys.isEmpty());
    w.window->findChild<QLineEdit *>(QStringLiteral("jobKeyLineEdit"))->setText(keys.constFirst());
    const int asked = Confirm::askedCount();
    Confirm::setNextAnswer(false);
    w.window->send();
    QCOMPARE(Confirm::askedCount(), asked + 1);
    QVERIFY(!w.window->isSending());
    QCOMPARE(w.history.count().value_or(-1), 0);
    QVERIFY(createdKeys(m_basic).contains(keys.constFirst())); // still CREATED
}

void TestConnectionController::noKeychainKeepsTheSecretForThisRun()
{
    Window w;
    storeProfiles(w);
    if (QTest::currentTestFailed())
        return;
    w.keychain.setAvailable(false);
    int prompts = 0;
    w.controller->setSecretPrompt([&prompts](const Profile &, SecretKind kind) {
        ++prompts;
        return kind == SecretKind::Password ? std::optional<QByteArray>("demo") : std::nullopt;
    });
    QVERIFY(w.switchTo(QStringLiteral("helm-dev")));
    QCOMPARE(prompts, 1);
    QCOMPARE(w.window->banner()->headline(),
        QStringLiteral("No keychain available: the secret is kept for this run only"));
    QCOMPARE(w.controller->sessionSecrets()->value(
                 profileSecretKey(QStringLiteral("helm-dev"), SecretKind::Password)),
        std::optional<QByteArray>("demo"));
    const QStringList keys = createdKeys(m_basic);
    QVERIFY(!keys.isEmpty());
    QVERIFY(w.completes(keys.constFirst()));
    // A second switch uses the secret kept for this run without asking again.
    QVERIFY(w.switchTo(QStringLiteral("helm-dev")));
    QCOMPARE(prompts, 1);
}

void TestConnectionController::hooksInsteadOfReachingIn()
{
    auto w = std::make_unique<Window>();
    // The picker sits in the bar through its hook, "Manage profiles…" heads the File menu.
    QCOMPARE(w->window->connectionBar()->leadingWidget(), w->controller->picker());
    QMenu *file = w->window->fileMenu();
    QVERIFY(file);
    auto *manage = w->window->findChild<QAction *>(QStringLiteral("manageProfilesAction"));
    QVERIFY(!manage); // the controller owns it, not the window
    QVERIFY(file->actions().size() >= 2);
    QCOMPARE(file->actions().constFirst()->objectName(), QStringLiteral("manageProfilesAction"));
    const int withController = int(file->actions().size());
    // The controller's action and separator leave with it; the window stays whole.
    w->controller.reset();
    QCOMPARE(int(file->actions().size()), withController - 2);
    QVERIFY(w->window->connectionBar()->leadingWidget()); // the bar's child now
}

void TestConnectionController::gatewayVersionIsReadOnceAndShown()
{
    Window w;
    storeProfiles(w);
    if (QTest::currentTestFailed())
        return;
    QSignalSpy known(w.controller.get(), &ConnectionController::gatewayVersionKnown);
    QVERIFY(w.switchTo(QStringLiteral("helm-dev")));
    QVERIFY(known.wait(10000));
    const QString version = known.constLast().constFirst().toString();
    QVERIFY(!version.isEmpty());
    QVERIFY2(w.window->connectionBar()->gatewayVersionText().contains(version),
        qPrintable(w.window->connectionBar()->gatewayVersionText()));
    QCOMPARE(w.controller->gatewayVersions().version(w.window->connection().apiRoot),
        std::optional<QString>(version));
    // Back to the same server: the remembered version, at once, no request.
    known.clear();
    QVERIFY(w.switchTo(QStringLiteral("helm-prod")));
    QCOMPARE(known.count(), 1);
    QVERIFY(w.window->connectionBar()->gatewayVersionText().contains(version));
}

void TestConnectionController::firstStartOffersTheLocalSandbox()
{
    Window w;
    w.controller->localSandbox()->setProgram(
        TestPaths::executable(QStringLiteral("jobdesk-sandbox")));
    bool sandboxOffered = false;
    w.controller->setFirstStartChooser([&sandboxOffered](bool, bool sandbox) {
        sandboxOffered = sandbox;
        return FirstStartDialog::Choice::LocalSandbox;
    });
    QSignalSpy changed(w.controller.get(), &ConnectionController::connectionChanged);
    w.controller->offerFirstConnection();
    QVERIFY(sandboxOffered);
    QVERIFY(changed.wait(15000));
    const QUrl address = w.controller->localSandbox()->address();
    QVERIFY(address.isValid());
    QCOMPARE(w.window->connection().apiRoot, address.resolved(QUrl(QStringLiteral("/v2/"))));
    QVERIFY2(w.window->banner()->headline().contains(QStringLiteral("local sandbox")),
        qPrintable(w.window->banner()->headline()));
    // It serves demo jobs: one completes.
    QNetworkAccessManager nam;
    QNetworkRequest request(address.resolved(QUrl(QStringLiteral("/v2/jobs/search"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.post(request,
        QByteArrayLiteral("{\"filter\": {\"state\": \"CREATED\", \"kind\": \"BPMN_ELEMENT\"}}"));
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    const QJsonArray items = QJsonDocument::fromJson(reply->readAll())
                                 .object()
                                 .value(QStringLiteral("items"))
                                 .toArray();
    reply->deleteLater();
    QVERIFY(!items.isEmpty());
    QVERIFY(w.completes(items.first().toObject().value(QStringLiteral("jobKey")).toString()));
}

void TestConnectionController::firstStartProfileBecomesTheConnection()
{
    Window w;
    w.controller->setFirstStartChooser(
        [](bool, bool) { return FirstStartDialog::Choice::NewProfile; });
    const QString address = m_basic.baseUrlString();
    w.controller->setEditorRunner([address](ProfileEditorDialog &dialog) {
        // What a person does in the editor the offer opened: fill in the new profile and save.
        auto edit = [&dialog](const char *name) {
            return dialog.findChild<QLineEdit *>(QLatin1String(name));
        };
        edit("nameLineEdit")->setText(QStringLiteral("first"));
        edit("addressLineEdit")->setText(address);
        auto *auth = dialog.findChild<QComboBox *>(QStringLiteral("authKindComboBox"));
        auth->setCurrentIndex(auth->findData(int(AuthKind::Basic)));
        edit("usernameLineEdit")->setText(QStringLiteral("demo"));
        edit("secretLineEdit")->setText(QStringLiteral("demo"));
        QSignalSpy written(&dialog, &ProfileEditorDialog::secretsWritten);
        QVERIFY(dialog.saveProfile());
        QVERIFY(written.count() == 1 || written.wait(5000));
    });
    QSignalSpy changed(w.controller.get(), &ConnectionController::connectionChanged);
    w.controller->offerFirstConnection();
    QVERIFY(changed.count() > 0 || changed.wait(5000));
    QCOMPARE(w.controller->currentProfile(), QStringLiteral("first"));
    QCOMPARE(w.window->connection().profileName, QStringLiteral("first"));
    const QStringList keys = createdKeys(m_basic);
    QVERIFY(!keys.isEmpty());
    QVERIFY(w.completes(keys.constFirst()));
}

void TestConnectionController::firstStartImportsTheEnvironment()
{
    Window w;
    qputenv("CAMUNDA_REST_ADDRESS", m_basic.baseUrlString().toUtf8());
    qputenv("CAMUNDA_BASIC_AUTH_USERNAME", "demo");
    qputenv("CAMUNDA_BASIC_AUTH_PASSWORD", "demo");
    bool environmentOffered = false;
    w.controller->setFirstStartChooser([&environmentOffered](bool environment, bool) {
        environmentOffered = environment;
        return FirstStartDialog::Choice::ImportEnvironment;
    });
    QString imported;
    w.controller->setEditorRunner([&imported](ProfileEditorDialog &dialog) {
        imported = dialog.profileFromFields().apiAddress;
        QSignalSpy written(&dialog, &ProfileEditorDialog::secretsWritten);
        QVERIFY(dialog.saveProfile());
        QVERIFY(written.count() == 1 || written.wait(5000));
    });
    QSignalSpy changed(w.controller.get(), &ConnectionController::connectionChanged);
    w.controller->offerFirstConnection();
    qunsetenv("CAMUNDA_REST_ADDRESS");
    qunsetenv("CAMUNDA_BASIC_AUTH_USERNAME");
    qunsetenv("CAMUNDA_BASIC_AUTH_PASSWORD");
    QVERIFY(environmentOffered);
    QCOMPARE(imported, m_basic.baseUrlString());
    QVERIFY(changed.count() > 0 || changed.wait(5000));
    QVERIFY(!w.controller->currentProfile().isEmpty());
    // The imported password went to the keychain with the profile.
    QCOMPARE(
        w.keychain.value(profileSecretKey(w.controller->currentProfile(), SecretKind::Password)),
        std::optional<QByteArray>("demo"));
}

QTEST_MAIN(TestConnectionController)
#include "tst_ConnectionController.moc"
