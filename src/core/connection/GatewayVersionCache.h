// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/Clock.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace JobDesk {

/// The gateway version of each API root, read once per connection (GET /v2/topology: the
/// window when it switches connections, "Test connection", `jobdesk-cli profile test`) and
/// remembered for a while, so that deciding what a server understands never costs a plain
/// completion an extra round trip.
///
/// Kept in `gateway-versions.json` in CacheLocation, shared by the window and the CLI. Every call
/// reads the file afresh (another process may have written it); remember() rewrites it
/// atomically. A corrupt file is reported by error() and left in place: it is then neither read
/// nor overwritten. Entries older than maxAge() are not answered (a server may be upgraded).
class GatewayVersionCache final
{
public:
    static constexpr std::chrono::seconds kDefaultMaxAge {std::chrono::hours(1)};
    static constexpr int kMaxEntries = 100; ///< the oldest go first

    struct Entry
    {
        QString version; ///< as the gateway reports it, e.g. "8.8.0" or "8.9.0-alpha2"
        QDateTime readAt; ///< UTC
    };

    explicit GatewayVersionCache(const QString &path = defaultPath(), Clock clock = {});
    Q_DISABLE_COPY_MOVE(GatewayVersionCache)

    /// CacheLocation/gateway-versions.json.
    static QString defaultPath();
    QString path() const { return m_path; }

    /// The version remembered for `apiRoot` if it was read within maxAge().
    std::optional<QString> version(const QUrl &apiRoot) const;
    /// The entry for `apiRoot` whatever its age.
    std::optional<Entry> entry(const QUrl &apiRoot) const;
    /// Remembers `version` for `apiRoot` as read now. False with error() when the file is corrupt
    /// or cannot be written.
    bool remember(const QUrl &apiRoot, const QString &version);
    /// Drops what is remembered for `apiRoot` (the server contradicted it).
    bool forget(const QUrl &apiRoot);

    void setMaxAge(std::chrono::seconds maxAge) { m_maxAge = maxAge; }
    std::chrono::seconds maxAge() const { return m_maxAge; }
    QString error() const { return m_error; }

private:
    struct Entries;
    bool load(Entries *entries) const;
    bool save(const Entries &entries);

    QString m_path;
    Clock m_clock;
    std::chrono::seconds m_maxAge = kDefaultMaxAge;
    mutable QString m_error;
};

} // namespace JobDesk
