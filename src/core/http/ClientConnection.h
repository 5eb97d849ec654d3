// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/AuthProvider.h"
#include "core/http/TlsOptions.h"

#include <QUrl>

#include <chrono>
#include <memory>

namespace JobDesk {

/// Everything JobsClient needs to talk to one server, ready to use: the API root, the request
/// timeout, the TLS material and the authentication provider (already given its secret, its TLS
/// options and its timeout). Made only by ConnectionFactory::build() (core/connection), which
/// knows profiles and the SDK environment; the HTTP layer knows only this.
///
/// The object owns its provider. JobsClient::setConnection() uses it without taking ownership:
/// whoever shows the connection (the window, a CLI command, a ConnectionCheck) keeps it alive as
/// long as its client sends with it.
struct ClientConnection
{
    QUrl apiRoot; ///< ends in /v2/
    std::chrono::milliseconds timeout {30000};
    TlsOptions tls; ///< with the key passphrase, if any
    std::unique_ptr<AuthProvider> auth; ///< never null once built (NoAuthProvider for none)
};

} // namespace JobDesk
