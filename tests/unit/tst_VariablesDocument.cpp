// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/json/VariablesDocument.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

class tst_VariablesDocument final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void blank_data();
    void blank();
    void sentAsTyped_data();
    void sentAsTyped();
    void notAnObject_data();
    void notAnObject();
    void syntaxErrors_data();
    void syntaxErrors();
    void duplicateKeys();
    void sizeLimit();
    void formatSize_data();
    void formatSize();
    void fromUtf8();
    void invalidUtf8();
};

void tst_VariablesDocument::blank_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("spaces") << QStringLiteral("   ");
    QTest::newRow("lines and tabs") << QStringLiteral("\n\t \r\n");
    QTest::newRow("no-break spaces") << QStringLiteral("\u00A0 \u00A0");
}

void tst_VariablesDocument::blank()
{
    QFETCH(QString, text);
    const VariablesDocument doc = VariablesDocument::fromText(text);
    QVERIFY(doc.isBlank());
    QVERIFY(doc.isValid());
    QVERIFY(doc.utf8().isEmpty());
    QCOMPARE(doc.sizeBytes(), 0);
    QCOMPARE(doc.topLevelCount(), 0);
    QVERIFY(doc.errorMessage().isEmpty());
    QVERIFY(!doc.error());
    QVERIFY(VariablesDocument().isBlank());
}

void tst_VariablesDocument::sentAsTyped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("utf8");
    QTest::addColumn<int>("members");

    QTest::newRow("simple") << QStringLiteral("{\"approved\": true}")
                            << QByteArray("{\"approved\": true}") << 1;
    QTest::newRow("trimmed, inner layout kept")
        << QStringLiteral("\n  {\n  \"b\" : 1,\r\n  \"a\":2\n}\n\n")
        << QByteArray("{\n  \"b\" : 1,\r\n  \"a\":2\n}") << 2;
    QTest::newRow("40-digit integer")
        << QStringLiteral("{\"id\": 1234567890123456789012345678901234567890}")
        << QByteArray("{\"id\": 1234567890123456789012345678901234567890}") << 1;
    QTest::newRow("float text") << QStringLiteral("{\"x\": 1.10, \"y\": 1E400, \"z\": -0}")
                                << QByteArray("{\"x\": 1.10, \"y\": 1E400, \"z\": -0}") << 3;
    QTest::newRow("unicode") << QStringLiteral("{\"名前\": \"Grüße 😀\", \"esc\": \"\\u00e9\"}")
                             << QByteArray("{\"\xE5\x90\x8D\xE5\x89\x8D\": \"Gr\xC3\xBC\xC3\x9F"
                                           "e \xF0\x9F\x98\x80\", \"esc\": \"\\u00e9\"}")
                             << 2;
    QTest::newRow("key order") << QStringLiteral("{\"z\":1,\"a\":2,\"m\":3}")
                               << QByteArray("{\"z\":1,\"a\":2,\"m\":3}") << 3;
    QTest::newRow("empty object") << QStringLiteral("{}") << QByteArray("{}") << 0;
    QTest::newRow("nested members not counted") << QStringLiteral("{\"a\":{\"b\":1,\"c\":2}}")
                                                << QByteArray("{\"a\":{\"b\":1,\"c\":2}}") << 1;
}

void tst_VariablesDocument::sentAsTyped()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, utf8);
    QFETCH(int, members);
    const VariablesDocument doc = VariablesDocument::fromText(text);
    QVERIFY2(doc.isValid(), qPrintable(doc.errorMessage()));
    QVERIFY(!doc.isBlank());
    QCOMPARE(doc.utf8(), utf8);
    QCOMPARE(doc.sizeBytes(), utf8.size());
    QCOMPARE(doc.topLevelCount(), members);
    QVERIFY(doc.errorMessage().isEmpty());
}

void tst_VariablesDocument::notAnObject_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("got");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("array") << QStringLiteral("[{\"a\":1}]") << QStringLiteral("an array") << 1 << 1;
    QTest::newRow("unclosed array")
        << QStringLiteral("[1, 2") << QStringLiteral("an array") << 1 << 1;
    QTest::newRow("string") << QStringLiteral("\"approved\"") << QStringLiteral("a string") << 1
                            << 1;
    QTest::newRow("number") << QStringLiteral("\n\n   42") << QStringLiteral("a number") << 3 << 4;
    QTest::newRow("boolean") << QStringLiteral("  true") << QStringLiteral("a boolean") << 1 << 3;
    QTest::newRow("null") << QStringLiteral("null") << QStringLiteral("null") << 1 << 1;
}

void tst_VariablesDocument::notAnObject()
{
    QFETCH(QString, text);
    QFETCH(QString, got);
    QFETCH(int, line);
    QFETCH(int, column);
    const VariablesDocument doc = VariablesDocument::fromText(text);
    QVERIFY(!doc.isValid());
    QVERIFY(doc.error());
    const QString message
        = QStringLiteral("variables must be a JSON object like {\"approved\": true}; got ") + got;
    QCOMPARE(doc.error()->message, message);
    QCOMPARE(doc.error()->position.line, line);
    QCOMPARE(doc.error()->position.column, column);
    QCOMPARE(doc.errorMessage(),
        QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message));
}

void tst_VariablesDocument::syntaxErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorMessage");
    QTest::addColumn<int>("offset");

    QTest::newRow("trailing comma after leading lines")
        << QStringLiteral("\n  {\"a\":1,}")
        << QStringLiteral("line 2, column 9: trailing comma before '}'") << 9;
    QTest::newRow("leading spaces on the first line")
        << QStringLiteral("   {\"a\" 1}")
        << QStringLiteral("line 1, column 9: expected ':' after the key \"a\", found '1'") << 8;
    QTest::newRow("missing comma between lines")
        << QStringLiteral("{\n  \"amount\": 12\n  \"currency\": \"EUR\"\n}")
        << QStringLiteral(
               "line 3, column 3: expected ',' or '}' after member \"amount\", found '\"'")
        << 19;
    QTest::newRow("comment") << QStringLiteral("{\n  // approved by Jane\n  \"approved\": true\n}")
                             << QStringLiteral("line 2, column 3: comments are not allowed in JSON")
                             << 4;
    QTest::newRow("python literal")
        << QStringLiteral("{\"approved\": True}")
        << QStringLiteral("line 1, column 14: 'True' is not a JSON literal; use true, false or "
                          "null (lower case)")
        << 13;
    QTest::newRow("unclosed") << QStringLiteral("{\"a\": {\"b\": 1}")
                              << QStringLiteral(
                                     "line 1, column 15: unexpected end of the text: the object "
                                     "opened at line 1, column 1 is not closed")
                              << 14;
    QTest::newRow("after a no-break space")
        << QStringLiteral("\u00A0{\"a\":1,}")
        << QStringLiteral("line 1, column 8: trailing comma before '}'") << 7;
}

void tst_VariablesDocument::syntaxErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, errorMessage);
    QFETCH(int, offset);
    const VariablesDocument doc = VariablesDocument::fromText(text);
    QVERIFY(!doc.isValid());
    QVERIFY(!doc.isBlank());
    QCOMPARE(doc.errorMessage(), errorMessage);
    // The offset is into the text as typed, so the editor can put the cursor there.
    QCOMPARE(doc.error()->position.offset, qsizetype(offset));
}

void tst_VariablesDocument::duplicateKeys()
{
    const QString text = QStringLiteral(
        "{\n  \"order\": {\"items\": [{\"sku\": 1, \"sku\": 2}]},\n  \"order\": null\n}");
    const VariablesDocument doc = VariablesDocument::fromText(text);
    QVERIFY(!doc.isValid());
    QVERIFY(!doc.error());
    QCOMPARE(doc.duplicateKeys().size(), 2);
    QCOMPARE(doc.duplicateKeys()[0].message,
        QStringLiteral("duplicate key order.items[0].sku (first at line 2, column 24)"));
    QCOMPARE(doc.duplicateKeys()[0].position.line, 2);
    QCOMPARE(doc.duplicateKeys()[0].position.column, 34);
    QCOMPARE(doc.duplicateKeys()[1].message,
        QStringLiteral("duplicate key order (first at line 2, column 3)"));
    QCOMPARE(doc.duplicateKeys()[1].position.line, 3);
    QCOMPARE(doc.errorMessage(),
        QStringLiteral(
            "line 2, column 34: duplicate key order.items[0].sku (first at line 2, column 24)"));
    QCOMPARE(doc.topLevelCount(), 2);

    // A syntax error is reported before duplicates.
    const VariablesDocument both
        = VariablesDocument::fromText(QStringLiteral("{\"a\":1,\"a\":2,}"));
    QCOMPARE(both.errorMessage(), QStringLiteral("line 1, column 13: trailing comma before '}'"));
    QCOMPARE(both.duplicateKeys().size(), 1);
}

void tst_VariablesDocument::sizeLimit()
{
    const QByteArray prefix("{\"s\":\"");
    const QByteArray suffix("\"}");
    QByteArray exact = prefix
        + QByteArray(
            VariablesDocument::kDefaultMaxMessageBytes - prefix.size() - suffix.size(), 'x')
        + suffix;
    QCOMPARE(exact.size(), 4 * 1024 * 1024);
    const VariablesDocument atLimit = VariablesDocument::fromUtf8(exact);
    QVERIFY(atLimit.isValid());
    QVERIFY(!atLimit.exceedsDefaultMaximum());
    QCOMPARE(atLimit.sizeBytes(), 4 * 1024 * 1024);

    exact.insert(prefix.size(), "\xC3\xA9"); // one character, two bytes: over the limit
    const VariablesDocument over = VariablesDocument::fromUtf8(exact);
    QVERIFY(over.isValid());
    QVERIFY(over.exceedsDefaultMaximum());
    QCOMPARE(over.sizeBytes(), 4 * 1024 * 1024 + 2);

    // Size counts UTF-8 bytes, not characters.
    QCOMPARE(VariablesDocument::fromText(QStringLiteral("{\"é\":\"😀\"}")).sizeBytes(), 13);
}

void tst_VariablesDocument::formatSize_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << qint64(0) << QStringLiteral("0 bytes");
    QTest::newRow("1") << qint64(1) << QStringLiteral("1 byte");
    QTest::newRow("1023") << qint64(1023) << QStringLiteral("1023 bytes");
    QTest::newRow("1 KiB") << qint64(1024) << QStringLiteral("1.0 KiB");
    QTest::newRow("1.5 KiB") << qint64(1536) << QStringLiteral("1.5 KiB");
    QTest::newRow("4 MiB") << qint64(4 * 1024 * 1024) << QStringLiteral("4.0 MiB");
    QTest::newRow("just over 4 MiB")
        << qint64(4 * 1024 * 1024 + 120000) << QStringLiteral("4.1 MiB");
}

void tst_VariablesDocument::formatSize()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(VariablesDocument::formatSize(bytes), text);
}

void tst_VariablesDocument::fromUtf8()
{
    const QByteArray bytes("  {\"name\": \"Gr\xC3\xBC\xC3\x9F"
                           "e\", \"n\": 98765432109876543210987654321098765432}\n");
    const VariablesDocument doc = VariablesDocument::fromUtf8(bytes);
    QVERIFY(doc.isValid());
    QCOMPARE(doc.utf8(), bytes.trimmed());
    QCOMPARE(doc.topLevelCount(), 2);

    const VariablesDocument bom = VariablesDocument::fromUtf8(QByteArray("\xEF\xBB\xBF{\"a\":1}"));
    QVERIFY(bom.isValid());
    QCOMPARE(bom.utf8(), QByteArray("{\"a\":1}"));

    const VariablesDocument broken = VariablesDocument::fromUtf8(QByteArray("{\n\"a\":1,}"));
    QCOMPARE(broken.errorMessage(), QStringLiteral("line 2, column 6: trailing comma before '}'"));
    QVERIFY(VariablesDocument::fromUtf8(QByteArray(" \n ")).isBlank());
}

void tst_VariablesDocument::invalidUtf8()
{
    const VariablesDocument doc = VariablesDocument::fromUtf8(QByteArray("{\"a\":\"caf\xE9\"}"));
    QVERIFY(!doc.isValid());
    QVERIFY(!doc.isBlank());
    QCOMPARE(doc.errorMessage(),
        QStringLiteral(
            "line 1, column 10: the text is not valid UTF-8 (byte 10 cannot be decoded)"));
}

QTEST_GUILESS_MAIN(tst_VariablesDocument)
#include "tst_VariablesDocument.moc"
