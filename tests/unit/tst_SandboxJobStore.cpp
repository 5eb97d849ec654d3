// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's job store: --generate (fast, compact), the indexes by job, process-instance and
// element-instance key, the engine state of a job, incidents and the keys made at run time.
#include "sandbox/JobStore.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk::Sandbox;

class tst_SandboxJobStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void generateMillion();
    void indexes();
    void engineState_data();
    void engineState();
    void incidents();
    void runtimeKeysStayOnTheirPartition();
    void names();
};

void tst_SandboxJobStore::generateMillion()
{
    JobStore store;
    QElapsedTimer clock;
    clock.start();
    store.generate(1'000'000, 1000);
    qInfo("generated 1,000,000 jobs in %lld ms", static_cast<long long>(clock.elapsed()));
    QCOMPARE(store.size(), 1'000'000);
    QVERIFY(sizeof(Job) <= 112);
    const Job *first = store.find(2251799813685249);
    QVERIFY(first);
    QCOMPARE(first->state, JobState::Created);
    QCOMPARE(first->creationTimeMs, 1000);
    QCOMPARE(store.find(2251799813685249 + 999'999)->key, 2251799813685249 + 999'999);
    QVERIFY(!store.find(2251799813685249 + 1'000'000));
    QVERIFY(!store.find(2251799813685248));
    QVERIFY(store.isGenerated(*first));
}

void tst_SandboxJobStore::indexes()
{
    JobStore store;
    Job a;
    a.key = 2251799823685402;
    a.processInstanceKey = 2251799823685394;
    a.elementInstanceKey = 2251799823685401;
    Job b = a;
    b.key = 2251799823685500;
    b.elementInstanceKey = 2251799823685499;
    Job listener = a;
    listener.key = 2251799823685600;
    listener.endTimeMs = 5; // a finished listener job on the same element
    QVERIFY(store.add(a));
    QVERIFY(store.add(b));
    QVERIFY(store.add(listener));
    QVERIFY(!store.add(a)); // the key is taken
    store.generate(10, 0);
    QCOMPARE(store.jobsOfInstance(2251799823685394).size(), std::size_t(3));
    QCOMPARE(store.jobOfElementInstance(2251799823685401)->key, a.key); // the open one
    QCOMPARE(store.jobOfElementInstance(2251799823685499)->key, b.key);
    QVERIFY(!store.jobOfElementInstance(1));
    const qint64 generated = JobStore::GeneratedBase + 3;
    QCOMPARE(
        store.jobsOfInstance(generated + JobStore::GeneratedInstanceOffset).at(0)->key, generated);
    QCOMPARE(
        store.jobOfElementInstance(generated + JobStore::GeneratedElementOffset)->key, generated);
}

void tst_SandboxJobStore::engineState_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<qint64>("deadline");
    QTest::addColumn<qint64>("backoff");
    QTest::addColumn<bool>("incident");
    QTest::addColumn<int>("expected");
    const qint64 now = 1000;
    QTest::newRow("created") << int(JobState::Created) << qint64(0) << qint64(0) << false
                             << int(EngineState::Activatable);
    QTest::newRow("activated") << int(JobState::Created) << now + 1 << qint64(0) << false
                               << int(EngineState::Activated);
    QTest::newRow("deadline passed")
        << int(JobState::Created) << now << qint64(0) << false << int(EngineState::Activatable);
    QTest::newRow("backing off") << int(JobState::Failed) << qint64(0) << now + 1 << false
                                 << int(EngineState::Failed);
    QTest::newRow("back-off over")
        << int(JobState::Failed) << qint64(0) << now << false << int(EngineState::Activatable);
    QTest::newRow("incident") << int(JobState::RetriesUpdated) << qint64(0) << qint64(0) << true
                              << int(EngineState::Failed);
    QTest::newRow("error thrown") << int(JobState::ErrorThrown) << qint64(0) << qint64(0) << true
                                  << int(EngineState::ErrorThrown);
    QTest::newRow("error caught") << int(JobState::ErrorThrown) << qint64(0) << qint64(0) << false
                                  << int(EngineState::NotFound);
    QTest::newRow("completed") << int(JobState::Completed) << qint64(0) << qint64(0) << false
                               << int(EngineState::NotFound);
    QTest::newRow("canceled") << int(JobState::Canceled) << qint64(0) << qint64(0) << false
                              << int(EngineState::NotFound);
}

void tst_SandboxJobStore::engineState()
{
    QFETCH(int, state);
    QFETCH(qint64, deadline);
    QFETCH(qint64, backoff);
    QFETCH(bool, incident);
    QFETCH(int, expected);
    JobStore store;
    Job job;
    job.key = 2251799823685402;
    job.state = JobState(state);
    job.deadlineMs = deadline;
    QVERIFY(store.add(job));
    Job &stored = *store.find(job.key);
    if (backoff)
        store.extra(stored).backoffUntilMs = backoff;
    if (incident)
        store.raiseIncident(stored, 1);
    QCOMPARE(int(store.engineState(stored, 1000)), expected);
}

void tst_SandboxJobStore::incidents()
{
    JobStore store;
    Job job;
    job.key = 4503599627423048;
    job.kind = JobKind::TaskListener;
    job.state = JobState::Failed;
    QVERIFY(store.add(job));
    Job &stored = *store.find(job.key);
    const Incident &incident = store.raiseIncident(stored, 77);
    QCOMPARE(incident.type, IncidentType::TaskListenerNoRetries);
    QCOMPARE(incident.errorMessage, QStringLiteral("No more retries left."));
    QCOMPARE(incident.creationTimeMs, 77);
    const qint64 key = incident.key;
    QCOMPARE(store.jobForIncident(key), &stored);
    store.closeIncident(stored);
    QCOMPARE(stored.incidentKey, 0);
    QVERIFY(store.incident(key)->resolved);
    QVERIFY(!store.jobForIncident(key));
}

void tst_SandboxJobStore::runtimeKeysStayOnTheirPartition()
{
    JobStore store;
    const qint64 onFour = store.nextKey(9007199254745551);
    QCOMPARE(onFour >> JobStore::PartitionShift, 4);
    QVERIFY(onFour > (qint64(1) << 53));
    QVERIFY(store.nextKey(9007199254745551) != onFour);
    QCOMPARE(store.nextKey(2251799823685402) >> JobStore::PartitionShift, 1);
}

void tst_SandboxJobStore::names()
{
    for (int s = 0; s <= int(JobState::TimeoutUpdated); ++s)
        QCOMPARE(int(*jobStateFromName(jobStateName(JobState(s)))), s);
    QCOMPARE(jobStateName(JobState::PriorityUpdated), QStringLiteral("PRIORITY_UPDATED"));
    QCOMPARE(jobKindName(JobKind::AdHocSubProcess), QStringLiteral("AD_HOC_SUB_PROCESS"));
    QCOMPARE(listenerEventTypeName(ListenerEventType::Canceling), QStringLiteral("CANCELING"));
    QVERIFY(!jobKindFromName(QStringLiteral("ROBOT")));
    QCOMPARE(incidentTypeName(IncidentType::AdHocSubProcessNoRetries),
        QStringLiteral("AD_HOC_SUB_PROCESS_NO_RETRIES"));
}

QTEST_GUILESS_MAIN(tst_SandboxJobStore)
#include "tst_SandboxJobStore.moc"
