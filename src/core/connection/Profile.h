// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    enum class Environment { Dev, Test, Prod, Custom };
    enum class AuthKind { None, Basic, Bearer, OAuth };

    static constexpr int kDefaultTimeoutSeconds = 30;

    QString name;
    QString apiAddress; ///< as typed, e.g. https://bru-2.zeebe.camunda.io/<cluster>
    Environment environment = Environment::Dev;
    QString color; ///< "#rrggbb"; empty: the environment's default colour
    AuthKind authKind = AuthKind::None;
    QString username; ///< basic
    QString tokenUrl; ///< oauth
    QString clientId; ///< oauth
    QString audience; ///< oauth, optional
    QString scope; ///< oauth, optional
    QString caBundlePath; ///< extra CA certificates (PEM), optional
    QString clientCertPath; ///< mTLS client certificate (PEM), optional
    QString clientKeyPath; ///< mTLS client key (PEM), optional
    int timeoutSeconds = kDefaultTimeoutSeconds;

    bool isProduction() const { return environment == Environment::Prod; }
    /// color, or the environment's default when empty.
    QString effectiveColor() const;
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

/// "dev", "test", "prod", "custom".
QString environmentName(Profile::Environment environment);
std::optional<Profile::Environment> environmentFromName(const QString &name);
/// Default tag colours: dev green, test amber, prod red, custom blue.
QString defaultEnvironmentColor(Profile::Environment environment);
/// "none", "basic", "bearer", "oauth".
QString authKindName(Profile::AuthKind kind);
/// Case-insensitive; also accepts the SDK spelling ("OAUTH", "BASIC", …) and "oauth2".
std::optional<Profile::AuthKind> authKindFromName(const QString &name);

} // namespace JobDesk
