// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/Profile.h"

#include <QDialog>
#include <QMap>
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

class ApiCall;
class AuthProvider;
class JobsClient;
class MemorySecretStore;
class ProfileStore;
class SecretStore;
struct ProfileImportResult;

/// Add, edit, duplicate and remove connection profiles; import them from the SDK environment
/// variables or a Console credentials file; test a connection (topology plus an authenticated
/// call). Secrets go only to the keychain (or, without one, to the secrets kept for this run).
class ProfileEditorDialog final : public QDialog
{
    Q_OBJECT
public:
    ProfileEditorDialog(ProfileStore *store, SecretStore *keychain, MemorySecretStore *session,
        QNetworkAccessManager *nam, QWidget *parent = nullptr);
    ~ProfileEditorDialog() override;

    void selectProfile(const QString &name);
    /// The profile as the fields describe it now.
    Profile profileFromFields() const;
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
    void buildUi();
    void reloadList(const QString &select);
    void loadFields(const Profile &profile);
    /// Loads an import into the fields as a new profile (its secrets kept until Save); false
    /// with the reason in the status line when nothing could be imported.
    bool applyImport(const ProfileImportResult &result);
    void updateFieldVisibility();
    void validate();
    void writeSecrets(const QString &name, const QMap<int, QByteArray> &secrets);
    void finishTest(bool ok, const QString &text);
    void checkAuth(JobsClient *client);
    QMap<int, QByteArray> typedSecrets(const Profile &profile) const;
    /// Colours a label's text through its palette (a style sheet would load the style-sheet
    /// engine just for this).
    static void setTextColour(QLabel *label, const QColor &colour);

    Q_DISABLE_COPY_MOVE(ProfileEditorDialog)
    ProfileStore *m_store;
    SecretStore *m_keychain;
    MemorySecretStore *m_session;
    QNetworkAccessManager *m_nam;
    QString m_editing; ///< the stored name being edited; empty: a new profile
    QMap<int, QByteArray> m_imported; ///< secrets from an import, until saved
    std::unique_ptr<AuthProvider> m_testAuth;
    JobsClient *m_testClient = nullptr;
    QPointer<ApiCall> m_testCall;

    const std::unique_ptr<Ui::ProfileEditorDialog> m_ui;
    QPushButton *m_save = nullptr; ///< added to the form's button box in code
};

} // namespace JobDesk
