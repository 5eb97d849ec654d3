// SPDX-License-Identifier: GPL-3.0-or-later
// jobdesk-cli complete with ad-hoc results, lease tokens and business ids, against the sandbox of
// each gateway version (issue 15): what a version cannot take is refused before sending, a plain
// completion never reads the version, and the engine's refusals are explained as what they are.
// A batch (new or resumed) whose payload the version cannot take is refused the same way.
#include "support/CliRunner.h"
#include "support/FaultServer.h"
#include "support/SandboxProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
// resources/sandbox/demo-jobs.json
const QString kPlainJob = QStringLiteral("2251799823685402");
const QString kSecondPlainJob = QStringLiteral("4503599627422815");
const QString kCompletingListener = QStringLiteral("6755399441146877");
const QString kAdHocJob = QStringLiteral("2251799823685613"); // lookup-order, issue-refund, …
const QString kAdHocOver = QStringLiteral("2251799823685741"); // its sub-process is not active
const QString kLeasedJob = QStringLiteral("4503599627423131");
const QString kLeaseToken = QStringLiteral("demo-lease-4503599627423131");
const QString kOtherCompletingListener = QStringLiteral("4503599627423060");

/// Per key, the completions the sandbox received (its own record).
QHash<QString, int> completionsReceived(SandboxProcess &sandbox)
{
    QHash<QString, int> received;
    const std::optional<QJsonObject> record = sandbox.record();
    if (!record)
        return {{QStringLiteral("no record"), -1}};
    const QJsonObject keys = record->value(QLatin1String("keys")).toObject();
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        const QJsonObject complete
            = it.value().toObject().value(QLatin1String("complete")).toObject();
        if (!complete.isEmpty())
            received.insert(it.key(), complete.value(QLatin1String("received")).toInt());
    }
    return received;
}
} // namespace

class TestCliVersionGate final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QVERIFY(m_home.emplace().isValid()); }

    void resultRefusedBefore88();
    void leaseAndBusinessIdRefusedBefore810();
    void adHocResultsOn88();
    void leasedJobOn810();
    void plainCompletionNeverReadsTheVersion();
    void versionIsReadOnceAndRemembered();
    void unknownVersionSendsAsAsked();
    void batchWithAResultRefusedBefore88();
    void batchResumedAgainstAnOlderServerSendsNothing();

private:
    CliRun run(const QStringList &arguments, const QString &baseUrl)
    {
        return runCli(m_home->path(),
            arguments
                + QStringList {
                    QStringLiteral("--base-url"), baseUrl, QStringLiteral("--no-history")});
    }
    static QStringList complete(const QString &key, const QStringList &more = {})
    {
        return QStringList {QStringLiteral("complete"), key} + more;
    }
    static QByteArray topologyOf(const char *version)
    {
        return QByteArray("{\"brokers\":[],\"clusterSize\":1,\"partitionsCount\":1,"
                          "\"replicationFactor\":1,\"gatewayVersion\":\"")
            + version + "\",\"lastCompletedChangeId\":\"-1\"}";
    }

    /// A file of the two COMPLETING task listeners' keys, one a line.
    QString listenerKeys()
    {
        const QString path = m_home->filePath(QStringLiteral("listeners.txt"));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write((kCompletingListener + u'\n' + kOtherCompletingListener + u'\n').toUtf8());
        return path;
    }

    std::optional<QTemporaryDir> m_home;
};

void TestCliVersionGate::resultRefusedBefore88()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.7")}),
        qPrintable(sandbox.error()));
    // A denial and an ad-hoc result: said before sending, exit 2, the job untouched.
    const CliRun deny
        = run(complete(kCompletingListener, {QStringLiteral("--deny")}), sandbox.baseUrlString());
    QCOMPARE(deny.exitCode, 2);
    QVERIFY2(deny.err.contains("`result` needs Camunda 8.8 or later; this server reports 8.7"),
        deny.err.constData());
    QVERIFY2(deny.err.contains("Nothing was sent"), deny.err.constData());
    const CliRun adHoc
        = run(complete(kPlainJob, {QStringLiteral("--activate"), QStringLiteral("lookup-order")}),
            sandbox.baseUrlString());
    QCOMPARE(adHoc.exitCode, 2);
    QVERIFY2(adHoc.err.contains("`result` needs Camunda 8.8"), adHoc.err.constData());
    // Nothing reached the jobs: a plain completion of both still works.
    QCOMPARE(run(complete(kCompletingListener), sandbox.baseUrlString()).exitCode, 0);
    QCOMPARE(run(complete(kPlainJob), sandbox.baseUrlString()).exitCode, 0);
}

void TestCliVersionGate::leaseAndBusinessIdRefusedBefore810()
{
    for (const char *version : {"8.8", "8.9"}) {
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                     QString::fromLatin1(version)}),
            qPrintable(sandbox.error()));
        const CliRun lease
            = run(complete(kPlainJob, {QStringLiteral("--lease-token"), QStringLiteral("t-1")}),
                sandbox.baseUrlString());
        QCOMPARE(lease.exitCode, 2);
        QVERIFY2(
            lease.err.contains("`leaseToken` needs Camunda 8.10 or later"), lease.err.constData());
        const CliRun id = run(
            complete(kPlainJob, {QStringLiteral("--business-id"), QStringLiteral("order-4711")}),
            sandbox.baseUrlString());
        QCOMPARE(id.exitCode, 2);
        QVERIFY2(id.err.contains("`businessId` needs Camunda 8.10 or later"), id.err.constData());
        QCOMPARE(run(complete(kPlainJob), sandbox.baseUrlString()).exitCode, 0);
    }
}

void TestCliVersionGate::adHocResultsOn88()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.8")}),
        qPrintable(sandbox.error()));
    // An element the sub-process does not have: the engine's 404, explained as such.
    const CliRun unknown = run(
        complete(kAdHocJob, {QStringLiteral("--activate"), QStringLiteral("no-such-element")}),
        sandbox.baseUrlString());
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.out.contains("has no element no-such-element"), unknown.out.constData());
    // A sub-process that is over: 409.
    const CliRun over
        = run(complete(kAdHocOver, {QStringLiteral("--activate"), QStringLiteral("lookup-order")}),
            sandbox.baseUrlString());
    QCOMPARE(over.exitCode, 1);
    QVERIFY2(over.out.contains("409"), over.out.constData());
    // The conflicting combination never leaves the machine.
    const CliRun both = run(complete(kAdHocJob,
                                {QStringLiteral("--activate"), QStringLiteral("lookup-order"),
                                    QStringLiteral("--completion-condition-fulfilled")}),
        sandbox.baseUrlString());
    QCOMPARE(both.exitCode, 2);
    // Elements with their own variables, exactly as typed.
    const CliRun ok = run(
        complete(kAdHocJob,
            {QStringLiteral("--activate"), QStringLiteral("lookup-order"),
                QStringLiteral("--activate"), QStringLiteral("issue-refund={\"amount\": 12.50}"),
                QStringLiteral("--json")}),
        sandbox.baseUrlString());
    QCOMPARE(ok.exitCode, 0);
    QVERIFY2(QJsonDocument::fromJson(ok.out).object().value(QLatin1String("ok")).toBool(),
        ok.out.constData());
}

void TestCliVersionGate::leasedJobOn810()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.10")}),
        qPrintable(sandbox.error()));
    const CliRun without = run(complete(kLeasedJob), sandbox.baseUrlString());
    QCOMPARE(without.exitCode, 1);
    QVERIFY2(without.out.contains("leased by a worker"), without.out.constData());
    const CliRun wrong
        = run(complete(kLeasedJob, {QStringLiteral("--lease-token"), QStringLiteral("stale")}),
            sandbox.baseUrlString());
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.out.contains("does not match"), wrong.out.constData());
    const CliRun with = run(complete(kLeasedJob,
                                {QStringLiteral("--lease-token"), kLeaseToken,
                                    QStringLiteral("--business-id"), QStringLiteral("order-4711")}),
        sandbox.baseUrlString());
    QVERIFY2(with.exitCode == 0, with.out.constData());
}

void TestCliVersionGate::plainCompletionNeverReadsTheVersion()
{
    FaultServer server;
    QVERIFY(server.listen());
    QCOMPARE(run(complete(kPlainJob, {QStringLiteral("--variables"), QStringLiteral("{}")}),
                 server.baseUrl())
                 .exitCode,
        0);
    QCOMPARE(server.requestCount(), 1);
    QVERIFY(server.requests().at(0).target.endsWith("/completion"));
}

void TestCliVersionGate::versionIsReadOnceAndRemembered()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.enqueue(FaultServer::Behaviour::answer(200, topologyOf("8.8.1")));
    // The first completion with a result reads the version first, the next one remembers it.
    QCOMPARE(
        run(complete(kCompletingListener, {QStringLiteral("--deny")}), server.baseUrl()).exitCode,
        0);
    QCOMPARE(server.requestCount(), 2);
    QVERIFY(server.requests().at(0).target.endsWith("/v2/topology"));
    QVERIFY(server.requests().at(1).target.endsWith("/completion"));
    QCOMPARE(
        run(complete(kCompletingListener, {QStringLiteral("--deny")}), server.baseUrl()).exitCode,
        0);
    QCOMPARE(server.requestCount(), 3);
    // What 8.8 cannot take is refused from memory, without a request.
    const CliRun lease
        = run(complete(kPlainJob, {QStringLiteral("--lease-token"), QStringLiteral("t")}),
            server.baseUrl());
    QCOMPARE(lease.exitCode, 2);
    QVERIFY2(lease.err.contains("this server reports 8.8.1"), lease.err.constData());
    QCOMPARE(server.requestCount(), 3);
    // A dry run shows the request and warns, sending nothing.
    const CliRun dry = run(
        complete(kPlainJob,
            {QStringLiteral("--lease-token"), QStringLiteral("t"), QStringLiteral("--dry-run")}),
        server.baseUrl());
    QCOMPARE(dry.exitCode, 0);
    QVERIFY(dry.out.contains("\"leaseToken\":\"t\""));
    QVERIFY2(dry.err.contains("warning: `leaseToken` needs Camunda 8.10"), dry.err.constData());
    QCOMPARE(server.requestCount(), 3);
}

void TestCliVersionGate::unknownVersionSendsAsAsked()
{
    // A version that cannot be read ("dev"): sent as asked, and remembered as such (no second
    // look).
    FaultServer server;
    QVERIFY(server.listen());
    server.enqueue(FaultServer::Behaviour::answer(200, topologyOf("dev")));
    QCOMPARE(run(complete(kPlainJob, {QStringLiteral("--lease-token"), QStringLiteral("t")}),
                 server.baseUrl())
                 .exitCode,
        0);
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.requests().at(1).body, QByteArray("{\"leaseToken\":\"t\"}"));
    QCOMPARE(run(complete(kPlainJob, {QStringLiteral("--business-id"), QStringLiteral("b")}),
                 server.baseUrl())
                 .exitCode,
        0);
    QCOMPARE(server.requestCount(), 3);
    QCOMPARE(server.requests().at(2).body, QByteArray("{\"businessId\":\"b\"}"));

    // No topology at all (404): sent as asked.
    FaultServer bare;
    QVERIFY(bare.listen());
    bare.enqueue(FaultServer::Behaviour::answer(404));
    QCOMPARE(run(complete(kPlainJob, {QStringLiteral("--business-id"), QStringLiteral("b")}),
                 bare.baseUrl())
                 .exitCode,
        0);
    QCOMPARE(bare.requestCount(), 2);
    QCOMPARE(bare.requests().at(1).body, QByteArray("{\"businessId\":\"b\"}"));
}

void TestCliVersionGate::batchWithAResultRefusedBefore88()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.7")}),
        qPrintable(sandbox.error()));
    const QStringList deny = {QStringLiteral("batch"), QStringLiteral("--keys"), listenerKeys(),
        QStringLiteral("--deny")};
    // Said once, before a plan: exit 2, no completion arrived (not one refusal per item).
    const CliRun refused = run(deny, sandbox.baseUrlString());
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("`result` needs Camunda 8.8 or later; this server reports 8.7"),
        refused.err.constData());
    QVERIFY2(refused.err.contains("Nothing was sent"), refused.err.constData());
    QVERIFY2(!refused.out.contains("Plan of batch"), refused.out.constData());
    QCOMPARE(completionsReceived(sandbox), (QHash<QString, int>()));
    // From memory the second time; a dry run plans, warns, and sends nothing.
    const CliRun dry
        = run(deny + QStringList {QStringLiteral("--dry-run")}, sandbox.baseUrlString());
    QCOMPARE(dry.exitCode, 0);
    QVERIFY2(dry.err.contains("warning: `result` needs Camunda 8.8"), dry.err.constData());
    QVERIFY2(
        dry.out.contains("Plan of batch") && dry.out.contains("(2 rows)"), dry.out.constData());
    QCOMPARE(completionsReceived(sandbox), (QHash<QString, int>()));
    // A plain completion of both still works: nothing reached the jobs.
    const CliRun plain = run({QStringLiteral("batch"), QStringLiteral("--keys"), listenerKeys()},
        sandbox.baseUrlString());
    QVERIFY2(plain.exitCode == 0, plain.out.constData());
    QCOMPARE(completionsReceived(sandbox).value(kCompletingListener), 1);

    // The same batch against 8.8 runs.
    SandboxProcess current;
    QVERIFY2(current.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.8")}),
        qPrintable(current.error()));
    const CliRun ran = run(deny, current.baseUrlString());
    QVERIFY2(ran.exitCode == 0, QByteArray(ran.out + ran.err).constData());
    const QHash<QString, int> received = completionsReceived(current);
    QCOMPARE(received.value(kCompletingListener), 1);
    QCOMPARE(received.value(kOtherCompletingListener), 1);
}

void TestCliVersionGate::batchResumedAgainstAnOlderServerSendsNothing()
{
    SandboxProcess planned;
    QVERIFY2(planned.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.8")}),
        qPrintable(planned.error()));
    SandboxProcess older;
    QVERIFY2(older.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.7")}),
        qPrintable(older.error()));
    // Planned on a production profile without --yes: the plan is kept, nothing sent.
    QCOMPARE(runCli(m_home->path(),
                 {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("live"),
                     QStringLiteral("--base-url"), planned.baseUrlString(),
                     QStringLiteral("--environment"), QStringLiteral("prod")})
                 .exitCode,
        0);
    const CliRun plan = runCli(m_home->path(),
        {QStringLiteral("batch"), QStringLiteral("--keys"), listenerKeys(),
            QStringLiteral("--deny"), QStringLiteral("--profile"), QStringLiteral("live")});
    QCOMPARE(plan.exitCode, 2);
    QVERIFY2(plan.err.contains("--yes"), plan.err.constData());
    const CliRun list = runCli(m_home->path(),
        {QStringLiteral("batch"), QStringLiteral("list"), QStringLiteral("--json")});
    const QJsonArray batches = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(batches.size(), 1);
    const QString id
        = QString::number(batches.first().toObject().value(QLatin1String("id")).toInteger());

    // Resumed against the older server: refused before anything is looked up or sent.
    const CliRun resumed = runCli(m_home->path(),
        {QStringLiteral("batch"), QStringLiteral("resume"), id, QStringLiteral("--yes"),
            QStringLiteral("--base-url"), older.baseUrlString()});
    QCOMPARE(resumed.exitCode, 2);
    QVERIFY2(resumed.err.contains("`result` needs Camunda 8.8 or later; this server reports 8.7"),
        resumed.err.constData());
    QCOMPARE(completionsReceived(older), (QHash<QString, int>()));
    QCOMPARE(completionsReceived(planned), (QHash<QString, int>()));

    // Where it was planned, it runs: each key once.
    const CliRun ran = runCli(m_home->path(),
        {QStringLiteral("batch"), QStringLiteral("resume"), id, QStringLiteral("--yes")});
    QVERIFY2(ran.exitCode == 0, QByteArray(ran.out + ran.err).constData());
    const QHash<QString, int> received = completionsReceived(planned);
    QCOMPARE(received.value(kCompletingListener), 1);
    QCOMPARE(received.value(kOtherCompletingListener), 1);
    QCOMPARE(completionsReceived(older), (QHash<QString, int>()));
}

QTEST_GUILESS_MAIN(TestCliVersionGate)
#include "tst_CliVersionGate.moc"
