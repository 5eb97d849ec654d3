// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's REST gateway: routing, request validation as the real gateway words it, and the
// job lifecycle as the engine has it (complete, fail with and without back-off, throw error,
// update, activation, incident resolution, variables on a scope), with the real texts.
#include "tst_SandboxGateway.h"

#include <QStandardPaths>

using namespace JobDesk::Sandbox;

class tst_SandboxRestGateway final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void completionThenNotFound();
    void rejections_data();
    void rejections();
    void routing_data();
    void routing();
    void deniedOnOrdinaryJobIsIgnored();
    void taskListenerDenial();
    void correctionChecks_data();
    void correctionChecks();
    void adHocRefusals();
    void adHocCompletion();
    void failWithoutRetriesRaisesIncident();
    void failWithBackOff();
    void throwErrorUncaughtAndCaught();
    void repairFailedJob();
    void updateChecks();
    void activation();
    void activationValidation_data();
    void activationValidation();
    void setVariables();
    void failureVariablesAreLocal();
    void forbiddenJob();
    void lookups();
    void authenticationMe();

private:
    static qint64 keyOf(
        GatewayHarness &h, JobKind kind, ListenerEventType listener, JobState state);
};

qint64 tst_SandboxRestGateway::keyOf(
    GatewayHarness &h, JobKind kind, ListenerEventType listener, JobState state)
{
    const Job *job = h.job([&](const Job &j) {
        return j.kind == kind && j.listenerEventType == listener && j.state == state && !j.forbidden
            && j.deadlineMs == 0;
    });
    return job ? job->key : 0;
}

void tst_SandboxRestGateway::completionThenNotFound()
{
    GatewayHarness h;
    QVERIFY(h.loaded);
    const qint64 key = 2251799823685402;
    const GatewayAnswer done = h.post(completion(key), R"({"variables":{"paid":true}})");
    QCOMPARE(done.status, 204);
    QVERIFY(done.applied);
    const GatewayAnswer again = h.post(completion(key), R"({"variables":{"paid":true}})");
    QCOMPARE(again.status, 404);
    QVERIFY(!again.applied);
    QCOMPARE(again.title(), QStringLiteral("NOT_FOUND"));
    QCOMPARE(again.detail(),
        QStringLiteral("Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete "
                       "job with key '%1', but no such job was found")
            .arg(key));
    QCOMPARE(again.json().value(QLatin1String("instance")).toString(), completion(key));
    const GatewayAnswer found = h.search(
        QStringLiteral("jobs"), filterBody(QStringLiteral("jobKey"), QString::number(key)));
    QCOMPARE(found.item().value(QLatin1String("state")).toString(), QStringLiteral("COMPLETED"));
    QVERIFY(found.item().value(QLatin1String("endTime")).isString());
}

void tst_SandboxRestGateway::rejections_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("detail"); // the detail, or its start when it ends with "…"

    GatewayHarness h;
    const qint64 ordinary = 2251799823685402;
    const qint64 failed = 2251799823685597;
    const qint64 thrown = 6755399441146874;
    const qint64 completing = 6755399441146877;
    const qint64 creating = 6755399441146886;
    const qint64 activated = 2251799823685731;
    const QByteArray post = QByteArrayLiteral("POST");
    const QByteArray patch = QByteArrayLiteral("PATCH");
    const QString bad = QStringLiteral("Bad Request");
    const QString invalid = QStringLiteral("INVALID_ARGUMENT");
    const QString job = QStringLiteral("/v2/jobs/%1");

    QTest::newRow("unknown property")
        << post << completion(ordinary) << QByteArray(R"({"unexpectedField":123})") << 400 << bad
        << QStringLiteral("Request property [unexpectedField] cannot be parsed");
    QTest::newRow("variables a string")
        << post << completion(ordinary) << QByteArray(R"({"variables":"foo"})") << 400 << bad
        << QStringLiteral("Request property [variables] cannot be parsed");
    QTest::newRow("invalid JSON") << post << completion(ordinary) << QByteArray(R"({"variables":)")
                                  << 400 << bad << QStringLiteral("Failed to read request");
    QTest::newRow("non-numeric key")
        << post << QStringLiteral("/v2/jobs/abc/completion") << QByteArray() << 400 << bad
        << QStringLiteral("Failed to convert 'jobKey' with value: 'abc'");
    QTest::newRow("lease token before 8.10")
        << post << completion(ordinary) << QByteArray(R"({"leaseToken":"x"})") << 400 << bad
        << QStringLiteral("Request property [leaseToken] cannot be parsed");
    QTest::newRow("unknown result type")
        << post << completion(ordinary) << QByteArray(R"({"result":{"type":"robot"}})") << 400
        << bad
        << QStringLiteral("Cannot map value 'robot' for type 'result'. Use any of the following "
                          "values: [userTask, adHocSubProcess]");
    QTest::newRow("unknown correction")
        << post << completion(completing)
        << QByteArray(R"({"result":{"type":"userTask","corrections":{"colour":"red"}}})") << 400
        << bad << QStringLiteral("Request property [result.corrections.colour] cannot be parsed");
    QTest::newRow("listener with variables")
        << post << completion(completing) << QByteArray(R"({"variables":{"a":1}})") << 400
        << invalid
        << QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_ARGUMENT': Task Listener "
                          "job completion with variables payload provided is not yet supported "
                          "(job key '%1', type 'refund-four-eyes-check', processInstanceKey "
                          "'6755399441146854'). Support will be enabled with the resolution of "
                          "issue #23702.\n")
               .arg(completing);
    QTest::newRow("deny on CREATING")
        << post << completion(creating) << QByteArray(R"({"result":{"denied":true}})") << 400
        << invalid
        << QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_ARGUMENT': Denying "
                          "result is not supported for 'CREATING' task listener jobs…");
    QTest::newRow("deny with corrections")
        << post << completion(completing)
        << QByteArray(R"({"result":{"denied":true,"corrections":{"assignee":"bob"}}})") << 400
        << invalid
        << QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_ARGUMENT': Expected to "
                          "complete task listener job with corrections, but the job result is "
                          "denied…");
    QTest::newRow("FAILED") << post << completion(failed) << QByteArray("{}") << 409
                            << QStringLiteral("INVALID_STATE")
                            << QStringLiteral("Command 'COMPLETE' rejected with code "
                                              "'INVALID_STATE': Expected to complete job with key "
                                              "'%1', but it is in state 'FAILED'")
                                   .arg(failed);
    QTest::newRow("ERROR_THROWN") << post << completion(thrown) << QByteArray() << 409
                                  << QStringLiteral("INVALID_STATE")
                                  << QStringLiteral("Command 'COMPLETE' rejected with code "
                                                    "'INVALID_STATE': Expected to complete job "
                                                    "with key '%1', but it is in state "
                                                    "'ERROR_THROWN'")
                                         .arg(thrown);
    QTest::newRow("unknown key") << post << completion(JobStore::GeneratedBase + 77) << QByteArray()
                                 << 404 << QStringLiteral("NOT_FOUND")
                                 << QStringLiteral("Command 'COMPLETE' rejected with code "
                                                   "'NOT_FOUND'…");
    QTest::newRow("no such partition")
        << post << completion(123) << QByteArray() << 503 << QStringLiteral("UNAVAILABLE")
        << QStringLiteral("Expected to handle request, but request could not be delivered");
    QTest::newRow("error without body")
        << post << QStringLiteral("/v2/jobs/%1/error").arg(ordinary) << QByteArray() << 400 << bad
        << QStringLiteral("Required request body is missing");
    QTest::newRow("error without code") << post << QStringLiteral("/v2/jobs/%1/error").arg(ordinary)
                                        << QByteArray(R"({"errorCode":"   "})") << 400 << invalid
                                        << QStringLiteral("No errorCode provided.");
    QTest::newRow("update without body") << patch << job.arg(ordinary) << QByteArray() << 400 << bad
                                         << QStringLiteral("Required request body is missing");
    QTest::newRow("empty changeset")
        << patch << job.arg(ordinary) << QByteArray(R"({"changeset":{}})") << 400 << invalid
        << QStringLiteral("At least one of [retries, timeout] is required.");
    QTest::newRow("unknown changeset member")
        << patch << job.arg(ordinary) << QByteArray(R"({"changeset":{"retries":2,"colour":1}})")
        << 400 << bad << QStringLiteral("Request property [changeset.colour] cannot be parsed");
    QTest::newRow("priority before 8.10")
        << patch << job.arg(ordinary) << QByteArray(R"({"changeset":{"priority":5}})") << 400 << bad
        << QStringLiteral("Request property [changeset.priority] cannot be parsed");
    QTest::newRow("negative retries")
        << patch << job.arg(ordinary) << QByteArray(R"({"changeset":{"retries":-1}})") << 400
        << invalid
        << QStringLiteral("Command 'UPDATE' rejected with code 'INVALID_ARGUMENT': Expected to "
                          "update retries for job with key '%1' with a positive amount of "
                          "retries, but the amount given was '-1'")
               .arg(ordinary);
    QTest::newRow("timeout of a job not active")
        << patch << job.arg(ordinary) << QByteArray(R"({"changeset":{"timeout":1000}})") << 400
        << invalid
        << QStringLiteral("Command 'UPDATE' rejected with code 'INVALID_ARGUMENT': Expected to "
                          "update the timeout of job with key '%1', but it is not active")
               .arg(ordinary);
    QTest::newRow("retries and timeout both wrong")
        << patch << job.arg(ordinary) << QByteArray(R"({"changeset":{"retries":0,"timeout":1}})")
        << 400 << invalid
        << QStringLiteral("Command 'UPDATE' rejected with code 'INVALID_ARGUMENT': Expected to "
                          "update retries for job with key '%1' with a positive amount of "
                          "retries, but the amount given was '0', Expected to update the "
                          "timeout of job with key '%1', but it is not active")
               .arg(ordinary);
    QTest::newRow("update a completed job")
        << patch << job.arg(4503599627423090) << QByteArray(R"({"changeset":{"retries":1}})") << 404
        << QStringLiteral("NOT_FOUND")
        << QStringLiteral("Command 'UPDATE' rejected with code 'NOT_FOUND': Expected to update "
                          "job with key '4503599627423090', but no such job was found");
    QTest::newRow("unknown incident")
        << post << QStringLiteral("/v2/incidents/%1/resolution").arg(JobStore::GeneratedBase + 5)
        << QByteArray() << 404 << QStringLiteral("NOT_FOUND")
        << QStringLiteral("Command 'RESOLVE' rejected with code 'NOT_FOUND': Expected to resolve "
                          "incident with key '%1', but no such incident was found")
               .arg(JobStore::GeneratedBase + 5);
    QTest::newRow("leased job is fine before 8.10")
        << post << completion(activated) << QByteArray() << 204 << QString() << QString();
}

void tst_SandboxRestGateway::rejections()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, title);
    QFETCH(QString, detail);

    GatewayHarness h;
    const GatewayAnswer answer = h.send(method, path, body);
    QCOMPARE(answer.status, status);
    if (status == 204)
        return;
    QCOMPARE(answer.title(), title);
    QCOMPARE(answer.json().value(QLatin1String("status")).toInt(), status);
    QCOMPARE(answer.json().value(QLatin1String("type")).toString(), QStringLiteral("about:blank"));
    QCOMPARE(answer.json().value(QLatin1String("instance")).toString(), path);
    if (detail.endsWith(QChar(0x2026)))
        QVERIFY2(answer.detail().startsWith(detail.chopped(1)), qPrintable(answer.detail()));
    else
        QCOMPARE(answer.detail(), detail);
}

void tst_SandboxRestGateway::routing_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::newRow("unknown route") << QByteArray("GET") << QStringLiteral("/v2/nothing-here") << 404
                                   << QStringLiteral("No static resource v2/nothing-here.");
    QTest::newRow("wrong method") << QByteArray("GET")
                                  << QStringLiteral("/v2/jobs/2251799823685402/completion") << 405
                                  << QStringLiteral("Method 'GET' is not supported.");
    QTest::newRow("search is not a key") << QByteArray("GET") << QStringLiteral("/v2/jobs/search")
                                         << 405 << QStringLiteral("Method 'GET' is not supported.");
    QTest::newRow("status") << QByteArray("GET") << QStringLiteral("/v2/status") << 204
                            << QString();
}

void tst_SandboxRestGateway::routing()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QString, detail);
    GatewayHarness h;
    const GatewayAnswer answer = h.send(method, path);
    QCOMPARE(answer.status, status);
    QCOMPARE(answer.detail(), detail);
}

void tst_SandboxRestGateway::deniedOnOrdinaryJobIsIgnored()
{
    GatewayHarness h;
    const qint64 key = 2251799823685402;
    QCOMPARE(
        h.post(completion(key), R"({"result":{"type":"userTask","denied":true}})").status, 204);
    QCOMPARE(h.post(completion(key), "{}").status, 404);
}

void tst_SandboxRestGateway::taskListenerDenial()
{
    GatewayHarness h;
    const qint64 key = 6755399441146877;
    QCOMPARE(h.post(completion(key),
                  R"({"result":{"type":"userTask","denied":true,"deniedReason":"four-eyes rule"}})")
                 .status,
        204);
    const QJsonObject item = h.search(QStringLiteral("jobs"),
                                  filterBody(QStringLiteral("jobKey"), QString::number(key)))
                                 .item();
    QCOMPARE(item.value(QLatin1String("isDenied")).toBool(), true);
    QCOMPARE(
        item.value(QLatin1String("deniedReason")).toString(), QStringLiteral("four-eyes rule"));
    // The user task stays: its element instance is still active.
    const GatewayAnswer element = h.get(QStringLiteral("/v2/element-instances/6755399441146876"));
    QCOMPARE(element.json().value(QLatin1String("state")).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(element.json().value(QLatin1String("type")).toString(), QStringLiteral("USER_TASK"));
}

void tst_SandboxRestGateway::correctionChecks_data()
{
    QTest::addColumn<QByteArray>("corrections");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::newRow("priority 101") << QByteArray(R"({"priority":101})") << 400
                                  << "The value for priority is '101' but must be within the "
                                     "[0,100] range.";
    QTest::newRow("priority -1") << QByteArray(R"({"priority":-1})") << 400
                                 << "The value for priority is '-1' but must be within the "
                                    "[0,100] range.";
    QTest::newRow("priority 100") << QByteArray(R"({"priority":100})") << 204 << "";
    QTest::newRow("date tomorrow")
        << QByteArray(R"({"dueDate":"tomorrow"})") << 400
        << "The provided due date 'tomorrow' cannot be parsed as a date according to RFC 3339, "
           "section 5.6.";
    QTest::newRow("date without offset")
        << QByteArray(R"({"followUpDate":"2026-12-01T10:00:00"})") << 400
        << "The provided follow-up date '2026-12-01T10:00:00' cannot be parsed as a date "
           "according to RFC 3339, section 5.6.";
    QTest::newRow("two problems")
        << QByteArray(R"({"dueDate":"soon","priority":200})") << 400
        << "The provided due date 'soon' cannot be parsed as a date according to RFC 3339, "
           "section 5.6. The value for priority is '200' but must be within the [0,100] range.";
    QTest::newRow("rfc 3339") << QByteArray(R"({"dueDate":"2026-12-01T10:00:00.5+01:00"})") << 204
                              << "";
    QTest::newRow("empty clears") << QByteArray(R"({"dueDate":"","followUpDate":""})") << 204 << "";
    QTest::newRow("priority a fraction") << QByteArray(R"({"priority":1.5})") << 400
                                         << "Request property [result.corrections.priority] "
                                            "cannot be parsed";
}

void tst_SandboxRestGateway::correctionChecks()
{
    QFETCH(QByteArray, corrections);
    QFETCH(int, status);
    QFETCH(QString, detail);
    GatewayHarness h;
    const GatewayAnswer answer = h.post(completion(6755399441146877),
        R"({"result":{"type":"userTask","corrections":)" + corrections + "}}");
    QCOMPARE(answer.status, status);
    if (status != 204)
        QCOMPARE(answer.detail(), detail);
}

void tst_SandboxRestGateway::adHocRefusals()
{
    GatewayHarness h;
    const qint64 active
        = 2251799823685613; // elements lookup-order, issue-refund, escalate-to-human
    const qint64 inactive = 2251799823685741;
    GatewayAnswer a = h.post(completion(active),
        R"({"result":{"type":"adHocSubProcess","activateElements":[{"elementId":"lookup-order"},{"elementId":"fly-to-moon"},{"elementId":"dance"}]}})");
    QCOMPARE(a.status, 404);
    QCOMPARE(a.title(), QStringLiteral("NOT_FOUND"));
    QCOMPARE(a.detail(),
        QStringLiteral("Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to activate "
                       "activities for ad-hoc sub-process with key '2251799823685612', but the "
                       "given elements [fly-to-moon, dance] do not exist."));
    a = h.post(completion(active),
        R"({"result":{"type":"adHocSubProcess","activateElements":[{"elementId":"lookup-order"}],"isCompletionConditionFulfilled":true}})");
    QCOMPARE(a.status, 400);
    QCOMPARE(a.title(), QStringLiteral("INVALID_ARGUMENT"));
    QCOMPARE(a.detail(),
        QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_ARGUMENT': Expected to "
                       "complete ad-hoc sub-process job, but the job result contains elements to "
                       "be activated while the completion condition is fulfilled (job key "
                       "'2251799823685612'). When the completion condition is fulfilled, no "
                       "further element activations are allowed. Either remove the elements to "
                       "be activated from the job result, or set the completion condition to not "
                       "fulfilled.\n"));
    a = h.post(completion(inactive), R"({"result":{"type":"adHocSubProcess"}})");
    QCOMPARE(a.status, 409);
    QCOMPARE(a.title(), QStringLiteral("INVALID_STATE"));
    QCOMPARE(a.detail(),
        QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_STATE':   Expected to "
                       "complete ad-hoc sub-process job, but the ad-hoc sub-process instance is "
                       "not active (job key '2251799823685741', type 'support-agent', "
                       "processInstanceKey '2251799823685798')\n"));
    // Unknown elements are told before the inactive sub-process.
    a = h.post(completion(inactive),
        R"({"result":{"type":"adHocSubProcess","activateElements":[{"elementId":"nope"}]}})");
    QCOMPARE(a.status, 404);
}

void tst_SandboxRestGateway::adHocCompletion()
{
    GatewayHarness h;
    const qint64 key = 2251799823685613;
    QCOMPARE(
        h.post(completion(key),
             R"({"variables":{"toolResult":"refund issued"},"result":{"type":"adHocSubProcess","activateElements":[{"elementId":"issue-refund","variables":{"amount":10}}],"isCompletionConditionFulfilled":false}})")
            .status,
        204);
    GatewayAnswer element = h.get(QStringLiteral("/v2/element-instances/2251799823685612"));
    QCOMPARE(element.json().value(QLatin1String("type")).toString(),
        QStringLiteral("AD_HOC_SUB_PROCESS"));
    QCOMPARE(element.json().value(QLatin1String("state")).toString(), QStringLiteral("ACTIVE"));
    // The job's variables went into the ad-hoc sub-process's scope? No: merged upwards from it
    // into the instance, where no local variable of that name exists.
    const GatewayAnswer vars = h.search(QStringLiteral("variables"),
        R"({"filter":{"name":"toolResult","processInstanceKey":"2251799823685589"}})");
    QCOMPARE(vars.items().size(), 1);
    QCOMPARE(
        vars.item().value(QLatin1String("value")).toString(), QStringLiteral("\"refund issued\""));
}

void tst_SandboxRestGateway::failWithoutRetriesRaisesIncident()
{
    GatewayHarness h;
    const qint64 key = 2251799823685442;
    GatewayAnswer a = h.post(QStringLiteral("/v2/jobs/%1/failure").arg(key),
        R"({"retries":0,"errorMessage":"gateway timeout"})");
    QCOMPARE(a.status, 204);
    const Job *job = h.cluster.jobs().find(key);
    QCOMPARE(job->state, JobState::Failed);
    QVERIFY(job->incidentKey > 0);
    const GatewayAnswer incident = h.get(QStringLiteral("/v2/incidents/%1").arg(job->incidentKey));
    QCOMPARE(incident.status, 200);
    QCOMPARE(incident.json().value(QLatin1String("errorType")).toString(),
        QStringLiteral("JOB_NO_RETRIES"));
    QCOMPARE(incident.json().value(QLatin1String("errorMessage")).toString(),
        QStringLiteral("gateway timeout"));
    QCOMPARE(incident.json().value(QLatin1String("state")).toString(), QStringLiteral("ACTIVE"));
    a = h.post(completion(key));
    QCOMPARE(a.status, 409);
    QVERIFY(a.detail().endsWith(QLatin1String("but it is in state 'FAILED'")));
    // An execution listener's job gets an incident of its own type.
    h.post(QStringLiteral("/v2/jobs/2251799823685701/failure"), "{}");
    const Job *listener = h.cluster.jobs().find(2251799823685701);
    QCOMPARE(h.cluster.jobs().incident(listener->incidentKey)->type,
        IncidentType::ExecutionListenerNoRetries);
    QCOMPARE(h.cluster.jobs().incident(listener->incidentKey)->errorMessage,
        QStringLiteral("No more retries left."));
}

void tst_SandboxRestGateway::failWithBackOff()
{
    GatewayHarness h;
    const qint64 key = 2251799823685442;
    QCOMPARE(h.post(QStringLiteral("/v2/jobs/%1/failure").arg(key),
                  R"({"retries":2,"retryBackOff":60000,"errorMessage":"try later"})")
                 .status,
        204);
    const GatewayAnswer during = h.post(completion(key));
    QCOMPARE(during.status, 409);
    QCOMPARE(during.detail(),
        QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_STATE': Expected to "
                       "complete job with key '%1', but it is in state 'FAILED'")
            .arg(key));
    QCOMPARE(h.cluster.jobs().find(key)->incidentKey, 0);
    QVERIFY(h.cluster.jobs().find(key)->hasFailedWithRetriesLeft);
    h.nowMs += 60'001;
    QCOMPARE(h.post(completion(key)).status, 204);
}

void tst_SandboxRestGateway::throwErrorUncaughtAndCaught()
{
    GatewayHarness h;
    const qint64 key = 2251799823685451;
    QCOMPARE(
        h.post(QStringLiteral("/v2/jobs/%1/error").arg(key),
             R"({"errorCode":"ADDRESS_UNKNOWN","errorMessage":"no such street","variables":{"hint":"x"}})")
            .status,
        204);
    const Job *job = h.cluster.jobs().find(key);
    QCOMPARE(job->state, JobState::ErrorThrown);
    const Incident *incident = h.cluster.jobs().incident(job->incidentKey);
    QVERIFY(incident);
    QCOMPARE(incident->type, IncidentType::UnhandledErrorEvent);
    QCOMPARE(incident->errorMessage,
        QStringLiteral("Expected to throw an error event with the code 'ADDRESS_UNKNOWN' with "
                       "message 'no such street', but it was not caught. No error events are "
                       "available in the scope."));
    GatewayAnswer a = h.post(QStringLiteral("/v2/jobs/%1/failure").arg(key), "{}");
    QCOMPARE(a.status, 409);
    QVERIFY(a.detail().startsWith(QLatin1String(
        "Command 'FAIL' rejected with code 'INVALID_STATE': Expected to fail job with key")));
    QVERIFY(a.detail().endsWith(QLatin1String("but it is in state 'ERROR_THROWN'")));

    // A job whose boundary event catches the code: no incident, the task is over.
    const qint64 caught = 4503599627423141;
    QCOMPARE(h.post(QStringLiteral("/v2/jobs/%1/error").arg(caught),
                  R"({"errorCode":"ADDRESS_UNKNOWN","variables":{"reason":"unknown"}})")
                 .status,
        204);
    QCOMPARE(h.cluster.jobs().find(caught)->incidentKey, 0);
    QCOMPARE(h.post(completion(caught)).status, 404);
    const GatewayAnswer vars = h.search(QStringLiteral("variables"),
        R"({"filter":{"name":"reason","scopeKey":"4503599627423198"}})");
    QCOMPARE(vars.items().size(), 1);
}

void tst_SandboxRestGateway::repairFailedJob()
{
    GatewayHarness h;
    const qint64 key = 2251799823685597;
    Job *job = h.cluster.jobs().find(key);
    const qint64 incident = job->incidentKey;
    QVERIFY(incident > 0);
    QCOMPARE(job->retries, 0);

    // Resolving first is refused: the job has no retries left.
    GatewayAnswer a = h.post(QStringLiteral("/v2/incidents/%1/resolution").arg(incident));
    QCOMPARE(a.status, 409);
    QCOMPARE(a.detail(),
        QStringLiteral("Command 'RESOLVE' rejected with code 'INVALID_STATE': Expected to resolve "
                       "incident with key '%1', but job with key '%2' has no retries left. Please "
                       "update the job retries and retry resolving the incident")
            .arg(incident)
            .arg(key));
    a = h.send("PATCH", QStringLiteral("/v2/jobs/%1").arg(key),
        R"({"changeset":{"retries":3},"operationReference":42})");
    QCOMPARE(a.status, 204);
    QCOMPARE(job->state, JobState::RetriesUpdated);
    QCOMPARE(h.post(completion(key)).status, 409); // the incident is still open
    a = h.post(
        QStringLiteral("/v2/incidents/%1/resolution").arg(incident), R"({"operationReference":7})");
    QCOMPARE(a.status, 204);
    QVERIFY(a.applied);
    // Activatable again: a worker gets it, and it can be completed.
    const GatewayAnswer activated = h.post(QStringLiteral("/v2/jobs/activation"),
        R"({"type":"payment-service","worker":"w","timeout":60000,"maxJobsToActivate":100})");
    bool found = false;
    for (const QJsonValue &j : activated.json().value(QLatin1String("jobs")).toArray())
        found = found
            || j.toObject().value(QLatin1String("jobKey")).toString() == QString::number(key);
    QVERIFY(found);
    QCOMPARE(h.post(completion(key), R"({"variables":{"retried":true}})").status, 204);
    QCOMPARE(job->state, JobState::Completed);
    QCOMPARE(h.post(QStringLiteral("/v2/incidents/%1/resolution").arg(incident)).status, 404);
    const GatewayAnswer resolved = h.get(QStringLiteral("/v2/incidents/%1").arg(incident));
    QCOMPARE(resolved.json().value(QLatin1String("state")).toString(), QStringLiteral("RESOLVED"));
}

void tst_SandboxRestGateway::updateChecks()
{
    GatewayHarness h;
    const qint64 activated = 2251799823685731; // activated by payment-worker-7f9c
    Job *job = h.cluster.jobs().find(activated);
    QCOMPARE(h.send("PATCH", QStringLiteral("/v2/jobs/%1").arg(activated),
                  R"({"changeset":{"timeout":5000}})")
                 .status,
        204);
    QCOMPARE(job->deadlineMs, h.nowMs + 5000);
    QCOMPARE(job->state, JobState::Created); // 8.8/8.9 keep the state on a timeout update
    h.nowMs += 6000; // the deadline passed: the job is activatable, its timeout not updatable
    QCOMPARE(h.send("PATCH", QStringLiteral("/v2/jobs/%1").arg(activated),
                  R"({"changeset":{"timeout":5000}})")
                 .status,
        400);
    QCOMPARE(h.send("PATCH", QStringLiteral("/v2/jobs/%1").arg(activated),
                  R"({"changeset":{"retries":5,"timeout":null}})")
                 .status,
        204);
    QCOMPARE(job->retries, 5);
    QCOMPARE(h.send("PATCH", QStringLiteral("/v2/jobs/%1").arg(activated),
                  R"({"changeset":{"retries":"5"}})")
                 .detail(),
        QStringLiteral("Request property [changeset.retries] cannot be parsed"));
}

void tst_SandboxRestGateway::activation()
{
    GatewayHarness h;
    const GatewayAnswer a = h.post(QStringLiteral("/v2/jobs/activation"),
        R"({"type":"send-invoice-email","worker":"inv-7","timeout":30000,"maxJobsToActivate":2,"fetchVariable":["orderId","amount"]})");
    QCOMPARE(a.status, 200);
    const QJsonArray jobs = a.json().value(QLatin1String("jobs")).toArray();
    QCOMPARE(jobs.size(), 2);
    const QJsonObject first = jobs.at(0).toObject();
    QCOMPARE(first.value(QLatin1String("worker")).toString(), QStringLiteral("inv-7"));
    QCOMPARE(qint64(first.value(QLatin1String("deadline")).toDouble()), h.nowMs + 30000);
    QCOMPARE(first.value(QLatin1String("variables")).toObject().keys(),
        (QStringList {QStringLiteral("amount"), QStringLiteral("orderId")}));
    QVERIFY(first.value(QLatin1String("jobKey")).isString());
    const qint64 key = first.value(QLatin1String("jobKey")).toString().toLongLong();
    QCOMPARE(
        h.cluster.jobs().engineState(*h.cluster.jobs().find(key), h.nowMs), EngineState::Activated);
    // The timeout of an activated job can be updated.
    QCOMPARE(
        h.send("PATCH", QStringLiteral("/v2/jobs/%1").arg(key), R"({"changeset":{"timeout":1000}})")
            .status,
        204);
    // Variables come back digit for digit.
    const GatewayAnswer big = h.send("PUT",
        QStringLiteral("/v2/element-instances/%1/variables")
            .arg(first.value(QLatin1String("processInstanceKey")).toString()),
        R"({"variables":{"amount":123456789012345678901234567890}})");
    QCOMPARE(big.status, 204);
    h.nowMs += 10'000'000;
    const GatewayAnswer again = h.post(QStringLiteral("/v2/jobs/activation"),
        QStringLiteral(
            R"({"type":"send-invoice-email","timeout":1000,"maxJobsToActivate":100,"fetchVariable":["amount"]})")
            .toUtf8());
    QVERIFY(again.body.contains(R"("variables":{"amount":123456789012345678901234567890})"));
    // Nothing of that type: an empty list at once.
    const GatewayAnswer none = h.post(QStringLiteral("/v2/jobs/activation"),
        R"({"type":"no-such-type","timeout":1000,"maxJobsToActivate":1})");
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json().value(QLatin1String("jobs")).toArray().size(), 0);
}

void tst_SandboxRestGateway::activationValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("detail");
    QTest::newRow("nothing") << QByteArray("{}")
                             << "No type provided. No timeout provided. No maxJobsToActivate "
                                "provided.";
    QTest::newRow("zero timeout") << QByteArray(R"({"type":"a","timeout":0,"maxJobsToActivate":1})")
                                  << "The value for timeout is '0' but must be greater than 0.";
    QTest::newRow("zero max")
        << QByteArray(R"({"type":"a","timeout":500,"maxJobsToActivate":0})")
        << "The value for maxJobsToActivate is '500' but must be greater than 0.";
    QTest::newRow("tenant") << QByteArray(
        R"({"type":"a","timeout":5,"maxJobsToActivate":1,"tenantIds":["unauthorizedTenant"]})")
                            << "Expected to handle request Activate Jobs with tenant identifier "
                               "'unauthorizedTenant', but multi-tenancy is disabled";
    QTest::newRow("tenants") << QByteArray(
        R"({"type":"a","timeout":5,"maxJobsToActivate":1,"tenantIds":["tenantId","<default>"]})")
                             << "Expected to handle request Activate Jobs with tenant identifiers "
                                "[tenantId, <default>], but multi-tenancy is disabled";
    QTest::newRow("unknown member")
        << QByteArray(R"({"type":"a","timeout":5,"maxJobsToActivate":1,"withLease":true})")
        << "Request property [withLease] cannot be parsed";
}

void tst_SandboxRestGateway::activationValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, detail);
    GatewayHarness h;
    const GatewayAnswer a = h.post(QStringLiteral("/v2/jobs/activation"), body);
    QCOMPARE(a.status, 400);
    QCOMPARE(a.detail(), detail);
}

void tst_SandboxRestGateway::setVariables()
{
    GatewayHarness h;
    const qint64 instance = 2251799823685394;
    const qint64 element = 2251799823685401; // has the local variable "attempt"
    const QString path = QStringLiteral("/v2/element-instances/%1/variables");
    GatewayAnswer a = h.send("PUT", path.arg(element), R"({"variables":{"attempt":2,"note":"x"}})");
    QCOMPARE(a.status, 204);
    // Not local: "attempt" exists on the element and is updated there, "note" goes up.
    const auto scopeOf = [&](const QString &name) {
        return h
            .search(QStringLiteral("variables"),
                QStringLiteral(R"({"filter":{"name":"%1","processInstanceKey":"%2"}})")
                    .arg(name)
                    .arg(instance)
                    .toUtf8())
            .item()
            .value(QLatin1String("scopeKey"))
            .toString();
    };
    QCOMPARE(scopeOf(QStringLiteral("attempt")), QString::number(element));
    QCOMPARE(scopeOf(QStringLiteral("note")), QString::number(instance));
    a = h.send("PUT", path.arg(element), R"({"variables":{"orderId":"local copy"},"local":true})");
    QCOMPARE(a.status, 204);
    const GatewayAnswer both = h.search(QStringLiteral("variables"),
        QStringLiteral(R"({"filter":{"name":"orderId","processInstanceKey":"%1"}})")
            .arg(instance)
            .toUtf8());
    QCOMPARE(both.items().size(), 2);

    a = h.send("PUT", path.arg(element), R"({"variables":{}})");
    QCOMPARE(a.status, 400);
    QCOMPARE(a.detail(), QStringLiteral("No variables provided."));
    a = h.send("PUT", path.arg(2251799813685249), R"({"variables":{"a":1}})");
    QCOMPARE(a.status, 404);
    QCOMPARE(a.detail(),
        QStringLiteral("Command 'UPDATE' rejected with code 'NOT_FOUND': Expected to update "
                       "variables for element with key '2251799813685249', but no such element "
                       "was found"));
    // A completed service task's element instance is gone.
    h.post(completion(2251799823685402));
    QCOMPARE(h.send("PUT", path.arg(element), R"({"variables":{"a":1}})").status, 404);
}

void tst_SandboxRestGateway::failureVariablesAreLocal()
{
    GatewayHarness h;
    QCOMPARE(h.post(QStringLiteral("/v2/jobs/2251799823685465/failure"),
                  R"({"retries":1,"variables":{"lastError":"timeout"}})")
                 .status,
        204);
    const Job *job = h.cluster.jobs().find(2251799823685465);
    const GatewayAnswer vars = h.search(QStringLiteral("variables"),
        filterBody(QStringLiteral("name"), QStringLiteral("lastError")));
    QCOMPARE(vars.items().size(), 1);
    QCOMPARE(vars.item().value(QLatin1String("scopeKey")).toString(),
        QString::number(job->elementInstanceKey));
}

void tst_SandboxRestGateway::forbiddenJob()
{
    GatewayHarness h;
    const qint64 key = 6755399441146931;
    const GatewayAnswer a = h.post(completion(key));
    QCOMPARE(a.status, 403);
    QCOMPARE(a.title(), QStringLiteral("FORBIDDEN"));
    QCOMPARE(a.detail(),
        QStringLiteral("Command 'COMPLETE' rejected with code 'FORBIDDEN': Insufficient "
                       "permissions to perform operation 'UPDATE_PROCESS_INSTANCE' on resource "
                       "'PROCESS_DEFINITION', required resource identifiers are one of '[*, "
                       "payroll-run]'"));
    QCOMPARE(
        h.send("PATCH", QStringLiteral("/v2/jobs/%1").arg(key), R"({"changeset":{"retries":1}})")
            .title(),
        QStringLiteral("FORBIDDEN"));
    // Reading is allowed: the job is in search.
    QCOMPARE(
        h.search(QStringLiteral("jobs"), filterBody(QStringLiteral("jobKey"), QString::number(key)))
            .items()
            .size(),
        1);
    // The dice of --forbidden-rate answer the same.
    h.gateway.setForbiddenDice([]() { return true; });
    QCOMPARE(h.post(completion(2251799823685402)).status, 403);
}

void tst_SandboxRestGateway::lookups()
{
    GatewayHarness h;
    const GatewayAnswer instance = h.get(QStringLiteral("/v2/process-instances/2251799823685572"));
    QCOMPARE(instance.status, 200);
    const QJsonObject pi = instance.json();
    QCOMPARE(pi.value(QLatin1String("state")).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(pi.value(QLatin1String("hasIncident")).toBool(), true);
    QCOMPARE(pi.value(QLatin1String("processDefinitionId")).toString(),
        QStringLiteral("order-fulfilment"));
    QCOMPARE(pi.value(QLatin1String("processDefinitionName")).toString(),
        QStringLiteral("Order fulfilment"));
    QCOMPARE(pi.value(QLatin1String("processDefinitionVersion")).toInt(), 3);
    const GatewayAnswer asElement = h.get(QStringLiteral("/v2/element-instances/2251799823685572"));
    QCOMPARE(asElement.json().value(QLatin1String("type")).toString(), QStringLiteral("PROCESS"));
    const GatewayAnswer element = h.get(QStringLiteral("/v2/element-instances/2251799823685596"));
    QCOMPARE(element.json().value(QLatin1String("hasIncident")).toBool(), true);
    QVERIFY(element.json().value(QLatin1String("incidentKey")).isString());
    QCOMPARE(h.get(QStringLiteral("/v2/process-instances/2251799813685249")).status, 404);
    QCOMPARE(h.get(QStringLiteral("/v2/process-instances/2251799813685249")).detail(),
        QStringLiteral("Process instance with key '2251799813685249' not found"));
    QCOMPARE(h.get(QStringLiteral("/v2/variables/1")).status, 404);
    QCOMPARE(h.get(QStringLiteral("/v2/variables/abc")).detail(),
        QStringLiteral("Failed to convert 'variableKey' with value: 'abc'"));
    const QString key = h.search(QStringLiteral("variables"),
                             filterBody(QStringLiteral("name"), QStringLiteral("customerNumber")))
                            .item()
                            .value(QLatin1String("variableKey"))
                            .toString();
    const GatewayAnswer variable = h.get(QStringLiteral("/v2/variables/%1").arg(key));
    QCOMPARE(variable.status, 200);
    QVERIFY(variable.body.contains(R"("value":"123456789012345678901234567890")"));
    // Completing every job of an instance ends it.
    h.post(completion(4503599627423111));
    const GatewayAnswer over = h.get(QStringLiteral("/v2/process-instances/4503599627423192"));
    QCOMPARE(over.json().value(QLatin1String("state")).toString(), QStringLiteral("COMPLETED"));
    QVERIFY(over.json().value(QLatin1String("endDate")).isString());
}

void tst_SandboxRestGateway::authenticationMe()
{
    GatewayHarness h;
    GatewayAnswer a = h.get(QStringLiteral("/v2/authentication/me"));
    QCOMPARE(a.status, 401); // an unprotected API knows nobody
    QVERIFY(a.body.isEmpty());
    a = h.send("GET", QStringLiteral("/v2/authentication/me"), {}, {}, QStringLiteral("demo"));
    QCOMPARE(a.status, 200);
    QCOMPARE(a.json().value(QLatin1String("username")).toString(), QStringLiteral("demo"));
    QCOMPARE(a.json().value(QLatin1String("canLogout")).toBool(), true);
}

QTEST_GUILESS_MAIN(tst_SandboxRestGateway)
#include "tst_SandboxRestGateway.moc"
