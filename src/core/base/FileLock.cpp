// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/FileLock.h"

namespace JobDesk {

FileLock::FileLock(const QString &lockFilePath, int timeoutMs, int staleAfterMs)
    : m_lock(lockFilePath)
{
    m_lock.setStaleLockTime(staleAfterMs);
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

std::optional<FileLock::Holder> FileLock::holder() const
{
    if (m_locked || m_lock.error() != QLockFile::LockFailedError)
        return std::nullopt;
    Holder holder;
    if (!m_lock.getLockInfo(&holder.pid, &holder.hostName, &holder.appName))
        return std::nullopt;
    return holder;
}

} // namespace JobDesk
