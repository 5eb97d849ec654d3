// SPDX-License-Identifier: GPL-3.0-or-later
// What `jobdesk-cli batch` prints for a person and for a program: the progress line on a
// terminal, an item that did not complete, the totals, the plan (table and JSON) and bad rows.
#include "cli/BatchOutput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace JobDesk;
using namespace JobDesk::Cli;

class TestBatchOutput final : public QObject
{
    Q_OBJECT
private slots:
    void progressLineCountsWhatHappened();
    void progressLineLeavesOutWhatDidNotHappen();
    void progressLineTellsRetries();
    void itemNamesTheProblemAndEscapesServerText();
    void itemWithoutAnswerNamesTheError();
    void totalsSayHowToContinueWhenItemsAreUndone();
    void planTableCountsEveryVerdictAndItsExamples();
    void planJsonKeepsKeysAsText();
    void badRowsAreCappedWithHowManyMore();
};

namespace {

BatchProgress running()
{
    BatchProgress p;
    p.total = 10000;
    p.completed = 4000;
    p.refused = 12;
    p.undone = 3;
    p.inFlight = 8;
    p.remaining = 5985 - 8;
    p.concurrency = 8;
    p.ratePerSecond = 2500.4;
    p.etaMs = 125000;
    return p;
}

} // namespace

void TestBatchOutput::progressLineCountsWhatHappened()
{
    const QByteArray line = BatchOutput::progressLine(7, running());
    QCOMPARE(line,
        QByteArray("batch 7: 4015/10000  4000 completed, 12 refused, 3 undone  2500/s  ETA 2:05  "
                   "in flight 8/8"));
    QVERIFY(!line.contains('\n')); // rewritten in place with \r
}

void TestBatchOutput::progressLineLeavesOutWhatDidNotHappen()
{
    BatchProgress p = running();
    p.refused = 0;
    p.undone = 0;
    p.completed = 10000;
    p.remaining = 0;
    p.inFlight = 0;
    const QByteArray line = BatchOutput::progressLine(7, p);
    QVERIFY2(!line.contains("refused") && !line.contains("undone") && !line.contains("skipped"),
        line.constData());
    QVERIFY2(!line.contains("ETA"), line.constData()); // nothing left: no time left to guess
    QVERIFY2(!line.contains("sent again"), line.constData());
}

void TestBatchOutput::progressLineTellsRetries()
{
    BatchProgress p = running();
    p.retries = 537;
    const QByteArray line = BatchOutput::progressLine(7, p);
    QVERIFY2(line.contains("3 undone, 537 sent again  2500/s"), line.constData());
}

void TestBatchOutput::itemNamesTheProblemAndEscapesServerText()
{
    BatchItemOutcome item;
    item.line = 12;
    item.jobKey = QStringLiteral("2251799813685249");
    item.state = BatchItemState::Done;
    item.outcome = OutcomeKind::NotFound;
    item.httpStatus = 404;
    item.problem = QByteArrayLiteral(
        R"({"type":"about:blank","title":"NOT_FOUND","status":404,"detail":"no job\u001b[31m 2251799813685249"})");
    const QByteArray text = BatchOutput::itemHuman(item);
    QVERIFY2(text.startsWith("line 12  2251799813685249  "), text.constData());
    QVERIFY2(text.contains(" 404  NOT_FOUND: no job"), text.constData());
    QVERIFY2(!text.contains('\x1b'), text.constData()); // a server cannot drive the terminal
    QVERIFY(text.endsWith('\n'));
}

void TestBatchOutput::itemWithoutAnswerNamesTheError()
{
    BatchItemOutcome item;
    item.line = 3;
    item.jobKey = QStringLiteral("9007199254740993");
    item.state = BatchItemState::Done;
    item.outcome = OutcomeKind::SentNoAnswer;
    item.error = QStringLiteral("no answer within 30 s");
    item.note = QStringLiteral("unknown after a look-up");
    const QByteArray text = BatchOutput::itemHuman(item);
    QVERIFY2(text.contains("9007199254740993"), text.constData()); // the key exactly as given
    QVERIFY2(
        text.contains("  no answer within 30 s  (unknown after a look-up)\n"), text.constData());
}

void TestBatchOutput::totalsSayHowToContinueWhenItemsAreUndone()
{
    BatchTotals t;
    t.id = 12;
    t.total = 10000;
    t.completed = 9990;
    t.skipped = 5;
    t.refused = 3;
    t.undone = 2;
    t.elapsedMs = 12345;
    const QByteArray text = BatchOutput::totalsHuman(t);
    QVERIFY2(text.startsWith("batch 12: 10000 items — 9990 completed, 5 skipped, 3 refused, "
                             "2 undone (12.3 s)\n"),
        text.constData());
    QVERIFY2(text.contains("jobdesk-cli batch resume 12\n"), text.constData());
    t.undone = 0;
    t.completed = 9992;
    QVERIFY(!BatchOutput::totalsHuman(t).contains("resume"));
}

void TestBatchOutput::planTableCountsEveryVerdictAndItsExamples()
{
    BatchPlanSummary summary;
    summary.rows = 4;
    summary.add(PlanVerdict::WillComplete, 2, QStringLiteral("2251799813685249"), {});
    summary.add(PlanVerdict::WillComplete, 3, QStringLiteral("2251799813685250"), {});
    summary.add(PlanVerdict::AlreadyCompleted, 4, QStringLiteral("2251799813685251"),
        QStringLiteral("COMPLETED"));
    summary.add(PlanVerdict::Duplicate, 5, QStringLiteral("2251799813685249"),
        QStringLiteral("the key is on line 2"));
    const QByteArray text = BatchOutput::planHuman(3, summary);
    QVERIFY2(text.startsWith("Plan of batch 3 (4 rows):\n"), text.constData());
    QVERIFY2(text.contains("          2  "), text.constData()); // right-aligned counts
    QVERIFY2(text.contains("  line 4  2251799813685251  COMPLETED\n"), text.constData());
    QVERIFY2(text.contains("  line 5  2251799813685249  the key is on line 2\n"), text.constData());
    // Verdicts nobody has are not listed.
    QVERIFY2(!text.contains(planVerdictLabel(PlanVerdict::NeedsRepair).toUtf8()), text.constData());
}

void TestBatchOutput::planJsonKeepsKeysAsText()
{
    BatchPlanSummary summary;
    summary.rows = 2;
    summary.add(PlanVerdict::WillComplete, 2, QStringLiteral("9007199254740993"), {});
    summary.add(PlanVerdict::NotFound, 3, QStringLiteral("9007199254740995"),
        QStringLiteral("no such job"));
    const QByteArray json = BatchOutput::planJson(4, summary);
    QVERIFY(json.endsWith('\n'));
    QJsonParseError error;
    const QJsonObject plan
        = QJsonDocument::fromJson(json, &error).object().value(QLatin1String("plan")).toObject();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(plan.value(QLatin1String("id")).toInt(), 4);
    QCOMPARE(plan.value(QLatin1String("toSend")).toInt(), 1);
    const QJsonObject counts = plan.value(QLatin1String("counts")).toObject();
    QCOMPARE(counts.size(), kPlanVerdictCount); // every verdict, zero or not
    QCOMPARE(counts.value(QLatin1String("not-found")).toInt(), 1);
    const QJsonArray examples = plan.value(QLatin1String("examples")).toArray();
    // Keys above 2^53 stay strings, digit for digit.
    bool seen = false;
    for (const QJsonValue &v : examples) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("verdict")).toString() == QLatin1String("not-found")) {
            QCOMPARE(
                e.value(QLatin1String("jobKey")).toString(), QStringLiteral("9007199254740995"));
            QCOMPARE(e.value(QLatin1String("line")).toInt(), 3);
            seen = true;
        }
    }
    QVERIFY(seen);
    QVERIFY(json.contains(R"("jobKey":"9007199254740995")"));
}

void TestBatchOutput::badRowsAreCappedWithHowManyMore()
{
    BatchPlanSummary summary;
    summary.errors = {{7, QStringLiteral("the key is not a number")},
        {9, QStringLiteral("variables are not a JSON object")}};
    summary.errorCount = 250;
    const QByteArray text = BatchOutput::badRows(summary);
    QCOMPARE(text,
        QByteArray("jobdesk-cli: line 7: the key is not a number\n"
                   "jobdesk-cli: line 9: variables are not a JSON object\n"
                   "jobdesk-cli: … and 248 more bad rows\n"));
}

QTEST_GUILESS_MAIN(TestBatchOutput)
#include "tst_BatchOutput.moc"
