// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/HistoryStore.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QThread;

namespace JobDesk {

/// Runs slow history work (retention pruning, export) off the UI thread.
///
/// HistoryStore connections belong to one thread, so each task opens a store of its own on the
/// same file inside a worker thread; SQLite's WAL lets the window keep reading meanwhile. The
/// `done` callback runs on the worker object's thread once the task has finished. Destroying
/// the worker waits for tasks still running.
class HistoryWorker final : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        bool ok = false;
        int count = 0;
        QString error;
        QList<HistoryEntry> entries; ///< for queries
    };
    using Task = std::function<Result(HistoryStore &store)>;
    using Done = std::function<void(const Result &result)>;

    explicit HistoryWorker(QObject *parent = nullptr);
    ~HistoryWorker() override;
    Q_DISABLE_COPY_MOVE(HistoryWorker)

    void run(const QString &databasePath, Task task, Done done);
    int runningTasks() const { return int(m_threads.size()); }

private:
    QList<QThread *> m_threads;
};

} // namespace JobDesk
