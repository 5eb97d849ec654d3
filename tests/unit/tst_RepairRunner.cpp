// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/actions/RepairRunner.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/json/JsonTree.h"
#include "core/lookup/JobLookupResult.h"
#include "support/FakeNetworkAccessManager.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;
using Response = FakeNetworkAccessManager::Response;
using Recorded = FakeNetworkAccessManager::Recorded;

namespace {

const QString kJob = QStringLiteral("2251799813685249");
const QString kIncident = QStringLiteral("2251799813685260");
const QString kElement = QStringLiteral("2251799813685002");

JobKey key(const QString &text)
{
    return *JobKey::parse(text).key;
}

QByteArray jobJson(const QString &state, int retries)
{
    return QStringLiteral(
        R"({"jobKey":"%1","type":"payment","state":"%2","kind":"BPMN_ELEMENT",)"
        R"("listenerEventType":"UNSPECIFIED","retries":%3,)"
        R"("processDefinitionId":"order","processInstanceKey":"2251799813685001",)"
        R"("elementInstanceKey":"%4","elementId":"charge"})")
        .arg(kJob, state)
        .arg(retries)
        .arg(kElement)
        .toUtf8();
}

QByteArray incidentJson()
{
    return QStringLiteral(R"({"incidentKey":"%1","jobKey":"%2","errorType":"JOB_NO_RETRIES",)"
                          R"("errorMessage":"No more retries left.","state":"ACTIVE",)"
                          R"("processInstanceKey":"2251799813685001","elementInstanceKey":"%3"})")
        .arg(kIncident, kJob, kElement)
        .toUtf8();
}

QByteArray page(const QList<QByteArray> &items)
{
    return "{\"items\":[" + items.join(',')
        + "],\"page\":{\"totalItems\":" + QByteArray::number(items.size()) + "}}";
}

/// A look-up (job + incident + variables) of `lookup`, for the pure plan tests.
JobLookupResult found(const QString &state, int retries, bool withIncident)
{
    JobLookupResult result;
    result.state = LookupState::Found;
    result.key = key(kJob);
    result.job = JobRecord::fromJson(Json::Document::fromUtf8(jobJson(state, retries)).root());
    if (withIncident)
        result.incident = IncidentRecord::fromJson(Json::Document::fromUtf8(incidentJson()).root());
    return result;
}

QByteArray noRetriesLeft()
{
    return QStringLiteral(
        R"({"type":"about:blank","title":"INVALID_STATE","status":409,"detail":"Command 'RESOLVE' )"
        R"(rejected with code 'INVALID_STATE': Expected to resolve incident with key '%1', but job )"
        R"(with key '%2' has no retries left. Please update the job retries and retry resolving )"
        R"(the incident","instance":"/v2/incidents/%1/resolution"})")
        .arg(kIncident, kJob)
        .toUtf8();
}

} // namespace

class TestRepairRunner final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<JobDesk::RepairResult>();
    }
    void init()
    {
        m_nam = std::make_unique<FakeNetworkAccessManager>();
        m_client = std::make_unique<JobsClient>(m_nam.get());
        m_client->setApiRoot(QUrl(QStringLiteral("http://camunda.test:8080")));
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<HistoryStore>();
        QVERIFY2(m_store->open(m_dir.filePath(QStringLiteral("h%1.sqlite").arg(++m_run))),
            qPrintable(m_store->error()));
        m_sent.clear();
        m_refuse.clear();
        m_nam->setHandler([this](const Recorded &r) { return answer(r); });
    }
    void cleanup()
    {
        m_store.reset();
        m_client.reset();
        m_nam.reset();
    }

    void plan_data();
    void plan();
    void repairsAndLinksEveryRow();
    void stopsAtTheFirstRefusalAndExplainsIt();
    void planOnlySendsNoChange();
    void invalidOptionsSendNothing();

private:
    Response answer(const Recorded &r)
    {
        const QString path = r.url.path();
        m_sent.append(r.method + ' ' + path.toUtf8());
        if (path.endsWith(QLatin1String("/jobs/search")))
            return Response::json(200, page({jobJson(m_state, m_retries)}));
        if (path.endsWith(QLatin1String("/incidents/search")))
            return Response::json(200,
                m_state == QLatin1String("FAILED") && m_retries == 0 ? page({incidentJson()})
                                                                     : page({}));
        if (path.endsWith(QLatin1String("/variables/search")))
            return Response::json(200, page({}));
        for (auto it = m_refuse.cbegin(); it != m_refuse.cend(); ++it) {
            if (path.endsWith(it.key()))
                return Response::problem(409, it.value());
        }
        return Response::json(204);
    }
    /// The state-changing requests sent, in order.
    QList<QByteArray> changes() const
    {
        QList<QByteArray> out;
        for (const QByteArray &line : m_sent) {
            if (!line.endsWith("/search"))
                out.append(line);
        }
        return out;
    }
    RepairResult run(RepairRunner &runner, const RepairOptions &options,
        RepairRunner::Mode mode = RepairRunner::Mode::Run)
    {
        QSignalSpy finished(&runner, &RepairRunner::finished);
        if (!runner.start(key(kJob), options, mode))
            return RepairResult::Running;
        if (!finished.wait(5000))
            return RepairResult::Running;
        return finished.at(0).at(0).value<RepairResult>();
    }

    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<JobsClient> m_client;
    std::unique_ptr<HistoryStore> m_store;
    QTemporaryDir m_dir;
    int m_run = 0;
    QString m_state = QStringLiteral("FAILED");
    int m_retries = 0;
    QList<QByteArray> m_sent;
    QMap<QString, QByteArray> m_refuse; ///< path suffix → 409 body
};

void TestRepairRunner::plan_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<int>("retries");
    QTest::addColumn<bool>("incident");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("then");
    QTest::addColumn<QStringList>("steps"); ///< "method path" per step
    QTest::addColumn<QString>("error"); ///< a part of the error, or empty

    const QString update = QStringLiteral("PATCH jobs/%1").arg(kJob);
    const QString resolve = QStringLiteral("POST incidents/%1/resolution").arg(kIncident);
    const QString complete = QStringLiteral("POST jobs/%1/completion").arg(kJob);
    const QString set = QStringLiteral("PUT element-instances/%1/variables").arg(kElement);
    QTest::newRow("failed, incident, leave") << "FAILED" << 0 << true << ""
                                             << "leave" << QStringList {update, resolve} << "";
    QTest::newRow("failed, incident, complete")
        << "FAILED" << 0 << true << ""
        << "complete" << QStringList {update, resolve, complete} << "";
    QTest::newRow("variables first")
        << "FAILED" << 0 << true << R"({"iban":"DE02"})"
        << "complete" << QStringList {set, update, resolve, complete} << "";
    QTest::newRow("error thrown, incident") << "ERROR_THROWN" << 3 << true << ""
                                            << "leave" << QStringList {update, resolve} << "";
    QTest::newRow("back-off: no incident to resolve")
        << "FAILED" << 2 << false << ""
        << "complete" << QStringList {update, complete} << "";
    QTest::newRow("created: nothing to repair") << "CREATED" << 3 << false << ""
                                                << "leave" << QStringList {} << "nothing to repair";
    QTest::newRow("completed: nothing to repair")
        << "COMPLETED" << 3 << false << ""
        << "leave" << QStringList {} << "nothing to repair";
}

void TestRepairRunner::plan()
{
    QFETCH(QString, state);
    QFETCH(int, retries);
    QFETCH(bool, incident);
    QFETCH(QString, variables);
    QFETCH(QString, then);
    QFETCH(QStringList, steps);
    QFETCH(QString, error);

    RepairOptions options;
    options.variables = VariablesDocument::fromText(variables);
    options.then = *repairThenFromName(then);
    const RepairPlan plan = RepairPlan::build(found(state, retries, incident), options);
    QStringList got;
    for (const RepairStep &step : plan.steps)
        got.append(QString::fromLatin1(step.request.method) + u' ' + step.request.relativePath);
    QCOMPARE(got, steps);
    if (error.isEmpty()) {
        QVERIFY2(plan.isValid(), qPrintable(plan.error));
        QCOMPARE(plan.stepLines().size(), steps.size());
    } else {
        QVERIFY(!plan.isValid());
        QVERIFY2(plan.error.contains(error), qPrintable(plan.error));
    }
    for (const RepairStep &step : plan.steps) {
        if (step.kind == RepairStep::Kind::SetRetries)
            QCOMPARE(step.request.body, QByteArray(R"({"changeset":{"retries":1}})"));
        if (step.kind == RepairStep::Kind::SetVariables)
            QCOMPARE(step.request.body, QByteArray(R"({"variables":{"iban":"DE02"}})"));
    }
    if (!incident && error.isEmpty())
        QVERIFY(plan.note.contains(QStringLiteral("no open incident")));
}

void TestRepairRunner::repairsAndLinksEveryRow()
{
    RepairRunner runner(m_client.get());
    runner.setHistory({m_store.get(), HistorySource::Cli, QStringLiteral("prod-eu"), true});
    RepairOptions options;
    options.retries = QStringLiteral("2");
    options.then = RepairThen::Complete;
    QSignalSpy steps(&runner, &RepairRunner::stepFinished);
    QCOMPARE(run(runner, options), RepairResult::Repaired);
    QCOMPARE(steps.size(), 3);
    QCOMPARE(changes(),
        (QList<QByteArray> {"PATCH /v2/jobs/" + kJob.toUtf8(),
            "POST /v2/incidents/" + kIncident.toUtf8() + "/resolution",
            "POST /v2/jobs/" + kJob.toUtf8() + "/completion"}));
    for (const RepairStepProgress &step : runner.progress()) {
        QCOMPARE(step.status, RepairStepStatus::Done);
        QVERIFY(step.historyId > 0);
    }

    // The look-up and the three steps: four rows with one link id, oldest first.
    HistoryFilter filter;
    filter.linkId = runner.linkId();
    QVERIFY(!filter.linkId.isEmpty());
    const auto rows = m_store->query(filter, 0, 10);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 4);
    const QList<ActionKind> expected {
        ActionKind::Complete, ActionKind::ResolveIncident, ActionKind::Update, ActionKind::Lookup};
    for (int i = 0; i < 4; ++i) {
        const HistoryEntry &row = rows->at(i);
        QCOMPARE(row.action, expected.at(i));
        QCOMPARE(row.linkId, runner.linkId());
        QVERIFY(row.production);
        QCOMPARE(row.source, HistorySource::Cli);
        QCOMPARE(row.state, HistoryState::Finished);
    }
    QCOMPARE(rows->at(1).jobKey, kIncident);
    QCOMPARE(rows->at(3).title, QStringLiteral("Job %1 is FAILED.").arg(kJob));
    QCOMPARE(
        m_store->entry(rows->at(2).id)->request.body, QByteArray(R"({"changeset":{"retries":2}})"));
}

void TestRepairRunner::stopsAtTheFirstRefusalAndExplainsIt()
{
    m_refuse.insert(QStringLiteral("/resolution"), noRetriesLeft());
    RepairRunner runner(m_client.get());
    runner.setHistory({m_store.get(), HistorySource::Window, QStringLiteral("dev"), false});
    RepairOptions options;
    options.then = RepairThen::Complete;
    QCOMPARE(run(runner, options), RepairResult::Refused);
    QCOMPARE(runner.stoppedAt(), 1);
    const QList<RepairStepProgress> &progress = runner.progress();
    QCOMPARE(progress.at(0).status, RepairStepStatus::Done);
    QCOMPARE(progress.at(1).status, RepairStepStatus::Refused);
    QCOMPARE(progress.at(2).status, RepairStepStatus::NotRun);
    QCOMPARE(progress.at(1).outcome.httpStatus, 409);
    QVERIFY2(progress.at(1).explanation.summary.contains(QStringLiteral("no retries left")),
        qPrintable(progress.at(1).explanation.summary));
    QVERIFY(
        progress.at(1).outcome.problem.detail().contains(QStringLiteral("has no retries left")));
    // Nothing after the refusal went out.
    QCOMPARE(changes().size(), 2);
    HistoryFilter filter;
    filter.linkId = runner.linkId();
    QCOMPARE(m_store->count(filter), 3);
}

void TestRepairRunner::planOnlySendsNoChange()
{
    RepairRunner runner(m_client.get());
    runner.setHistory({m_store.get(), HistorySource::Cli, QStringLiteral("dev"), false});
    RepairOptions options;
    options.variables = VariablesDocument::fromText(QStringLiteral(R"({"fixed":true})"));
    QCOMPARE(run(runner, options, RepairRunner::Mode::PlanOnly), RepairResult::Planned);
    QCOMPARE(runner.plan().steps.size(), 3);
    QVERIFY(changes().isEmpty());
    QCOMPARE(m_store->count(), 0);
    QVERIFY(runner.linkId().isEmpty());
    // The preview read the variables too.
    QVERIFY(m_sent.contains("POST /v2/variables/search"));
}

void TestRepairRunner::invalidOptionsSendNothing()
{
    m_state = QStringLiteral("CREATED");
    m_retries = 3;
    RepairRunner runner(m_client.get());
    runner.setHistory({m_store.get(), HistorySource::Cli, QStringLiteral("dev"), false});
    RepairOptions options;
    QCOMPARE(run(runner, options), RepairResult::NotPlanned);
    QVERIFY(runner.plan().error.contains(QStringLiteral("nothing to repair")));
    QVERIFY(changes().isEmpty());

    options.retries = QStringLiteral("0");
    QVERIFY(!RepairPlan::build(found(QStringLiteral("FAILED"), 0, true), options).isValid());
    options.retries = QStringLiteral("1");
    options.variables = VariablesDocument::fromText(QStringLiteral("{oops"));
    QVERIFY(RepairPlan::build(found(QStringLiteral("FAILED"), 0, true), options)
                .error.contains(QStringLiteral("not valid JSON")));
}

QTEST_GUILESS_MAIN(TestRepairRunner)
#include "tst_RepairRunner.moc"
