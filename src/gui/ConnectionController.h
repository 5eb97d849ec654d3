// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionFactory.h"
#include "core/connection/ProfileStore.h"
#include "core/connection/SecretStore.h"
#include "gui/MainWindow.h"
#include "gui/ProfilePicker.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QNetworkAccessManager;

namespace JobDesk {

class AuthProvider;

/// Reads a profile's secrets from the keychain and, where there is no keychain, from the
/// secrets kept for this run only (`session`). Calls `done` once unless `context` dies first.
void readProfileSecrets(SecretStore *keychain, MemorySecretStore *session, const Profile &profile,
    QObject *context, std::function<void(const ProfileSecrets &)> done);

/// Switches profiles in the running window: reads the secrets asynchronously, builds the
/// AuthProvider, applies TLS options and timeout, updates MainWindow's connection, the picker
/// and the last-used profile. Without a keychain it shows "No keychain available: the secret is
/// kept for this run only", asks for the secret and keeps it in memory (never a file).
class ConnectionController final : public QObject
{
    Q_OBJECT
public:
    /// Asks for a secret that is not stored; nullopt: the person declined.
    using SecretPrompt = std::function<std::optional<QByteArray>(const Profile &, SecretKind)>;

    /// `window`, `nam` and `keychain` are not owned and must outlive the controller. Puts the
    /// profile picker into the window's connection bar.
    ConnectionController(MainWindow *window, QNetworkAccessManager *nam, SecretStore *keychain,
        QObject *parent = nullptr);
    ~ConnectionController() override;

    /// The connection used for "No profile (address only)"; the provider is taken over.
    void setAddressConnection(const QUrl &apiRoot, std::unique_ptr<AuthProvider> auth,
        const TlsOptions &tls, std::chrono::milliseconds timeout);
    /// Starts switching (asynchronous). False when refused: a request is in flight, the profile
    /// is unknown or unusable (a banner says why).
    bool switchToProfile(const QString &name);
    void switchToAddressOnly();
    /// The profile to start with (last used, else default), if any.
    std::optional<Profile> startupProfile() const;

    ProfileStore &profiles() { return m_profiles; }
    ProfilePicker *picker() const { return m_picker; }
    MemorySecretStore *sessionSecrets() { return &m_session; }
    SecretStore *keychain() const { return m_keychain; }
    QString currentProfile() const { return m_current; }
    bool isSwitching() const { return m_switching; }
    void setSecretPrompt(SecretPrompt prompt) { m_prompt = std::move(prompt); }

public slots:
    /// Opens the profile editor (modal).
    void manageProfiles();
    /// Re-reads profiles.json into the picker (after another program changed it).
    void reloadProfiles();

signals:
    /// The window now uses `profileName` (empty: address only).
    void connectionChanged(const QString &profileName);
    void switchFailed(const QString &why);

private:
    void apply(const Profile &profile, const ConnectionConfig &config, ProfileSecrets secrets);
    void refreshPicker();
    void fail(const QString &headline, const QString &why);
    void markProduction(bool production);

    Q_DISABLE_COPY_MOVE(ConnectionController)
    QPointer<MainWindow> m_window;
    QNetworkAccessManager *m_nam;
    SecretStore *m_keychain;
    MemorySecretStore m_session;
    ProfileStore m_profiles;
    QPointer<ProfilePicker> m_picker;
    QPointer<QAction> m_manageAction;
    SecretPrompt m_prompt;
    std::unique_ptr<AuthProvider> m_auth;
    std::unique_ptr<AuthProvider> m_addressAuth;
    QUrl m_addressRoot;
    TlsOptions m_addressTls;
    std::chrono::milliseconds m_addressTimeout {std::chrono::seconds(30)};
    QString m_current;
    quint64 m_generation = 0;
    bool m_switching = false;
};

} // namespace JobDesk
