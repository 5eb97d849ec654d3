// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/ProblemDetails.h"
#include "core/json/Json.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

namespace {

/// The "body" of every example in problem-examples.json, as the exact text in the file (a
/// QJsonObject would reorder the members), next to the parsed object as an independent oracle.
struct Examples
{
    QStringList rawBodies;
    QJsonArray entries;
    QString error;
};

Examples loadExamples()
{
    Examples examples;
    QFile file(TestPaths::testData(QStringLiteral("camunda/problem-examples.json")));
    if (!file.open(QIODevice::ReadOnly)) {
        examples.error = file.errorString();
        return examples;
    }
    const QByteArray bytes = file.readAll();
    examples.entries = QJsonDocument::fromJson(bytes).array();
    const QString text = QString::fromUtf8(bytes);
    int depth = 0;
    bool nextIsBody = false;
    qsizetype bodyStart = -1;
    int bodyDepth = 0;
    Json::ScanOptions options;
    options.findDuplicates = false;
    options.onToken = [&](const Json::Token &t) {
        switch (t.kind) {
        case Json::TokenKind::Key:
            nextIsBody = depth == 2
                && Json::unescape(QStringView(text).mid(t.offset, t.length))
                    == QLatin1String("body");
            return;
        case Json::TokenKind::BeginObject:
        case Json::TokenKind::BeginArray:
            if (nextIsBody) {
                bodyStart = t.offset;
                bodyDepth = depth;
                nextIsBody = false;
            }
            ++depth;
            return;
        case Json::TokenKind::EndObject:
        case Json::TokenKind::EndArray:
            --depth;
            if (bodyStart >= 0 && depth == bodyDepth) {
                examples.rawBodies.append(text.mid(bodyStart, t.offset + 1 - bodyStart));
                bodyStart = -1;
            }
            return;
        case Json::TokenKind::Colon:
            return;
        default:
            if (nextIsBody)
                examples.rawBodies.append(text.mid(t.offset, t.length));
            nextIsBody = false;
            return;
        }
    };
    const Json::ScanResult scanned = Json::scan(text, options);
    if (!scanned.ok())
        examples.error = scanned.error->message;
    return examples;
}

QStringList memberNames(const ProblemDetails &p)
{
    QStringList names;
    for (const ProblemDetails::Member &m : p.members())
        names << m.name;
    return names;
}

} // namespace

class tst_ProblemDetails final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void realServerBodies_data();
    void realServerBodies();
    void tolerant_data();
    void tolerant();
    void extensionMembers();
    void displayValue();
    void neverCrashes();
};

void tst_ProblemDetails::realServerBodies_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QJsonObject>("expected");
    QTest::addColumn<int>("httpStatus");

    const Examples examples = loadExamples();
    QVERIFY2(examples.error.isEmpty(), qPrintable(examples.error));
    QVERIFY(examples.entries.size() >= 30);
    QCOMPARE(examples.rawBodies.size(), examples.entries.size());
    for (int i = 0; i < examples.entries.size(); ++i) {
        const QJsonObject entry = examples.entries[i].toObject();
        QTest::addRow("%d: %d %s", i, entry[QLatin1String("status")].toInt(),
            qPrintable(entry[QLatin1String("scenario")].toString().left(60)))
            << examples.rawBodies[i] << entry[QLatin1String("body")].toObject()
            << entry[QLatin1String("status")].toInt();
    }
}

void tst_ProblemDetails::realServerBodies()
{
    QFETCH(QString, raw);
    QFETCH(QJsonObject, expected);
    const int memberCount = int(expected.size());
    QFETCH(int, httpStatus);

    const QByteArray body = raw.toUtf8();
    const ProblemDetails p
        = ProblemDetails::parse(body, QByteArrayLiteral("application/problem+json; charset=utf-8"));
    QVERIFY(p.isJson());
    QVERIFY(p.isProblem());
    QVERIFY(!p.isPartial());
    QCOMPARE(p.status(), std::optional<int>(httpStatus));
    QCOMPARE(p.status(), std::optional<int>(expected.value(QLatin1String("status")).toInt()));
    QCOMPARE(p.title(), expected.value(QLatin1String("title")).toString());
    QCOMPARE(p.detail(), expected.value(QLatin1String("detail")).toString());
    QCOMPARE(p.type(), expected.value(QLatin1String("type")).toString());
    QCOMPARE(p.instance(), expected.value(QLatin1String("instance")).toString());

    // Every member, in the order of the body, with a raw value that means the same.
    QCOMPARE(p.members().size(), memberCount);
    qsizetype previous = -1;
    for (const ProblemDetails::Member &m : p.members()) {
        QVERIFY2(expected.contains(m.name), qPrintable(m.name));
        const qsizetype at = raw.indexOf(QLatin1Char('"') + m.name + QLatin1String("\":"));
        QVERIFY2(at > previous, qPrintable(m.name));
        previous = at;
        const QJsonArray wrapped = QJsonDocument::fromJson("[" + m.rawJson + "]").array();
        QCOMPARE(wrapped.size(), 1);
        QCOMPARE(wrapped[0], expected.value(m.name));
    }
    QVERIFY(p.extensionMembers().isEmpty());

    // The content type does not change the reading.
    const ProblemDetails plain = ProblemDetails::parse(body, QByteArrayLiteral("application/json"));
    QCOMPARE(plain.title(), p.title());
    QCOMPARE(ProblemDetails::parse(body).detail(), p.detail());
}

void tst_ProblemDetails::tolerant_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("isJson");
    QTest::addColumn<bool>("isProblem");
    QTest::addColumn<bool>("isPartial");
    QTest::addColumn<QString>("title");
    QTest::addColumn<int>("status"); // -1: none
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QStringList>("names");

    const QByteArray problemJson("application/problem+json; charset=utf-8");
    QTest::newRow("empty") << QByteArray() << problemJson << false << false << false << QString()
                           << -1 << QString() << QStringList {};
    QTest::newRow("whitespace") << QByteArray(" \r\n") << QByteArray() << false << false << false
                                << QString() << -1 << QString() << QStringList {};
    QTest::newRow("html from a proxy") << QByteArray(
        "<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>")
                                       << QByteArray("text/html") << false << false << false
                                       << QString() << -1 << QString() << QStringList {};
    QTest::newRow("plain text") << QByteArray(
        "upstream connect error or disconnect/reset before headers")
                                << QByteArray("text/plain") << false << false << false << QString()
                                << -1 << QString() << QStringList {};
    QTest::newRow("truncated") << QByteArray("{\"type\":\"about:blank\",\"title\":\"NOT_FOUND\","
                                             "\"status\":404,\"detail\":\"Command 'COMPL")
                               << problemJson << false << true << true
                               << QStringLiteral("NOT_FOUND") << 404 << QString()
                               << QStringList {QStringLiteral("type"), QStringLiteral("title"),
                                      QStringLiteral("status")};
    QTest::newRow("cut inside a number")
        << QByteArray("{\"title\":\"INTERNAL\",\"status\":5") << problemJson << false << true
        << true << QStringLiteral("INTERNAL") << -1 << QString()
        << QStringList {QStringLiteral("title")};
    QTest::newRow("invalid UTF-8 in detail")
        << QByteArray("{\"title\":\"Bad\",\"status\":400,\"detail\":\"caf\xE9\"}") << problemJson
        << true << true << false << QStringLiteral("Bad") << 400
        << QString(QStringLiteral("caf") + QChar(0xFFFD))
        << QStringList {
               QStringLiteral("title"), QStringLiteral("status"), QStringLiteral("detail")};
    QTest::newRow("JSON array") << QByteArray("[{\"title\":\"x\",\"status\":400}]")
                                << QByteArray("application/json") << true << false << false
                                << QString() << -1 << QString() << QStringList {};
    QTest::newRow("JSON string") << QByteArray("\"Not Found\"") << QByteArray("application/json")
                                 << true << false << false << QString() << -1 << QString()
                                 << QStringList {};
    QTest::newRow("status as string")
        << QByteArray("{\"status\":\"409\",\"title\":\"INVALID_STATE\"}") << problemJson << true
        << true << false << QStringLiteral("INVALID_STATE") << 409 << QString()
        << QStringList {QStringLiteral("status"), QStringLiteral("title")};
    QTest::newRow("status not a number")
        << QByteArray("{\"status\":\"conflict\"}") << problemJson << true << true << false
        << QString() << -1 << QString() << QStringList {QStringLiteral("status")};
    QTest::newRow("status with fraction zero")
        << QByteArray("{\"status\":404.0}") << problemJson << true << true << false << QString()
        << 404 << QString() << QStringList {QStringLiteral("status")};
    QTest::newRow("status null, title number")
        << QByteArray("{\"status\":null,\"title\":42}") << problemJson << true << true << false
        << QStringLiteral("42") << -1 << QString()
        << QStringList {QStringLiteral("status"), QStringLiteral("title")};
    QTest::newRow("plain JSON without problem members")
        << QByteArray("{\"message\":\"oops\",\"code\":7}") << QByteArray("application/json") << true
        << false << false << QString() << -1 << QString()
        << QStringList {QStringLiteral("message"), QStringLiteral("code")};
    QTest::newRow("byte order mark")
        << QByteArray("\xEF\xBB\xBF{\"title\":\"T\"}") << problemJson << true << true << false
        << QStringLiteral("T") << -1 << QString() << QStringList {QStringLiteral("title")};
    QTest::newRow("escapes") << QByteArray(
        "{\"title\":\"a\\\"b\\u00e9\",\"detail\":\"line1\\nline2\"}")
                             << problemJson << true << true << false << QStringLiteral("a\"bé")
                             << -1 << QStringLiteral("line1\nline2")
                             << QStringList {QStringLiteral("title"), QStringLiteral("detail")};
    QTest::newRow("first of a repeated member wins")
        << QByteArray("{\"title\":\"first\",\"title\":\"second\"}") << problemJson << true << true
        << false << QStringLiteral("first") << -1 << QString()
        << QStringList {QStringLiteral("title"), QStringLiteral("title")};
    QTest::newRow("json with html content type")
        << QByteArray("{\"title\":\"FORBIDDEN\",\"status\":403}") << QByteArray("text/html") << true
        << true << false << QStringLiteral("FORBIDDEN") << 403 << QString()
        << QStringList {QStringLiteral("title"), QStringLiteral("status")};
}

void tst_ProblemDetails::tolerant()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(bool, isJson);
    QFETCH(bool, isProblem);
    QFETCH(bool, isPartial);
    QFETCH(QString, title);
    QFETCH(int, status);
    QFETCH(QString, detail);
    QFETCH(QStringList, names);

    const ProblemDetails p = ProblemDetails::parse(body, contentType);
    QCOMPARE(p.isJson(), isJson);
    QCOMPARE(p.isProblem(), isProblem);
    QCOMPARE(p.isPartial(), isPartial);
    QCOMPARE(p.title(), title);
    QCOMPARE(p.status(), status < 0 ? std::nullopt : std::optional<int>(status));
    QCOMPARE(p.detail(), detail);
    QCOMPARE(memberNames(p), names);
}

void tst_ProblemDetails::extensionMembers()
{
    const QByteArray body(
        "{\"type\":\"https://example.com/probs/"
        "out-of-credit\",\"title\":\"T\",\"status\":400,\"detail\":\"D\","
        "\"instance\":\"/v2/jobs/1/"
        "completion\",\"errors\":[{\"field\":\"variables\"}],\"traceId\":\"a\\u00e9\","
        "\"big\":123456789012345678901234567890.10}");
    const ProblemDetails p
        = ProblemDetails::parse(body, QByteArrayLiteral("application/problem+json"));
    QVERIFY(p.isProblem());
    QCOMPARE(p.type(), QStringLiteral("https://example.com/probs/out-of-credit"));
    QCOMPARE(p.instance(), QStringLiteral("/v2/jobs/1/completion"));
    QCOMPARE(p.members().size(), 8);
    const QList<ProblemDetails::Member> extensions = p.extensionMembers();
    QCOMPARE(extensions.size(), 3);
    QCOMPARE(extensions[0].name, QStringLiteral("errors"));
    QCOMPARE(extensions[0].rawJson, QByteArray("[{\"field\":\"variables\"}]"));
    QCOMPARE(extensions[1].name, QStringLiteral("traceId"));
    QCOMPARE(extensions[1].rawJson, QByteArray("\"a\\u00e9\""));
    QCOMPARE(extensions[1].displayValue(), QStringLiteral("aé"));
    QCOMPARE(extensions[2].rawJson, QByteArray("123456789012345678901234567890.10"));
    QCOMPARE(extensions[2].displayValue(), QStringLiteral("123456789012345678901234567890.10"));
}

void tst_ProblemDetails::displayValue()
{
    QCOMPARE((ProblemDetails::Member {QStringLiteral("x"), QByteArray("null")}).displayValue(),
        QStringLiteral("null"));
    QCOMPARE((ProblemDetails::Member {QStringLiteral("x"), QByteArray("\"G\xC3\xBC\\t\"")})
                 .displayValue(),
        QStringLiteral("Gü\t"));
    QCOMPARE(
        (ProblemDetails::Member {QStringLiteral("x"), QByteArray("{\"a\": [1]}")}).displayValue(),
        QStringLiteral("{\"a\": [1]}"));
}

void tst_ProblemDetails::neverCrashes()
{
    // Random bytes, random cuts of a real body, absurd nesting: always an answer, never a crash.
    QRandomGenerator random(20260301);
    const QByteArray real(
        "{\"type\":\"about:blank\",\"title\":\"INVALID_STATE\",\"status\":409,\"detail\":\"Command "
        "'COMPLETE' "
        "rejected with code 'INVALID_STATE': Expected to complete job with key '2251799902653941', "
        "but it "
        "is in state 'FAILED'\",\"instance\":\"/v2/jobs/2251799902653941/completion\"}");
    for (int cut = 0; cut <= real.size(); ++cut) {
        const ProblemDetails p = ProblemDetails::parse(real.left(cut));
        QCOMPARE(p.isJson(), cut == real.size());
        if (cut > 50)
            QCOMPARE(p.title(), QStringLiteral("INVALID_STATE"));
    }
    for (int round = 0; round < 200; ++round) {
        QByteArray noise(int(random.bounded(1, 400)), '\0');
        for (char &c : noise)
            c = char(random.bounded(256));
        if (round % 2)
            noise.prepend("{\"title\":");
        const ProblemDetails p = ProblemDetails::parse(noise);
        QVERIFY(p.members().size() <= 1);
    }
    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']');
    QVERIFY(!ProblemDetails::parse(deep).isJson());
    QByteArray big(1024 * 1024, 'x');
    big.prepend("{\"title\":\"Huge\",\"detail\":\"");
    QVERIFY(ProblemDetails::parse(big).isPartial());
}

QTEST_GUILESS_MAIN(tst_ProblemDetails)
#include "tst_ProblemDetails.moc"
