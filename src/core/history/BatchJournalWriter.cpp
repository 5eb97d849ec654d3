// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/BatchJournalWriter.h"

#include "core/history/HistoryStore.h"

#include <QMetaObject>

namespace JobDesk {

namespace {

/// `work` on the journal, with what went wrong: the journal's error, or that there is none.
template <typename Work> auto attempt(BatchJournal *journal, Work work)
{
    using Result = decltype(work(*journal));
    if (!journal)
        return std::pair<Result, QString>(
            Result(), QStringLiteral("the batch journal writer is not open"));
    Result result = work(*journal);
    const bool ok = static_cast<bool>(result);
    return std::pair<Result, QString>(std::move(result), ok ? QString() : journal->error());
}

} // namespace

struct BatchJournalWriter::Worker
{
    HistoryStore store;
    std::unique_ptr<BatchJournal> journal;
};

BatchJournalWriter::BatchJournalWriter(QObject *parent)
    : QObject(parent)
    , m_worker(std::make_unique<Worker>())
{
    m_thread.setObjectName(QStringLiteral("JobDesk batch journal"));
}

BatchJournalWriter::~BatchJournalWriter()
{
    if (!m_thread.isRunning())
        return;
    // Queued behind every write already handed over: they finish, then the connection closes
    // on the thread that opened it.
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_worker.reset();
            m_context->deleteLater(); // deleted when the thread finishes
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool BatchJournalWriter::open(const QString &path)
{
    if (m_thread.isRunning()) {
        m_error = QStringLiteral("the batch journal writer is open already");
        return false;
    }
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    bool opened = false;
    QString error;
    QMetaObject::invokeMethod(
        m_context,
        [this, path, &opened, &error] {
            opened = m_worker->store.open(path);
            if (opened)
                m_worker->journal = std::make_unique<BatchJournal>(m_worker->store);
            else
                error = m_worker->store.error();
        },
        Qt::BlockingQueuedConnection);
    if (!opened)
        m_error = error;
    return opened;
}

void BatchJournalWriter::post(std::function<std::function<void()>(Worker &)> work)
{
    ++m_pending;
    // The answer runs on the writer's own thread; it is dropped with the writer if that is gone.
    const auto answer = [this](std::function<void()> reply) {
        QMetaObject::invokeMethod(
            this,
            [this, reply = std::move(reply)] {
                --m_pending;
                reply();
            },
            Qt::QueuedConnection);
    };
    if (!m_context) {
        // Never opened: the work sees no journal and says so, still answered later, not inline.
        Worker none;
        answer(work(none));
        return;
    }
    QMetaObject::invokeMethod(
        m_context, [this, answer, work = std::move(work)] { answer(work(*m_worker)); },
        Qt::QueuedConnection);
}

void BatchJournalWriter::postRead(std::function<std::function<void()>(const BatchJournal *)> work)
{
    post([work = std::move(work)](Worker &w) { return work(w.journal.get()); });
}

void BatchJournalWriter::markSending(qint64 batchId, const QList<SendingItem> &items, MarkDone done)
{
    post([batchId, items, done = std::move(done)](Worker &w) {
        const auto [ids, error] = attempt(w.journal.get(),
            [&](BatchJournal &journal) { return journal.markSending(batchId, items); });
        return std::function<void()>([done, ids = ids, error = error] { done(ids, error); });
    });
}

void BatchJournalWriter::postWrite(std::function<bool(BatchJournal &)> work, Done done)
{
    post([work = std::move(work), done = std::move(done)](Worker &w) {
        const auto [ok, error] = attempt(w.journal.get(), work);
        return std::function<void()>([done, ok = ok, error = error] { done(ok, error); });
    });
}

void BatchJournalWriter::recordResults(qint64 batchId, const QList<ItemResult> &results, Done done)
{
    postWrite([batchId, results](
                  BatchJournal &journal) { return journal.recordResults(batchId, results); },
        std::move(done));
}

void BatchJournalWriter::addItems(qint64 batchId, const QList<BatchItem> &items, Done done)
{
    postWrite([batchId, items](BatchJournal &journal) { return journal.addItems(batchId, items); },
        std::move(done));
}

void BatchJournalWriter::setState(qint64 batchId, BatchState state, Done done)
{
    postWrite([batchId, state](BatchJournal &journal) { return journal.setState(batchId, state); },
        std::move(done));
}

void BatchJournalWriter::removeBatch(qint64 batchId, Done done)
{
    postWrite(
        [batchId](BatchJournal &journal) { return journal.removeBatch(batchId); }, std::move(done));
}

void BatchJournalWriter::readItems(qint64 batchId, const QList<BatchItemState> &states,
    qint64 afterLine, int limit, ItemsDone done)
{
    post([batchId, states, afterLine, limit, done = std::move(done)](Worker &w) {
        const auto [items, error] = attempt(w.journal.get(), [&](BatchJournal &journal) {
            return journal.items(batchId, states, afterLine, limit);
        });
        return std::function<void()>([done, items = items, error = error] { done(items, error); });
    });
}

void BatchJournalWriter::whenIdle(std::function<void()> done)
{
    post([done = std::move(done)](Worker &) -> std::function<void()> { return done; });
}

} // namespace JobDesk
