// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace JobDesk::AtomicFile {

/// Writes `data` to `path` through QSaveFile (a temporary file renamed over the target once
/// complete), creating the folder first. Either the old or the new content is on disk, never
/// a mix. False with a sentence in `error` on failure.
bool write(const QString &path, const QByteArray &data, QString *error = nullptr);

/// Reads a whole file, refusing files larger than `maxBytes`. False with `error` on failure.
bool read(const QString &path, QByteArray *data, QString *error = nullptr,
    qint64 maxBytes = 16 * 1024 * 1024);

} // namespace JobDesk::AtomicFile
