// SPDX-License-Identifier: GPL-3.0-or-later
// The built jobdesk-cli under the conditions where things get lost, raced or leaked: killed and
// interrupted with a request in flight (against a slow jobdesk-sandbox), many at once on a fresh
// data folder and on one profiles file or template name, endless or empty input, invalid UTF-8,
// and an answer that tries to rewrite the terminal.
#include "core/connection/ProfileStore.h"
#include "core/history/HistoryStore.h"
#include "support/CliRunner.h"
#include "support/FaultServer.h"
#include "support/SandboxProcess.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QFile>
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
#include <QTimer>

#include <csignal>

using namespace JobDesk;

namespace {

QString generatedKey(int index)
{
    return QString::number((qint64(1) << 51) + 1 + index);
}

using Run = CliRun; ///< exitCode -2: ended by a signal

} // namespace

class TestCliHardening final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void signalWithRequestInFlightRecordsUnknown_data();
    void signalWithRequestInFlightRecordsUnknown();
    void signalWhileReadingInputSendsNothing();
    void killedMidRequestLeavesItsRow();
    void sentNoAnswerIsRecordedAsUnknown();
    void killLoopEveryAttemptTheServerSawHasItsRow();
    void parallelRunsOnAFreshDataFolder();
    void parallelProfileAddsKeepEveryProfile();
    void parallelTemplateSavesOfOneName();
    void endlessInputIsCapped_data();
    void endlessInputIsCapped();
    void emptyVariablesAreRefused_data();
    void emptyVariablesAreRefused();
    void invalidUtf8InlineIsRefused();
    void serverTextCannotRewriteTheTerminal();
    void tokenUrlWithSecretIsRefused();

private:
    QProcessEnvironment environment(const QStringList &extra = {}) const;
    QProcess *startCli(const QStringList &arguments, const QStringList &extra = {});
    Run run(
        const QStringList &arguments, const QByteArray &input = {}, const QStringList &extra = {});
    Run finish(QProcess *process, int timeoutMs = 30000);
    QString jobState(const QString &key);
    /// The sandbox as the address of every run (an `extra` assignment may replace it).
    QStringList sandboxAddress() const
    {
        return {QStringLiteral("CAMUNDA_REST_ADDRESS=") + m_sandbox.baseUrlString()};
    }
    QList<HistoryEntry> historyRows();
    QString historyPath() const
    {
        return m_home.filePath(QStringLiteral("data/jobdesk/history.sqlite"));
    }

    QTemporaryDir m_home;
    SandboxProcess m_sandbox; ///< answers after 300 ms: a request is in flight that long
    QNetworkAccessManager m_nam;
    int m_nextKey = 0;
};

void TestCliHardening::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
    QVERIFY2(m_sandbox.start({QStringLiteral("--generate"), QStringLiteral("2000"),
                 QStringLiteral("--latency-ms"), QStringLiteral("300")}),
        qPrintable(m_sandbox.error()));
}

void TestCliHardening::init()
{
    for (const char *dir : {"config", "data", "cache"})
        QDir(m_home.filePath(QLatin1String(dir))).removeRecursively();
}

QProcessEnvironment TestCliHardening::environment(const QStringList &extra) const
{
    return cliEnvironment(m_home.path(), sandboxAddress() + extra);
}

QProcess *TestCliHardening::startCli(const QStringList &arguments, const QStringList &extra)
{
    return ::startCli(m_home.path(), arguments, sandboxAddress() + extra, this);
}

Run TestCliHardening::finish(QProcess *process, int timeoutMs)
{
    const Run result = finishCli(process, timeoutMs);
    process->deleteLater();
    return result;
}

Run TestCliHardening::run(
    const QStringList &arguments, const QByteArray &input, const QStringList &extra)
{
    QProcess *process = startCli(arguments, extra);
    process->write(input);
    process->closeWriteChannel();
    return finish(process);
}

QString TestCliHardening::jobState(const QString &key)
{
    QNetworkRequest request(QUrl(m_sandbox.baseUrlString() + QStringLiteral("/v2/jobs/search")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply
        = m_nam.post(request, "{\"filter\":{\"jobKey\":\"" + key.toLatin1() + "\"}}");
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(15000);
    const QJsonArray items = QJsonDocument::fromJson(reply->readAll())
                                 .object()
                                 .value(QLatin1String("items"))
                                 .toArray();
    reply->deleteLater();
    return items.isEmpty() ? QString()
                           : items.first().toObject().value(QLatin1String("state")).toString();
}

QList<HistoryEntry> TestCliHardening::historyRows()
{
    HistoryStore history;
    if (!QFile::exists(historyPath()) || !history.open(historyPath()))
        return {};
    return history.query({}, 0, 1000).value_or(QList<HistoryEntry>());
}

void TestCliHardening::signalWithRequestInFlightRecordsUnknown_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("json");
    QTest::newRow("SIGINT") << int(SIGINT) << QStringLiteral("SIGINT") << false;
    QTest::newRow("SIGTERM") << int(SIGTERM) << QStringLiteral("SIGTERM") << false;
    QTest::newRow("SIGHUP, --json") << int(SIGHUP) << QStringLiteral("SIGHUP") << true;
}

void TestCliHardening::signalWithRequestInFlightRecordsUnknown()
{
    QFETCH(int, signalNumber);
    QFETCH(QString, name);
    QFETCH(bool, json);
    const QString key = generatedKey(m_nextKey++);
    QStringList arguments {QStringLiteral("complete"), key};
    if (json)
        arguments << QStringLiteral("--json");
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(FaultServer::Behaviour::of(FaultServer::Fault::Silent));
    QProcess *process
        = startCli(arguments, {QStringLiteral("CAMUNDA_REST_ADDRESS=") + server.baseUrl()});
    // The server has the completion; its answer never comes.
    QTRY_COMPARE_WITH_TIMEOUT(server.requestCount(), 1, 10000);
    ::kill(pid_t(process->processId()), signalNumber);
    const Run r = finish(process);
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.out.contains(name.toLatin1()), r.out.constData());
    QVERIFY2(r.out.contains("look the job up"), r.out.constData());
    if (json) {
        const QJsonObject object = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(object.value(QLatin1String("jobKey")).toString(), key);
        QCOMPARE(object.value(QLatin1String("ok")).toBool(true), false);
        QVERIFY(object.value(QLatin1String("error")).toString().contains(name));
    }
    const QList<HistoryEntry> rows = historyRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().jobKey, key);
    QCOMPARE(rows.first().state, HistoryState::Pending);
    QVERIFY(rows.first().isUnknownOutcome());
    QVERIFY(rows.first().title.contains(QLatin1String("look the job up")));
    QCOMPARE(rows.first().source, HistorySource::Cli);
    HistoryStore history;
    QVERIFY(history.open(historyPath()));
    QVERIFY(history.entry(rows.first().id)->transportError.contains(name));
}

void TestCliHardening::signalWhileReadingInputSendsNothing()
{
    FaultServer server;
    QVERIFY(server.listen());
    QProcess *process = startCli({QStringLiteral("complete"), generatedKey(0),
                                     QStringLiteral("--variables"), QStringLiteral("@-")},
        {QStringLiteral("CAMUNDA_REST_ADDRESS=") + server.baseUrl()});
    process->write("{\"half\": ");
    // Wait until it blocks reading standard input (system call 0, read, on descriptor 0).
    QFile syscall(QStringLiteral("/proc/%1/syscall").arg(process->processId()));
    QTRY_VERIFY_WITH_TIMEOUT(
        syscall.open(QIODevice::ReadOnly) &&
            [&] {
                const QByteArray now = syscall.readAll();
                syscall.close();
                return now.startsWith("0 0x0 ");
            }(),
        10000);
    ::kill(pid_t(process->processId()), SIGTERM);
    const Run r = finish(process);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("interrupted (SIGTERM); nothing was sent"), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QCOMPARE(server.requestCount(), 0);
    QVERIFY(historyRows().isEmpty());
}

void TestCliHardening::killedMidRequestLeavesItsRow()
{
    const QString key = generatedKey(m_nextKey++);
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(FaultServer::Behaviour::of(FaultServer::Fault::Silent));
    QProcess *process = startCli({QStringLiteral("complete"), key},
        {QStringLiteral("CAMUNDA_REST_ADDRESS=") + server.baseUrl()});
    QTRY_COMPARE_WITH_TIMEOUT(server.requestCount(), 1, 10000);
    process->kill(); // SIGKILL: nothing runs after it
    QCOMPARE(finish(process).exitCode, -2);
    const QList<HistoryEntry> rows = historyRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().jobKey, key);
    QVERIFY(rows.first().isUnknownOutcome());
    HistoryStore history;
    QVERIFY(history.open(historyPath()));
    QCOMPARE(history.unknownOutcomes().value().size(), 1);
    // The next run on the same job is told (the job may be completed already).
    FaultServer answering;
    QVERIFY(answering.listen());
    const Run next = run({QStringLiteral("complete"), key}, {},
        {QStringLiteral("CAMUNDA_REST_ADDRESS=") + answering.baseUrl()});
    QCOMPARE(next.exitCode, 0);
    QVERIFY2(next.err.contains(QByteArray("an earlier attempt on job ").append(key.toLatin1())),
        next.err.constData());
    QVERIFY(next.err.contains("no recorded outcome"));
    QVERIFY(next.err.contains("while the request was in flight"));
}

void TestCliHardening::sentNoAnswerIsRecordedAsUnknown()
{
    // The completion went out and the connection closed without an answer: exit 3, and the
    // history row is finished as sent-no-answer — unknown, to look up — not a transport error.
    const QString key = generatedKey(m_nextKey++);
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(FaultServer::Behaviour::of(FaultServer::Fault::Close));
    const Run r = run({QStringLiteral("complete"), key, QStringLiteral("--json")}, {},
        {QStringLiteral("CAMUNDA_REST_ADDRESS=") + server.baseUrl()});
    QCOMPARE(r.exitCode, 3);
    // The completion is never sent a second time; what follows it is the look-up (jobs/search)
    // that tries to learn what happened, which cannot tell here.
    int completions = 0;
    for (const FaultServer::Request &request : server.requests())
        completions += request.target.endsWith("/completion") ? 1 : 0;
    QCOMPARE(completions, 1);
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("outcome")).toString(),
        QStringLiteral("sent-no-answer"));
    const QList<HistoryEntry> rows = historyRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().state, HistoryState::Finished);
    QCOMPARE(rows.first().kind, OutcomeKind::SentNoAnswer);
    QVERIFY(rows.first().isUnknownOutcome());

    FaultServer answering;
    QVERIFY(answering.listen());
    const Run next = run({QStringLiteral("complete"), key}, {},
        {QStringLiteral("CAMUNDA_REST_ADDRESS=") + answering.baseUrl()});
    QCOMPARE(next.exitCode, 0);
    QVERIFY2(next.err.contains("it was sent and no answer came"), next.err.constData());
}

void TestCliHardening::killLoopEveryAttemptTheServerSawHasItsRow()
{
    // Killed at random points of a run — before, while and after the request goes out (the
    // sandbox answers after 300 ms) — the history never misses an attempt the server received:
    // the sandbox's own record says which completions arrived.
    QStringList keys;
    for (int i = 0; i < 16; ++i) {
        const QString key = generatedKey(m_nextKey++);
        keys.append(key);
        QProcess *process = startCli({QStringLiteral("complete"), key});
        QTimer::singleShot(int(QRandomGenerator::global()->bounded(600)), process, [process] {
            if (process->state() == QProcess::Running)
                process->kill();
        });
        finish(process);
    }
    QSet<QString> recorded;
    for (const HistoryEntry &entry : historyRows())
        recorded.insert(entry.jobKey);
    int completed = 0;
    for (const QString &key : std::as_const(keys)) {
        const QString state = jobState(key);
        if (state == QLatin1String("COMPLETED")) {
            ++completed;
            QVERIFY2(recorded.contains(key), qPrintable(key + QStringLiteral(" has no row")));
        }
    }
    qInfo("%d of %lld runs reached the server before the kill", completed, qsizetype(keys.size()));
}

void TestCliHardening::parallelRunsOnAFreshDataFolder()
{
    // Several CLIs start at once on an empty data folder: each creates or finds the history,
    // none calls it "a database of another program", none loses its row or meets a lock.
    FaultServer server;
    QVERIFY(server.listen());
    // (Before schema creation was serialised, 3 of 10 such rounds lost a row.)
    constexpr int kRounds = 8;
    constexpr int kParallel = 8;
    for (int round = 0; round < kRounds; ++round) {
        init();
        QList<QProcess *> processes;
        for (int i = 0; i < kParallel; ++i)
            processes.append(startCli({QStringLiteral("complete"), generatedKey(1000 + i)},
                {QStringLiteral("CAMUNDA_REST_ADDRESS=") + server.baseUrl()}));
        for (QProcess *process : std::as_const(processes)) {
            const Run r = finish(process);
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.err.isEmpty(), r.err.constData());
        }
        QCOMPARE(historyRows().size(), kParallel);
    }
}

void TestCliHardening::parallelProfileAddsKeepEveryProfile()
{
    constexpr int kParallel = 8;
    QList<QProcess *> processes;
    for (int i = 0; i < kParallel; ++i)
        processes.append(startCli({QStringLiteral("profile"), QStringLiteral("add"),
            QStringLiteral("p%1").arg(i), QStringLiteral("--base-url"),
            QStringLiteral("http://localhost:%1").arg(8080 + i)}));
    for (QProcess *process : std::as_const(processes)) {
        const Run r = finish(process);
        QCOMPARE(r.exitCode, 0);
    }
    ProfileStore profiles;
    QVERIFY(profiles.load(m_home.filePath(QStringLiteral("config/jobdesk/profiles.json"))));
    QCOMPARE(profiles.profiles().size(), kParallel);
}

void TestCliHardening::parallelTemplateSavesOfOneName()
{
    constexpr int kParallel = 8;
    QList<QProcess *> processes;
    for (int i = 0; i < kParallel; ++i)
        processes.append(
            startCli({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("Approve"),
                QStringLiteral("--variables"), QStringLiteral("{\"run\":%1}").arg(i)}));
    int saved = 0;
    int refused = 0;
    for (QProcess *process : std::as_const(processes)) {
        const Run r = finish(process);
        if (r.exitCode == 0) {
            ++saved;
        } else {
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains("exists"), r.err.constData());
            ++refused;
        }
    }
    QCOMPARE(saved, 1);
    QCOMPARE(refused, kParallel - 1);
    QCOMPARE(QDir(m_home.filePath(QStringLiteral("data/jobdesk/templates")))
                 .entryList(QDir::Files)
                 .size(),
        1);
}

void TestCliHardening::endlessInputIsCapped_data()
{
    QTest::addColumn<QString>("variables");
    QTest::addColumn<bool>("stdinFromZero");
    QTest::newRow("@/dev/zero") << QStringLiteral("@/dev/zero") << false;
    QTest::newRow("endless standard input") << QStringLiteral("@-") << true;
}

void TestCliHardening::endlessInputIsCapped()
{
    QFETCH(QString, variables);
    QFETCH(bool, stdinFromZero);
    FaultServer server;
    QVERIFY(server.listen());
    auto *process = new QProcess(this);
    process->setProcessEnvironment(
        environment({QStringLiteral("CAMUNDA_REST_ADDRESS=") + server.baseUrl()}));
    if (stdinFromZero)
        process->setStandardInputFile(QStringLiteral("/dev/zero"));
    process->start(TestPaths::executable(QStringLiteral("jobdesk-cli")),
        {QStringLiteral("complete"), generatedKey(0), QStringLiteral("--variables"), variables});
    const Run r = finish(process);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("larger than 16.0 MiB"), r.err.constData());
    QVERIFY2(r.err.contains("nothing was sent"), r.err.constData());
    QCOMPARE(server.requestCount(), 0);
}

void TestCliHardening::emptyVariablesAreRefused_data()
{
    QTest::addColumn<QString>("variables");
    QTest::addColumn<bool>("sends");
    QTest::newRow("''") << QString() << false;
    QTest::newRow("blank") << QStringLiteral("  \n") << false;
    QTest::newRow("empty file") << QStringLiteral("@EMPTY") << false;
    QTest::newRow("closed standard input") << QStringLiteral("@-") << false;
    QTest::newRow("{} on purpose") << QStringLiteral("{}") << true;
}

void TestCliHardening::emptyVariablesAreRefused()
{
    QFETCH(QString, variables);
    QFETCH(bool, sends);
    FaultServer server;
    QVERIFY(server.listen());
    if (variables == QLatin1String("@EMPTY")) {
        const QString empty = m_home.filePath(QStringLiteral("empty.json"));
        QFile file(empty);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        variables = u'@' + empty;
    }
    const Run r = run({QStringLiteral("complete"), generatedKey(0), QStringLiteral("--variables"),
                          variables.isNull() ? QStringLiteral("") : variables},
        {}, {QStringLiteral("CAMUNDA_REST_ADDRESS=") + server.baseUrl()});
    if (sends) {
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(server.requestCount(), 1);
        return;
    }
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("empty"), r.err.constData());
    QVERIFY2(r.err.contains("--variables '{}'"), r.err.constData());
    QCOMPARE(server.requestCount(), 0);
    QVERIFY(historyRows().isEmpty());
}

void TestCliHardening::invalidUtf8InlineIsRefused()
{
    // QProcess passes text; a shell passes the raw byte 0xFF.
    FaultServer server;
    QVERIFY(server.listen());
    auto *process = new QProcess(this);
    process->setProcessEnvironment(
        environment({QStringLiteral("CAMUNDA_REST_ADDRESS=") + server.baseUrl()}));
    process->start(QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"),
            QStringLiteral("exec \"$0\" complete %1 --variables \"$(printf '{\"a\":\"\\377\"}')\"")
                .arg(generatedKey(0)),
            TestPaths::executable(QStringLiteral("jobdesk-cli"))});
    const Run r = finish(process);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("not valid UTF-8"), r.err.constData());
    QCOMPARE(server.requestCount(), 0);
}

void TestCliHardening::serverTextCannotRewriteTheTerminal()
{
    // A 409 whose title erases its own line and prints a fake success.
    const QByteArray body = "{\"type\":\"about:blank\",\"title\":\"INVALID_STATE\\r\\u001b[2K"
                            "Completed: HTTP 204\",\"status\":409,\"detail\":\"x\\u001b]0;pwned"
                            "\\u0007\\u202eyy\",\"evil\\u001b[31m\":\"\\u009b\"}";
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(FaultServer::Behaviour::answer(409, body, "application/problem+json"));
    const Run r = run({QStringLiteral("complete"), generatedKey(0)}, {},
        {QStringLiteral("CAMUNDA_REST_ADDRESS=") + server.baseUrl()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(!r.out.contains('\r'), r.out.constData());
    QVERIFY2(!r.out.contains('\x1b'), r.out.constData());
    QVERIFY(!r.out.contains('\x07'));
    QVERIFY(!r.out.contains("\xE2\x80\xAE")); // U+202E
    QVERIFY(!r.out.contains("\xC2\x9B")); // U+009B
    QVERIFY2(r.out.contains("INVALID_STATE\\r\\x1b[2KCompleted: HTTP 204"), r.out.constData());
    QVERIFY(r.out.startsWith("Invalid state"));
    // --json already escapes; the values stay exact there.
    const Run json = run({QStringLiteral("complete"), generatedKey(1), QStringLiteral("--json")},
        {}, {QStringLiteral("CAMUNDA_REST_ADDRESS=") + server.baseUrl()});
    QCOMPARE(QJsonDocument::fromJson(json.out)
                 .object()
                 .value(QLatin1String("problem"))
                 .toObject()
                 .value(QLatin1String("title"))
                 .toString(),
        QStringLiteral("INVALID_STATE\r\x1b[2KCompleted: HTTP 204"));
}

void TestCliHardening::tokenUrlWithSecretIsRefused()
{
    const QStringList base {QStringLiteral("profile"), QStringLiteral("add"),
        QStringLiteral("leaky"), QStringLiteral("--base-url"),
        QStringLiteral("http://localhost:8080"), QStringLiteral("--auth"), QStringLiteral("oauth"),
        QStringLiteral("--client-id"), QStringLiteral("c"), QStringLiteral("--token-url")};
    for (const QString &url : {QStringLiteral("https://login.example/token?client_secret=s3cr3t"),
             QStringLiteral("https://user:s3cr3t@login.example/token")}) {
        const Run r = run(base + QStringList {url});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("must not contain"), r.err.constData());
        QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("config/jobdesk/profiles.json"))));
    }
    FaultServer server;
    QVERIFY(server.listen());
    const Run r = run({QStringLiteral("complete"), generatedKey(0)}, {},
        {QStringLiteral("CAMUNDA_REST_ADDRESS=") + server.baseUrl(),
            QStringLiteral("CAMUNDA_CLIENT_ID=c"), QStringLiteral("CAMUNDA_CLIENT_SECRET=s"),
            QStringLiteral("CAMUNDA_OAUTH_URL=") + server.baseUrl()
                + QStringLiteral("/token?client_secret=s")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("client_secret"), r.err.constData());
    QCOMPARE(server.requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestCliHardening)
#include "tst_CliHardening.moc"
