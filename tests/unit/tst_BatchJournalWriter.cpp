// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/BatchJournalWriter.h"
#include "core/history/HistoryStore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace JobDesk;

namespace {

QString keyOf(qint64 line)
{
    return QString::number(2251799813685248LL + line);
}

SendingItem sendingFor(qint64 line)
{
    RequestRecord request;
    request.action = ActionKind::Complete;
    request.subjectKey = keyOf(line);
    request.method = "POST";
    request.url
        = QUrl(QStringLiteral("http://localhost:8080/v2/jobs/%1/completion").arg(keyOf(line)));
    request.body = "{}";
    SendingItem item;
    item.line = line;
    item.attempt = HistoryEntry::forAttempt(
        request, HistorySource::Cli, QStringLiteral("dev"), false, QDateTime::currentDateTimeUtc());
    return item;
}

ItemResult completed(qint64 line, qint64 historyId)
{
    Outcome outcome;
    outcome.kind = OutcomeKind::Completed;
    outcome.httpStatus = 204;
    outcome.request = sendingFor(line).attempt.request;
    ItemResult result;
    result.line = line;
    result.state = BatchItemState::Done;
    result.outcome = outcome;
    result.historyId = historyId;
    return result;
}

} // namespace

/// The journal's writes on their own thread: in order, committed before `done`, readable from
/// another connection at once, errors reported, nothing handed over lost on destruction.
class TestBatchJournalWriter final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("h%1.sqlite").arg(++m_n));
        m_store = std::make_unique<HistoryStore>();
        QVERIFY2(m_store->open(m_path), qPrintable(m_store->error()));
        m_journal = std::make_unique<BatchJournal>(*m_store);
        const auto id = m_journal->createBatch(BatchSpec());
        QVERIFY(id);
        m_batch = *id;
        QList<BatchItem> items;
        for (qint64 line = 1; line <= 300; ++line) {
            BatchItem item;
            item.line = line;
            item.jobKey = keyOf(line);
            items.append(item);
        }
        QVERIFY(m_journal->addItems(m_batch, items));
    }
    void cleanup()
    {
        m_journal.reset();
        m_store.reset();
    }

    void marksAreCommittedBeforeDoneOnAnotherThread()
    {
        BatchJournalWriter writer;
        QVERIFY2(writer.open(m_path), qPrintable(writer.error()));
        QList<SendingItem> items;
        for (qint64 line = 1; line <= 64; ++line)
            items.append(sendingFor(line));
        bool called = false;
        QList<qint64> ids;
        Qt::HANDLE doneThread = nullptr;
        writer.markSending(m_batch, items,
            [&](const std::optional<QList<qint64>> &historyIds, const QString &error) {
                QVERIFY2(historyIds, qPrintable(error));
                ids = *historyIds;
                doneThread = QThread::currentThreadId();
                // Committed: this thread's own connection sees every item Sending already.
                const auto counts = m_journal->counts(m_batch);
                QVERIFY(counts);
                QCOMPARE(counts->sending, 64);
                called = true;
            });
        QCOMPARE(writer.pending(), 1);
        QVERIFY(!called); // never inline: the caller goes on at once
        QTRY_VERIFY(called);
        QCOMPARE(writer.pending(), 0);
        QCOMPARE(doneThread, QThread::currentThreadId());
        QCOMPARE(ids.size(), 64);
        QVERIFY(std::adjacent_find(ids.cbegin(), ids.cend(), std::greater_equal<>()) == ids.cend());
        const auto entry = m_store->entry(ids.first());
        QVERIFY(entry);
        QCOMPARE(entry->state, HistoryState::Pending);
        QCOMPARE(entry->batchId, m_batch);
    }

    void writesRunInTheOrderHandedOver()
    {
        BatchJournalWriter writer;
        QVERIFY(writer.open(m_path));
        // Mark, result (back to Planned, as back-pressure does), mark the same line again — all
        // handed over at once: only the order makes the second mark valid.
        QList<qint64> first;
        QList<qint64> second;
        QStringList order;
        writer.markSending(m_batch, {sendingFor(7)},
            [&](const std::optional<QList<qint64>> &ids, const QString &error) {
                QVERIFY2(ids, qPrintable(error));
                first = *ids;
                order << QStringLiteral("mark");
            });
        QTRY_COMPARE(first.size(), 1);
        ItemResult again = completed(7, first.first());
        again.state = BatchItemState::Planned;
        writer.recordResults(m_batch, {again}, [&](bool ok, const QString &error) {
            QVERIFY2(ok, qPrintable(error));
            order << QStringLiteral("result");
        });
        writer.markSending(m_batch, {sendingFor(7)},
            [&](const std::optional<QList<qint64>> &ids, const QString &error) {
                QVERIFY2(ids, qPrintable(error));
                second = *ids;
                order << QStringLiteral("mark");
            });
        bool idle = false;
        writer.whenIdle([&] {
            order << QStringLiteral("idle");
            idle = true;
        });
        QCOMPARE(writer.pending(), 3);
        QTRY_VERIFY(idle);
        QCOMPARE(order,
            QStringList({QStringLiteral("mark"), QStringLiteral("result"), QStringLiteral("mark"),
                QStringLiteral("idle")}));
        QCOMPARE(second.size(), 1);
        QVERIFY(second.first() != first.first());
        const auto items = m_journal->items(m_batch, {BatchItemState::Sending});
        QVERIFY(items);
        QCOMPARE(items->size(), 1);
        QCOMPARE(items->first().attempts, 2);
        QCOMPARE(items->first().historyId, second.first());
    }

    void readsSeeTheWritesHandedOverBefore()
    {
        BatchJournalWriter writer;
        QVERIFY(writer.open(m_path));
        QList<SendingItem> items;
        for (qint64 line = 1; line <= 10; ++line)
            items.append(sendingFor(line));
        writer.markSending(
            m_batch, items, [](const std::optional<QList<qint64>> &, const QString &) {});
        std::optional<QList<BatchItem>> page;
        writer.readItems(m_batch, {BatchItemState::Planned}, 0, 5,
            [&](const std::optional<QList<BatchItem>> &read, const QString &error) {
                QVERIFY2(read, qPrintable(error));
                page = read;
            });
        QTRY_VERIFY(page);
        QCOMPARE(page->size(), 5);
        QCOMPARE(page->first().line, 11); // the ten marked before are not Planned any more
        QCOMPARE(page->last().line, 15);
        QCOMPARE(page->first().jobKey, keyOf(11));
        page.reset();
        writer.readItems(m_batch, {BatchItemState::Planned}, 298, 5,
            [&](const std::optional<QList<BatchItem>> &read, const QString &) { page = read; });
        QTRY_VERIFY(page);
        QCOMPARE(page->size(), 2); // 299 and 300: the end of the batch
    }

    void aFailedWriteSaysWhyAndKeepsNothing()
    {
        BatchJournalWriter writer;
        QVERIFY(writer.open(m_path));
        QList<SendingItem> items = {sendingFor(1), sendingFor(2), sendingFor(9999)};
        std::optional<QString> error;
        writer.markSending(
            m_batch, items, [&](const std::optional<QList<qint64>> &ids, const QString &why) {
                QVERIFY(!ids);
                error = why;
            });
        QTRY_VERIFY(error);
        QVERIFY2(error->contains(QLatin1String("9999")) && error->contains(QLatin1String("not in")),
            qPrintable(*error));
        // One transaction: lines 1 and 2 are not Sending either, and no history row was kept.
        const auto counts = m_journal->counts(m_batch);
        QVERIFY(counts);
        QCOMPARE(counts->sending, 0);
        QCOMPARE(m_store->count().value_or(-1), 0);

        std::optional<bool> ok;
        writer.recordResults(m_batch, {completed(12345, 0)}, [&](bool done, const QString &why) {
            ok = done;
            error = why;
        });
        QTRY_VERIFY(ok);
        QVERIFY(!*ok);
        QVERIFY2(error->contains(QLatin1String("12345")), qPrintable(*error));
    }

    void destroyingFinishesWhatWasHandedOver()
    {
        int called = 0;
        {
            BatchJournalWriter writer;
            QVERIFY(writer.open(m_path));
            for (qint64 line = 1; line <= 300; line += 50) {
                QList<SendingItem> items;
                for (qint64 l = line; l < line + 50; ++l)
                    items.append(sendingFor(l));
                writer.markSending(m_batch, items,
                    [&called](const std::optional<QList<qint64>> &, const QString &) { ++called; });
            }
        }
        // Written, though nobody is told any more.
        QCoreApplication::processEvents();
        QCOMPARE(called, 0);
        const auto counts = m_journal->counts(m_batch);
        QVERIFY(counts);
        QCOMPARE(counts->sending, 300);
        QCOMPARE(m_store->count().value_or(-1), 300);
    }

    void openFailsOnWhatIsNoDatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        BatchJournalWriter writer;
        QVERIFY(!writer.open(path));
        QVERIFY(!writer.error().isEmpty());
        // Still usable: a write reports the writer is not open instead of crashing.
        std::optional<QString> error;
        writer.recordResults(
            m_batch, {completed(1, 0)}, [&](bool, const QString &why) { error = why; });
        QTRY_VERIFY(error);
        QVERIFY(!error->isEmpty());
    }

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString m_path;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<BatchJournal> m_journal;
    qint64 m_batch = 0;
};

QTEST_GUILESS_MAIN(TestBatchJournalWriter)
#include "tst_BatchJournalWriter.moc"
