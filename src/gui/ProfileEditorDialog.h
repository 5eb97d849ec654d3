// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/Connection.h"
#include "core/connection/Profile.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QColor;
class QLabel;
class QNetworkAccessManager;
class QPushButton;

namespace Ui {
class ProfileEditorDialog;
}

namespace JobDesk {

class ConnectionCheck;
class GatewayVersionCache;
class JobsClient;
class MemorySecretStore;
class ProfileForm;
class ProfileStore;
class SecretStore;
struct ClientConnection;
struct ProfileImportResult;

/// Add, edit, duplicate and remove connection profiles; import them from the SDK environment
/// variables or a Console credentials file; test a connection (ConnectionCheck: the dialog only
/// shows its verdict). The fields live in a ProfileForm. Secrets go only to the keychain (or,
/// without one, to the secrets kept for this run), through the core secrets loop.
class ProfileEditorDialog final : public QDialog
{
    Q_OBJECT
public:
    ProfileEditorDialog(ProfileStore *store, SecretStore *keychain, MemorySecretStore *session,
        QNetworkAccessManager *nam, QWidget *parent = nullptr);
    ~ProfileEditorDialog() override;

    /// Remembers the gateway version a test reads (not owned; may be null).
    void setGatewayVersionCache(GatewayVersionCache *cache) { m_versions = cache; }
    void selectProfile(const QString &name);
    /// The profile as the fields describe it now.
    Profile profileFromFields() const;
    ProfileForm *form() const;
    QString validationText() const;
    QString testResultText() const;
    QString statusText() const;

public slots:
    void addProfile();
    void duplicateProfile();
    void removeProfile();
    /// Saves the fields (and a typed secret) — false with a message at the fields when invalid.
    bool saveProfile();
    void importFromEnvironment();
    void importCredentialsFile(const QString &path = {});
    void testConnection();

signals:
    void saved(const QString &name);
    void secretsWritten(const QString &name);
    void testFinished(bool ok, const QString &text);
    /// A secret could not go to the keychain: it is kept for this run only.
    void noKeychain();

private:
    void reloadList(const QString &select);
    void editStored(const Profile &profile);
    void editNew(const Profile &profile);
    /// Loads an import into the fields as a new profile (its secrets kept until Save); false
    /// with the reason in the status line when nothing could be imported.
    bool applyImport(const ProfileImportResult &result);
    void onFormChanged();
    void learnStoredSecrets(const Profile &profile);
    void writeSecrets(const QString &name, const ConnectionSecrets &secrets);
    void finishTest(bool ok, const QString &text);
    void stopTest();

    Q_DISABLE_COPY_MOVE(ProfileEditorDialog)
    ProfileStore *m_store;
    SecretStore *m_keychain;
    MemorySecretStore *m_session;
    QNetworkAccessManager *m_nam;
    GatewayVersionCache *m_versions = nullptr;
    QString m_editing; ///< the stored name being edited; empty: a new profile
    ConnectionSecrets m_imported; ///< secrets from an import, until saved
    quint64 m_loadGeneration = 0; ///< drops answers about a profile no longer shown
    std::unique_ptr<ClientConnection> m_testConnection;
    JobsClient *m_testClient = nullptr;
    QPointer<ConnectionCheck> m_check;

    const std::unique_ptr<Ui::ProfileEditorDialog> m_ui;
    QPushButton *m_save = nullptr; ///< added to the form's button box in code
};

} // namespace JobDesk
