// SPDX-License-Identifier: GPL-3.0-or-later
// JSON as text in the sandbox: validation, members and elements verbatim, compaction that keeps
// every digit.
#include "sandbox/RawJson.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk::Sandbox;

class tst_SandboxRawJson final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void validity_data();
    void validity();
    void members();
    void elements();
    void compact_data();
    void compact();
    void quoted();
};

void tst_SandboxRawJson::validity_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("object") << QByteArray(R"( {"a": [1, -2.5e+3, true, null, "x\u00e9"]} )")
                            << true;
    QTest::newRow("big number") << QByteArray("123456789012345678901234567890") << true;
    QTest::newRow("leading zero") << QByteArray("012") << false;
    QTest::newRow("trailing comma") << QByteArray(R"({"a":1,})") << false;
    QTest::newRow("two values") << QByteArray("1 2") << false;
    QTest::newRow("bad escape") << QByteArray(R"("\x")") << false;
    QTest::newRow("control character") << QByteArray("\"a\tb\"") << false;
    QTest::newRow("bare word") << QByteArray("nope") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("deep") << QByteArray(600, '[') + QByteArray(600, ']') << false;
}

void tst_SandboxRawJson::validity()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QCOMPARE(RawJson::isValid(text), valid);
}

void tst_SandboxRawJson::members()
{
    const auto m = RawJson::members(
        R"({"n": 123456789012345678901234567890, "s\"q": "v", "o": {"x": [1, 2]}, "n": 2})");
    QVERIFY(m);
    QCOMPARE(m->size(), std::size_t(4));
    QCOMPARE(m->at(0).name, QStringLiteral("n"));
    QCOMPARE(m->at(0).value, QByteArray("123456789012345678901234567890"));
    QCOMPARE(m->at(1).name, QStringLiteral("s\"q"));
    QCOMPARE(m->at(2).value, QByteArray(R"({"x": [1, 2]})"));
    QCOMPARE(*RawJson::member(R"({"n":1,"n":2})", QStringLiteral("n")), QByteArray("2"));
    QVERIFY(!RawJson::member(R"({"n":1})", QStringLiteral("m")));
    QVERIFY(!RawJson::members("[1]"));
    QVERIFY(!RawJson::members(R"({"a":1} x)"));
}

void tst_SandboxRawJson::elements()
{
    const auto e = RawJson::elements(R"([ {"a":1}, 99999999999999999999 , "x" ])");
    QVERIFY(e);
    QCOMPARE(e->size(), std::size_t(3));
    QCOMPARE(e->at(1), QByteArray("99999999999999999999"));
    QVERIFY(!RawJson::elements("{}"));
}

void tst_SandboxRawJson::compact_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("blanks") << QByteArray("{ \"a\" : [ 1 ,\n 2.50 ] }")
                            << QByteArray(R"({"a":[1,2.50]})");
    QTest::newRow("strings keep theirs")
        << QByteArray(R"({ "a b" : " x \" y " })") << QByteArray(R"({"a b":" x \" y "})");
    QTest::newRow("number text") << QByteArray(" 1.0E+2 ") << QByteArray("1.0E+2");
}

void tst_SandboxRawJson::compact()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    QCOMPARE(RawJson::compact(text), expected);
}

void tst_SandboxRawJson::quoted()
{
    QCOMPARE(RawJson::quoted(QStringLiteral("a\"b\n")), QByteArray(R"("a\"b\n")"));
}

QTEST_APPLESS_MAIN(tst_SandboxRawJson)
#include "tst_SandboxRawJson.moc"
