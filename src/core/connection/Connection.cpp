// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/Connection.h"

namespace JobDesk {

std::optional<SecretKind> AuthSettings::secretKind() const
{
    switch (kind) {
    case AuthKind::None:
        break;
    case AuthKind::Basic:
        return SecretKind::Password;
    case AuthKind::Bearer:
        return SecretKind::Token;
    case AuthKind::OAuth:
        return SecretKind::ClientSecret;
    }
    return std::nullopt;
}

bool operator==(const AuthSettings &a, const AuthSettings &b)
{
    return a.kind == b.kind && a.username == b.username && a.clientId == b.clientId
        && a.tokenUrl == b.tokenUrl && a.audience == b.audience && a.scope == b.scope
        && a.tokenTimeout == b.tokenTimeout;
}

QString Connection::displayName() const
{
    return profileName.isEmpty() ? apiRoot.toString() : profileName;
}

QList<SecretKind> Connection::secretKinds() const
{
    QList<SecretKind> kinds;
    if (const std::optional<SecretKind> kind = auth.secretKind())
        kinds.append(*kind);
    if (!tls.clientKeyFile.isEmpty() || !tls.clientKeyPem.isEmpty())
        kinds.append(SecretKind::KeyPassphrase);
    return kinds;
}

} // namespace JobDesk
