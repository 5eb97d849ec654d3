// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/Connection.h"
#include "core/connection/Profile.h"
#include "core/http/ClientConnection.h"

#include <QProcessEnvironment>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace JobDesk {

/// The one way to a connection: resolve where requests go (a saved profile, or the address-only
/// connection from --base-url and the Camunda SDK environment), then build what JobsClient needs
/// from it and its secrets. Every front end goes through here: the window's start-up and its
/// ConnectionController, the profile editor's test, the CLI's `complete` and `profile test`,
/// and the tests.
namespace ConnectionFactory {

/// A saved profile's connection (validated again: a hand-edited file may be wrong). Its secrets
/// are not read here; Connection::secretKinds() says which ones to read (see ProfileSecrets).
ResolvedConnection fromProfile(const Profile &profile);

/// The address-only connection: the address from `baseUrl`, else CAMUNDA_REST_ADDRESS, else
/// ZEEBE_REST_ADDRESS, else http://localhost:8080, and authentication, TLS and tenant from the
/// Camunda SDK variables (SdkEnvironment). The secrets come along in memory. A strategy whose
/// variables are missing is an error. Pure: reads only `environment`.
ResolvedConnection fromEnvironment(
    const std::optional<QString> &baseUrl, const QProcessEnvironment &environment);

/// Whether the environment names an API address (CAMUNDA_REST_ADDRESS or ZEEBE_REST_ADDRESS).
bool environmentHasAddress(const QProcessEnvironment &environment);

/// The ready setting for JobsClient::setConnection(): root, timeout, TLS (with the key
/// passphrase from `secrets`) and the provider for the auth kind with its secret (missing ones
/// are empty: fine for --dry-run, which shows only redacted headers). The OAuth provider gets the
/// connection's TLS material and the token timeout (CAMUNDA_OAUTH_TIMEOUT_MS, else the
/// connection's timeout). `nam` serves the token requests and must outlive the result.
std::unique_ptr<ClientConnection> build(
    const Connection &connection, const ConnectionSecrets &secrets, QNetworkAccessManager *nam);

} // namespace ConnectionFactory

} // namespace JobDesk
