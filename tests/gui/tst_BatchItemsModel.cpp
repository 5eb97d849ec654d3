// SPDX-License-Identifier: GPL-3.0-or-later
// BatchItemsModel over a real journal of 100,000 items: the count without the rows, any row read
// with its page only, a bounded number of pages kept, refreshes that re-read what is shown.
#include "core/history/BatchJournal.h"
#include "core/history/HistoryStore.h"
#include "gui/BatchItemsModel.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

class TestBatchItemsModel final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void hundredThousandRowsReadLazily();
    void refreshShowsNewStates();
    void deepPagesAreReadByTheirLinesOnceStartsAreKnown();

private:
    QTemporaryDir m_dir;
    HistoryStore m_store;
    qint64 m_batch = 0;
    static constexpr int kItems = 100000;
};

void TestBatchItemsModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("history.sqlite"))));
    BatchJournal journal(m_store);
    BatchSpec spec;
    const auto id = journal.createBatch(spec);
    QVERIFY(id);
    m_batch = *id;
    for (int chunk = 0; chunk < kItems / 5000; ++chunk) {
        QList<BatchItem> items;
        for (int i = 0; i < 5000; ++i) {
            BatchItem item;
            // Lines with gaps (bad rows are not items): row n is not line n.
            item.line = 2 + qint64(chunk * 5000 + i) * 2;
            item.jobKey = QString::number((qint64(1) << 51) + 1 + chunk * 5000 + i);
            items.append(item);
        }
        QVERIFY2(journal.addItems(m_batch, items), qPrintable(journal.error()));
    }
}

void TestBatchItemsModel::hundredThousandRowsReadLazily()
{
    BatchJournal journal(m_store);
    BatchItemsModel model;
    model.setBatch(&journal, m_batch);
    QCOMPARE(model.rowCount(), kItems);
    QCOMPARE(model.pagesRead(), 0); // the count alone

    const QModelIndex last = model.index(kItems - 1, BatchItemsModel::JobKey);
    QCOMPARE(model.data(last).toString(), QString::number((qint64(1) << 51) + kItems));
    QCOMPARE(model.data(model.index(kItems - 1, BatchItemsModel::Line)).toString(),
        QString::number(2 + qint64(kItems - 1) * 2));
    QCOMPARE(model.pagesRead(), 1);
    // The same page again: no read.
    (void)model.data(model.index(kItems - 2, BatchItemsModel::JobKey));
    QCOMPARE(model.pagesRead(), 1);

    // Scrolling through the whole table keeps only a few pages.
    for (int row = 0; row < kItems; row += BatchItemsModel::kPageSize)
        (void)model.data(model.index(row, BatchItemsModel::JobKey));
    QVERIFY(model.pagesKept() <= BatchItemsModel::kPagesKept);
    QCOMPARE(model.pagesRead(), 1 + kItems / BatchItemsModel::kPageSize);
}

void TestBatchItemsModel::refreshShowsNewStates()
{
    BatchJournal journal(m_store);
    BatchItemsModel model;
    model.setBatch(&journal, m_batch);
    const QModelIndex row = model.index(50000, BatchItemsModel::State);
    QCOMPARE(model.data(row).toString(), QStringLiteral("waiting"));
    const qint64 line = model.item(50000)->line;
    QList<SendingItem> sending {SendingItem {line, HistoryEntry()}};
    QVERIFY2(journal.markSending(m_batch, sending), qPrintable(journal.error()));
    QCOMPARE(model.data(row).toString(), QStringLiteral("waiting")); // kept until refreshed
    const int reads = model.pagesRead();
    model.refresh(kItems);
    QCOMPARE(model.rowCount(), kItems);
    QCOMPARE(model.data(row).toString(), QStringLiteral("sending"));
    QCOMPARE(model.pagesRead(), reads + 1);
}

void TestBatchItemsModel::deepPagesAreReadByTheirLinesOnceStartsAreKnown()
{
    BatchJournal journal(m_store);
    BatchItemsModel model;
    model.setBatch(&journal, m_batch);
    // Read on the model's own thread and connection: the UI thread does not wait for it.
    QTRY_VERIFY(model.knowsPageStarts());
    const int byOffset = model.pagesReadByOffset();
    // Anywhere in the table, in any order (a scroll bar dragged): the right rows, and no page
    // is found by counting rows up to an offset any more.
    for (const int row : {kItems - 1, 73301, 5, 99999 - 150, 42000, 0}) {
        QCOMPARE(model.data(model.index(row, BatchItemsModel::Line)).toString(),
            QString::number(2 + qint64(row) * 2));
        QCOMPARE(model.data(model.index(row, BatchItemsModel::JobKey)).toString(),
            QString::number((qint64(1) << 51) + 1 + row));
    }
    QCOMPARE(model.pagesReadByOffset(), byOffset);
    QVERIFY(model.pagesRead() >= 5);
}

QTEST_MAIN(TestBatchItemsModel)
#include "tst_BatchItemsModel.moc"
