// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's job store: the demo data set, --jobs-file parsing and --generate.
#include "sandbox/JobStore.h"
#include "sandbox/SandboxServer.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace JobDesk::Sandbox;

class tst_SandboxJobStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void demoDataSet();
    void rejectsBadFiles_data();
    void rejectsBadFiles();
    void generateMillion();
};

void tst_SandboxJobStore::demoDataSet()
{
    JobStore store;
    QString error;
    QVERIFY2(store.loadJson(SandboxServer::demoJobsJson(), &error), qPrintable(error));
    const auto count = [&](auto predicate) {
        return std::count_if(store.jobs().begin(), store.jobs().end(), predicate);
    };
    QVERIFY(count([](const Job &j) {
        return j.state == JobState::Created && j.kind == JobKind::BpmnElement;
    }) >= 20);
    QStringList types;
    for (const Job &j : store.jobs()) {
        if (j.kind == JobKind::BpmnElement && !types.contains(store.string(j.type)))
            types.append(store.string(j.type));
    }
    QVERIFY(types.size() >= 3);
    QVERIFY(types.contains(QStringLiteral("payment-service")));
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
    for (const Job &j : store.jobs()) {
        const qint64 partition = j.key >> JobStore::PartitionShift;
        QVERIFY(partition >= 1 && partition <= store.partitionCount());
        QVERIFY(!store.object(j.variables).isEmpty());
    }
}

void tst_SandboxJobStore::rejectsBadFiles_data()
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

void tst_SandboxJobStore::rejectsBadFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    JobStore store;
    QString error;
    QVERIFY(!store.loadJson(json, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void tst_SandboxJobStore::generateMillion()
{
    JobStore store;
    QElapsedTimer clock;
    clock.start();
    store.generate(1'000'000);
    qInfo("generated 1,000,000 jobs in %lld ms", static_cast<long long>(clock.elapsed()));
    QCOMPARE(store.size(), 1'000'000);
    QVERIFY(sizeof(Job) <= 112);
    const Job *first = store.find(2251799813685249);
    QVERIFY(first);
    QCOMPARE(first->state, JobState::Created);
    QCOMPARE(store.find(2251799813685249 + 999'999)->key, 2251799813685249 + 999'999);
    QVERIFY(!store.find(2251799813685249 + 1'000'000));
    QVERIFY(!store.find(2251799813685248));
}

QTEST_GUILESS_MAIN(tst_SandboxJobStore)
#include "tst_SandboxJobStore.moc"
