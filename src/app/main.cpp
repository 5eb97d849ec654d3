// SPDX-License-Identifier: GPL-3.0-or-later
// jobdesk: the desktop window. Resolves the connection exactly as jobdesk-cli does (--profile,
// else --base-url / CAMUNDA_REST_ADDRESS / ZEEBE_REST_ADDRESS / http://localhost:8080 and the
// Camunda SDK auth variables), reads a profile's secrets from the keychain, then shows the window.
#include "AppInfo.h"
#include "AuthProvider.h"
#include "ConnectionSettings.h"
#include "DraftStore.h"
#include "HistoryStore.h"
#include "JobsClient.h"
#include "KeychainSecretStore.h"
#include "MainWindow.h"
#include "OAuthClientCredentialsProvider.h"
#include "Profile.h"
#include "ProfileStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QTimer>
#include <QTranslator>
#include <QWindow>

#include <cstdio>
#include <memory>

using namespace JobDesk;

namespace {

constexpr int kExitUsage = 2;

int fail(const QString &message)
{
    std::fprintf(stderr, "jobdesk: %s\n", qPrintable(message));
    return kExitUsage;
}

/// Benchmarks: JOBDESK_QUIT_AFTER_SHOW=1 quits as soon as the window is exposed and painted.
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
            if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed())
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
            return false;
        }
    };
    handle->installEventFilter(new Filter(watcher));
}

/// Everything that must live as long as the window.
struct Session
{
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<AuthProvider> auth;
    std::unique_ptr<KeychainSecretStore> secrets;
    HistoryStore history;
    DraftStore drafts;
    std::unique_ptr<MainWindow> window;
    Cli::ConnectionSettings connection;
    std::optional<Profile> profile;
    QList<SecretKind> pendingSecrets;
};

void showWindow(Session &session)
{
    session.auth = Cli::createAuthProvider(session.connection.auth, session.nam.get());
    if (auto *oauth = qobject_cast<OAuthClientCredentialsProvider *>(session.auth.get()))
        oauth->setTlsOptions(session.connection.tls);

    MainWindow::Connection connection;
    connection.apiRoot = session.connection.apiRoot;
    connection.profileName = session.connection.profileName;
    connection.auth = session.auth.get();
    if (session.profile) {
        connection.colour = session.profile->effectiveColor();
        connection.production = session.profile->isProduction();
    }
    session.window = std::make_unique<MainWindow>(connection, session.nam.get(), &session.history,
                                                  &session.drafts);
    if (session.connection.timeout)
        session.window->client()->setTimeout(*session.connection.timeout);
    if (!session.connection.tls.isEmpty()) {
        const QString tlsError = session.window->client()->setTlsOptions(session.connection.tls);
        if (!tlsError.isEmpty())
            QMessageBox::warning(session.window.get(), QObject::tr("TLS settings"),
                                 QObject::tr("The TLS files of this profile cannot be used: %1")
                                     .arg(tlsError));
    }
    session.window->show();
    quitAfterFirstExpose(session.window.get());
}

void readSecretsThenShow(Session &session)
{
    if (session.pendingSecrets.isEmpty()) {
        showWindow(session);
        return;
    }
    if (!session.secrets)
        session.secrets = std::make_unique<KeychainSecretStore>();
    const SecretKind kind = session.pendingSecrets.takeFirst();
    const QString key = profileSecretKey(session.connection.profileName, kind);
    session.secrets->read(key, qApp, [&session, kind](const SecretJob &job) {
        if (job.status() != SecretJob::Status::Ok) {
            const QString why = job.status() == SecretJob::Status::NotFound
                ? QObject::tr("no %1 is stored in the keychain for this profile")
                      .arg(secretKindName(kind))
                : job.errorString();
            QMessageBox::warning(nullptr, QObject::tr("JobDesk"),
                                 QObject::tr("The %1 of profile “%2” cannot be read: %3.\nRequests "
                                             "will be sent without it.")
                                     .arg(secretKindName(kind), session.connection.profileName,
                                          why));
        } else if (kind == SecretKind::KeyPassphrase) {
            session.connection.tls.clientKeyPassphrase = job.data();
        } else {
            session.connection.auth.secret = QString::fromUtf8(job.data());
        }
        readSecretsThenShow(session);
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    AppInfo::applyToApplication();
    QGuiApplication::setApplicationDisplayName(AppInfo::name());
    QGuiApplication::setDesktopFileName(AppInfo::applicationId());

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("jobdesk"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("Complete Camunda 8 jobs by hand through the REST API."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption baseUrlOption(
        QStringLiteral("base-url"),
        QObject::tr("API address (default: $CAMUNDA_REST_ADDRESS, $ZEEBE_REST_ADDRESS, "
                    "http://localhost:8080)."),
        QStringLiteral("url"));
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QObject::tr("Use a saved connection profile."),
                                           QStringLiteral("name"));
    parser.addOption(baseUrlOption);
    parser.addOption(profileOption);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty())
        return fail(QObject::tr("unexpected argument '%1' (see --help)")
                        .arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(profileOption) && parser.isSet(baseUrlOption))
        return fail(QObject::tr("--profile and --base-url cannot be combined"));

    Session session;
    session.nam = std::make_unique<QNetworkAccessManager>();
    if (parser.isSet(profileOption)) {
        ProfileStore profiles;
        if (!profiles.load())
            return fail(QObject::tr("cannot read the profiles: %1").arg(profiles.error()));
        const QString name = parser.value(profileOption);
        session.profile = profiles.find(name);
        if (!session.profile) {
            const QStringList names = profiles.names();
            return fail(QObject::tr("unknown profile '%1' (%2)")
                            .arg(name, names.isEmpty()
                                     ? QObject::tr("no profiles are saved")
                                     : QObject::tr("known: %1").arg(names.join(QStringLiteral(", ")))));
        }
        session.connection = Cli::resolveFromProfile(*session.profile);
        session.pendingSecrets = session.profile->secretKinds();
        profiles.setLastUsedProfile(session.profile->name);
    } else {
        std::optional<QString> baseUrl;
        if (parser.isSet(baseUrlOption))
            baseUrl = parser.value(baseUrlOption);
        session.connection =
            Cli::resolveFromEnvironment(baseUrl, QProcessEnvironment::systemEnvironment());
    }
    if (!session.connection.error.isEmpty())
        return fail(session.connection.error);

    // A history that cannot be opened is shown in the window (requests still work).
    session.history.open();
    readSecretsThenShow(session);
    const int code = QApplication::exec();
    session.window.reset();
    return code;
}
