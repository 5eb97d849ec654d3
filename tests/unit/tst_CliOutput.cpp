// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Output.h"

#include "cli/Console.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;
using namespace JobDesk::Cli;

class TestCliOutput final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void exitCodes_data();
    void exitCodes();
    void jsonCompleted();
    void jsonProblemKeepsEveryMemberVerbatim();
    void jsonTransportError();
    void jsonRawBodyIsCappedOnACharacterBoundary();
    void jsonStringEscaping_data();
    void jsonStringEscaping();
    void humanProblem();
    void escapeControls_data();
    void escapeControls();
    void humanOutputEscapesServerText();
    void humanNonProblemBody();
    void humanTransportError();
    void humanRedirect();
    void dryRun();
};

namespace {

Outcome httpOutcome(int status, const QByteArray &reason, const QByteArray &body,
    const QByteArray &contentType = "application/problem+json")
{
    Outcome outcome;
    outcome.httpStatus = status;
    outcome.reasonPhrase = reason;
    outcome.rawBody = body;
    outcome.bodyTotalBytes = body.size();
    outcome.problem = ProblemDetails::parse(body, contentType);
    outcome.kind = classifyHttpStatus(status, outcome.problem);
    outcome.elapsedMs = 17;
    return outcome;
}

QJsonObject parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning() << "not one JSON object:" << json << error.errorString();
    return document.object();
}

const QByteArray kNotFound
    = R"({"type":"about:blank","title":"NOT_FOUND","status":404,"detail":"Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '2251799813738612', but no such job was found","instance":"/v2/jobs/2251799813738612/completion"})";

} // namespace

void TestCliOutput::exitCodes_data()
{
    QTest::addColumn<int>("status"); // 0: no answer
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("204") << 204 << int(OutcomeKind::Completed) << 0;
    QTest::newRow("200") << 200 << int(OutcomeKind::Completed) << 0;
    QTest::newRow("302") << 302 << int(OutcomeKind::Redirected) << 1;
    QTest::newRow("400") << 400 << int(OutcomeKind::Rejected) << 1;
    QTest::newRow("401") << 401 << int(OutcomeKind::Unauthorized) << 1;
    QTest::newRow("404") << 404 << int(OutcomeKind::NotFound) << 1;
    QTest::newRow("409") << 409 << int(OutcomeKind::InvalidState) << 1;
    QTest::newRow("503") << 503 << int(OutcomeKind::Backpressure) << 1;
    QTest::newRow("500") << 500 << int(OutcomeKind::ServerError) << 1;
    QTest::newRow("refused") << 0 << int(OutcomeKind::TransportError) << 3;
    QTest::newRow("cancelled") << 0 << int(OutcomeKind::Cancelled) << 3;
}

void TestCliOutput::exitCodes()
{
    QFETCH(int, status);
    QFETCH(int, kind);
    QFETCH(int, exitCode);
    Outcome outcome;
    outcome.kind = OutcomeKind(kind);
    if (status)
        outcome.httpStatus = status;
    QCOMPARE(exitCodeFor(outcome), exitCode);
}

void TestCliOutput::jsonCompleted()
{
    const Outcome outcome = httpOutcome(204, "No Content", {}, {});
    const QByteArray json = formatJson(outcome, QStringLiteral("2251799813685249"));
    QVERIFY(json.endsWith("}\n"));
    QCOMPARE(json.count('\n'), 1); // one line, one object
    const QJsonObject o = parseObject(json);
    QCOMPARE(o.value(QLatin1String("jobKey")).toString(), QStringLiteral("2251799813685249"));
    QVERIFY(o.value(QLatin1String("jobKey")).isString());
    QCOMPARE(o.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("completed"));
    QCOMPARE(o.value(QLatin1String("httpStatus")).toInt(), 204);
    QVERIFY(o.value(QLatin1String("problem")).isNull());
    QCOMPARE(o.value(QLatin1String("rawBody")).toString(), QString());
    QCOMPARE(o.value(QLatin1String("elapsedMs")).toInt(), 17);
    QVERIFY(o.value(QLatin1String("error")).isNull());
    QVERIFY(o.contains(QLatin1String("explanation")));
    QVERIFY(o.contains(QLatin1String("nextStep")));
}

void TestCliOutput::jsonProblemKeepsEveryMemberVerbatim()
{
    const QByteArray body
        = R"({"type":"about:blank","title":"INVALID_STATE","status":409,"detail":"Expected to complete job with key '2251799813685249', but it is in state 'FAILED'","instance":"/v2/jobs/2251799813685249/completion","jobKey":123456789012345678901234567890123456789,"nested":{"a":[1,2.50,-0.0e+1]}})";
    const Outcome outcome = httpOutcome(409, "Conflict", body);
    const QByteArray json = formatJson(outcome, QStringLiteral("2251799813685249"));
    // The raw member text is copied: digits and spelling of numbers survive.
    QVERIFY(json.contains("\"jobKey\":123456789012345678901234567890123456789"));
    QVERIFY(json.contains("\"nested\":{\"a\":[1,2.50,-0.0e+1]}"));
    const QJsonObject o = parseObject(json);
    QCOMPARE(o.value(QLatin1String("ok")).toBool(), false);
    QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("invalid-state"));
    QCOMPARE(o.value(QLatin1String("httpStatus")).toInt(), 409);
    const QJsonObject problem = o.value(QLatin1String("problem")).toObject();
    QCOMPARE(problem.value(QLatin1String("title")).toString(), QStringLiteral("INVALID_STATE"));
    QCOMPARE(problem.value(QLatin1String("status")).toInt(), 409);
    QCOMPARE(problem.value(QLatin1String("detail")).toString(),
        QStringLiteral(
            "Expected to complete job with key '2251799813685249', but it is in state 'FAILED'"));
    QCOMPARE(problem.keys().size(), 7);
    QCOMPARE(o.value(QLatin1String("rawBody")).toString(), QString::fromUtf8(body));
    QCOMPARE(o.value(QLatin1String("rawBodyTruncated")).toBool(), false);
    QVERIFY(!o.value(QLatin1String("explanation")).toString().isEmpty());
}

void TestCliOutput::jsonTransportError()
{
    Outcome outcome;
    outcome.kind = OutcomeKind::TransportError;
    outcome.transportError = QStringLiteral("connection refused by 127.0.0.1:1");
    const QJsonObject o = parseObject(formatJson(outcome, QStringLiteral("1")));
    QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("transport-error"));
    QVERIFY(o.value(QLatin1String("httpStatus")).isNull());
    QVERIFY(o.value(QLatin1String("problem")).isNull());
    QCOMPARE(o.value(QLatin1String("error")).toString(), outcome.transportError);
}

void TestCliOutput::jsonRawBodyIsCappedOnACharacterBoundary()
{
    // 'é' is two bytes: put one across the cap.
    QByteArray body(kJsonRawBodyBytes - 1, 'a');
    body += "\xC3\xA9" + QByteArray(100, 'b');
    const Outcome outcome = httpOutcome(500, "Internal Server Error", body, "text/plain");
    const QJsonObject o = parseObject(formatJson(outcome, QStringLiteral("1")));
    const QString raw = o.value(QLatin1String("rawBody")).toString();
    QCOMPARE(raw.size(), kJsonRawBodyBytes - 1);
    QVERIFY(!raw.contains(QChar(0xFFFD)));
    QCOMPARE(o.value(QLatin1String("rawBodyTruncated")).toBool(), true);

    QCOMPARE(truncateUtf8("a\xE2\x82\xAC", 3), QByteArray("a"));
    QCOMPARE(truncateUtf8("a\xE2\x82\xAC", 4), QByteArray("a\xE2\x82\xAC"));
    QCOMPARE(truncateUtf8("abc", 10), QByteArray("abc"));
}

void TestCliOutput::jsonStringEscaping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("\"abc\"");
    QTest::newRow("quotes") << QStringLiteral("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
    QTest::newRow("controls") << QStringLiteral("a\nb\tc\r\x01")
                              << QByteArray("\"a\\nb\\tc\\r\\u0001\"");
    QTest::newRow("unicode") << QStringLiteral("Grüße €")
                             << QByteArray("\"Gr\xC3\xBC\xC3\x9F"
                                           "e \xE2\x82\xAC\"");
}

void TestCliOutput::jsonStringEscaping()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, json);
    QCOMPARE(jsonString(text), json);
    const QJsonDocument back = QJsonDocument::fromJson("[" + json + "]");
    QCOMPARE(back.array().at(0).toString(), text);
}

void TestCliOutput::humanProblem()
{
    const QByteArray body
        = R"({"type":"about:blank","title":"NOT_FOUND","status":404,"detail":"Command 'COMPLETE' rejected","instance":"/v2/jobs/1/completion","traceId":"abc"})";
    const Outcome outcome = httpOutcome(404, "Not Found", body);
    const QString text = QString::fromUtf8(formatHuman(outcome, QStringLiteral("1")));
    const QStringList lines = text.split(u'\n');
    QVERIFY2(lines.first().contains(QLatin1String("HTTP 404")), qPrintable(text));
    QVERIFY(lines.first().contains(QLatin1String("NOT_FOUND")));
    QVERIFY(lines.first().contains(QLatin1String("job 1")));
    QVERIFY(text.contains(QLatin1String("detail: Command 'COMPLETE' rejected\n")));
    QVERIFY(text.contains(QLatin1String("instance: /v2/jobs/1/completion\n")));
    QVERIFY(text.contains(QLatin1String("traceId: abc\n")));
    QVERIFY(text.contains(QLatin1String("type: about:blank\n")));
    const Explanation explanation = explain(outcome);
    QVERIFY(!explanation.summary.isEmpty());
    QVERIFY(text.contains(explanation.summary));
    QVERIFY(text.contains(QLatin1String("Next step: ") + explanation.nextStep));
}

void TestCliOutput::escapeControls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain") << QStringLiteral("Grüße 😀 a\tb") << QStringLiteral("Grüße 😀 a\tb");
    QTest::newRow("line feed kept") << QStringLiteral("a\nb") << QStringLiteral("a\nb");
    QTest::newRow("carriage return")
        << QStringLiteral("409\rCompleted") << QStringLiteral("409\\rCompleted");
    QTest::newRow("erase line") << QStringLiteral("x\x1b[2Ky") << QStringLiteral("x\\x1b[2Ky");
    QTest::newRow("bell and NUL") << (QStringLiteral("a\x07") + QChar(0) + QStringLiteral("b"))
                                  << QStringLiteral("a\\x07\\x00b");
    QTest::newRow("DEL and C1 CSI")
        << QString(QStringLiteral("a") + QChar(0x7F) + QChar(0x9B) + QStringLiteral("31m"))
        << QStringLiteral("a\\x7f\\x9b31m");
    QTest::newRow("bidi override")
        << QString(QStringLiteral("abc") + QChar(0x202E) + QStringLiteral("fed"))
        << QStringLiteral("abc\\u202efed");
    QTest::newRow("bidi isolate") << QString(QChar(0x2066) + QStringLiteral("x") + QChar(0x2069))
                                  << QStringLiteral("\\u2066x\\u2069");
}

void TestCliOutput::escapeControls()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(Cli::escapeControls(text), shown);
    QCOMPARE(Cli::escapeControls(QStringLiteral("a\nb"), false), QStringLiteral("a\\nb"));
}

void TestCliOutput::humanOutputEscapesServerText()
{
    // A 409 must not be able to erase its own line and print a fake success.
    const QByteArray body
        = R"({"title":"INVALID_STATE\r\u001b[2KCompleted: HTTP 204","status":409,)"
          R"("detail":"line one\nline two\u001b]0;title\u0007","x\u001b":"\u009b"})";
    Outcome outcome = httpOutcome(409, "Conflict\r", body);
    outcome.kind = OutcomeKind::InvalidState;
    const QByteArray text = formatHuman(outcome, QStringLiteral("1"));
    QVERIFY2(!text.contains('\r'), text.constData());
    QVERIFY2(!text.contains('\x1b'), text.constData());
    QVERIFY(!text.contains('\x07'));
    QVERIFY(!text.contains("\xC2\x9B"));
    QVERIFY2(text.contains("INVALID_STATE\\r\\x1b[2KCompleted: HTTP 204"), text.constData());
    QVERIFY2(text.contains("HTTP 409 Conflict\\r"), text.constData());
    QVERIFY(text.contains("detail: line one\n    line two\\x1b]0;title\\x07\n"));
    QVERIFY(text.contains("  x\\x1b: \\x9b\n"));
    // Every line but the first is indented or our own: the first line is the only outcome.
    QCOMPARE(text.count("Completed:"), 1);
    QVERIFY(text.startsWith("Invalid state: HTTP 409"));

    Outcome noAnswer;
    noAnswer.kind = OutcomeKind::TransportError;
    noAnswer.transportError = QStringLiteral("proxy said \x1b[2KCompleted");
    QVERIFY(!formatHuman(noAnswer, QStringLiteral("1")).contains('\x1b'));
}

void TestCliOutput::humanNonProblemBody()
{
    const QByteArray body = "<html><body>502 Bad Gateway from nginx</body></html>";
    const Outcome outcome = httpOutcome(502, "Bad Gateway", body, "text/html");
    const QString text = QString::fromUtf8(formatHuman(outcome, QStringLiteral("9")));
    QVERIFY(text.startsWith(outcomeKindLabel(outcome.kind)));
    QVERIFY(text.contains(QLatin1String("HTTP 502 Bad Gateway")));
    QVERIFY(
        text.contains(QLatin1String("body: <html><body>502 Bad Gateway from nginx</body></html>")));

    const Outcome big
        = httpOutcome(500, "Internal Server Error", QByteArray(10000, 'x'), "text/plain");
    const QString bigText = QString::fromUtf8(formatHuman(big, QStringLiteral("9")));
    QVERIFY(bigText.contains(QString(kHumanBodySnippetChars, u'x') + QStringLiteral(" \u2026")));
    QVERIFY(!bigText.contains(QString(kHumanBodySnippetChars + 1, u'x')));
}

void TestCliOutput::humanTransportError()
{
    Outcome outcome;
    outcome.kind = OutcomeKind::TransportError;
    outcome.transportError = QStringLiteral("connection refused by 127.0.0.1:1");
    outcome.elapsedMs = 3;
    const QString text = QString::fromUtf8(formatHuman(outcome, QStringLiteral("5")));
    QVERIFY2(text.startsWith(outcomeKindLabel(OutcomeKind::TransportError)
                 + QStringLiteral(": connection refused by 127.0.0.1:1 (job 5, 3 ms)\n")),
        qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("HTTP")));
}

void TestCliOutput::humanRedirect()
{
    Outcome outcome = httpOutcome(302, "Found", {}, {});
    outcome.redirectLocation = QStringLiteral("https://login.example/");
    const QString text = QString::fromUtf8(formatHuman(outcome, QStringLiteral("5")));
    QVERIFY(text.contains(QLatin1String("location: https://login.example/ (not followed)")));
    QCOMPARE(exitCodeFor(outcome), 1);
    const QJsonObject o = parseObject(formatJson(outcome, QStringLiteral("5")));
    QCOMPARE(o.value(QLatin1String("redirectLocation")).toString(),
        QStringLiteral("https://login.example/"));
}

void TestCliOutput::dryRun()
{
    RequestRecord request;
    request.method = "POST";
    request.url = QUrl(QStringLiteral("http://127.0.0.1:8080/v2/jobs/1/completion"));
    request.headers = {{"Content-Type", "application/json"}, {"Authorization", "Basic <redacted>"}};
    request.body = R"({"variables":{"n":12345678901234567890123456789012345678901}})";
    const QByteArray text = formatDryRun(request, false);
    QCOMPARE(text,
        QByteArray("POST http://127.0.0.1:8080/v2/jobs/1/completion\n"
                   "Content-Type: application/json\n"
                   "Authorization: Basic <redacted>\n"
                   "\n")
            + request.body + '\n');
    const QJsonObject o = parseObject(formatDryRun(request, true));
    QCOMPARE(o.value(QLatin1String("dryRun")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
    QCOMPARE(o.value(QLatin1String("url")).toString(), request.url.toString());
    QCOMPARE(o.value(QLatin1String("headers"))
                 .toObject()
                 .value(QLatin1String("Authorization"))
                 .toString(),
        QStringLiteral("Basic <redacted>"));
    QCOMPARE(o.value(QLatin1String("body")).toString().toUtf8(), request.body);
}

QTEST_APPLESS_MAIN(TestCliOutput)
#include "tst_CliOutput.moc"
