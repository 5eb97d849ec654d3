// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/SdkEnvironment.h"

#include "core/base/UrlSecrets.h"

#include <QUrl>

#include <initializer_list>

namespace JobDesk::SdkEnvironment {

namespace {

/// Every variable that configures address, authentication, TLS or tenant ("anything set?").
const char *const kConnectionVariables[] = {
    "CAMUNDA_REST_ADDRESS",
    "ZEEBE_REST_ADDRESS",
    "ZEEBE_GRPC_ADDRESS",
    "ZEEBE_ADDRESS",
    "CAMUNDA_GRPC_ADDRESS",
    "CAMUNDA_CLUSTER_ID",
    "CAMUNDA_CLUSTER_REGION",
    "CAMUNDA_AUTH_STRATEGY",
    "CAMUNDA_CLIENT_ID",
    "CAMUNDA_CLIENT_AUTH_CLIENTID",
    "ZEEBE_CLIENT_ID",
    "CAMUNDA_CLIENT_SECRET",
    "CAMUNDA_CLIENT_AUTH_CLIENTSECRET",
    "ZEEBE_CLIENT_SECRET",
    "CAMUNDA_OAUTH_URL",
    "ZEEBE_AUTHORIZATION_SERVER_URL",
    "ZEEBE_TOKEN_URL",
    "CAMUNDA_TOKEN_AUDIENCE",
    "ZEEBE_TOKEN_AUDIENCE",
    "CAMUNDA_OAUTH_SCOPE",
    "CAMUNDA_TOKEN_SCOPE",
    "ZEEBE_TOKEN_SCOPE",
    "CAMUNDA_OAUTH_GRANT_TYPE",
    "CAMUNDA_OAUTH_TIMEOUT_MS",
    "CAMUNDA_BASIC_AUTH_USERNAME",
    "CAMUNDA_BASIC_AUTH_PASSWORD",
    "CAMUNDA_OAUTH_TOKEN",
    "CAMUNDA_MTLS_CA",
    "CAMUNDA_MTLS_CA_PATH",
    "ZEEBE_CA_CERTIFICATE_PATH",
    "CAMUNDA_CA_CERTIFICATE_PATH",
    "CAMUNDA_MTLS_CERT",
    "CAMUNDA_MTLS_CERT_PATH",
    "CAMUNDA_MTLS_KEY",
    "CAMUNDA_MTLS_KEY_PATH",
    "CAMUNDA_MTLS_KEY_PASSPHRASE",
    "CAMUNDA_DEFAULT_TENANT_ID",
};

/// Variables the SDK reads that JobDesk deliberately does not use, and why.
const struct
{
    const char *name;
    const char *why;
} kUnused[] = {
    {"CAMUNDA_OAUTH_RETRY_MAX", "JobDesk asks the token endpoint once per request"},
    {"CAMUNDA_OAUTH_RETRY_BASE_DELAY_MS", "JobDesk asks the token endpoint once per request"},
    {"CAMUNDA_OAUTH_CACHE_DIR", "tokens stay in memory, never on disk"},
    {"CAMUNDA_TOKEN_CACHE_DIR", "tokens stay in memory, never on disk"},
    {"CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS",
        "JobDesk never re-sends a request by itself (a completion must not happen twice)"},
    {"CAMUNDA_CREDENTIALS_SCOPES",
        "it lists the Console scopes of the client; it is not an OAuth scope"},
};

class Reader
{
public:
    explicit Reader(const Variables &variables)
        : m_variables(variables)
    {
    }

    /// The first set variable of `names` (trimmed); `which` gets its name.
    QString first(std::initializer_list<const char *> names, QString *which = nullptr) const
    {
        for (const char *name : names) {
            const QString value = m_variables.value(QLatin1String(name)).trimmed();
            if (!value.isEmpty()) {
                if (which)
                    *which = QLatin1String(name);
                return value;
            }
        }
        return QString();
    }
    bool isSet(const char *name) const { return !first({name}).isEmpty(); }

private:
    const Variables &m_variables;
};

bool isHttpUrl(const QString &text)
{
    const QUrl url(text);
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

} // namespace

Variables variablesOf(const QProcessEnvironment &environment)
{
    Variables variables;
    const QStringList keys = environment.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("CAMUNDA_")) || key.startsWith(QLatin1String("ZEEBE_")))
            variables.insert(key, environment.value(key));
    }
    return variables;
}

SdkSettings read(const QProcessEnvironment &environment)
{
    return read(variablesOf(environment));
}

SdkSettings read(const Variables &variables)
{
    const Reader v(variables);
    SdkSettings s;
    for (const char *name : kConnectionVariables)
        s.anySet = s.anySet || v.isSet(name);

    // Address.
    s.restAddress = v.first({"CAMUNDA_REST_ADDRESS", "ZEEBE_REST_ADDRESS"}, &s.restAddressVariable);
    s.grpcAddress = v.first({"ZEEBE_GRPC_ADDRESS", "ZEEBE_ADDRESS", "CAMUNDA_GRPC_ADDRESS"});
    s.clusterId = v.first({"CAMUNDA_CLUSTER_ID"});
    s.clusterRegion = v.first({"CAMUNDA_CLUSTER_REGION"});
    s.tenantId = v.first({"CAMUNDA_DEFAULT_TENANT_ID"});

    // Credentials, whichever strategy they belong to.
    const QString username = v.first({"CAMUNDA_BASIC_AUTH_USERNAME"});
    const QString password = v.first({"CAMUNDA_BASIC_AUTH_PASSWORD"});
    const QString clientId
        = v.first({"CAMUNDA_CLIENT_ID", "CAMUNDA_CLIENT_AUTH_CLIENTID", "ZEEBE_CLIENT_ID"});
    const QString clientSecret = v.first(
        {"CAMUNDA_CLIENT_SECRET", "CAMUNDA_CLIENT_AUTH_CLIENTSECRET", "ZEEBE_CLIENT_SECRET"});
    const QString token = v.first({"CAMUNDA_OAUTH_TOKEN"});

    // The strategy, explicit or inferred.
    const QString strategy = v.first({"CAMUNDA_AUTH_STRATEGY"});
    AuthSettings &auth = s.auth;
    if (strategy.isEmpty()) {
        s.authInferred = true;
        const bool hasOAuth = !clientId.isEmpty() && !clientSecret.isEmpty();
        const bool hasBasic = !username.isEmpty() && !password.isEmpty();
        if (hasOAuth && hasBasic) {
            s.error = QStringLiteral(
                "both OAuth (CAMUNDA_CLIENT_ID/SECRET) and Basic (CAMUNDA_BASIC_AUTH_*) "
                "credentials are set: choose one with CAMUNDA_AUTH_STRATEGY");
            return s;
        }
        auth.kind = hasOAuth   ? AuthKind::OAuth
            : hasBasic         ? AuthKind::Basic
            : !token.isEmpty() ? AuthKind::Bearer
                               : AuthKind::None;
    } else if (const std::optional<AuthKind> kind = authKindFromName(strategy, false)) {
        auth.kind = *kind;
    } else {
        s.error
            = QStringLiteral("CAMUNDA_AUTH_STRATEGY must be NONE, BASIC, OAUTH or BEARER, not '%1'")
                  .arg(strategy);
        return s;
    }

    switch (auth.kind) {
    case AuthKind::None:
        break;
    case AuthKind::Basic:
        auth.username = username;
        if (username.isEmpty())
            s.missing.append(QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME"));
        if (password.isEmpty())
            s.missing.append(QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD"));
        else
            s.secrets.insert(SecretKind::Password, password.toUtf8());
        break;
    case AuthKind::Bearer:
        if (token.isEmpty())
            s.missing.append(QStringLiteral("CAMUNDA_OAUTH_TOKEN"));
        else
            s.secrets.insert(SecretKind::Token, token.toUtf8());
        break;
    case AuthKind::OAuth: {
        auth.clientId = clientId;
        if (clientId.isEmpty())
            s.missing.append(QStringLiteral("CAMUNDA_CLIENT_ID"));
        if (clientSecret.isEmpty())
            s.missing.append(QStringLiteral("CAMUNDA_CLIENT_SECRET"));
        else
            s.secrets.insert(SecretKind::ClientSecret, clientSecret.toUtf8());
        auth.tokenUrl
            = v.first({"CAMUNDA_OAUTH_URL", "ZEEBE_AUTHORIZATION_SERVER_URL", "ZEEBE_TOKEN_URL"});
        if (auth.tokenUrl.isEmpty()) {
            auth.tokenUrl = QLatin1String(kDefaultOAuthUrl);
            s.notes.append(QStringLiteral("Token URL: the SDK default %1 (CAMUNDA_OAUTH_URL is not "
                                          "set); change it for a self-managed cluster.")
                               .arg(auth.tokenUrl));
        }
        if (!isHttpUrl(auth.tokenUrl)) {
            s.error = QStringLiteral("the OAuth token URL '%1' is not an http(s) URL")
                          .arg(auth.tokenUrl);
            return s;
        }
        if (const std::optional<QString> secret = secretInUrl(QUrl(auth.tokenUrl))) {
            s.error = QStringLiteral("the OAuth token URL must not contain %1 — give the client "
                                     "secret in CAMUNDA_CLIENT_SECRET")
                          .arg(*secret);
            return s;
        }
        auth.audience = v.first({"CAMUNDA_TOKEN_AUDIENCE", "ZEEBE_TOKEN_AUDIENCE"});
        if (auth.audience.isEmpty()) {
            auth.audience = QLatin1String(kDefaultAudience);
            s.notes.append(QStringLiteral("Audience: the SDK default %1 (CAMUNDA_TOKEN_AUDIENCE is "
                                          "not set).")
                               .arg(auth.audience));
        }
        // The current SDK's name first; CAMUNDA_TOKEN_SCOPE and ZEEBE_TOKEN_SCOPE are older ones.
        auth.scope = v.first({"CAMUNDA_OAUTH_SCOPE", "CAMUNDA_TOKEN_SCOPE", "ZEEBE_TOKEN_SCOPE"});
        const QString grant = v.first({"CAMUNDA_OAUTH_GRANT_TYPE"});
        if (!grant.isEmpty()
            && grant.compare(QLatin1String("client_credentials"), Qt::CaseInsensitive)) {
            s.error = QStringLiteral("CAMUNDA_OAUTH_GRANT_TYPE=%1 is not supported: JobDesk "
                                     "uses client_credentials")
                          .arg(grant);
            return s;
        }
        if (const QString timeout = v.first({"CAMUNDA_OAUTH_TIMEOUT_MS"}); !timeout.isEmpty()) {
            bool ok = false;
            const qint64 ms = timeout.toLongLong(&ok);
            if (!ok || ms <= 0 || ms > 86400000) {
                s.error = QStringLiteral("CAMUNDA_OAUTH_TIMEOUT_MS must be a positive number of "
                                         "milliseconds, not '%1'")
                              .arg(timeout);
                return s;
            }
            auth.tokenTimeout = std::chrono::milliseconds(ms);
        }
        break;
    }
    }

    // TLS: inline PEM wins over a path, as in the SDK.
    TlsOptions &tls = s.tls;
    tls.caBundlePem = v.first({"CAMUNDA_MTLS_CA"}).toUtf8();
    if (tls.caBundlePem.isEmpty())
        tls.caBundleFile = v.first(
            {"CAMUNDA_MTLS_CA_PATH", "ZEEBE_CA_CERTIFICATE_PATH", "CAMUNDA_CA_CERTIFICATE_PATH"});
    tls.clientCertificatePem = v.first({"CAMUNDA_MTLS_CERT"}).toUtf8();
    if (tls.clientCertificatePem.isEmpty())
        tls.clientCertificateFile = v.first({"CAMUNDA_MTLS_CERT_PATH"});
    tls.clientKeyPem = v.first({"CAMUNDA_MTLS_KEY"}).toUtf8();
    if (tls.clientKeyPem.isEmpty())
        tls.clientKeyFile = v.first({"CAMUNDA_MTLS_KEY_PATH"});
    const bool hasCertificate
        = !tls.clientCertificatePem.isEmpty() || !tls.clientCertificateFile.isEmpty();
    const bool hasKey = !tls.clientKeyPem.isEmpty() || !tls.clientKeyFile.isEmpty();
    if (hasCertificate != hasKey) {
        s.error = QStringLiteral("incomplete mTLS configuration: the client certificate "
                                 "(CAMUNDA_MTLS_CERT or _CERT_PATH) and its key (CAMUNDA_MTLS_KEY "
                                 "or _KEY_PATH) go together");
        return s;
    }
    if (const QString passphrase = v.first({"CAMUNDA_MTLS_KEY_PASSPHRASE"});
        !passphrase.isEmpty()) {
        if (!hasKey) {
            s.error = QStringLiteral(
                "CAMUNDA_MTLS_KEY_PASSPHRASE is set but no client key (CAMUNDA_MTLS_KEY or "
                "CAMUNDA_MTLS_KEY_PATH) is given");
            return s;
        }
        s.secrets.insert(SecretKind::KeyPassphrase, passphrase.toUtf8());
    }

    for (const auto &unused : kUnused) {
        if (v.isSet(unused.name))
            s.notes.append(QStringLiteral("%1 is not used: %2.")
                               .arg(QLatin1String(unused.name), QLatin1String(unused.why)));
    }
    return s;
}

} // namespace JobDesk::SdkEnvironment
