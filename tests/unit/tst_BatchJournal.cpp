// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/BatchJournal.h"
#include "core/history/HistoryStore.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

namespace {

QString keyOf(qint64 line)
{
    return QString::number(2251799813685248LL + line);
}

HistoryEntry attemptFor(qint64 line)
{
    RequestRecord request;
    request.action = ActionKind::Complete;
    request.subjectKey = keyOf(line);
    request.method = "POST";
    request.url
        = QUrl(QStringLiteral("http://localhost:8080/v2/jobs/%1/completion").arg(keyOf(line)));
    request.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer secret"}};
    request.body = "{}";
    return HistoryEntry::forAttempt(
        request, HistorySource::Cli, QStringLiteral("dev"), true, QDateTime::currentDateTimeUtc());
}

Outcome answered(qint64 line, int status)
{
    Outcome outcome;
    outcome.httpStatus = status;
    outcome.kind = status == 204 ? OutcomeKind::Completed : OutcomeKind::NotFound;
    outcome.request = attemptFor(line).request;
    outcome.elapsedMs = 5;
    if (status == 404) {
        outcome.responseHeaders = {{"Content-Type", "application/problem+json"}};
        outcome.rawBody = "{\"title\":\"NOT_FOUND\",\"status\":404,\"detail\":\"no such job\","
                          "\"incidentKey\":123456789012345678901234567890}";
        outcome.problem = ProblemDetails::parse(outcome.rawBody, "application/problem+json");
    }
    return outcome;
}

QList<BatchItem> itemsFrom(qint64 first, qint64 count)
{
    QList<BatchItem> items;
    for (qint64 line = first; line < first + count; ++line) {
        BatchItem item;
        item.line = line;
        item.jobKey = keyOf(line);
        if (line % 3 == 0)
            item.payload = "{\"row\":" + QByteArray::number(line) + '}';
        items.append(item);
    }
    return items;
}

} // namespace

class TestBatchJournal final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<HistoryStore>();
        QVERIFY2(m_store->open(m_dir.filePath(QStringLiteral("h%1.sqlite").arg(++m_n))),
            qPrintable(m_store->error()));
        m_journal = std::make_unique<BatchJournal>(*m_store);
    }
    void cleanup()
    {
        m_journal.reset();
        m_store.reset();
    }

    void stateNamesRoundTrip()
    {
        for (const BatchState state : {BatchState::Planned, BatchState::Running, BatchState::Paused,
                 BatchState::Finished, BatchState::Cancelled})
            QCOMPARE(batchStateFromName(batchStateName(state)), state);
        for (const BatchItemState state : {BatchItemState::Planned, BatchItemState::Sending,
                 BatchItemState::Done, BatchItemState::Skipped})
            QCOMPARE(batchItemStateFromName(batchItemStateName(state)), state);
        QVERIFY(!batchItemStateFromName(QStringLiteral("lost")));
    }

    void createAddAndList()
    {
        BatchSpec spec;
        spec.connection = QStringLiteral("prod-eu");
        spec.production = true;
        spec.inputSummary = QStringLiteral("keys.csv (10 rows)");
        spec.payload = "{\"variables\":{\"n\":123456789012345678901234567890}}";
        spec.options = "{\"concurrency\":8}";
        const QDateTime created(QDate(2026, 5, 1), QTime(8, 0), Qt::UTC);
        const std::optional<qint64> id = m_journal->createBatch(spec, created);
        QVERIFY2(id, qPrintable(m_journal->error()));
        QVERIFY2(m_journal->addItems(*id, itemsFrom(1, 6)), qPrintable(m_journal->error()));
        QVERIFY(m_journal->addItems(*id, itemsFrom(7, 4)));
        // A line twice: the whole chunk is refused, nothing of it kept.
        QVERIFY(!m_journal->addItems(*id, itemsFrom(10, 3)));
        QVERIFY(m_journal->error().contains(QLatin1String("line 10")));

        const std::optional<BatchInfo> info = m_journal->batch(*id);
        QVERIFY(info);
        QCOMPARE(info->id, *id);
        QCOMPARE(info->created, created);
        QCOMPARE(info->state, BatchState::Planned);
        QCOMPARE(info->spec.connection, spec.connection);
        QVERIFY(info->spec.production);
        QCOMPARE(info->spec.action, ActionKind::Complete);
        QCOMPARE(info->spec.source, HistorySource::Cli);
        QCOMPARE(info->spec.inputSummary, spec.inputSummary);
        QCOMPARE(info->spec.payload, spec.payload);
        QCOMPARE(info->spec.options, spec.options);
        QCOMPARE(info->counts.planned, 10);
        QCOMPARE(info->counts.total(), 10);

        const auto items = m_journal->items(*id, {BatchItemState::Planned});
        QVERIFY(items);
        QCOMPARE(items->size(), 10);
        QCOMPARE(items->first().jobKey, keyOf(1));
        QCOMPARE(items->at(2).payload, QByteArray("{\"row\":3}"));
        QVERIFY(items->at(1).payload.isEmpty());

        QVERIFY(m_journal->setState(*id, BatchState::Running));
        const std::optional<qint64> second = m_journal->createBatch(BatchSpec());
        QVERIFY(second);
        const auto list = m_journal->batches();
        QVERIFY(list);
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->first().id, *second); // newest first
        QCOMPARE(list->at(1).state, BatchState::Running);
        QCOMPARE(list->at(1).counts.planned, 10);

        QVERIFY(!m_journal->setState(9999, BatchState::Running));
        QVERIFY(!m_journal->batch(9999));
        QVERIFY(m_journal->removeBatch(*second));
        QCOMPARE(m_journal->batches()->size(), 1);
    }

    void sendingIsWrittenAheadAndResultsFinishTheHistory()
    {
        const qint64 id = *m_journal->createBatch(BatchSpec());
        QVERIFY(m_journal->addItems(id, itemsFrom(1, 5)));

        const auto historyIds = m_journal->markSending(
            id, {{1, attemptFor(1)}, {2, attemptFor(2)}, {3, attemptFor(3)}});
        QVERIFY2(historyIds, qPrintable(m_journal->error()));
        QCOMPARE(historyIds->size(), 3);
        // Committed before the requests leave: a second connection sees the rows.
        HistoryStore other;
        QVERIFY(other.open(m_store->path()));
        HistoryFilter ofBatch;
        ofBatch.batchId = id;
        QCOMPARE(other.count(ofBatch).value_or(-1), 3);
        const std::optional<HistoryEntry> pending = other.entry(historyIds->at(1));
        QVERIFY(pending);
        QCOMPARE(pending->state, HistoryState::Pending);
        QCOMPARE(pending->batchId, id);
        QCOMPARE(pending->jobKey, keyOf(2));
        QVERIFY(pending->production);
        QCOMPARE(pending->request.headers.at(1).second, QByteArray("<redacted>"));
        BatchJournal otherJournal(other);
        QCOMPARE(otherJournal.counts(id)->sending, 3);

        // An item that is not planned cannot be sent again blind.
        QVERIFY(!m_journal->markSending(id, {{2, attemptFor(2)}}));
        QVERIFY2(m_journal->error().contains(QLatin1String("it is sending")),
            qPrintable(m_journal->error()));
        QCOMPARE(m_store->count(ofBatch).value_or(-1), 3); // the failed group left no row behind

        QVERIFY2(m_journal->recordResults(id,
                     {{1, BatchItemState::Done, answered(1, 204), historyIds->at(0), {}},
                         {2, BatchItemState::Done, answered(2, 404), historyIds->at(1), {}},
                         {4, BatchItemState::Skipped, std::nullopt, 0,
                             QStringLiteral("already completed")}}),
            qPrintable(m_journal->error()));
        const BatchCounts counts = *m_journal->counts(id);
        QCOMPARE(counts.done, 2);
        QCOMPARE(counts.sending, 1);
        QCOMPARE(counts.skipped, 1);
        QCOMPARE(counts.planned, 1);

        const auto done = m_journal->items(id, {BatchItemState::Done});
        QCOMPARE(done->size(), 2);
        QCOMPARE(done->at(0).outcome, std::optional<OutcomeKind>(OutcomeKind::Completed));
        QCOMPARE(done->at(0).httpStatus, std::optional<int>(204));
        QCOMPARE(done->at(0).attempts, 1);
        QCOMPARE(done->at(0).historyId, historyIds->at(0));
        QCOMPARE(done->at(1).outcome, std::optional<OutcomeKind>(OutcomeKind::NotFound));
        QVERIFY(done->at(1).problem.contains("123456789012345678901234567890"));
        QCOMPARE(m_journal->items(id, {BatchItemState::Skipped})->first().note,
            QStringLiteral("already completed"));

        const std::optional<HistoryEntry> finished = m_store->entry(historyIds->at(1));
        QCOMPARE(finished->state, HistoryState::Finished);
        QCOMPARE(finished->kind, OutcomeKind::NotFound);
        QCOMPARE(finished->httpStatus, std::optional<int>(404));
        QCOMPARE(finished->title, QStringLiteral("NOT_FOUND"));
        QCOMPARE(finished->batchId, id);

        // What resume needs: the one still sending (look it up), then the planned one.
        const auto unsure = m_journal->items(id, {BatchItemState::Sending});
        QCOMPARE(unsure->size(), 1);
        QCOMPARE(unsure->first().line, 3);
        QCOMPARE(unsure->first().historyId, historyIds->at(2));
        // The look-up found it still open: planned again, then sent a second time.
        QVERIFY(m_journal->recordResults(id, {{3, BatchItemState::Planned, std::nullopt, 0, {}}}));
        const auto left = m_journal->items(id, {BatchItemState::Planned});
        QCOMPARE(left->size(), 2);
        const auto again = m_journal->markSending(id, {{3, attemptFor(3)}});
        QVERIFY(again);
        QCOMPARE(m_journal->items(id, {BatchItemState::Sending})->first().attempts, 2);
    }

    void itemsPageInLineOrder()
    {
        const qint64 id = *m_journal->createBatch(BatchSpec());
        QVERIFY(m_journal->addItems(id, itemsFrom(1, 250)));
        qint64 after = 0;
        qint64 seen = 0;
        for (;;) {
            const auto page = m_journal->items(id, {BatchItemState::Planned}, after, 100);
            QVERIFY(page);
            if (page->isEmpty())
                break;
            QCOMPARE(page->first().line, after + 1);
            after = page->last().line;
            seen += page->size();
        }
        QCOMPARE(seen, 250);
    }

    void groupedCommitsKeepUpWithManyItems()
    {
        // The journal must never be what limits a batch: 20,000 items through the whole cycle
        // (add in chunks, mark sending a few at a time as slots free up, results in groups).
        constexpr qint64 kItems = 20000;
        const qint64 id = *m_journal->createBatch(BatchSpec());
        QElapsedTimer timer;
        timer.start();
        for (qint64 first = 1; first <= kItems; first += 5000)
            QVERIFY(m_journal->addItems(id, itemsFrom(first, 5000)));
        QList<ItemResult> results;
        for (qint64 line = 1; line <= kItems; line += 4) {
            QList<SendingItem> group;
            for (qint64 l = line; l < line + 4; ++l)
                group.append({l, attemptFor(l)});
            const auto ids = m_journal->markSending(id, group);
            QVERIFY(ids);
            for (int i = 0; i < group.size(); ++i)
                results.append({group.at(i).line, BatchItemState::Done,
                    answered(group.at(i).line, 204), ids->at(i), {}});
            if (results.size() >= 256) {
                QVERIFY(m_journal->recordResults(id, results));
                results.clear();
            }
        }
        QVERIFY(m_journal->recordResults(id, results));
        qInfo("%lld items journaled in %lld ms", kItems, timer.elapsed());
        QCOMPARE(m_journal->counts(id)->done, kItems);
        HistoryFilter pending;
        pending.state = HistoryState::Pending;
        QCOMPARE(m_store->count(pending).value_or(-1), 0);
    }

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<BatchJournal> m_journal;
};

QTEST_GUILESS_MAIN(TestBatchJournal)
#include "tst_BatchJournal.moc"
