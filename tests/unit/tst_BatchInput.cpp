// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/batch/BatchInput.h"

#include <QTest>

using namespace JobDesk;

namespace {

QStringList list(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

/// Every row as "line:key" or "line:key:variables", every error as "!line", in order.
QStringList readAll(BatchInputFormat format, const QByteArray &text,
    const BatchTableOptions &options = {}, QStringList *messages = nullptr)
{
    BatchInputReader reader(format, text, options);
    QStringList out;
    BatchRow row;
    BatchInputError error;
    for (int guard = 0; guard < 10000; ++guard) {
        const BatchInputReader::Status status = reader.next(&row, &error);
        if (status == BatchInputReader::Status::End)
            break;
        if (status == BatchInputReader::Status::Error) {
            out.append(QStringLiteral("!%1").arg(error.line));
            if (messages)
                messages->append(error.message);
            continue;
        }
        QString entry = QStringLiteral("%1:%2").arg(row.line).arg(row.key.toString());
        if (!row.variables.isEmpty())
            entry += QLatin1Char(':') + QString::fromUtf8(row.variables);
        out.append(entry);
    }
    return out;
}

} // namespace

class tst_BatchInput : public QObject
{
    Q_OBJECT
private slots:
    void keys_data();
    void keys();
    void keyErrorsNameTheLine();
    void table_data();
    void table();
    void tableHeaderErrors();
    void jsonLines_data();
    void jsonLines();
    void inferJsonValue_data();
    void inferJsonValue();
    void guessFormat_data();
    void guessFormat();
    void payloadMerge_data();
    void payloadMerge();
    void payloadBodies();
    void payloadFeatures_data();
    void payloadFeatures();
};

void tst_BatchInput::keys_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("rows");
    QTest::newRow("lines") << QByteArray("2251799813685249\n2251799813685250\n")
                           << list({"1:2251799813685249", "2:2251799813685250"});
    QTest::newRow("commas, spaces, quotes")
        << QByteArray("\"2251799813685249\", '2251799813685250' ;2251799813685251")
        << list({"1:2251799813685249", "2:2251799813685250", "3:2251799813685251"});
    QTest::newRow("json array") << QByteArray("[\"2251799813685249\",\"2251799813685250\"]")
                                << list({"1:2251799813685249", "2:2251799813685250"});
    QTest::newRow("spreadsheet column with header, CRLF")
        << QByteArray("jobKey\r\n2251799813685249\r\n\r\n2251799813685250\r\n")
        << list({"1:2251799813685249", "2:2251799813685250"});
    QTest::newRow("above 2^53 stays exact")
        << QByteArray("9007199254740993") << list({"1:9007199254740993"});
    QTest::newRow("bad tokens keep reading")
        << QByteArray("2251799813685249\n2.2518E+15\nabc\n2251799813685250")
        << list({"1:2251799813685249", "!2", "!3", "2:2251799813685250"});
    QTest::newRow("empty") << QByteArray(" \n\t\n") << QStringList();
}

void tst_BatchInput::keys()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, rows);
    QCOMPARE(readAll(BatchInputFormat::Keys, text), rows);
}

void tst_BatchInput::keyErrorsNameTheLine()
{
    QStringList messages;
    const QStringList rows
        = readAll(BatchInputFormat::Keys, "2251799813685249\n\n2.2518E+15\n", {}, &messages);
    QCOMPARE(rows, (list({"1:2251799813685249", "!3"})));
    QVERIFY2(messages.first().contains(QLatin1String("2.2518E+15")), qPrintable(messages.first()));
}

void tst_BatchInput::table_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("keyColumn");
    QTest::addColumn<QStringList>("rows");

    const int csv = static_cast<int>(BatchInputFormat::Csv);
    const int tsv = static_cast<int>(BatchInputFormat::Tsv);
    QTest::newRow("key only") << csv << QByteArray("jobKey\n2251799813685249\n") << QString()
                              << list({"2:2251799813685249"});
    QTest::newRow("headerless single column")
        << csv << QByteArray("2251799813685249\n2251799813685250\n") << QString()
        << list({"1:2251799813685249", "2:2251799813685250"});
    QTest::newRow("mapped columns, types inferred, keys text")
        << csv
        << QByteArray("jobKey,amount,ok,name,zip,big\n"
                      "2251799813685249,12.50,true,Anna,00123,123456789012345678901234567890\n")
        << QString()
        << list({"2:2251799813685249:{\"amount\":12.50,\"ok\":true,\"name\":\"Anna\","
                 "\"zip\":\"00123\",\"big\":123456789012345678901234567890}"});
    QTest::newRow("empty cell sets nothing")
        << csv << QByteArray("key,a,b\n2251799813685249,,x\n2251799813685250,,\n") << QString()
        << list({"2:2251799813685249:{\"b\":\"x\"}", "3:2251799813685250"});
    QTest::newRow("variables column only, exact text")
        << csv
        << QByteArray("jobKey,variables,note\n2251799813685249,\"{\"\"a\"\": 1.0}\",ignored\n")
        << QString() << list({"2:2251799813685249:{\"a\": 1.0}"});
    QTest::newRow("quoted cells over lines, CRLF")
        << csv
        << QByteArray("jobKey,text\r\n2251799813685249,\"two\r\nlines\"\r\n2251799813685250,b\r\n")
        << QString()
        << list({"2:2251799813685249:{\"text\":\"two\\r\\nlines\"}",
               "4:2251799813685250:{\"text\":\"b\"}"});
    QTest::newRow("semicolons") << csv << QByteArray("id;jobKey\nx;2251799813685249\n") << QString()
                                << list({"2:2251799813685249:{\"id\":\"x\"}"});
    QTest::newRow("key column chosen")
        << csv << QByteArray("a,b\n1,2251799813685249\n") << QStringLiteral("B")
        << list({"2:2251799813685249:{\"a\":1}"});
    QTest::newRow("tsv") << tsv << QByteArray("jobKey\tcount\n2251799813685249\t7\n") << QString()
                         << list({"2:2251799813685249:{\"count\":7}"});
    QTest::newRow("bad rows named")
        << csv
        << QByteArray("jobKey,variables\n2251799813685249,\n,\n2.25E+15,\n"
                      "2251799813685250,[1]\n2251799813685251,{}\n2251799813685252,x,y\n")
        << QString() << list({"2:2251799813685249", "!4", "!5", "6:2251799813685251:{}", "!7"});
    QTest::newRow("BOM and blank lines")
        << csv << QByteArray("\xEF\xBB\xBFjobKey\n\n2251799813685249\n") << QString()
        << list({"3:2251799813685249"});
}

void tst_BatchInput::table()
{
    QFETCH(int, format);
    QFETCH(QByteArray, text);
    QFETCH(QString, keyColumn);
    QFETCH(QStringList, rows);
    BatchTableOptions options;
    options.keyColumn = keyColumn;
    QStringList messages;
    QCOMPARE(readAll(static_cast<BatchInputFormat>(format), text, options, &messages), rows);
}

void tst_BatchInput::tableHeaderErrors()
{
    QStringList messages;
    QCOMPARE(readAll(BatchInputFormat::Csv, "a,b\n1,2\n", {}, &messages), list({"!1"}));
    QVERIFY(messages.first().contains(QLatin1String("--key-column")));
    BatchTableOptions options;
    options.keyColumn = QStringLiteral("nope");
    messages.clear();
    QCOMPARE(readAll(BatchInputFormat::Csv, "a,b\n1,2\n", options, &messages), list({"!1"}));
    QVERIFY(messages.first().contains(QLatin1String("\"nope\"")));

    BatchInputReader reader(BatchInputFormat::Csv, "jobKey,variables,x\n");
    BatchRow row;
    BatchInputError error;
    QCOMPARE(reader.next(&row, &error), BatchInputReader::Status::End);
    QCOMPARE(reader.columns().size(), 3);
    QCOMPARE(reader.columns()[0].role, BatchColumnRole::Key);
    QCOMPARE(reader.columns()[1].role, BatchColumnRole::Variables);
    QCOMPARE(reader.columns()[2].role, BatchColumnRole::Ignored);
}

void tst_BatchInput::jsonLines_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("rows");
    QTest::newRow("string and number keys")
        << QByteArray("{\"jobKey\":\"2251799813685249\"}\n\n{\"jobKey\":9007199254740993,"
                      "\"variables\":{\"a\":1.10}}\n")
        << list({"1:2251799813685249", "3:9007199254740993:{\"a\":1.10}"});
    QTest::newRow("bad lines") << QByteArray(
        "{\"jobKey\":\"x\"}\n[1]\n{\"key\":1}\n{\"jobKey\":\"2251799813685249\","
        "\"variables\":[]}\n{\"jobKey\":2.25e15}\nnot json\n"
        "{\"jobKey\":\"2251799813685249\",\"variables\":{\"a\":1,\"a\":2}}\n")
                               << list({"!1", "!2", "!3", "!4", "!5", "!6", "!7"});
}

void tst_BatchInput::jsonLines()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, rows);
    QCOMPARE(readAll(BatchInputFormat::JsonLines, text), rows);
}

void tst_BatchInput::inferJsonValue_data()
{
    QTest::addColumn<QByteArray>("cell");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("integer") << QByteArray("42") << QByteArray("42");
    QTest::newRow("huge integer") << QByteArray("123456789012345678901")
                                  << QByteArray("123456789012345678901");
    QTest::newRow("decimal kept") << QByteArray("1.50") << QByteArray("1.50");
    QTest::newRow("leading zeros: text") << QByteArray("007") << QByteArray("\"007\"");
    QTest::newRow("true") << QByteArray("true") << QByteArray("true");
    QTest::newRow("null") << QByteArray("null") << QByteArray("null");
    QTest::newRow("True is text") << QByteArray("True") << QByteArray("\"True\"");
    QTest::newRow("quoted json string") << QByteArray("\"a\"") << QByteArray("\"a\"");
    QTest::newRow("object") << QByteArray("{\"a\":[1]}") << QByteArray("{\"a\":[1]}");
    QTest::newRow("words") << QByteArray("12 kg") << QByteArray("\"12 kg\"");
    QTest::newRow("escapes") << QByteArray("a\"b\\") << QByteArray("\"a\\\"b\\\\\"");
}

void tst_BatchInput::inferJsonValue()
{
    QFETCH(QByteArray, cell);
    QFETCH(QByteArray, json);
    QCOMPARE(JobDesk::inferJsonValue(cell), json);
}

void tst_BatchInput::guessFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("format");
    QTest::newRow("csv suffix") << QStringLiteral("a.CSV") << QByteArray("x")
                                << int(BatchInputFormat::Csv);
    QTest::newRow("jsonl suffix") << QStringLiteral("a.ndjson") << QByteArray("x")
                                  << int(BatchInputFormat::JsonLines);
    QTest::newRow("json text") << QStringLiteral("-") << QByteArray("  {\"jobKey\":1}")
                               << int(BatchInputFormat::JsonLines);
    QTest::newRow("tsv text") << QStringLiteral("-") << QByteArray("jobKey\tamount\n1\t2\n")
                              << int(BatchInputFormat::Tsv);
    QTest::newRow("keys with tabs")
        << QStringLiteral("-") << QByteArray("2251799813685249\t2251799813685250\n")
        << int(BatchInputFormat::Keys);
    QTest::newRow("keys") << QStringLiteral("keys.txt") << QByteArray("2251799813685249")
                          << int(BatchInputFormat::Keys);
}

void tst_BatchInput::guessFormat()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, text);
    QFETCH(int, format);
    QCOMPARE(int(BatchInputReader::guessFormat(file, text)), format);
}

void tst_BatchInput::payloadMerge_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QByteArray>("merged");
    QTest::newRow("no shared variables: the row exactly")
        << QByteArray("{}") << QByteArray("{ \"a\" : 1.0 }") << QByteArray("{ \"a\" : 1.0 }");
    QTest::newRow("row over shared, text exact")
        << QByteArray("{\"variables\":{\"a\":1,\"b\":2.50,\"c\":\"x\"}}")
        << QByteArray("{\"b\":123456789012345678901234567890}")
        << QByteArray("{\"a\":1,\"c\":\"x\",\"b\":123456789012345678901234567890}");
    QTest::newRow("no row variables")
        << QByteArray("{\"variables\":{\"a\":1}}") << QByteArray() << QByteArray();
    QTest::newRow("nested values kept whole")
        << QByteArray("{\"variables\":{\"o\":{\"x\":1}}}") << QByteArray("{\"p\":[1, 2]}")
        << QByteArray("{\"o\":{\"x\":1},\"p\":[1, 2]}");
}

void tst_BatchInput::payloadMerge()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, row);
    QFETCH(QByteArray, merged);
    QString error;
    const std::optional<BatchPayload> payload = BatchPayload::fromBody(body, &error);
    QVERIFY2(payload, qPrintable(error));
    QCOMPARE(payload->mergeVariables(row), merged);
}

void tst_BatchInput::payloadBodies()
{
    QString error;
    const auto plain = BatchPayload::fromBody({}, &error);
    QVERIFY(plain);
    QCOMPARE(plain->body(), QByteArray("{}"));
    QCOMPARE(plain->bodyFor("{\"a\":1}"), QByteArray("{\"variables\":{\"a\":1}}"));

    const auto deny = BatchPayload::fromBody(
        "{\"result\":{\"type\":\"userTask\",\"denied\":true,\"deniedReason\":\"no\"}}", &error);
    QVERIFY2(deny, qPrintable(error));
    QVERIFY(deny->denies());
    QVERIFY(!deny->hasVariables());
    QCOMPARE(deny->bodyFor("{\"a\":1}"),
        QByteArray("{\"variables\":{\"a\":1},\"result\":{\"type\":\"userTask\",\"denied\":true,"
                   "\"deniedReason\":\"no\"}}"));

    const auto withVariables = BatchPayload::fromBody("{\"variables\":{\"a\":1}}", &error);
    QVERIFY(withVariables);
    QVERIFY(withVariables->hasVariables());
    QCOMPARE(withVariables->body(), QByteArray("{\"variables\":{\"a\":1}}"));
    QCOMPARE(withVariables->bodyFor("{\"b\":2}"), QByteArray("{\"variables\":{\"b\":2}}"));

    QVERIFY(!BatchPayload::fromBody("{\"unknown\":1}", &error));
    QVERIFY(!error.isEmpty());
}

void tst_BatchInput::payloadFeatures_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QList<ApiFeature>>("features");
    QTest::newRow("empty") << QByteArray() << QList<ApiFeature>();
    QTest::newRow("variables only")
        << QByteArray("{\"variables\":{\"result\":1,\"leaseToken\":\"t\"}}") << QList<ApiFeature>();
    QTest::newRow("a denial") << QByteArray("{\"result\":{\"type\":\"userTask\",\"denied\":true}}")
                              << QList<ApiFeature> {ApiFeature::CompletionResult};
    QTest::newRow("an empty verdict is not sent")
        << QByteArray("{\"result\":{\"type\":\"userTask\",\"denied\":false}}")
        << QList<ApiFeature>();
    QTest::newRow("ad-hoc elements")
        << QByteArray("{\"variables\":{\"a\":1},\"result\":{\"type\":\"adHocSubProcess\","
                      "\"activateElements\":[{\"elementId\":\"lookup-order\"}]}}")
        << QList<ApiFeature> {ApiFeature::CompletionResult};
    QTest::newRow("lease and business id")
        << QByteArray("{\"leaseToken\":\"t-1\",\"businessId\":\"order-4711\"}")
        << QList<ApiFeature> {ApiFeature::LeaseToken, ApiFeature::BusinessId};
    QTest::newRow("all three") << QByteArray("{\"result\":{\"type\":\"userTask\",\"denied\":true},"
                                             "\"leaseToken\":\"t\",\"businessId\":\"b\"}")
                               << QList<ApiFeature> {ApiFeature::CompletionResult,
                                      ApiFeature::LeaseToken, ApiFeature::BusinessId};
}

void tst_BatchInput::payloadFeatures()
{
    QFETCH(QByteArray, body);
    QFETCH(QList<ApiFeature>, features);
    QString error;
    const std::optional<BatchPayload> payload = BatchPayload::fromBody(body, &error);
    QVERIFY2(payload, qPrintable(error));
    QCOMPARE(payload->features(), features);
    // Every item's body is the shared one with other variables: it needs what the payload does.
    QCOMPARE(versionProblem(CamundaVersion::of(8, 7), payload->features()).isEmpty(),
        features.isEmpty());
}

QTEST_GUILESS_MAIN(tst_BatchInput)
#include "tst_BatchInput.moc"
