// SPDX-License-Identifier: GPL-3.0-or-later
// The searches' shared machinery: a request's filter, sort and page parsed against the fields
// of a version, refused as the gateway refuses, and run with keyset cursors that stay stable
// while records change between pages.
#include "sandbox/SearchQuery.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk::Sandbox;

namespace {

struct Row
{
    qint64 key;
    QString name;
    qint64 size;
};

enum { Key, Name, Size, Flag, Stamp, Kind, Since810 };

const std::vector<FieldSpec> &fields()
{
    using V = GatewayVersion;
    using T = FieldType;
    static const std::vector<FieldSpec> f {
        {"key", T::Key, true, true, V::V8_8, Key},
        {"name", T::String, true, true, V::V8_8, Name},
        {"size", T::Integer, true, true, V::V8_8, Size},
        {"flag", T::Boolean, true, false, V::V8_8, Flag},
        {"stamp", T::DateTime, true, false, V::V8_8, Stamp},
        {"kind", T::Enum, true, false, V::V8_8, Kind, {QStringLiteral("A"), QStringLiteral("B")}},
        {"late", T::String, true, true, V::V8_10, Since810},
    };
    return f;
}

QJsonObject body(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

SearchRunner<Row> runner()
{
    SearchRunner<Row> r;
    r.valueOf = [](const Row &row, int field) {
        switch (field) {
        case Key:
            return Value::num(row.key);
        case Name:
            return Value::optionalText(row.name);
        case Size:
            return Value::num(row.size);
        default:
            return Value();
        }
    };
    r.keyOf = [](const Row &row) { return row.key; };
    r.toJson = [](const Row &row) { return QJsonObject {{QStringLiteral("key"), row.key}}; };
    return r;
}

QList<qint64> keys(const QJsonObject &result)
{
    QList<qint64> out;
    for (const QJsonValue &v : result.value(QLatin1String("items")).toArray())
        out.append(qint64(v.toObject().value(QLatin1String("key")).toDouble()));
    return out;
}

QString cursor(const QJsonObject &result, const char *which)
{
    return result.value(QLatin1String("page")).toObject().value(QLatin1String(which)).toString();
}

} // namespace

class tst_SandboxSearchQuery final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void refusals_data();
    void refusals();
    void operators_data();
    void operators();
    void sortAndPages();
    void cursorsSurviveChanges();
    void cappedTotals();
};

void tst_SandboxSearchQuery::refusals_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("detail");
    const QString bad = QStringLiteral("Bad Request");
    const QString invalid = QStringLiteral("INVALID_ARGUMENT");
    QTest::newRow("top level") << QByteArray(R"({"size":3})") << bad
                               << "Request property [size] cannot be parsed";
    QTest::newRow("unknown field") << QByteArray(R"({"filter":{"colour":"red"}})") << bad
                                   << "Request property [filter.colour] cannot be parsed";
    QTest::newRow("field of a later version") << QByteArray(R"({"filter":{"late":"x"}})") << bad
                                              << "Request property [filter.late] cannot be parsed";
    QTest::newRow("numeric key") << QByteArray(R"({"filter":{"key":2251799813685249}})") << bad
                                 << "Request property [filter.key] cannot be parsed";
    QTest::newRow("$like on a key") << QByteArray(R"({"filter":{"key":{"$like":"2*"}}})") << bad
                                    << "Request property [filter.key.$like] cannot be parsed";
    QTest::newRow("$notIn on an enum")
        << QByteArray(R"({"filter":{"kind":{"$notIn":["A"]}}})") << bad
        << "Request property [filter.kind.$notIn] cannot be parsed";
    QTest::newRow("$gt on a string") << QByteArray(R"({"filter":{"name":{"$gt":"a"}}})") << bad
                                     << "Request property [filter.name.$gt] cannot be parsed";
    QTest::newRow("unknown enum value") << QByteArray(R"({"filter":{"kind":"C"}})") << bad
                                        << "Request property [filter.kind] cannot be parsed";
    QTest::newRow("advanced boolean") << QByteArray(R"({"filter":{"flag":{"$eq":true}}})") << bad
                                      << "Request property [filter.flag] cannot be parsed";
    QTest::newRow("bad date") << QByteArray(R"({"filter":{"stamp":"yesterday"}})") << bad
                              << "Request property [filter.stamp] cannot be parsed";
    QTest::newRow("unknown sort") << QByteArray(R"({"sort":[{"field":"colour"}]})") << bad
                                  << "Unexpected value 'colour' for enum field 'field'. Use any of "
                                     "the following values: [key, name, size]";
    QTest::newRow("bad order") << QByteArray(R"({"sort":[{"field":"key","order":"UP"}]})") << bad
                               << "Unexpected value 'UP' for enum field 'order'. Use any of the "
                                  "following values: [ASC, DESC]";
    QTest::newRow("sort without field")
        << QByteArray(R"({"sort":[{"order":"ASC"}]})") << invalid << "Sort field must not be null.";
    QTest::newRow("after and before")
        << QByteArray(R"({"page":{"after":"WyJrMSJd","before":"WyJrMSJd"}})") << invalid
        << "Both after and before cannot be set at the same time.";
    QTest::newRow("after and from")
        << QByteArray(R"({"page":{"after":"WyJrMSJd","from":2}})") << invalid
        << "Both after/before and from cannot be set at the same time.";
    QTest::newRow("not a cursor") << QByteArray(R"({"page":{"after":"%%%"}})") << bad
                                  << "Request property [page.after] cannot be parsed";
    QTest::newRow("limit zero") << QByteArray(R"({"page":{"limit":0}})") << bad
                                << "Request property [page.limit] cannot be parsed";
}

void tst_SandboxSearchQuery::refusals()
{
    QFETCH(QByteArray, request);
    QFETCH(QString, title);
    QFETCH(QString, detail);
    SearchQuery query;
    const auto error = parseQuery(body(request), fields(), GatewayVersion::V8_8, &query);
    QVERIFY(error);
    QCOMPARE(error->title, title);
    QCOMPARE(error->detail, detail);
}

void tst_SandboxSearchQuery::operators_data()
{
    QTest::addColumn<QByteArray>("filter");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("plain") << QByteArray(R"({"name":"b"})") << QList<qint64> {2};
    QTest::newRow("$eq") << QByteArray(R"({"key":{"$eq":"3"}})") << QList<qint64> {3};
    QTest::newRow("$neq") << QByteArray(R"({"name":{"$neq":"b"}})") << QList<qint64> {1, 3, 4};
    QTest::newRow("$exists false")
        << QByteArray(R"({"name":{"$exists":false}})") << QList<qint64> {4};
    QTest::newRow("$exists true") << QByteArray(R"({"name":{"$exists":true}})")
                                  << QList<qint64> {1, 2, 3};
    QTest::newRow("$in") << QByteArray(R"({"key":{"$in":["1","4","9"]}})") << QList<qint64> {1, 4};
    QTest::newRow("$notIn") << QByteArray(R"({"key":{"$notIn":["1","4"]}})")
                            << QList<qint64> {2, 3};
    QTest::newRow("$like") << QByteArray(R"({"name":{"$like":"a*"}})") << QList<qint64> {1, 3};
    QTest::newRow("$like ?") << QByteArray(R"({"name":{"$like":"a?"}})") << QList<qint64> {3};
    QTest::newRow("$gt $lte") << QByteArray(R"({"size":{"$gt":10,"$lte":30}})")
                              << QList<qint64> {2, 3};
    QTest::newRow("$gte $lt") << QByteArray(R"({"size":{"$gte":10,"$lt":30}})")
                              << QList<qint64> {1, 2};
    QTest::newRow("two fields") << QByteArray(R"({"name":{"$like":"a*"},"size":30})")
                                << QList<qint64> {3};
    QTest::newRow("null is no filter")
        << QByteArray(R"({"name":null})") << QList<qint64> {1, 2, 3, 4};
}

void tst_SandboxSearchQuery::operators()
{
    QFETCH(QByteArray, filter);
    QFETCH(QList<qint64>, expected);
    const std::vector<Row> rows {{1, QStringLiteral("a"), 10}, {2, QStringLiteral("b"), 20},
        {3, QStringLiteral("ax"), 30}, {4, QString(), 40}};
    SearchQuery query;
    QVERIFY(
        !parseQuery(body(R"({"filter":)" + filter + "}"), fields(), GatewayVersion::V8_8, &query));
    QCOMPARE(keys(runner().run(query, rows)), expected);
}

void tst_SandboxSearchQuery::sortAndPages()
{
    std::vector<Row> rows;
    for (qint64 i = 1; i <= 10; ++i)
        rows.push_back(Row {i, i % 2 ? QStringLiteral("odd") : QString(), 100 - i});
    SearchQuery query;
    QVERIFY(!parseQuery(
        body(
            R"({"sort":[{"field":"name","order":"DESC"},{"field":"size"}],"page":{"from":2,"limit":3}})"),
        fields(), GatewayVersion::V8_8, &query));
    // Nulls last even in DESC; then size ascending.
    QCOMPARE(keys(runner().run(query, rows)), (QList<qint64> {5, 3, 1}));
    SearchQuery all;
    QVERIFY(!parseQuery(body(R"({"sort":[{"field":"name","order":"DESC"},{"field":"size"}]})"),
        fields(), GatewayVersion::V8_8, &all));
    QCOMPARE(keys(runner().run(all, rows)), (QList<qint64> {9, 7, 5, 3, 1, 10, 8, 6, 4, 2}));
}

void tst_SandboxSearchQuery::cursorsSurviveChanges()
{
    std::vector<Row> rows;
    for (qint64 i = 1; i <= 7; ++i)
        rows.push_back(Row {i, QString(), i});
    const QByteArray sort = R"("sort":[{"field":"size","order":"DESC"}])";
    SearchQuery first;
    QVERIFY(!parseQuery(
        body("{" + sort + R"(,"page":{"limit":3}})"), fields(), GatewayVersion::V8_8, &first));
    const QJsonObject page1 = runner().run(first, rows);
    QCOMPARE(keys(page1), (QList<qint64> {7, 6, 5}));
    // Records before the cursor vanish (as completed jobs leave a CREATED filter): the next page
    // still starts right after the last one seen.
    rows.erase(rows.begin() + 4, rows.end()); // 5, 6, 7 gone
    SearchQuery next;
    QVERIFY(!parseQuery(body("{" + sort + R"(,"page":{"limit":3,"after":")"
                            + cursor(page1, "endCursor").toLatin1() + R"("}})"),
        fields(), GatewayVersion::V8_8, &next));
    const QJsonObject page2 = runner().run(next, rows);
    QCOMPARE(keys(page2), (QList<qint64> {4, 3, 2}));
    SearchQuery back;
    QVERIFY(!parseQuery(body("{" + sort + R"(,"page":{"limit":2,"before":")"
                            + cursor(page2, "endCursor").toLatin1() + R"("}})"),
        fields(), GatewayVersion::V8_8, &back));
    QCOMPARE(keys(runner().run(back, rows)), (QList<qint64> {4, 3}));
    // An empty page has no cursors.
    SearchQuery none;
    QVERIFY(!parseQuery(body(R"({"filter":{"key":"99"}})"), fields(), GatewayVersion::V8_8, &none));
    QVERIFY(runner()
                .run(none, rows)
                .value(QLatin1String("page"))
                .toObject()
                .value(QLatin1String("endCursor"))
                .isNull());
}

void tst_SandboxSearchQuery::cappedTotals()
{
    std::vector<Row> rows;
    for (qint64 i = 1; i <= 10'001; ++i)
        rows.push_back(Row {i, QString(), i});
    SearchQuery query;
    QVERIFY(!parseQuery(body(R"({"page":{"limit":1}})"), fields(), GatewayVersion::V8_8, &query));
    const QJsonObject page = runner().run(query, rows).value(QLatin1String("page")).toObject();
    QCOMPARE(page.value(QLatin1String("totalItems")).toInt(), 10'000);
    QCOMPARE(page.value(QLatin1String("hasMoreTotalItems")).toBool(), true);
}

QTEST_APPLESS_MAIN(tst_SandboxSearchQuery)
#include "tst_SandboxSearchQuery.moc"
