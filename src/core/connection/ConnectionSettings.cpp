// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ConnectionSettings.h"

#include "core/base/UrlSecrets.h"

#include "core/connection/ConnectionFactory.h"
#include "core/connection/Profile.h"
#include "core/http/BasicAuthProvider.h"
#include "core/http/BearerAuthProvider.h"
#include "core/http/JobsClient.h"
#include "core/http/OAuthClientCredentialsProvider.h"

namespace JobDesk {

namespace {

QString variable(const QProcessEnvironment &environment, const char *name)
{
    return environment.value(QLatin1String(name)).trimmed();
}

/// The first non-empty variable of the list.
QString firstOf(const QProcessEnvironment &environment, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        const QString value = variable(environment, name);
        if (!value.isEmpty())
            return value;
    }
    return {};
}

} // namespace

ConnectionSettings resolveFromEnvironment(
    const std::optional<QString> &baseUrl, const QProcessEnvironment &environment)
{
    ConnectionSettings settings;
    QString address;
    QString origin;
    if (baseUrl) {
        address = *baseUrl;
        origin = QStringLiteral("--base-url");
    } else if (!(address = variable(environment, "CAMUNDA_REST_ADDRESS")).isEmpty()) {
        origin = QStringLiteral("CAMUNDA_REST_ADDRESS");
    } else if (!(address = variable(environment, "ZEEBE_REST_ADDRESS")).isEmpty()) {
        origin = QStringLiteral("ZEEBE_REST_ADDRESS");
    } else {
        address = QLatin1String(kDefaultAddress);
        origin = QStringLiteral("the default address");
    }
    const JobsClient::ApiRoot root = JobsClient::normalizeApiRoot(address);
    if (!root.error.isEmpty()) {
        settings.error = QStringLiteral("the API address '%1' (from %2) is not usable: %3")
                             .arg(address, origin, root.error);
        return settings;
    }
    settings.apiRoot = root.url;

    AuthSettings &auth = settings.auth;
    const QString username = variable(environment, "CAMUNDA_BASIC_AUTH_USERNAME");
    // Passwords and secrets are taken as given: surrounding spaces may be part of them.
    const QString password = environment.value(QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD"));
    const QString clientId = firstOf(environment, {"CAMUNDA_CLIENT_ID", "ZEEBE_CLIENT_ID"});
    QString clientSecret = environment.value(QStringLiteral("CAMUNDA_CLIENT_SECRET"));
    if (clientSecret.isEmpty())
        clientSecret = environment.value(QStringLiteral("ZEEBE_CLIENT_SECRET"));
    const QString token = variable(environment, "CAMUNDA_OAUTH_TOKEN");

    QString strategy = variable(environment, "CAMUNDA_AUTH_STRATEGY").toUpper();
    if (strategy.isEmpty()) {
        const bool hasOAuth = !clientId.isEmpty() && !clientSecret.isEmpty();
        const bool hasBasic = !username.isEmpty() && !password.isEmpty();
        if (hasOAuth && hasBasic) {
            settings.error = QStringLiteral(
                "both OAuth (CAMUNDA_CLIENT_ID/SECRET) and Basic (CAMUNDA_BASIC_AUTH_*) "
                "credentials are set: choose one with CAMUNDA_AUTH_STRATEGY");
            return settings;
        }
        strategy = hasOAuth    ? QStringLiteral("OAUTH")
            : hasBasic         ? QStringLiteral("BASIC")
            : !token.isEmpty() ? QStringLiteral("BEARER")
                               : QStringLiteral("NONE");
    }

    if (strategy == QLatin1String("NONE")) {
        auth.kind = QStringLiteral("none");
    } else if (strategy == QLatin1String("BASIC")) {
        if (username.isEmpty() || password.isEmpty()) {
            settings.error = QStringLiteral("CAMUNDA_AUTH_STRATEGY=BASIC needs "
                                            "CAMUNDA_BASIC_AUTH_USERNAME and "
                                            "CAMUNDA_BASIC_AUTH_PASSWORD");
            return settings;
        }
        auth.kind = QStringLiteral("basic");
        auth.username = username;
        auth.secret = password;
    } else if (strategy == QLatin1String("OAUTH")) {
        if (clientId.isEmpty() || clientSecret.isEmpty()) {
            settings.error = QStringLiteral("CAMUNDA_AUTH_STRATEGY=OAUTH needs CAMUNDA_CLIENT_ID "
                                            "and CAMUNDA_CLIENT_SECRET");
            return settings;
        }
        auth.kind = QStringLiteral("oauth");
        auth.clientId = clientId;
        auth.secret = clientSecret;
        auth.tokenUrl
            = firstOf(environment, {"CAMUNDA_OAUTH_URL", "ZEEBE_AUTHORIZATION_SERVER_URL"});
        if (auth.tokenUrl.isEmpty())
            auth.tokenUrl = QLatin1String(kSdkDefaultOAuthUrl);
        auth.audience = firstOf(environment, {"CAMUNDA_TOKEN_AUDIENCE", "ZEEBE_TOKEN_AUDIENCE"});
        if (auth.audience.isEmpty())
            auth.audience = QLatin1String(kSdkDefaultAudience);
        auth.scope = variable(environment, "CAMUNDA_TOKEN_SCOPE");
        const QUrl tokenUrl(auth.tokenUrl);
        if (!tokenUrl.isValid()
            || (tokenUrl.scheme() != QLatin1String("https")
                && tokenUrl.scheme() != QLatin1String("http"))
            || tokenUrl.host().isEmpty()) {
            settings.error = QStringLiteral("the OAuth token URL '%1' is not an http(s) URL")
                                 .arg(auth.tokenUrl);
            return settings;
        }
        if (const std::optional<QString> secret = secretInUrl(tokenUrl)) {
            settings.error = QStringLiteral("the OAuth token URL must not contain %1 — give the "
                                            "client secret in CAMUNDA_CLIENT_SECRET")
                                 .arg(*secret);
            return settings;
        }
    } else if (strategy == QLatin1String("BEARER")) {
        if (token.isEmpty()) {
            settings.error
                = QStringLiteral("CAMUNDA_AUTH_STRATEGY=BEARER needs CAMUNDA_OAUTH_TOKEN");
            return settings;
        }
        auth.kind = QStringLiteral("bearer");
        auth.secret = token;
    } else {
        settings.error = QStringLiteral("CAMUNDA_AUTH_STRATEGY must be NONE, BASIC, OAUTH or "
                                        "BEARER, not '%1'")
                             .arg(variable(environment, "CAMUNDA_AUTH_STRATEGY"));
        return settings;
    }
    return settings;
}

ConnectionSettings resolveFromProfile(const Profile &profile)
{
    // Validation, address, TLS files and timeout exactly as the window has them.
    const ConnectionConfig config = ConnectionFactory::configFor(profile);
    ConnectionSettings settings;
    settings.profileName = profile.name;
    settings.error = config.error;
    if (!settings.error.isEmpty())
        return settings;
    settings.apiRoot = config.apiRoot;
    settings.tls = config.tls;
    if (profile.timeoutSeconds > 0)
        settings.timeout = config.timeout;
    settings.auth = authSettingsFor(profile);
    return settings;
}

AuthSettings authSettingsFor(const Profile &profile)
{
    AuthSettings auth;
    auth.kind = authKindName(profile.authKind);
    auth.username = profile.username;
    auth.clientId = profile.clientId;
    auth.tokenUrl = profile.tokenUrl;
    auth.audience = profile.audience;
    auth.scope = profile.scope;
    return auth;
}

std::unique_ptr<AuthProvider> createAuthProvider(
    const AuthSettings &auth, QNetworkAccessManager *nam)
{
    if (auth.kind == QLatin1String("basic"))
        return std::make_unique<BasicAuthProvider>(auth.username, auth.secret);
    if (auth.kind == QLatin1String("bearer"))
        return std::make_unique<BearerAuthProvider>(auth.secret.toUtf8());
    if (auth.kind == QLatin1String("oauth")) {
        OAuthClientCredentialsProvider::Settings settings;
        settings.tokenUrl = QUrl(auth.tokenUrl);
        settings.clientId = auth.clientId;
        settings.clientSecret = auth.secret;
        settings.audience = auth.audience;
        settings.scope = auth.scope;
        return std::make_unique<OAuthClientCredentialsProvider>(nam, settings);
    }
    return std::make_unique<NoAuthProvider>();
}

} // namespace JobDesk
