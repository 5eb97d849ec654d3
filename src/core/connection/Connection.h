// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionKinds.h"
#include "core/connection/SecretStore.h"
#include "core/http/TlsOptions.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>

namespace JobDesk {

/// How requests authenticate: the kind and its non-secret fields. The secret itself (password,
/// token, client secret) is never part of it; it travels in ConnectionSecrets.
struct AuthSettings
{
    AuthKind kind = AuthKind::None;
    QString username; ///< basic
    QString clientId; ///< oauth
    QString tokenUrl; ///< oauth
    QString audience; ///< oauth (may be empty)
    QString scope; ///< oauth (may be empty)
    /// oauth: how long a token request may take (CAMUNDA_OAUTH_TIMEOUT_MS); empty: the
    /// connection's timeout.
    std::optional<std::chrono::milliseconds> tokenTimeout;

    /// The secret this kind needs: Password, Token or ClientSecret; none for AuthKind::None.
    std::optional<SecretKind> secretKind() const;
    friend bool operator==(const AuthSettings &a, const AuthSettings &b);
    friend bool operator!=(const AuthSettings &a, const AuthSettings &b) { return !(a == b); }
};

/// The secrets of one connection, in memory only: read from the keychain (a profile), taken
/// from the environment (address only), or typed into the profile editor. Never written to a
/// file, never logged.
struct ConnectionSecrets
{
    QMap<SecretKind, QByteArray> values;

    QByteArray value(SecretKind kind) const { return values.value(kind); }
    bool contains(SecretKind kind) const { return values.contains(kind); }
    void insert(SecretKind kind, const QByteArray &secret) { values.insert(kind, secret); }
    bool isEmpty() const { return values.isEmpty(); }
    int size() const { return int(values.size()); }
};

/// One connection: the single description of "where requests go and how", shared by every
/// front end.
///
/// It comes from a saved profile or from the address-only resolution (--base-url and the Camunda
/// SDK environment, see SdkEnvironment) through ConnectionFactory, and is turned into a ready
/// ClientConnection (JobsClient's root, timeout, TLS and auth provider) by
/// ConnectionFactory::build() together with its ConnectionSecrets. The window shows it (name,
/// environment tag and colour, production mark, address), the history records displayName().
struct Connection
{
    static constexpr std::chrono::milliseconds kDefaultTimeout {30000};

    QUrl apiRoot; ///< normalised, ends in /v2/
    QString profileName; ///< empty: no profile (address only)
    Environment environment = Environment::Dev; ///< the tag; meaningless without a profile
    QString colour; ///< "#rrggbb" of the tag; empty without a profile
    TlsOptions tls; ///< CA bundle and client certificate (files or inline PEM), no passphrase
    std::chrono::milliseconds timeout = kDefaultTimeout; ///< per request
    AuthSettings auth;
    QString tenantId; ///< the default tenant (CAMUNDA_DEFAULT_TENANT_ID); empty: none given

    bool isProduction() const { return !profileName.isEmpty() && environment == Environment::Prod; }
    bool isAddressOnly() const { return profileName.isEmpty(); }
    /// What the history records and the title shows: the profile name, or the API root.
    QString displayName() const;
    /// The secrets it needs, in reading order: the authentication secret first, then the key
    /// passphrase when a client key is configured.
    QList<SecretKind> secretKinds() const;
};

/// A connection as resolved from a profile or the environment, or why there is none.
struct ResolvedConnection
{
    Connection connection;
    /// Secrets that came with it (the environment's); a profile's are read from the keychain.
    ConnectionSecrets secrets;
    QStringList notes; ///< what was derived or ignored, for the person to check
    QString error; ///< non-empty: unusable (nothing is sent)

    bool ok() const { return error.isEmpty(); }
};

} // namespace JobDesk
