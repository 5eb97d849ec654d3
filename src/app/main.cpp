// SPDX-License-Identifier: GPL-3.0-or-later
// jobdesk: the desktop window. Resolves the connection exactly as jobdesk-cli does (--profile,
// else --base-url / CAMUNDA_REST_ADDRESS / ZEEBE_REST_ADDRESS / http://localhost:8080 and the
// Camunda SDK variables, through ConnectionFactory), reads a profile's secrets from the keychain,
// then shows the window. A first start with nothing configured offers to set up a connection.
#include "core/base/AppInfo.h"
#include "core/base/Logging.h"
#include "core/connection/ConnectionFactory.h"
#include "core/connection/KeychainSecretStore.h"
#include "core/connection/Profile.h"
#include "core/connection/ProfileStore.h"
#include "core/connection/SdkEnvironment.h"
#include "core/history/HistoryStore.h"
#include "core/templates/DraftStore.h"
#include "core/templates/TemplateStore.h"
#include "gui/ConnectionController.h"
#include "gui/MainWindow.h"
#include "gui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QTimer>
#include <QWindow>

#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace JobDesk;

namespace {

constexpr int kExitUsage = 2;

int fail(const QString &message)
{
    std::fprintf(stderr, "jobdesk: %s\n", qPrintable(message));
    return kExitUsage;
}

/// Benchmarks: JOBDESK_QUIT_AFTER_SHOW=1 ends the process as soon as the window is exposed and
/// painted (bench/startup-rss.sh; bench/minimal_window.cpp ends the same way).
void quitAfterFirstExpose(QWidget *window)
{
    if (qEnvironmentVariableIntValue("JOBDESK_QUIT_AFTER_SHOW") == 0)
        return;
    QWindow *handle = window->windowHandle();
    auto *watcher = new QObject(window);
    struct Filter : QObject
    {
        using QObject::QObject;
        bool eventFilter(QObject *watched, QEvent *event) override
        {
            if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed()) {
                startupMark("first expose");
                // The expose paints the first frame right after this filter; end there, before
                // the deferred start-up and the teardown (neither is "start-up to first frame").
                QTimer::singleShot(0, [] { std::_Exit(0); });
            }
            return false;
        }
    };
    handle->installEventFilter(new Filter(watcher));
}

/// Everything that must live as long as the window.
struct Session
{
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<KeychainSecretStore> secrets;
    HistoryStore history;
    DraftStore drafts;
    TemplateStore templates;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<ConnectionController> controller;
};

} // namespace

int main(int argc, char *argv[])
{
    startupMark("main");
    QApplication app(argc, argv);
    startupMark("QApplication");
    AppInfo::applyToApplication();
    QGuiApplication::setApplicationDisplayName(AppInfo::name());
    QGuiApplication::setDesktopFileName(AppInfo::applicationId());

    installTranslations(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("Complete Camunda 8 jobs by hand through the REST API."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption baseUrlOption(QStringLiteral("base-url"),
        QObject::tr("API address (default: $CAMUNDA_REST_ADDRESS, $ZEEBE_REST_ADDRESS, "
                    "http://localhost:8080)."),
        QStringLiteral("url"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
        QObject::tr("Use a saved connection profile."), QStringLiteral("name"));
    parser.addOption(baseUrlOption);
    parser.addOption(profileOption);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        return fail(QObject::tr("unexpected argument '%1' (see --help)")
                        .arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(profileOption) && parser.isSet(baseUrlOption))
        return fail(QObject::tr("--profile and --base-url cannot be combined"));

    startupMark("arguments");
    Session session;
    session.nam = std::make_unique<QNetworkAccessManager>();
    std::optional<QString> baseUrl;
    if (parser.isSet(baseUrlOption))
        baseUrl = parser.value(baseUrlOption);
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The address-only connection ("No profile"): --base-url, else the SDK variables.
    ResolvedConnection address = ConnectionFactory::fromEnvironment(baseUrl, environment);
    ProfileStore profiles;
    profiles.load();
    QString profileName;
    if (parser.isSet(profileOption))
        profileName = parser.value(profileOption);
    else if (!baseUrl)
        profileName = profiles.startupProfile() ? profiles.startupProfile()->name : QString();
    if (!address.ok()) {
        if (baseUrl || profileName.isEmpty())
            return fail(address.error);
        address = ConnectionFactory::fromEnvironment(
            QString::fromLatin1(SdkEnvironment::kDefaultAddress), {});
    }
    // A first start: nothing says where to go. Ask instead of quietly using localhost:8080.
    const bool firstStart = profileName.isEmpty() && !baseUrl && profiles.profiles().isEmpty()
        && !profiles.isCorrupt() && !ConnectionFactory::environmentHasAddress(environment);

    startupMark("profiles and address");
    // The history is opened by the window right after its first frame (MainWindow::finishStartup);
    // one that cannot be opened is shown there (requests still work).
    session.window = std::make_unique<MainWindow>(
        address.connection, session.nam.get(), &session.history, &session.drafts);
    startupMark("MainWindow");
    session.window->setTemplateStore(&session.templates);
    startupMark("templates");
    session.secrets = std::make_unique<KeychainSecretStore>();
    session.controller = std::make_unique<ConnectionController>(
        session.window.get(), session.nam.get(), session.secrets.get());
    session.controller->setAddressConnection(address);
    startupMark("controller");
    session.window->show();
    startupMark("show()");
    quitAfterFirstExpose(session.window.get());
    // Unknown or unusable profile: a banner in the window, the address-only connection stays.
    if (!profileName.isEmpty())
        session.controller->switchToProfile(profileName);
    else if (firstStart && qEnvironmentVariableIntValue("JOBDESK_QUIT_AFTER_SHOW") == 0)
        QTimer::singleShot(
            0, session.controller.get(), &ConnectionController::offerFirstConnection);
    const int code = QApplication::exec();
    session.controller.reset();
    session.window.reset();
    return code;
}
