// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ProfileStore.h"

#include "core/base/AtomicFile.h"
#include "core/base/FileLock.h"
#include "core/base/Logging.h"
#include "core/base/PrivateFiles.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace JobDesk {

namespace {
const QLatin1String kFormat("jobdesk-profiles");
}

QString ProfileStore::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("profiles.json"));
}

bool ProfileStore::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStorage).noquote() << message;
    return false;
}

QStringList ProfileStore::names() const
{
    QStringList result;
    for (const Profile &profile : m_profiles)
        result.append(profile.name);
    return result;
}

int ProfileStore::indexOf(const QString &name) const
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

std::optional<Profile> ProfileStore::find(const QString &name) const
{
    const int i = indexOf(name);
    if (i < 0)
        return std::nullopt;
    return m_profiles.at(i);
}

bool ProfileStore::load(const QString &path)
{
    m_path = path;
    m_loaded = true;
    m_error.clear();
    m_corrupt = false;
    m_profiles.clear();
    m_defaultProfile.clear();
    m_lastUsed.clear();

    if (!QFileInfo::exists(path))
        return true;
    auto corrupt = [this, &path](const QString &why) {
        m_corrupt = true;
        return fail(QStringLiteral("The profiles file %1 cannot be used (%2). It was left as it "
                                   "is; nothing will be saved over it.")
                        .arg(path, why));
    };
    QByteArray data;
    QString readError;
    if (!AtomicFile::read(path, &data, &readError))
        return corrupt(readError);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return corrupt(QStringLiteral("not valid JSON at offset %1: %2")
                           .arg(parseError.offset)
                           .arg(parseError.errorString()));
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(QLatin1String("format")).toString() != kFormat)
        return corrupt(QStringLiteral("not a JobDesk profiles file"));
    const int version = root.value(QLatin1String("version")).toInt(0);
    if (version < 1)
        return corrupt(QStringLiteral("no valid version"));
    if (version > kFormatVersion)
        return corrupt(
            QStringLiteral("written by a newer JobDesk (format version %1)").arg(version));

    QList<Profile> profiles;
    const QJsonArray array = root.value(QLatin1String("profiles")).toArray();
    for (int i = 0; i < array.size(); ++i) {
        QString error;
        const auto profile = Profile::fromJson(array.at(i).toObject(), &error);
        if (!profile)
            return corrupt(QStringLiteral("profile %1: %2").arg(i + 1).arg(error));
        for (const Profile &other : profiles) {
            if (other.name.compare(profile->name, Qt::CaseInsensitive) == 0)
                return corrupt(QStringLiteral("the name \"%1\" appears twice").arg(profile->name));
        }
        profiles.append(*profile);
    }
    m_profiles = profiles;
    m_defaultProfile = root.value(QLatin1String("defaultProfile")).toString();
    m_lastUsed = root.value(QLatin1String("lastUsedProfile")).toString();
    return true;
}

bool ProfileStore::change(const std::function<bool(bool *unchanged)> &modify)
{
    const QString path = m_loaded ? m_path : defaultPath();
    QString error;
    if (!PrivateFiles::ensureFolderOf(path, &error))
        return fail(error);
    // Read, change and write under one lock, re-reading under it: another program may have
    // changed the file since this store last read it.
    const FileLock lock(path + QStringLiteral(".lock"));
    if (!lock.isLocked())
        return fail(lock.error());
    if (!load(path))
        return false;
    bool unchanged = false;
    if (!modify(&unchanged))
        return false;
    return unchanged || save();
}

bool ProfileStore::save()
{
    QJsonArray array;
    for (const Profile &profile : m_profiles)
        array.append(profile.toJson());
    QJsonObject root;
    root.insert(QLatin1String("format"), kFormat);
    root.insert(QLatin1String("version"), kFormatVersion);
    if (!m_defaultProfile.isEmpty())
        root.insert(QLatin1String("defaultProfile"), m_defaultProfile);
    if (!m_lastUsed.isEmpty())
        root.insert(QLatin1String("lastUsedProfile"), m_lastUsed);
    root.insert(QLatin1String("profiles"), array);
    QString error;
    if (!AtomicFile::write(m_path, QJsonDocument(root).toJson(QJsonDocument::Indented),
            AtomicFile::Access::Private, &error))
        return fail(error);
    return true;
}

bool ProfileStore::add(const Profile &profile)
{
    if (const QString error = profile.validationError(); !error.isEmpty())
        return fail(error);
    return change([&](bool *) {
        if (indexOf(profile.name) >= 0)
            return fail(QStringLiteral("A profile named \"%1\" already exists.").arg(profile.name));
        m_profiles.append(profile);
        return true;
    });
}

bool ProfileStore::update(const QString &oldName, const Profile &profile)
{
    if (const QString error = profile.validationError(); !error.isEmpty())
        return fail(error);
    return change([&](bool *) {
        const int i = indexOf(oldName);
        if (i < 0)
            return fail(QStringLiteral("There is no profile named \"%1\".").arg(oldName));
        const int clash = indexOf(profile.name);
        if (clash >= 0 && clash != i)
            return fail(QStringLiteral("A profile named \"%1\" already exists.").arg(profile.name));
        const QString previous = m_profiles.at(i).name;
        m_profiles[i] = profile;
        if (m_defaultProfile.compare(previous, Qt::CaseInsensitive) == 0)
            m_defaultProfile = profile.name;
        if (m_lastUsed.compare(previous, Qt::CaseInsensitive) == 0)
            m_lastUsed = profile.name;
        return true;
    });
}

bool ProfileStore::remove(const QString &name)
{
    return change([&](bool *) {
        const int i = indexOf(name);
        if (i < 0)
            return fail(QStringLiteral("There is no profile named \"%1\".").arg(name));
        m_profiles.removeAt(i);
        if (m_defaultProfile.compare(name, Qt::CaseInsensitive) == 0)
            m_defaultProfile.clear();
        if (m_lastUsed.compare(name, Qt::CaseInsensitive) == 0)
            m_lastUsed.clear();
        return true;
    });
}

bool ProfileStore::setDefaultProfile(const QString &name)
{
    return change([&](bool *) {
        if (name.isEmpty()) {
            m_defaultProfile.clear();
            return true;
        }
        const int i = indexOf(name);
        if (i < 0)
            return fail(QStringLiteral("There is no profile named \"%1\".").arg(name));
        m_defaultProfile = m_profiles.at(i).name;
        return true;
    });
}

bool ProfileStore::setLastUsedProfile(const QString &name)
{
    return change([&](bool *unchanged) {
        const int i = indexOf(name);
        if (i < 0)
            return fail(QStringLiteral("There is no profile named \"%1\".").arg(name));
        // Usually the same profile as last time: nothing to write.
        *unchanged = m_lastUsed == m_profiles.at(i).name;
        m_lastUsed = m_profiles.at(i).name;
        return true;
    });
}

std::optional<Profile> ProfileStore::startupProfile() const
{
    if (auto profile = find(m_lastUsed); profile && !m_lastUsed.isEmpty())
        return profile;
    if (auto profile = find(m_defaultProfile); profile && !m_defaultProfile.isEmpty())
        return profile;
    if (!m_profiles.isEmpty())
        return m_profiles.first();
    return std::nullopt;
}

bool ProfileStore::setAsideCorruptFile(QString *movedTo)
{
    if (!m_corrupt)
        return fail(QStringLiteral("The profiles file is not marked as broken."));
    const QString target = m_path + QStringLiteral(".broken-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    const FileLock lock(m_path + QStringLiteral(".lock"));
    if (!lock.isLocked())
        return fail(lock.error());
    if (QFileInfo::exists(m_path) && !QFile::rename(m_path, target))
        return fail(QStringLiteral("Cannot rename %1 to %2").arg(m_path, target));
    if (movedTo)
        *movedTo = target;
    qCInfo(lcStorage).noquote() << "Set aside the broken profiles file as" << target;
    return load(m_path);
}

} // namespace JobDesk
