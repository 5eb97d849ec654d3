// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/AtomicFile.h"

#include "core/base/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace JobDesk::AtomicFile {

namespace {
bool failed(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}
} // namespace

bool write(const QString &path, const QByteArray &data, Access access, QString *error)
{
    const QString folder = QFileInfo(path).absolutePath();
    if (access == Access::Private) {
        if (!PrivateFiles::ensureFolder(folder, error))
            return false;
    } else if (!QDir().mkpath(folder)) {
        return failed(error, QStringLiteral("Cannot create the folder %1").arg(folder));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failed(error, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    // QSaveFile gives a new file 0666 & ~umask, an existing one its old mode: set ours on the
    // temporary file, which the commit renames into place.
    if (access == Access::Private && !file.setPermissions(PrivateFiles::kFilePermissions)) {
        const QString message
            = QStringLiteral("Cannot make %1 private: %2").arg(path, file.errorString());
        file.cancelWriting();
        return failed(error, message);
    }
    if (file.write(data) != data.size()) {
        const QString message = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        file.cancelWriting();
        return failed(error, message);
    }
    if (!file.commit())
        return failed(error, QStringLiteral("Cannot save %1: %2").arg(path, file.errorString()));
    return true;
}

bool read(const QString &path, QByteArray *data, QString *error, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(error, QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > maxBytes)
        return failed(
            error, QStringLiteral("%1 is too large (%2 bytes)").arg(path).arg(file.size()));
    *data = file.readAll();
    return true;
}

} // namespace JobDesk::AtomicFile
