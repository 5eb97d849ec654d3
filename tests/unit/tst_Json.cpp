// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/json/Json.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;
using namespace JobDesk::Json;

namespace {

/// The text of every token tokenize() finds, in order: what formatting must never change.
QStringList tokenTexts(const QString &text)
{
    QStringList texts;
    for (const Token &t : tokenize(text))
        texts.append(text.mid(t.offset, t.length));
    return texts;
}

QString nested(int depth)
{
    return QString(depth, QLatin1Char('[')) + QString(depth, QLatin1Char(']'));
}

} // namespace

class tst_Json final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void valid_data();
    void valid();
    void errors_data();
    void errors();
    void duplicates_data();
    void duplicates();
    void topLevelMembers();
    void membersBeforeAnError();
    void tokenCallback();
    void tokenizeForHighlighting();
    void formatPretty_data();
    void formatPretty();
    void formatCompact_data();
    void formatCompact();
    void formatRoundTrip_data();
    void formatRoundTrip();
    void formatRejectsInvalid();
    void nestingCap();
    void largeDocument();
    void randomMutations();
    void unescapeAndQuote_data();
    void unescapeAndQuote();
    void positions();
    void utf8Validation_data();
    void utf8Validation();
};

void tst_Json::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rootKind");
    QTest::addColumn<int>("topLevelCount");

    QTest::newRow("empty object") << QStringLiteral("{}") << int(ValueKind::Object) << 0;
    QTest::newRow("spaced empty object")
        << QStringLiteral(" \r\n\t{ \n } \n") << int(ValueKind::Object) << 0;
    QTest::newRow("members") << QStringLiteral("{\"a\":1,\"b\":{\"c\":[1,2,{}]},\"d\":null}")
                             << int(ValueKind::Object) << 3;
    QTest::newRow("array") << QStringLiteral("[1, \"x\", true, false, null, [], {}]")
                           << int(ValueKind::Array) << 0;
    QTest::newRow("string") << QStringLiteral(
        "\"a\\\"b\\\\c\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"")
                            << int(ValueKind::String) << 0;
    QTest::newRow("numbers") << QStringLiteral(
        "[0, -0, 1.5, -1.5e10, 1E+2, 2e-3, 12345678901234567890123456789012345678901]")
                             << int(ValueKind::Array) << 0;
    QTest::newRow("number root") << QStringLiteral("-12.5e3") << int(ValueKind::Number) << 0;
    QTest::newRow("true root") << QStringLiteral("true") << int(ValueKind::Boolean) << 0;
    QTest::newRow("null root") << QStringLiteral(" null ") << int(ValueKind::Null) << 0;
    QTest::newRow("unicode raw") << QStringLiteral("{\"名前\": \"Grüße 😀\"}")
                                 << int(ValueKind::Object) << 1;
    QTest::newRow("empty key") << QStringLiteral("{\"\": 1}") << int(ValueKind::Object) << 1;
    QTest::newRow("same key in sibling objects")
        << QStringLiteral("{\"a\":{\"b\":1},\"c\":{\"b\":2}}") << int(ValueKind::Object) << 2;
    QTest::newRow("depth 512") << nested(512) << int(ValueKind::Array) << 0;
    QTest::newRow("escaped surrogate pairs")
        << QStringLiteral("[\"\\uD800\\uDC00\", \"\\udbff\\udfff\", \"a\\uD83D\\uDE00b\"]")
        << int(ValueKind::Array) << 0;
}

void tst_Json::valid()
{
    QFETCH(QString, text);
    QFETCH(int, rootKind);
    QFETCH(int, topLevelCount);
    const ScanResult result = scan(text);
    QVERIFY2(result.ok(), qPrintable(result.error ? result.error->message : QString()));
    QCOMPARE(int(result.rootKind), rootKind);
    QCOMPARE(result.topLevelCount, topLevelCount);
    QVERIFY(result.duplicates.isEmpty());
}

void tst_Json::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QString() << 1 << 1 << QStringLiteral("the text is empty");
    QTest::newRow("trailing comma object")
        << QStringLiteral("{\"a\":1,}") << 1 << 7 << QStringLiteral("trailing comma before '}'");
    QTest::newRow("trailing comma array")
        << QStringLiteral("[1,2,]") << 1 << 5 << QStringLiteral("trailing comma before ']'");
    QTest::newRow("trailing comma multi-line")
        << QStringLiteral("{\n  \"a\": 1,\n  \"b\": 2,\n}") << 3 << 9
        << QStringLiteral("trailing comma before '}'");
    QTest::newRow("trailing comma CRLF") << QStringLiteral("{\r\n\"a\": 1,\r\n}") << 2 << 7
                                         << QStringLiteral("trailing comma before '}'");
    QTest::newRow("missing comma")
        << QStringLiteral("{\"a\":1 \"b\":2}") << 1 << 8
        << QStringLiteral("expected ',' or '}' after member \"a\", found '\"'");
    QTest::newRow("missing comma array")
        << QStringLiteral("[1 2]") << 1 << 4
        << QStringLiteral("expected ',' or ']' after an array element, found '2'");
    QTest::newRow("missing colon") << QStringLiteral("{\"a\" 1}") << 1 << 6
                                   << QStringLiteral("expected ':' after the key \"a\", found '1'");
    QTest::newRow("unterminated string at end")
        << QStringLiteral("{\"a\":\"x}") << 1 << 6
        << QStringLiteral("unterminated string: the closing '\"' is missing");
    QTest::newRow("unterminated string at line end")
        << QStringLiteral("{\n  \"a\": \"x\n}") << 2 << 8
        << QStringLiteral("unterminated string: it runs to the end of the line (write a line break "
                          "inside a string as \\n)");
    QTest::newRow("leading zero") << QStringLiteral(
        "{\"a\": 01}") << 1 << 7 << QStringLiteral("invalid number: leading zeros are not allowed");
    QTest::newRow("dot without digits")
        << QStringLiteral("{\"a\": 1.}") << 1 << 7
        << QStringLiteral("invalid number: a digit must follow the decimal point");
    QTest::newRow("leading dot")
        << QStringLiteral("{\"a\": .5}") << 1 << 7
        << QStringLiteral("invalid number: a digit must come before the decimal point");
    QTest::newRow("empty exponent") << QStringLiteral("{\"a\": 1e}") << 1 << 7
                                    << QStringLiteral("invalid number: the exponent has no digits");
    QTest::newRow("plus sign") << QStringLiteral("{\"a\": +1}") << 1 << 7
                               << QStringLiteral("invalid number: a leading '+' is not allowed");
    QTest::newRow("minus alone") << QStringLiteral("{\"a\": -}") << 1 << 7
                                 << QStringLiteral("invalid number: a digit must follow '-'");
    QTest::newRow("hex") << QStringLiteral("{\"a\": 0x1F}") << 1 << 7
                         << QStringLiteral("invalid number: hexadecimal numbers are not JSON");
    QTest::newRow("two dots") << QStringLiteral("{\"a\": 1.2.3}") << 1 << 7
                              << QStringLiteral("invalid number '1.2.3'");
    QTest::newRow("NaN") << QStringLiteral("{\"a\": NaN}") << 1 << 7
                         << QStringLiteral("invalid number: NaN and Infinity are not JSON numbers");
    QTest::newRow("-Infinity") << QStringLiteral("[-Infinity]") << 1 << 2
                               << QStringLiteral(
                                      "invalid number: NaN and Infinity are not JSON numbers");
    QTest::newRow("line comment") << QStringLiteral("// note\n{}") << 1 << 1
                                  << QStringLiteral("comments are not allowed in JSON");
    QTest::newRow("block comment") << QStringLiteral("{\"a\": 1 /* x */}") << 1 << 9
                                   << QStringLiteral("comments are not allowed in JSON");
    QTest::newRow("comment after root") << QStringLiteral("{}\n// end") << 2 << 1
                                        << QStringLiteral("comments are not allowed in JSON");
    QTest::newRow("single-quoted key")
        << QStringLiteral("{'a': 1}") << 1 << 2
        << QStringLiteral("single quotes are not JSON strings; use double quotes");
    QTest::newRow("single-quoted value")
        << QStringLiteral("{\"a\": 'x'}") << 1 << 7
        << QStringLiteral("single quotes are not JSON strings; use double quotes");
    QTest::newRow("typographic quotes")
        << QStringLiteral("{“a”: 1}") << 1 << 2
        << QStringLiteral("typographic quotes (“) are not JSON quotes; use \"");
    QTest::newRow("bare key") << QStringLiteral("{a: 1}") << 1 << 2
                              << QStringLiteral("object keys must be in double quotes: \"a\"");
    QTest::newRow("True")
        << QStringLiteral("{\"a\": True}") << 1 << 7
        << QStringLiteral("'True' is not a JSON literal; use true, false or null (lower case)");
    QTest::newRow("undefined") << QStringLiteral("{\"a\": undefined}") << 1 << 7
                               << QStringLiteral("undefined is not JSON; use null");
    QTest::newRow("bare word") << QStringLiteral("{\"a\": yes}") << 1 << 7
                               << QStringLiteral(
                                      "unexpected word 'yes': strings must be in double quotes");
    QTest::newRow("truncated literal")
        << QStringLiteral("[tru]") << 1 << 2
        << QStringLiteral("unexpected word 'tru': strings must be in double quotes");
    QTest::newRow("unclosed object")
        << QStringLiteral("{\"a\": 1") << 1 << 8
        << QStringLiteral(
               "unexpected end of the text: the object opened at line 1, column 1 is not closed");
    QTest::newRow("unclosed inner object")
        << QStringLiteral("[1,\n {\"a\": [2]\n") << 3 << 1
        << QStringLiteral(
               "unexpected end of the text: the object opened at line 2, column 2 is not closed");
    QTest::newRow("unclosed array")
        << QStringLiteral("[1, [2, 3]") << 1 << 11
        << QStringLiteral(
               "unexpected end of the text: the array opened at line 1, column 1 is not closed");
    QTest::newRow("value missing at end") << QStringLiteral(
        "{\"a\":") << 1 << 6 << QStringLiteral("unexpected end of the text: expected a value");
    QTest::newRow("key missing at end")
        << QStringLiteral("{\"a\":1,") << 1 << 8
        << QStringLiteral("unexpected end of the text: expected a key in double quotes");
    QTest::newRow("value missing")
        << QStringLiteral("{\"a\":}") << 1 << 6 << QStringLiteral("expected a value, found '}'");
    QTest::newRow("text after root")
        << QStringLiteral("{\"a\": 1}}") << 1 << 9
        << QStringLiteral("unexpected text after the end of the JSON value");
    QTest::newRow("two roots") << QStringLiteral("{} {}") << 1 << 4
                               << QStringLiteral("unexpected text after the end of the JSON value");
    QTest::newRow("invalid escape") << QStringLiteral("{\"a\": \"\\x\"}") << 1 << 8
                                    << QStringLiteral("invalid escape '\\x' in a string");
    QTest::newRow("short unicode escape")
        << QStringLiteral("{\"a\": \"\\u12G4\"}") << 1 << 8
        << QStringLiteral("invalid \\u escape in a string: expected 4 hex digits");
    QTest::newRow("raw tab in string")
        << QStringLiteral("{\"a\": \"tab\there\"}") << 1 << 11
        << QStringLiteral("control character U+0009 in a string must be escaped");
    QTest::newRow("columns count characters")
        << QStringLiteral("{\"😀\": 1 x}") << 1 << 9
        << QStringLiteral("expected ',' or '}' after member \"😀\", found 'x'");
    QTest::newRow("no-break space")
        << QStringLiteral("{\"a\":\u00A01}") << 1 << 6
        << QStringLiteral("unexpected no-break space (U+00A0); use a plain space");
    QTest::newRow("byte order mark") << QStringLiteral("\uFEFF{}") << 1 << 1
                                     << QStringLiteral("unexpected byte order mark (U+FEFF)");
    QTest::newRow("non-ASCII character") << QStringLiteral("[1, é]") << 1 << 5
                                         << QStringLiteral("expected a value, found 'é' (U+00E9)");
    QTest::newRow("control character outside")
        << QString(QStringLiteral("[1,") + QChar(7) + QStringLiteral("]")) << 1 << 4
        << QStringLiteral("expected a value, found control character U+0007");
    QTest::newRow("too deep") << nested(513) << 1 << 513
                              << QStringLiteral("nesting is deeper than 512 levels");
    // \u escapes of surrogates must come in pairs (RFC 8259 §8.2).
    QTest::newRow("lone high surrogate escape")
        << QStringLiteral("{\"a\":\"x\\uD83Dy\"}") << 1 << 8
        << QStringLiteral("invalid \\u escape in a string: \\uD83D is the first half of a "
                          "surrogate pair; the second half (\\uDC00 to \\uDFFF) must follow it");
    QTest::newRow("high surrogate escape at the end")
        << QStringLiteral("[\"\\ud800\"]") << 1 << 3
        << QStringLiteral("invalid \\u escape in a string: \\ud800 is the first half of a "
                          "surrogate pair; the second half (\\uDC00 to \\uDFFF) must follow it");
    QTest::newRow("two high surrogate escapes")
        << QStringLiteral("\"\\uD83D\\uD83D\"") << 1 << 2
        << QStringLiteral("invalid \\u escape in a string: \\uD83D is the first half of a "
                          "surrogate pair; the second half (\\uDC00 to \\uDFFF) must follow it");
    QTest::newRow("lone low surrogate escape")
        << QStringLiteral("{\"k\\uDE00\":1}") << 1 << 4
        << QStringLiteral("invalid \\u escape in a string: \\uDE00 is the second half of a "
                          "surrogate pair without its first half");
    QTest::newRow("low then high")
        << QStringLiteral("\"\\uDE00\\uD83D\"") << 1 << 2
        << QStringLiteral("invalid \\u escape in a string: \\uDE00 is the second half of a "
                          "surrogate pair without its first half");
    QTest::newRow("high escape with a raw low surrogate")
        << QStringLiteral("\"\\uD83D") + QChar(0xDE00) + QStringLiteral("\"") << 1 << 2
        << QStringLiteral("invalid \\u escape in a string: \\uD83D is the first half of a "
                          "surrogate pair; the second half (\\uDC00 to \\uDFFF) must follow it");
}

void tst_Json::errors()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const ScanResult result = scan(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error->message, message);
    QCOMPARE(result.error->position.line, line);
    QCOMPARE(result.error->position.column, column);
    // The offset points at the same place in UTF-16 units.
    QCOMPARE(positionAt(text, result.error->position.offset), result.error->position);
}

void tst_Json::duplicates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QList<int>>("columns"); // of each later occurrence
    QTest::addColumn<QList<int>>("firstColumns"); // of each first occurrence

    QTest::newRow("top level") << QStringLiteral("{\"a\":1,\"a\":2}")
                               << QStringList {QStringLiteral("a")} << QList<int> {8}
                               << QList<int> {2};
    QTest::newRow("nested in array")
        << QStringLiteral("{\"order\":{\"items\":[{\"sku\":1},{\"sku\":2,\"qty\":1,\"sku\":3}]}}")
        << QStringList {QStringLiteral("order.items[1].sku")} << QList<int> {47} << QList<int> {31};
    QTest::newRow("escaped spelling")
        << QStringLiteral("{\"a\":1,\"\\u0061\":2}") << QStringList {QStringLiteral("a")}
        << QList<int> {8} << QList<int> {2};
    QTest::newRow("key needing quotes")
        << QStringLiteral("{\"x.y\":{\"k\":1,\"k\":2}}")
        << QStringList {QStringLiteral("[\"x.y\"].k")} << QList<int> {15} << QList<int> {9};
    QTest::newRow("root array") << QStringLiteral("[{\"a\":1,\"a\":2}]")
                                << QStringList {QStringLiteral("[0].a")} << QList<int> {9}
                                << QList<int> {3};
    QTest::newRow("nested arrays")
        << QStringLiteral("{\"m\":[[1],[{\"z\":1,\"z\":1}]]}")
        << QStringList {QStringLiteral("m[1][0].z")} << QList<int> {19} << QList<int> {13};
    QTest::newRow("three times") << QStringLiteral("{\"a\":1,\"a\":2,\"a\":3}")
                                 << QStringList {QStringLiteral("a"), QStringLiteral("a")}
                                 << QList<int> {8, 14} << QList<int> {2, 2};
    QTest::newRow("two keys in order") << QStringLiteral("{\"b\":{\"y\":1,\"y\":2},\"b\":0}")
                                       << QStringList {QStringLiteral("b.y"), QStringLiteral("b")}
                                       << QList<int> {13, 20} << QList<int> {7, 2};
    QString many = QStringLiteral("{");
    for (int i = 0; i < 20; ++i)
        many += QStringLiteral("\"k%1\":%1,").arg(i);
    const int column = int(many.size()) + 1;
    many += QStringLiteral("\"k5\":0}");
    QTest::newRow("more keys than the small table")
        << many << QStringList {QStringLiteral("k5")} << QList<int> {column}
        << QList<int> {int(many.indexOf(QLatin1String("\"k5\""))) + 1};
}

void tst_Json::duplicates()
{
    QFETCH(QString, text);
    QFETCH(QStringList, paths);
    QFETCH(QList<int>, columns);
    QFETCH(QList<int>, firstColumns);
    const ScanResult result = scan(text);
    QVERIFY(result.ok());
    QCOMPARE(result.duplicates.size(), paths.size());
    for (int i = 0; i < paths.size(); ++i) {
        QCOMPARE(result.duplicates[i].path, paths[i]);
        QCOMPARE(result.duplicates[i].position.column, columns[i]);
        QCOMPARE(result.duplicates[i].firstPosition.column, firstColumns[i]);
    }
    ScanOptions off;
    off.findDuplicates = false;
    QVERIFY(scan(text, off).duplicates.isEmpty());
}

void tst_Json::topLevelMembers()
{
    const QString text
        = QStringLiteral("{ \"b\" : 12345678901234567890123456789012345678901 ,\n"
                         "  \"a\":{\"x\": [1, 2]}, \"c\":\"\\u00e9\\n\", \"d\" : -0.10E+02 }");
    ScanOptions options;
    options.collectTopLevelMembers = true;
    const ScanResult result = scan(text, options);
    QVERIFY(result.ok());
    QCOMPARE(result.topLevelCount, 4);
    QCOMPARE(result.members.size(), 4);
    QStringList names;
    QStringList raws;
    for (const Member &m : result.members) {
        names << m.name;
        raws << text.mid(m.valueOffset, m.valueLength);
    }
    QCOMPARE(names,
        (QStringList {
            QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("d")}));
    QCOMPARE(raws,
        (QStringList {QStringLiteral("12345678901234567890123456789012345678901"),
            QStringLiteral("{\"x\": [1, 2]}"), QStringLiteral("\"\\u00e9\\n\""),
            QStringLiteral("-0.10E+02")}));
    QCOMPARE(text.mid(result.members[1].nameOffset, 3), QStringLiteral("\"a\""));
}

void tst_Json::membersBeforeAnError()
{
    const QString text
        = QStringLiteral("{\"title\":\"NOT_FOUND\",\"status\":404,\"detail\":\"Comm");
    ScanOptions options;
    options.collectTopLevelMembers = true;
    const ScanResult result = scan(text, options);
    QVERIFY(!result.ok());
    QCOMPARE(result.rootKind, ValueKind::Object);
    QCOMPARE(result.members.size(), 2);
    QCOMPARE(result.members[1].name, QStringLiteral("status"));
    QCOMPARE(text.mid(result.members[1].valueOffset, result.members[1].valueLength),
        QStringLiteral("404"));
    QCOMPARE(result.topLevelCount, 3);
}

void tst_Json::tokenCallback()
{
    const QString text = QStringLiteral("{\"a\": [1, true, null], \"b\": \"x\", \"c\": false}");
    QList<Token> tokens;
    ScanOptions options;
    options.onToken = [&tokens](const Token &t) { tokens.append(t); };
    QVERIFY(scan(text, options).ok());
    QList<TokenKind> kinds;
    QStringList texts;
    for (const Token &t : tokens) {
        kinds << t.kind;
        texts << text.mid(t.offset, t.length);
    }
    const QList<TokenKind> expected {
        TokenKind::BeginObject,
        TokenKind::Key,
        TokenKind::Colon,
        TokenKind::BeginArray,
        TokenKind::Number,
        TokenKind::Comma,
        TokenKind::True,
        TokenKind::Comma,
        TokenKind::Null,
        TokenKind::EndArray,
        TokenKind::Comma,
        TokenKind::Key,
        TokenKind::Colon,
        TokenKind::String,
        TokenKind::Comma,
        TokenKind::Key,
        TokenKind::Colon,
        TokenKind::False,
        TokenKind::EndObject,
    };
    QCOMPARE(kinds, expected);
    QCOMPARE(texts.join(QLatin1Char(' ')),
        QStringLiteral("{ \"a\" : [ 1 , true , null ] , \"b\" : \"x\" , \"c\" : false }"));
    // The strict scanner and the highlighter's lexer agree on valid text.
    QList<TokenKind> lexed;
    for (const Token &t : tokenize(text))
        lexed << t.kind;
    QCOMPARE(lexed, expected);
}

void tst_Json::tokenizeForHighlighting()
{
    const QString text
        = QStringLiteral("{\"a\" : tru, // note\n \"b\": \"x\n 1.5e3 -01 'q' /* c */");
    QStringList described;
    for (const Token &t : tokenize(text)) {
        described << QStringLiteral("%1:%2").arg(int(t.kind)).arg(text.mid(t.offset, t.length));
    }
    const auto d = [](TokenKind k, const char *s) {
        return QStringLiteral("%1:%2").arg(int(k)).arg(QString::fromUtf8(s));
    };
    QCOMPARE(described,
        (QStringList {
            d(TokenKind::BeginObject, "{"),
            d(TokenKind::Key, "\"a\""),
            d(TokenKind::Colon, ":"),
            d(TokenKind::Invalid, "tru"),
            d(TokenKind::Comma, ","),
            d(TokenKind::Invalid, "// note"),
            d(TokenKind::Key, "\"b\""),
            d(TokenKind::Colon, ":"),
            d(TokenKind::Invalid, "\"x"),
            d(TokenKind::Number, "1.5e3"),
            d(TokenKind::Invalid, "-01"),
            d(TokenKind::Invalid, "'"),
            d(TokenKind::Invalid, "q"),
            d(TokenKind::Invalid, "'"),
            d(TokenKind::Invalid, "/* c */"),
        }));
    QVERIFY(tokenize(QString()).isEmpty());
}

void tst_Json::formatPretty_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("indent");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nested")
        << QStringLiteral("{\"a\":1,\"b\":[1,2,{\"c\":null}],\"d\":{},\"e\":[ ]}") << 2
        << QStringLiteral(
               "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2,\n    {\n      \"c\": null\n    }\n  ],\n"
               "  \"d\": {},\n  \"e\": []\n}");
    QTest::newRow("indent 4") << QStringLiteral("{\"a\":[true]}") << 4
                              << QStringLiteral("{\n    \"a\": [\n        true\n    ]\n}");
    QTest::newRow("tokens kept")
        << QStringLiteral("{\"n\":1.50E+10,\"big\":12345678901234567890123456789012345678901,\"s\":"
                          "\"\\u00e9\\\"\\/\"}")
        << 2
        << QStringLiteral(
               "{\n  \"n\": 1.50E+10,\n  \"big\": 12345678901234567890123456789012345678901,\n"
               "  \"s\": \"\\u00e9\\\"\\/\"\n}");
    QTest::newRow("scalar") << QStringLiteral("  42 ") << 2 << QStringLiteral("42");
    QTest::newRow("empty object") << QStringLiteral(" { } ") << 2 << QStringLiteral("{}");
    QTest::newRow("array of arrays")
        << QStringLiteral("[[],[[]]]") << 1 << QStringLiteral("[\n [],\n [\n  []\n ]\n]");
    QTest::newRow("unicode and reordering-free")
        << QStringLiteral("{\"z\":\"😀\",\"a\":\"é\"}") << 2
        << QStringLiteral("{\n  \"z\": \"😀\",\n  \"a\": \"é\"\n}");
}

void tst_Json::formatPretty()
{
    QFETCH(QString, input);
    QFETCH(int, indent);
    QFETCH(QString, expected);
    const std::optional<QString> pretty = Json::formatPretty(input, indent);
    QVERIFY(pretty.has_value());
    QCOMPARE(*pretty, expected);
}

void tst_Json::formatCompact_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("spaces and lines")
        << QStringLiteral("{\n  \"a\" : [ 1 , 2 ] ,\r\n\t\"b\" : { \"c\" : \"x y\" }\n}")
        << QStringLiteral("{\"a\":[1,2],\"b\":{\"c\":\"x y\"}}");
    QTest::newRow("numbers and escapes")
        << QStringLiteral("{ \"n\" : 1.50E+10 , \"s\" : \"\\u00e9\\\"\" }")
        << QStringLiteral("{\"n\":1.50E+10,\"s\":\"\\u00e9\\\"\"}");
    QTest::newRow("already compact") << QStringLiteral("[1,{},[]]") << QStringLiteral("[1,{},[]]");
}

void tst_Json::formatCompact()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(Json::formatCompact(input).value_or(QStringLiteral("<invalid>")), expected);
}

void tst_Json::formatRoundTrip_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("object") << QStringLiteral(
        "{\"order\":{\"items\":[{\"sku\":\"A-1\",\"qty\":2,\"price\":19.990}],"
        "\"id\":98765432109876543210987654321,\"note\":\"line\\nbreak \\ud83d\\ude00\"},"
        "\"approved\":true,\"reviewer\":null,\"tags\":[]}");
    QTest::newRow("array root") << QStringLiteral("[ -0 , 1e-7 , \"\\\\\" , { } ]");
    QTest::newRow("deep") << nested(200);
}

void tst_Json::formatRoundTrip()
{
    QFETCH(QString, input);
    const QString pretty = Json::formatPretty(input).value();
    const QString compact = Json::formatCompact(input).value();
    QCOMPARE(tokenTexts(pretty), tokenTexts(input));
    QCOMPARE(tokenTexts(compact), tokenTexts(input));
    QCOMPARE(Json::formatCompact(pretty).value(), compact);
    QCOMPARE(Json::formatPretty(compact).value(), pretty);
    QVERIFY(scan(pretty).ok());
}

void tst_Json::formatRejectsInvalid()
{
    QVERIFY(!Json::formatPretty(u"{\"a\":1,}").has_value());
    QVERIFY(!Json::formatCompact(u"{'a':1}").has_value());
    QVERIFY(!Json::formatPretty(u"").has_value());
}

void tst_Json::nestingCap()
{
    ScanOptions options;
    options.maxDepth = 3;
    QVERIFY(scan(u"[[[1]]]", options).ok());
    const ScanResult deep = scan(u"[[{\"a\":[]}]]", options);
    QVERIFY(!deep.ok());
    QCOMPARE(deep.error->message, QStringLiteral("nesting is deeper than 3 levels"));
    QCOMPARE(deep.error->position.column, 8);

    // Far deeper than any stack would survive with recursion: a clean error, not a crash.
    const QString huge = QString(200000, QLatin1Char('[')) + QString(200000, QLatin1Char(']'));
    const ScanResult result = scan(huge);
    QVERIFY(!result.ok());
    QCOMPARE(result.error->message, QStringLiteral("nesting is deeper than 512 levels"));
    QVERIFY(!Json::formatPretty(huge).has_value());
}

void tst_Json::largeDocument()
{
    // A 4 MiB variables document with every kind of value, as support engineers paste them.
    QString text = QStringLiteral("{");
    int i = 0;
    while (text.size() < 4 * 1024 * 1024) {
        if (i > 0)
            text += QLatin1Char(',');
        text += QStringLiteral(
            "\n  \"item%1\": {\"id\": 123456789012345678901234567890%1, \"name\": \"Grüße "
            "\\\"%1\\\" 😀\", "
            "\"price\": -12.50e-3, \"tags\": [\"a\", \"b\", {\"deep\": [true, false, null]}]}")
                    .arg(i);
        ++i;
    }
    text += QStringLiteral("\n}");

    QElapsedTimer timer;
    timer.start();
    const ScanResult result = scan(text);
    const qint64 scanMs = timer.elapsed();
    QVERIFY(result.ok());
    QCOMPARE(result.topLevelCount, i);
    QVERIFY(result.duplicates.isEmpty());
    qInfo("scanned %lld UTF-16 units in %lld ms", static_cast<long long>(text.size()),
        static_cast<long long>(scanMs));
    // Speed is measured in bench/ (docs/PERFORMANCE.md), not asserted here.

    timer.restart();
    const std::optional<QString> compact = Json::formatCompact(text);
    QVERIFY(compact.has_value());
    QVERIFY(compact->size() < text.size());
    QVERIFY(compact->contains(QLatin1String("\"item7\":{\"id\":1234567890123456789012345678907,")));
    qInfo("compacted in %lld ms", static_cast<long long>(timer.elapsed()));

    // An error at the very end is still found, with the right line.
    text.insert(text.size() - 2, QLatin1Char(','));
    const ScanResult broken = scan(text);
    QVERIFY(!broken.ok());
    QCOMPARE(broken.error->message, QStringLiteral("trailing comma before '}'"));
    QCOMPARE(broken.error->position.line, i + 1);
}

void tst_Json::randomMutations()
{
    // Mutated documents: the scanner never accepts what Qt's (more lenient) parser rejects,
    // except numbers too large for a double, which RFC 8259 allows; whatever it accepts
    // survives formatting unchanged. (Checked once against Python's strict json module, too.)
    const QByteArray seeds[] = {
        "{\"a\":[1,2.5e3,-0,true,false,null],\"b\":{\"c\":\"x\\ny\\u00e9\"},\"d\":\"\"}",
        "{\"order\":{\"items\":[{\"sku\":\"A-1\",\"qty\":2}],\"id\":12345},\"ok\":true}",
        "[\"\\ud83d\\ude00\", 0.5, -1E-2, {\"\":\"\"}, [[]]]",
    };
    const char alphabet[] = "{}[],:\"\\ 0123456789.eE+-truefalsnl/*'ux\t\n";
    QRandomGenerator random(20260301);
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray s = seeds[random.bounded(3)];
        for (int edits = random.bounded(1, 4); edits > 0; --edits) {
            const int pos = random.bounded(int(s.size()) + 1);
            const char c = alphabet[random.bounded(int(sizeof(alphabet) - 1))];
            switch (random.bounded(3)) {
            case 0:
                s.remove(qMin(pos, int(s.size()) - 1), 1);
                break;
            case 1:
                s.insert(pos, c);
                break;
            default:
                s[qMin(pos, int(s.size()) - 1)] = c;
                break;
            }
        }
        const QString text = QString::fromUtf8(s);
        const ScanResult result = scan(text);
        if (!result.ok()) {
            QVERIFY(result.error->position.offset <= text.size());
            continue;
        }
        ++accepted;
        QJsonParseError error;
        QJsonDocument::fromJson(s, &error);
        QVERIFY2(error.error == QJsonParseError::NoError
                || error.error == QJsonParseError::IllegalNumber,
            s.constData());
        QCOMPARE(tokenTexts(Json::formatPretty(text).value()), tokenTexts(text));
    }
    QVERIFY(accepted > 1000);
}

void tst_Json::unescapeAndQuote_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << QStringLiteral("\"abc\"") << QStringLiteral("abc");
    QTest::newRow("escapes") << QStringLiteral("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"")
                             << QString(QStringLiteral("a\"b\\c/d") + QChar(8) + QChar(12)
                                    + QStringLiteral("\n\r\t"));
    QTest::newRow("unicode escape") << QStringLiteral("\"\\u00e9\\u00E9\"") << QStringLiteral("éé");
    QTest::newRow("surrogate pair") << QStringLiteral("\"\\ud83d\\ude00\"") << QStringLiteral("😀");
    QTest::newRow("without quotes") << QStringLiteral("x\\ty") << QStringLiteral("x\ty");
    QTest::newRow("raw unicode") << QStringLiteral("\"Grüße\"") << QStringLiteral("Grüße");
}

void tst_Json::unescapeAndQuote()
{
    QFETCH(QString, token);
    QFETCH(QString, value);
    QCOMPARE(unescape(token), value);
    const QString quoted = quote(value);
    QVERIFY2(scan(quoted).ok(), qPrintable(quoted));
    QCOMPARE(unescape(quoted), value);
    QCOMPARE(quoteUtf8(value), quoted.toUtf8());
}

void tst_Json::positions()
{
    const QString text = QStringLiteral("ab\n😀x\r\ny");
    QCOMPARE(positionAt(text, 0), (TextPosition {1, 1, 0}));
    QCOMPARE(positionAt(text, 2), (TextPosition {1, 3, 2}));
    QCOMPARE(positionAt(text, 3), (TextPosition {2, 1, 3}));
    QCOMPARE(positionAt(text, 5), (TextPosition {2, 2, 5})); // after the surrogate pair
    QCOMPARE(positionAt(text, 8), (TextPosition {3, 1, 8}));
    QCOMPARE(positionAt(text, 100), (TextPosition {3, 2, 9})); // clamped to the end
    QCOMPARE(quote(QString(QChar(1))), QStringLiteral("\"\\u0001\""));
    QCOMPARE(describe(ValueKind::Array), QStringLiteral("an array"));
}

void tst_Json::utf8Validation_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("firstInvalid");
    QTest::newRow("ascii") << QByteArray("{\"a\":1}") << -1;
    QTest::newRow("valid multibyte") << QByteArray("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") << -1;
    QTest::newRow("lone continuation") << QByteArray("ab\x80") << 2;
    QTest::newRow("truncated sequence") << QByteArray("a\xE2\x82") << 1;
    QTest::newRow("overlong") << QByteArray("\xC0\xAF") << 0;
    QTest::newRow("surrogate") << QByteArray("x\xED\xA0\x80") << 1;
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0;
    QTest::newRow("latin-1") << QByteArray("caf\xE9!") << 3;
    QTest::newRow("empty") << QByteArray() << -1;
}

void tst_Json::utf8Validation()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, firstInvalid);
    QCOMPARE(firstInvalidUtf8(bytes), qsizetype(firstInvalid));
}

QTEST_GUILESS_MAIN(tst_Json)
#include "tst_Json.moc"
