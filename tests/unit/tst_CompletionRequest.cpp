// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/CompletionRequest.h"
#include "core/json/Json.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

Q_DECLARE_METATYPE(JobDesk::CompletionRequest::Result)

namespace {

CompletionRequest request(const QString &variables, const CompletionRequest::Result &result = {},
    const QString &key = QStringLiteral("2251799813685249"))
{
    CompletionRequest r;
    if (auto parsed = JobKey::parse(key).key)
        r.jobKey = *parsed;
    r.variables = VariablesDocument::fromText(variables);
    r.result = result;
    return r;
}

UserTaskResult denial(const QString &reason = {})
{
    UserTaskResult r;
    r.denied = true;
    r.deniedReason = reason;
    return r;
}

UserTaskResult corrected(const UserTaskCorrections &c)
{
    UserTaskResult r;
    r.corrections = c;
    return r;
}

} // namespace

class tst_CompletionRequest final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void relativePath();
    void body_data();
    void body();
    void validationError_data();
    void validationError();
    void rfc3339_data();
    void rfc3339();
    void correctionsEquality();
    void leaseTokenAndBusinessId();
    void featuresFollowWhatIsSet();
    void toApiRequest();
    void fromBodyRoundTrip_data();
    void fromBodyRoundTrip();
    void fromBodyRefuses_data();
    void fromBodyRefuses();
    void fromBodyReadsOlderResults();
};

void tst_CompletionRequest::relativePath()
{
    QCOMPARE(request({}, {}, QStringLiteral(" '0009007199254741009' ")).relativePath(),
        QStringLiteral("jobs/9007199254741009/completion"));
}

void tst_CompletionRequest::body_data()
{
    QTest::addColumn<QString>("variables");
    QTest::addColumn<CompletionRequest::Result>("result");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("hasResult");

    const CompletionRequest::Result none;
    QTest::newRow("nothing") << QString() << none << QByteArray("{}") << false;
    QTest::newRow("blank variables") << QStringLiteral(" \n ") << none << QByteArray("{}") << false;
    QTest::newRow("variables as typed")
        << QStringLiteral("{\"b\": 2, \"a\" :1}") << none
        << QByteArray("{\"variables\":{\"b\": 2, \"a\" :1}}") << false;
    QTest::newRow("trimmed, layout and big integer kept")
        << QStringLiteral("  {\n \"id\": 12345678901234567890123456789012345678901\n}\n") << none
        << QByteArray("{\"variables\":{\n \"id\": 12345678901234567890123456789012345678901\n}}")
        << false;
    QTest::newRow("unicode as UTF-8")
        << QStringLiteral("{\"name\":\"Grüße 😀\",\"e\":\"\\u00e9\"}") << none
        << QByteArray("{\"variables\":{\"name\":\"Gr\xC3\xBC\xC3\x9F"
                      "e \xF0\x9F\x98\x80\",\"e\":\"\\u00e9\"}}")
        << false;
    QTest::newRow("empty variables object")
        << QStringLiteral("{}") << none << QByteArray("{\"variables\":{}}") << false;
    QTest::newRow("empty user task result")
        << QString() << CompletionRequest::Result(UserTaskResult {}) << QByteArray("{}") << false;
    QTest::newRow("denied") << QString() << CompletionRequest::Result(denial())
                            << QByteArray("{\"result\":{\"type\":\"userTask\",\"denied\":true}}")
                            << true;
    QTest::newRow("denied with reason escaped")
        << QString()
        << CompletionRequest::Result(
               denial(QStringLiteral("Missing \"approval\"\nsee C:\\tickets\t") + QChar(1)))
        << QByteArray(
               "{\"result\":{\"type\":\"userTask\",\"denied\":true,"
               "\"deniedReason\":\"Missing \\\"approval\\\"\\nsee C:\\\\tickets\\t\\u0001\"}}")
        << true;
    QTest::newRow("denied with unicode reason")
        << QString() << CompletionRequest::Result(denial(QStringLiteral("Prüfung fehlt ✋")))
        << QByteArray("{\"result\":{\"type\":\"userTask\",\"denied\":true,"
                      "\"deniedReason\":\"Pr\xC3\xBC"
                      "fung fehlt \xE2\x9C\x8B\"}}")
        << true;
    QTest::newRow("variables and denial")
        << QStringLiteral("{\"a\":1}") << CompletionRequest::Result(denial())
        << QByteArray(
               "{\"variables\":{\"a\":1},\"result\":{\"type\":\"userTask\",\"denied\":true}}")
        << true;

    UserTaskCorrections all;
    all.assignee = QString();
    all.dueDate = QStringLiteral("2025-06-30T17:00:00Z");
    all.followUpDate = QString();
    all.candidateUsers = QStringList {QStringLiteral("u1"), QStringLiteral("u\"2")};
    all.candidateGroups = QStringList {};
    all.priority = 80;
    QTest::newRow("every correction, empty ones clear")
        << QString() << CompletionRequest::Result(corrected(all))
        << QByteArray("{\"result\":{\"type\":\"userTask\",\"corrections\":{\"assignee\":\"\","
                      "\"dueDate\":\"2025-06-30T17:00:00Z\","
                      "\"followUpDate\":\"\",\"candidateUsers\":[\"u1\",\"u\\\"2\"],"
                      "\"candidateGroups\":[],\"priority\":80}}}")
        << true;
    UserTaskCorrections one;
    one.priority = 0;
    QTest::newRow("priority zero is sent")
        << QString() << CompletionRequest::Result(corrected(one))
        << QByteArray("{\"result\":{\"type\":\"userTask\",\"corrections\":{\"priority\":0}}}")
        << true;
    UserTaskCorrections assignee;
    assignee.assignee = QStringLiteral("jane.doe");
    QTest::newRow("assignee with variables")
        << QStringLiteral("{\"ok\":true}") << CompletionRequest::Result(corrected(assignee))
        << QByteArray("{\"variables\":{\"ok\":true},\"result\":{\"type\":\"userTask\","
                      "\"corrections\":{\"assignee\":\"jane.doe\"}}}")
        << true;

    AdHocSubProcessResult adHoc;
    adHoc.activateElements
        = {AdHocActivateElement {QStringLiteral("ReviewTask"), QByteArray(" {\"x\": 1} ")},
            AdHocActivateElement {QStringLiteral("Notify"), QByteArray()}};
    adHoc.isCancelRemainingInstances = true;
    QTest::newRow("ad-hoc sub-process")
        << QString() << CompletionRequest::Result(adHoc)
        << QByteArray("{\"result\":{\"type\":\"adHocSubProcess\",\"activateElements\":[{"
                      "\"elementId\":\"ReviewTask\",\"variables\":{\"x\": 1}},"
                      "{\"elementId\":\"Notify\"}],\"isCancelRemainingInstances\":true}}")
        << true;
    AdHocSubProcessResult finish;
    finish.isCompletionConditionFulfilled = true;
    finish.isCancelRemainingInstances = true;
    QTest::newRow("ad-hoc completion condition fulfilled")
        << QString() << CompletionRequest::Result(finish)
        << QByteArray("{\"result\":{\"type\":\"adHocSubProcess\","
                      "\"isCompletionConditionFulfilled\":true,"
                      "\"isCancelRemainingInstances\":true}}")
        << true;
    AdHocSubProcessResult flagOnly;
    flagOnly.isCompletionConditionFulfilled = true;
    QTest::newRow("ad-hoc flag only")
        << QStringLiteral("{\"a\":[1]}") << CompletionRequest::Result(flagOnly)
        << QByteArray("{\"variables\":{\"a\":[1]},\"result\":{\"type\":\"adHocSubProcess\","
                      "\"isCompletionConditionFulfilled\":true}}")
        << true;
    QTest::newRow("empty ad-hoc result")
        << QString() << CompletionRequest::Result(AdHocSubProcessResult {}) << QByteArray("{}")
        << false;
}

void tst_CompletionRequest::body()
{
    QFETCH(QString, variables);
    QFETCH(CompletionRequest::Result, result);
    QFETCH(QByteArray, body);
    QFETCH(bool, hasResult);
    const CompletionRequest r = request(variables, result);
    QVERIFY2(r.validationError().isEmpty(), qPrintable(r.validationError()));
    QCOMPARE(r.body(), body);
    QCOMPARE(r.hasResult(), hasResult);
    // Every body is one valid JSON object without duplicate keys.
    const Json::ScanResult scanned = Json::scan(QString::fromUtf8(r.body()));
    QVERIFY(scanned.ok());
    QCOMPARE(scanned.rootKind, Json::ValueKind::Object);
    QVERIFY(scanned.duplicates.isEmpty());
}

void tst_CompletionRequest::validationError_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<CompletionRequest::Result>("result");
    QTest::addColumn<QString>("mustContain"); // empty: valid

    const QString key = QStringLiteral("2251799813685249");
    const CompletionRequest::Result none;
    QTest::newRow("valid plain") << key << QStringLiteral("{\"a\":1}") << none << QString();
    QTest::newRow("no key") << QString() << QString() << none << QStringLiteral("valid job key");
    QTest::newRow("rounded key") << QStringLiteral("2.2517998136852E+15") << QString() << none
                                 << QStringLiteral("valid job key");
    QTest::newRow("broken variables")
        << key << QStringLiteral("{\"a\":1,}") << none
        << QStringLiteral("line 1, column 7: trailing comma before '}'");
    QTest::newRow("array variables")
        << key << QStringLiteral("[1]") << none << QStringLiteral("got an array");
    QTest::newRow("duplicate variables")
        << key << QStringLiteral("{\"a\":1,\"a\":2}") << none << QStringLiteral("duplicate key a");

    UserTaskResult reasonOnly;
    reasonOnly.deniedReason = QStringLiteral("why");
    QTest::newRow("reason without denial")
        << key << QString() << CompletionRequest::Result(reasonOnly)
        << QStringLiteral("deny reason is only sent with a denial");
    QTest::newRow("denial with reason")
        << key << QString() << CompletionRequest::Result(denial(QStringLiteral("why")))
        << QString();

    for (int priority : {-1, 0, 50, 100, 101}) {
        UserTaskCorrections c;
        c.priority = priority;
        QTest::addRow("priority %d", priority)
            << key << QString() << CompletionRequest::Result(corrected(c))
            << (priority < 0 || priority > 100
                       ? QStringLiteral("between 0 and 100; got %1").arg(priority)
                       : QString());
    }

    UserTaskCorrections c;
    c.assignee = QStringLiteral("jane");
    UserTaskResult deniedCorrected = corrected(c);
    deniedCorrected.denied = true;
    QTest::newRow("denial with corrections")
        << key << QString() << CompletionRequest::Result(deniedCorrected)
        << QStringLiteral("cannot carry corrections");

    const QList<QPair<QString, bool>> dates {
        {QStringLiteral("2025-06-30T17:00:00Z"), true},
        {QStringLiteral("2024-02-29T23:59:59.123+05:30"), true},
        {QStringLiteral("2025-06-30t17:00:00z"), true},
        {QString(), true}, // clears the date
        {QStringLiteral("2025-06-31T10:00:00Z"), false},
        {QStringLiteral("2025-06-30 17:00:00Z"), false},
        {QStringLiteral("2025-06-30T17:00:00"), false},
        {QStringLiteral("tomorrow"), false},
    };
    for (const auto &[date, ok] : dates) {
        UserTaskCorrections due;
        due.dueDate = date;
        QTest::addRow("due date '%s'", qPrintable(date))
            << key << QString() << CompletionRequest::Result(corrected(due))
            << (ok ? QString()
                   : QStringLiteral("The due date \"%1\" is not an RFC 3339 date-time").arg(date));
    }
    UserTaskCorrections followUp;
    followUp.followUpDate = QStringLiteral("2023-02-29T00:00:00Z");
    QTest::newRow("follow-up on a non-leap day")
        << key << QString() << CompletionRequest::Result(corrected(followUp))
        << QStringLiteral("The follow-up date \"2023-02-29T00:00:00Z\"");

    AdHocSubProcessResult noId;
    noId.activateElements = {AdHocActivateElement {QStringLiteral("A"), {}},
        AdHocActivateElement {QStringLiteral("  "), {}}};
    QTest::newRow("ad-hoc element without id")
        << key << QString() << CompletionRequest::Result(noId)
        << QStringLiteral("Ad-hoc element 2 to activate has no element id");
    AdHocSubProcessResult badVars;
    badVars.activateElements = {AdHocActivateElement {QStringLiteral("A"), QByteArray("[1, 2]")}};
    QTest::newRow("ad-hoc variables not an object")
        << key << QString() << CompletionRequest::Result(badVars)
        << QStringLiteral("The variables of ad-hoc element \"A\" are not a valid JSON object: "
                          "line 1, column 1: variables must be a JSON object");
    AdHocSubProcessResult goodVars;
    goodVars.activateElements
        = {AdHocActivateElement {QStringLiteral("A"), QByteArray("{\"x\":1}")}};
    QTest::newRow("ad-hoc valid") << key << QStringLiteral("{}")
                                  << CompletionRequest::Result(goodVars) << QString();
    // The engine refuses elements to activate together with a fulfilled completion condition
    // (400); the two flags alone, or elements alone, are fine.
    AdHocSubProcessResult both = goodVars;
    both.isCompletionConditionFulfilled = true;
    QTest::newRow("ad-hoc activate while condition fulfilled")
        << key << QString() << CompletionRequest::Result(both)
        << QStringLiteral("cannot activate elements while its completion condition is "
                          "fulfilled");
    AdHocSubProcessResult cancelOnly;
    cancelOnly.isCancelRemainingInstances = true;
    QTest::newRow("ad-hoc cancel remaining only")
        << key << QString() << CompletionRequest::Result(cancelOnly) << QString();
}

void tst_CompletionRequest::validationError()
{
    QFETCH(QString, key);
    QFETCH(QString, variables);
    QFETCH(CompletionRequest::Result, result);
    QFETCH(QString, mustContain);
    const QString error = request(variables, result, key).validationError();
    if (mustContain.isEmpty()) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
    } else {
        QVERIFY2(error.contains(mustContain), qPrintable(error));
    }
}

void tst_CompletionRequest::rfc3339_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("utc") << QStringLiteral("2025-01-01T00:00:00Z") << true;
    QTest::newRow("offset") << QStringLiteral("2025-12-31T23:59:59-12:00") << true;
    QTest::newRow("fraction") << QStringLiteral("2025-01-01T00:00:00.000000001Z") << true;
    QTest::newRow("leap day 2000") << QStringLiteral("2000-02-29T12:00:00Z") << true;
    QTest::newRow("no leap day 1900") << QStringLiteral("1900-02-29T12:00:00Z") << false;
    QTest::newRow("month 13") << QStringLiteral("2025-13-01T00:00:00Z") << false;
    QTest::newRow("day 0") << QStringLiteral("2025-01-00T00:00:00Z") << false;
    QTest::newRow("hour 24") << QStringLiteral("2025-01-01T24:00:00Z") << false;
    QTest::newRow("minute 60") << QStringLiteral("2025-01-01T23:60:00Z") << false;
    QTest::newRow("empty fraction") << QStringLiteral("2025-01-01T00:00:00.Z") << false;
    QTest::newRow("short offset") << QStringLiteral("2025-01-01T00:00:00+0200") << false;
    QTest::newRow("offset hour 24") << QStringLiteral("2025-01-01T00:00:00+24:00") << false;
    QTest::newRow("date only") << QStringLiteral("2025-01-01") << false;
    QTest::newRow("trailing text") << QStringLiteral("2025-01-01T00:00:00Zx") << false;
    QTest::newRow("full-width digits") << QStringLiteral("２025-01-01T00:00:00Z") << false;
}

void tst_CompletionRequest::rfc3339()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(isRfc3339DateTime(text), valid);
}

void tst_CompletionRequest::correctionsEquality()
{
    UserTaskCorrections a;
    UserTaskCorrections b;
    QVERIFY(a == b);
    QVERIFY(a.isEmpty());
    a.candidateGroups = QStringList {};
    QVERIFY(!(a == b));
    QVERIFY(!a.isEmpty()); // an empty list clears the groups: it is something to send
    b.candidateGroups = QStringList {};
    QVERIFY(a == b);
}

void tst_CompletionRequest::leaseTokenAndBusinessId()
{
    CompletionRequest r = request(QStringLiteral("{\"a\":1}"));
    r.leaseToken = QStringLiteral("lease-\"7\"");
    r.businessId = QStringLiteral("order-4711");
    QVERIFY2(r.validationError().isEmpty(), qPrintable(r.validationError()));
    // Top-level members of JobCompletionRequest in the 8.10 spec, sent only when set.
    QCOMPARE(r.body(),
        QByteArray("{\"variables\":{\"a\":1},\"leaseToken\":\"lease-\\\"7\\\"\","
                   "\"businessId\":\"order-4711\"}"));
    r.businessId = QString(257, QLatin1Char('x'));
    QVERIFY(r.validationError().contains(QLatin1String("businessId must be 1 to 256")));
    r.businessId = QStringLiteral("   ");
    QVERIFY(r.validationError().contains(QLatin1String("businessId")));
    r.businessId.clear();
    r.leaseToken = QStringLiteral("  ");
    QVERIFY(r.validationError().contains(QLatin1String("leaseToken")));
}

void tst_CompletionRequest::featuresFollowWhatIsSet()
{
    CompletionRequest r = request(QStringLiteral("{\"a\":1}"));
    QVERIFY(r.features().isEmpty());
    r.result = denial();
    QCOMPARE(r.features(), QList<ApiFeature> {ApiFeature::CompletionResult});
    r.leaseToken = QStringLiteral("t");
    r.businessId = QStringLiteral("b");
    QCOMPARE(r.features(),
        (QList<ApiFeature> {
            ApiFeature::CompletionResult, ApiFeature::LeaseToken, ApiFeature::BusinessId}));
    // An empty result is not sent, so an 8.7 server is fine with it.
    r.result = UserTaskResult {};
    r.leaseToken.clear();
    r.businessId.clear();
    QVERIFY(r.features().isEmpty());
    QVERIFY(r.toApiRequest().versionProblem(CamundaVersion::parse(u"8.7.2")).isEmpty());
    r.result = denial();
    QCOMPARE(r.toApiRequest().versionProblem(CamundaVersion::parse(u"8.7.2")),
        QStringLiteral("`result` needs Camunda 8.8 or later; this server reports 8.7.2."));
}

void tst_CompletionRequest::toApiRequest()
{
    CompletionRequest r = request(QStringLiteral("{\"n\":12345678901234567890}"), denial(),
        QStringLiteral("9007199254741009"));
    const ApiRequest api = r.toApiRequest();
    QCOMPARE(api.action, ActionKind::Complete);
    QCOMPARE(api.method, QByteArray("POST"));
    QCOMPARE(api.relativePath, QStringLiteral("jobs/9007199254741009/completion"));
    QCOMPARE(api.subjectKey, QStringLiteral("9007199254741009"));
    QCOMPARE(api.body, r.body());
    QVERIFY(api.changesState());
}

void tst_CompletionRequest::fromBodyRoundTrip_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("variables exactly") << QByteArray(
        "{\"variables\":{\"id\": 123456789012345678901234567890, \"b\":\"\\u00e9\"}}");
    QTest::newRow("denial with reason")
        << QByteArray("{\"result\":{\"type\":\"userTask\",\"denied\":true,"
                      "\"deniedReason\":\"no \\\"PO\\\"\"}}");
    QTest::newRow("corrections that clear")
        << QByteArray("{\"result\":{\"type\":\"userTask\",\"corrections\":{\"assignee\":\"\","
                      "\"dueDate\":\"2025-06-30T17:00:00Z\",\"candidateUsers\":[],"
                      "\"candidateGroups\":[\"g\"],\"priority\":0}}}");
    QTest::newRow("ad-hoc with element variables")
        << QByteArray("{\"variables\":{\"a\":1},\"result\":{\"type\":\"adHocSubProcess\","
                      "\"activateElements\":[{\"elementId\":\"A\",\"variables\":{\"big\":"
                      "98765432109876543210987654321}},{\"elementId\":\"B\"}],"
                      "\"isCancelRemainingInstances\":true}}");
    QTest::newRow("ad-hoc condition fulfilled")
        << QByteArray("{\"result\":{\"type\":\"adHocSubProcess\","
                      "\"isCompletionConditionFulfilled\":true}}");
    QTest::newRow("8.10 fields") << QByteArray(
        "{\"variables\":{},\"leaseToken\":\"abc\",\"businessId\":\"order-1\"}");
}

void tst_CompletionRequest::fromBodyRoundTrip()
{
    QFETCH(QByteArray, body);
    const JobKey key = *JobKey::parse(u"2251799813685249").key;
    const CompletionRequest::ParseResult parsed = CompletionRequest::fromBody(body, key);
    QVERIFY2(parsed.request, qPrintable(parsed.error));
    QCOMPARE(parsed.request->jobKey, key);
    QCOMPARE(parsed.request->body(), body);
}

void tst_CompletionRequest::fromBodyRefuses_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mustContain");
    QTest::newRow("not json") << QByteArray("{\"variables\":") << QStringLiteral("not valid JSON");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("an array, not a JSON object");
    QTest::newRow("unknown member")
        << QByteArray("{\"variable\":{}}") << QStringLiteral("member \"variable\"");
    QTest::newRow("unknown result type") << QByteArray("{\"result\":{\"type\":\"decision\"}}")
                                         << QStringLiteral("result type \"decision\"");
    QTest::newRow("unknown ad-hoc member")
        << QByteArray("{\"result\":{\"type\":\"adHocSubProcess\",\"activate\":[]}}")
        << QStringLiteral("member \"activate\"");
    QTest::newRow("unknown correction")
        << QByteArray("{\"result\":{\"corrections\":{\"name\":\"x\"}}}")
        << QStringLiteral("member \"name\"");
    QTest::newRow("denied not a boolean")
        << QByteArray("{\"result\":{\"denied\":\"yes\"}}") << QStringLiteral("true or false");
    QTest::newRow("element variables as text")
        << QByteArray("{\"result\":{\"type\":\"adHocSubProcess\",\"activateElements\":[{"
                      "\"elementId\":\"A\",\"variables\":\"{}\"}]}}")
        << QStringLiteral("must be a JSON object");
    QTest::newRow("variables an array")
        << QByteArray("{\"variables\":[1]}") << QStringLiteral("must be a JSON object");
}

void tst_CompletionRequest::fromBodyRefuses()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, mustContain);
    const CompletionRequest::ParseResult parsed = CompletionRequest::fromBody(body);
    QVERIFY(!parsed.request);
    QVERIFY2(parsed.error.contains(mustContain), qPrintable(parsed.error));
}

void tst_CompletionRequest::fromBodyReadsOlderResults()
{
    // Without `type` (older bodies and templates) the members say which result it is.
    const auto task = CompletionRequest::fromBody(QByteArray("{\"result\":{\"denied\":true}}"));
    QVERIFY(task.request);
    QVERIFY(std::get<UserTaskResult>(task.request->result).denied);
    const auto adHoc = CompletionRequest::fromBody(
        QByteArray("{\"result\":{\"activateElements\":[{\"elementId\":\"X\"}]}}"));
    QVERIFY(adHoc.request);
    QCOMPARE(std::get<AdHocSubProcessResult>(adHoc.request->result).activateElements.size(), 1);
    const auto empty = CompletionRequest::fromBody(QByteArray(" "));
    QVERIFY(empty.request);
    QCOMPARE(empty.request->body(), QByteArray("{}"));
}

QTEST_GUILESS_MAIN(tst_CompletionRequest)
#include "tst_CompletionRequest.moc"
