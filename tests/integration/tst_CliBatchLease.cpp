// SPDX-License-Identifier: GPL-3.0-or-later
// A batch that runs somewhere told from one whose program died, with real processes against the
// sandbox: while one `jobdesk-cli batch` runs, `batch list`/`show` name its pid and a second
// `batch resume` is refused at once (exit 2, nothing sent); after `kill -9` the batch shows as
// interrupted and `batch resume` finishes it — the sandbox's own record has every key completed
// exactly once.
#include "support/CliRunner.h"
#include "support/SandboxProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kKeys = 400;

/// --generate N makes keys (1<<51) + 1 + i.
QString generatedKey(int index)
{
    return QString::number((qint64(1) << 51) + 1 + index);
}

} // namespace

class TestCliBatchLease final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void aRunningBatchIsItsProgramsAndAKilledOneIsInterrupted();

private:
    CliRun cli(const QStringList &arguments);
    /// `batch list --json`'s entry of `batchId` (empty when it is not listed).
    QJsonObject listed(qint64 batchId);
    /// Per key: how many completions the sandbox received.
    QHash<QString, int> completionsReceived();

    QTemporaryDir m_home;
    SandboxProcess m_sandbox;
};

void TestCliBatchLease::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
    // Slow answers: a batch at concurrency 1 runs for seconds, long enough to look at it.
    QVERIFY2(m_sandbox.start({QStringLiteral("--generate"), QString::number(kKeys),
                 QStringLiteral("--latency-ms"), QStringLiteral("25")}),
        qPrintable(m_sandbox.error()));
}

CliRun TestCliBatchLease::cli(const QStringList &arguments)
{
    return runCli(m_home.path(), arguments, {}, {}, 120000);
}

QJsonObject TestCliBatchLease::listed(qint64 batchId)
{
    const CliRun list
        = cli({QStringLiteral("batch"), QStringLiteral("list"), QStringLiteral("--json")});
    for (const QJsonValue &value : QJsonDocument::fromJson(list.out).array()) {
        if (value.toObject().value(QLatin1String("id")).toInteger() == batchId)
            return value.toObject();
    }
    return {};
}

QHash<QString, int> TestCliBatchLease::completionsReceived()
{
    QHash<QString, int> received;
    const std::optional<QJsonObject> record = m_sandbox.record();
    if (!record)
        return received;
    const QJsonObject keys = record->value(QLatin1String("keys")).toObject();
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        const QJsonObject complete
            = it.value().toObject().value(QLatin1String("complete")).toObject();
        if (!complete.isEmpty())
            received.insert(it.key(), complete.value(QLatin1String("received")).toInt());
    }
    return received;
}

void TestCliBatchLease::aRunningBatchIsItsProgramsAndAKilledOneIsInterrupted()
{
    QByteArray keys;
    for (int i = 0; i < kKeys; ++i)
        keys += generatedKey(i).toUtf8() + '\n';
    const QString input = m_home.filePath(QStringLiteral("keys.txt"));
    {
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(keys);
    }
    QProcess *running = startCli(m_home.path(),
        {QStringLiteral("batch"), QStringLiteral("--keys"), input, QStringLiteral("--concurrency"),
            QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--base-url"),
            m_sandbox.baseUrlString()},
        {}, this);
    QVERIFY(running->waitForStarted(10000));
    running->closeWriteChannel();
    const qint64 pid = running->processId();
    const QByteArray byPid = "pid " + QByteArray::number(pid);

    // Running: listed as running, by this pid.
    QJsonObject entry;
    QTRY_VERIFY_WITH_TIMEOUT(
        (entry = listed(1),
            entry.value(QLatin1String("state")).toString() == QLatin1String("running")),
        30000);
    QCOMPARE(entry.value(QLatin1String("live")).toBool(), true);
    QCOMPARE(entry.value(QLatin1String("interrupted")).toBool(), false);
    QCOMPARE(entry.value(QLatin1String("pid")).toInteger(), pid);
    const CliRun show = cli({QStringLiteral("batch"), QStringLiteral("show"), QStringLiteral("1")});
    QCOMPARE(show.exitCode, 0);
    QVERIFY2(show.out.contains("(running)"), show.out.constData());
    QVERIFY2(show.out.contains(byPid), show.out.constData());

    // A second runner of the same batch: refused at once, naming the first, nothing sent.
    const QHash<QString, int> before = completionsReceived();
    const CliRun second = cli({QStringLiteral("batch"), QStringLiteral("resume"),
        QStringLiteral("1"), QStringLiteral("--base-url"), m_sandbox.baseUrlString()});
    QCOMPARE(second.exitCode, 2);
    QVERIFY2(second.err.contains(byPid), second.err.constData());
    QVERIFY2(second.err.contains("nothing was sent"), second.err.constData());
    QVERIFY(second.out.isEmpty());
    QCOMPARE(running->state(), QProcess::Running);

    // kill -9: no chance to record anything; the journal still says running.
    running->kill();
    QVERIFY(running->waitForFinished(10000));
    const QHash<QString, int> atKill = completionsReceived();
    QVERIFY2(atKill.size() >= before.size() && atKill.size() < kKeys,
        qPrintable(QString::number(atKill.size())));
    entry = listed(1);
    QCOMPARE(entry.value(QLatin1String("state")).toString(), QStringLiteral("running"));
    QCOMPARE(entry.value(QLatin1String("interrupted")).toBool(), true);
    QCOMPARE(entry.value(QLatin1String("live")).toBool(), false);
    QVERIFY(entry.value(QLatin1String("pid")).isNull());
    const CliRun text = cli({QStringLiteral("batch"), QStringLiteral("list")});
    QVERIFY2(text.out.contains("interrupted"), text.out.constData());
    QVERIFY2(!text.out.contains("running"), text.out.constData());
    const CliRun shown
        = cli({QStringLiteral("batch"), QStringLiteral("show"), QStringLiteral("1")});
    QVERIFY2(shown.out.startsWith("Batch 1 (interrupted)"), shown.out.constData());

    // Resumed: every key completed, none twice.
    const CliRun resumed = cli({QStringLiteral("batch"), QStringLiteral("resume"),
        QStringLiteral("1"), QStringLiteral("--concurrency"), QStringLiteral("8"),
        QStringLiteral("--base-url"), m_sandbox.baseUrlString()});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    const QHash<QString, int> after = completionsReceived();
    QCOMPARE(after.size(), kKeys);
    for (int i = 0; i < kKeys; ++i)
        QVERIFY2(after.value(generatedKey(i)) == 1, qPrintable(generatedKey(i)));
    entry = listed(1);
    QCOMPARE(entry.value(QLatin1String("state")).toString(), QStringLiteral("finished"));
    QCOMPARE(entry.value(QLatin1String("interrupted")).toBool(), false);
    QCOMPARE(entry.value(QLatin1String("live")).toBool(), false);
}

QTEST_GUILESS_MAIN(TestCliBatchLease)
#include "tst_CliBatchLease.moc"
