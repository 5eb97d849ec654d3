// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/UrlSecrets.h"

#include <QUrlQuery>

namespace JobDesk {

std::optional<QString> secretInUrl(const QUrl &url)
{
    if (!url.password().isEmpty())
        return QStringLiteral("a user name and password");
    if (!url.userName().isEmpty())
        return QStringLiteral("a user name");
    static const char *const kSecretParameters[]
        = {"client_secret", "password", "secret", "access_token"};
    const QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        for (const char *secret : kSecretParameters) {
            if (name.compare(QLatin1String(secret), Qt::CaseInsensitive) == 0)
                return QStringLiteral("the parameter %1").arg(name);
        }
    }
    return std::nullopt;
}

} // namespace JobDesk
