// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/batch/BatchPlan.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "support/FakeNetworkAccessManager.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace JobDesk;

namespace {

QString keyOf(qint64 n)
{
    return QString::number(2251799813685248LL + n);
}

/// `rows` keys, one a line; every `duplicateEvery`-th row repeats the row before it (0: none).
QByteArray keys(int rows, int duplicateEvery = 0)
{
    QByteArray text;
    for (int row = 1; row <= rows; ++row) {
        const bool duplicate = duplicateEvery > 0 && row % duplicateEvery == 0;
        text += keyOf(duplicate ? row - 1 : row).toLatin1() + '\n';
    }
    return text;
}

BatchSource source(BatchInputFormat format, const QByteArray &text)
{
    BatchSource source;
    source.reader = std::make_shared<BatchInputReader>(format, text);
    return source;
}

BatchSpec spec(const QByteArray &payload = "{\"variables\":{\"approved\":true}}")
{
    BatchSpec spec;
    spec.payload = payload;
    return spec;
}

const QByteArray kDeny = "{\"result\":{\"type\":\"userTask\",\"denied\":true}}";

} // namespace

/// The planner reads its rows into the journal through its own writer thread: the plan is ready
/// only when every row is committed, a failed write fails it, cancel and destruction leave no
/// batch, the caller's thread goes on while the journal waits for the disk, and a slice of
/// long rows stops before its row limit. No network: the rows are not looked up. A payload the
/// server's version cannot take fails the plan before anything is journalled or looked up. Why a
/// plan failed is said by kind too (a fake server): a look-up that failed is told from the
/// version refusal, bad rows, no rows and a failed job search.
class TestBatchPlanner final : public QObject
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
    }
    void cleanup()
    {
        m_journal.reset();
        m_store.reset();
    }

    void plannedOnlyWhenEveryRowIsCommitted()
    {
        BatchPlanner planner(nullptr, m_journal.get());
        planner.setLookUp(false);
        QSignalSpy finished(&planner, &BatchPlanner::finished);
        planner.start(spec(), source(BatchInputFormat::Keys, keys(9000, 10)));
        const qint64 id = planner.batchId();
        QVERIFY(id != 0);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(planner.summary().rows, 9000);
        QCOMPARE(planner.summary().count(PlanVerdict::Duplicate), 900);
        QCOMPARE(planner.summary().count(PlanVerdict::Unchecked), 8100);

        // Read back at once through a connection of its own: nothing is still on its way.
        HistoryStore other;
        QVERIFY(other.open(m_path));
        BatchJournal journal(other);
        const std::optional<BatchInfo> batch = journal.batch(id);
        QVERIFY(batch);
        QCOMPARE(batch->state, BatchState::Planned);
        const std::optional<BatchCounts> counts = journal.counts(id);
        QVERIFY(counts);
        QCOMPARE(counts->planned, 8100);
        QCOMPARE(counts->skipped, 900);
        const auto last = journal.items(id, {}, 8999, 10);
        QVERIFY(last);
        QCOMPARE(last->size(), 1);
        QCOMPARE(last->first().jobKey, keyOf(9000 - 1)); // row 9000 repeats row 8999
        QVERIFY(last->first().note.startsWith(QLatin1String("duplicate: ")));
    }

    void aFailedWriteFailsThePlan()
    {
        // The disk refuses one row of the fourth slice: the plan fails with the journal's words.
        QSqlQuery trigger(QSqlDatabase::database(m_store->connectionName(), false));
        QVERIFY2(trigger.exec(QStringLiteral(
                     "CREATE TRIGGER refuse BEFORE INSERT ON batch_item WHEN NEW.line = 7000 "
                     "BEGIN SELECT RAISE(ABORT, 'the disk is full (test)'); END")),
            qPrintable(trigger.lastError().text()));
        BatchPlanner planner(nullptr, m_journal.get());
        planner.setLookUp(false);
        QSignalSpy finished(&planner, &BatchPlanner::finished);
        planner.start(spec(), source(BatchInputFormat::Keys, keys(12000)));
        const qint64 id = planner.batchId();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY2(finished.at(0).at(1).toString().contains(QLatin1String("the disk is full (test)")),
            qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(planner.failReason(), BatchPlanner::FailReason::JournalError);
        QCOMPARE(planner.batchId(), 0);
        QVERIFY(!m_journal->batch(id));
        QCOMPARE(itemRows(), 0);
    }

    void cancelWhilePlanningLeavesNoBatch()
    {
        BatchPlanner planner(nullptr, m_journal.get());
        planner.setLookUp(false);
        QSignalSpy finished(&planner, &BatchPlanner::finished);
        connect(&planner, &BatchPlanner::progress, &planner, [&planner](qint64 read) {
            if (read >= 4000)
                planner.cancel();
        });
        planner.start(spec(), source(BatchInputFormat::Keys, keys(50000)));
        const qint64 id = planner.batchId();
        QVERIFY(id != 0);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("cancelled"));
        QCOMPARE(planner.failReason(), BatchPlanner::FailReason::Cancelled);
        QVERIFY(!m_journal->batch(id));
        QCOMPARE(itemRows(), 0);
    }

    void destroyedWhilePlanningLeavesNoBatch()
    {
        qint64 id = 0;
        {
            BatchPlanner planner(nullptr, m_journal.get());
            planner.setLookUp(false);
            QSignalSpy progress(&planner, &BatchPlanner::progress);
            planner.start(spec(), source(BatchInputFormat::Keys, keys(50000)));
            id = planner.batchId();
            QVERIFY(progress.wait(30000));
        }
        QVERIFY(id != 0);
        QVERIFY(!m_journal->batch(id));
        QCOMPARE(itemRows(), 0);
    }

    void theCallersThreadGoesOnWhileTheJournalWaits()
    {
        BatchPlanner planner(nullptr, m_journal.get());
        planner.setLookUp(false);
        QSignalSpy finished(&planner, &BatchPlanner::finished);
        qint64 rowsRead = 0;
        connect(&planner, &BatchPlanner::progress, &planner,
            [&rowsRead](qint64 read) { rowsRead = read; });
        planner.start(spec(), source(BatchInputFormat::Keys, keys(10000)));
        const QString locker = QStringLiteral("tst_BatchPlanner locker");
        {
            // Another program holds the history's write lock (a long export, a backup): the
            // planner's writes wait for it; its reading, and the caller's event loop, do not.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), locker);
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QSqlQuery lock(db);
            QVERIFY2(
                lock.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(lock.lastError().text()));
            // The caller's event loop keeps turning (a timer of its own fires) and rows are
            // read, well within the writer's 5 s of waiting for the lock...
            int turns = 0;
            QTimer tick;
            tick.setInterval(5);
            connect(&tick, &QTimer::timeout, &tick, [&turns] { ++turns; });
            tick.start();
            QTRY_VERIFY_WITH_TIMEOUT(turns >= 50 && rowsRead > 0, 3000);
            // ...and reading stops at a small backlog (two slices of at most 2,000 rows; fewer
            // rows per slice on a slow machine) instead of holding the whole input in memory.
            QVERIFY2(rowsRead <= 4000, qPrintable(QString::number(rowsRead)));
            QVERIFY(finished.isEmpty());
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(locker);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(m_journal->counts(planner.batchId())->planned, 10000);
    }

    void aSliceOfLongRowsStopsEarly()
    {
        // 2,500 rows of 16 KiB each: far more than one turn's reading, so the first slice ends
        // on its time budget long before its 2,000 rows.
        QByteArray csv = "jobKey,comment\n";
        const QByteArray comment(16 * 1024, 'x');
        for (int row = 1; row <= 2500; ++row)
            csv += keyOf(row).toLatin1() + ',' + comment + '\n';
        BatchPlanner planner(nullptr, m_journal.get());
        planner.setLookUp(false);
        QSignalSpy finished(&planner, &BatchPlanner::finished);
        QSignalSpy progress(&planner, &BatchPlanner::progress);
        planner.start(spec(), source(BatchInputFormat::Csv, csv));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QVERIFY(!progress.isEmpty());
        QVERIFY2(progress.first().at(0).toLongLong() < 2000,
            qPrintable(progress.first().at(0).toString()));
        QCOMPARE(m_journal->counts(planner.batchId())->planned, 2500);
    }

    void payloadTooNewForTheServerIsRefusedAtOnce_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("error");
        QTest::newRow("a denial on 8.7")
            << kDeny << QStringLiteral("8.7.2")
            << QStringLiteral("`result` needs Camunda 8.8 or later; this server reports 8.7.2. "
                              "Nothing was sent.");
        QTest::newRow("a lease token on 8.9")
            << QByteArray("{\"variables\":{\"a\":1},\"leaseToken\":\"t-1\"}")
            << QStringLiteral("8.9.0")
            << QStringLiteral("`leaseToken` needs Camunda 8.10 or later; this server reports "
                              "8.9.0. Nothing was sent.");
    }
    void payloadTooNewForTheServerIsRefusedAtOnce()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, version);
        QFETCH(QString, error);
        // A client that would answer every look-up: none may leave.
        FakeNetworkAccessManager nam;
        nam.setHandler([](const FakeNetworkAccessManager::Recorded &) {
            return FakeNetworkAccessManager::Response::json(200, "{\"items\":[],\"page\":{}}");
        });
        JobsClient client(&nam);
        client.setApiRoot(QUrl(QStringLiteral("http://camunda.test:8080")));
        BatchPlanner planner(&client, m_journal.get());
        planner.setServerVersion(CamundaVersion::parse(version));
        QSignalSpy finished(&planner, &BatchPlanner::finished);
        planner.start(spec(payload), source(BatchInputFormat::Keys, keys(50)));
        QCOMPARE(planner.batchId(), 0); // no batch was made
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toString(), error);
        // Not a look-up that failed: planning without look-ups would be refused the same way.
        QCOMPARE(planner.failReason(), BatchPlanner::FailReason::ServerTooOld);
        QTest::qWait(20);
        QCOMPARE(nam.requestCount(), 0);
        QCOMPARE(m_journal->batches()->size(), 0);
        QCOMPARE(itemRows(), 0);
    }

    void payloadTheServerTakesIsPlanned_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("version");
        QTest::newRow("a denial on 8.8") << kDeny << QStringLiteral("8.8.0");
        QTest::newRow("a denial, version unknown") << kDeny << QString();
        QTest::newRow("variables on 8.7")
            << QByteArray("{\"variables\":{\"a\":1}}") << QStringLiteral("8.7.0");
    }
    void payloadTheServerTakesIsPlanned()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, version);
        BatchPlanner planner(nullptr, m_journal.get());
        planner.setLookUp(false);
        planner.setServerVersion(CamundaVersion::parse(version));
        QSignalSpy finished(&planner, &BatchPlanner::finished);
        planner.start(spec(payload), source(BatchInputFormat::Keys, keys(50)));
        QVERIFY(planner.batchId() != 0);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QCOMPARE(planner.failReason(), BatchPlanner::FailReason::None);
        QCOMPARE(m_journal->counts(planner.batchId())->planned, 50);
    }

    void whyAPlanFailedIsSaidByKind_data()
    {
        QTest::addColumn<bool>("search"); ///< the rows come from a job search, not from `input`
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status"); ///< the server's answer to every request
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<BatchPlanner::FailReason>("reason");
        QTest::addColumn<QString>("error"); ///< how the error the person reads begins
        const QByteArray problem = "{\"title\":\"INVALID_ARGUMENT\",\"status\":400}";
        // A look-up that failed: planning again without look-ups can go through.
        QTest::newRow("a look-up refused")
            << false << keys(20) << 400 << problem << BatchPlanner::FailReason::LookUpFailed
            << QStringLiteral("the jobs could not be looked up: ");
        QTest::newRow("a look-up answered with no jobs list")
            << false << keys(20) << 200 << QByteArray("[]")
            << BatchPlanner::FailReason::LookUpFailed
            << QStringLiteral("the jobs could not be looked up: ");
        // Failures of another kind, some of whose words are close to a look-up's.
        QTest::newRow("a bad row") << false << QByteArray("look-up\n") + keys(20) << 400 << problem
                                   << BatchPlanner::FailReason::BadRows
                                   << QStringLiteral("1 row cannot be used; nothing was sent");
        QTest::newRow("no keys") << false << QByteArray("\n\n") << 400 << problem
                                 << BatchPlanner::FailReason::NoRows
                                 << QStringLiteral("the input holds no job keys; nothing was sent");
        QTest::newRow("a job search refused")
            << true << QByteArray() << 400 << problem << BatchPlanner::FailReason::SearchFailed
            << QStringLiteral("the job search failed: ");
        // No search on this server: planned, every row unchecked.
        QTest::newRow("no job search (404)") << false << keys(20) << 404 << QByteArray()
                                             << BatchPlanner::FailReason::None << QString();
    }
    void whyAPlanFailedIsSaidByKind()
    {
        QFETCH(bool, search);
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(BatchPlanner::FailReason, reason);
        QFETCH(QString, error);
        FakeNetworkAccessManager nam;
        nam.setHandler([status, body](const FakeNetworkAccessManager::Recorded &) {
            return status == 400 ? FakeNetworkAccessManager::Response::problem(status, body)
                                 : FakeNetworkAccessManager::Response::json(status, body);
        });
        JobsClient client(&nam);
        client.setApiRoot(QUrl(QStringLiteral("http://camunda.test:8080")));
        BatchPlanner planner(&client, m_journal.get());
        QSignalSpy finished(&planner, &BatchPlanner::finished);
        BatchSource from = source(BatchInputFormat::Keys, input);
        if (search) {
            from.reader.reset();
            SearchRequest jobs;
            jobs.target = SearchTarget::Jobs;
            jobs.filter.exact(QStringLiteral("type"), QStringLiteral("invoice"));
            from.search = jobs;
        }
        QCOMPARE(planner.failReason(), BatchPlanner::FailReason::None); // not over yet
        planner.start(spec(), from);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.count(), 1);
        const bool ok = finished.at(0).at(0).toBool();
        const QString said = finished.at(0).at(1).toString();
        QCOMPARE(planner.failReason(), reason);
        QCOMPARE(ok, reason == BatchPlanner::FailReason::None);
        QVERIFY2(said.startsWith(error), qPrintable(said));
        if (ok)
            QCOMPARE(planner.summary().count(PlanVerdict::Unchecked), 20);
        else
            QCOMPARE(m_journal->batches()->size(), 0);
    }

private:
    int itemRows() const
    {
        QSqlQuery q(QSqlDatabase::database(m_store->connectionName(), false));
        if (!q.exec(QStringLiteral("SELECT count(*) FROM batch_item")) || !q.next())
            return -1;
        return q.value(0).toInt();
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<BatchJournal> m_journal;
};

QTEST_GUILESS_MAIN(TestBatchPlanner)
#include "tst_BatchPlanner.moc"
