// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/HistoryDetailsView.h"
#include "support/HistoryFixtures.h"

#include <QStandardPaths>
#include <QTest>
#include <QTextDocument>

using namespace JobDesk;

class tst_HistoryDetailsView : public QObject
{
    Q_OBJECT

private:
    static QString plain(const HistoryEntry &entry)
    {
        QTextDocument document;
        document.setHtml(HistoryDetailsView::html(entry));
        return document.toPlainText();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void conflictShowsEveryProblemMemberInOrder()
    {
        const HistoryEntry entry = HistoryFixtures::invalidState409();
        const QString text = plain(entry);
        // Every member, standard and extension, in document order, values verbatim.
        qsizetype at = 0;
        for (const char *member : {"type", "about:blank", "title", "INVALID_STATE", "status", "409",
                 "detail", "Command 'COMPLETE' rejected with code 'INVALID_STATE'", "instance",
                 "/v2/jobs/2251799902653941/completion", "jobState", "FAILED", "incidentKey",
                 "2251799813999999123"}) {
            const qsizetype found = text.indexOf(QString::fromUtf8(member), at);
            QVERIFY2(found >= 0, member);
            at = found;
        }
        const Explanation explanation = explain(entry.toOutcome());
        QVERIFY(text.contains(explanation.summary));
        QVERIFY(text.contains(QStringLiteral("Next step: ") + explanation.nextStep));
        QVERIFY(text.contains(
            QStringLiteral("Content-Type: application/problem+json\nX-Request-Id: req-77")));
        QVERIFY(text.contains(QStringLiteral("(%1 bytes)").arg(entry.responseBody.size())));
        QVERIFY(text.contains(
            QStringLiteral("POST http://localhost:8080/v2/jobs/2251799902653941/completion")));
        QVERIFY(text.contains(QStringLiteral("Authorization: <redacted>")));
        QVERIFY(text.contains(QStringLiteral("{\"variables\":{\"orderId\":4711}}")));
        QVERIFY(!text.contains(QStringLiteral("truncated")));
    }

    void truncatedAndLongBodiesSayWhatIsShown()
    {
        HistoryEntry entry = HistoryFixtures::invalidState409();
        entry.responseBody = QByteArray(HistoryDetailsView::kMaxShownBodyBytes + 10, 'x');
        entry.responseBodyTruncated = true;
        entry.responseBodyTotalBytes = 5 * 1024 * 1024;
        const QString text = plain(entry);
        QVERIFY(
            text.contains(QStringLiteral("5.0 MiB")) || text.contains(QStringLiteral("5.0 MB")));
        QVERIFY(text.contains(QStringLiteral("only the first")));
        QVERIFY(text.contains(QStringLiteral("showing the first")));
        QVERIFY(
            !text.contains(QString(HistoryDetailsView::kMaxShownBodyBytes + 1, QLatin1Char('x'))));
    }

    void bodyThatIsNotAProblemIsShownRaw()
    {
        HistoryEntry entry = HistoryFixtures::invalidState409();
        entry.kind = OutcomeKind::ServerError;
        entry.httpStatus = 502;
        entry.title = QStringLiteral("Bad Gateway");
        entry.detail.clear();
        entry.responseHeaders = {{"Content-Type", "text/html"}};
        entry.responseBody = "<html><body>nginx <b>502</b></body></html>";
        entry.responseBodyTotalBytes = entry.responseBody.size();
        const QString text = plain(entry);
        QVERIFY(text.contains(QStringLiteral("<html><body>nginx <b>502</b></body></html>")));
        QVERIFY(text.contains(QStringLiteral("Title: Bad Gateway")));
    }

    void transportErrorHasNoResponseSection()
    {
        const QString text = plain(HistoryFixtures::connectionRefused());
        QVERIFY(text.contains(QStringLiteral("no HTTP answer")));
        QVERIFY(text.contains(QStringLiteral("Error: Connection refused")));
        QVERIFY(!text.contains(QStringLiteral("Status:")));
    }

    void redactsSecretHeadersWhateverTheProducerDid_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QByteArray>("shown");
        QTest::newRow("bearer") << QByteArray("Authorization") << QByteArray("Bearer abc.def")
                                << QByteArray("Bearer <redacted>");
        QTest::newRow("basic lower case")
            << QByteArray("authorization") << QByteArray("Basic ZGVtbzpkZW1v")
            << QByteArray("Basic <redacted>");
        QTest::newRow("already redacted")
            << QByteArray("Authorization") << QByteArray("Bearer <redacted>")
            << QByteArray("Bearer <redacted>");
        QTest::newRow("cookie") << QByteArray("Cookie") << QByteArray("session=1 2")
                                << QByteArray("<redacted>");
        QTest::newRow("api key") << QByteArray("X-API-Key") << QByteArray("k")
                                 << QByteArray("<redacted>");
        QTest::newRow("ordinary") << QByteArray("Accept") << QByteArray("application/json")
                                  << QByteArray("application/json");
    }

    void redactsSecretHeadersWhateverTheProducerDid()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(QByteArray, shown);
        const HeaderList headers = HistoryDetailsView::redacted(HeaderList {{name, value}});
        QCOMPARE(headers.size(), 1);
        QCOMPARE(headers.at(0).first, name);
        QCOMPARE(headers.at(0).second, shown);
    }

    void viewShowsEntryAndEmptyState()
    {
        HistoryDetailsView view;
        QVERIFY(view.toPlainText().contains(QStringLiteral("Select an attempt")));
        view.showEntry(HistoryFixtures::invalidState409());
        QVERIFY(view.toPlainText().contains(QStringLiteral("incidentKey")));
        QVERIFY(view.textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
        view.showEntry(std::nullopt);
        QVERIFY(view.toPlainText().contains(QStringLiteral("Select an attempt")));
    }
};

QTEST_MAIN(tst_HistoryDetailsView)
#include "tst_HistoryDetailsView.moc"
