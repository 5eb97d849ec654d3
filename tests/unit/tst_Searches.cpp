// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/Searches.h"
#include "core/json/Json.h"

#include <QStandardPaths>
#include <QTest>

#include <functional>

using namespace JobDesk;

using SearchBuilder = std::function<SearchRequest()>;
Q_DECLARE_METATYPE(SearchBuilder)
Q_DECLARE_METATYPE(JobDesk::ApiFeature)

namespace {

SearchRequest jobs(const std::function<void(SearchFilter &)> &filter)
{
    SearchRequest r;
    r.target = SearchTarget::Jobs;
    filter(r.filter);
    return r;
}

JobKey key(const char *text)
{
    return JobKey::parse(QString::fromLatin1(text)).key.value_or(JobKey());
}

} // namespace

class tst_Searches final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void bodies_data();
    void bodies();
    void refused_data();
    void refused();
    void features_data();
    void features();
    void every88JobFilterFieldIsKnown();
    void chunkedKeyLookups();
    void paging();
    void lookups();
    void batchOperations();
};

void tst_Searches::bodies_data()
{
    QTest::addColumn<SearchBuilder>("builder");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("empty job search") << SearchBuilder([] { return SearchRequest {}; })
                                      << QStringLiteral("jobs/search") << QByteArray("{}");
    QTest::newRow("typed exact values") << SearchBuilder([] {
        return jobs([](SearchFilter &f) {
            f.exact(QStringLiteral("type"), QStringLiteral("payment"))
                .exact(QStringLiteral("retries"), QStringLiteral("3"))
                .exact(
                    QStringLiteral("processInstanceKey"), QStringLiteral(" 9223372036854775807 "))
                .exact(QStringLiteral("hasFailedWithRetriesLeft"), QStringLiteral("true"))
                .exact(QStringLiteral("state"), QStringLiteral("FAILED"));
        });
    }) << QStringLiteral("jobs/search")
                                        << QByteArray("{\"filter\":{\"type\":\"payment\","
                                                      "\"retries\":3,\"processInstanceKey\":"
                                                      "\"9223372036854775807\","
                                                      "\"hasFailedWithRetriesLeft\":true,"
                                                      "\"state\":\"FAILED\"}}");
    QTest::newRow("advanced operators combine") << SearchBuilder([] {
        SearchRequest r = jobs([](SearchFilter &f) {
            f.where(QStringLiteral("retries"), FilterOp::Gte, QStringLiteral("1"))
                .where(QStringLiteral("retries"), FilterOp::Lt, QStringLiteral("5"))
                .in(QStringLiteral("kind"),
                    {QStringLiteral("TASK_LISTENER"), QStringLiteral("BPMN_ELEMENT")})
                .where(QStringLiteral("errorMessage"), FilterOp::Like, QStringLiteral("*time?ut*"))
                .exists(QStringLiteral("deadline"), false)
                .in(QStringLiteral("jobKey"), {QStringLiteral("2251799813685249")},
                    FilterOp::NotIn);
        });
        r.sort = {{QStringLiteral("retries"), true}, {QStringLiteral("jobKey"), false}};
        r.limit = 50;
        return r;
    }) << QStringLiteral("jobs/search")
                                                << QByteArray(
                                                       "{\"filter\":{\"retries\":{\"$gte\":1,"
                                                       "\"$lt\":5},\"kind\":{\"$in\":["
                                                       "\"TASK_LISTENER\",\"BPMN_ELEMENT\"]},"
                                                       "\"errorMessage\":{\"$like\":"
                                                       "\"*time?ut*\"},\"deadline\":{\"$exists\":"
                                                       "false},\"jobKey\":{\"$notIn\":["
                                                       "\"2251799813685249\"]}},\"sort\":[{"
                                                       "\"field\":\"retries\",\"order\":\"DESC\"},"
                                                       "{\"field\":\"jobKey\",\"order\":\"ASC\"}],"
                                                       "\"page\":{\"limit\":50}}");
    QTest::newRow("incidents of a job") << SearchBuilder([] {
        SearchRequest r;
        r.target = SearchTarget::Incidents;
        r.filter.exact(QStringLiteral("jobKey"), QStringLiteral("2251799813685249"))
            .exact(QStringLiteral("state"), QStringLiteral("ACTIVE"));
        return r;
    }) << QStringLiteral("incidents/search")
                                        << QByteArray(
                                               "{\"filter\":{\"jobKey\":"
                                               "\"2251799813685249\",\"state\":\"ACTIVE\"}}");
    QTest::newRow("variables untruncated") << SearchBuilder([] {
        SearchRequest r;
        r.target = SearchTarget::Variables;
        r.truncateValues = false;
        r.filter.exact(QStringLiteral("scopeKey"), QStringLiteral("2251799813686789"));
        return r;
    }) << QStringLiteral("variables/search?truncateValues=false")
                                           << QByteArray("{\"filter\":{\"scopeKey\":"
                                                         "\"2251799813686789\"}}");
    QTest::newRow("next page") << SearchBuilder([] {
        SearchRequest r;
        r.limit = 1000;
        return r.nextPage(QStringLiteral("WzIyNTE3OTk4MTM2ODcxMDJd"));
    }) << QStringLiteral("jobs/search")
                               << QByteArray("{\"page\":{\"limit\":1000,\"after\":"
                                             "\"WzIyNTE3OTk4MTM2ODcxMDJd\"}}");
    QTest::newRow("batch items") << SearchBuilder([] {
        SearchRequest r;
        r.target = SearchTarget::BatchOperationItems;
        r.filter.exact(QStringLiteral("batchOperationKey"), QStringLiteral("2251799813684321"))
            .exact(QStringLiteral("state"), QStringLiteral("FAILED"));
        return r;
    }) << QStringLiteral("batch-operation-items/search")
                                 << QByteArray("{\"filter\":{\"batchOperationKey\":"
                                               "\"2251799813684321\",\"state\":\"FAILED\"}}");
}

void tst_Searches::bodies()
{
    QFETCH(SearchBuilder, builder);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    const SearchRequest r = builder();
    QVERIFY2(r.validationError().isEmpty(), qPrintable(r.validationError()));
    const ApiRequest api = r.toApiRequest();
    QCOMPARE(api.relativePath, path);
    QCOMPARE(api.body, body);
    QCOMPARE(api.method, QByteArray("POST"));
    QCOMPARE(api.action, ActionKind::Lookup);
    QVERIFY(!api.changesState());
    const Json::ScanResult scanned = Json::scan(QString::fromUtf8(body));
    QVERIFY(scanned.ok());
    QVERIFY(scanned.duplicates.isEmpty());
}

void tst_Searches::refused_data()
{
    QTest::addColumn<SearchBuilder>("builder");
    QTest::addColumn<QString>("mustContain");
    const auto one = [](const char *field, FilterOp op, const char *value) {
        return SearchBuilder([=] {
            return jobs([=](SearchFilter &f) {
                f.where(QString::fromLatin1(field), op, QString::fromLatin1(value));
            });
        });
    };
    QTest::newRow("unknown field")
        << one("jobkey", FilterOp::Exact, "1") << QStringLiteral("no filter field \"jobkey\"");
    QTest::newRow("rounded key") << one("jobKey", FilterOp::Exact, "2.2517998136852E+15")
                                 << QStringLiteral("The filter jobKey needs a key");
    QTest::newRow("bad enum") << one("state", FilterOp::Exact, "DONE")
                              << QStringLiteral("The filter state accepts CANCELED");
    QTest::newRow("bad date") << one("deadline", FilterOp::Lt, "tomorrow")
                              << QStringLiteral("RFC 3339 date-time");
    QTest::newRow("int32 overflow") << one("retries", FilterOp::Gt, "2147483648")
                                    << QStringLiteral("retries must be a whole number");
    QTest::newRow("like on a key") << one("jobKey", FilterOp::Like, "22*")
                                   << QStringLiteral("The filter jobKey has no operator $like");
    QTest::newRow("operator on a boolean")
        << one("isDenied", FilterOp::Eq, "true") << QStringLiteral("has no operator $eq");
    QTest::newRow("boolean word") << one("isDenied", FilterOp::Exact, "yes")
                                  << QStringLiteral("true or false");
    QTest::newRow("exact and operator") << SearchBuilder([] {
        return jobs([](SearchFilter &f) {
            f.exact(QStringLiteral("retries"), QStringLiteral("1"))
                .where(QStringLiteral("retries"), FilterOp::Gt, QStringLiteral("0"));
        });
    }) << QStringLiteral("exact value and operators");
    QTest::newRow("empty $in") << SearchBuilder([] {
        return jobs([](SearchFilter &f) { f.in(QStringLiteral("jobKey"), {}); });
    }) << QStringLiteral("needs at least one value");
    QTest::newRow("unknown sort") << SearchBuilder([] {
        SearchRequest r;
        r.sort = {{QStringLiteral("unknownField")}};
        return r;
    }) << QStringLiteral("cannot be sorted by \"unknownField\"");
    QTest::newRow("limit too big") << SearchBuilder([] {
        SearchRequest r;
        r.limit = 10001;
        return r;
    }) << QStringLiteral("from 1 to 10000");
    QTest::newRow("cursor not base64") << SearchBuilder([] {
        SearchRequest r;
        r.after = QStringLiteral("not a cursor!");
        return r;
    }) << QStringLiteral("not the base64 text");
    QTest::newRow("both cursors") << SearchBuilder([] {
        SearchRequest r;
        r.after = QStringLiteral("AAAA");
        r.before = QStringLiteral("AAAA");
        return r;
    }) << QStringLiteral("not both");
    QTest::newRow("variable tenant takes no operators") << SearchBuilder([] {
        SearchRequest r;
        r.target = SearchTarget::Variables;
        r.filter.in(QStringLiteral("tenantId"), {QStringLiteral("a")});
        return r;
    }) << QStringLiteral("tenantId has no operator $in");
}

void tst_Searches::refused()
{
    QFETCH(SearchBuilder, builder);
    QFETCH(QString, mustContain);
    const QString error = builder().validationError();
    QVERIFY2(error.contains(mustContain), qPrintable(error));
}

void tst_Searches::features_data()
{
    QTest::addColumn<SearchBuilder>("builder");
    QTest::addColumn<QList<ApiFeature>>("features");
    QTest::newRow("plain job search") << SearchBuilder([] { return SearchRequest {}; })
                                      << QList<ApiFeature> {ApiFeature::JobSearch};
    QTest::newRow("8.9 time filter") << SearchBuilder([] {
        return jobs([](SearchFilter &f) {
            f.where(QStringLiteral("lastUpdateTime"), FilterOp::Gt,
                QStringLiteral("2025-01-01T00:00:00Z"));
        });
    }) << QList<ApiFeature> {ApiFeature::JobSearch, ApiFeature::JobSearchTimes};
    QTest::newRow("8.9 sort") << SearchBuilder([] {
        SearchRequest r;
        r.sort = {{QStringLiteral("hasFailedWithRetriesLeft")}};
        return r;
    }) << QList<ApiFeature> {ApiFeature::JobSearch, ApiFeature::JobSearchTimes};
    QTest::newRow("8.10 priority") << SearchBuilder([] {
        return jobs(
            [](SearchFilter &f) { f.exact(QStringLiteral("priority"), QStringLiteral("10")); });
    }) << QList<ApiFeature> {ApiFeature::JobSearch, ApiFeature::JobPriority};
    QTest::newRow("cursor") << SearchBuilder([] {
        SearchRequest r;
        r.after = QStringLiteral("AAAA");
        return r;
    }) << QList<ApiFeature> {ApiFeature::JobSearch, ApiFeature::CursorPaging};
    QTest::newRow("incident exact (8.8)") << SearchBuilder([] {
        SearchRequest r;
        r.target = SearchTarget::Incidents;
        r.filter.exact(QStringLiteral("jobKey"), QStringLiteral("1"));
        r.filter.where(
            QStringLiteral("creationTime"), FilterOp::Gt, QStringLiteral("2025-01-01T00:00:00Z"));
        return r;
    }) << QList<ApiFeature> {ApiFeature::IncidentSearch};
    QTest::newRow("incident operators (8.9)") << SearchBuilder([] {
        SearchRequest r;
        r.target = SearchTarget::Incidents;
        r.filter.in(QStringLiteral("jobKey"), {QStringLiteral("1"), QStringLiteral("2")});
        return r;
    }) << QList<ApiFeature> {ApiFeature::IncidentSearch, ApiFeature::IncidentAdvancedFilter};
    QTest::newRow("variables") << SearchBuilder([] {
        SearchRequest r;
        r.target = SearchTarget::Variables;
        return r;
    }) << QList<ApiFeature> {ApiFeature::VariableSearch};
}

void tst_Searches::features()
{
    QFETCH(SearchBuilder, builder);
    QFETCH(QList<ApiFeature>, features);
    QCOMPARE(builder().features(), features);
}

void tst_Searches::every88JobFilterFieldIsKnown()
{
    // The 8.8 spec's JobFilter; each must be accepted with a value of its type.
    const QStringList fields = SearchFilter::fieldNames(SearchTarget::Jobs);
    for (const char *name : {"deadline", "deniedReason", "elementId", "elementInstanceKey",
             "endTime", "errorCode", "errorMessage", "hasFailedWithRetriesLeft", "isDenied",
             "jobKey", "kind", "listenerEventType", "processDefinitionId", "processDefinitionKey",
             "processInstanceKey", "retries", "state", "tenantId", "type", "worker", "creationTime",
             "lastUpdateTime"})
        QVERIFY2(fields.contains(QString::fromLatin1(name)), name);
    QVERIFY(SearchRequest::sortFieldNames(SearchTarget::Jobs)
                .contains(QStringLiteral("hasFailedWithRetriesLeft")));
}

void tst_Searches::chunkedKeyLookups()
{
    QList<JobKey> keys;
    for (int i = 0; i < 250; ++i)
        keys.append(*JobKey::parse(QString::number(2251799813685249LL + i)).key);
    const QList<SearchRequest> chunks = SearchRequest::jobsByKeys(keys, 100);
    QCOMPARE(chunks.size(), 3);
    QCOMPARE(chunks[0].limit, 100);
    QCOMPARE(chunks[2].limit, 50);
    QVERIFY(chunks[2].body().startsWith("{\"filter\":{\"jobKey\":{\"$in\":[\"2251799813685449\","));
    QVERIFY(chunks[2].body().endsWith("\"2251799813685498\"]}},\"page\":{\"limit\":50}}"));
    for (const SearchRequest &chunk : chunks)
        QVERIFY2(chunk.validationError().isEmpty(), qPrintable(chunk.validationError()));
    QVERIFY(SearchRequest::jobsByKeys({}).isEmpty());

    const ApiRequest one = SearchRequest::jobByKey(key("9007199254741009")).toApiRequest();
    QCOMPARE(one.body, QByteArray("{\"filter\":{\"jobKey\":\"9007199254741009\"}}"));
    QCOMPARE(one.subjectKey, QStringLiteral("9007199254741009"));
}

void tst_Searches::paging()
{
    SearchRequest r;
    r.limit = 0;
    QVERIFY(r.validationError().isEmpty());
    r.limit = -1;
    QVERIFY(!r.validationError().isEmpty());
    r.limit = SearchRequest::kMaxLimit;
    QVERIFY(r.validationError().isEmpty());
    r.before = QStringLiteral("WzIyNTE3OTk4MTM2ODcxMDJd");
    QCOMPARE(r.body(),
        QByteArray("{\"page\":{\"limit\":10000,\"before\":\"WzIyNTE3OTk4MTM2ODcxMDJd\"}}"));
    const SearchRequest next = r.nextPage(QStringLiteral("AAAA"));
    QVERIFY(next.before.isEmpty());
    QCOMPARE(next.after, QStringLiteral("AAAA"));
}

void tst_Searches::lookups()
{
    struct Row
    {
        LookupRequest::Target target;
        const char *path;
        ActionKind action;
    };
    const Row rows[] = {
        {LookupRequest::Target::Topology, "topology", ActionKind::Topology},
        {LookupRequest::Target::AuthenticationMe, "authentication/me", ActionKind::Topology},
        {LookupRequest::Target::Variable, "variables/2251799813683287", ActionKind::Lookup},
        {LookupRequest::Target::ElementInstance, "element-instances/2251799813683287",
            ActionKind::Lookup},
        {LookupRequest::Target::ProcessInstance, "process-instances/2251799813683287",
            ActionKind::Lookup},
        {LookupRequest::Target::Incident, "incidents/2251799813683287", ActionKind::Lookup},
    };
    for (const Row &row : rows) {
        LookupRequest r;
        r.target = row.target;
        if (row.action == ActionKind::Lookup) {
            QVERIFY(!r.validationError().isEmpty()); // needs a key
            r.key = key("2251799813683287");
        }
        QVERIFY2(r.validationError().isEmpty(), qPrintable(r.validationError()));
        const ApiRequest api = r.toApiRequest();
        QCOMPARE(api.method, QByteArray("GET"));
        QCOMPARE(api.relativePath, QString::fromLatin1(row.path));
        QCOMPARE(api.action, row.action);
        QVERIFY(api.body.isEmpty());
        QVERIFY(!api.changesState());
    }
    LookupRequest me;
    me.target = LookupRequest::Target::AuthenticationMe;
    QVERIFY(me.toApiRequest()
                .versionProblem(CamundaVersion::parse(u"8.7.0"))
                .contains(QLatin1String("authentication/me needs Camunda 8.8")));
}

void tst_Searches::batchOperations()
{
    BatchOperationRequest create;
    create.kind = BatchOperationRequest::Kind::ResolveIncidents;
    QVERIFY(create.validationError().contains(QLatin1String("needs a process instance filter")));
    create.filter.exact(QStringLiteral("processDefinitionId"), QStringLiteral("invoice"))
        .exact(QStringLiteral("hasIncident"), QStringLiteral("true"));
    create.operationReference = QStringLiteral("12");
    QVERIFY2(create.validationError().isEmpty(), qPrintable(create.validationError()));
    ApiRequest api = create.toApiRequest();
    QCOMPARE(api.method, QByteArray("POST"));
    QCOMPARE(api.relativePath, QStringLiteral("process-instances/incident-resolution"));
    QCOMPARE(api.body,
        QByteArray("{\"filter\":{\"processDefinitionId\":\"invoice\",\"hasIncident\":true},"
                   "\"operationReference\":12}"));
    QCOMPARE(api.action, ActionKind::BatchOperation);
    QVERIFY(api.changesState());

    BatchOperationRequest get;
    get.batchOperationKey = QStringLiteral("2251799813684321");
    api = get.toApiRequest();
    QCOMPARE(api.method, QByteArray("GET"));
    QCOMPARE(api.relativePath, QStringLiteral("batch-operations/2251799813684321"));
    QCOMPARE(api.action, ActionKind::Lookup);

    const QList<QPair<BatchOperationRequest::Kind, QString>> changes {
        {BatchOperationRequest::Kind::Suspend, QStringLiteral("suspension")},
        {BatchOperationRequest::Kind::Resume, QStringLiteral("resumption")},
        {BatchOperationRequest::Kind::Cancel, QStringLiteral("cancellation")}};
    for (const auto &[kind, suffix] : changes) {
        BatchOperationRequest r;
        r.kind = kind;
        r.batchOperationKey = QStringLiteral("3fa85f64-5717-4562-b3fc-2c963f66afa6");
        QVERIFY(r.validationError().isEmpty());
        api = r.toApiRequest();
        QCOMPARE(api.relativePath,
            QStringLiteral("batch-operations/3fa85f64-5717-4562-b3fc-2c963f66afa6/") + suffix);
        QCOMPARE(api.method, QByteArray("POST"));
        QVERIFY(api.body.isEmpty());
        QCOMPARE(api.action, ActionKind::BatchOperation);
        QVERIFY(api.versionProblem(CamundaVersion::parse(u"8.7.1"))
                    .contains(QLatin1String(
                        "A batch operation (/v2/batch-operations) needs Camunda 8.8")));
    }
    BatchOperationRequest bad;
    bad.kind = BatchOperationRequest::Kind::Cancel;
    bad.batchOperationKey = QStringLiteral("../jobs");
    QVERIFY(bad.validationError().contains(QLatin1String("valid batch operation key")));
}

QTEST_GUILESS_MAIN(tst_Searches)
#include "tst_Searches.moc"
