// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lookup/JobLookupResult.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

namespace {

JobKey key(const char *text)
{
    return *JobKey::parse(QString::fromLatin1(text)).key;
}

QStringList texts(const QList<JobKey> &keys)
{
    QStringList list;
    for (const JobKey &k : keys)
        list.append(k.toString());
    return list;
}

Outcome httpOutcome(int status)
{
    Outcome outcome;
    outcome.httpStatus = status;
    outcome.kind = classifyHttpStatus(status, ProblemDetails());
    return outcome;
}

JobLookupResult foundJob(const QString &state, bool denied = false)
{
    JobLookupResult result;
    result.state = LookupState::Found;
    JobRecord job;
    job.jobKey = QStringLiteral("2251799813685249");
    job.state = state;
    if (denied)
        job.isDenied = true;
    result.job = job;
    return result;
}

} // namespace

class TestJobLookupResult final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void stateForSearch_data()
    {
        QTest::addColumn<int>("status"); // 0: no answer, -1: cancelled
        QTest::addColumn<bool>("found");
        QTest::addColumn<int>("state");
        QTest::newRow("200 with the job") << 200 << true << int(LookupState::Found);
        QTest::newRow("200 without") << 200 << false << int(LookupState::NotFound);
        QTest::newRow("401") << 401 << false << int(LookupState::NoPermission);
        QTest::newRow("403") << 403 << false << int(LookupState::NoPermission);
        QTest::newRow("404 no endpoint") << 404 << false << int(LookupState::SearchUnavailable);
        QTest::newRow("405 (8.7)") << 405 << false << int(LookupState::SearchUnavailable);
        QTest::newRow("400") << 400 << false << int(LookupState::Refused);
        QTest::newRow("503") << 503 << false << int(LookupState::Refused);
        QTest::newRow("no answer") << 0 << false << int(LookupState::TransportError);
        QTest::newRow("cancelled") << -1 << false << int(LookupState::Cancelled);
    }
    void stateForSearch()
    {
        QFETCH(int, status);
        QFETCH(bool, found);
        QFETCH(int, state);
        Outcome outcome;
        if (status > 0)
            outcome = httpOutcome(status);
        else
            outcome.kind = status < 0 ? OutcomeKind::Cancelled : OutcomeKind::TransportError;
        QCOMPARE(int(LookupRules::stateForSearch(outcome, found)), state);
    }

    void needsRecheck_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("error");
        QTest::addColumn<bool>("needed");
        const int complete = int(ActionKind::Complete);
        QTest::newRow("timeout after sending") << complete << int(OutcomeKind::SentNoAnswer)
                                               << QStringLiteral("no answer within 30 s") << true;
        QTest::newRow("cancelled in flight")
            << complete << int(OutcomeKind::Cancelled)
            << QStringLiteral("cancelled before an answer arrived") << true;
        QTest::newRow("never sent") << complete << int(OutcomeKind::TransportError)
                                    << QStringLiteral("connection refused") << false;
        QTest::newRow("answered 404")
            << complete << int(OutcomeKind::NotFound) << QString() << false;
        QTest::newRow("answered 204")
            << complete << int(OutcomeKind::Completed) << QString() << false;
        QTest::newRow("a lost read") << int(ActionKind::Lookup) << int(OutcomeKind::TransportError)
                                     << QStringLiteral("timeout") << false;
        QTest::newRow("error thrown, lost")
            << int(ActionKind::ThrowError) << int(OutcomeKind::SentNoAnswer)
            << QStringLiteral("connection closed") << true;
    }
    void needsRecheck()
    {
        QFETCH(int, action);
        QFETCH(int, kind);
        QFETCH(QString, error);
        QFETCH(bool, needed);
        Outcome attempt;
        attempt.kind = OutcomeKind(kind);
        attempt.transportError = error;
        attempt.request.action = ActionKind(action);
        attempt.request.subjectKey = QStringLiteral("2251799813685249");
        QCOMPARE(LookupRules::needsRecheck(attempt), needed);
    }

    void judge_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("jobState"); // empty: not found
        QTest::addColumn<int>("verdict");
        QTest::addColumn<QString>("says");
        const int complete = int(ActionKind::Complete);
        QTest::newRow("completed")
            << complete << QStringLiteral("COMPLETED") << int(RecheckVerdict::Applied)
            << QStringLiteral("confirmed by lookup");
        QTest::newRow("still created")
            << complete << QStringLiteral("CREATED") << int(RecheckVerdict::NotApplied)
            << QStringLiteral("safe to retry");
        QTest::newRow("failed, open")
            << complete << QStringLiteral("FAILED") << int(RecheckVerdict::NotApplied)
            << QStringLiteral("safe to retry");
        QTest::newRow("canceled") << complete << QStringLiteral("CANCELED")
                                  << int(RecheckVerdict::Unknown) << QStringLiteral("CANCELED");
        QTest::newRow("not found") << complete << QString() << int(RecheckVerdict::Unknown)
                                   << QStringLiteral("does not know");
        QTest::newRow("error thrown")
            << int(ActionKind::ThrowError) << QStringLiteral("ERROR_THROWN")
            << int(RecheckVerdict::Applied) << QStringLiteral("throw the error");
        QTest::newRow("update cannot tell")
            << int(ActionKind::Update) << QStringLiteral("CREATED") << int(RecheckVerdict::Unknown)
            << QStringLiteral("does not tell");
    }
    void judge()
    {
        QFETCH(int, action);
        QFETCH(QString, jobState);
        QFETCH(int, verdict);
        QFETCH(QString, says);
        JobLookupResult lookup;
        if (jobState.isEmpty())
            lookup.state = LookupState::NotFound;
        else
            lookup = foundJob(jobState);
        const RecheckResult result = LookupRules::judge(ActionKind(action), lookup);
        QCOMPARE(int(result.verdict), verdict);
        QVERIFY2(result.summary.contains(says), qPrintable(result.summary));
        QVERIFY(result.checkText.startsWith(QLatin1String("lookup: ")));
    }

    void judge_lookupImpossible()
    {
        JobLookupResult lookup;
        lookup.state = LookupState::TransportError;
        lookup.outcome.transportError = QStringLiteral("connection refused");
        const RecheckResult result = LookupRules::judge(ActionKind::Complete, lookup);
        QCOMPARE(result.verdict, RecheckVerdict::Unknown);
        QVERIFY(result.summary.contains(QLatin1String("connection refused")));
        QCOMPARE(result.checkText, QStringLiteral("lookup: transport-error — unknown"));
    }

    void roundedNeighbours_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QStringList>("neighbours");
        // 9007199254745551 → Number() → 9007199254745552; so does ...553 (ties to even).
        QTest::newRow("js rounding above 2^53")
            << QStringLiteral("9007199254745552")
            << QStringList {QStringLiteral("9007199254745551"), QStringLiteral("9007199254745553")};
        QTest::newRow("two round to the same")
            << QStringLiteral("9007199254745564")
            << QStringList {QStringLiteral("9007199254745563"), QStringLiteral("9007199254745565")};
        // An odd key above 2^53 is not what a double holds: nobody rounded it to this.
        QTest::newRow("odd above 2^53") << QStringLiteral("9007199254745551") << QStringList();
        QTest::newRow("below 2^53, no zeros")
            << QStringLiteral("2251799813685249") << QStringList();
        // A spreadsheet keeps 15 digits: 2251799813686259 becomes 2251799813686250 (cut) and
        // 2251799813686245 becomes …250 (rounded).
        QStringList spreadsheet;
        for (int d = 45; d <= 59; ++d) {
            if (d != 50)
                spreadsheet.append(QStringLiteral("22517998136862%1").arg(d));
        }
        QTest::newRow("spreadsheet, 16 digits")
            << QStringLiteral("2251799813686250") << spreadsheet;
        // Partition 1 starts at 2^51 = 2251799813685248: nothing below it is a key.
        QTest::newRow("spreadsheet, start of partition 1")
            << QStringLiteral("2251799813685240")
            << QStringList {QStringLiteral("2251799813685248"), QStringLiteral("2251799813685249")};
        QTest::newRow("below partition 1") << QStringLiteral("1000000000000000") << QStringList();
    }
    void roundedNeighbours()
    {
        QFETCH(QString, key);
        QFETCH(QStringList, neighbours);
        const JobKey parsed = *JobKey::parse(key).key;
        QCOMPARE(texts(LookupRules::roundedNeighbours(parsed)), neighbours);
        QCOMPARE(LookupRules::mayBeRounded(parsed), !neighbours.isEmpty());
    }

    void roundedNeighbours_everyCandidateRoundsToTheKey()
    {
        // Partition 100 (keys near 2^57.6): a double's step is 32 there.
        const JobKey k = key("225179981368524800");
        const QList<JobKey> found = LookupRules::roundedNeighbours(k);
        QVERIFY(!found.isEmpty());
        for (const JobKey &candidate : found) {
            const bool viaDouble
                = static_cast<double>(candidate.value()) == static_cast<double>(k.value());
            const bool viaSpreadsheet = candidate.toString().left(15) == k.toString().left(15)
                || qAbs(candidate.value() - k.value()) < 50;
            QVERIFY2(viaDouble || viaSpreadsheet, qPrintable(candidate.toString()));
        }
        QVERIFY(!texts(found).contains(k.toString()));
    }

    void roundedNeighbours_capKeepsTheNearest()
    {
        const QList<JobKey> found = LookupRules::roundedNeighbours(key("2251799813686250"), 2);
        QCOMPARE(texts(found),
            (QStringList {QStringLiteral("2251799813686249"), QStringLiteral("2251799813686251")}));
    }

    void roundedNeighbours_nearTheTop()
    {
        // The largest keys: no overflow, nothing beyond INT64_MAX.
        const JobKey top = key("9223372036854775807");
        for (const JobKey &candidate : LookupRules::roundedNeighbours(top))
            QVERIFY(candidate.value() > 0);
        const JobKey rounded = key("9223372036854774784"); // a double's value below 2^63
        QVERIFY(!LookupRules::roundedNeighbours(rounded).isEmpty());
    }

    void describeNotFound()
    {
        JobLookupResult result;
        result.state = LookupState::NotFound;
        QVERIFY(result.describe().contains(QLatin1String("caught up")));
        result.state = LookupState::SearchUnavailable;
        QVERIFY(result.describe().contains(QLatin1String("8.8")));
    }
};

QTEST_GUILESS_MAIN(TestJobLookupResult)
#include "tst_JobLookupResult.moc"
