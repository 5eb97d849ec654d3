// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/batch/BatchPlan.h"

#include <QTest>

using namespace JobDesk;

Q_DECLARE_METATYPE(JobDesk::PlanVerdict)

namespace {

std::optional<JobRecord> job(
    const char *state, const char *kind = "BPMN_ELEMENT", const char *event = "UNSPECIFIED")
{
    JobRecord record;
    record.jobKey = QStringLiteral("2251799813685249");
    record.state = QString::fromLatin1(state);
    record.kind = QString::fromLatin1(kind);
    record.listenerEventType = QString::fromLatin1(event);
    record.retries = 0;
    return record;
}

} // namespace

class tst_BatchPlan : public QObject
{
    Q_OBJECT
private slots:
    void classify_data();
    void classify();
    void names();
    void notes();
    void summary();
};

void tst_BatchPlan::classify_data()
{
    QTest::addColumn<std::optional<JobRecord>>("job");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("rowVariables");
    QTest::addColumn<PlanVerdict>("verdict");

    const QByteArray plain("{}");
    const QByteArray variables("{\"variables\":{\"a\":1}}");
    const QByteArray deny("{\"result\":{\"type\":\"userTask\",\"denied\":true}}");
    QTest::newRow("not found") << std::optional<JobRecord>() << plain << false
                               << PlanVerdict::NotFound;
    QTest::newRow("created") << job("CREATED") << plain << false << PlanVerdict::WillComplete;
    QTest::newRow("retries updated")
        << job("RETRIES_UPDATED") << variables << false << PlanVerdict::WillComplete;
    QTest::newRow("completed") << job("COMPLETED") << plain << false
                               << PlanVerdict::AlreadyCompleted;
    QTest::newRow("failed") << job("FAILED") << plain << false << PlanVerdict::NeedsRepair;
    QTest::newRow("error thrown") << job("ERROR_THROWN") << plain << false << PlanVerdict::NotOpen;
    QTest::newRow("canceled") << job("CANCELED") << plain << false << PlanVerdict::NotOpen;
    QTest::newRow("deny to a service task")
        << job("CREATED") << deny << false << PlanVerdict::KindMismatch;
    QTest::newRow("deny to a completing listener") << job("CREATED", "TASK_LISTENER", "COMPLETING")
                                                   << deny << false << PlanVerdict::WillComplete;
    QTest::newRow("shared variables to a listener") << job("CREATED", "TASK_LISTENER",
        "COMPLETING") << variables << false << PlanVerdict::KindMismatch;
    QTest::newRow("row variables to a listener") << job("CREATED", "TASK_LISTENER", "COMPLETING")
                                                 << plain << true << PlanVerdict::KindMismatch;
    QTest::newRow("completed listener: completed first") << job("COMPLETED", "TASK_LISTENER",
        "COMPLETING") << variables << false << PlanVerdict::AlreadyCompleted;
}

void tst_BatchPlan::classify()
{
    QFETCH(std::optional<JobRecord>, job);
    QFETCH(QByteArray, body);
    QFETCH(bool, rowVariables);
    QFETCH(PlanVerdict, verdict);
    QString error;
    const std::optional<BatchPayload> payload = BatchPayload::fromBody(body, &error);
    QVERIFY2(payload, qPrintable(error));
    QString why;
    QCOMPARE(BatchPlanRules::classify(job, *payload, rowVariables, &why), verdict);
    QVERIFY(!why.isEmpty());
}

void tst_BatchPlan::names()
{
    for (int i = 0; i < kPlanVerdictCount; ++i) {
        const auto verdict = static_cast<PlanVerdict>(i);
        QCOMPARE(planVerdictFromName(planVerdictName(verdict)), verdict);
        QVERIFY(!planVerdictLabel(verdict).isEmpty());
    }
    QVERIFY(!planVerdictFromName(QStringLiteral("nope")));
    QVERIFY(planVerdictSends(PlanVerdict::WillComplete));
    QVERIFY(planVerdictSends(PlanVerdict::Unchecked));
    QVERIFY(!planVerdictSends(PlanVerdict::Duplicate));
    QVERIFY(planVerdictIsHarmless(PlanVerdict::AlreadyCompleted));
    QVERIFY(planVerdictIsHarmless(PlanVerdict::Duplicate));
    QVERIFY(!planVerdictIsHarmless(PlanVerdict::NotFound));
}

void tst_BatchPlan::notes()
{
    const QString note = BatchPlanRules::skipNote(PlanVerdict::NeedsRepair, QStringLiteral("x: y"));
    QCOMPARE(note, QStringLiteral("needs-repair: x: y"));
    QCOMPARE(BatchPlanRules::verdictOfNote(note), PlanVerdict::NeedsRepair);
    QCOMPARE(BatchPlanRules::verdictOfNote(QStringLiteral("duplicate")), PlanVerdict::Duplicate);
    QVERIFY(!BatchPlanRules::verdictOfNote(QStringLiteral("completed: confirmed by lookup")));
}

void tst_BatchPlan::summary()
{
    BatchPlanSummary summary;
    for (int i = 0; i < 25; ++i) {
        summary.add(PlanVerdict::NotFound, i, QString::number(i), QStringLiteral("why"));
        summary.add(PlanVerdict::WillComplete, i, QString::number(i), {});
    }
    summary.add(PlanVerdict::Unchecked, 99, QStringLiteral("99"), {});
    QCOMPARE(summary.count(PlanVerdict::NotFound), 25);
    QCOMPARE(summary.toSend(), 26);
    QCOMPARE(
        summary.examples[int(PlanVerdict::NotFound)].size(), BatchPlanSummary::kExamplesPerVerdict);
    QVERIFY(summary.examples[int(PlanVerdict::WillComplete)].isEmpty());
}

QTEST_GUILESS_MAIN(tst_BatchPlan)
#include "tst_BatchPlan.moc"
