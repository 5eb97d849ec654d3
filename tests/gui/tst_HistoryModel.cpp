// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryStore.h"
#include "gui/HistoryModel.h"
#include "support/HistoryFixtures.h"

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace JobDesk;

class tst_HistoryModel : public QObject
{
    Q_OBJECT

private:
    static constexpr int kRows = 1234;
    static QDateTime newest()
    {
        return QDateTime(QDate(2026, 11, 28), QTime(12, 0), QTimeZone::utc());
    }

    static void fetchAll(HistoryModel &model)
    {
        while (model.canFetchMore({}))
            model.fetchMore({});
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_store;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<HistoryStore>();
        QVERIFY2(m_store->open(m_dir->filePath(QStringLiteral("history.sqlite"))),
            qPrintable(m_store->error()));
        QList<HistoryEntry> entries;
        for (int i = kRows - 1; i >= 0; --i)
            entries.append(HistoryFixtures::syntheticEntry(i, newest()));
        QVERIFY(HistoryFixtures::appendMany(*m_store, entries));
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void pagesLazilyNewestFirst()
    {
        // No model tester here: it calls fetchMore() itself after every change, as a view does.
        HistoryModel model;
        model.setStore(m_store.get());
        QCOMPARE(model.columnCount(), int(HistoryModel::ColumnCount));
        QCOMPARE(model.rowCount(), HistoryModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * HistoryModel::kPageSize);
        fetchAll(model);
        QCOMPARE(model.rowCount(), kRows);
        QVERIFY(model.isComplete());
        QVERIFY(!model.canFetchMore({}));

        QCOMPARE(model.data(model.index(0, HistoryModel::JobKeyColumn)).toString(),
            QStringLiteral("2251799813685249"));
        QCOMPARE(model.data(model.index(kRows - 1, HistoryModel::JobKeyColumn)).toString(),
            QString::number(2251799813685249LL + kRows - 1));
        QSet<qint64> ids;
        for (int row = 0; row < kRows; ++row) {
            ids.insert(model.entryAt(row)->id);
            if (row > 0)
                QVERIFY(model.entryAt(row - 1)->time >= model.entryAt(row)->time);
        }
        QCOMPARE(ids.size(), kRows);
    }

    void displayColumns()
    {
        HistoryModel model;
        model.setClock([] { return newest(); });
        model.setStore(m_store.get());
        // Row 4: synthetic shape "invalid state" (409); row 8: connection refused.
        const auto text = [&model](int row, int column) {
            return model.data(model.index(row, column)).toString();
        };
        QCOMPARE(text(4, HistoryModel::OutcomeColumn), outcomeKindLabel(OutcomeKind::InvalidState));
        QCOMPARE(text(4, HistoryModel::StatusColumn), QStringLiteral("409"));
        QCOMPARE(text(4, HistoryModel::TitleColumn), QStringLiteral("INVALID_STATE"));
        QCOMPARE(text(4, HistoryModel::ConnectionColumn), QStringLiteral("dev"));
        QCOMPARE(text(4, HistoryModel::DurationColumn), QStringLiteral("24 ms"));
        QCOMPARE(text(8, HistoryModel::StatusColumn), QStringLiteral("\u2014"));
        QCOMPARE(model.data(model.index(4, 0), HistoryModel::OutcomeKindRole).toInt(),
            int(OutcomeKind::InvalidState));
        QCOMPARE(model.data(model.index(4, 0), HistoryModel::JobKeyRole).toString(),
            QStringLiteral("2251799813685253"));
        QCOMPARE(model.headerData(HistoryModel::JobKeyColumn, Qt::Horizontal).toString(),
            QStringLiteral("Job key"));
    }

    void timeAndDurationText()
    {
        const QDateTime now = QDateTime(QDate(2026, 11, 28), QTime(15, 0));
        QCOMPARE(HistoryModel::timeText(QDateTime(QDate(2026, 11, 28), QTime(9, 5, 1)), now),
            QStringLiteral("09:05:01"));
        QCOMPARE(HistoryModel::timeText(QDateTime(QDate(2026, 11, 27), QTime(9, 5, 1)), now),
            QStringLiteral("11-27 09:05:01"));
        QCOMPARE(HistoryModel::timeText(QDateTime(QDate(2025, 12, 31), QTime(23, 59, 1)), now),
            QStringLiteral("2025-12-31 23:59"));
        QCOMPARE(HistoryModel::connectionText(QStringLiteral("http://127.0.0.1:8080/v2/")),
            QStringLiteral("127.0.0.1:8080"));
        QCOMPARE(
            HistoryModel::connectionText(QStringLiteral("https://bru-2.zeebe.camunda.io/abc/v2/")),
            QStringLiteral("bru-2.zeebe.camunda.io/abc"));
        QCOMPARE(
            HistoryModel::connectionText(QStringLiteral("prod-eu")), QStringLiteral("prod-eu"));
        QCOMPARE(HistoryModel::durationText(999), QStringLiteral("999 ms"));
        QCOMPARE(HistoryModel::durationText(1500), QStringLiteral("1.5 s"));
        QCOMPARE(HistoryModel::durationText(125000), QStringLiteral("2 min 5 s"));
    }

    void filterByText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("expected");
        QTest::newRow("one key") << QStringLiteral("2251799813685349") << 1;
        QTest::newRow("connection") << QStringLiteral("prod-eu") << 308; // index % 4 == 2
        QTest::newRow("title, any case")
            << QStringLiteral("resource_exhausted") << 137; // index % 9 == 6
        QTest::newRow("detail") << QStringLiteral("broker is overloaded") << 137;
        QTest::newRow("nothing") << QStringLiteral("no such thing") << 0;
        QTest::newRow("like wildcard is literal") << QStringLiteral("%") << 0;
    }

    void filterByText()
    {
        QFETCH(QString, text);
        QFETCH(int, expected);
        HistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        HistoryFilter filter;
        filter.text = text;
        model.setFilter(filter);
        fetchAll(model);
        QCOMPARE(model.rowCount(), expected);
        QCOMPARE(m_store->count(filter).value_or(-1), expected);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(HistoryModel::matches(*model.entryAt(row), filter));
    }

    void filterByKind()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        HistoryFilter filter;
        filter.kinds = {OutcomeKind::InvalidState, OutcomeKind::NotFound};
        model.setFilter(filter);
        fetchAll(model);
        QCOMPARE(model.rowCount(), 137 + 137); // index % 9 == 4 and == 3
        for (int row = 0; row < model.rowCount(); ++row) {
            const OutcomeKind kind = model.entryAt(row)->kind;
            QVERIFY(kind == OutcomeKind::InvalidState || kind == OutcomeKind::NotFound);
        }
        // Text and kind together.
        filter.text = QStringLiteral("prod-eu");
        model.setFilter(filter);
        fetchAll(model);
        QCOMPARE(model.rowCount(), 68); // index % 4 == 2 and index % 9 in (3, 4)
        QCOMPARE(m_store->count(filter).value_or(-1), 68);
        // Back to everything: paged again.
        model.setFilter({});
        QVERIFY(model.rowCount() >= HistoryModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
    }

    void modelTesterThroughTheWholeLifecycle()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        fetchAll(model);
        QCOMPARE(model.rowCount(), kRows);
        HistoryFilter filter;
        filter.text = QStringLiteral("test");
        model.setFilter(filter);
        fetchAll(model);
        QCOMPARE(model.rowCount(), m_store->count(filter).value_or(-1));
        HistoryEntry fresh = HistoryFixtures::completed204();
        fresh.connection = QStringLiteral("test");
        fresh.time = newest().addSecs(1);
        QCOMPARE(model.addEntry(m_store->append(fresh).value_or(0)), 0);
        HistoryStore other;
        QVERIFY(other.open(m_store->path()));
        fresh.time = newest().addSecs(2);
        QVERIFY(other.append(fresh).value_or(0) > 0);
        QCOMPARE(model.fetchNewer(), 1);
        QCOMPARE(m_store->pruneToCount(10).value_or(-1), kRows + 2 - 10);
        model.reload();
        QCOMPARE(model.rowCount(), m_store->count(filter).value_or(-1));
        model.setStore(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void addEntryShowsItAtTheTop()
    {
        HistoryModel model;
        model.setStore(m_store.get());
        HistoryEntry fresh = HistoryFixtures::invalidState409();
        fresh.time = newest().addSecs(5);
        const qint64 id = m_store->append(fresh).value_or(0);
        QVERIFY(id > 0);
        QCOMPARE(model.addEntry(id), 0);
        QCOMPARE(model.rowCount(), HistoryModel::kPageSize + 1);
        QCOMPARE(model.data(model.index(0, HistoryModel::JobKeyColumn)).toString(), fresh.jobKey);
        QCOMPARE(model.addEntry(id), 0); // twice: still one row
        QCOMPARE(model.rowCount(), HistoryModel::kPageSize + 1);
        // Paging on still yields every row exactly once.
        fetchAll(model);
        QCOMPARE(model.rowCount(), kRows + 1);

        // A filter that excludes the new entry keeps it out.
        HistoryFilter filter;
        filter.kinds = {OutcomeKind::Completed};
        model.setFilter(filter);
        const int before = model.rowCount();
        HistoryEntry other = HistoryFixtures::invalidState409();
        other.time = newest().addSecs(6);
        const qint64 otherId = m_store->append(other).value_or(0);
        QCOMPARE(model.addEntry(otherId), -1);
        QCOMPARE(model.rowCount(), before);
    }

    void fetchNewerSeesOtherWriters()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QCOMPARE(model.fetchNewer(), 0);
        // The CLI writes through its own connection.
        HistoryStore cli;
        QVERIFY(cli.open(m_store->path()));
        HistoryEntry a = HistoryFixtures::completed204();
        a.time = newest().addSecs(10);
        HistoryEntry b = HistoryFixtures::connectionRefused();
        b.time = newest().addSecs(11);
        QVERIFY(cli.append(a).value_or(0) > 0);
        QVERIFY(cli.append(b).value_or(0) > 0);
        QCOMPARE(model.fetchNewer(), 2);
        QCOMPARE(model.data(model.index(0, HistoryModel::JobKeyColumn)).toString(), b.jobKey);
        QCOMPARE(model.data(model.index(1, HistoryModel::JobKeyColumn)).toString(), a.jobKey);
        QCOMPARE(model.fetchNewer(), 0);
    }

    void reloadAfterPruning()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStore(m_store.get());
        QCOMPARE(m_store->pruneToCount(50).value_or(-1), kRows - 50);
        model.reload();
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(!model.canFetchMore({}));
        model.setStore(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(tst_HistoryModel)
#include "tst_HistoryModel.moc"
