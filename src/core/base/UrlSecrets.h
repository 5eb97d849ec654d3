// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace JobDesk {

/// What secret a URL carries, if any: user information (`user:password@`) or a query parameter
/// that holds a secret (`client_secret`, `password`, `secret`, `access_token`, any case).
/// Addresses are stored in plain files and shown in logs, history and the window, so a secret in
/// one would leak; a token URL is refused with this just as `--base-url` refuses credentials.
/// Returns e.g. "a user name and password" or "the parameter client_secret".
std::optional<QString> secretInUrl(const QUrl &url);

} // namespace JobDesk
