// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/Answers.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

namespace {

// An 8.10 job search answer: every field, keys as strings, plus members JobDesk does not know.
const QByteArray kJobPage = R"({
  "items": [
    {
      "customHeaders": {"region": "eu", "attempt": 3},
      "deadline": "2025-06-30T17:00:00.000Z",
      "deniedReason": null,
      "elementId": "Task_Pay",
      "elementInstanceKey": "2251799813686789",
      "endTime": null,
      "errorCode": "",
      "errorMessage": "DB down",
      "hasFailedWithRetriesLeft": true,
      "isDenied": false,
      "jobKey": "9223372036854775807",
      "kind": "BPMN_ELEMENT",
      "listenerEventType": "UNSPECIFIED",
      "priority": 50,
      "processDefinitionId": "invoice",
      "processDefinitionKey": "2251799813686749",
      "processInstanceKey": "2251799813690746",
      "rootProcessInstanceKey": "2251799813690746",
      "businessId": "order-4711",
      "retries": 2,
      "state": "FAILED",
      "tenantId": "<default>",
      "type": "payment",
      "worker": "w-1",
      "creationTime": "2025-06-30T16:00:00.000Z",
      "lastUpdateTime": "2025-06-30T16:30:00.000Z",
      "somethingNew": {"nested": [1, 2, 3]}
    },
    "not an object",
    {"jobKey": 9007199254740993, "processInstanceKey": 2.2517998136907E15, "retries": 0}
  ],
  "page": {"totalItems": 10001, "hasMoreTotalItems": true, "startCursor": "AAAA",
           "endCursor": "WzIyNTE3OTk4MTM2ODcxMDJd"}
})";

} // namespace

class tst_Answers final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void jobPage();
    void numericKeysKeepTheirDigits();
    void notASearchAnswer_data();
    void notASearchAnswer();
    void incidents();
    void variablesKeepValuesExactly();
    void elementAndProcessInstance();
    void topology();
    void whoAmI();
    void batchOperations();
};

void tst_Answers::jobPage()
{
    QString error;
    const auto page = Answers::jobs(kJobPage, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->items.size(), 2); // the string item is skipped
    const JobRecord &job = page->items[0];
    QCOMPARE(job.jobKey, QStringLiteral("9223372036854775807"));
    QCOMPARE(job.type, QStringLiteral("payment"));
    QCOMPARE(job.worker, QStringLiteral("w-1"));
    QCOMPARE(job.state, QStringLiteral("FAILED"));
    QCOMPARE(job.kind, QStringLiteral("BPMN_ELEMENT"));
    QCOMPARE(job.listenerEventType, QStringLiteral("UNSPECIFIED"));
    QCOMPARE(job.retries, std::optional<int>(2));
    QCOMPARE(job.hasFailedWithRetriesLeft, std::optional<bool>(true));
    QCOMPARE(job.isDenied, std::optional<bool>(false));
    QVERIFY(job.deniedReason.isNull()); // null: absent
    QVERIFY(job.endTime.isNull());
    QVERIFY(!job.errorCode.isNull()); // "": present and empty
    QVERIFY(job.errorCode.isEmpty());
    QCOMPARE(job.errorMessage, QStringLiteral("DB down"));
    QCOMPARE(job.elementId, QStringLiteral("Task_Pay"));
    QCOMPARE(job.elementInstanceKey, QStringLiteral("2251799813686789"));
    QCOMPARE(job.processDefinitionId, QStringLiteral("invoice"));
    QCOMPARE(job.processDefinitionKey, QStringLiteral("2251799813686749"));
    QCOMPARE(job.processInstanceKey, QStringLiteral("2251799813690746"));
    QCOMPARE(job.rootProcessInstanceKey, QStringLiteral("2251799813690746"));
    QCOMPARE(job.tenantId, QStringLiteral("<default>"));
    QCOMPARE(job.deadline, QStringLiteral("2025-06-30T17:00:00.000Z"));
    QCOMPARE(job.creationTime, QStringLiteral("2025-06-30T16:00:00.000Z"));
    QCOMPARE(job.lastUpdateTime, QStringLiteral("2025-06-30T16:30:00.000Z"));
    QCOMPARE(job.priority, std::optional<int>(50));
    QCOMPARE(job.businessId, QStringLiteral("order-4711"));
    QCOMPARE(job.customHeaders.size(), 2);
    QCOMPARE(job.customHeaders[0], qMakePair(QStringLiteral("region"), QStringLiteral("eu")));
    QCOMPARE(job.customHeaders[1], qMakePair(QStringLiteral("attempt"), QStringLiteral("3")));
    QVERIFY(job.raw.startsWith("{\n      \"customHeaders\""));
    QVERIFY(job.raw.contains("\"somethingNew\""));
    QVERIFY(!job.isTaskListener());

    QCOMPARE(page->page.totalItems, std::optional<qint64>(10001));
    QVERIFY(page->page.hasMoreTotalItems);
    QCOMPARE(page->page.startCursor, QStringLiteral("AAAA"));
    QCOMPARE(page->page.endCursor, QStringLiteral("WzIyNTE3OTk4MTM2ODcxMDJd"));
}

void tst_Answers::numericKeysKeepTheirDigits()
{
    const auto page = Answers::jobs(kJobPage);
    QVERIFY(page);
    const JobRecord &job = page->items[1];
    // 9007199254740993 is 2^53 + 1: through a double it would become ...992.
    QCOMPARE(job.jobKey, QStringLiteral("9007199254740993"));
    // A key already rounded by the sender is not a key: absent rather than wrong digits.
    QVERIFY(job.processInstanceKey.isNull());
    QCOMPARE(job.retries, std::optional<int>(0));
    QVERIFY(job.type.isNull());
    QCOMPARE(job.hasFailedWithRetriesLeft, std::nullopt);
    QVERIFY(job.customHeaders.isEmpty());
}

void tst_Answers::notASearchAnswer_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mustContain");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not valid JSON");
    QTest::newRow("html") << QByteArray("<html></html>") << QStringLiteral("not valid JSON");
    QTest::newRow("truncated") << QByteArray("{\"items\":[{\"jobKey\":\"1\"")
                               << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("an array, not a JSON object");
    QTest::newRow("no items") << QByteArray("{\"page\":{}}") << QStringLiteral("no \"items\"");
    QTest::newRow("items not a list")
        << QByteArray("{\"items\":{}}") << QStringLiteral("no \"items\"");
}

void tst_Answers::notASearchAnswer()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mustContain);
    QString error;
    QVERIFY(!Answers::jobs(body, &error));
    QVERIFY2(error.contains(mustContain), qPrintable(error));
    QVERIFY(!Answers::incidents(body));
    QVERIFY(!Answers::variables(body));
}

void tst_Answers::incidents()
{
    const QByteArray body = R"({"items":[{"incidentKey":"2251799813689999",
        "processDefinitionKey":"2251799813686749","processDefinitionId":"invoice",
        "processInstanceKey":"2251799813690746","rootProcessInstanceKey":null,
        "elementInstanceKey":"2251799813686789","elementId":"Task_Pay",
        "jobKey":"2251799813685249","tenantId":"<default>","errorType":"JOB_NO_RETRIES",
        "errorMessage":"No more retries left.","state":"ACTIVE",
        "creationTime":"2025-06-30T16:00:00.000Z"}],"page":{"totalItems":1}})";
    const auto page = Answers::incidents(body);
    QVERIFY(page);
    QCOMPARE(page->items.size(), 1);
    const IncidentRecord &incident = page->items[0];
    QCOMPARE(incident.incidentKey, QStringLiteral("2251799813689999"));
    QCOMPARE(incident.jobKey, QStringLiteral("2251799813685249"));
    QCOMPARE(incident.errorType, QStringLiteral("JOB_NO_RETRIES"));
    QCOMPARE(incident.errorMessage, QStringLiteral("No more retries left."));
    QCOMPARE(incident.state, QStringLiteral("ACTIVE"));
    QVERIFY(incident.rootProcessInstanceKey.isNull());
    QCOMPARE(page->page.totalItems, std::optional<qint64>(1));
    QVERIFY(!page->page.hasMoreTotalItems);
    QVERIFY(page->page.endCursor.isNull());

    const auto one = Answers::incident(R"({"incidentKey":4503599627370497,"state":"RESOLVED"})");
    QVERIFY(one);
    QCOMPARE(one->incidentKey, QStringLiteral("4503599627370497"));
}

void tst_Answers::variablesKeepValuesExactly()
{
    const QByteArray body
        = R"({"items":[{"variableKey":"2251799813683287","name":"amount",)"
          R"("value":"123456789012345678901234567890","isTruncated":false,)"
          R"("scopeKey":"2251799813690746","processInstanceKey":"2251799813690746",)"
          R"("tenantId":"<default>"},)"
          R"({"variableKey":"2251799813683288","name":"doc","value":"{\"a\\nb\": \"x\u00e9\"}",)"
          R"("isTruncated":true},)"
          R"({"variableKey":"2251799813683289","name":"raw","value":1.50}]})";
    const auto page = Answers::variables(body);
    QVERIFY(page);
    QCOMPARE(page->items.size(), 3);
    QCOMPARE(page->items[0].value, QStringLiteral("123456789012345678901234567890"));
    QVERIFY(!page->items[0].isTruncated);
    QCOMPARE(page->items[0].scopeKey, QStringLiteral("2251799813690746"));
    // The string holds JSON text: unescaped once, it is the variable's JSON exactly.
    QCOMPARE(page->items[1].value, QStringLiteral("{\"a\\nb\": \"xé\"}"));
    QVERIFY(page->items[1].isTruncated);
    QCOMPARE(page->items[2].value, QStringLiteral("1.50"));

    const auto single
        = Answers::variable(R"({"variableKey":"2251799813683287","name":"n","value":"null"})");
    QVERIFY(single);
    QCOMPARE(single->value, QStringLiteral("null"));
    QVERIFY(!single->isTruncated);
}

void tst_Answers::elementAndProcessInstance()
{
    const auto element = Answers::elementInstance(
        R"({"elementInstanceKey":"2251799813686789","processInstanceKey":"2251799813690746",)"
        R"("processDefinitionKey":"2251799813686749","processDefinitionId":"invoice",)"
        R"("elementId":"AdHoc_1","elementName":"Research","type":"AD_HOC_SUB_PROCESS",)"
        R"("state":"ACTIVE","hasIncident":false,"startDate":"2025-06-30T16:00:00.000Z",)"
        R"("endDate":null,"tenantId":"<default>","incidentKey":null})");
    QVERIFY(element);
    QCOMPARE(element->type, QStringLiteral("AD_HOC_SUB_PROCESS"));
    QCOMPARE(element->state, QStringLiteral("ACTIVE"));
    QCOMPARE(element->hasIncident, std::optional<bool>(false));
    QVERIFY(element->endDate.isNull());
    QVERIFY(element->incidentKey.isNull());
    QCOMPARE(element->elementName, QStringLiteral("Research"));

    const auto instance = Answers::processInstance(
        R"({"processInstanceKey":"2251799813690746","processDefinitionId":"invoice",)"
        R"("processDefinitionName":"Invoice","processDefinitionVersion":3,)"
        R"("processDefinitionVersionTag":null,"state":"ACTIVE","hasIncident":true,)"
        R"("tenantId":"<default>","parentProcessInstanceKey":null,"businessId":"order-1",)"
        R"("tags":["a","b"],"startDate":"2025-06-30T16:00:00.000Z"})");
    QVERIFY(instance);
    QCOMPARE(instance->processDefinitionVersion, std::optional<int>(3));
    QVERIFY(instance->processDefinitionVersionTag.isNull());
    QCOMPARE(instance->hasIncident, std::optional<bool>(true));
    QCOMPARE(instance->businessId, QStringLiteral("order-1"));
    QCOMPARE(instance->tags, (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(!Answers::processInstance("null"));
}

void tst_Answers::topology()
{
    const auto topology = Answers::topology(
        R"({"brokers":[{"nodeId":0,"host":"zeebe-0","port":26501,"partitions":[)"
        R"({"partitionId":1,"role":"leader","health":"healthy","state":"active"},)"
        R"({"partitionId":2,"role":"follower","health":"unhealthy"}],"version":"8.9.0-alpha2"}],)"
        R"("clusterSize":1,"partitionsCount":2,"replicationFactor":1,)"
        R"("gatewayVersion":"8.9.0-alpha2","lastCompletedChangeId":"-1","clusterId":null})");
    QVERIFY(topology);
    QCOMPARE(topology->gatewayVersion, QStringLiteral("8.9.0-alpha2"));
    QCOMPARE(topology->version().minorVersion(), 9);
    QCOMPARE(topology->version().preRelease(), QStringLiteral("alpha2"));
    QCOMPARE(topology->clusterSize, std::optional<int>(1));
    QCOMPARE(topology->partitionsCount, std::optional<int>(2));
    QVERIFY(topology->clusterId.isNull());
    QCOMPARE(topology->brokers.size(), 1);
    QCOMPARE(topology->brokers[0].host, QStringLiteral("zeebe-0"));
    QCOMPARE(topology->brokers[0].port, 26501);
    QCOMPARE(topology->brokers[0].partitions.size(), 2);
    QCOMPARE(topology->brokers[0].partitions[1].role, QStringLiteral("follower"));
    QCOMPARE(topology->brokers[0].partitions[1].health, QStringLiteral("unhealthy"));

    const auto old = Answers::topology(R"({"brokers":[],"gatewayVersion":"8.7.2"})");
    QVERIFY(old);
    QVERIFY(!old->version().isAtLeast(8, 8));
    QVERIFY(!Answers::topology(R"({"gatewayVersion":)"));
}

void tst_Answers::whoAmI()
{
    const auto me = Answers::whoAmI(
        R"({"username":"demo","displayName":"Demo User","email":"demo@example.com",)"
        R"("authorizedComponents":["operate","*"],"tenants":[{"tenantId":"<default>",)"
        R"("name":"Default","key":"1"}],"groups":[],"roles":["admin"],)"
        R"("salesPlanType":null,"c8Links":{},"canLogout":true})");
    QVERIFY(me);
    QCOMPARE(me->username, QStringLiteral("demo"));
    QCOMPARE(me->displayName, QStringLiteral("Demo User"));
    QCOMPARE(me->authorizedComponents.size(), 2);
    QCOMPARE(me->tenants.size(), 1);
    QCOMPARE(me->tenants[0].tenantId, QStringLiteral("<default>"));
    QCOMPARE(me->tenants[0].name, QStringLiteral("Default"));
    QVERIFY(me->groups.isEmpty());
    QCOMPARE(me->roles, QStringList {QStringLiteral("admin")});
    QVERIFY(me->salesPlanType.isNull());
    QCOMPARE(me->canLogout, std::optional<bool>(true));
}

void tst_Answers::batchOperations()
{
    const auto created = Answers::batchOperationCreated(
        R"({"batchOperationKey":"2251799813684321","batchOperationType":"RESOLVE_INCIDENT"})");
    QVERIFY(created);
    QCOMPARE(created->batchOperationKey, QStringLiteral("2251799813684321"));
    QCOMPARE(created->batchOperationType, QStringLiteral("RESOLVE_INCIDENT"));

    const auto batch = Answers::batchOperation(
        R"({"batchOperationKey":"2251799813684321","state":"PARTIALLY_COMPLETED",)"
        R"("batchOperationType":"RESOLVE_INCIDENT","startDate":"2025-06-30T16:00:00.000Z",)"
        R"("endDate":null,"actorType":"USER","actorId":"demo","operationsTotalCount":3,)"
        R"("operationsFailedCount":1,"operationsCompletedCount":2,"errors":[{"partitionId":1,)"
        R"("type":"QUERY_FAILED","message":"boom"}]})");
    QVERIFY(batch);
    QCOMPARE(batch->state, QStringLiteral("PARTIALLY_COMPLETED"));
    QCOMPARE(batch->operationsTotalCount, std::optional<qint64>(3));
    QCOMPARE(batch->operationsFailedCount, std::optional<qint64>(1));
    QCOMPARE(batch->operationsCompletedCount, std::optional<qint64>(2));
    QCOMPARE(batch->errors.size(), 1);
    QCOMPARE(batch->errors[0].partitionId, std::optional<int>(1));
    QCOMPARE(batch->errors[0].message, QStringLiteral("boom"));
    QVERIFY(batch->endDate.isNull());

    const auto items = Answers::batchOperationItems(
        R"({"items":[{"batchOperationKey":"2251799813684321","operationType":"RESOLVE_INCIDENT",)"
        R"("itemKey":"2251799813689999","processInstanceKey":"2251799813690746","state":"FAILED",)"
        R"("processedDate":"2025-06-30T16:00:01.000Z","errorMessage":"has no retries left"},)"
        R"({"itemKey":9007199254740993,"state":"COMPLETED"}],"page":{"totalItems":2}})");
    QVERIFY(items);
    QCOMPARE(items->items.size(), 2);
    QCOMPARE(items->items[0].state, QStringLiteral("FAILED"));
    QCOMPARE(items->items[0].errorMessage, QStringLiteral("has no retries left"));
    QCOMPARE(items->items[1].itemKey, QStringLiteral("9007199254740993"));
}

QTEST_GUILESS_MAIN(tst_Answers)
#include "tst_Answers.moc"
