// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/ConnectionController.h"

#include "core/connection/ConnectionCheck.h"
#include "core/connection/ConnectionFactory.h"
#include "core/connection/LocalSandbox.h"
#include "core/connection/ProfileSecrets.h"
#include "core/connection/SdkEnvironment.h"
#include "core/http/ClientConnection.h"
#include "core/http/JobsClient.h"
#include "gui/ConnectionBar.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/ProfileEditorDialog.h"
#include "gui/ProfilePicker.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QProcessEnvironment>
#include <QTimer>

namespace JobDesk {

ConnectionController::ConnectionController(
    MainWindow *window, QNetworkAccessManager *nam, SecretStore *keychain, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_nam(nam)
    , m_keychain(keychain)
    , m_picker(new ProfilePicker)
    , m_manageAction(new QAction(tr("Manage &profiles…"), this))
    , m_sandbox(new LocalSandbox(this))
{
    m_picker->setObjectName(QStringLiteral("profilePicker"));
    window->setConnectionPicker(m_picker);
    m_address.connection = window->connection();
    m_prompt = [this](const Profile &profile, SecretKind kind) -> std::optional<QByteArray> {
        bool ok = false;
        const QString value = QInputDialog::getText(m_window, tr("Secret for this run only"),
            tr("The %1 of profile “%2” (kept in memory until JobDesk quits):")
                .arg(secretKindLabel(kind), profile.name),
            QLineEdit::Password, QString(), &ok);
        if (!ok)
            return std::nullopt;
        return value.toUtf8();
    };
    m_runEditor = [](ProfileEditorDialog &dialog) { dialog.exec(); };

    m_manageAction->setObjectName(QStringLiteral("manageProfilesAction"));
    if (QMenu *fileMenu = window->fileMenu()) {
        const QList<QAction *> actions = fileMenu->actions();
        QAction *before = actions.isEmpty() ? nullptr : actions.constFirst();
        fileMenu->insertAction(before, m_manageAction);
        if (before) {
            auto *separator = new QAction(this); // ours too: it leaves with the action
            separator->setSeparator(true);
            fileMenu->insertAction(before, separator);
        }
    }
    connect(m_manageAction, &QAction::triggered, this, &ConnectionController::manageProfiles);
    connect(m_picker, &ProfilePicker::manageRequested, this, &ConnectionController::manageProfiles);
    connect(m_picker, &ProfilePicker::profileChosen, this, [this](const QString &name) {
        const bool started = name.isEmpty() ? (switchToAddressOnly(), true) : switchToProfile(name);
        if (!started)
            m_picker->setCurrent(m_current);
    });
    connect(window, &MainWindow::topologyFinished, this, &ConnectionController::rememberTopology);
    connect(m_sandbox, &LocalSandbox::started, this, [this](const QUrl &address) {
        // The sandbox without --auth: no credentials, whatever the environment says.
        m_address = ConnectionFactory::fromEnvironment(address.toString(), QProcessEnvironment());
        switchToAddressOnly();
        m_window->banner()->showMessage(MessageBanner::Kind::Information,
            tr("Connected to the local sandbox at %1").arg(address.toString()),
            tr("It serves demo jobs and stops when JobDesk quits. Set up a profile for a real "
               "cluster with Manage profiles…."));
    });
    connect(m_sandbox, &LocalSandbox::failed, this,
        [this](const QString &why) { fail(tr("The local sandbox did not start"), why); });

    if (!m_profiles.load())
        m_window->banner()->showMessage(
            MessageBanner::Kind::Warning, tr("The profiles cannot be read"), m_profiles.error());
    refreshPicker();
}

ConnectionController::~ConnectionController() = default;

void ConnectionController::reloadProfiles()
{
    m_profiles.load();
    refreshPicker();
}

void ConnectionController::setAddressConnection(const ResolvedConnection &address)
{
    m_address = address;
    if (m_current.isEmpty() && !m_switching && !m_window->isSending())
        switchToAddressOnly();
}

std::optional<Profile> ConnectionController::startupProfile() const
{
    return m_profiles.startupProfile();
}

void ConnectionController::fail(const QString &headline, const QString &why)
{
    m_window->banner()->showMessage(MessageBanner::Kind::Error, headline, why);
    emit switchFailed(why);
}

void ConnectionController::switchToAddressOnly()
{
    if (m_window->isSending()) {
        fail(tr("The connection was not switched"),
            tr("A request is in flight: wait for it or cancel it first."));
        m_picker->setCurrent(m_current);
        return;
    }
    ++m_generation;
    m_switching = false;
    QString tlsError;
    m_window->setConnection(m_address.connection,
        ConnectionFactory::build(m_address.connection, m_address.secrets, m_nam), &tlsError);
    if (!tlsError.isEmpty())
        m_window->banner()->showMessage(MessageBanner::Kind::Warning,
            tr("The TLS material of this connection cannot be used"), tlsError);
    m_current.clear();
    m_picker->setCurrent({});
    emit connectionChanged({});
    readGatewayVersion();
}

bool ConnectionController::switchToProfile(const QString &name)
{
    if (m_window->isSending()) {
        fail(tr("The connection was not switched"),
            tr("A request is in flight: wait for it or cancel it first."));
        return false;
    }
    m_profiles.load();
    const std::optional<Profile> profile = m_profiles.find(name);
    if (!profile) {
        const QStringList names = m_profiles.names();
        fail(tr("Unknown profile “%1”").arg(name),
            names.isEmpty() ? tr("No profiles are saved. Add one with Manage profiles….")
                            : tr("Saved profiles: %1").arg(names.join(QStringLiteral(", "))));
        return false;
    }
    const ResolvedConnection resolved = ConnectionFactory::fromProfile(*profile);
    if (!resolved.ok()) {
        fail(tr("Profile “%1” cannot be used").arg(profile->name), resolved.error);
        return false;
    }
    const quint64 generation = ++m_generation;
    m_switching = true;
    const Profile chosen = *profile;
    const Connection connection = resolved.connection;
    SecretReadPolicy policy;
    policy.session = &m_session; // secrets kept for this run fill what the keychain lacks
    readProfileSecrets(m_keychain, chosen.name, connection.secretKinds(), policy, this,
        [this, generation, chosen, connection](const SecretReadResult &read) {
            if (generation != m_generation)
                return; // another switch came later
            apply(chosen, connection, read);
        });
    return true;
}

void ConnectionController::apply(
    const Profile &profile, const Connection &connection, const SecretReadResult &read)
{
    m_switching = false;
    if (m_window->isSending()) {
        fail(tr("The connection was not switched"),
            tr("A request is in flight: wait for it or cancel it first."));
        m_picker->setCurrent(m_current);
        return;
    }
    ConnectionSecrets secrets = read.secrets;
    QString warning;
    const QList<SecretKind> noKeychain = read.noKeychain();
    const QList<SecretKind> unavailable = read.missing() + read.failed();
    if (!noKeychain.isEmpty()) {
        m_window->banner()->showMessage(MessageBanner::Kind::Warning,
            tr("No keychain available: the secret is kept for this run only"),
            tr("JobDesk never writes secrets to a file. Install or unlock a Secret Service "
               "(e.g. GNOME Keyring) to keep them between runs."));
        for (const SecretKind kind : noKeychain) {
            const std::optional<QByteArray> value
                = m_prompt ? m_prompt(profile, kind) : std::nullopt;
            if (!value)
                continue;
            m_session.write(
                profileSecretKey(profile.name, kind), *value, this, [](const SecretJob &) {});
            secrets.insert(kind, *value);
        }
    } else if (!unavailable.isEmpty()) {
        QStringList kinds;
        for (const SecretKind kind : unavailable)
            kinds.append(secretKindLabel(kind));
        const QString error = read.firstError();
        warning = error.isEmpty()
            ? tr("No %1 is stored for profile “%2”: requests go without it. Set it with Manage "
                 "profiles.")
                  .arg(kinds.join(QStringLiteral(", ")), profile.name)
            : tr("The %1 of profile “%2” cannot be read: %3")
                  .arg(kinds.join(QStringLiteral(", ")), profile.name, error);
    }

    QString tlsError;
    m_window->setConnection(
        connection, ConnectionFactory::build(connection, secrets, m_nam), &tlsError);
    if (!tlsError.isEmpty())
        warning = tr("The TLS files of this profile cannot be used: %1").arg(tlsError);
    if (!warning.isEmpty())
        m_window->banner()->showMessage(
            MessageBanner::Kind::Warning, tr("Profile “%1”").arg(profile.name), warning);

    m_current = profile.name;
    m_profiles.setLastUsedProfile(profile.name);
    m_picker->setCurrent(profile.name);
    emit connectionChanged(profile.name);
    readGatewayVersion();
}

void ConnectionController::readGatewayVersion()
{
    if (m_versionCall) {
        m_versionCall->disconnect(this);
        m_versionCall->cancel();
        m_versionCall.clear();
    }
    const QUrl root = m_window->connection().apiRoot;
    if (const std::optional<QString> version = m_versions.version(root)) {
        m_window->setServerVersion(*version);
        emit gatewayVersionKnown(*version);
        return;
    }
    // Once per connection, out of the way of the first frame and of a switch that follows.
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation != m_generation || !m_window)
            return;
        ApiRequest request;
        request.action = ActionKind::Topology;
        request.method = QByteArrayLiteral("GET");
        request.relativePath = QStringLiteral("topology");
        ApiCall *call = m_window->client()->send(request);
        m_versionCall = call;
        connect(call, &ApiCall::finished, call, &QObject::deleteLater);
        connect(call, &ApiCall::finished, this, [this, generation](const Outcome &outcome) {
            if (generation == m_generation)
                rememberTopology(outcome);
        });
    });
}

void ConnectionController::rememberTopology(const Outcome &outcome)
{
    if (!outcome.ok())
        return;
    const std::optional<Topology> topology = Answers::topology(outcome.rawBody);
    if (!topology || topology->gatewayVersion.isEmpty())
        return;
    m_versions.remember(m_window->connection().apiRoot, topology->gatewayVersion);
    m_window->setServerVersion(topology->gatewayVersion);
    emit gatewayVersionKnown(topology->gatewayVersion);
}

void ConnectionController::refreshPicker()
{
    m_picker->setProfiles(m_profiles.profiles(), m_current);
}

void ConnectionController::runEditor(const std::function<void(ProfileEditorDialog &)> &prepare)
{
    const bool hadProfiles = !m_profiles.profiles().isEmpty();
    ProfileEditorDialog dialog(&m_profiles, m_keychain, &m_session, m_nam, m_window);
    dialog.setGatewayVersionCache(&m_versions);
    dialog.selectProfile(m_current);
    connect(&dialog, &ProfileEditorDialog::noKeychain, this, [this] {
        m_window->banner()->showMessage(MessageBanner::Kind::Warning,
            tr("No keychain available: the secret is kept for this run only"),
            tr("JobDesk never writes secrets to a file."));
    });
    QString lastSaved;
    connect(&dialog, &ProfileEditorDialog::saved, this,
        [&lastSaved](const QString &name) { lastSaved = name; });
    if (prepare)
        prepare(dialog);
    m_runEditor(dialog);
    m_profiles.load();
    refreshPicker();
    // The current profile may have been edited, renamed or removed: apply what is saved now.
    if (!m_current.isEmpty()) {
        if (m_profiles.contains(m_current))
            switchToProfile(m_current);
        else if (!m_window->isSending())
            switchToAddressOnly();
    } else if (!hadProfiles && !lastSaved.isEmpty() && m_profiles.contains(lastSaved)) {
        // The very first profile: that is what the person set up to use.
        switchToProfile(lastSaved);
    }
}

void ConnectionController::manageProfiles()
{
    runEditor({});
}

void ConnectionController::offerFirstConnection()
{
    const bool environment = SdkEnvironment::read(QProcessEnvironment::systemEnvironment()).anySet;
    const bool sandbox = !m_sandbox->program().isEmpty();
    FirstStartDialog::Choice choice = FirstStartDialog::Choice::Later;
    if (m_chooseFirstStart) {
        choice = m_chooseFirstStart(environment, sandbox);
    } else {
        FirstStartDialog dialog(environment, sandbox, m_window);
        dialog.exec();
        choice = dialog.choice();
    }
    switch (choice) {
    case FirstStartDialog::Choice::NewProfile:
        runEditor([](ProfileEditorDialog &dialog) { dialog.addProfile(); });
        break;
    case FirstStartDialog::Choice::ImportEnvironment:
        runEditor([](ProfileEditorDialog &dialog) { dialog.importFromEnvironment(); });
        break;
    case FirstStartDialog::Choice::ImportCredentialsFile:
        runEditor([](ProfileEditorDialog &dialog) { dialog.importCredentialsFile(); });
        break;
    case FirstStartDialog::Choice::LocalSandbox:
        startLocalSandbox();
        break;
    case FirstStartDialog::Choice::KeepDefault:
    case FirstStartDialog::Choice::Later:
        break;
    }
}

void ConnectionController::startLocalSandbox()
{
    m_sandbox->start();
}

} // namespace JobDesk
