// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileDevice>
#include <QString>

class QSettings;

/// Owner-only permissions for everything JobDesk keeps for its user.
///
/// The history, profiles, draft, window settings and templates say which jobs a person touched,
/// on which clusters, with which payloads: other accounts on the machine have no business
/// reading them. Every writer of such a file goes through these functions, so the files are
/// 0600 and their folders 0700 whatever the umask says (a umask of 022 would give 0644/0755).
/// Exports to a place the person chose keep the usual permissions.
namespace JobDesk::PrivateFiles {

inline constexpr QFileDevice::Permissions kFilePermissions
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
inline constexpr QFileDevice::Permissions kFolderPermissions
    = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

/// Creates `folder` (with any missing parents) and makes it 0700, also when it existed. Parents
/// created on the way are 0700 too; parents that existed are left as they are. False with a
/// sentence in `error` when the folder cannot be created or restricted.
bool ensureFolder(const QString &folder, QString *error = nullptr);

/// ensureFolder() for the folder that holds `filePath`.
bool ensureFolderOf(const QString &filePath, QString *error = nullptr);

/// Makes an existing file 0600 (nothing to do when it does not exist). False with `error`.
bool restrictFile(const QString &filePath, QString *error = nullptr);

/// Creates `filePath` empty with 0600 if it does not exist yet, so a program that creates the
/// file itself with its own default mode (SQLite: 0644) finds it private from the first byte.
/// Also makes an existing file 0600. False with `error`.
bool createPrivateFile(const QString &filePath, QString *error = nullptr);

/// Writes `settings` to its file now and makes the file 0600 in a 0700 folder (QSettings creates
/// them with the umask's permissions). For every QSettings JobDesk writes (window layout, log
/// layout, retention). False with `error` when the file or folder cannot be restricted.
bool syncPrivately(QSettings &settings, QString *error = nullptr);

} // namespace JobDesk::PrivateFiles
