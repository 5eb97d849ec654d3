// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's job endpoints over real HTTP: routing, validation as the real gateway words it,
// the job state machine (complete, fail, throw error, update, resolve incident) and search.
#include "tst_SandboxHttpClient.h"

#include <QJsonArray>
#include <QStandardPaths>

using namespace JobDesk::Sandbox;

class tst_SandboxServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void completionThenNotFound();
    void rejections_data();
    void rejections();
    void deniedOnOrdinaryJobIsIgnored();
    void taskListenerDenial();
    void repairFailedJob();
    void failAndThrowError();
    void incidents();
    void search_data();
    void search();
    void searchPaging();
    void topologyAndStatus();
    void generatedJobs();

private:
    qint64 keyOf(JobKind kind, ListenerEventType listener, JobState state);
    std::unique_ptr<SandboxHarness> m_demo;
};

void tst_SandboxServer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    SandboxOptions options;
    options.demo = true;
    m_demo = std::make_unique<SandboxHarness>(options);
    QVERIFY2(m_demo->ok(), qPrintable(m_demo->error()));
}

void tst_SandboxServer::cleanupTestCase()
{
    m_demo.reset();
}

qint64 tst_SandboxServer::keyOf(JobKind kind, ListenerEventType listener, JobState state)
{
    const Job *job = m_demo->findJob([&](const Job &j) {
        return j.kind == kind && j.listenerEventType == listener && j.state == state;
    });
    return job ? job->key : 0;
}

void tst_SandboxServer::completionThenNotFound()
{
    const qint64 key
        = keyOf(JobKind::BpmnElement, ListenerEventType::Unspecified, JobState::Created);
    QVERIFY(key > 0);
    const HttpAnswer done = m_demo->post(completionPath(key), R"({"variables":{"paid":true}})");
    QCOMPARE(done.status, 204);
    QVERIFY(done.body.isEmpty());

    const HttpAnswer again = m_demo->post(completionPath(key), R"({"variables":{"paid":true}})");
    QCOMPARE(again.status, 404);
    QCOMPARE(again.contentType, QByteArrayLiteral("application/problem+json"));
    const QJsonObject problem = again.json();
    QCOMPARE(problem.value(QLatin1String("type")).toString(), QStringLiteral("about:blank"));
    QCOMPARE(problem.value(QLatin1String("title")).toString(), QStringLiteral("NOT_FOUND"));
    QCOMPARE(problem.value(QLatin1String("status")).toInt(), 404);
    QCOMPARE(problem.value(QLatin1String("detail")).toString(),
        QStringLiteral("Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete "
                       "job with key '%1', but no such job was found")
            .arg(key));
    QCOMPARE(problem.value(QLatin1String("instance")).toString(), completionPath(key));

    // Still visible in search, as COMPLETED with an end time.
    const HttpAnswer found = m_demo->post(QStringLiteral("/v2/jobs/search"),
        QStringLiteral(R"({"filter":{"jobKey":"%1"}})").arg(key).toUtf8());
    QCOMPARE(found.status, 200);
    const QJsonArray items = found.json().value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), 1);
    QCOMPARE(
        items.at(0).toObject().value(QLatin1String("jobKey")).toString(), QString::number(key));
    QCOMPARE(items.at(0).toObject().value(QLatin1String("state")).toString(),
        QStringLiteral("COMPLETED"));
    QVERIFY(items.at(0).toObject().value(QLatin1String("endTime")).isString());
}

void tst_SandboxServer::rejections_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("detail"); // expected prefix of the detail

    const auto k
        = [this](JobKind kind, ListenerEventType l, JobState s) { return keyOf(kind, l, s); };
    const qint64 ordinary
        = k(JobKind::BpmnElement, ListenerEventType::Unspecified, JobState::Created);
    const qint64 failed = k(JobKind::BpmnElement, ListenerEventType::Unspecified, JobState::Failed);
    const qint64 thrown
        = k(JobKind::BpmnElement, ListenerEventType::Unspecified, JobState::ErrorThrown);
    const qint64 completing
        = k(JobKind::TaskListener, ListenerEventType::Completing, JobState::Created);
    const qint64 creating
        = k(JobKind::TaskListener, ListenerEventType::Creating, JobState::Created);
    const QByteArray post = QByteArrayLiteral("POST");
    const QString bad = QStringLiteral("Bad Request");
    const QString invalid = QStringLiteral("INVALID_ARGUMENT");

    QTest::newRow("unknown property")
        << post << completionPath(ordinary) << QByteArray(R"({"unexpectedField":123})") << 400
        << bad << QStringLiteral("Request property [unexpectedField] cannot be parsed");
    QTest::newRow("variables a string")
        << post << completionPath(ordinary) << QByteArray(R"({"variables":"foo"})") << 400 << bad
        << QStringLiteral("Request property [variables] cannot be parsed");
    QTest::newRow("variables an array")
        << post << completionPath(ordinary) << QByteArray(R"({"variables":[1,2]})") << 400 << bad
        << QStringLiteral("Request property [variables] cannot be parsed");
    QTest::newRow("invalid JSON") << post << completionPath(ordinary)
                                  << QByteArray(R"({"variables":)") << 400 << bad
                                  << QStringLiteral("Failed to read request");
    QTest::newRow("non-numeric key")
        << post << QStringLiteral("/v2/jobs/abc/completion") << QByteArray() << 400 << bad
        << QStringLiteral("Failed to convert 'jobKey' with value: 'abc'");
    QTest::newRow("unknown correction")
        << post << completionPath(completing)
        << QByteArray(R"({"result":{"type":"userTask","corrections":{"colour":"red"}}})") << 400
        << bad << QStringLiteral("Request property [result.corrections.colour] cannot be parsed");
    QTest::newRow("listener with variables")
        << post << completionPath(completing) << QByteArray(R"({"variables":{"a":1}})") << 400
        << invalid
        << QStringLiteral(
               "Command 'COMPLETE' rejected with code 'INVALID_ARGUMENT': Task Listener job "
               "completion with variables payload provided is not yet supported (job key '%1'")
               .arg(completing);
    QTest::newRow("deny on CREATING")
        << post << completionPath(creating)
        << QByteArray(R"({"result":{"type":"userTask","denied":true}})") << 400 << invalid
        << QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_ARGUMENT': Denying "
                          "result is not supported for 'CREATING' task listener jobs");
    QTest::newRow("deny with corrections")
        << post << completionPath(completing)
        << QByteArray(
               R"({"result":{"type":"userTask","denied":true,"corrections":{"assignee":"bob"}}})")
        << 400 << invalid
        << QStringLiteral(
               "Command 'COMPLETE' rejected with code 'INVALID_ARGUMENT': Expected to complete "
               "task listener job with corrections, but the job result is denied");
    QTest::newRow("FAILED")
        << post << completionPath(failed) << QByteArray("{}") << 409
        << QStringLiteral("INVALID_STATE")
        << QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_STATE': Expected to "
                          "complete job with key '%1', but it is in state 'FAILED'")
               .arg(failed);
    QTest::newRow("ERROR_THROWN")
        << post << completionPath(thrown) << QByteArray() << 409 << QStringLiteral("INVALID_STATE")
        << QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_STATE': Expected to "
                          "complete job with key '%1', but it is in state 'ERROR_THROWN'")
               .arg(thrown);
    QTest::newRow("unknown key") << post << completionPath(JobStore::GeneratedBase + 77)
                                 << QByteArray() << 404 << QStringLiteral("NOT_FOUND")
                                 << QStringLiteral(
                                        "Command 'COMPLETE' rejected with code 'NOT_FOUND'");
    QTest::newRow("no such partition")
        << post << completionPath(123) << QByteArray() << 503 << QStringLiteral("UNAVAILABLE")
        << QStringLiteral("Expected to handle request, but request could not be delivered");
    QTest::newRow("unknown route")
        << QByteArrayLiteral("GET") << QStringLiteral("/v2/nothing-here") << QByteArray() << 404
        << QStringLiteral("Not Found") << QStringLiteral("No endpoint GET /v2/nothing-here.");
    QTest::newRow("wrong method") << QByteArrayLiteral("GET") << completionPath(ordinary)
                                  << QByteArray() << 405 << QStringLiteral("Method Not Allowed")
                                  << QStringLiteral("Method 'GET' is not supported.");
    QTest::newRow("error without body")
        << post << QStringLiteral("/v2/jobs/%1/error").arg(ordinary) << QByteArray() << 400 << bad
        << QStringLiteral("Required request body is missing");
    QTest::newRow("error without code") << post << QStringLiteral("/v2/jobs/%1/error").arg(ordinary)
                                        << QByteArray(R"({"errorMessage":"x"})") << 400 << invalid
                                        << QStringLiteral("No errorCode provided.");
    QTest::newRow("empty changeset")
        << QByteArrayLiteral("PATCH") << QStringLiteral("/v2/jobs/%1").arg(ordinary)
        << QByteArray(R"({"changeset":{}})") << 400 << invalid
        << QStringLiteral("At least one of [retries, timeout] is required.");
    QTest::newRow("negative retries")
        << QByteArrayLiteral("PATCH") << QStringLiteral("/v2/jobs/%1").arg(ordinary)
        << QByteArray(R"({"changeset":{"retries":-1}})") << 400 << invalid
        << QStringLiteral("Command 'UPDATE' rejected with code 'INVALID_ARGUMENT': Expected to "
                          "update retries for job with key '%1' with a positive amount of retries, "
                          "but the amount given was '-1'")
               .arg(ordinary);
    QTest::newRow("unknown incident")
        << post << QStringLiteral("/v2/incidents/%1/resolution").arg(JobStore::GeneratedBase + 5)
        << QByteArray() << 404 << QStringLiteral("NOT_FOUND")
        << QStringLiteral("Command 'RESOLVE' rejected with code 'NOT_FOUND': Expected to resolve "
                          "incident with key '%1', but no such incident was found")
               .arg(JobStore::GeneratedBase + 5);
}

void tst_SandboxServer::rejections()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, title);
    QFETCH(QString, detail);

    const HttpAnswer answer = m_demo->send(method, path, body);
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.contentType, QByteArrayLiteral("application/problem+json"));
    const QJsonObject problem = answer.json();
    QCOMPARE(problem.value(QLatin1String("title")).toString(), title);
    QCOMPARE(problem.value(QLatin1String("status")).toInt(), status);
    QVERIFY2(problem.value(QLatin1String("detail")).toString().startsWith(detail),
        qPrintable(problem.value(QLatin1String("detail")).toString()));
    QCOMPARE(problem.value(QLatin1String("instance")).toString(), path);
}

void tst_SandboxServer::deniedOnOrdinaryJobIsIgnored()
{
    const Job *job = m_demo->findJob([](const Job &j) {
        return j.kind == JobKind::BpmnElement && j.state == JobState::Created;
    });
    QVERIFY(job);
    const qint64 key = job->key;
    QCOMPARE(
        m_demo->post(completionPath(key), R"({"result":{"type":"userTask","denied":true}})").status,
        204);
    QCOMPARE(m_demo->post(completionPath(key), "{}").status, 404);
}

void tst_SandboxServer::taskListenerDenial()
{
    const qint64 key
        = keyOf(JobKind::TaskListener, ListenerEventType::Completing, JobState::Created);
    QVERIFY(key > 0);
    const HttpAnswer answer = m_demo->post(completionPath(key),
        R"({"result":{"type":"userTask","denied":true,"deniedReason":"four-eyes rule"}})");
    QCOMPARE(answer.status, 204);
    const HttpAnswer found = m_demo->post(QStringLiteral("/v2/jobs/search"),
        QStringLiteral(R"({"filter":{"jobKey":"%1"}})").arg(key).toUtf8());
    const QJsonObject item = found.json().value(QLatin1String("items")).toArray().at(0).toObject();
    QCOMPARE(item.value(QLatin1String("isDenied")).toBool(), true);
    QCOMPARE(
        item.value(QLatin1String("deniedReason")).toString(), QStringLiteral("four-eyes rule"));
    QCOMPARE(item.value(QLatin1String("kind")).toString(), QStringLiteral("TASK_LISTENER"));
}

void tst_SandboxServer::repairFailedJob()
{
    Job *job = m_demo->server().store().find(
        keyOf(JobKind::BpmnElement, ListenerEventType::Unspecified, JobState::Failed));
    QVERIFY(job);
    const qint64 key = job->key;
    const qint64 incident = job->incidentKey;
    QVERIFY(incident > 0);
    QCOMPARE(job->retries, 0);

    // Resolving first is refused: the job has no retries left.
    HttpAnswer answer = m_demo->post(QStringLiteral("/v2/incidents/%1/resolution").arg(incident));
    QCOMPARE(answer.status, 409);
    QVERIFY(answer.json()
                .value(QLatin1String("detail"))
                .toString()
                .contains(QLatin1String("has no retries left")));

    answer = m_demo->send(
        "PATCH", QStringLiteral("/v2/jobs/%1").arg(key), R"({"changeset":{"retries":3}})");
    QCOMPARE(answer.status, 204);
    QCOMPARE(job->state, JobState::RetriesUpdated);
    QCOMPARE(m_demo->post(completionPath(key)).status, 409); // the incident is still open

    QCOMPARE(m_demo->post(QStringLiteral("/v2/incidents/%1/resolution").arg(incident)).status, 204);
    QCOMPARE(job->state, JobState::Created);
    QCOMPARE(m_demo->post(completionPath(key), R"({"variables":{"retried":true}})").status, 204);
    QCOMPARE(job->state, JobState::Completed);
    QCOMPARE(m_demo->post(QStringLiteral("/v2/incidents/%1/resolution").arg(incident)).status, 404);
}

void tst_SandboxServer::failAndThrowError()
{
    const Job *first = m_demo->findJob([](const Job &j) {
        return j.kind == JobKind::BpmnElement && j.state == JobState::Created;
    });
    QVERIFY(first);
    const qint64 a = first->key;
    HttpAnswer answer = m_demo->post(QStringLiteral("/v2/jobs/%1/failure").arg(a),
        R"({"retries":0,"errorMessage":"gateway timeout"})");
    QCOMPARE(answer.status, 204);
    const Job *failedJob = m_demo->server().store().find(a);
    QCOMPARE(failedJob->state, JobState::Failed);
    QVERIFY(failedJob->incidentKey > 0);
    answer = m_demo->post(completionPath(a));
    QCOMPARE(answer.status, 409);
    QVERIFY(answer.json()
                .value(QLatin1String("detail"))
                .toString()
                .endsWith(QLatin1String("but it is in state 'FAILED'")));

    const Job *second = m_demo->findJob([](const Job &j) {
        return j.kind == JobKind::BpmnElement && j.state == JobState::Created;
    });
    QVERIFY(second);
    const qint64 b = second->key;
    answer = m_demo->post(QStringLiteral("/v2/jobs/%1/error").arg(b),
        R"({"errorCode":"ADDRESS_UNKNOWN","errorMessage":"no such street"})");
    QCOMPARE(answer.status, 204);
    answer = m_demo->post(QStringLiteral("/v2/jobs/%1/failure").arg(b), "{}");
    QCOMPARE(answer.status, 409);
    QVERIFY(answer.json()
                .value(QLatin1String("detail"))
                .toString()
                .startsWith(QLatin1String("Command 'FAIL' rejected with code 'INVALID_STATE': "
                                          "Expected to fail job with key")));
    const HttpAnswer found = m_demo->post(QStringLiteral("/v2/jobs/search"),
        QStringLiteral(R"({"filter":{"jobKey":"%1"}})").arg(b).toUtf8());
    const QJsonObject item = found.json().value(QLatin1String("items")).toArray().at(0).toObject();
    QCOMPARE(item.value(QLatin1String("state")).toString(), QStringLiteral("ERROR_THROWN"));
    QCOMPARE(item.value(QLatin1String("errorCode")).toString(), QStringLiteral("ADDRESS_UNKNOWN"));
}

void tst_SandboxServer::incidents()
{
    // The demo's ERROR_THROWN job has an ACTIVE incident of an uncaught error.
    const JobStore &store = m_demo->server().store();
    const Job *job = m_demo->findJob([&](const Job &j) {
        return j.state == JobState::ErrorThrown && store.extra(j)
            && store.extra(j)->errorCode == QLatin1String("INVOICE_TEMPLATE_MISSING");
    });
    QVERIFY(job);
    const qint64 thrown = job->key;
    const HttpAnswer found = m_demo->post(QStringLiteral("/v2/incidents/search"),
        QStringLiteral(R"({"filter":{"jobKey":"%1","state":"ACTIVE"}})").arg(thrown).toUtf8());
    QCOMPARE(found.status, 200);
    const QJsonArray items = found.json().value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject incident = items.at(0).toObject();
    QCOMPARE(incident.value(QLatin1String("errorType")).toString(),
        QStringLiteral("UNHANDLED_ERROR_EVENT"));
    QVERIFY(incident.value(QLatin1String("errorMessage"))
                .toString()
                .startsWith(QLatin1String(
                    "Expected to throw an error event with the code 'INVOICE_TEMPLATE_MISSING'")));
    QCOMPARE(incident.value(QLatin1String("processInstanceKey")).toString(),
        QString::number(m_demo->server().store().find(thrown)->processInstanceKey));
    const QString incidentKey = incident.value(QLatin1String("incidentKey")).toString();

    const HttpAnswer one = m_demo->send("GET", QStringLiteral("/v2/incidents/%1").arg(incidentKey));
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json(), incident);
    QCOMPARE(
        m_demo->send("GET", QStringLiteral("/v2/incidents/%1").arg(JobStore::GeneratedBase)).status,
        404);
    QCOMPARE(m_demo->post(QStringLiteral("/v2/incidents/search"), R"({"filter":{"colour":"red"}})")
                 .status,
        400);

    // Resolved (the job still has retries), the incident stays findable as RESOLVED.
    QCOMPARE(
        m_demo->post(QStringLiteral("/v2/incidents/%1/resolution").arg(incidentKey)).status, 204);
    const HttpAnswer resolved = m_demo->post(QStringLiteral("/v2/incidents/search"),
        QStringLiteral(R"({"filter":{"incidentKey":"%1"}})").arg(incidentKey).toUtf8());
    QCOMPARE(resolved.json()
                 .value(QLatin1String("items"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("state"))
                 .toString(),
        QStringLiteral("RESOLVED"));
    QCOMPARE(m_demo->post(completionPath(thrown)).status, 204);
}

void tst_SandboxServer::search_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field"); // every item must have this value in field
    QTest::addColumn<QString>("value");

    QTest::newRow("type") << QByteArray(R"({"filter":{"type":"send-invoice-email"}})") << 200
                          << "type"
                          << "send-invoice-email";
    QTest::newRow("kind") << QByteArray(R"({"filter":{"kind":"TASK_LISTENER"}})") << 200 << "kind"
                          << "TASK_LISTENER";
    QTest::newRow("state $in") << QByteArray(R"({"filter":{"state":{"$in":["ERROR_THROWN"]}}})")
                               << 200 << "state"
                               << "ERROR_THROWN";
    QTest::newRow("ad-hoc") << QByteArray(R"({"filter":{"kind":{"$eq":"AD_HOC_SUB_PROCESS"}}})")
                            << 200 << "kind"
                            << "AD_HOC_SUB_PROCESS";
    QTest::newRow("elementId like")
        << QByteArray(R"({"filter":{"elementId":{"$like":"validate-*"}}})") << 200 << "elementId"
        << "validate-shipping-address";
    QTest::newRow("worker") << QByteArray(R"({"filter":{"worker":"payment-worker-7f9c"}})") << 200
                            << "worker"
                            << "payment-worker-7f9c";
    QTest::newRow("unknown filter") << QByteArray(R"({"filter":{"colour":"red"}})") << 400 << ""
                                    << "Request property [filter.colour] cannot be parsed";
    QTest::newRow("numeric key") << QByteArray(R"({"filter":{"jobKey":2251799813685249}})") << 400
                                 << ""
                                 << "Request property [filter.jobKey] cannot be parsed";
    QTest::newRow("unknown sort") << QByteArray(R"({"sort":[{"field":"colour"}]})") << 400 << ""
                                  << "Unexpected value 'colour' for enum field 'field'. Use any of "
                                     "the following values: [deadline, deniedReason,";
    QTest::newRow("unknown top-level") << QByteArray(R"({"size":3})") << 400 << ""
                                       << "Request property [size] cannot be parsed";
}

void tst_SandboxServer::search()
{
    QFETCH(QByteArray, query);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, value);

    const HttpAnswer answer = m_demo->post(QStringLiteral("/v2/jobs/search"), query);
    QCOMPARE(answer.status, status);
    if (status != 200) {
        QVERIFY2(answer.json().value(QLatin1String("detail")).toString().startsWith(value),
            answer.body.constData());
        return;
    }
    const QJsonArray items = answer.json().value(QLatin1String("items")).toArray();
    QVERIFY(!items.isEmpty());
    QCOMPARE(answer.json()
                 .value(QLatin1String("page"))
                 .toObject()
                 .value(QLatin1String("totalItems"))
                 .toInt(),
        items.size());
    for (const QJsonValue &item : items) {
        QCOMPARE(item.toObject().value(field).toString(), value);
        QVERIFY(item.toObject().value(QLatin1String("jobKey")).isString());
        QVERIFY(item.toObject().value(QLatin1String("processInstanceKey")).isString());
    }
}

void tst_SandboxServer::searchPaging()
{
    const HttpAnswer all = m_demo->post(QStringLiteral("/v2/jobs/search"),
        R"({"sort":[{"field":"jobKey","order":"DESC"}],"page":{"limit":1000}})");
    QCOMPARE(all.status, 200);
    const QJsonArray items = all.json().value(QLatin1String("items")).toArray();
    QCOMPARE(qint64(items.size()), m_demo->server().store().size());
    for (int i = 1; i < items.size(); ++i) {
        QVERIFY(items.at(i - 1).toObject().value(QLatin1String("jobKey")).toString().toLongLong()
            > items.at(i).toObject().value(QLatin1String("jobKey")).toString().toLongLong());
    }
    const HttpAnswer page = m_demo->post(QStringLiteral("/v2/jobs/search"),
        R"({"sort":[{"field":"jobKey","order":"DESC"}],"page":{"from":5,"limit":3}})");
    const QJsonObject body = page.json();
    QCOMPARE(body.value(QLatin1String("items")).toArray().size(), 3);
    QCOMPARE(body.value(QLatin1String("items")).toArray().at(0), items.at(5));
    QCOMPARE(
        body.value(QLatin1String("page")).toObject().value(QLatin1String("totalItems")).toInt(),
        items.size());
    // Cursor paging continues where the page ended.
    const QString cursor
        = body.value(QLatin1String("page")).toObject().value(QLatin1String("endCursor")).toString();
    const HttpAnswer next = m_demo->post(QStringLiteral("/v2/jobs/search"),
        QStringLiteral(
            R"({"sort":[{"field":"jobKey","order":"DESC"}],"page":{"after":"%1","limit":2}})")
            .arg(cursor)
            .toUtf8());
    QCOMPARE(next.json().value(QLatin1String("items")).toArray().at(0), items.at(8));
}

void tst_SandboxServer::topologyAndStatus()
{
    const HttpAnswer topology = m_demo->send("GET", QStringLiteral("/v2/topology"));
    QCOMPARE(topology.status, 200);
    const QJsonObject t = topology.json();
    QVERIFY(t.value(QLatin1String("gatewayVersion")).toString().startsWith(QLatin1String("8.8")));
    QCOMPARE(t.value(QLatin1String("partitionsCount")).toInt(), 3);
    QCOMPARE(t.value(QLatin1String("brokers"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("partitions"))
                 .toArray()
                 .size(),
        3);
    QCOMPARE(t.value(QLatin1String("lastCompletedChangeId")).toString(), QStringLiteral("-1"));
    QCOMPARE(m_demo->send("GET", QStringLiteral("/v2/status")).status, 204);
}

void tst_SandboxServer::generatedJobs()
{
    SandboxOptions options;
    options.generate = 1000;
    SandboxHarness harness(options);
    QVERIFY2(harness.ok(), qPrintable(harness.error()));
    QCOMPARE(harness.server().store().size(), 1000);
    QCOMPARE(harness.post(completionPath(2251799813685249)).status, 204);
    QCOMPARE(harness.post(completionPath(2251799813685249 + 999)).status, 204);
    QCOMPARE(harness.post(completionPath(2251799813685249 + 1000)).status, 404);
    const HttpAnswer created = harness.post(
        QStringLiteral("/v2/jobs/search"), R"({"filter":{"state":"CREATED"},"page":{"limit":1}})");
    QCOMPARE(created.json()
                 .value(QLatin1String("page"))
                 .toObject()
                 .value(QLatin1String("totalItems"))
                 .toInt(),
        998);
    QCOMPARE(created.json()
                 .value(QLatin1String("items"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("jobKey"))
                 .toString(),
        QStringLiteral("2251799813685250"));
}

QTEST_GUILESS_MAIN(tst_SandboxServer)
#include "tst_SandboxServer.moc"
