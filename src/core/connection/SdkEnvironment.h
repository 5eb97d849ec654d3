// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/Connection.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace JobDesk {

/// What the Camunda SDK environment variables say about a connection (see SdkEnvironment).
struct SdkSettings
{
    QString restAddress; ///< as given (trimmed); empty: none set
    QString restAddressVariable; ///< the variable it came from
    QString grpcAddress; ///< ZEEBE_GRPC_ADDRESS / ZEEBE_ADDRESS / CAMUNDA_GRPC_ADDRESS
    QString clusterId; ///< CAMUNDA_CLUSTER_ID (Console credentials file)
    QString clusterRegion; ///< CAMUNDA_CLUSTER_REGION
    AuthSettings auth; ///< the strategy (explicit or inferred) with its fields and SDK defaults
    bool authInferred = false; ///< CAMUNDA_AUTH_STRATEGY was not set
    ConnectionSecrets secrets; ///< password / token / client secret / key passphrase, as given
    /// Variables the strategy requires that are not set (e.g. CAMUNDA_CLIENT_SECRET). The
    /// address-only connection refuses to run without them; an import asks for the secret later.
    QStringList missing;
    TlsOptions tls; ///< CA bundle and client certificate: paths, or inline PEM (memory only)
    QString tenantId; ///< CAMUNDA_DEFAULT_TENANT_ID
    QStringList notes; ///< defaults applied and variables read but not used, in sentences
    QString error; ///< non-empty: the variables contradict each other or a value is invalid
    bool anySet = false; ///< any variable this reader knows is set

    bool ok() const { return error.isEmpty(); }
};

/// The one reader of the Camunda SDK configuration variables, with the official SDK's names and
/// precedence (`@camunda8/orchestration-cluster-api`, plus the legacy ZEEBE_* names of the Java
/// client and the Console credentials file). Used alike by the address-only connection of the
/// CLI and the window (ConnectionFactory::fromEnvironment) and by ProfileImport, so one shell
/// connects the same way on every path. docs/sdk-environment.md lists every variable.
///
/// As in the SDK, every value is trimmed and an empty value counts as unset; the first variable
/// of each list below wins:
/// - address: CAMUNDA_REST_ADDRESS, ZEEBE_REST_ADDRESS
/// - strategy: CAMUNDA_AUTH_STRATEGY = NONE | BASIC | OAUTH | BEARER (any case); unset: client id
///   and secret → OAUTH, basic user name and password → BASIC (both pairs: an error),
///   CAMUNDA_OAUTH_TOKEN → BEARER, else NONE
/// - OAuth: CAMUNDA_CLIENT_ID | CAMUNDA_CLIENT_AUTH_CLIENTID | ZEEBE_CLIENT_ID;
/// CAMUNDA_CLIENT_SECRET
///   | CAMUNDA_CLIENT_AUTH_CLIENTSECRET | ZEEBE_CLIENT_SECRET; CAMUNDA_OAUTH_URL |
///   ZEEBE_AUTHORIZATION_SERVER_URL | ZEEBE_TOKEN_URL (default the SaaS login);
///   CAMUNDA_TOKEN_AUDIENCE | ZEEBE_TOKEN_AUDIENCE (default zeebe.camunda.io); CAMUNDA_OAUTH_SCOPE
///   | CAMUNDA_TOKEN_SCOPE | ZEEBE_TOKEN_SCOPE; CAMUNDA_OAUTH_GRANT_TYPE (client_credentials only);
///   CAMUNDA_OAUTH_TIMEOUT_MS
/// - Basic: CAMUNDA_BASIC_AUTH_USERNAME, CAMUNDA_BASIC_AUTH_PASSWORD; bearer: CAMUNDA_OAUTH_TOKEN
/// - TLS: CAMUNDA_MTLS_CA (inline) | CAMUNDA_MTLS_CA_PATH | ZEEBE_CA_CERTIFICATE_PATH |
///   CAMUNDA_CA_CERTIFICATE_PATH; CAMUNDA_MTLS_CERT | CAMUNDA_MTLS_CERT_PATH; CAMUNDA_MTLS_KEY |
///   CAMUNDA_MTLS_KEY_PATH; CAMUNDA_MTLS_KEY_PASSPHRASE (certificate and key together; a
///   passphrase needs a key)
/// - tenant: CAMUNDA_DEFAULT_TENANT_ID
namespace SdkEnvironment {

using Variables = QHash<QString, QString>;

/// The CAMUNDA_* and ZEEBE_* variables of a process environment.
Variables variablesOf(const QProcessEnvironment &environment);
/// Pure: reads only `variables`.
SdkSettings read(const Variables &variables);
SdkSettings read(const QProcessEnvironment &environment);

/// The SDK defaults when the variables are not set.
inline constexpr const char *kDefaultOAuthUrl = "https://login.cloud.camunda.io/oauth/token";
inline constexpr const char *kDefaultAudience = "zeebe.camunda.io";
/// The address the SDKs (and PRODUCT.md) use without any variable.
inline constexpr const char *kDefaultAddress = "http://localhost:8080";

} // namespace SdkEnvironment

} // namespace JobDesk
