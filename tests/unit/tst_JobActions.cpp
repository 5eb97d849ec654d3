// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/JobActions.h"
#include "core/json/Json.h"

#include <QStandardPaths>
#include <QTest>

#include <functional>

using namespace JobDesk;

namespace {

const QString kKey = QStringLiteral("2251799813685249");

JobKey key(const QString &text = kKey)
{
    return JobKey::parse(text).key.value_or(JobKey());
}

/// One action built and checked the same way for every request type.
struct Built
{
    ApiRequest api;
    QString error;
};

using Builder = std::function<Built()>;

template <typename R> Built build(const R &request)
{
    return {request.toApiRequest(), request.validationError()};
}

} // namespace

Q_DECLARE_METATYPE(Builder)

class tst_JobActions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void requests_data();
    void requests();
    void validation_data();
    void validation();
    void versionGates();
};

void tst_JobActions::requests_data()
{
    QTest::addColumn<Builder>("builder");
    QTest::addColumn<ActionKind>("action");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("update retries") << Builder([] {
        UpdateJobRequest r;
        r.jobKey = key();
        r.retries = QStringLiteral(" 3 ");
        return build(r);
    }) << ActionKind::Update << QByteArray("PATCH")
                                    << QStringLiteral("jobs/2251799813685249")
                                    << QByteArray("{\"changeset\":{\"retries\":3}}");
    QTest::newRow("update everything") << Builder([] {
        UpdateJobRequest r;
        r.jobKey = key();
        r.retries = QStringLiteral("007");
        r.timeoutMs = QStringLiteral("9223372036854775807");
        r.priority = QStringLiteral("-5");
        r.operationReference = QStringLiteral("42");
        r.leaseToken = QStringLiteral("L");
        return build(r);
    }) << ActionKind::Update << QByteArray("PATCH")
                                       << QStringLiteral("jobs/2251799813685249")
                                       << QByteArray("{\"changeset\":{\"retries\":7,\"timeout\":"
                                                     "9223372036854775807,\"priority\":-5},"
                                                     "\"operationReference\":42,"
                                                     "\"leaseToken\":\"L\"}");
    QTest::newRow("fail to incident") << Builder([] {
        FailJobRequest r;
        r.jobKey = key();
        r.retries = QStringLiteral("0");
        r.errorMessage = QStringLiteral("DB \"down\"");
        return build(r);
    }) << ActionKind::Fail << QByteArray("POST")
                                      << QStringLiteral("jobs/2251799813685249/failure")
                                      << QByteArray("{\"retries\":0,\"errorMessage\":\"DB "
                                                    "\\\"down\\\"\"}");
    QTest::newRow("fail with back-off and variables exactly")
        << Builder([] {
               FailJobRequest r;
               r.jobKey = key();
               r.retries = QStringLiteral("2");
               r.retryBackOffMs = QStringLiteral("60000");
               r.variables = VariablesDocument::fromText(
                   QStringLiteral("{\"n\": 123456789012345678901234567890}"));
               return build(r);
           })
        << ActionKind::Fail << QByteArray("POST")
        << QStringLiteral("jobs/2251799813685249/"
                          "failure")
        << QByteArray("{\"retries\":2,"
                      "\"retryBackOff\":60000,"
                      "\"variables\":{\"n\": "
                      "123456789012345678901234567"
                      "890}}");
    QTest::newRow("fail with nothing") << Builder([] {
        FailJobRequest r;
        r.jobKey = key();
        return build(r);
    }) << ActionKind::Fail << QByteArray("POST")
                                       << QStringLiteral("jobs/2251799813685249/failure")
                                       << QByteArray("{}");
    QTest::newRow("throw error") << Builder([] {
        ThrowErrorRequest r;
        r.jobKey = key();
        r.errorCode = QStringLiteral("NO_STOCK");
        r.errorMessage = QStringLiteral("Grüße");
        r.variables = VariablesDocument::fromText(QStringLiteral("{\"a\":[1, 2]}"));
        return build(r);
    }) << ActionKind::ThrowError << QByteArray("POST")
                                 << QStringLiteral("jobs/2251799813685249/error")
                                 << QByteArray("{\"errorCode\":\"NO_STOCK\",\"errorMessage\":"
                                               "\"Gr\xC3\xBC\xC3\x9F"
                                               "e\",\"variables\":{\"a\":[1, 2]}}");
    QTest::newRow("resolve incident") << Builder([] {
        ResolveIncidentRequest r;
        r.incidentKey = key(QStringLiteral("4503599627370497"));
        return build(r);
    }) << ActionKind::ResolveIncident << QByteArray("POST")
                                      << QStringLiteral("incidents/4503599627370497/resolution")
                                      << QByteArray("{}");
    QTest::newRow("resolve incident with reference") << Builder([] {
        ResolveIncidentRequest r;
        r.incidentKey = key(QStringLiteral("4503599627370497"));
        r.operationReference = QStringLiteral("9");
        return build(r);
    }) << ActionKind::ResolveIncident << QByteArray("POST")
                                                     << QStringLiteral("incidents/4503599627370497/"
                                                                       "resolution")
                                                     << QByteArray("{\"operationReference\":9}");
    QTest::newRow("resolve an instance's incidents") << Builder([] {
        ResolveInstanceIncidentsRequest r;
        r.processInstanceKey = key(QStringLiteral("2251799813690746"));
        return build(r);
    }) << ActionKind::ResolveIncident << QByteArray("POST")
                                                     << QStringLiteral(
                                                            "process-instances/2251799813690746/"
                                                            "incident-resolution")
                                                     << QByteArray();
    QTest::newRow("set variables locally")
        << Builder([] {
               SetVariablesRequest r;
               r.elementInstanceKey = key(QStringLiteral("2251799813686789"));
               r.variables = VariablesDocument::fromText(QStringLiteral(" {\"fixed\" : true} "));
               r.local = true;
               return build(r);
           })
        << ActionKind::SetVariables << QByteArray("PUT")
        << QStringLiteral("element-instances/2251799813686789/variables")
        << QByteArray("{\"variables\":{\"fixed\" : true},\"local\":true}");
}

void tst_JobActions::requests()
{
    QFETCH(Builder, builder);
    QFETCH(ActionKind, action);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    const Built built = builder();
    QVERIFY2(built.error.isEmpty(), qPrintable(built.error));
    QCOMPARE(built.api.action, action);
    QCOMPARE(built.api.method, method);
    QCOMPARE(built.api.relativePath, path);
    QCOMPARE(built.api.body, body);
    QVERIFY(built.api.changesState());
    QVERIFY(!built.api.subjectKey.isEmpty());
    QVERIFY(path.contains(built.api.subjectKey));
    if (!body.isEmpty()) {
        const Json::ScanResult scanned = Json::scan(QString::fromUtf8(body));
        QVERIFY(scanned.ok());
        QVERIFY(scanned.duplicates.isEmpty());
    }
}

void tst_JobActions::validation_data()
{
    QTest::addColumn<Builder>("builder");
    QTest::addColumn<QString>("mustContain");

    const auto update = [](const QString &retries, const QString &timeout) {
        return Builder([retries, timeout] {
            UpdateJobRequest r;
            r.jobKey = key();
            r.retries = retries;
            r.timeoutMs = timeout;
            return build(r);
        });
    };
    QTest::newRow("update nothing")
        << update(QString(), QString()) << QStringLiteral("needs at least one");
    QTest::newRow("update retries 0")
        << update(QStringLiteral("0"), QString())
        << QStringLiteral("retries must be a whole number from 1 to 2147483647; "
                          "got \"0\".");
    QTest::newRow("update retries too big") << update(QStringLiteral("2147483648"), QString())
                                            << QStringLiteral("from 1 to 2147483647");
    QTest::newRow("update retries word")
        << update(QStringLiteral("three"), QString()) << QStringLiteral("got \"three\"");
    QTest::newRow("update negative timeout")
        << update(QString(), QStringLiteral("-1"))
        << QStringLiteral("timeout must be a whole number from 0 to 9223372036854775807");
    QTest::newRow("update timeout overflow")
        << update(QString(), QStringLiteral("9223372036854775808")) << QStringLiteral("timeout");
    QTest::newRow("update without key") << Builder([] {
        UpdateJobRequest r;
        r.retries = QStringLiteral("1");
        return build(r);
    }) << QStringLiteral("Enter a valid job key");
    QTest::newRow("update bad reference") << Builder([] {
        UpdateJobRequest r;
        r.jobKey = key();
        r.retries = QStringLiteral("1");
        r.operationReference = QStringLiteral("0");
        return build(r);
    }) << QStringLiteral("operationReference must be a whole number from 1");

    QTest::newRow("fail negative retries") << Builder([] {
        FailJobRequest r;
        r.jobKey = key();
        r.retries = QStringLiteral("-1");
        return build(r);
    }) << QStringLiteral("retries must be a whole number from 0 to 2147483647; got \"-1\".");
    QTest::newRow("fail bad back-off") << Builder([] {
        FailJobRequest r;
        r.jobKey = key();
        r.retryBackOffMs = QStringLiteral("1.5");
        return build(r);
    }) << QStringLiteral("retryBackOff must be a whole number");
    QTest::newRow("fail bad variables") << Builder([] {
        FailJobRequest r;
        r.jobKey = key();
        r.variables = VariablesDocument::fromText(QStringLiteral("{\"a\":}"));
        return build(r);
    }) << QStringLiteral("The variables of the failure are not valid JSON");
    QTest::newRow("fail blank lease") << Builder([] {
        FailJobRequest r;
        r.jobKey = key();
        r.leaseToken = QStringLiteral(" ");
        return build(r);
    }) << QStringLiteral("leaseToken");

    QTest::newRow("error without code") << Builder([] {
        ThrowErrorRequest r;
        r.jobKey = key();
        r.errorCode = QStringLiteral("  ");
        return build(r);
    }) << QStringLiteral("errorCode is required");
    QTest::newRow("error variables an array") << Builder([] {
        ThrowErrorRequest r;
        r.jobKey = key();
        r.errorCode = QStringLiteral("E");
        r.variables = VariablesDocument::fromText(QStringLiteral("[]"));
        return build(r);
    }) << QStringLiteral("The variables of the error");

    QTest::newRow("resolve without key") << Builder([] { return build(ResolveIncidentRequest {}); })
                                         << QStringLiteral("Enter a valid incident key");
    QTest::newRow("instance resolution without key")
        << Builder([] { return build(ResolveInstanceIncidentsRequest {}); })
        << QStringLiteral("Enter a valid process instance key");
    QTest::newRow("set variables blank") << Builder([] {
        SetVariablesRequest r;
        r.elementInstanceKey = key();
        return build(r);
    }) << QStringLiteral("variables are required");
    QTest::newRow("set variables duplicate") << Builder([] {
        SetVariablesRequest r;
        r.elementInstanceKey = key();
        r.variables = VariablesDocument::fromText(QStringLiteral("{\"a\":1,\"a\":2}"));
        return build(r);
    }) << QStringLiteral("duplicate key a");
    QTest::newRow("set variables without key") << Builder([] {
        SetVariablesRequest r;
        r.variables = VariablesDocument::fromText(QStringLiteral("{}"));
        return build(r);
    }) << QStringLiteral("Enter a valid element instance key");
}

void tst_JobActions::validation()
{
    QFETCH(Builder, builder);
    QFETCH(QString, mustContain);
    const Built built = builder();
    QVERIFY2(built.error.contains(mustContain), qPrintable(built.error));
}

void tst_JobActions::versionGates()
{
    const CamundaVersion v88 = CamundaVersion::parse(u"8.8.0");
    const CamundaVersion v87 = CamundaVersion::parse(u"8.7.5");
    UpdateJobRequest update;
    update.jobKey = key();
    update.retries = QStringLiteral("1");
    QVERIFY(update.toApiRequest().versionProblem(v87).isEmpty());
    update.operationReference = QStringLiteral("5");
    QVERIFY(update.toApiRequest().versionProblem(v87).contains(
        QLatin1String("`operationReference` needs Camunda 8.8")));
    update.priority = QStringLiteral("3");
    QVERIFY(update.toApiRequest().versionProblem(v88).contains(QLatin1String("8.10")));

    FailJobRequest fail;
    fail.jobKey = key();
    fail.leaseToken = QStringLiteral("t");
    QVERIFY(fail.toApiRequest().versionProblem(v88).contains(QLatin1String("`leaseToken`")));
    QVERIFY(fail.toApiRequest().versionProblem(CamundaVersion::parse(u"8.10.0")).isEmpty());

    ResolveInstanceIncidentsRequest instance;
    instance.processInstanceKey = key();
    QCOMPARE(instance.toApiRequest().versionProblem(v88),
        QStringLiteral("Resolving all incidents of a process instance (POST "
                       "/v2/process-instances/{key}/incident-resolution) needs Camunda 8.9 or "
                       "later; this server reports 8.8.0."));
    QVERIFY(instance.toApiRequest().versionProblem(CamundaVersion()).isEmpty());
}

QTEST_GUILESS_MAIN(tst_JobActions)
#include "tst_JobActions.moc"
