// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/TicketText.h"
#include "support/HistoryFixtures.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

class tst_TicketText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void invalidStateIsExact()
    {
        const HistoryEntry entry = HistoryFixtures::invalidState409();
        const Explanation explanation = explain(entry.toOutcome());
        QVERIFY(!explanation.summary.isEmpty());
        const QString expected
            = QStringLiteral(
                  "JobDesk: job completion attempt - Invalid state\n"
                  "Time:        2026-11-28T14:03:07Z\n"
                  "Connection:  dev-cluster\n"
                  "Job key:     2251799902653941\n"
                  "Outcome:     Invalid state (invalid-state)\n"
                  "HTTP status: 409\n"
                  "Title:       INVALID_STATE\n"
                  "Detail:      Command 'COMPLETE' rejected with code 'INVALID_STATE': Expected to "
                  "complete "
                  "job with key '2251799902653941', but it is in state 'FAILED'\n"
                  "Duration:    42 ms\n"
                  "Variables:   {\"orderId\":4711}\n"
                  "Request:     POST http://localhost:8080/v2/jobs/2251799902653941/completion\n")
            + QStringLiteral("Explanation: ") + explanation.summary + QLatin1Char('\n')
            + QStringLiteral("Next step:   ") + explanation.nextStep + QLatin1Char('\n');
        QCOMPARE(ticketText(entry), expected);
    }

    void transportErrorSaysThereWasNoAnswer()
    {
        const QString text = ticketText(HistoryFixtures::connectionRefused());
        QVERIFY(text.startsWith(QStringLiteral("JobDesk: job completion attempt - ")));
        QVERIFY(text.contains(QStringLiteral("\nHTTP status: none (no HTTP answer)\n")));
        QVERIFY(text.contains(QStringLiteral("\nTitle:       Connection refused\n")));
        // The error equals the title: no second line repeating it.
        QVERIFY(!text.contains(QStringLiteral("\nError:")));
        QVERIFY(!text.contains(QStringLiteral("\nDetail:")));
    }

    void unknownOutcomeSaysSo()
    {
        HistoryEntry entry = HistoryFixtures::connectionRefused();
        entry.state = HistoryState::Pending;
        entry.action = ActionKind::Update;
        entry.production = true;
        entry.title = unknownOutcomeTitle(LookupCheck::None);
        const QString text = ticketText(entry);
        QVERIFY2(
            text.startsWith(QStringLiteral("JobDesk: update attempt - Unknown")), qPrintable(text));
        QVERIFY(
            text.contains(QStringLiteral("\nOutcome:     unknown (no outcome was recorded)\n")));
        QVERIFY(text.contains(QStringLiteral("prod-eu (production)")));
        QVERIFY(text.contains(QStringLiteral("Look the job up before sending again")));
    }

    void neverCarriesHeaders()
    {
        HistoryEntry entry = HistoryFixtures::invalidState409();
        entry.request.headers.append(
            qMakePair(QByteArray("Authorization"), QByteArray("Bearer secret-token")));
        const QString text = ticketText(entry);
        QVERIFY(!text.contains(QStringLiteral("secret-token")));
        QVERIFY(!text.contains(QStringLiteral("Authorization")));
    }

    void denialNamesReasonAndVariables()
    {
        HistoryEntry entry = HistoryFixtures::invalidState409();
        entry.kind = OutcomeKind::Denied;
        entry.httpStatus = 204;
        entry.title = QStringLiteral("Denied: refund above the limit");
        entry.detail.clear();
        entry.responseBody.clear();
        entry.responseHeaders.clear();
        entry.request.body
            = "{\"variables\": {\"amount\": 12345678901234567890, \"note\": "
              "\"a \\\"b\\\"\"},\n  \"result\": {\"type\": \"userTask\", \"denied\": "
              "true, \"deniedReason\": \"refund \\\"above\\\" the limit\"}}";
        const QString text = ticketText(entry);
        QVERIFY2(text.startsWith(QStringLiteral("JobDesk: job completion attempt - Denied\n")),
            qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("\nOutcome:     Denied (denied)\n")));
        QVERIFY(text.contains(QStringLiteral("\nDeny reason: refund \"above\" the limit\n")));
        // Compact, every token as sent (the number keeps its digits).
        QVERIFY2(
            text.contains(QStringLiteral(
                "\nVariables:   {\"amount\":12345678901234567890,\"note\":\"a \\\"b\\\"\"}\n")),
            qPrintable(text));

        entry.request.body = "{\"result\":{\"type\":\"userTask\",\"denied\":true}}";
        const QString bare = ticketText(entry);
        QVERIFY(bare.contains(QStringLiteral("\nDeny reason: (none given)\n")));
        QVERIFY(bare.contains(QStringLiteral("\nVariables:   none\n")));
    }

    void longVariablesAreCut()
    {
        HistoryEntry entry = HistoryFixtures::invalidState409();
        entry.request.body = "{\"variables\":{\"blob\":\"" + QByteArray(5000, 'x') + "\"}}";
        const QString text = ticketText(entry);
        QVERIFY(text.contains(QStringLiteral("… (5011 characters in all)\n")));
        QVERIFY(text.size() < 2000);
    }

    void multiLineDetailIsIndented()
    {
        HistoryEntry entry = HistoryFixtures::invalidState409();
        entry.detail = QStringLiteral("first line\nsecond line\n");
        QVERIFY(ticketText(entry).contains(
            QStringLiteral("\nDetail:      first line\n             second line\n")));
    }
};

QTEST_GUILESS_MAIN(tst_TicketText)
#include "tst_TicketText.moc"
