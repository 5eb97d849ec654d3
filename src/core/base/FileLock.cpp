// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/FileLock.h"

namespace JobDesk {

FileLock::FileLock(const QString &lockFilePath, int timeoutMs)
    : m_lock(lockFilePath)
{
    // A change takes milliseconds; a lock older than this belongs to a hung program.
    m_lock.setStaleLockTime(30000);
    m_locked = m_lock.tryLock(timeoutMs);
    if (m_locked)
        return;
    switch (m_lock.error()) {
    case QLockFile::LockFailedError:
        m_error = QStringLiteral("%1 is locked by another JobDesk program that did not finish "
                                 "within %2 s")
                      .arg(lockFilePath)
                      .arg(timeoutMs / 1000);
        break;
    case QLockFile::PermissionError:
        m_error = QStringLiteral("Cannot create the lock file %1 (permission denied)")
                      .arg(lockFilePath);
        break;
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        m_error = QStringLiteral("Cannot create the lock file %1").arg(lockFilePath);
        break;
    }
}

} // namespace JobDesk
