// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLockFile>
#include <QString>

namespace JobDesk {

/// Holds a QLockFile while a store reads, changes and writes a file that other programs (the
/// window, several CLIs) change too. Without it two `profile add` at the same moment both read
/// the old list and the second write drops the first one's profile while both report success.
///
/// Locks in the constructor, waiting up to kTimeoutMs; unlocks in the destructor. A lock left by
/// a program that died is taken over (QLockFile notices that its process is gone). The lock file
/// sits next to what it protects and is removed on unlock.
class FileLock final
{
public:
    static constexpr int kTimeoutMs = 10000;

    explicit FileLock(const QString &lockFilePath, int timeoutMs = kTimeoutMs);
    ~FileLock() = default;
    Q_DISABLE_COPY_MOVE(FileLock)

    bool isLocked() const { return m_locked; }
    /// Why the lock could not be taken (empty while locked).
    QString error() const { return m_error; }

private:
    QLockFile m_lock;
    bool m_locked = false;
    QString m_error;
};

} // namespace JobDesk
