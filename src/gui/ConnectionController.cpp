// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/ConnectionController.h"

#include "core/http/AuthProvider.h"
#include "core/http/JobsClient.h"
#include "gui/ConnectionBar.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/ProfileEditorDialog.h"
#include "gui/ProfilePicker.h"

#include <QAction>
#include <QBoxLayout>
#include <QInputDialog>
#include <QMenu>
#include <QPointer>

namespace JobDesk {

void readProfileSecrets(SecretStore *keychain, MemorySecretStore *session, const Profile &profile,
    QObject *context, std::function<void(const ProfileSecrets &)> done)
{
    const QString name = profile.name;
    ConnectionFactory::readSecrets(
        keychain, profile, context, [session, name, done](const ProfileSecrets &read) {
            ProfileSecrets merged = read;
            // Secrets kept for this run only fill what the keychain does not have.
            for (const SecretKind kind : read.noBackend + read.missing) {
                if (const auto value = session->value(profileSecretKey(name, kind))) {
                    merged.values.insert(kind, *value);
                    merged.noBackend.removeAll(kind);
                    merged.missing.removeAll(kind);
                }
            }
            done(merged);
        });
}

ConnectionController::ConnectionController(
    MainWindow *window, QNetworkAccessManager *nam, SecretStore *keychain, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_nam(nam)
    , m_keychain(keychain)
    , m_picker(new ProfilePicker(window->connectionBar()))
{
    m_picker->setObjectName(QStringLiteral("profilePicker"));
    if (auto *layout = qobject_cast<QBoxLayout *>(window->connectionBar()->layout()))
        layout->insertWidget(0, m_picker);
    // The picker's chip shows the environment; the bar's own tag would say it twice.
    window->connectionBar()->setTagVisible(false);
    window->connectionBar()->setAttribute(Qt::WA_StyledBackground);
    m_addressRoot = window->connection().apiRoot;
    m_prompt = [this](const Profile &profile, SecretKind kind) -> std::optional<QByteArray> {
        bool ok = false;
        const QString value = QInputDialog::getText(m_window, tr("Secret for this run only"),
            tr("The %1 of profile “%2” (kept in memory until JobDesk quits):")
                .arg(secretKindName(kind), profile.name),
            QLineEdit::Password, QString(), &ok);
        if (!ok)
            return std::nullopt;
        return value.toUtf8();
    };

    auto *manage = new QAction(tr("Manage &profiles…"), window);
    m_manageAction = manage;
    manage->setObjectName(QStringLiteral("manageProfilesAction"));
    if (auto *fileMenu = window->findChild<QMenu *>(QStringLiteral("fileMenu"))) {
        const QList<QAction *> actions = fileMenu->actions();
        fileMenu->insertAction(actions.isEmpty() ? nullptr : actions.constFirst(), manage);
        if (!actions.isEmpty())
            fileMenu->insertSeparator(actions.constFirst());
    }
    connect(manage, &QAction::triggered, this, &ConnectionController::manageProfiles);
    connect(m_picker, &ProfilePicker::manageRequested, this, &ConnectionController::manageProfiles);
    connect(m_picker, &ProfilePicker::profileChosen, this, [this](const QString &name) {
        const bool started = name.isEmpty() ? (switchToAddressOnly(), true) : switchToProfile(name);
        if (!started)
            m_picker->setCurrent(m_current);
    });

    if (!m_profiles.load())
        m_window->banner()->showMessage(
            MessageBanner::Kind::Warning, tr("The profiles cannot be read"), m_profiles.error());
    refreshPicker();
}

ConnectionController::~ConnectionController()
{
    // The window may outlive us: it must not keep a pointer to a provider we delete.
    if (m_window
        && (m_window->client()->authProvider() == m_auth.get()
            || m_window->client()->authProvider() == m_addressAuth.get()))
        m_window->client()->setAuthProvider(nullptr);
    delete m_picker;
    delete m_manageAction;
}

void ConnectionController::reloadProfiles()
{
    m_profiles.load();
    refreshPicker();
}

void ConnectionController::setAddressConnection(const QUrl &apiRoot,
    std::unique_ptr<AuthProvider> auth, const TlsOptions &tls, std::chrono::milliseconds timeout)
{
    m_addressRoot = apiRoot;
    m_addressAuth = std::move(auth);
    m_addressTls = tls;
    m_addressTimeout = timeout;
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

void ConnectionController::markProduction(bool production)
{
    // Production is marked on the whole bar, not only on the chip.
    m_window->connectionBar()->setProductionMarked(production);
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
    MainWindow::Connection connection;
    connection.apiRoot = m_addressRoot;
    connection.auth = m_addressAuth.get();
    m_window->setConnection(connection);
    m_window->client()->setTlsOptions(m_addressTls);
    m_window->client()->setTimeout(m_addressTimeout);
    m_auth.reset();
    m_current.clear();
    m_picker->setCurrent({});
    markProduction(false);
    emit connectionChanged({});
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
    const ConnectionConfig config = ConnectionFactory::configFor(*profile);
    if (!config.error.isEmpty()) {
        fail(tr("Profile “%1” cannot be used").arg(profile->name), config.error);
        return false;
    }
    const quint64 generation = ++m_generation;
    m_switching = true;
    const Profile chosen = *profile;
    readProfileSecrets(m_keychain, &m_session, chosen, this,
        [this, generation, chosen, config](const ProfileSecrets &secrets) {
            if (generation != m_generation)
                return; // another switch came later
            apply(chosen, config, secrets);
        });
    return true;
}

void ConnectionController::apply(
    const Profile &profile, const ConnectionConfig &config, ProfileSecrets secrets)
{
    m_switching = false;
    if (m_window->isSending()) {
        fail(tr("The connection was not switched"),
            tr("A request is in flight: wait for it or cancel it first."));
        m_picker->setCurrent(m_current);
        return;
    }
    QString warning;
    if (!secrets.noBackend.isEmpty()) {
        m_window->banner()->showMessage(MessageBanner::Kind::Warning,
            tr("No keychain available: the secret is kept for this run only"),
            tr("JobDesk never writes secrets to a file. Install or unlock a Secret Service "
               "(e.g. GNOME Keyring) to keep them between runs."));
        for (const SecretKind kind : std::as_const(secrets.noBackend)) {
            const std::optional<QByteArray> value
                = m_prompt ? m_prompt(profile, kind) : std::nullopt;
            if (!value)
                continue;
            m_session.write(
                profileSecretKey(profile.name, kind), *value, this, [](const SecretJob &) {});
            secrets.values.insert(kind, *value);
        }
    } else if (!secrets.missing.isEmpty()) {
        QStringList kinds;
        for (const SecretKind kind : std::as_const(secrets.missing))
            kinds.append(secretKindName(kind));
        warning = secrets.error.isEmpty()
            ? tr("No %1 is stored for profile “%2”: requests go without it. Set it with Manage "
                 "profiles.")
                  .arg(kinds.join(QStringLiteral(", ")), profile.name)
            : tr("The %1 of profile “%2” cannot be read: %3")
                  .arg(kinds.join(QStringLiteral(", ")), profile.name, secrets.error);
    }

    TlsOptions tls = config.tls;
    tls.clientKeyPassphrase = secrets.values.value(SecretKind::KeyPassphrase);
    std::unique_ptr<AuthProvider> auth
        = ConnectionFactory::createAuthProvider(profile, secrets.values, m_nam, tls);

    MainWindow::Connection connection;
    connection.apiRoot = config.apiRoot;
    connection.profileName = profile.name;
    connection.colour = config.colour;
    connection.production = config.production;
    connection.auth = auth.get();
    m_window->setConnection(connection);
    m_auth = std::move(auth); // the previous provider goes only after the window let go of it
    const QString tlsError = m_window->client()->setTlsOptions(tls);
    m_window->client()->setTimeout(config.timeout);
    if (!tlsError.isEmpty())
        warning = tr("The TLS files of this profile cannot be used: %1").arg(tlsError);
    if (!warning.isEmpty())
        m_window->banner()->showMessage(
            MessageBanner::Kind::Warning, tr("Profile “%1”").arg(profile.name), warning);

    m_current = profile.name;
    m_profiles.setLastUsedProfile(profile.name);
    m_picker->setCurrent(profile.name);
    markProduction(profile.isProduction());
    emit connectionChanged(profile.name);
}

void ConnectionController::refreshPicker()
{
    m_picker->setProfiles(m_profiles.profiles(), m_current);
}

void ConnectionController::manageProfiles()
{
    ProfileEditorDialog dialog(&m_profiles, m_keychain, &m_session, m_nam, m_window);
    dialog.selectProfile(m_current);
    connect(&dialog, &ProfileEditorDialog::noKeychain, this, [this] {
        m_window->banner()->showMessage(MessageBanner::Kind::Warning,
            tr("No keychain available: the secret is kept for this run only"),
            tr("JobDesk never writes secrets to a file."));
    });
    dialog.exec();
    m_profiles.load();
    refreshPicker();
    // The current profile may have been edited, renamed or removed: apply what is saved now.
    if (!m_current.isEmpty()) {
        if (m_profiles.contains(m_current))
            switchToProfile(m_current);
        else if (!m_window->isSending())
            switchToAddressOnly();
    }
}

} // namespace JobDesk
