// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/Connection.h"
#include "core/connection/Profile.h"

#include <QWidget>

#include <memory>

class QColor;
class QLabel;

namespace Ui {
class ProfileForm;
}

namespace JobDesk {

/// The fields of one connection profile: name, address, environment tag and colour,
/// authentication with the rows its kind needs, secret fields (password echo), TLS files with
/// pickers, timeout and tenant; the validation message below them. Knows nothing of stores:
/// ProfileEditorDialog loads and saves what it shows.
class ProfileForm final : public QWidget
{
    Q_OBJECT
public:
    /// What is known about a stored secret, for the secret fields' hint.
    enum class StoredSecret { Unknown, Stored, NotStored };

    explicit ProfileForm(QWidget *parent = nullptr);
    ~ProfileForm() override;

    /// Shows `profile` (secret fields empty); the hints say nothing is stored until
    /// setStoredSecrets() knows better.
    void setProfile(const Profile &profile);
    /// The profile as the fields describe it now.
    Profile profile() const;
    /// The secrets typed into the fields for `profile`'s auth kind and client key.
    ConnectionSecrets typedSecrets() const;
    void clearSecretFields();
    /// The hints of the secret fields: "leave empty to keep the stored one" only when something
    /// is stored.
    void setStoredSecrets(StoredSecret authSecret, StoredSecret keyPassphrase);
    QString secretHint() const;

    /// Why the fields cannot be saved (empty when fine); also shown below the fields.
    QString validationText() const;
    void setValidationText(const QString &text);
    void focusName();

signals:
    /// Any field changed (also the secret fields).
    void changed();

private:
    void updateRows();
    void validate();
    static QString hintFor(StoredSecret stored);

    Q_DISABLE_COPY_MOVE(ProfileForm)
    const std::unique_ptr<Ui::ProfileForm> m_ui;
    StoredSecret m_authSecret = StoredSecret::NotStored;
    StoredSecret m_keyPassphrase = StoredSecret::NotStored;
};

} // namespace JobDesk
