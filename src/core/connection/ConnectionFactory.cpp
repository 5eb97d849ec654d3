// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ConnectionFactory.h"

#include "core/connection/SdkEnvironment.h"
#include "core/http/BasicAuthProvider.h"
#include "core/http/BearerAuthProvider.h"
#include "core/http/JobsClient.h"
#include "core/http/OAuthClientCredentialsProvider.h"

namespace JobDesk::ConnectionFactory {

ResolvedConnection fromProfile(const Profile &profile)
{
    ResolvedConnection resolved;
    Connection &c = resolved.connection;
    c.profileName = profile.name;
    c.environment = profile.environment;
    c.colour = profile.effectiveColour();
    if (const QString invalid = profile.validationError(); !invalid.isEmpty()) {
        resolved.error
            = QStringLiteral("profile '%1' is not usable: %2").arg(profile.name, invalid);
        return resolved;
    }
    const JobsClient::ApiRoot root = JobsClient::normalizeApiRoot(profile.apiAddress);
    if (!root.error.isEmpty()) {
        resolved.error = QStringLiteral("the API address '%1' of profile '%2' is not usable: %3")
                             .arg(profile.apiAddress, profile.name, root.error);
        return resolved;
    }
    c.apiRoot = root.url;
    c.tls.caBundleFile = profile.caBundlePath;
    c.tls.clientCertificateFile = profile.clientCertPath;
    c.tls.clientKeyFile = profile.clientKeyPath;
    c.timeout = std::chrono::seconds(
        profile.timeoutSeconds > 0 ? profile.timeoutSeconds : Profile::kDefaultTimeoutSeconds);
    c.auth.kind = profile.authKind;
    c.auth.username = profile.username;
    c.auth.clientId = profile.clientId;
    c.auth.tokenUrl = profile.tokenUrl;
    c.auth.audience = profile.audience;
    c.auth.scope = profile.scope;
    c.tenantId = profile.tenantId;
    return resolved;
}

bool environmentHasAddress(const QProcessEnvironment &environment)
{
    return !SdkEnvironment::read(environment).restAddress.isEmpty();
}

ResolvedConnection fromEnvironment(
    const std::optional<QString> &baseUrl, const QProcessEnvironment &environment)
{
    ResolvedConnection resolved;
    const SdkSettings sdk = SdkEnvironment::read(environment);
    QString address;
    QString origin;
    if (baseUrl) {
        address = *baseUrl;
        origin = QStringLiteral("--base-url");
    } else if (!sdk.restAddress.isEmpty()) {
        address = sdk.restAddress;
        origin = sdk.restAddressVariable;
    } else {
        address = QLatin1String(SdkEnvironment::kDefaultAddress);
        origin = QStringLiteral("the default address");
    }
    const JobsClient::ApiRoot root = JobsClient::normalizeApiRoot(address);
    if (!root.error.isEmpty()) {
        resolved.error = QStringLiteral("the API address '%1' (from %2) is not usable: %3")
                             .arg(address, origin, root.error);
        return resolved;
    }
    Connection &c = resolved.connection;
    c.apiRoot = root.url;
    if (!sdk.ok()) {
        resolved.error = sdk.error;
        return resolved;
    }
    if (!sdk.missing.isEmpty()) {
        resolved.error = QStringLiteral("CAMUNDA_AUTH_STRATEGY=%1 needs %2")
                             .arg(authKindName(sdk.auth.kind).toUpper(),
                                 sdk.missing.join(QStringLiteral(" and ")));
        return resolved;
    }
    c.auth = sdk.auth;
    c.tls = sdk.tls;
    c.tenantId = sdk.tenantId;
    resolved.secrets = sdk.secrets;
    resolved.notes = sdk.notes;
    return resolved;
}

std::unique_ptr<ClientConnection> build(
    const Connection &connection, const ConnectionSecrets &secrets, QNetworkAccessManager *nam)
{
    auto ready = std::make_unique<ClientConnection>();
    ready->apiRoot = connection.apiRoot;
    ready->timeout = connection.timeout;
    ready->tls = connection.tls;
    ready->tls.clientKeyPassphrase = secrets.value(SecretKind::KeyPassphrase);
    const AuthSettings &auth = connection.auth;
    switch (auth.kind) {
    case AuthKind::None:
        ready->auth = std::make_unique<NoAuthProvider>();
        break;
    case AuthKind::Basic:
        ready->auth = std::make_unique<BasicAuthProvider>(
            auth.username, QString::fromUtf8(secrets.value(SecretKind::Password)));
        break;
    case AuthKind::Bearer:
        ready->auth = std::make_unique<BearerAuthProvider>(secrets.value(SecretKind::Token));
        break;
    case AuthKind::OAuth: {
        OAuthClientCredentialsProvider::Settings settings;
        settings.tokenUrl = QUrl(auth.tokenUrl);
        settings.clientId = auth.clientId;
        settings.clientSecret = QString::fromUtf8(secrets.value(SecretKind::ClientSecret));
        settings.audience = auth.audience;
        settings.scope = auth.scope;
        auto oauth = std::make_unique<OAuthClientCredentialsProvider>(nam, settings);
        // The token request goes through the same TLS material and waits as long as the
        // connection allows (or CAMUNDA_OAUTH_TIMEOUT_MS).
        oauth->setTlsOptions(ready->tls);
        oauth->setTimeout(auth.tokenTimeout.value_or(connection.timeout));
        ready->auth = std::move(oauth);
        break;
    }
    }
    return ready;
}

} // namespace JobDesk::ConnectionFactory
