// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/HistoryWorker.h"

#include "core/history/HistoryStore.h"

#include <QThread>

#include <memory>

namespace JobDesk {

HistoryWorker::HistoryWorker(QObject *parent)
    : QObject(parent)
{
}

HistoryWorker::~HistoryWorker()
{
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

void HistoryWorker::run(const QString &databasePath, Task task, Done done)
{
    auto result = std::make_shared<Result>();
    QThread *thread = QThread::create([databasePath, task = std::move(task), result] {
        HistoryStore store;
        if (!store.open(databasePath)) {
            result->error = store.error();
            return;
        }
        *result = task(store);
    });
    m_threads.append(thread);
    // finished is emitted in the worker thread; the queued lambda runs on ours.
    connect(
        thread, &QThread::finished, this,
        [this, thread, result, done = std::move(done)] {
            m_threads.removeOne(thread);
            thread->wait();
            delete thread;
            if (done)
                done(*result);
        },
        Qt::QueuedConnection);
    thread->start(QThread::LowPriority);
}

} // namespace JobDesk
