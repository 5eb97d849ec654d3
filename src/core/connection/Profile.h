// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionKinds.h"
#include "core/connection/SecretStore.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace JobDesk {

/// A connection profile: where the API is and how to authenticate, without any secret.
///
/// Secrets (password, token, client secret, key passphrase) live in the SecretStore under
/// profileSecretKey(name, kind); secretKinds() says which ones this profile needs. The JSON form
/// (toJson/fromJson) has no place for a secret, so none can reach profiles.json.
struct Profile
{
    using Environment = JobDesk::Environment;
    using AuthKind = JobDesk::AuthKind;

    static constexpr int kDefaultTimeoutSeconds = 30;

    QString name;
    QString apiAddress; ///< as typed, e.g. https://bru-2.zeebe.camunda.io/<cluster>
    Environment environment = Environment::Dev;
    QString colour; ///< "#rrggbb"; empty: the environment's default colour
    AuthKind authKind = AuthKind::None;
    QString username; ///< basic
    QString tokenUrl; ///< oauth
    QString clientId; ///< oauth
    QString audience; ///< oauth, optional
    QString scope; ///< oauth, optional
    QString caBundlePath; ///< extra CA certificates (PEM), optional
    QString clientCertPath; ///< mTLS client certificate (PEM), optional
    QString clientKeyPath; ///< mTLS client key (PEM), optional
    QString tenantId; ///< the default tenant (CAMUNDA_DEFAULT_TENANT_ID), optional
    int timeoutSeconds = kDefaultTimeoutSeconds;

    bool isProduction() const { return environment == Environment::Prod; }
    /// colour, or the environment's default when empty.
    QString effectiveColour() const;
    /// The secrets this profile needs: basic → Password, bearer → Token, oauth → ClientSecret,
    /// plus KeyPassphrase when a client key is configured.
    QList<SecretKind> secretKinds() const;
    /// Why this profile cannot be saved or used (empty when fine): name, address, auth fields,
    /// colour, timeout.
    QString validationError() const;

    QJsonObject toJson() const;
    /// Unknown members are ignored; wrong types and unknown enum names are errors.
    static std::optional<Profile> fromJson(const QJsonObject &json, QString *error = nullptr);

    /// Names: not empty, no surrounding spaces, no '/' or control characters, ≤ 100 characters.
    static QString nameError(const QString &name);

    friend bool operator==(const Profile &a, const Profile &b);
    friend bool operator!=(const Profile &a, const Profile &b) { return !(a == b); }
};

} // namespace JobDesk
