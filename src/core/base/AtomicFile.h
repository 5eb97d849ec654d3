// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace JobDesk::AtomicFile {

/// Who may read a written file.
enum class Access {
    Private, ///< JobDesk's own data (profiles, templates, draft): 0600 in a 0700 folder
    Shared, ///< a file the person chose (an export): the usual permissions (umask)
};

/// Writes `data` to `path` through QSaveFile (a temporary file renamed over the target once
/// complete), creating the folder first. Either the old or the new content is on disk, never
/// a mix. With Access::Private the temporary file is made 0600 before anything is written into
/// it, so the file is private from its first byte (see PrivateFiles). False with a sentence in
/// `error` on failure.
bool write(const QString &path, const QByteArray &data, Access access, QString *error = nullptr);

/// Reads a whole file, refusing files larger than `maxBytes`. False with `error` on failure.
bool read(const QString &path, QByteArray *data, QString *error = nullptr,
    qint64 maxBytes = 16 * 1024 * 1024);

} // namespace JobDesk::AtomicFile
