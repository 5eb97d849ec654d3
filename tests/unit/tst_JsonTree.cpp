// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/json/JsonTree.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;
using namespace JobDesk::Json;

class tst_JsonTree final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void navigates();
    void keepsRawText();
    void keys_data();
    void keys();
    void absentIsEmpty();
    void invalidText();
    void valuesOutliveCopies();
};

void tst_JsonTree::navigates()
{
    const Document doc = Document::parse(
        u"{\"items\":[{\"a\":1},2,\"x\",null,[]],\"page\":{\"n\":true},\"a\\u0062\":3}");
    QVERIFY(doc.isValid());
    const Value root = doc.root();
    QCOMPARE(root.kind(), ValueKind::Object);
    const QList<Value> items = root[u"items"].elements();
    QCOMPARE(items.size(), 5);
    QCOMPARE(items[0][u"a"].raw(), QStringView(u"1"));
    QCOMPARE(items[1].toInt64(), std::optional<qint64>(2));
    QCOMPARE(items[2].text(), QStringLiteral("x"));
    QVERIFY(items[3].isNull());
    QVERIFY(items[4].isArray());
    QVERIFY(items[4].elements().isEmpty());
    QCOMPARE(root[u"page"][u"n"].toBool(), std::optional<bool>(true));
    // An escaped member name is found by its meaning.
    QCOMPARE(root[u"ab"].raw(), QStringView(u"3"));
    const auto members = root.members();
    QCOMPARE(members.size(), 3);
    QCOMPARE(members[2].first, QStringLiteral("ab"));
}

void tst_JsonTree::keepsRawText()
{
    const QString text
        = QStringLiteral("{ \"big\" : 123456789012345678901234567890.50e-3 , \"s\":\"a\\\"b\\n\", "
                         "\"o\": {\"k\": [1, 2]} }");
    const Document doc = Document::parse(text);
    QCOMPARE(doc.root()[u"big"].raw(), QStringView(u"123456789012345678901234567890.50e-3"));
    QCOMPARE(doc.root()[u"s"].raw(), QStringView(u"\"a\\\"b\\n\""));
    QCOMPARE(doc.root()[u"s"].text(), QStringLiteral("a\"b\n"));
    QCOMPARE(doc.root()[u"o"].raw(), QStringView(u"{\"k\": [1, 2]}"));
    QCOMPARE(doc.root().raw(), QStringView(text).trimmed());
    QCOMPARE(Document::fromUtf8("\xEF\xBB\xBF{\"a\":\"\xC3\xBC\"}").root()[u"a"].text(),
        QStringLiteral("ü"));
}

void tst_JsonTree::keys_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("key");
    QTest::newRow("string") << QStringLiteral("\"2251799813685249\"")
                            << QStringLiteral("2251799813685249");
    QTest::newRow("number beyond 2^53")
        << QStringLiteral("9007199254740993") << QStringLiteral("9007199254740993");
    QTest::newRow("max int64") << QStringLiteral("9223372036854775807")
                               << QStringLiteral("9223372036854775807");
    QTest::newRow("negative") << QStringLiteral("-1") << QStringLiteral("-1");
    QTest::newRow("rounded number") << QStringLiteral("2.251799813685249E15") << QString();
    QTest::newRow("fraction") << QStringLiteral("1.0") << QString();
    QTest::newRow("word") << QStringLiteral("\"abc\"") << QString();
    QTest::newRow("null") << QStringLiteral("null") << QString();
    QTest::newRow("object") << QStringLiteral("{}") << QString();
}

void tst_JsonTree::keys()
{
    QFETCH(QString, json);
    QFETCH(QString, key);
    const Document doc = Document::parse(QStringLiteral("{\"k\":%1}").arg(json));
    QVERIFY(doc.isValid());
    QCOMPARE(doc.root()[u"k"].keyText(), key);
}

void tst_JsonTree::absentIsEmpty()
{
    const Document doc = Document::parse(u"{\"a\":[1]}");
    const Value missing = doc.root()[u"b"][u"c"];
    QVERIFY(!missing.exists());
    QCOMPARE(missing.kind(), ValueKind::None);
    QVERIFY(missing.text().isNull());
    QVERIFY(missing.raw().isEmpty());
    QVERIFY(missing.elements().isEmpty());
    QVERIFY(missing.members().isEmpty());
    QCOMPARE(missing.toBool(), std::nullopt);
    QVERIFY(!doc.root()[u"a"][u"x"].exists()); // an array has no members
    QVERIFY(doc.root()[u"a"].elements()[0].elements().isEmpty()); // a number has no elements
    QVERIFY(!Value().exists());
}

void tst_JsonTree::invalidText()
{
    const Document doc = Document::parse(u"{\"a\":1,}");
    QVERIFY(!doc.isValid());
    QVERIFY(doc.errorMessage().startsWith(QLatin1String("line 1, column 7:")));
    QVERIFY(!doc.root().exists());
    QVERIFY(!Document().isValid());
    QVERIFY(!Document::parse(u"").isValid());
}

void tst_JsonTree::valuesOutliveCopies()
{
    Value kept;
    Document second;
    {
        const Document first = Document::parse(u"{\"x\":[\"y\"]}");
        second = first;
        kept = first.root()[u"x"];
    }
    // The data is shared by the copies, so a Value from the first stays valid.
    QCOMPARE(kept.stringList(), QStringList {QStringLiteral("y")});
    QCOMPARE(second.root()[u"x"].raw(), QStringView(u"[\"y\"]"));
}

QTEST_GUILESS_MAIN(tst_JsonTree)
#include "tst_JsonTree.moc"
