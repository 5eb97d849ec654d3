// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLockFile>
#include <QString>

#include <optional>

namespace JobDesk {

/// Holds a QLockFile while a store reads, changes and writes a file that other programs (the
/// window, several CLIs) change too. Without it two `profile add` at the same moment both read
/// the old list and the second write drops the first one's profile while both report success.
///
/// Locks in the constructor, waiting up to the timeout (0: one try, no wait); unlocks in the
/// destructor. A lock left by a program that died is taken over (QLockFile notices that its
/// process is gone). The lock file sits next to what it protects and is removed on unlock.
class FileLock final
{
public:
    static constexpr int kTimeoutMs = 10000;
    /// A change takes milliseconds; a lock older than this belongs to a hung program.
    static constexpr int kStaleAfterMs = 30000;

    /// The program that holds a lock, as its lock file says.
    struct Holder
    {
        qint64 pid = 0;
        QString hostName;
        QString appName;
    };

    /// `staleAfterMs`: a lock file older than this is taken over even when its program still
    /// seems to run; 0 for a lock held as long as a program works (only a holder that is gone
    /// frees it then).
    explicit FileLock(
        const QString &lockFilePath, int timeoutMs = kTimeoutMs, int staleAfterMs = kStaleAfterMs);
    ~FileLock() = default;
    Q_DISABLE_COPY_MOVE(FileLock)

    bool isLocked() const { return m_locked; }
    /// Why the lock could not be taken (empty while locked).
    QString error() const { return m_error; }
    /// Who holds the lock when it could not be taken because another program has it;
    /// std::nullopt while locked here, or when the lock file cannot be read.
    std::optional<Holder> holder() const;

private:
    QLockFile m_lock;
    bool m_locked = false;
    QString m_error;
};

} // namespace JobDesk
