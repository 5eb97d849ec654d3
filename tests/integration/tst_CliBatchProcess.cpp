// SPDX-License-Identifier: GPL-3.0-or-later
// `jobdesk-cli batch …` as a process against the sandbox (issue 14): the plan and its
// classification, bad rows (nothing sent), --json lines and exit codes, production needs
// --yes, 10,000 keys from a CSV under back-pressure and injected errors (report, history and
// the sandbox's own record agree), list/show/resume, and the kill-and-resume test: the CLI is
// killed at random points and resumed until the batch is done — no key completed twice, none
// forgotten, the history consistent.
#include "core/history/HistoryStore.h"
#include "support/SandboxProcess.h"
#include "support/TestPaths.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

namespace {

/// --generate N makes keys (1<<51) + 1 + i.
QString generatedKey(int index)
{
    return QString::number((qint64(1) << 51) + 1 + index);
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Every line of `out` as a JSON object (lines that are not are an error).
QList<QJsonObject> jsonLines(const QByteArray &out)
{
    QList<QJsonObject> objects;
    for (const QByteArray &line : out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(line);
        if (!document.isObject())
            return {};
        objects.append(document.object());
    }
    return objects;
}

/// The sandbox's own record: key → (received, applied) completions.
QHash<QString, QPair<int, int>> completionRecord(const SandboxProcess &sandbox)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(
        QNetworkRequest(QUrl(sandbox.baseUrlString() + QStringLiteral("/sandbox/record"))));
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    QHash<QString, QPair<int, int>> record;
    const QJsonObject keys = QJsonDocument::fromJson(reply->readAll())
                                 .object()
                                 .value(QLatin1String("keys"))
                                 .toObject();
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        const QJsonObject complete
            = it.value().toObject().value(QLatin1String("complete")).toObject();
        if (complete.isEmpty())
            continue;
        record.insert(it.key(),
            {complete.value(QLatin1String("received")).toInt(),
                complete.value(QLatin1String("applied")).toInt()});
    }
    delete reply;
    return record;
}

} // namespace

class TestCliBatchProcess final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void dryRunPlansAndSendsNothing();
    void badRowsAreNamedAndNothingIsSent();
    void jsonLinesAndExitCodes();
    void csvVariablesAreSentTyped();
    void productionNeedsYes();
    void stopOnErrorThenResume();
    void tenThousandUnderBackpressureAndErrors();
    void killAndResume();
    void searchTakesOnlyWhatTheFilterFinds();

private:
    Run run(const QStringList &arguments, const QString &baseUrl = {}, const QByteArray &input = {},
        int timeoutMs = 120000);
    QProcess *startCli(const QStringList &arguments, const QString &baseUrl);
    QString writeFile(const QString &name, const QByteArray &content);
    QString historyPath() const;
    QJsonArray batches();

    QTemporaryDir m_home;
    SandboxProcess m_sandbox; ///< --generate 2000 plus the demo's kinds and states
};

void TestCliBatchProcess::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
    QVERIFY2(m_sandbox.start({QStringLiteral("--generate"), QStringLiteral("2000")}),
        qPrintable(m_sandbox.error()));
}

void TestCliBatchProcess::init()
{
    // Every test starts with an empty history (its own batches only).
    QDir(m_home.filePath(QStringLiteral("data"))).removeRecursively();
}

QProcess *TestCliBatchProcess::startCli(const QStringList &arguments, const QString &baseUrl)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("CAMUNDA_")) || name.startsWith(QLatin1String("ZEEBE_")))
            env.remove(name);
    }
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    auto *process = new QProcess(this);
    process->setProcessEnvironment(env);
    process->setProgram(TestPaths::executable(QStringLiteral("jobdesk-cli")));
    QStringList all = arguments;
    if (!baseUrl.isEmpty())
        all += QStringList {QStringLiteral("--base-url"), baseUrl};
    process->setArguments(all);
    process->start();
    return process;
}

Run TestCliBatchProcess::run(
    const QStringList &arguments, const QString &baseUrl, const QByteArray &input, int timeoutMs)
{
    QProcess *process = startCli(arguments, baseUrl);
    Run result;
    if (!process->waitForStarted(10000))
        return result;
    process->write(input);
    process->closeWriteChannel();
    if (!process->waitForFinished(timeoutMs)) {
        process->kill();
        process->waitForFinished(5000);
    }
    result.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -2;
    result.out = process->readAllStandardOutput();
    result.err = process->readAllStandardError();
    delete process;
    return result;
}

QString TestCliBatchProcess::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_home.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

QString TestCliBatchProcess::historyPath() const
{
    QDirIterator it(m_home.filePath(QStringLiteral("data")), {QStringLiteral("history.sqlite")},
        QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

QJsonArray TestCliBatchProcess::batches()
{
    const Run list
        = run({QStringLiteral("batch"), QStringLiteral("list"), QStringLiteral("--json")});
    return QJsonDocument::fromJson(list.out).array();
}

void TestCliBatchProcess::dryRunPlansAndSendsNothing()
{
    // Open, duplicate, not found: classified; nothing is sent, nothing stays in the journal.
    const QByteArray keys = generatedKey(1).toUtf8() + ", " + generatedKey(2).toUtf8() + "\n\""
        + generatedKey(1).toUtf8() + "\"\n2251799813685248000\n";
    const Run plan = run({QStringLiteral("batch"), QStringLiteral("--keys"), QStringLiteral("-"),
                             QStringLiteral("--dry-run"), QStringLiteral("--json")},
        m_sandbox.baseUrlString(), keys);
    QCOMPARE(plan.exitCode, 0);
    const QJsonObject o
        = QJsonDocument::fromJson(plan.out).object().value(QLatin1String("plan")).toObject();
    const QJsonObject counts = o.value(QLatin1String("counts")).toObject();
    QCOMPARE(o.value(QLatin1String("rows")).toInt(), 4);
    QCOMPARE(counts.value(QLatin1String("will-complete")).toInt(), 2);
    QCOMPARE(counts.value(QLatin1String("duplicate")).toInt(), 1);
    QCOMPARE(counts.value(QLatin1String("not-found")).toInt(), 1);
    QVERIFY(!completionRecord(m_sandbox).contains(generatedKey(1)));
    QCOMPARE(batches().size(), 0);

    const Run human = run({QStringLiteral("batch"), QStringLiteral("--keys"), QStringLiteral("-"),
                              QStringLiteral("--dry-run")},
        m_sandbox.baseUrlString(), keys);
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.out.contains("will complete") && human.out.contains("duplicate row"),
        human.out.constData());
}

void TestCliBatchProcess::badRowsAreNamedAndNothingIsSent()
{
    const QString csv = writeFile(QStringLiteral("bad.csv"),
        "jobKey,variables\n" + generatedKey(3).toUtf8() + ",{}\n2.2518E+15,\n"
            + generatedKey(4).toUtf8() + ",{\"a\":}\n");
    const Run bad
        = run({QStringLiteral("batch"), QStringLiteral("--csv"), csv}, m_sandbox.baseUrlString());
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("line 3:") && bad.err.contains("line 4:"), bad.err.constData());
    QVERIFY(!bad.err.contains("line 2:"));
    QVERIFY(!completionRecord(m_sandbox).contains(generatedKey(3)));
    QCOMPARE(batches().size(), 0);

    const Run usage = run(
        {QStringLiteral("batch"), QStringLiteral("--keys"), csv, QStringLiteral("--csv"), csv},
        m_sandbox.baseUrlString());
    QCOMPARE(usage.exitCode, 2);
    const Run empty = run({QStringLiteral("batch"), QStringLiteral("--keys"), QStringLiteral("-")},
        m_sandbox.baseUrlString(), "\n\n");
    QCOMPARE(empty.exitCode, 2);
}

void TestCliBatchProcess::jsonLinesAndExitCodes()
{
    QByteArray keys;
    for (int i = 10; i < 30; ++i)
        keys += generatedKey(i).toUtf8() + '\n';
    const Run first
        = run({QStringLiteral("batch"), QStringLiteral("--keys"), QStringLiteral("-"),
                  QStringLiteral("--json"), QStringLiteral("--concurrency"), QStringLiteral("3")},
            m_sandbox.baseUrlString(), keys);
    QCOMPARE(first.exitCode, 0);
    const QList<QJsonObject> lines = jsonLines(first.out);
    QCOMPARE(lines.size(), 21);
    QSet<QString> seen;
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(lines[i].value(QLatin1String("outcome")).toString(), QStringLiteral("completed"));
        QCOMPARE(lines[i].value(QLatin1String("httpStatus")).toInt(), 204);
        QVERIFY(lines[i].value(QLatin1String("problem")).isNull());
        QCOMPARE(lines[i].value(QLatin1String("attempts")).toInt(), 1);
        QVERIFY(lines[i].value(QLatin1String("elapsedMs")).isDouble());
        seen.insert(lines[i].value(QLatin1String("jobKey")).toString());
    }
    QCOMPARE(seen.size(), 20);
    const QJsonObject totals = lines.last().value(QLatin1String("batch")).toObject();
    QCOMPARE(totals.value(QLatin1String("total")).toInt(), 20);
    QCOMPARE(totals.value(QLatin1String("completed")).toInt(), 20);
    QCOMPARE(totals.value(QLatin1String("undone")).toInt(), 0);
    QVERIFY(totals.contains(QLatin1String("elapsedMs")));

    // Again: every job is completed already — skipped, still a success.
    const Run again = run({QStringLiteral("batch"), QStringLiteral("--keys"), QStringLiteral("-"),
                              QStringLiteral("--json")},
        m_sandbox.baseUrlString(), keys);
    QCOMPARE(again.exitCode, 0);
    const QList<QJsonObject> skipped = jsonLines(again.out);
    QCOMPARE(skipped.first().value(QLatin1String("outcome")).toString(),
        QStringLiteral("already-completed"));
    QCOMPARE(skipped.last()
                 .value(QLatin1String("batch"))
                 .toObject()
                 .value(QLatin1String("skipped"))
                 .toInt(),
        20);

    // A key nobody knows: skipped as not found, exit 1.
    const Run unknown
        = run({QStringLiteral("batch"), QStringLiteral("--keys"), QStringLiteral("-")},
            m_sandbox.baseUrlString(), generatedKey(40).toUtf8() + "\n2251799813685248000\n");
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.out.contains("1 completed, 1 skipped"), unknown.out.constData());

    // Every completion of the batch is an attempt in the history, linked to its batch.
    HistoryStore store;
    QVERIFY(store.open(historyPath()));
    HistoryFilter filter;
    filter.batchId = batches().last().toObject().value(QLatin1String("id")).toInt();
    const auto entries = store.query(filter, 0, 100000);
    QVERIFY(entries);
    QCOMPARE(entries->size(), 20);
    for (const HistoryEntry &entry : *entries) {
        QCOMPARE(entry.state, HistoryState::Finished);
        QCOMPARE(entry.kind, OutcomeKind::Completed);
        QCOMPARE(entry.source, HistorySource::Cli);
    }
}

void TestCliBatchProcess::csvVariablesAreSentTyped()
{
    const QString csv = writeFile(QStringLiteral("vars.csv"),
        "jobKey;amount;id;note\n" + generatedKey(50).toUtf8()
            + ";123456789012345678901234567890;00042;x\n");
    const Run batch
        = run({QStringLiteral("batch"), QStringLiteral("--csv"), csv, QStringLiteral("--variables"),
                  QStringLiteral("{\"shared\":1.50,\"note\":\"base\"}"), QStringLiteral("--json")},
            m_sandbox.baseUrlString());
    QCOMPARE(batch.exitCode, 0);
    HistoryStore store;
    QVERIFY(store.open(historyPath()));
    HistoryFilter filter;
    filter.text = generatedKey(50);
    const auto entries = store.query(filter, 0, 100000);
    QVERIFY(entries && !entries->isEmpty());
    const std::optional<HistoryEntry> entry = store.entry(entries->first().id);
    QVERIFY(entry);
    // The shared variables, the row's over them by name, every value as typed.
    QCOMPARE(entry->request.body,
        QByteArray("{\"variables\":{\"shared\":1.50,\"amount\":"
                   "123456789012345678901234567890,\"id\":\"00042\",\"note\":\"x\"}}"));
}

void TestCliBatchProcess::productionNeedsYes()
{
    const Run add = run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("live"),
        QStringLiteral("--base-url"), m_sandbox.baseUrlString(), QStringLiteral("--environment"),
        QStringLiteral("prod")});
    QCOMPARE(add.exitCode, 0);
    const QByteArray keys = generatedKey(60).toUtf8() + '\n' + generatedKey(61).toUtf8();
    const Run refused = run({QStringLiteral("batch"), QStringLiteral("--keys"), QStringLiteral("-"),
                                QStringLiteral("--profile"), QStringLiteral("live")},
        {}, keys);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(
        refused.err.contains("live") && refused.err.contains("2 jobs"), refused.err.constData());
    QVERIFY(!completionRecord(m_sandbox).contains(generatedKey(60)));
    // The plan stays: resume it with --yes.
    const int id = batches().first().toObject().value(QLatin1String("id")).toInt();
    const Run resumed = run({QStringLiteral("batch"), QStringLiteral("resume"), QString::number(id),
        QStringLiteral("--yes")});
    QCOMPARE(resumed.exitCode, 0);
    QCOMPARE(completionRecord(m_sandbox).value(generatedKey(60)).second, 1);
    QCOMPARE(completionRecord(m_sandbox).value(generatedKey(61)).second, 1);
}

void TestCliBatchProcess::stopOnErrorThenResume()
{
    // A deny for service tasks does not fit their kind: the plan says so and sends nothing.
    QByteArray some;
    for (int i = 100; i < 110; ++i)
        some += generatedKey(i).toUtf8() + '\n';
    const Run deny
        = run({QStringLiteral("batch"), QStringLiteral("--keys"), QStringLiteral("-"),
                  QStringLiteral("--deny"), QStringLiteral("--dry-run"), QStringLiteral("--json")},
            m_sandbox.baseUrlString(), some);
    QCOMPARE(deny.exitCode, 0);
    const QJsonObject counts = QJsonDocument::fromJson(deny.out)
                                   .object()
                                   .value(QLatin1String("plan"))
                                   .toObject()
                                   .value(QLatin1String("counts"))
                                   .toObject();
    QCOMPARE(counts.value(QLatin1String("kind-mismatch")).toInt(), 10);

    // An 8.7 gateway has no job search: rows go unchecked, and unknown keys are refused (404)
    // when sent. --stop-on-error stops at the first; the rest stays for resume.
    SandboxProcess old;
    QVERIFY2(old.start({QStringLiteral("--generate"), QStringLiteral("50"),
                 QStringLiteral("--gateway-version"), QStringLiteral("8.7")}),
        qPrintable(old.error()));
    QByteArray keys;
    for (int i = 0; i < 50; ++i) {
        keys += generatedKey(i).toUtf8() + '\n';
        if (i == 9 || i == 29)
            keys += generatedKey(500000 + i).toUtf8() + '\n'; // on partition 1, not there
    }
    const Run stopped = run({QStringLiteral("batch"), QStringLiteral("--keys"), QStringLiteral("-"),
                                QStringLiteral("--concurrency"), QStringLiteral("1"),
                                QStringLiteral("--stop-on-error"), QStringLiteral("--json")},
        old.baseUrlString(), keys);
    QCOMPARE(stopped.exitCode, 3); // undone items left
    const QList<QJsonObject> first = jsonLines(stopped.out);
    QVERIFY(first.size() >= 2);
    QCOMPARE(first.at(first.size() - 2).value(QLatin1String("outcome")).toString(),
        QStringLiteral("not-found"));
    const QJsonObject firstTotals = first.last().value(QLatin1String("batch")).toObject();
    QCOMPARE(firstTotals.value(QLatin1String("refused")).toInt(), 1);
    QVERIFY(firstTotals.value(QLatin1String("undone")).toInt() >= 30);
    const int id = firstTotals.value(QLatin1String("id")).toInt();
    QCOMPARE(batches().first().toObject().value(QLatin1String("state")).toString(),
        QStringLiteral("cancelled"));

    // The batch keeps its options: the second unknown key stops it again.
    const Run again = run({QStringLiteral("batch"), QStringLiteral("resume"), QString::number(id),
                              QStringLiteral("--json")},
        old.baseUrlString());
    QCOMPARE(again.exitCode, 3);
    QCOMPARE(jsonLines(again.out)
                 .last()
                 .value(QLatin1String("batch"))
                 .toObject()
                 .value(QLatin1String("refused"))
                 .toInt(),
        2);
    const Run resumed = run({QStringLiteral("batch"), QStringLiteral("resume"), QString::number(id),
                                QStringLiteral("--json")},
        old.baseUrlString());
    QCOMPARE(resumed.exitCode, 1); // done, two refused
    const QJsonObject totals
        = jsonLines(resumed.out).last().value(QLatin1String("batch")).toObject();
    QCOMPARE(totals.value(QLatin1String("completed")).toInt(), 50);
    QCOMPARE(totals.value(QLatin1String("refused")).toInt(), 2);
    QCOMPARE(totals.value(QLatin1String("undone")).toInt(), 0);
    const QHash<QString, QPair<int, int>> record = completionRecord(old);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(record.value(generatedKey(i)).second, 1);

    const Run show = run({QStringLiteral("batch"), QStringLiteral("show"), QString::number(id)});
    QCOMPARE(show.exitCode, 0);
    QVERIFY2(show.out.contains("not-found 404"), show.out.constData());
    const Run nothing
        = run({QStringLiteral("batch"), QStringLiteral("resume"), QString::number(id)},
            old.baseUrlString());
    QCOMPARE(nothing.exitCode, 1);
    QVERIFY(nothing.err.contains("nothing left"));
}

void TestCliBatchProcess::tenThousandUnderBackpressureAndErrors()
{
    SandboxProcess busy;
    QVERIFY2(busy.start({QStringLiteral("--generate"), QStringLiteral("10000"),
                 QStringLiteral("--backpressure-rate"), QStringLiteral("0.1"),
                 QStringLiteral("--error-rate"), QStringLiteral("0.03")}),
        qPrintable(busy.error()));
    QByteArray csv("jobKey,amount,note\n");
    for (int i = 0; i < 10000; ++i)
        csv += generatedKey(i).toUtf8() + ',' + QByteArray::number(i) + ".50,row "
            + QByteArray::number(i) + '\n';
    const QString input = writeFile(QStringLiteral("ten-thousand.csv"), csv);
    const QString report = m_home.filePath(QStringLiteral("report.json"));
    const Run batch = run(
        {QStringLiteral("batch"), QStringLiteral("--csv"), input, QStringLiteral("--concurrency"),
            QStringLiteral("8"), QStringLiteral("--json"), QStringLiteral("--report"), report},
        busy.baseUrlString(), {}, 280000);
    QVERIFY2(batch.exitCode == 0 || batch.exitCode == 1, batch.err.constData());
    const QList<QJsonObject> lines = jsonLines(batch.out);
    QCOMPARE(lines.size(), 10001);
    const QJsonObject totals = lines.last().value(QLatin1String("batch")).toObject();
    QCOMPARE(totals.value(QLatin1String("total")).toInt(), 10000);
    QCOMPARE(totals.value(QLatin1String("undone")).toInt(), 0);

    // Every key in a clear state, and the report, the lines and the sandbox agree.
    QFile file(report);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonArray items
        = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), 10000);
    const QHash<QString, QPair<int, int>> record = completionRecord(busy);
    int completed = 0;
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        const QString key = item.value(QLatin1String("jobKey")).toString();
        const QString outcome = item.value(QLatin1String("outcome")).toString();
        const int applied = record.value(key).second;
        QVERIFY2(applied <= 1, qPrintable(key));
        if (outcome == QLatin1String("completed")) {
            ++completed;
            QVERIFY2(applied == 1, qPrintable(key + u' ' + outcome));
        } else {
            // A refusal with its status; never applied.
            QVERIFY2(applied == 0, qPrintable(key + u' ' + outcome));
            QVERIFY(!item.value(QLatin1String("httpStatus")).isNull());
            QCOMPARE(item.value(QLatin1String("state")).toString(), QStringLiteral("done"));
        }
    }
    QCOMPARE(totals.value(QLatin1String("completed")).toInt(), completed);
    QVERIFY(completed > 9500);
    QCOMPARE(batch.exitCode, completed == 10000 ? 0 : 1);
}

void TestCliBatchProcess::killAndResume()
{
    SandboxProcess sandbox;
    constexpr int kKeys = 3000;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QString::number(kKeys),
                 QStringLiteral("--latency-ms"), QStringLiteral("2")}),
        qPrintable(sandbox.error()));
    QByteArray keys;
    for (int i = 0; i < kKeys; ++i)
        keys += generatedKey(i).toUtf8() + '\n';
    const QString input = writeFile(QStringLiteral("kill.txt"), keys);
    const QStringList startNew {QStringLiteral("batch"), QStringLiteral("--keys"), input,
        QStringLiteral("--concurrency"), QStringLiteral("8"), QStringLiteral("--json")};

    QRandomGenerator random(QRandomGenerator::global()->generate());
    qint64 batchId = 0;
    bool done = false;
    for (int round = 0; round < 40 && !done; ++round) {
        // The newest batch: never fully planned (killed while reading) → plan anew.
        const QJsonArray list = batches();
        const QJsonObject newest = list.isEmpty() ? QJsonObject() : list.first().toObject();
        const bool planning
            = newest.value(QLatin1String("state")).toString() == QLatin1String("planning");
        QStringList arguments = startNew;
        if (!newest.isEmpty() && !planning) {
            batchId = newest.value(QLatin1String("id")).toInt();
            arguments = {QStringLiteral("batch"), QStringLiteral("resume"),
                QString::number(batchId), QStringLiteral("--json")};
        }
        QProcess *process = startCli(arguments, sandbox.baseUrlString());
        QVERIFY(process->waitForStarted(10000));
        const bool kill = round < 8;
        if (kill) {
            // Anywhere: while reading, planning, marking, sending, recording.
            const int delay = int(random.bounded(50, 1500));
            if (!process->waitForFinished(delay)) {
                process->kill(); // SIGKILL: no chance to record anything
                QVERIFY(process->waitForFinished(10000));
            }
        } else {
            QVERIFY(process->waitForFinished(120000));
            const int code = process->exitCode();
            const QByteArray err = process->readAllStandardError();
            QVERIFY2(code == 0 || err.contains("nothing left"), err.constData());
            done = code == 0 || err.contains("nothing left");
        }
        delete process;
    }
    QVERIFY(done);

    // The sandbox's own record: every key completed exactly once, none sent twice.
    const QHash<QString, QPair<int, int>> record = completionRecord(sandbox);
    for (int i = 0; i < kKeys; ++i) {
        const QPair<int, int> counts = record.value(generatedKey(i));
        QVERIFY2(counts.second == 1,
            qPrintable(generatedKey(i) + QStringLiteral(" applied %1").arg(counts.second)));
        QVERIFY2(counts.first == 1,
            qPrintable(generatedKey(i) + QStringLiteral(" received %1").arg(counts.first)));
    }
    // The journal and the history say the same: all completed, no attempt left unknown.
    const QJsonArray list = batches();
    const qint64 last = list.first().toObject().value(QLatin1String("id")).toInt();
    const Run show = run({QStringLiteral("batch"), QStringLiteral("show"), QString::number(last),
        QStringLiteral("--json")});
    const QJsonObject totals = QJsonDocument::fromJson(show.out)
                                   .object()
                                   .value(QLatin1String("batch"))
                                   .toObject()
                                   .value(QLatin1String("totals"))
                                   .toObject();
    QCOMPARE(totals.value(QLatin1String("completed")).toInt(), kKeys);
    HistoryStore store;
    QVERIFY(store.open(historyPath()));
    const auto unknown = store.unknownOutcomes({}, 100000);
    QVERIFY(unknown);
    QVERIFY2(
        unknown->isEmpty(), qPrintable(unknown->isEmpty() ? QString() : unknown->first().jobKey));
    HistoryFilter filter;
    filter.batchId = last;
    filter.kinds = {OutcomeKind::Completed};
    const auto completedRows = store.query(filter, 0, 100000);
    QVERIFY(completedRows);
    QVERIFY(completedRows->size() <= kKeys);
}

void TestCliBatchProcess::searchTakesOnlyWhatTheFilterFinds()
{
    // Generated jobs take four types in turn: every fourth is payment-service (i % 4 == 0),
    // check-address is i % 4 == 2. 6,000 jobs: 1,500 of a type, more than one search page.
    SandboxProcess sandbox;
    constexpr int kJobs = 6000;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QString::number(kJobs)}),
        qPrintable(sandbox.error()));

    const Run all
        = run({QStringLiteral("batch"), QStringLiteral("--search"), QStringLiteral("--type"),
                  QStringLiteral("payment-service"), QStringLiteral("--state"),
                  QStringLiteral("CREATED"), QStringLiteral("--all"),
                  QStringLiteral("--concurrency"), QStringLiteral("8"), QStringLiteral("--json")},
            sandbox.baseUrlString());
    QVERIFY2(all.exitCode == 0, all.err.constData());
    const QList<QJsonObject> lines = jsonLines(all.out);
    QVERIFY(!lines.isEmpty());
    const QJsonObject totals = lines.last().value(QLatin1String("batch")).toObject();
    QCOMPARE(totals.value(QLatin1String("total")).toInt(), kJobs / 4);
    QCOMPARE(totals.value(QLatin1String("completed")).toInt(), kJobs / 4);
    QCOMPARE(lines.size(), kJobs / 4 + 1); // one line per key, then the totals
    QHash<QString, QPair<int, int>> record = completionRecord(sandbox);
    QCOMPARE(record.size(), kJobs / 4);
    for (int i = 0; i < kJobs; ++i) {
        const bool wanted = i % 4 == 0;
        QVERIFY2(record.contains(generatedKey(i)) == wanted, qPrintable(generatedKey(i)));
        if (wanted)
            QVERIFY2(record.value(generatedKey(i)) == qMakePair(1, 1), qPrintable(generatedKey(i)));
    }
    // The input as the journal names it: the search's filter.
    QVERIFY2(batches()
                 .first()
                 .toObject()
                 .value(QLatin1String("input"))
                 .toString()
                 .contains(QLatin1String("payment-service")),
        QJsonDocument(batches()).toJson().constData());

    // The same type again: nothing left CREATED, an empty search plans nothing, sends nothing.
    const Run again
        = run({QStringLiteral("batch"), QStringLiteral("--search"), QStringLiteral("--type"),
                  QStringLiteral("payment-service"), QStringLiteral("--state"),
                  QStringLiteral("CREATED"), QStringLiteral("--all")},
            sandbox.baseUrlString());
    QVERIFY2(again.exitCode == 0 || again.exitCode == 2, again.err.constData());
    QCOMPARE(completionRecord(sandbox).size(), kJobs / 4);

    // --limit: at most that many of another type, over more than one page.
    const Run limited
        = run({QStringLiteral("batch"), QStringLiteral("--search"), QStringLiteral("--type"),
                  QStringLiteral("check-address"), QStringLiteral("--limit"),
                  QStringLiteral("1200"), QStringLiteral("--json")},
            sandbox.baseUrlString());
    QVERIFY2(limited.exitCode == 0, limited.err.constData());
    record = completionRecord(sandbox);
    QCOMPARE(record.size(), kJobs / 4 + 1200);
    int checkAddress = 0;
    for (int i = 0; i < kJobs; ++i) {
        if (i % 4 == 2 && record.contains(generatedKey(i))) {
            QVERIFY(record.value(generatedKey(i)) == qMakePair(1, 1));
            ++checkAddress;
        }
    }
    QCOMPARE(checkAddress, 1200);
}

QTEST_GUILESS_MAIN(TestCliBatchProcess)
#include "tst_CliBatchProcess.moc"
