// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStringList>

namespace JobDesk::PrivateFiles {

namespace {
bool failed(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// The mode bits only: Qt adds the *User flags (what this process may do) to what it reports.
constexpr QFileDevice::Permissions kModeBits = QFileDevice::ReadOwner | QFileDevice::WriteOwner
    | QFileDevice::ExeOwner | QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
    | QFileDevice::ExeOther;

bool hasMode(const QString &path, QFileDevice::Permissions mode)
{
    return (QFile::permissions(path) & kModeBits) == mode;
}
} // namespace

bool ensureFolder(const QString &folder, QString *error)
{
    const QString absolute = QFileInfo(folder).absoluteFilePath();
    // The folders mkpath() is about to create, deepest first.
    QStringList created;
    for (QString path = absolute; !path.isEmpty() && !QFileInfo::exists(path);) {
        created.append(path);
        const QString parent = QFileInfo(path).absolutePath();
        if (parent == path)
            break;
        path = parent;
    }
    if (!QDir().mkpath(absolute))
        return failed(error, QStringLiteral("Cannot create the folder %1").arg(absolute));
    if (!QFileInfo(absolute).isDir())
        return failed(error, QStringLiteral("%1 is not a folder").arg(absolute));
    if (!created.contains(absolute))
        created.append(absolute);
    for (const QString &path : std::as_const(created)) {
        if (!hasMode(path, kFolderPermissions) && !QFile::setPermissions(path, kFolderPermissions))
            return failed(
                error, QStringLiteral("Cannot make the folder %1 private (0700)").arg(path));
    }
    return true;
}

bool ensureFolderOf(const QString &filePath, QString *error)
{
    return ensureFolder(QFileInfo(filePath).absolutePath(), error);
}

bool restrictFile(const QString &filePath, QString *error)
{
    const QFileInfo info(filePath);
    if (!info.exists() || info.isSymLink())
        return true;
    if (hasMode(filePath, kFilePermissions))
        return true;
    if (!QFile::setPermissions(filePath, kFilePermissions))
        return failed(error, QStringLiteral("Cannot make %1 private (0600)").arg(filePath));
    return true;
}

bool createPrivateFile(const QString &filePath, QString *error)
{
    if (!QFileInfo::exists(filePath)) {
        QFile file(filePath);
        // NewOnly: when another process creates it first, it has done the same.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kFilePermissions)
            && !QFileInfo::exists(filePath))
            return failed(
                error, QStringLiteral("Cannot create %1: %2").arg(filePath, file.errorString()));
    }
    return restrictFile(filePath, error);
}

bool syncPrivately(QSettings &settings, QString *error)
{
    // The folder first: QSettings would create a missing one with the umask's permissions.
    if (!ensureFolderOf(settings.fileName(), error))
        return false;
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return failed(error, QStringLiteral("Cannot write %1").arg(settings.fileName()));
    return restrictFile(settings.fileName(), error);
}

} // namespace JobDesk::PrivateFiles
