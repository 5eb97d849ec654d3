// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/Profile.h"
#include "core/connection/SecretStore.h"
#include "core/http/TlsOptions.h"

#include <QMap>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace JobDesk {

class AuthProvider;

/// Everything about a profile's connection that needs no secret: API root, TLS files, timeout.
struct ConnectionConfig
{
    QUrl apiRoot; ///< ends in /v2/
    QString profileName;
    QString colour; ///< the profile's effective tag colour
    bool production = false;
    TlsOptions tls; ///< clientKeyPassphrase filled in by withSecrets()
    std::chrono::milliseconds timeout {std::chrono::seconds(Profile::kDefaultTimeoutSeconds)};
    QString error; ///< non-empty: the profile is not usable
};

/// The secrets of one profile as read from a SecretStore.
struct ProfileSecrets
{
    QMap<SecretKind, QByteArray> values;
    QList<SecretKind> missing; ///< nothing stored (NotFound)
    QList<SecretKind> noBackend; ///< no keychain on this system
    QString error; ///< first AccessDenied / Failed message
};

/// Turns a Profile plus its secrets into what JobsClient needs (shared by the window; the CLI
/// has its own equivalent in ConnectionSettings).
namespace ConnectionFactory {
/// Validates the profile and normalises its address.
ConnectionConfig configFor(const Profile &profile);
/// The provider for the profile's auth kind with the given secrets (missing ones are empty).
/// `nam` serves OAuth token requests and must outlive the provider; `tls` is applied to https
/// token URLs.
std::unique_ptr<AuthProvider> createAuthProvider(const Profile &profile,
    const QMap<SecretKind, QByteArray> &secrets, QNetworkAccessManager *nam,
    const TlsOptions &tls = {});
/// Reads every secret the profile needs (Profile::secretKinds()), one after the other, then
/// calls `done` once, unless `context` is destroyed first.
void readSecrets(SecretStore *store, const Profile &profile, QObject *context,
    std::function<void(const ProfileSecrets &)> done);
} // namespace ConnectionFactory

} // namespace JobDesk
