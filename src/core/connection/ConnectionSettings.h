// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/TlsOptions.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace JobDesk {

class AuthProvider;
struct Profile;

/// How requests authenticate, as resolved from a profile or the SDK environment variables.
struct AuthSettings
{
    QString kind = QStringLiteral("none"); ///< none, basic, bearer, oauth
    QString username; ///< basic
    QString clientId; ///< oauth
    QString tokenUrl; ///< oauth
    QString audience; ///< oauth (may be empty)
    QString scope; ///< oauth (may be empty)
    QString secret; ///< password / token / client secret, when it came from the environment

    bool needsSecret() const { return kind != QLatin1String("none"); }
};

/// Where and how requests go: the address-only connection of the CLI and the window (from
/// --base-url and the Camunda SDK variables) or a saved profile (resolveFromProfile).
struct ConnectionSettings
{
    QUrl apiRoot; ///< ends in /v2/
    QString profileName; ///< empty without --profile
    AuthSettings auth;
    TlsOptions tls; ///< from the profile (CA bundle, client certificate)
    std::optional<std::chrono::milliseconds> timeout; ///< the profile's request timeout
    QString error; ///< non-empty: unusable (exit 2, nothing sent)

    /// What the history records as the connection: the profile name, or the API root.
    QString connectionName() const
    {
        return profileName.isEmpty() ? apiRoot.toString() : profileName;
    }
};

/// Defaults of the official Camunda SDKs for OAuth when the variables are not set.
inline constexpr const char *kSdkDefaultOAuthUrl = "https://login.cloud.camunda.io/oauth/token";
inline constexpr const char *kSdkDefaultAudience = "zeebe.camunda.io";
inline constexpr const char *kDefaultAddress = "http://localhost:8080";

/// Without a profile: the address from `--base-url`, else `CAMUNDA_REST_ADDRESS`, else
/// `ZEEBE_REST_ADDRESS`, else http://localhost:8080 (empty variables count as unset), and the
/// authentication from the Camunda SDK variables:
/// - `CAMUNDA_AUTH_STRATEGY` NONE | BASIC | OAUTH | BEARER (case-insensitive). When unset it is
///   inferred as the SDKs do: client id + secret → OAUTH, basic username + password → BASIC
///   (both → error: set the strategy), `CAMUNDA_OAUTH_TOKEN` alone → BEARER, else NONE.
/// - BASIC: `CAMUNDA_BASIC_AUTH_USERNAME`, `CAMUNDA_BASIC_AUTH_PASSWORD` (both required).
/// - OAUTH: `CAMUNDA_CLIENT_ID`, `CAMUNDA_CLIENT_SECRET` (required; `ZEEBE_CLIENT_ID` /
///   `ZEEBE_CLIENT_SECRET` as fallbacks), `CAMUNDA_OAUTH_URL` (fallback
///   `ZEEBE_AUTHORIZATION_SERVER_URL`, default the SaaS login URL), `CAMUNDA_TOKEN_AUDIENCE`
///   (fallback `ZEEBE_TOKEN_AUDIENCE`, default zeebe.camunda.io), `CAMUNDA_TOKEN_SCOPE`.
/// - BEARER: `CAMUNDA_OAUTH_TOKEN` (required).
/// Pure: reads only `environment`.
ConnectionSettings resolveFromEnvironment(
    const std::optional<QString> &baseUrl, const QProcessEnvironment &environment);

/// A saved profile's address, authentication (secrets still to be read from the keychain),
/// TLS files and timeout. The profile is validated again: a hand-edited file may be wrong.
ConnectionSettings resolveFromProfile(const Profile &profile);

/// A profile's authentication settings, without its secret.
AuthSettings authSettingsFor(const Profile &profile);

/// The provider for `auth` (the secret as given; an empty secret is fine for --dry-run, which
/// only shows the redacted header). `nam` serves the OAuth token requests and must outlive it.
std::unique_ptr<AuthProvider> createAuthProvider(
    const AuthSettings &auth, QNetworkAccessManager *nam);

} // namespace JobDesk
