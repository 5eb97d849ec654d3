// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated cluster: the demo data set (what PRODUCT.md promises, every kind and state on
// every partition, keys above 2^53 with JavaScript-rounded neighbours), --jobs-file parsing,
// --generate, the lagging view of search and the shared engine operations.
#include "sandbox/Cluster.h"
#include "sandbox/SandboxServer.h"

#include <QElapsedTimer>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace JobDesk::Sandbox;

class tst_SandboxCluster final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void demoDataSet();
    void demoPartitionAboveTwoToThe53();
    void demoKeepsDocumentedKeys();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void variablesKeepTheirText();
    void generateIsCheap();
    void searchLagsBehind();
    void resolveIncident();
    void activateWithLease();

private:
    static Cluster *demo(qint64 *now = nullptr);
};

Cluster *tst_SandboxCluster::demo(qint64 *now)
{
    auto *cluster = new Cluster(
        GatewayVersion::V8_8, now ? Cluster::Clock([now]() { return *now; }) : Cluster::Clock());
    QString error;
    if (!cluster->loadJson(SandboxServer::demoJobsJson(), &error))
        qFatal("demo data: %s", qPrintable(error));
    return cluster;
}

void tst_SandboxCluster::demoDataSet()
{
    std::unique_ptr<Cluster> cluster(demo());
    const JobStore &store = cluster->jobs();
    const auto count = [&](auto predicate) {
        return std::count_if(store.jobs().begin(), store.jobs().end(), predicate);
    };
    QVERIFY(count([](const Job &j) {
        return j.state == JobState::Created && j.kind == JobKind::BpmnElement;
    }) >= 20);
    QSet<QString> types;
    for (const Job &j : store.jobs()) {
        if (j.kind == JobKind::BpmnElement && j.state == JobState::Created)
            types.insert(store.string(j.type));
    }
    QVERIFY(types.size() >= 3);
    QVERIFY(count([&](const Job &j) {
        return j.state == JobState::Failed && j.retries == 0 && j.incidentKey != 0 && store.extra(j)
            && !store.extra(j)->errorMessage.isEmpty();
    }) >= 2);
    QVERIFY(count([](const Job &j) {
        return j.state == JobState::ErrorThrown && j.incidentKey != 0;
    }) >= 1);
    QVERIFY(count([](const Job &j) {
        return j.kind == JobKind::TaskListener
            && j.listenerEventType == ListenerEventType::Completing;
    }) >= 2);
    QVERIFY(count([](const Job &j) { return j.kind == JobKind::AdHocSubProcess; }) >= 1);
    // Both incident types, variables per instance and local ones, custom headers.
    QSet<int> incidentTypes;
    for (const Incident &i : store.incidents())
        incidentTypes.insert(int(i.type));
    QVERIFY(incidentTypes.contains(int(IncidentType::JobNoRetries)));
    QVERIFY(incidentTypes.contains(int(IncidentType::UnhandledErrorEvent)));
    for (const Job &j : store.jobs()) {
        const qint64 partition = j.key >> JobStore::PartitionShift;
        QVERIFY(partition >= 1 && partition <= store.partitionCount());
        QVERIFY2(!cluster->variables().inScope(j.processInstanceKey).empty(),
            qPrintable(QString::number(j.key)));
    }
    QVERIFY(!cluster->variables().inScope(2251799823685401).empty()); // local to the element
    QVERIFY(!store.object(store.find(2251799823685402)->customHeaders).isEmpty());
}

void tst_SandboxCluster::demoPartitionAboveTwoToThe53()
{
    std::unique_ptr<Cluster> cluster(demo());
    const JobStore &store = cluster->jobs();
    constexpr qint64 TwoTo53 = qint64(1) << 53;
    QSet<int> states;
    QSet<int> kinds;
    QSet<int> listeners;
    for (const Job &j : store.jobs()) {
        if (j.key <= TwoTo53)
            continue;
        QVERIFY(j.processInstanceKey > TwoTo53);
        QVERIFY(j.elementInstanceKey > TwoTo53);
        states.insert(int(j.state));
        kinds.insert(int(j.kind));
        listeners.insert(int(j.listenerEventType));
    }
    for (JobState s :
        {JobState::Created, JobState::Completed, JobState::Failed, JobState::ErrorThrown,
            JobState::RetriesUpdated, JobState::TimedOut, JobState::Canceled, JobState::Migrated})
        QVERIFY2(states.contains(int(s)), qPrintable(jobStateName(s)));
    QCOMPARE(kinds.size(), 4);
    QVERIFY(listeners.size() >= 6);
    // The keys JavaScript's Number() rounds: the original exists, its rounded twin does not.
    const auto jsRound = [](qint64 key) { return qint64(double(key)); };
    QCOMPARE(jsRound(9007199254745551), 9007199254745552);
    QVERIFY(store.find(9007199254745551));
    QVERIFY(!store.find(9007199254745552));
    // Two existing keys round to the same number: a "did you mean" with two candidates.
    QCOMPARE(jsRound(9007199254745563), 9007199254745564);
    QCOMPARE(jsRound(9007199254745565), 9007199254745564);
    QVERIFY(store.find(9007199254745563) && store.find(9007199254745565));
    QVERIFY(!store.find(9007199254745564));
    // Incidents raised there get keys above 2^53 too.
    for (const Incident &i : store.incidents()) {
        if (i.jobKey > TwoTo53)
            QVERIFY(i.key > TwoTo53);
    }
}

void tst_SandboxCluster::demoKeepsDocumentedKeys()
{
    // README and the other tests use these: they keep their kind and state.
    std::unique_ptr<Cluster> cluster(demo());
    const JobStore &store = cluster->jobs();
    QCOMPARE(store.find(2251799823685402)->state, JobState::Created);
    QCOMPARE(store.find(2251799823685597)->state, JobState::Failed);
    QCOMPARE(store.find(6755399441146877)->kind, JobKind::TaskListener);
    QCOMPARE(store.find(4503599627423060)->listenerEventType, ListenerEventType::Completing);
    QCOMPARE(store.find(2251799823685442)->state, JobState::Created);
}

void tst_SandboxCluster::rejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("not JSON") << QByteArray("{jobs") << "not valid JSON";
    QTest::newRow("no jobs") << QByteArray(R"({"items":[]})") << "expected";
    QTest::newRow("no key") << QByteArray(R"({"jobs":[{"type":"a"}]})") << "job #1: jobKey";
    QTest::newRow("no type") << QByteArray(R"({"jobs":[{"jobKey":"2251799813685249"}]})")
                             << "job #1: type is missing";
    QTest::newRow("bad state") << QByteArray(
        R"({"jobs":[{"jobKey":"2251799813685249","type":"a","state":"DONE"}]})")
                               << "unknown state";
    QTest::newRow("duplicate") << QByteArray(
        R"([{"jobKey":"5","type":"a"},{"jobKey":"5","type":"b"}])")
                               << "job #2: duplicate jobKey 5";
}

void tst_SandboxCluster::rejectsBadFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    Cluster cluster;
    QString error;
    QVERIFY(!cluster.loadJson(json, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void tst_SandboxCluster::variablesKeepTheirText()
{
    Cluster cluster;
    QString error;
    QVERIFY(cluster.loadJson(
        R"([{"jobKey":"2251799813685300","type":"t","processInstanceKey":"2251799813685301",
        "variables":{"big": 123456789012345678901234567890, "nested": { "a" : [1, 2.50] }}}])",
        &error));
    const auto vars = cluster.variables().inScope(2251799813685301);
    QCOMPARE(vars.size(), std::size_t(2));
    QCOMPARE(vars.at(0).value, QByteArray("123456789012345678901234567890"));
    QCOMPARE(vars.at(1).value, QByteArray(R"({"a":[1,2.50]})"));
    const Job &job = *cluster.jobs().find(2251799813685300);
    QCOMPARE(cluster.variablesText(job, {QStringLiteral("big")}),
        QByteArray(R"({"big":123456789012345678901234567890})"));
}

void tst_SandboxCluster::generateIsCheap()
{
    Cluster cluster;
    QElapsedTimer clock;
    clock.start();
    cluster.generate(300'000);
    qInfo("generated 300,000 jobs with their variables in %lld ms",
        static_cast<long long>(clock.elapsed()));
    QCOMPARE(cluster.variables().count(), 600'000);
    const qint64 instance = JobStore::GeneratedBase + 7 + JobStore::GeneratedInstanceOffset;
    QCOMPARE(cluster.variables().inScope(instance).size(), std::size_t(2));
    // The first write copies the instance's variables out of the template.
    Job &job = *cluster.jobs().find(JobStore::GeneratedBase + 7);
    cluster.writeVariables(job, job.elementInstanceKey, {{QStringLiteral("amount"), "1"}}, false);
    const auto vars = cluster.variables().inScope(instance);
    QCOMPARE(vars.size(), std::size_t(2));
    QCOMPARE(vars.at(1).value, QByteArray("1"));
    QCOMPARE(cluster.variables().count(), 600'000);
}

void tst_SandboxCluster::searchLagsBehind()
{
    qint64 now = 1000;
    std::unique_ptr<Cluster> cluster(demo(&now));
    cluster->searchDelay().setDelayMs(500);
    Job &job = *cluster->jobs().find(2251799823685402);
    cluster->touch(job);
    job.state = JobState::Completed;
    now += 100;
    cluster->touch(job);
    job.retries = 9;
    const auto seen = [&]() { return cluster->visible(job); };
    QCOMPARE(seen().job->state, JobState::Created);
    now = 1000 + 500; // the first change is visible, the second not yet
    QCOMPARE(seen().job->state, JobState::Completed);
    QCOMPARE(seen().job->retries, 3);
    now = 1000 + 601;
    QCOMPARE(seen().job, &job);
    QCOMPARE(seen().job->retries, 9);
}

void tst_SandboxCluster::resolveIncident()
{
    std::unique_ptr<Cluster> cluster(demo());
    Job &job = *cluster->jobs().find(2251799823685597);
    const qint64 incident = job.incidentKey;
    auto refused = cluster->resolveIncident(incident);
    QVERIFY(refused);
    QCOMPARE(refused->code, QStringLiteral("INVALID_STATE"));
    job.retries = 1;
    QVERIFY(!cluster->resolveIncident(incident));
    QCOMPARE(job.state, JobState::Created);
    refused = cluster->resolveIncident(incident);
    QCOMPARE(refused->code, QStringLiteral("NOT_FOUND"));
}

void tst_SandboxCluster::activateWithLease()
{
    std::unique_ptr<Cluster> cluster(demo());
    const auto jobs
        = cluster->activate(QStringLiteral("check-address"), QStringLiteral("w"), 1000, 2, true);
    QCOMPARE(jobs.size(), std::size_t(2));
    for (Job *job : jobs) {
        QVERIFY(!cluster->jobs().extra(*job).leaseToken.isEmpty());
        QCOMPARE(cluster->jobs().string(job->worker), QStringLiteral("w"));
    }
    QVERIFY(cluster->activate(QStringLiteral("no-such-type"), QString(), 1000, 2, false).empty());
}

QTEST_GUILESS_MAIN(tst_SandboxCluster)
#include "tst_SandboxCluster.moc"
