// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/batch/BatchLease.h"

#include "core/base/PrivateFiles.h"

#include <QDir>
#include <QFileInfo>

namespace JobDesk {

BatchLease::BatchLease(const QString &historyPath, qint64 batchId)
    : m_historyPath(historyPath)
    , m_batchId(batchId)
{
}

BatchLease::~BatchLease() = default;

QString BatchLease::lockPath(const QString &historyPath, qint64 batchId)
{
    return QFileInfo(historyPath)
        .absoluteDir()
        .filePath(QStringLiteral("batches/%1.lock").arg(batchId));
}

bool BatchLease::acquire()
{
    if (isHeld())
        return true;
    m_holder.reset();
    m_error.clear();
    const QString path = lockPath(m_historyPath, m_batchId);
    QString folderError;
    if (!PrivateFiles::ensureFolderOf(path, &folderError)) {
        m_error = folderError;
        return false;
    }
    // No age limit (0): only a holder whose process is gone gives the lease up.
    m_lock = std::make_unique<FileLock>(path, kAcquireWaitMs, 0);
    if (m_lock->isLocked()) {
        // QLockFile creates it with the umask's mode; like every file JobDesk keeps, 0600.
        PrivateFiles::restrictFile(path);
        return true;
    }
    m_holder = m_lock->holder();
    if (m_holder) {
        m_error = QStringLiteral("batch %1 is being run by another JobDesk program (pid %2, %3 "
                                 "on %4)")
                      .arg(m_batchId)
                      .arg(m_holder->pid)
                      .arg(m_holder->appName, m_holder->hostName);
    } else {
        m_error = m_lock->error();
    }
    m_lock.reset();
    return false;
}

void BatchLease::release()
{
    m_lock.reset();
}

bool BatchLease::isHeld() const
{
    return m_lock && m_lock->isLocked();
}

std::optional<FileLock::Holder> BatchLease::holderOf(const QString &historyPath, qint64 batchId)
{
    const QString path = lockPath(historyPath, batchId);
    // Most batches were never leased here or ended long ago: no file, nothing to try.
    if (!QFileInfo::exists(path))
        return std::nullopt;
    const FileLock probe(path, 0, 0);
    if (probe.isLocked())
        return std::nullopt; // it was left by a program that is gone (now removed) or just ended
    if (const std::optional<FileLock::Holder> holder = probe.holder())
        return holder;
    // Held, but its holder is still writing who it is (or the file is unreadable): held.
    return FileLock::Holder();
}

bool BatchStatus::interrupted() const
{
    return runLocally && !holder
        && (recorded == BatchState::Running || recorded == BatchState::Planning);
}

QString BatchStatus::stateName() const
{
    return interrupted() ? QStringLiteral("interrupted") : batchStateName(recorded);
}

BatchStatus BatchStatus::of(const QString &historyPath, const BatchInfo &info)
{
    BatchStatus status;
    status.recorded = info.state;
    status.runLocally = info.spec.action != ActionKind::BatchOperation;
    status.holder = BatchLease::holderOf(historyPath, info.id);
    return status;
}

} // namespace JobDesk
