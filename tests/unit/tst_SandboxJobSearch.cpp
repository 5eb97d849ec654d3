// SPDX-License-Identifier: GPL-3.0-or-later
// The searches support staff use, over the demo data: every job filter field of the spec with
// its operators, the incident filters (plain on 8.8, advanced on 8.9), the variables search
// with truncation, and what each version adds.
#include "tst_SandboxGateway.h"

#include <QSet>
#include <QStandardPaths>

using namespace JobDesk::Sandbox;

class tst_SandboxJobSearch final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void jobFilters_data();
    void jobFilters();
    void jobsOfEveryKindAndState();
    void roundedNeighbours();
    void versionFields();
    void incidentFilters();
    void variables();
    void truncation();
};

void tst_SandboxJobSearch::jobFilters_data()
{
    QTest::addColumn<QByteArray>("filter");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value"); // every item has it ("" = only check there are items)
    QTest::newRow("type") << QByteArray(R"({"type":"send-invoice-email"})") << "type"
                          << "send-invoice-email";
    QTest::newRow("type $like") << QByteArray(R"({"type":{"$like":"send-*"}})") << "type"
                                << "send-invoice-email";
    QTest::newRow("type $notIn") << QByteArray(
        R"({"type":{"$notIn":["payment-service","check-address","send-invoice-email","reserve-stock"]},"kind":"BPMN_ELEMENT"})")
                                 << "kind"
                                 << "BPMN_ELEMENT";
    QTest::newRow("state") << QByteArray(R"({"state":"ERROR_THROWN"})") << "state"
                           << "ERROR_THROWN";
    QTest::newRow("state $in") << QByteArray(R"({"state":{"$in":["MIGRATED"]}})") << "state"
                               << "MIGRATED";
    QTest::newRow("state $like") << QByteArray(R"({"state":{"$like":"TIMED*"}})") << "state"
                                 << "TIMED_OUT";
    QTest::newRow("kind $neq") << QByteArray(
        R"({"kind":{"$neq":"BPMN_ELEMENT"},"listenerEventType":"END"})")
                               << "kind"
                               << "EXECUTION_LISTENER";
    QTest::newRow("listener") << QByteArray(R"({"listenerEventType":"UPDATING"})")
                              << "listenerEventType"
                              << "UPDATING";
    QTest::newRow("processDefinitionId")
        << QByteArray(R"({"processDefinitionId":"payroll-run"})") << "processDefinitionId"
        << "payroll-run";
    QTest::newRow("processDefinitionKey")
        << QByteArray(R"({"processDefinitionKey":"4503599627422497"})") << "processDefinitionKey"
        << "4503599627422497";
    QTest::newRow("processInstanceKey")
        << QByteArray(R"({"processInstanceKey":"6755399441146854"})") << "processInstanceKey"
        << "6755399441146854";
    QTest::newRow("elementInstanceKey $in")
        << QByteArray(R"({"elementInstanceKey":{"$in":["2251799823685401"]}})")
        << "elementInstanceKey"
        << "2251799823685401";
    QTest::newRow("elementId $like")
        << QByteArray(R"({"elementId":{"$like":"validate-*"}})") << "elementId"
        << "validate-shipping-address";
    QTest::newRow("worker") << QByteArray(R"({"worker":"payment-worker-7f9c","state":"COMPLETED"})")
                            << "worker"
                            << "payment-worker-7f9c";
    QTest::newRow("tenantId") << QByteArray(
        R"({"tenantId":"<default>","jobKey":"2251799823685402"})")
                              << "tenantId"
                              << "<default>";
    QTest::newRow("retries") << QByteArray(R"({"retries":{"$lte":0}})") << "state"
                             << "FAILED";
    QTest::newRow("hasFailedWithRetriesLeft")
        << QByteArray(R"({"hasFailedWithRetriesLeft":true})") << "state"
        << "FAILED";
    QTest::newRow("errorCode") << QByteArray(R"({"errorCode":"INVOICE_TEMPLATE_MISSING"})")
                               << "errorCode"
                               << "INVOICE_TEMPLATE_MISSING";
    QTest::newRow("errorMessage $like")
        << QByteArray(R"({"errorMessage":{"$like":"*declined*"}})") << "jobKey"
        << "2251799823685597";
    QTest::newRow("errorCode $exists")
        << QByteArray(R"({"errorCode":{"$exists":true},"state":"ERROR_THROWN"})") << "state"
        << "ERROR_THROWN";
    QTest::newRow("deadline $exists")
        << QByteArray(R"({"deadline":{"$exists":true},"worker":"payment-worker-7f9c"})") << "worker"
        << "payment-worker-7f9c";
    QTest::newRow("endTime $gt") << QByteArray(R"({"endTime":{"$gt":"2026-11-22T08:30:00Z"}})")
                                 << "state"
                                 << "CANCELED";
    QTest::newRow("deniedReason $exists")
        << QByteArray(R"({"deniedReason":{"$exists":false},"jobKey":"2251799823685402"})")
        << "jobKey"
        << "2251799823685402";
}

void tst_SandboxJobSearch::jobFilters()
{
    QFETCH(QByteArray, filter);
    QFETCH(QString, field);
    QFETCH(QString, value);
    GatewayHarness h;
    const GatewayAnswer a
        = h.search(QStringLiteral("jobs"), R"({"filter":)" + filter + R"(,"page":{"limit":500}})");
    QCOMPARE(a.status, 200);
    QVERIFY2(!a.items().isEmpty(), a.body.constData());
    QCOMPARE(a.totalItems(), qint64(a.items().size()));
    for (const QJsonValue &item : a.items())
        QCOMPARE(item.toObject().value(field).toString(), value);
}

void tst_SandboxJobSearch::jobsOfEveryKindAndState()
{
    GatewayHarness h;
    // Above 2^53 (partition 4): every state there.
    const GatewayAnswer high = h.search(QStringLiteral("jobs"),
        R"({"filter":{"processDefinitionKey":{"$in":["9007199254741001","9007199254741003","9007199254741005"]}},"page":{"limit":100}})");
    QSet<QString> states;
    QSet<QString> kinds;
    for (const QJsonValue &item : high.items()) {
        states.insert(item.toObject().value(QLatin1String("state")).toString());
        kinds.insert(item.toObject().value(QLatin1String("kind")).toString());
        QVERIFY(item.toObject().value(QLatin1String("jobKey")).toString().toLongLong()
            > (qint64(1) << 53));
    }
    QCOMPARE(states.size(), 8);
    QCOMPARE(kinds.size(), 4);
}

void tst_SandboxJobSearch::roundedNeighbours()
{
    // What a client that got 9007199254745552 from JavaScript would ask for: the keys that
    // Number() rounds to it.
    GatewayHarness h;
    const GatewayAnswer a = h.search(QStringLiteral("jobs"),
        R"({"filter":{"jobKey":{"$in":["9007199254745551","9007199254745552","9007199254745553"]}}})");
    QCOMPARE(a.items().size(), 1);
    QCOMPARE(
        a.item().value(QLatin1String("jobKey")).toString(), QStringLiteral("9007199254745551"));
    QCOMPARE(h.post(completion(9007199254745552)).status, 404);
    const GatewayAnswer two = h.search(QStringLiteral("jobs"),
        R"({"filter":{"jobKey":{"$in":["9007199254745563","9007199254745564","9007199254745565"]}}})");
    QCOMPARE(two.items().size(), 2);
}

void tst_SandboxJobSearch::versionFields()
{
    GatewayHarness v88(GatewayVersion::V8_8);
    GatewayHarness v89(GatewayVersion::V8_9);
    GatewayHarness v810(GatewayVersion::V8_10);
    const QByteArray byCreation = R"({"filter":{"creationTime":{"$lt":"2100-01-01T00:00:00Z"}}})";
    QCOMPARE(v88.search(QStringLiteral("jobs"), byCreation).detail(),
        QStringLiteral("Request property [filter.creationTime] cannot be parsed"));
    QCOMPARE(v89.search(QStringLiteral("jobs"), byCreation).status, 200);
    QVERIFY(v89.search(QStringLiteral("jobs"), R"({"filter":{"lastUpdateTime":{"$exists":true}}})")
                .totalItems()
        > 0);
    // 8.9 sorts by hasFailedWithRetriesLeft; creation time and priority sort only on 8.10.
    QCOMPARE(
        v88.search(QStringLiteral("jobs"), R"({"sort":[{"field":"hasFailedWithRetriesLeft"}]})")
            .status,
        400);
    QCOMPARE(
        v89.search(QStringLiteral("jobs"), R"({"sort":[{"field":"hasFailedWithRetriesLeft"}]})")
            .status,
        200);
    QCOMPARE(
        v89.search(QStringLiteral("jobs"), R"({"sort":[{"field":"creationTime"}]})").status, 400);
    QCOMPARE(
        v810.search(QStringLiteral("jobs"), R"({"sort":[{"field":"creationTime"}]})").status, 200);
    QCOMPARE(v810.search(QStringLiteral("jobs"), R"({"sort":[{"field":"colour"}]})").title(),
        QStringLiteral("INVALID_ARGUMENT"));
    QVERIFY(v810.search(QStringLiteral("jobs"), R"({"sort":[{"field":"colour"}]})")
                .detail()
                .contains(QLatin1String("[creationTime, deadline,")));
    // The members each version's JobSearchResult has.
    const QByteArray one = R"({"filter":{"jobKey":"2251799823685402"}})";
    QVERIFY(v88.search(QStringLiteral("jobs"), one)
                .item()
                .value(QLatin1String("creationTime"))
                .isNull());
    QVERIFY(v89.search(QStringLiteral("jobs"), one)
                .item()
                .value(QLatin1String("creationTime"))
                .isString());
    QVERIFY(!v89.search(QStringLiteral("jobs"), one).item().contains(QLatin1String("priority")));
    QCOMPARE(
        v810.search(QStringLiteral("jobs"), one).item().value(QLatin1String("priority")).toInt(),
        50);
    QVERIFY(
        v810.search(QStringLiteral("jobs"), R"({"filter":{"priority":{"$gte":50}}})").totalItems()
        > 0);
}

void tst_SandboxJobSearch::incidentFilters()
{
    GatewayHarness v88(GatewayVersion::V8_8);
    GatewayHarness v89(GatewayVersion::V8_9);
    const QByteArray plain = R"({"filter":{"state":"ACTIVE","errorType":"UNHANDLED_ERROR_EVENT"}})";
    QCOMPARE(v88.search(QStringLiteral("incidents"), plain).items().size(), 2);
    const QByteArray advanced
        = R"({"filter":{"errorType":{"$in":["JOB_NO_RETRIES","EXECUTION_LISTENER_NO_RETRIES"]}}})";
    QCOMPARE(v88.search(QStringLiteral("incidents"), advanced).detail(),
        QStringLiteral("Request property [filter.errorType] cannot be parsed"));
    QCOMPARE(v89.search(QStringLiteral("incidents"), advanced).items().size(), 4);
    // Every field of IncidentFilter.
    for (const char *filter :
        {R"({"processDefinitionId":"order-fulfilment"})", R"({"errorMessage":"Card expired"})",
            R"({"elementId":"send-invoice"})", R"({"creationTime":{"$lt":"2100-01-01T00:00:00Z"}})",
            R"({"tenantId":"<default>"})", R"({"processDefinitionKey":"2251799823685251"})",
            R"({"processInstanceKey":"2251799823685572"})",
            R"({"elementInstanceKey":"2251799823685596"})", R"({"jobKey":"2251799823685597"})"}) {
        const GatewayAnswer a
            = v88.search(QStringLiteral("incidents"), R"({"filter":)" + QByteArray(filter) + "}");
        QVERIFY2(!a.items().isEmpty(), filter);
    }
    const QString key
        = v88.search(QStringLiteral("incidents"), R"({"filter":{"jobKey":"2251799823685597"}})")
              .item()
              .value(QLatin1String("incidentKey"))
              .toString();
    QCOMPARE(v88.search(QStringLiteral("incidents"), filterBody(QStringLiteral("incidentKey"), key))
                 .items()
                 .size(),
        1);
    // 8.8 still sorts by errorMessage, 8.9 no longer.
    QCOMPARE(
        v88.search(QStringLiteral("incidents"), R"({"sort":[{"field":"errorMessage"}]})").status,
        200);
    QCOMPARE(
        v89.search(QStringLiteral("incidents"), R"({"sort":[{"field":"errorMessage"}]})").status,
        400);
    QVERIFY(v89.search(QStringLiteral("incidents"), plain)
                .item()
                .value(QLatin1String("rootProcessInstanceKey"))
                .isString());
}

void tst_SandboxJobSearch::variables()
{
    GatewayHarness h;
    GatewayAnswer a = h.search(QStringLiteral("variables"),
        R"({"filter":{"processInstanceKey":"2251799823685394"},"sort":[{"field":"name"}]})");
    QVERIFY(a.items().size() >= 5);
    QStringList names;
    for (const QJsonValue &v : a.items())
        names.append(v.toObject().value(QLatin1String("name")).toString());
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);
    // The value filter compares the JSON text.
    a = h.search(QStringLiteral("variables"), R"({"filter":{"value":"\"ORD-2026-4700\""}})");
    QCOMPARE(a.items().size(), 1);
    QCOMPARE(a.item().value(QLatin1String("name")).toString(), QStringLiteral("orderId"));
    // scopeKey finds the local ones.
    a = h.search(QStringLiteral("variables"), R"({"filter":{"scopeKey":"2251799823685401"}})");
    QCOMPARE(a.items().size(), 2);
    a = h.search(QStringLiteral("variables"),
        R"({"filter":{"variableKey":{"$exists":true},"name":{"$like":"customer*"}}})");
    QVERIFY(a.items().size() >= 2);
    QCOMPARE(h.search(QStringLiteral("variables"), R"({"filter":{"tenantId":{"$eq":"x"}}})").status,
        400);
}

void tst_SandboxJobSearch::truncation()
{
    GatewayHarness h;
    const QString longText = QString(9000, QLatin1Char('x'));
    QCOMPARE(h.send("PUT", QStringLiteral("/v2/element-instances/2251799823685394/variables"),
                  QStringLiteral(R"({"variables":{"essay":"%1"}})").arg(longText).toUtf8())
                 .status,
        204);
    GatewayAnswer a = h.search(QStringLiteral("variables"), R"({"filter":{"name":"essay"}})");
    QCOMPARE(a.item().value(QLatin1String("isTruncated")).toBool(), true);
    QCOMPARE(a.item().value(QLatin1String("value")).toString().size(), 8191);
    a = h.send("POST", QStringLiteral("/v2/variables/search"), R"({"filter":{"name":"essay"}})",
        QStringLiteral("truncateValues=false"));
    QCOMPARE(a.item().value(QLatin1String("isTruncated")).toBool(), false);
    QCOMPARE(a.item().value(QLatin1String("value")).toString().size(), 9002);
    QCOMPARE(
        h.search(QStringLiteral("variables"), R"({"filter":{"isTruncated":true}})").items().size(),
        1);
    const QString key = a.item().value(QLatin1String("variableKey")).toString();
    QCOMPARE(h.get(QStringLiteral("/v2/variables/%1").arg(key))
                 .json()
                 .value(QLatin1String("value"))
                 .toString()
                 .size(),
        9002);
}

QTEST_GUILESS_MAIN(tst_SandboxJobSearch)
#include "tst_SandboxJobSearch.moc"
