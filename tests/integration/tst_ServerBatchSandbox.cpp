// SPDX-License-Identifier: GPL-3.0-or-later
// The server-side bulk incident resolution (ServerBatchRunner) against a real jobdesk-sandbox:
// a wave of FAILED jobs with no retries left repaired in bulk (retries first, then the cluster's
// batch operation), suspend/resume/cancel, and a server without batch operations refused
// before anything is sent.
#include "core/batch/ServerBatchRunner.h"
#include "core/camunda/JobActions.h"
#include "core/history/BatchJournal.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "support/SandboxProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace JobDesk;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kFirstKey = (qint64(1) << 51) + 1;

std::optional<Outcome> waitFor(ApiCall *call, int ms = 15000)
{
    QObject guard;
    std::optional<Outcome> result;
    QObject::connect(
        call, &ApiCall::finished, &guard, [&result](const Outcome &outcome) { result = outcome; });
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, ms);
    return result;
}

/// Fails generated jobs `first`..`first + n - 1` with retries 0: each gets an incident.
bool failJobs(JobsClient &client, qint64 first, int n)
{
    for (int i = 0; i < n; ++i) {
        FailJobRequest fail;
        fail.jobKey = *JobKey::parse(QString::number(kFirstKey + first + i)).key;
        fail.retries = QStringLiteral("0");
        fail.errorMessage = QStringLiteral("worker down");
        const auto outcome = waitFor(client.send(fail.toApiRequest()));
        if (!outcome || !outcome->ok())
            return false;
    }
    return true;
}

/// GET /sandbox/record?totals: the sandbox's own count of what arrived and what it applied.
QJsonObject recordTotals(const SandboxProcess &sandbox)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(
        sandbox.baseUrl().resolved(QUrl(QStringLiteral("/sandbox/record?totals")))));
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
    const QJsonObject totals = QJsonDocument::fromJson(reply->readAll())
                                   .object()
                                   .value(QLatin1String("totals"))
                                   .toObject();
    reply->deleteLater();
    return totals;
}

int applied(const QJsonObject &totals, const QString &action)
{
    return totals.value(action).toObject().value(QLatin1String("applied")).toInt();
}

} // namespace

class TestServerBatchSandbox final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void waveRepairedInBulk();
    void withoutRetriesFirstItemsFail();
    void suspendResumeCancel();
    void backpressureIsRetried();
    void tooOldServerRefusedBeforeSending();
    void badFilterNotPlanned();

private:
    bool startSandbox(SandboxProcess &sandbox, const QStringList &args);
    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_history;
    int m_tests = 0;
};

void TestServerBatchSandbox::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestServerBatchSandbox::init()
{
    // A fresh history per test: counts below are of that test's rows only.
    m_history = std::make_unique<HistoryStore>();
    QVERIFY2(m_history->open(m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(++m_tests))),
        qPrintable(m_history->error()));
}

bool TestServerBatchSandbox::startSandbox(SandboxProcess &sandbox, const QStringList &args)
{
    if (sandbox.start(args))
        return true;
    qWarning("%s", qPrintable(sandbox.error()));
    return false;
}

void TestServerBatchSandbox::waveRepairedInBulk()
{
    SandboxProcess sandbox;
    QVERIFY(startSandbox(sandbox,
        {QStringLiteral("--generate"), QStringLiteral("400"), QStringLiteral("--batch-step-ms"),
            QStringLiteral("20")}));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(sandbox.baseUrl());
    QVERIFY(failJobs(client, 0, 60)); // a wave: 60 jobs FAILED with retries 0, 60 incidents

    ServerBatchRunner runner(&client);
    runner.setHistory(
        HistoryTarget {m_history.get(), HistorySource::Cli, QStringLiteral("sandbox"), false});
    runner.setPollInterval(30ms);
    QSignalSpy planned(&runner, &ServerBatchRunner::planned);
    ServerBatchFilter filter;
    filter.processDefinitionId = QStringLiteral("order-fulfilment");
    QVERIFY(runner.plan(filter, 2));
    QVERIFY(planned.wait(15000));
    const ServerBatchPlan &plan = runner.currentPlan();
    QVERIFY2(plan.isValid(), qPrintable(plan.error));
    QCOMPARE(plan.incidents.size(), 60);
    QCOMPARE(plan.jobsNeedingRetries.size(), 60);
    QVERIFY(plan.describe().contains(QLatin1String("camunda/camunda#41213")));
    QVERIFY(plan.describe().contains(QLatin1String("raise their retries to 2")));
    QCOMPARE(applied(recordTotals(sandbox), QStringLiteral("update")), 0); // planning sends nothing

    QSignalSpy started(&runner, &ServerBatchRunner::started);
    QSignalSpy finished(&runner, &ServerBatchRunner::finished);
    QVERIFY(runner.run());
    QVERIFY(finished.wait(30000));
    QCOMPARE(started.size(), 1);
    QCOMPARE(runner.result(), ServerBatchResult::Completed);
    const ServerBatchProgress &progress = runner.progress();
    QCOMPARE(progress.state, QStringLiteral("COMPLETED"));
    QCOMPARE(progress.total, 60);
    QCOMPARE(progress.completed, 60);
    QCOMPARE(progress.failed, 0);
    QCOMPARE(progress.retriesRaised, 60);
    QVERIFY(progress.failedItems.isEmpty());

    // The sandbox's record: 60 updates applied before one batch.
    const QJsonObject totals = recordTotals(sandbox);
    QCOMPARE(applied(totals, QStringLiteral("update")), 60);
    QCOMPARE(applied(totals, QStringLiteral("batch-operation")), 1);
    // Every incident is resolved: an incident search for ACTIVE ones finds none.
    const auto active = waitFor(client.send("POST", QStringLiteral("incidents/search"),
        R"({"filter":{"state":"ACTIVE","processDefinitionId":"order-fulfilment"}})"));
    QVERIFY(active && active->ok());
    QCOMPARE(Answers::incidents(active->rawBody)->items.size(), 0);

    // The history: 60 updates and the start, all linked; the journal holds the operation.
    HistoryFilter linked;
    linked.linkId = runner.linkId();
    QCOMPARE(m_history->count(linked).value_or(-1), 61);
    HistoryFilter updates = linked;
    updates.actions = {ActionKind::Update};
    QCOMPARE(m_history->count(updates).value_or(-1), 60);
    BatchJournal journal(*m_history);
    const auto batch = journal.batch(runner.journalId());
    QVERIFY(batch);
    QCOMPARE(batch->spec.action, ActionKind::BatchOperation);
    QCOMPARE(batch->state, BatchState::Finished);
    QVERIFY(batch->spec.options.contains(progress.batchOperationKey.toUtf8()));
    QVERIFY(batch->spec.options.contains("order-fulfilment"));
}

void TestServerBatchSandbox::withoutRetriesFirstItemsFail()
{
    // The server bug the plan works around: started without raising retries, the items fail
    // with the engine's words, which the runner passes on verbatim.
    SandboxProcess sandbox;
    QVERIFY(startSandbox(sandbox,
        {QStringLiteral("--generate"), QStringLiteral("40"), QStringLiteral("--batch-step-ms"),
            QStringLiteral("20")}));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(sandbox.baseUrl());
    QVERIFY(failJobs(client, 0, 5));
    ServerBatchRunner runner(&client);
    runner.setPollInterval(30ms);
    QVERIFY(!runner.follow(QString())); // nothing to follow without a key
    BatchOperationRequest start;
    start.kind = BatchOperationRequest::Kind::ResolveIncidents;
    start.filter.exact(QStringLiteral("hasIncident"), QStringLiteral("true"));
    const auto created = waitFor(client.send(start.toApiRequest()));
    QVERIFY(created && created->ok());
    const QString key = Answers::batchOperationCreated(created->rawBody)->batchOperationKey;
    QSignalSpy finished(&runner, &ServerBatchRunner::finished);
    QVERIFY(runner.follow(key));
    QVERIFY(finished.wait(30000));
    QCOMPARE(runner.result(), ServerBatchResult::Failed);
    QCOMPARE(runner.progress().failed, 5);
    QCOMPARE(runner.progress().failedItems.size(), 5);
    for (const BatchOperationItemRecord &item : runner.progress().failedItems)
        QVERIFY2(item.errorMessage.contains(QLatin1String("no retries left")),
            qPrintable(item.errorMessage));
}

void TestServerBatchSandbox::suspendResumeCancel()
{
    SandboxProcess sandbox;
    // Slow steps: the batch is still running when it is suspended.
    QVERIFY(startSandbox(sandbox,
        {QStringLiteral("--generate"), QStringLiteral("200"), QStringLiteral("--batch-step-ms"),
            QStringLiteral("400")}));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(sandbox.baseUrl());
    QVERIFY(failJobs(client, 0, 80));

    ServerBatchRunner runner(&client);
    runner.setHistory(
        HistoryTarget {m_history.get(), HistorySource::Window, QStringLiteral("sandbox"), false});
    runner.setPollInterval(30ms);
    QSignalSpy planned(&runner, &ServerBatchRunner::planned);
    QVERIFY(runner.plan(ServerBatchFilter()));
    QVERIFY(planned.wait(15000));
    QCOMPARE(runner.currentPlan().incidents.size(), 80);
    QSignalSpy started(&runner, &ServerBatchRunner::started);
    QSignalSpy lifecycle(&runner, &ServerBatchRunner::lifecycleFinished);
    QSignalSpy finished(&runner, &ServerBatchRunner::finished);
    QVERIFY(runner.run());
    QVERIFY(started.wait(15000));

    QVERIFY(runner.suspend());
    QVERIFY(lifecycle.wait(10000));
    QVERIFY(lifecycle.last().at(1).value<Outcome>().ok());
    QTRY_COMPARE_WITH_TIMEOUT(runner.progress().state, QStringLiteral("SUSPENDED"), 10000);
    const qint64 processedWhenSuspended = runner.progress().processed();

    QVERIFY(runner.resume());
    QVERIFY(lifecycle.wait(10000));
    QVERIFY(lifecycle.last().at(1).value<Outcome>().ok());
    QTRY_COMPARE_WITH_TIMEOUT(runner.progress().state, QStringLiteral("ACTIVE"), 10000);

    QVERIFY(runner.cancelOperation());
    QVERIFY(lifecycle.wait(10000));
    QVERIFY(lifecycle.last().at(1).value<Outcome>().ok());
    QVERIFY(finished.wait(15000));
    QCOMPARE(runner.result(), ServerBatchResult::Cancelled);
    const ServerBatchProgress &progress = runner.progress();
    QCOMPARE(progress.state, QStringLiteral("CANCELED"));
    QCOMPARE(progress.total, 80);
    QVERIFY(progress.canceled > 0);
    QVERIFY(progress.completed >= processedWhenSuspended);
    QCOMPARE(progress.completed + progress.failed + progress.canceled, 80);

    // Suspend, resume and cancel are attempts in the history, linked to the run.
    HistoryFilter lifecycleRows;
    lifecycleRows.linkId = runner.linkId();
    lifecycleRows.actions = {ActionKind::BatchOperation};
    QCOMPARE(m_history->count(lifecycleRows).value_or(-1), 4); // start, suspend, resume, cancel
    BatchJournal journal(*m_history);
    QCOMPARE(journal.batch(runner.journalId())->state, BatchState::Cancelled);
}

void TestServerBatchSandbox::backpressureIsRetried()
{
    // 503 RESOURCE_EXHAUSTED applies nothing: the searches, the retries and the start are asked
    // again, so the wave is still repaired in full.
    SandboxProcess busy;
    QVERIFY(startSandbox(busy,
        {QStringLiteral("--generate"), QStringLiteral("100"), QStringLiteral("--batch-step-ms"),
            QStringLiteral("20"), QStringLiteral("--backpressure-rate"), QStringLiteral("0.3"),
            QStringLiteral("--seed"), QStringLiteral("3")}));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(busy.baseUrl());
    int failed = 0;
    for (int i = 0; failed < 40 && i < 400; ++i) {
        FailJobRequest fail;
        fail.jobKey = *JobKey::parse(QString::number(kFirstKey + failed)).key;
        fail.retries = QStringLiteral("0");
        const auto outcome = waitFor(client.send(fail.toApiRequest()));
        QVERIFY(outcome);
        if (outcome->ok())
            ++failed;
    }
    QCOMPARE(failed, 40);

    ServerBatchRunner runner(&client);
    runner.setPollInterval(30ms);
    QSignalSpy planned(&runner, &ServerBatchRunner::planned);
    QVERIFY(runner.plan(ServerBatchFilter()));
    QVERIFY(planned.wait(30000));
    QVERIFY2(runner.currentPlan().isValid(), qPrintable(runner.error()));
    QCOMPARE(runner.currentPlan().jobsNeedingRetries.size(), 40);
    QSignalSpy finished(&runner, &ServerBatchRunner::finished);
    QVERIFY(runner.run());
    QVERIFY(finished.wait(60000));
    QVERIFY2(runner.result() == ServerBatchResult::Completed, qPrintable(runner.error()));
    QCOMPARE(runner.progress().retriesRaised, 40);
    QCOMPARE(runner.progress().retriesRefused, 0);
    QCOMPARE(runner.progress().completed, 40);
}

void TestServerBatchSandbox::tooOldServerRefusedBeforeSending()
{
    SandboxProcess sandbox;
    QVERIFY(startSandbox(sandbox,
        {QStringLiteral("--demo"), QStringLiteral("--gateway-version"), QStringLiteral("8.7")}));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(sandbox.baseUrl());
    ServerBatchRunner runner(&client);
    runner.setHistory(
        HistoryTarget {m_history.get(), HistorySource::Cli, QStringLiteral("sandbox"), false});
    QSignalSpy planned(&runner, &ServerBatchRunner::planned);
    QVERIFY(runner.plan(ServerBatchFilter()));
    QVERIFY(planned.wait(15000));
    QCOMPARE(runner.result(), ServerBatchResult::NotPlanned);
    QVERIFY2(runner.error().contains(QLatin1String("8.8")), qPrintable(runner.error()));
    QVERIFY(!runner.run());
    const QJsonObject totals = recordTotals(sandbox);
    QVERIFY2(totals.isEmpty(), QJsonDocument(totals).toJson().constData());
    QCOMPARE(m_history->count().value_or(-1), 0);

    // A version known beforehand: nothing at all goes out, not even the topology.
    ServerBatchRunner known(&client);
    known.setServerVersion(CamundaVersion::of(8, 7));
    QSignalSpy knownPlanned(&known, &ServerBatchRunner::planned);
    QVERIFY(known.plan(ServerBatchFilter()));
    QVERIFY(knownPlanned.wait(5000));
    QCOMPARE(known.result(), ServerBatchResult::NotPlanned);
}

void TestServerBatchSandbox::badFilterNotPlanned()
{
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(QUrl(QStringLiteral("http://127.0.0.1:9"))); // nothing may be sent
    ServerBatchRunner runner(&client);
    QSignalSpy planned(&runner, &ServerBatchRunner::planned);
    ServerBatchFilter filter;
    filter.processInstanceKeys = {QStringLiteral("12x")};
    QVERIFY(runner.plan(filter));
    QVERIFY(planned.wait(5000));
    QCOMPARE(runner.result(), ServerBatchResult::NotPlanned);
    QVERIFY(!runner.error().isEmpty());
}

QTEST_GUILESS_MAIN(TestServerBatchSandbox)
#include "tst_ServerBatchSandbox.moc"
