// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/GatewayVersionCache.h"

#include "core/base/AtomicFile.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

namespace JobDesk {

namespace {
constexpr int kFormatVersion = 1;
constexpr qint64 kMaxFileBytes = 1024 * 1024;

QString keyOf(const QUrl &apiRoot)
{
    return apiRoot.adjusted(QUrl::NormalizePathSegments).toString();
}
} // namespace

struct GatewayVersionCache::Entries
{
    QHash<QString, Entry> byRoot;
};

GatewayVersionCache::GatewayVersionCache(const QString &path, Clock clock)
    : m_path(path)
    , m_clock(std::move(clock))
{
}

QString GatewayVersionCache::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
        + QStringLiteral("/gateway-versions.json");
}

bool GatewayVersionCache::load(Entries *entries) const
{
    m_error.clear();
    if (!QFileInfo::exists(m_path))
        return true;
    QByteArray data;
    if (!AtomicFile::read(m_path, &data, &m_error, kMaxFileBytes))
        return false;
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    const QJsonObject root = document.object();
    if (parseError.error != QJsonParseError::NoError || !document.isObject()
        || root.value(QLatin1String("version")).toInt() != kFormatVersion
        || !root.value(QLatin1String("gateways")).isObject()) {
        m_error = QStringLiteral("%1 is not a gateway version cache of this JobDesk; it is left "
                                 "as it is")
                      .arg(m_path);
        return false;
    }
    const QJsonObject gateways = root.value(QLatin1String("gateways")).toObject();
    for (auto it = gateways.constBegin(); it != gateways.constEnd(); ++it) {
        const QJsonObject item = it.value().toObject();
        Entry entry;
        entry.version = item.value(QLatin1String("gatewayVersion")).toString();
        entry.readAt = QDateTime::fromString(
            item.value(QLatin1String("readAt")).toString(), Qt::ISODateWithMs);
        if (!entry.version.isEmpty() && entry.readAt.isValid())
            entries->byRoot.insert(it.key(), entry);
    }
    return true;
}

bool GatewayVersionCache::save(const Entries &entries)
{
    QList<QString> roots = entries.byRoot.keys();
    // Newest first; only the newest kMaxEntries are kept.
    std::sort(roots.begin(), roots.end(), [&entries](const QString &a, const QString &b) {
        return entries.byRoot.value(a).readAt > entries.byRoot.value(b).readAt;
    });
    QJsonObject gateways;
    for (int i = 0; i < roots.size() && i < kMaxEntries; ++i) {
        const Entry &entry = entries.byRoot[roots.at(i)];
        gateways.insert(roots.at(i),
            QJsonObject {{QStringLiteral("gatewayVersion"), entry.version},
                {QStringLiteral("readAt"), entry.readAt.toUTC().toString(Qt::ISODateWithMs)}});
    }
    const QJsonObject root {
        {QStringLiteral("version"), kFormatVersion}, {QStringLiteral("gateways"), gateways}};
    return AtomicFile::write(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented),
        AtomicFile::Access::Private, &m_error);
}

std::optional<GatewayVersionCache::Entry> GatewayVersionCache::entry(const QUrl &apiRoot) const
{
    Entries entries;
    if (!load(&entries))
        return std::nullopt;
    const auto it = entries.byRoot.constFind(keyOf(apiRoot));
    if (it == entries.byRoot.constEnd())
        return std::nullopt;
    return *it;
}

std::optional<QString> GatewayVersionCache::version(const QUrl &apiRoot) const
{
    const std::optional<Entry> found = entry(apiRoot);
    if (!found)
        return std::nullopt;
    const qint64 age = found->readAt.secsTo(m_clock.now());
    // A time in the future (a clock set back) counts as stale too.
    if (age < 0 || age > m_maxAge.count())
        return std::nullopt;
    return found->version;
}

bool GatewayVersionCache::remember(const QUrl &apiRoot, const QString &version)
{
    if (version.trimmed().isEmpty())
        return false;
    Entries entries;
    if (!load(&entries))
        return false;
    entries.byRoot.insert(keyOf(apiRoot), Entry {version.trimmed(), m_clock.now().toUTC()});
    return save(entries);
}

bool GatewayVersionCache::forget(const QUrl &apiRoot)
{
    Entries entries;
    if (!load(&entries))
        return false;
    if (entries.byRoot.remove(keyOf(apiRoot)) == 0)
        return true;
    return save(entries);
}

} // namespace JobDesk
