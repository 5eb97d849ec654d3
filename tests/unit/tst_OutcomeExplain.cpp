// SPDX-License-Identifier: GPL-3.0-or-later
// explain() for every action, with and without what is known about the job and the server.
#include "core/camunda/ApiEndpoints.h"
#include "core/camunda/CompletionRequest.h"
#include "core/camunda/JobActions.h"
#include "core/camunda/OutcomeExplain.h"
#include "core/camunda/Searches.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

Q_DECLARE_METATYPE(JobDesk::ExplainContext)

namespace {

const QString kJob = QStringLiteral("2251799813685249");

QByteArray problem(int status, const char *title, const QString &detail)
{
    const QJsonObject body {{QStringLiteral("type"), QStringLiteral("about:blank")},
        {QStringLiteral("title"), QString::fromUtf8(title)}, {QStringLiteral("status"), status},
        {QStringLiteral("detail"), detail}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray problem(int status, const char *title, const char *detail)
{
    return problem(status, title, QString::fromUtf8(detail));
}

/// The outcome of sending `api` and getting `status` with `body`.
Outcome answered(const ApiRequest &api, int status, const QByteArray &body = {})
{
    Outcome o;
    o.httpStatus = status;
    o.rawBody = body;
    o.problem = ProblemDetails::parse(body);
    o.kind = classifyHttpStatus(status, o.problem);
    o.request.action = api.action;
    o.request.subjectKey = api.subjectKey;
    o.request.method = api.method;
    o.request.url = QUrl(QStringLiteral("https://camunda.example.com/v2/") + api.relativePath);
    o.request.body = api.body;
    return o;
}

JobKey key(const QString &text = kJob)
{
    return *JobKey::parse(text).key;
}

ApiRequest completion(const CompletionRequest::Result &result = {}, const QString &variables = {},
    const QString &leaseToken = {})
{
    CompletionRequest r;
    r.jobKey = key();
    r.variables = VariablesDocument::fromText(variables);
    r.result = result;
    r.leaseToken = leaseToken;
    return r.toApiRequest();
}

ApiRequest denial()
{
    UserTaskResult r;
    r.denied = true;
    return completion(r);
}

ApiRequest adHoc(const QStringList &elements, bool fulfilled = false)
{
    AdHocSubProcessResult r;
    for (const QString &e : elements)
        r.activateElements.append({e, {}});
    r.isCompletionConditionFulfilled = fulfilled;
    return completion(r);
}

ApiRequest fail(const QString &retries, const QString &backOff = {})
{
    FailJobRequest r;
    r.jobKey = key();
    r.retries = retries;
    r.retryBackOffMs = backOff;
    return r.toApiRequest();
}

ApiRequest update(const QString &retries)
{
    UpdateJobRequest r;
    r.jobKey = key();
    r.retries = retries;
    return r.toApiRequest();
}

ApiRequest throwError()
{
    ThrowErrorRequest r;
    r.jobKey = key();
    r.errorCode = QStringLiteral("NO_STOCK");
    return r.toApiRequest();
}

ApiRequest resolve()
{
    ResolveIncidentRequest r;
    r.incidentKey = key(QStringLiteral("2251799813689999"));
    return r.toApiRequest();
}

ApiRequest resolveInstance()
{
    ResolveInstanceIncidentsRequest r;
    r.processInstanceKey = key(QStringLiteral("2251799813690746"));
    return r.toApiRequest();
}

ApiRequest setVariables()
{
    SetVariablesRequest r;
    r.elementInstanceKey = key(QStringLiteral("2251799813686789"));
    r.variables = VariablesDocument::fromText(QStringLiteral("{\"a\":1}"));
    return r.toApiRequest();
}

ApiRequest lookup(LookupRequest::Target target)
{
    LookupRequest r;
    r.target = target;
    r.key = key(QStringLiteral("2251799813683287"));
    return r.toApiRequest();
}

JobRecord job(const char *kind, std::optional<int> retries, const char *state = "FAILED")
{
    JobRecord j;
    j.jobKey = kJob;
    j.kind = QString::fromLatin1(kind);
    j.retries = retries;
    j.state = QString::fromLatin1(state);
    return j;
}

ExplainContext knowing(const JobRecord &j)
{
    ExplainContext c;
    c.job = j;
    return c;
}

ExplainContext server(const char *version)
{
    ExplainContext c;
    c.server = CamundaVersion::parse(QString::fromLatin1(version));
    return c;
}

QString notFoundText(const char *verb, const QString &key)
{
    return QStringLiteral("Command '%1' rejected with code 'NOT_FOUND': Expected to %2 job with "
                          "key '%3', but no such job was found")
        .arg(QString::fromLatin1(verb).toUpper(), QString::fromLatin1(verb), key);
}

} // namespace

class tst_OutcomeExplain final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void explain_data();
    void explain();
    void forbiddenNamesThePermissionOfEveryEndpoint();
    void endpointsAreFound_data();
    void endpointsAreFound();
};

void tst_OutcomeExplain::explain_data()
{
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<ExplainContext>("context");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("nextStep");
    const ExplainContext none;

    // -- completion
    QTest::newRow("denial on a task listener")
        << answered(denial(), 204) << knowing(job("TASK_LISTENER", 1, "CREATED"))
        << QStringLiteral("Completed with a denial") << QStringLiteral("Nothing more to do");
    QTest::newRow("denial on a BPMN job is no denial")
        << answered(denial(), 204) << knowing(job("BPMN_ELEMENT", 3, "CREATED"))
        << QStringLiteral("the denial had no effect: this is a BPMN_ELEMENT job")
        << QStringLiteral("has to be corrected");
    QTest::newRow("ad-hoc activates")
        << answered(adHoc({QStringLiteral("A"), QStringLiteral("B")}), 204) << none
        << QStringLiteral("the ad-hoc sub-process activates A, B")
        << QStringLiteral("activated elements run next");
    QTest::newRow("ad-hoc completes") << answered(adHoc({}, true), 204) << none
                                      << QStringLiteral("completion condition is fulfilled")
                                      << QStringLiteral("continues after the ad-hoc");
    QTest::newRow("ad-hoc unknown elements (404, not 'no such job')")
        << answered(adHoc({QStringLiteral("Nope")}), 404,
               problem(404, "NOT_FOUND",
                   QStringLiteral("Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to "
                                  "activate activities for ad-hoc sub-process with key "
                                  "'2251799813686789', but the given elements [Nope, Gone] do "
                                  "not exist.")))
        << none << QStringLiteral("has no element Nope, Gone")
        << QStringLiteral("ids of the elements inside the ad-hoc sub-process");
    QTest::newRow("ad-hoc activate and fulfil (400)")
        << answered(adHoc({QStringLiteral("A")}, true), 400,
               problem(400, "INVALID_ARGUMENT",
                   QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_ARGUMENT': "
                                  "Expected to complete ad-hoc sub-process job, but the job "
                                  "result contains elements to be activated while the completion "
                                  "condition is fulfilled (job key '1').")))
        << none << QStringLiteral("activates elements and fulfils the completion condition")
        << QStringLiteral("not both");
    const QString failedState = QStringLiteral(
        "Command 'COMPLETE' rejected with code 'INVALID_STATE': Expected to complete job with key "
        "'2251799813685249', but it is in state 'FAILED'");
    QTest::newRow("FAILED, job unknown")
        << answered(completion(), 409, problem(409, "INVALID_STATE", failedState)) << none
        << QStringLiteral("out of retries (an incident is open) or waits for a retry back-off")
        << QStringLiteral("Raise the job's retries and resolve the incident first");
    QTest::newRow("FAILED with retries left: back-off")
        << answered(completion(), 409, problem(409, "INVALID_STATE", failedState))
        << knowing(job("BPMN_ELEMENT", 2))
        << QStringLiteral("still in retry back-off: it failed with 2 retries left")
        << QStringLiteral("Wait until the back-off set by its last failure has passed");
    ExplainContext backOff = knowing(job("BPMN_ELEMENT", 1));
    backOff.backOffUntil = QDateTime(QDate(2025, 6, 30), QTime(17, 5), Qt::UTC);
    QTest::newRow("FAILED in back-off until a known time")
        << answered(completion(), 409, problem(409, "INVALID_STATE", failedState)) << backOff
        << QStringLiteral("wait until 2025-06-30T17:05:00Z")
        << QStringLiteral("Wait until 2025-06-30T17:05:00Z");
    QTest::newRow("FAILED with no retries left")
        << answered(completion(), 409, problem(409, "INVALID_STATE", failedState))
        << knowing(job("BPMN_ELEMENT", 0))
        << QStringLiteral("failed with no retries left: an incident is open")
        << QStringLiteral("Raise the job's retries and resolve the incident first, then complete");
    QTest::newRow("8.10 lease refusal")
        << answered(completion(), 409,
               problem(409, "INVALID_STATE",
                   QStringLiteral("Command 'COMPLETE' rejected with code 'INVALID_STATE': "
                                  "Expected to process job with key '1', but a matching lease "
                                  "token must be provided because the job is currently leased")))
        << none << QStringLiteral("leased by a worker: completing it needs that worker's lease")
        << QStringLiteral("send the lease token");
    QTest::newRow("8.10 stale lease")
        << answered(completion({}, {}, QStringLiteral("old")), 409,
               problem(409, "INVALID_STATE",
                   QStringLiteral("Expected to process job with key '1', but the supplied lease "
                                  "token does not match. The job may have been re-activated by "
                                  "another worker.")))
        << none << QStringLiteral("does not match the job's current lease")
        << QStringLiteral("only the worker holding the current lease");
    QTest::newRow("8.7 refuses result (version known)")
        << answered(denial(), 400,
               problem(400, "Bad Request", QStringLiteral("Something about the body")))
        << server("8.7.2")
        << QStringLiteral("does not know `result`: it exists from Camunda 8.8 on (this server "
                          "reports 8.7.2)")
        << QStringLiteral("Complete without a result");
    QTest::newRow("8.7 refuses result (generic text)") << answered(denial(), 400,
        problem(400, "java.lang.IllegalArgumentException",
            QStringLiteral("Expected to handle REST API request, but JSON property was "
                           "invalid"))) << none << QStringLiteral("does not know `result`")
                                                       << QStringLiteral("Camunda 8.8 or later");
    QTest::newRow("8.9 refuses leaseToken")
        << answered(completion({}, {}, QStringLiteral("t")), 400,
               problem(400, "Bad Request",
                   QStringLiteral("Request property [leaseToken] cannot be parsed")))
        << none << QStringLiteral("does not know `leaseToken`: it exists from Camunda 8.10 on")
        << QStringLiteral("Send it without `leaseToken`");
    QTest::newRow("8.8 server: a bad result field is not a version problem")
        << answered(denial(), 400,
               problem(400, "Bad Request",
                   QStringLiteral("Request property [result.denied] cannot be parsed")))
        << server("8.8.1") << QStringLiteral("request property 'result.denied'")
        << QStringLiteral("Check the result's fields");

    // -- fail, error, update
    QTest::newRow("fail: no such job") << answered(
        fail(QStringLiteral("1")), 404, problem(404, "NOT_FOUND", notFoundText("fail", kJob)))
                                       << none << QStringLiteral("No such job")
                                       << QStringLiteral("Search the job by key");
    QTest::newRow("fail: already failed")
        << answered(fail(QStringLiteral("1")), 409,
               problem(409, "INVALID_STATE",
                   QStringLiteral("Expected to fail job with key '1', but it is in state "
                                  "'FAILED'")))
        << none << QStringLiteral("in state FAILED already") << QStringLiteral("Nothing to fail");
    QTest::newRow("fail to an incident") << answered(fail(QStringLiteral("0")), 204) << none
                                         << QStringLiteral("no retries left: the job is FAILED "
                                                           "and an incident was raised")
                                         << QStringLiteral("raise its retries and resolve");
    QTest::newRow("fail with back-off")
        << answered(fail(QStringLiteral("2"), QStringLiteral("30000")), 204) << none
        << QStringLiteral("2 retries left: a worker can take the job again after the back-off "
                          "of 30000 ms")
        << QStringLiteral("retries it");
    QTest::newRow("error from a listener")
        << answered(throwError(), 409,
               problem(409, "INVALID_STATE",
                   QStringLiteral("Command 'THROW_ERROR' rejected with code 'INVALID_STATE': "
                                  "Cannot throw BPMN error from TASK_LISTENER job with key '1', "
                                  "type 'x' and processInstanceKey '2'")))
        << none << QStringLiteral("A TASK_LISTENER job cannot throw a BPMN error")
        << QStringLiteral("Fail the job instead");
    QTest::newRow("error without code (400)")
        << answered(throwError(), 400, problem(400, "INVALID_ARGUMENT", "No errorCode provided."))
        << none << QStringLiteral("needs an error code")
        << QStringLiteral("error code of the BPMN error");
    QTest::newRow("error thrown") << answered(throwError(), 204) << none
                                  << QStringLiteral("The BPMN error \"NO_STOCK\" was thrown")
                                  << QStringLiteral("which of the two happened");
    QTest::newRow("update: no retries below 1")
        << answered(update(QStringLiteral("1")), 400,
               problem(400, "INVALID_ARGUMENT",
                   QStringLiteral("Expected to update retries for job with key '1' with a "
                                  "positive amount of retries, but the amount given was '0'")))
        << none << QStringLiteral("cannot set the retries below 1")
        << QStringLiteral("fail it instead");
    QTest::newRow("update: empty changeset")
        << answered(update(QStringLiteral("1")), 400,
               problem(400, "INVALID_ARGUMENT", "At least one of [retries, timeout] is required."))
        << none << QStringLiteral("changes nothing") << QStringLiteral("Give retries");
    QTest::newRow("update: no such job")
        << answered(update(QStringLiteral("1")), 404,
               problem(404, "NOT_FOUND", notFoundText("update", QStringLiteral("123"))))
        << none << QStringLiteral("No such job") << QStringLiteral("Search the job by key");
    QTest::newRow("updated") << answered(update(QStringLiteral("3")), 204) << none
                             << QStringLiteral("set the job's retries to 3")
                             << QStringLiteral("resolve it now");

    // -- incidents and variables
    QTest::newRow("resolve: no retries left") << answered(resolve(), 409,
        problem(409, "INVALID_STATE",
            QStringLiteral("Command 'RESOLVE' rejected with code 'INVALID_STATE': Expected "
                           "to resolve incident with key '2251799813689999', but job with "
                           "key '2251799813685249' has no retries left. Please update the "
                           "job retries and retry resolving the incident")))
                                              << none << QStringLiteral("no retries left")
                                              << QStringLiteral("Raise the job's retries first");
    QTest::newRow("resolve: already resolved")
        << answered(resolve(), 404,
               problem(404, "NOT_FOUND",
                   QStringLiteral("Command 'RESOLVE' rejected with code 'NOT_FOUND': Expected to "
                                  "resolve incident with key '2251799813689999', but no such "
                                  "incident was found")))
        << none << QStringLiteral("No such incident: it was already resolved")
        << QStringLiteral("whether one is still active");
    QTest::newRow("resolved") << answered(resolve(), 204) << none
                              << QStringLiteral("the incident is closed")
                              << QStringLiteral("complete the job by hand");
    QTest::newRow("instance resolution accepted")
        << answered(resolveInstance(), 200,
               R"({"batchOperationKey":"1","batchOperationType":"RESOLVE_INCIDENT"})")
        << none << QStringLiteral("every incident of process instance 2251799813690746")
        << QStringLiteral("Follow the batch operation");
    QTest::newRow("instance resolution: no such instance")
        << answered(resolveInstance(), 404, problem(404, "NOT_FOUND", QStringLiteral("gone")))
        << none << QStringLiteral("No such process instance")
        << QStringLiteral("processInstanceKey");
    QTest::newRow("set variables: scope gone")
        << answered(setVariables(), 404,
               problem(404, "NOT_FOUND",
                   QStringLiteral("Command 'UPDATE' rejected with code 'NOT_FOUND': Expected to "
                                  "update variables for element with key '2251799813686789', "
                                  "but no such element was found")))
        << none << QStringLiteral("No such element instance: the scope has finished")
        << QStringLiteral("still active");
    QTest::newRow("variables set")
        << answered(setVariables(), 204) << none << QStringLiteral("set on scope 2251799813686789")
        << QStringLiteral("resolve the incident now");
    QTest::newRow("variable lookup 404")
        << answered(lookup(LookupRequest::Target::Variable), 404,
               problem(404, "NOT_FOUND", QStringLiteral("Variable with key '1' not found")))
        << none << QStringLiteral("No such variable") << QStringLiteral("Search the variables");
    QTest::newRow("element lookup 404")
        << answered(lookup(LookupRequest::Target::ElementInstance), 404,
               problem(404, "NOT_FOUND", QStringLiteral("not found")))
        << none << QStringLiteral("look again") << QStringLiteral("element instance");
    QTest::newRow("lookup timeout changes nothing") <<
        [] {
            Outcome o = answered(lookup(LookupRequest::Target::Incident), 504,
                problem(504, "DEADLINE_EXCEEDED", QStringLiteral("timed out")));
            return o;
        }() << none << QStringLiteral("the request may or may not")
                                                    << QStringLiteral("reading changes nothing");
    QTest::newRow("fail timed out") << answered(fail(QStringLiteral("1")), 504,
        problem(504, "DEADLINE_EXCEEDED", QStringLiteral("timed out")))
                                    << none << QStringLiteral("the failure may or may not")
                                    << QStringLiteral("Check the job before retrying");
}

void tst_OutcomeExplain::explain()
{
    QFETCH(Outcome, outcome);
    QFETCH(ExplainContext, context);
    QFETCH(QString, summary);
    QFETCH(QString, nextStep);
    const Explanation e = JobDesk::explain(outcome, context);
    QVERIFY2(e.summary.contains(summary),
        qPrintable(e.summary + QStringLiteral("  <- missing: ") + summary));
    QVERIFY2(e.nextStep.contains(nextStep),
        qPrintable(e.nextStep + QStringLiteral("  <- missing: ") + nextStep));
}

void tst_OutcomeExplain::forbiddenNamesThePermissionOfEveryEndpoint()
{
    const QByteArray bare = problem(403, "FORBIDDEN", QStringLiteral("Forbidden"));
    struct Row
    {
        ApiRequest api;
        QString permission;
    };
    SearchRequest search;
    BatchOperationRequest batch;
    batch.kind = BatchOperationRequest::Kind::ResolveIncidents;
    batch.filter.exact(QStringLiteral("hasIncident"), QStringLiteral("true"));
    BatchOperationRequest cancel;
    cancel.kind = BatchOperationRequest::Kind::Cancel;
    cancel.batchOperationKey = QStringLiteral("1");
    const QString write = QStringLiteral("PROCESS_DEFINITION:UPDATE_PROCESS_INSTANCE");
    const QString read = QStringLiteral("PROCESS_DEFINITION:READ_PROCESS_INSTANCE");
    const Row rows[] = {
        {completion(), write},
        {fail(QStringLiteral("1")), write},
        {throwError(), write},
        {update(QStringLiteral("1")), write},
        {resolve(), write},
        {resolveInstance(), write},
        {setVariables(), write},
        {search.toApiRequest(), read},
        {lookup(LookupRequest::Target::ProcessInstance), read},
        {batch.toApiRequest(),
            QStringLiteral("BATCH:CREATE or BATCH:CREATE_BATCH_OPERATION_RESOLVE_INCIDENT")},
        {cancel.toApiRequest(), QStringLiteral("BATCH:UPDATE")},
    };
    for (const Row &row : rows) {
        const Explanation e = JobDesk::explain(answered(row.api, 403, bare));
        QVERIFY2(e.summary.contains(QStringLiteral("needs the permission ") + row.permission),
            qPrintable(row.api.relativePath + QStringLiteral(": ") + e.summary));
        QVERIFY2(e.nextStep.contains(row.permission), qPrintable(e.nextStep));
    }
    // When the server names the permission, its words win, and the action is named too.
    const Explanation named = JobDesk::explain(answered(completion(), 403,
        problem(403, "FORBIDDEN",
            QStringLiteral("Command 'COMPLETE' rejected with code 'FORBIDDEN': Insufficient "
                           "permissions to perform operation 'UPDATE_PROCESS_INSTANCE' on "
                           "resource 'PROCESS_DEFINITION', required resource identifiers are "
                           "one of '[*, invoice]'"))));
    QVERIFY2(named.summary.contains(QLatin1String("lack the permission UPDATE_PROCESS_INSTANCE on "
                                                  "PROCESS_DEFINITION, which completing a job "
                                                  "needs")),
        qPrintable(named.summary));
    // Endpoints that need no permission: something else refused.
    const Explanation topology
        = JobDesk::explain(answered(lookup(LookupRequest::Target::Variable), 403, bare));
    QVERIFY(topology.summary.contains(QLatin1String("READ_PROCESS_INSTANCE")));
    LookupRequest me;
    me.target = LookupRequest::Target::AuthenticationMe;
    QVERIFY(JobDesk::explain(answered(me.toApiRequest(), 403, bare))
                .summary.contains(QLatin1String("any signed-in client")));
}

void tst_OutcomeExplain::endpointsAreFound_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("doing");
    QTest::newRow("completion") << QByteArray("POST")
                                << QStringLiteral("/camunda/v2/jobs/1/completion")
                                << QStringLiteral("completing a job");
    QTest::newRow("update") << QByteArray("PATCH") << QStringLiteral("jobs/1")
                            << QStringLiteral("updating a job");
    QTest::newRow("search is not a key") << QByteArray("POST") << QStringLiteral("/v2/jobs/search")
                                         << QStringLiteral("searching jobs");
    QTest::newRow("query ignored")
        << QByteArray("POST") << QStringLiteral("/v2/variables/search?truncateValues=false")
        << QStringLiteral("searching variables");
    QTest::newRow("batch by filter")
        << QByteArray("POST") << QStringLiteral("/v2/process-instances/incident-resolution")
        << QStringLiteral("starting a batch incident resolution");
    QTest::newRow("instance resolution")
        << QByteArray("POST") << QStringLiteral("/v2/process-instances/5/incident-resolution")
        << QStringLiteral("resolving the incidents of a process instance");
    QTest::newRow("unknown") << QByteArray("DELETE") << QStringLiteral("/v2/jobs/1") << QString();
    QTest::newRow("elsewhere") << QByteArray("POST") << QStringLiteral("/v2/jobs/1/completion/x")
                               << QString();
}

void tst_OutcomeExplain::endpointsAreFound()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, doing);
    const ApiEndpoint *endpoint = findApiEndpoint(method, path);
    QCOMPARE(endpoint ? endpoint->doing : QString(), doing);
}

QTEST_GUILESS_MAIN(tst_OutcomeExplain)
#include "tst_OutcomeExplain.moc"
