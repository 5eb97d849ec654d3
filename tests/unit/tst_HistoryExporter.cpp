// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryExporter.h"
#include "core/history/HistoryStore.h"
#include "support/HistoryFixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

class tst_HistoryExporter : public QObject
{
    Q_OBJECT

private:
    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return file.readAll();
    }

    static QByteArray expected409Json(qint64 id)
    {
        const HistoryEntry entry = HistoryFixtures::invalidState409();
        const Explanation explanation = explain(entry.toOutcome());
        return "{\"id\":" + QByteArray::number(id)
            + ",\"time\":\"2026-11-28T14:03:07.250Z\",\"source\":\"window\","
              "\"connection\":\"dev-cluster\",\"production\":false,\"action\":\"complete\","
              "\"state\":\"finished\",\"linkId\":null,\"batchId\":null,\"check\":null,"
              "\"jobKey\":\"2251799902653941\","
              "\"outcome\":\"invalid-state\",\"httpStatus\":409,\"title\":\"INVALID_STATE\","
              "\"detail\":\"Command 'COMPLETE' rejected with code 'INVALID_STATE': Expected to "
              "complete job with key '2251799902653941', but it is in state 'FAILED'\","
              "\"elapsedMs\":42,"
              "\"request\":{\"method\":\"POST\","
              "\"url\":\"http://localhost:8080/v2/jobs/2251799902653941/completion\","
              "\"headers\":[[\"Content-Type\",\"application/"
              "json\"],[\"Authorization\",\"<redacted>\"]],"
              "\"body\":\"{\\\"variables\\\":{\\\"orderId\\\":4711}}\"},"
              "\"response\":{\"headers\":[[\"Content-Type\",\"application/problem+json\"],"
              "[\"X-Request-Id\",\"req-77\"]],"
              "\"body\":"
            + HistoryExporter::jsonString(QString::fromUtf8(entry.responseBody))
            + ",\"bodyTruncated\":false,\"bodyTotalBytes\":"
            + QByteArray::number(entry.responseBody.size())
            + "},"
              "\"problem\":"
            + entry.responseBody
            + ",\"transportError\":null,\"redirectLocation\":null,"
              "\"explanation\":{\"summary\":"
            + HistoryExporter::jsonString(explanation.summary)
            + ",\"nextStep\":" + HistoryExporter::jsonString(explanation.nextStep) + "}}";
    }

    static QByteArray expected409Csv(qint64 id)
    {
        return QByteArray::number(id)
            + ",\"2026-11-28T14:03:07.250Z\",\"window\",\"dev-cluster\",\"="
              "\"\"2251799902653941\"\"\","
              "\"invalid-state\",409,\"INVALID_STATE\",\"Command 'COMPLETE' rejected with code "
              "'INVALID_STATE': Expected to complete job with key '2251799902653941', but it is in "
              "state 'FAILED'\",42,\"POST\","
              "\"http://localhost:8080/v2/jobs/2251799902653941/completion\",\"\","
              "\"complete\",\"finished\",false,\"\",,\"\"\r\n";
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void csvText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("cell");
        QTest::newRow("plain") << QStringLiteral("dev") << QByteArray("\"dev\"");
        QTest::newRow("empty") << QString() << QByteArray("\"\"");
        QTest::newRow("key stays digits")
            << QStringLiteral("2251799813685249") << QByteArray("\"2251799813685249\"");
        QTest::newRow("quotes doubled")
            << QStringLiteral("say \"hi\", ok") << QByteArray("\"say \"\"hi\"\", ok\"");
        QTest::newRow("line break kept inside quotes")
            << QStringLiteral("a\nb") << QByteArray("\"a\nb\"");
        QTest::newRow("formula =") << QStringLiteral("=1+2") << QByteArray("\"'=1+2\"");
        QTest::newRow("formula +") << QStringLiteral("+1") << QByteArray("\"'+1\"");
        QTest::newRow("formula -") << QStringLiteral("-2+3") << QByteArray("\"'-2+3\"");
        QTest::newRow("formula @") << QStringLiteral("@SUM(A1)") << QByteArray("\"'@SUM(A1)\"");
        QTest::newRow("leading tab") << QStringLiteral("\t=1") << QByteArray("\"'\t=1\"");
        QTest::newRow("equals later is fine") << QStringLiteral("a=b") << QByteArray("\"a=b\"");
        QTest::newRow("utf-8") << QStringLiteral("Bestellung \u00fc")
                               << QByteArray("\"Bestellung \xc3\xbc\"");
        QTest::newRow("dde payload")
            << QStringLiteral("=cmd|' /C calc'!A0") << QByteArray("\"'=cmd|' /C calc'!A0\"");
    }

    void csvText()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, cell);
        QCOMPARE(HistoryExporter::csvText(text), cell);
    }

    void jsonString_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("\"abc\"");
        QTest::newRow("quote and backslash")
            << QStringLiteral("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
        QTest::newRow("controls") << QStringLiteral("a\nb\tc\rd")
                                  << QByteArray("\"a\\nb\\tc\\rd\"");
        QTest::newRow("other control") << QString(QChar(0x01)) << QByteArray("\"\\u0001\"");
        QTest::newRow("non-ascii") << QStringLiteral("\u00e9") << QByteArray("\"\xc3\xa9\"");
        QTest::newRow("surrogate pair")
            << QString::fromUtf8("\xf0\x9f\x98\x80") << QByteArray("\"\xf0\x9f\x98\x80\"");
    }

    void jsonString()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, json);
        QCOMPARE(HistoryExporter::jsonString(text), json);
        // And it is what a JSON parser reads back.
        const QJsonDocument doc = QJsonDocument::fromJson("[" + json + "]");
        QVERIFY(doc.isArray());
        QCOMPARE(doc.array().at(0).toString(), text);
    }

    void formatForFileName()
    {
        QCOMPARE(HistoryExporter::formatForFileName(QStringLiteral("/tmp/a.CSV")),
            std::optional(HistoryExporter::Format::Csv));
        QCOMPARE(HistoryExporter::formatForFileName(QStringLiteral("b.json")),
            std::optional(HistoryExporter::Format::Json));
        QVERIFY(!HistoryExporter::formatForFileName(QStringLiteral("c.txt")));
    }

    void csvRowIsExact()
    {
        HistoryEntry entry = HistoryFixtures::invalidState409();
        entry.id = 7;
        QCOMPARE(HistoryExporter::csvRow(entry), expected409Csv(7));
    }

    void jsonObjectIsExactAndValid()
    {
        HistoryEntry entry = HistoryFixtures::invalidState409();
        entry.id = 7;
        const QByteArray json = HistoryExporter::jsonObject(entry);
        QCOMPARE(json, expected409Json(7));
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(object.value(QStringLiteral("jobKey")).isString());
        QCOMPARE(object.value(QStringLiteral("problem"))
                     .toObject()
                     .value(QStringLiteral("jobState"))
                     .toString(),
            QStringLiteral("FAILED"));
        // The big extension number is written verbatim, not rounded through a double.
        QVERIFY(json.contains("\"incidentKey\":2251799813999999123"));
    }

    void exportFilteredCsvFromStore()
    {
        QTemporaryDir dir;
        HistoryStore store;
        QVERIFY2(
            store.open(dir.filePath(QStringLiteral("history.sqlite"))), qPrintable(store.error()));
        const qint64 failedId = store.append(HistoryFixtures::invalidState409()).value_or(0);
        const qint64 okId = store.append(HistoryFixtures::completed204()).value_or(0);
        QVERIFY(failedId > 0 && okId > 0);

        HistoryFilter filter;
        filter.kinds = {OutcomeKind::InvalidState};
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        const HistoryExporter::Result result
            = HistoryExporter::exportTo(store, filter, path, HistoryExporter::Format::Csv);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.count, 1);
        QCOMPARE(readAll(path),
            QByteArray("\xEF\xBB\xBF") + HistoryExporter::csvHeader() + expected409Csv(failedId));

        // Unfiltered: newest first, and the formula-looking connection is defused.
        const HistoryExporter::Result all
            = HistoryExporter::exportTo(store, {}, path, HistoryExporter::Format::Csv);
        QCOMPARE(all.count, 2);
        const QByteArray expectedAll = QByteArray("\xEF\xBB\xBF") + HistoryExporter::csvHeader()
            + QByteArray::number(okId)
            + ",\"2026-11-28T14:04:07.250Z\",\"cli\",\"'=cmd|' /C "
              "calc'!A0\",\"=\"\"2251799813685249\"\"\","
              "\"completed\",204,\"No Content\",\"\",7,\"POST\","
              "\"http://localhost:8080/v2/jobs/2251799813685249/completion\",\"\","
              "\"complete\",\"finished\",false,\"\",,\"\"\r\n"
            + expected409Csv(failedId);
        QCOMPARE(readAll(path), expectedAll);
    }

    void exportFilteredJsonFromStore()
    {
        QTemporaryDir dir;
        HistoryStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("history.sqlite"))));
        const qint64 failedId = store.append(HistoryFixtures::invalidState409()).value_or(0);
        QVERIFY(store.append(HistoryFixtures::completed204()).value_or(0) > 0);

        HistoryFilter filter;
        filter.text = QStringLiteral("99026539");
        const QString path = dir.filePath(QStringLiteral("out.json"));
        const HistoryExporter::Result result
            = HistoryExporter::exportTo(store, filter, path, HistoryExporter::Format::Json);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.count, 1);
        QCOMPARE(readAll(path), "[\n" + expected409Json(failedId) + "\n]\n");

        // Nothing matches: still a valid, empty array.
        filter.text = QStringLiteral("no such text");
        QCOMPARE(
            HistoryExporter::exportTo(store, filter, path, HistoryExporter::Format::Json).count, 0);
        QCOMPARE(readAll(path), QByteArray("[\n]\n"));
        QVERIFY(QJsonDocument::fromJson(readAll(path)).isArray());
    }

    void unwritablePathFailsAndKeepsNothing()
    {
        QTemporaryDir dir;
        HistoryStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("history.sqlite"))));
        QVERIFY(store.append(HistoryFixtures::completed204()).value_or(0) > 0);
        const QString path = dir.filePath(QStringLiteral("missing-folder/out.csv"));
        const HistoryExporter::Result result
            = HistoryExporter::exportTo(store, {}, path, HistoryExporter::Format::Csv);
        QVERIFY(!result.ok);
        QCOMPARE(result.count, 0);
        QVERIFY(result.error.contains(QStringLiteral("out.csv")));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(tst_HistoryExporter)
#include "tst_HistoryExporter.moc"
