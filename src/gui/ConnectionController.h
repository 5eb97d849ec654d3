// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/Connection.h"
#include "core/connection/GatewayVersionCache.h"
#include "core/connection/ProfileStore.h"
#include "core/connection/SecretStore.h"
#include "gui/FirstStartDialog.h"
#include "gui/ProfilePicker.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QNetworkAccessManager;

namespace JobDesk {

class ApiCall;
class LocalSandbox;
class MainWindow;
class ProfileEditorDialog;
struct Outcome;
struct SecretReadResult;

/// Switches connections in the running window: reads a profile's secrets asynchronously
/// (through the core secrets loop), builds the client setting with ConnectionFactory and hands
/// it to MainWindow::setConnection(), which owns it; updates the picker and the last-used
/// profile; reads the gateway version once per connection (GatewayVersionCache) and shows it in
/// the connection bar. Without a keychain it says "No keychain available: the secret is kept for
/// this run only", asks for the secret and keeps it in memory (never a file). At a first start
/// without profiles it offers to set up a connection instead of quietly using localhost:8080.
///
/// It reaches the window only through its hooks: setConnectionPicker(), fileMenu(),
/// setConnection(), banner(), client(), connectionBar(), topologyFinished.
class ConnectionController final : public QObject
{
    Q_OBJECT
public:
    /// Asks for a secret that is not stored; nullopt: the person declined.
    using SecretPrompt = std::function<std::optional<QByteArray>(const Profile &, SecretKind)>;
    /// Shows the profile editor; the default runs it modally (tests answer it instead).
    using EditorRunner = std::function<void(ProfileEditorDialog &)>;
    /// Asks the first-start question (which choices are available); the default shows
    /// FirstStartDialog.
    using FirstStartChooser
        = std::function<FirstStartDialog::Choice(bool environmentAvailable, bool sandboxAvailable)>;

    /// `window`, `nam` and `keychain` are not owned and must outlive the controller. Puts the
    /// profile picker into the window's connection bar and "Manage profiles…" into its File menu.
    ConnectionController(MainWindow *window, QNetworkAccessManager *nam, SecretStore *keychain,
        QObject *parent = nullptr);
    ~ConnectionController() override;

    /// The connection used for "No profile (address only)", with the secrets that came with it
    /// (the environment's); applied at once unless a profile is in use.
    void setAddressConnection(const ResolvedConnection &address);
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
    GatewayVersionCache &gatewayVersions() { return m_versions; }
    LocalSandbox *localSandbox() const { return m_sandbox; }
    QString currentProfile() const { return m_current; }
    bool isSwitching() const { return m_switching; }
    void setSecretPrompt(SecretPrompt prompt) { m_prompt = std::move(prompt); }
    void setEditorRunner(EditorRunner runner) { m_runEditor = std::move(runner); }
    void setFirstStartChooser(FirstStartChooser chooser)
    {
        m_chooseFirstStart = std::move(chooser);
    }

public slots:
    /// Opens the profile editor (modal).
    void manageProfiles();
    /// Re-reads profiles.json into the picker (after another program changed it).
    void reloadProfiles();
    /// First start with no profile: asks how to connect and does it (profile editor, an import,
    /// the local sandbox, or localhost:8080 after all).
    void offerFirstConnection();
    /// Starts the local sandbox (demo jobs) and connects to it without a profile.
    void startLocalSandbox();

signals:
    /// The window now uses `profileName` (empty: address only).
    void connectionChanged(const QString &profileName);
    void switchFailed(const QString &why);
    /// The gateway version of the current connection is known (from the cache or the server).
    void gatewayVersionKnown(const QString &version);

private:
    void apply(const Profile &profile, const Connection &connection, const SecretReadResult &read);
    void refreshPicker();
    void fail(const QString &headline, const QString &why);
    void runEditor(const std::function<void(ProfileEditorDialog &)> &prepare);
    void readGatewayVersion();
    void rememberTopology(const Outcome &outcome);

    Q_DISABLE_COPY_MOVE(ConnectionController)
    QPointer<MainWindow> m_window;
    QNetworkAccessManager *m_nam;
    SecretStore *m_keychain;
    MemorySecretStore m_session;
    ProfileStore m_profiles;
    GatewayVersionCache m_versions;
    QPointer<ProfilePicker> m_picker;
    QAction *m_manageAction; ///< a child of the controller: leaves the menu with it
    LocalSandbox *m_sandbox; ///< a child; its process stops with the controller
    SecretPrompt m_prompt;
    EditorRunner m_runEditor;
    FirstStartChooser m_chooseFirstStart;
    ResolvedConnection m_address;
    QPointer<ApiCall> m_versionCall;
    QString m_current;
    quint64 m_generation = 0;
    bool m_switching = false;
};

} // namespace JobDesk
