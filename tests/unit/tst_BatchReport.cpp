// SPDX-License-Identifier: GPL-3.0-or-later
// The pure parts of running and reporting a batch: the back-off, the options as journalled,
// an item's outcome word, the report lines and the exit code of the totals.
#include "core/batch/BatchPlan.h"
#include "core/batch/BatchReport.h"
#include "core/batch/BatchRunner.h"
#include "core/history/HistoryStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

class tst_BatchReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void backoffCutsOncePerRoundTrip();
    void backoffRecovers();
    void backoffPausesOnAStreak();
    void optionsRoundTrip();
    void outcomeNames_data();
    void outcomeNames();
    void itemJsonIsTheContract();
    void totalsJson();
    void exitCodes_data();
    void exitCodes();
    void csvKeepsKeysAsText();
    void totalsAndFilesFromTheJournal();
};

void tst_BatchReport::backoffCutsOncePerRoundTrip()
{
    BatchBackoff backoff(8);
    QCOMPARE(backoff.limit(), 8);
    const qint64 first = backoff.onBackpressure(1000);
    QCOMPARE(backoff.limit(), 6);
    QCOMPARE(first, BatchBackoff::kFirstDelayMs);
    // The rest of the burst (answers to requests already in flight) does not cut again.
    const qint64 second = backoff.onBackpressure(1010);
    QCOMPARE(backoff.limit(), 6);
    QCOMPARE(second, 2 * BatchBackoff::kFirstDelayMs); // but the key waits longer
    backoff.onBackpressure(1000 + BatchBackoff::kCutIntervalMs + 10);
    QCOMPARE(backoff.limit(), 4);
    for (int i = 0; i < 40; ++i)
        backoff.onBackpressure(2000 + i * BatchBackoff::kCutIntervalMs);
    QCOMPARE(backoff.limit(), 1); // never below one
    QVERIFY(backoff.onBackpressure(100000) <= BatchBackoff::kMaxDelayMs);
}

void tst_BatchReport::backoffRecovers()
{
    BatchBackoff backoff(8);
    backoff.onBackpressure(0);
    backoff.onBackpressure(BatchBackoff::kCutIntervalMs);
    QCOMPARE(backoff.limit(), 4);
    QCOMPARE(backoff.streak(), 2);
    backoff.onSuccess();
    QCOMPARE(backoff.streak(), 0);
    for (int i = 0; i < 7; ++i)
        backoff.onSuccess();
    QCOMPARE(backoff.limit(), 5); // 2 × 4 successes
    for (int i = 0; i < 1000; ++i)
        backoff.onSuccess();
    QCOMPARE(backoff.limit(), 8); // never above the maximum
    QCOMPARE(BatchBackoff(100).maximum(), BatchRunOptions::kMaxConcurrency);
    QCOMPARE(BatchBackoff(0).maximum(), 1);
}

void tst_BatchReport::backoffPausesOnAStreak()
{
    BatchBackoff backoff(4);
    for (int i = 1; i < BatchBackoff::kPauseStreak; ++i)
        backoff.onBackpressure(i);
    QCOMPARE(backoff.pauseUntil(), 0);
    const qint64 delay = backoff.onBackpressure(100);
    QCOMPARE(backoff.pauseUntil(), 100 + delay);
}

void tst_BatchReport::optionsRoundTrip()
{
    BatchRunOptions options;
    options.concurrency = 17;
    options.stopOnError = true;
    options.errorBudget = 5;
    options.transportRetries = 2;
    const BatchRunOptions back = BatchRunOptions::fromJson(options.toJson());
    QCOMPARE(back.concurrency, 17);
    QVERIFY(back.stopOnError);
    QCOMPARE(back.errorBudget, 5);
    QCOMPARE(back.transportRetries, 2);
    QCOMPARE(BatchRunOptions::fromJson("{\"concurrency\":1000}").concurrency,
        BatchRunOptions::kMaxConcurrency);
    QCOMPARE(
        BatchRunOptions::fromJson("not json").concurrency, BatchRunOptions::kDefaultConcurrency);
}

void tst_BatchReport::outcomeNames_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("outcome"); // -1: none
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("completed");
    const int done = int(BatchItemState::Done);
    QTest::newRow("204") << done << int(OutcomeKind::Completed) << QString()
                         << QStringLiteral("completed") << true;
    QTest::newRow("denied") << done << int(OutcomeKind::Denied) << QString()
                            << QStringLiteral("completed") << true;
    QTest::newRow("404") << done << int(OutcomeKind::NotFound) << QString()
                         << QStringLiteral("not-found") << false;
    QTest::newRow("lost answer, confirmed")
        << done << int(OutcomeKind::SentNoAnswer)
        << QStringLiteral("completed: confirmed by lookup") << QStringLiteral("completed") << true;
    QTest::newRow("resume, confirmed")
        << done << -1 << QStringLiteral("completed: confirmed by lookup on resume")
        << QStringLiteral("completed") << true;
    QTest::newRow("skipped") << int(BatchItemState::Skipped) << -1
                             << QStringLiteral("already-completed: the job is COMPLETED")
                             << QStringLiteral("already-completed") << false;
    QTest::newRow("never sent") << int(BatchItemState::Planned) << -1 << QString()
                                << QStringLiteral("not-sent") << false;
    QTest::newRow("transport") << int(BatchItemState::Planned) << int(OutcomeKind::TransportError)
                               << QString() << QStringLiteral("transport-error") << false;
    QTest::newRow("unknown") << int(BatchItemState::Sending) << -1 << QString()
                             << QStringLiteral("unknown") << false;
}

void tst_BatchReport::outcomeNames()
{
    QFETCH(int, state);
    QFETCH(int, outcome);
    QFETCH(QString, note);
    QFETCH(QString, name);
    QFETCH(bool, completed);
    BatchItemOutcome item;
    item.state = static_cast<BatchItemState>(state);
    if (outcome >= 0)
        item.outcome = static_cast<OutcomeKind>(outcome);
    item.note = note;
    QCOMPARE(item.outcomeName(), name);
    QCOMPARE(item.isCompleted(), completed);
}

void tst_BatchReport::itemJsonIsTheContract()
{
    BatchItemOutcome item;
    item.line = 7;
    item.jobKey = QStringLiteral("9007199254740993");
    item.state = BatchItemState::Done;
    item.outcome = OutcomeKind::NotFound;
    item.httpStatus = 404;
    item.problem = "{\"title\":\"NOT_FOUND\",\"status\":404,\"n\":123456789012345678901234567890}";
    item.elapsedMs = 12;
    item.attempts = 2;
    const QByteArray line = BatchReport::itemJson(item);
    QVERIFY(!line.contains('\n'));
    // The problem's members verbatim (a number beyond a double keeps its digits).
    QVERIFY(line.contains("\"n\":123456789012345678901234567890"));
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    QCOMPARE(o.value(QLatin1String("jobKey")).toString(), item.jobKey);
    QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("not-found"));
    QCOMPARE(o.value(QLatin1String("httpStatus")).toInt(), 404);
    QCOMPARE(o.value(QLatin1String("problem")).toObject().value(QLatin1String("title")).toString(),
        QStringLiteral("NOT_FOUND"));
    QCOMPARE(o.value(QLatin1String("elapsedMs")).toInt(), 12);
    QCOMPARE(o.value(QLatin1String("attempts")).toInt(), 2);

    BatchItemOutcome cut = item;
    cut.problem = "{\"title\":\"NOT_F"; // cut short in the journal: still valid JSON out
    QVERIFY(!QJsonDocument::fromJson(BatchReport::itemJson(cut)).isNull());
    BatchItemOutcome none;
    none.jobKey = QStringLiteral("1");
    const QJsonObject n = QJsonDocument::fromJson(BatchReport::itemJson(none)).object();
    QVERIFY(n.value(QLatin1String("httpStatus")).isNull());
    QVERIFY(n.value(QLatin1String("problem")).isNull());
}

void tst_BatchReport::totalsJson()
{
    BatchTotals t;
    t.id = 3;
    t.total = 10;
    t.completed = 6;
    t.skipped = 2;
    t.refused = 1;
    t.undone = 1;
    t.elapsedMs = 1234;
    QCOMPARE(BatchReport::totalsJson(t),
        QByteArray("{\"batch\":{\"id\":3,\"total\":10,\"completed\":6,\"skipped\":2,"
                   "\"refused\":1,\"undone\":1,\"elapsedMs\":1234}}"));
}

void tst_BatchReport::exitCodes_data()
{
    QTest::addColumn<qint64>("skipped");
    QTest::addColumn<qint64>("harmless");
    QTest::addColumn<qint64>("refused");
    QTest::addColumn<qint64>("undone");
    QTest::addColumn<int>("code");
    QTest::newRow("all completed") << qint64(0) << qint64(0) << qint64(0) << qint64(0) << 0;
    QTest::newRow("already completed") << qint64(3) << qint64(3) << qint64(0) << qint64(0) << 0;
    QTest::newRow("not found skipped") << qint64(3) << qint64(2) << qint64(0) << qint64(0) << 1;
    QTest::newRow("refused") << qint64(0) << qint64(0) << qint64(1) << qint64(0) << 1;
    QTest::newRow("undone") << qint64(0) << qint64(0) << qint64(1) << qint64(1) << 3;
}

void tst_BatchReport::exitCodes()
{
    QFETCH(qint64, skipped);
    QFETCH(qint64, harmless);
    QFETCH(qint64, refused);
    QFETCH(qint64, undone);
    QFETCH(int, code);
    BatchTotals t;
    t.skipped = skipped;
    t.skippedHarmless = harmless;
    t.refused = refused;
    t.undone = undone;
    QCOMPARE(t.exitCode(), code);
}

void tst_BatchReport::csvKeepsKeysAsText()
{
    BatchItemOutcome item;
    item.line = 2;
    item.jobKey = QStringLiteral("2251799813685249");
    item.state = BatchItemState::Done;
    item.outcome = OutcomeKind::InvalidState;
    item.httpStatus = 409;
    item.problem = "{\"title\":\"INVALID_STATE\",\"detail\":\"=cmd|' /C calc'!A0\"}";
    const QByteArray row = BatchReport::csvRow(item);
    QVERIFY(row.startsWith("2,\"=\"\"2251799813685249\"\"\","));
    QVERIFY(row.contains("\"invalid-state\",409,"));
    QVERIFY(row.contains("\"'=cmd")); // a formula is never evaluated by a spreadsheet
    QVERIFY(row.endsWith("\r\n"));
    QVERIFY(BatchReport::csvHeader().startsWith("line,jobKey,state,outcome,httpStatus"));
    QCOMPARE(BatchReport::formatForFile(QStringLiteral("r.JSON")), BatchReport::Format::Json);
    QCOMPARE(BatchReport::formatForFile(QStringLiteral("r.csv")), BatchReport::Format::Csv);
}

void tst_BatchReport::totalsAndFilesFromTheJournal()
{
    QTemporaryDir dir;
    HistoryStore store;
    QVERIFY2(store.open(dir.filePath(QStringLiteral("h.sqlite"))), qPrintable(store.error()));
    BatchJournal journal(store);
    BatchSpec spec;
    const std::optional<qint64> id = journal.createBatch(spec);
    QVERIFY(id);
    QList<BatchItem> items;
    for (qint64 line = 1; line <= 2500; ++line) {
        BatchItem item;
        item.line = line;
        item.jobKey = QString::number(2251799813685248LL + line);
        items.append(item);
    }
    QVERIFY(journal.addItems(*id, items));
    QList<ItemResult> results;
    for (qint64 line = 1; line <= 10; ++line) {
        ItemResult r;
        r.line = line;
        r.state = BatchItemState::Skipped;
        r.note = BatchPlanRules::skipNote(
            line <= 5 ? PlanVerdict::AlreadyCompleted : PlanVerdict::NotFound, {});
        results.append(r);
    }
    QVERIFY(journal.recordResults(*id, results));
    QList<SendingItem> sending;
    for (qint64 line = 11; line <= 2000; ++line) {
        SendingItem s;
        s.line = line;
        s.attempt.request.subjectKey = QString::number(line);
        sending.append(s);
    }
    const auto ids = journal.markSending(*id, sending);
    QVERIFY(ids);
    results.clear();
    for (qint64 line = 11; line <= 1990; ++line) {
        ItemResult r;
        r.line = line;
        r.state = BatchItemState::Done;
        Outcome outcome;
        outcome.kind = line == 11 ? OutcomeKind::InvalidState : OutcomeKind::Completed;
        outcome.httpStatus = line == 11 ? 409 : 204;
        r.outcome = outcome;
        r.historyId = ids->at(int(line - 11));
        results.append(r);
    }
    QVERIFY(journal.recordResults(*id, results));

    QString error;
    const std::optional<BatchTotals> t = BatchReport::totals(journal, *id, &error);
    QVERIFY2(t, qPrintable(error));
    QCOMPARE(t->total, 2500);
    QCOMPARE(t->skipped, 10);
    QCOMPARE(t->skippedHarmless, 5);
    QCOMPARE(t->completed, 1979);
    QCOMPARE(t->refused, 1);
    QCOMPARE(t->undone, 2500 - 1990); // 10 sending, 500 planned
    QCOMPARE(t->exitCode(), 3);

    const QString csv = dir.filePath(QStringLiteral("r.csv"));
    QVERIFY2(
        BatchReport::write(journal, *id, csv, BatchReport::Format::Csv, &error), qPrintable(error));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QCOMPARE(csvFile.readAll().count("\r\n"), 2501);
    const QString json = dir.filePath(QStringLiteral("r.json"));
    QVERIFY2(BatchReport::write(journal, *id, json, BatchReport::Format::Json, &error),
        qPrintable(error));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(jsonFile.readAll()).object();
    QCOMPARE(o.value(QLatin1String("items")).toArray().size(), 2500);
    QCOMPARE(
        o.value(QLatin1String("batch")).toObject().value(QLatin1String("completed")).toInt(), 1979);
}

QTEST_GUILESS_MAIN(tst_BatchReport)
#include "tst_BatchReport.moc"
