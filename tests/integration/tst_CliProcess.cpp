// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the built jobdesk-cli as a process against jobdesk-sandbox and against a recording
// loopback server (to see exactly what was sent, or that nothing was), with XDG folders in a
// temporary directory. Checks exit codes, output, history rows, profiles and templates.
#include "core/history/HistoryStore.h"
#include "support/CliRunner.h"
#include "support/FaultServer.h"
#include "support/SandboxProcess.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

namespace {

const QString kFirstKey = QStringLiteral("2251799813685249"); // (1<<51)+1: --generate's first job
QString generatedKey(int index)
{
    return QString::number((qint64(1) << 51) + 1 + index);
}

using Run = CliRun;

} // namespace

class TestCliProcess final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void versionAndHelp();
    void invalidInputSendsNothing_data();
    void invalidInputSendsNothing();
    void completesAndRecordsHistory();
    void refusalIsPrintedVerbatimWithExitOne();
    void problemExtensionMembersAndBigNumbers();
    void noAnswerExitsThree();
    void timeoutExitsThree();
    void dryRunSendsNothingAndRedacts();
    void variablesArriveDigitForDigit();
    void addressFallbacks();
    void basicAuthFromEnvironment();
    void oauthFromEnvironment();
    void historyFailureKeepsTheOutcome();
    void profiles();
    void profileTest();
    void templates();

private:
    Run run(const QStringList &arguments, const QByteArray &input = {},
        const QStringList &environment = {});
    int historyCount();

    QTemporaryDir m_home;
    SandboxProcess m_sandbox;
    int m_nextKey = 0;
};

void TestCliProcess::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
    QVERIFY2(m_sandbox.start({QStringLiteral("--generate"), QStringLiteral("1000")}),
        qPrintable(m_sandbox.error()));
}

void TestCliProcess::init()
{
    // Each test starts with no history, profiles or templates.
    for (const char *dir : {"config", "data", "cache"})
        QDir(m_home.filePath(QLatin1String(dir))).removeRecursively();
}

Run TestCliProcess::run(
    const QStringList &arguments, const QByteArray &input, const QStringList &environment)
{
    return runCli(m_home.path(), arguments, input, environment);
}

int TestCliProcess::historyCount()
{
    const QString path = m_home.filePath(QStringLiteral("data/jobdesk/history.sqlite"));
    if (!QFile::exists(path))
        return 0;
    HistoryStore history;
    if (!history.open(path))
        return -1;
    return history.count().value_or(-1);
}

void TestCliProcess::versionAndHelp()
{
    Run r = run({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("jobdesk-cli 0.1.0\n"));
    r = run({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains("Exit codes"));
    QVERIFY(r.err.isEmpty());
}

void TestCliProcess::invalidInputSendsNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<QByteArray>("stderrContains");
    const auto add = [](const char *name, const QStringList &args, const char *contains,
                         const QStringList &env = {}) {
        QTest::newRow(name) << args << env << QByteArray(contains);
    };
    const QString c = QStringLiteral("complete");
    add("no arguments", {}, "missing a command");
    add("unknown option", {c, kFirstKey, QStringLiteral("--force")}, "unknown option '--force'");
    add("key with letters", {c, QStringLiteral("22517998abc")}, "invalid job key");
    add("rounded key", {c, QStringLiteral("2.251799813685249e15")}, "invalid job key");
    add("not an object", {c, kFirstKey, QStringLiteral("--variables"), QStringLiteral("[1]")},
        "not a valid JSON object");
    add("broken JSON", {c, kFirstKey, QStringLiteral("--variables"), QStringLiteral("{\"a\":}")},
        "line 1, column");
    add("missing file",
        {c, kFirstKey, QStringLiteral("--variables"), QStringLiteral("@/no/such/file")},
        "cannot read the variables file");
    add("reason without deny", {c, kFirstKey, QStringLiteral("--deny-reason"), QStringLiteral("x")},
        "--deny-reason needs --deny");
    add("bad timeout", {c, kFirstKey, QStringLiteral("--timeout"), QStringLiteral("-1")},
        "--timeout");
    add("unknown profile", {c, kFirstKey, QStringLiteral("--profile"), QStringLiteral("nope")},
        "unknown profile 'nope'");
    add("unknown template", {c, kFirstKey, QStringLiteral("--template"), QStringLiteral("nope")},
        "unknown template 'nope'");
    add("bad strategy", {c, kFirstKey}, "CAMUNDA_AUTH_STRATEGY",
        {QStringLiteral("CAMUNDA_AUTH_STRATEGY=KERBEROS")});
    add("basic without password", {c, kFirstKey}, "CAMUNDA_BASIC_AUTH_PASSWORD",
        {QStringLiteral("CAMUNDA_AUTH_STRATEGY=BASIC"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=u")});
}

void TestCliProcess::invalidInputSendsNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, environment);
    QFETCH(QByteArray, stderrContains);
    FaultServer server;
    QVERIFY(server.listen());
    // Every variant would go to the recording server if it sent anything.
    environment << QStringLiteral("CAMUNDA_REST_ADDRESS=") + server.baseUrl();
    const Run r = run(arguments, {}, environment);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(stderrContains), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QCoreApplication::processEvents();
    QCOMPARE(server.requestCount(), 0);
    QCOMPARE(historyCount(), 0);

    // The same with --base-url pointing at the server, where the arguments allow it.
    if (arguments.value(0) == QLatin1String("complete")
        && !arguments.contains(QStringLiteral("--profile"))) {
        const Run again
            = run(arguments + QStringList {QStringLiteral("--base-url"), server.baseUrl()}, {},
                environment);
        QCOMPARE(again.exitCode, 2);
        QCoreApplication::processEvents();
        QCOMPARE(server.requestCount(), 0);
    }
}

void TestCliProcess::completesAndRecordsHistory()
{
    const QString key = generatedKey(m_nextKey++);
    const Run r = run(
        {QStringLiteral("complete"), key, QStringLiteral("--base-url"), m_sandbox.baseUrlString(),
            QStringLiteral("--variables"), QStringLiteral("{\"approved\":true}")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("Completed: HTTP 204"), r.out.constData());
    QVERIFY(r.out.contains(key.toUtf8()));
    QVERIFY2(r.err.isEmpty(), r.err.constData());

    HistoryStore history;
    QVERIFY(history.open(m_home.filePath(QStringLiteral("data/jobdesk/history.sqlite"))));
    const QList<HistoryEntry> rows = history.query({}, 0, 10).value();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().source, HistorySource::Cli);
    QCOMPARE(rows.first().jobKey, key);
    QCOMPARE(rows.first().kind, OutcomeKind::Completed);
    QCOMPARE(rows.first().httpStatus, std::optional<int>(204));
    QCOMPARE(rows.first().connection, m_sandbox.baseUrlString() + QStringLiteral("/v2/"));

    // --no-history leaves no trace.
    const Run quiet = run({QStringLiteral("complete"), generatedKey(m_nextKey++),
        QStringLiteral("--base-url"), m_sandbox.baseUrlString(), QStringLiteral("--no-history")});
    QCOMPARE(quiet.exitCode, 0);
    QCOMPARE(history.count().value_or(-1), 1);
}

void TestCliProcess::refusalIsPrintedVerbatimWithExitOne()
{
    const QString key = generatedKey(m_nextKey++);
    const QStringList args {
        QStringLiteral("complete"), key, QStringLiteral("--base-url"), m_sandbox.baseUrlString()};
    QCOMPARE(run(args).exitCode, 0);
    // The same job again: the server no longer knows it.
    const Run again = run(args);
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.out.startsWith("Not found: HTTP 404"), again.out.constData());
    QVERIFY(again.out.contains("NOT_FOUND"));
    const QByteArray detail
        = "Command 'COMPLETE' rejected with code 'NOT_FOUND': Expected to complete job with key '"
        + key.toUtf8() + "', but no such job was found";
    QVERIFY(again.out.contains(QByteArray("detail: " + detail + '\n')));
    QVERIFY(again.out.contains("Next step: "));

    const Run json = run(args + QStringList {QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 1);
    QCOMPARE(json.out.count('\n'), 1);
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(o.value(QLatin1String("jobKey")).toString(), key);
    QCOMPARE(o.value(QLatin1String("ok")).toBool(true), false);
    QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("not-found"));
    QCOMPARE(o.value(QLatin1String("httpStatus")).toInt(), 404);
    QCOMPARE(o.value(QLatin1String("problem"))
                 .toObject()
                 .value(QLatin1String("detail"))
                 .toString()
                 .toUtf8(),
        detail);
    QVERIFY(o.value(QLatin1String("rawBody")).toString().contains(QLatin1String("NOT_FOUND")));
    QVERIFY(o.value(QLatin1String("error")).isNull());
    QVERIFY(o.value(QLatin1String("elapsedMs")).isDouble());
    QVERIFY(!o.value(QLatin1String("explanation")).toString().isEmpty());
    QCOMPARE(historyCount(), 3);
}

void TestCliProcess::problemExtensionMembersAndBigNumbers()
{
    FaultServer server;
    QVERIFY(server.listen());
    const QByteArray body
        = R"({"type":"about:blank","title":"INVALID_STATE","status":409,"detail":"Expected to complete job with key '5', but it is in state 'FAILED'","instance":"/v2/jobs/5/completion","incidentKey":123456789012345678901234567890})";
    server.setDefault(FaultServer::Behaviour::answer(409, body, "application/problem+json"));
    const QStringList args {QStringLiteral("complete"), QStringLiteral("5"),
        QStringLiteral("--base-url"), server.baseUrl()};
    const Run human = run(args);
    QCOMPARE(human.exitCode, 1);
    QVERIFY2(human.out.startsWith("Invalid state: HTTP 409 Conflict \xE2\x80\x94 INVALID_STATE"),
        human.out.constData());
    QVERIFY(human.out.contains(
        "detail: Expected to complete job with key '5', but it is in state 'FAILED'\n"));
    QVERIFY(human.out.contains("incidentKey: 123456789012345678901234567890\n"));
    const Run json = run(args + QStringList {QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 1);
    QVERIFY2(
        json.out.contains("\"incidentKey\":123456789012345678901234567890"), json.out.constData());
    QCOMPARE(QJsonDocument::fromJson(json.out).object().value(QLatin1String("outcome")).toString(),
        QStringLiteral("invalid-state"));

    // A body that is not a problem document is shown as a snippet.
    server.setDefault(
        FaultServer::Behaviour::answer(502, "<html>upstream is down</html>\n", "text/html"));
    const Run gateway = run(args);
    QCOMPARE(gateway.exitCode, 1);
    QVERIFY2(gateway.out.contains("HTTP 502"), gateway.out.constData());
    QVERIFY(gateway.out.contains("body: <html>upstream is down</html>"));
}

void TestCliProcess::noAnswerExitsThree()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const Run r = run({QStringLiteral("complete"), kFirstKey, QStringLiteral("--base-url"),
        QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 3);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("transport-error"));
    QVERIFY(o.value(QLatin1String("httpStatus")).isNull());
    QVERIFY(!o.value(QLatin1String("error")).toString().isEmpty());
    QCOMPARE(historyCount(), 1); // a failed attempt is an attempt
}

void TestCliProcess::timeoutExitsThree()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(FaultServer::Behaviour::of(FaultServer::Fault::Silent));
    QElapsedTimer clock;
    clock.start();
    const Run r = run({QStringLiteral("complete"), kFirstKey, QStringLiteral("--base-url"),
        server.baseUrl(), QStringLiteral("--timeout"), QStringLiteral("0.5")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(clock.elapsed() < 20000, "the timeout was not applied");
    // The completion, then the look-up that tries to learn what happened to it.
    QCOMPARE(server.requestCount(), 2);
    QVERIFY(server.requests().at(1).target.endsWith("/v2/jobs/search"));
}

void TestCliProcess::dryRunSendsNothingAndRedacts()
{
    FaultServer server;
    QVERIFY(server.listen());
    const Run r = run({QStringLiteral("complete"), kFirstKey, QStringLiteral("--base-url"),
                          server.baseUrl() + QStringLiteral("/v2/"), QStringLiteral("--deny"),
                          QStringLiteral("--deny-reason"), QStringLiteral("missing document"),
                          QStringLiteral("--dry-run")},
        {},
        {QStringLiteral("CAMUNDA_AUTH_STRATEGY=BASIC"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=demo"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD=p4ssw0rd-never-shown")});
    QCOMPARE(r.exitCode, 0);
    const QByteArray expectedLine
        = "POST " + server.baseUrl().toUtf8() + "/v2/jobs/" + kFirstKey.toUtf8() + "/completion\n";
    QVERIFY2(r.out.startsWith(expectedLine), r.out.constData());
    QVERIFY(r.out.contains("Content-Type: application/json\n"));
    QVERIFY(r.out.contains("Authorization: Basic <redacted>\n"));
    QVERIFY(!r.out.contains("p4ssw0rd") && !r.err.contains("p4ssw0rd"));
    QVERIFY(!r.out.contains(QByteArray("demo:p4ssw0rd-never-shown").toBase64()));
    QVERIFY(r.out.contains("\n\n{\"result\":{\"type\":\"userTask\",\"denied\":true,"
                           "\"deniedReason\":\"missing document\"}}\n"));
    QCoreApplication::processEvents();
    QCOMPARE(server.requestCount(), 0);
    QCOMPARE(historyCount(), 0);
}

void TestCliProcess::variablesArriveDigitForDigit()
{
    FaultServer server;
    QVERIFY(server.listen());
    const QByteArray variables
        = "{\"amount\": 1234567890123456789012345678901234567890, \"z\": 1, \"a\": \"Grüße\"}";
    const Run r
        = run({QStringLiteral("complete"), QStringLiteral(" 7 "), QStringLiteral("--base-url"),
                  server.baseUrl(), QStringLiteral("--variables"), QStringLiteral("@-")},
            variables + '\n');
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(server.requestCount(), 1);
    const FaultServer::Request &request = server.requests().first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/v2/jobs/7/completion"));
    QCOMPARE(request.body, "{\"variables\":" + variables + '}');
    QVERIFY(request.head.contains("Content-Type: application/json"));

    // From a file, and against the sandbox, which accepts it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("vars.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(variables);
    file.close();
    const Run sandbox
        = run({QStringLiteral("complete"), generatedKey(m_nextKey++), QStringLiteral("--base-url"),
            m_sandbox.baseUrlString(), QStringLiteral("--variables"), QStringLiteral("@") + path});
    QCOMPARE(sandbox.exitCode, 0);
}

void TestCliProcess::addressFallbacks()
{
    FaultServer camunda;
    QVERIFY(camunda.listen());
    FaultServer zeebe;
    QVERIFY(zeebe.listen());
    FaultServer flag;
    QVERIFY(flag.listen());
    const QStringList args {
        QStringLiteral("complete"), QStringLiteral("9"), QStringLiteral("--no-history")};
    QCOMPARE(run(args, {}, {QStringLiteral("ZEEBE_REST_ADDRESS=") + zeebe.baseUrl()}).exitCode, 0);
    QCOMPARE(zeebe.requestCount(), 1);
    QCOMPARE(run(args, {},
                 {QStringLiteral("ZEEBE_REST_ADDRESS=") + zeebe.baseUrl(),
                     QStringLiteral("CAMUNDA_REST_ADDRESS=") + camunda.baseUrl()
                         + QStringLiteral("/v2")})
                 .exitCode,
        0);
    QCOMPARE(camunda.requestCount(), 1);
    QCOMPARE(camunda.requests().first().target, QByteArray("/v2/jobs/9/completion"));
    QCOMPARE(
        run(args + QStringList {QStringLiteral("--base-url"), flag.baseUrl() + QStringLiteral("/")},
            {}, {QStringLiteral("CAMUNDA_REST_ADDRESS=") + camunda.baseUrl()})
            .exitCode,
        0);
    QCOMPARE(flag.requestCount(), 1);
    QCOMPARE(camunda.requestCount(), 1);
    QCOMPARE(zeebe.requestCount(), 1);
}

void TestCliProcess::basicAuthFromEnvironment()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QStringLiteral("10"),
                 QStringLiteral("--auth"), QStringLiteral("basic")}),
        qPrintable(sandbox.error()));
    const QStringList args {QStringLiteral("complete"), kFirstKey, QStringLiteral("--base-url"),
        sandbox.baseUrlString()};
    const Run wrong = run(args, {},
        {QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=demo"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD=wrong")});
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.out.contains("HTTP 401"), wrong.out.constData());
    const Run right = run(args, {},
        {QStringLiteral("CAMUNDA_AUTH_STRATEGY=BASIC"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=demo"),
            QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD=demo")});
    QCOMPARE(right.exitCode, 0);
    // The history keeps the attempt without the credentials.
    HistoryStore history;
    QVERIFY(history.open(m_home.filePath(QStringLiteral("data/jobdesk/history.sqlite"))));
    const QList<HistoryEntry> rows = history.query({}, 0, 1).value();
    QCOMPARE(rows.size(), 1);
    const std::optional<HistoryEntry> full = history.entry(rows.first().id);
    QVERIFY(full);
    for (const auto &header : full->request.headers)
        QVERIFY(!header.second.contains(QByteArray("demo:demo").toBase64()));
}

void TestCliProcess::oauthFromEnvironment()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QStringLiteral("10"),
                 QStringLiteral("--auth"), QStringLiteral("oauth")}),
        qPrintable(sandbox.error()));
    const QStringList args {QStringLiteral("complete"), kFirstKey, QStringLiteral("--base-url"),
        sandbox.baseUrlString(), QStringLiteral("--json")};
    const QString tokenUrl = QStringLiteral("CAMUNDA_OAUTH_URL=") + sandbox.baseUrlString()
        + QStringLiteral("/oauth/token");
    const QString clientId = QStringLiteral("CAMUNDA_CLIENT_ID=jobdesk-sandbox");

    // The token endpoint refuses the client: an HTTP answer, so 1; nothing completed.
    const Run refused
        = run(args, {}, {tokenUrl, clientId, QStringLiteral("CAMUNDA_CLIENT_SECRET=wrong")});
    QCOMPARE(refused.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(refused.out).object();
    QVERIFY(o.value(QLatin1String("httpStatus")).isNull());
    QVERIFY2(!o.value(QLatin1String("error")).toString().isEmpty(), refused.out.constData());

    // The token endpoint cannot be reached: 3.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QString unreachable = QStringLiteral("CAMUNDA_OAUTH_URL=http://127.0.0.1:%1/oauth/token")
                                    .arg(closed.serverPort());
    closed.close();
    QCOMPARE(run(args, {},
                 {unreachable, clientId, QStringLiteral("CAMUNDA_CLIENT_SECRET=sandbox-secret")})
                 .exitCode,
        3);

    const Run ok = run(
        args, {}, {tokenUrl, clientId, QStringLiteral("CAMUNDA_CLIENT_SECRET=sandbox-secret")});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(!ok.out.contains("sandbox-secret"));
}

void TestCliProcess::historyFailureKeepsTheOutcome()
{
    // A file where the data folder should be: the history cannot be opened.
    QDir().mkpath(m_home.filePath(QStringLiteral("data")));
    QFile blocker(m_home.filePath(QStringLiteral("data/jobdesk")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const Run r = run({QStringLiteral("complete"), generatedKey(m_nextKey++),
        QStringLiteral("--base-url"), m_sandbox.baseUrlString()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("Completed"));
    QVERIFY2(
        r.err.contains("warning: this attempt was not recorded in the history"), r.err.constData());
}

void TestCliProcess::profiles()
{
    const QString url = m_sandbox.baseUrlString();
    Run r = run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("local"),
        QStringLiteral("--base-url"), url});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("local"),
                     QStringLiteral("--base-url"), url})
                 .exitCode,
        2);
    r = run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(QLatin1String("apiAddress")).toString(), url);
    r = run({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("local")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QByteArray("address: " + url.toUtf8())));

    // complete --profile: the connection in the history is the profile's name.
    const QString key = generatedKey(m_nextKey++);
    r = run(
        {QStringLiteral("complete"), key, QStringLiteral("--profile"), QStringLiteral("local")});
    QCOMPARE(r.exitCode, 0);
    HistoryStore history;
    QVERIFY(history.open(m_home.filePath(QStringLiteral("data/jobdesk/history.sqlite"))));
    QCOMPARE(history.query({}, 0, 1).value().first().connection, QStringLiteral("local"));

    // A secret goes to the keychain only; without one the profile is not saved (exit 3).
    const Run secret = run(
        {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("helm"),
            QStringLiteral("--base-url"), url, QStringLiteral("--auth"), QStringLiteral("basic"),
            QStringLiteral("--username"), QStringLiteral("demo"), QStringLiteral("--secret-stdin")},
        "demo\n");
    const Run listed = run({QStringLiteral("profile"), QStringLiteral("list")});
    if (secret.exitCode == 0) {
        QVERIFY(listed.out.contains("helm"));
        const Run shown
            = run({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("helm")});
        QVERIFY2(shown.out.contains("password: stored in the OS keychain"), shown.out.constData());
        QCOMPARE(run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("helm")})
                     .exitCode,
            0);
    } else {
        QCOMPARE(secret.exitCode, 3);
        QVERIFY2(secret.err.contains("keychain"), secret.err.constData());
        QVERIFY(!listed.out.contains("helm"));
    }

    QCOMPARE(run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("local")})
                 .exitCode,
        0);
    QCOMPARE(
        run({QStringLiteral("profile"), QStringLiteral("show"), QStringLiteral("local")}).exitCode,
        2);
}

void TestCliProcess::profileTest()
{
    const QString url = m_sandbox.baseUrlString();
    QCOMPARE(run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("local"),
                     QStringLiteral("--base-url"), url})
                 .exitCode,
        0);
    Run r = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("local")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("ok: Connected to gateway"), r.out.constData());
    QVERIFY(r.out.contains("gateway: "));
    // The version is remembered for the next commands (no extra round trip for them).
    QVERIFY(QFile::exists(m_home.filePath(QStringLiteral("cache/jobdesk/gateway-versions.json"))));

    r = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("local"),
        QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("verdict")).toString(), QStringLiteral("connected"));
    QVERIFY(!o.value(QLatin1String("gatewayVersion")).toString().isEmpty());

    QCOMPARE(
        run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("nope")}).exitCode,
        2);

    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QString dead = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
    closed.close();
    QCOMPARE(run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("dead"),
                     QStringLiteral("--base-url"), dead})
                 .exitCode,
        0);
    r = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("dead")});
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.out.startsWith("failed: No answer"), r.out.constData());

    // Credentials: refused is 1 with the 401 explained (only where a keychain can hold them).
    SandboxProcess basic;
    QVERIFY2(basic.start({QStringLiteral("--auth"), QStringLiteral("basic")}),
        qPrintable(basic.error()));
    const Run added
        = run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("wrong"),
                  QStringLiteral("--base-url"), basic.baseUrlString(), QStringLiteral("--auth"),
                  QStringLiteral("basic"), QStringLiteral("--username"), QStringLiteral("demo"),
                  QStringLiteral("--secret-stdin")},
            "not-the-password\n");
    if (added.exitCode == 0) {
        r = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("wrong")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("401 Unauthorized"), r.out.constData());
        QCOMPARE(run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("wrong")})
                     .exitCode,
            0);
    }
    // A profile whose secret is not stored: 2, nothing sent.
    QCOMPARE(run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("nosecret"),
                     QStringLiteral("--base-url"), basic.baseUrlString(), QStringLiteral("--auth"),
                     QStringLiteral("basic"), QStringLiteral("--username"), QStringLiteral("demo")})
                 .exitCode,
        0);
    r = run({QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("nosecret")});
    QVERIFY2(r.exitCode == 2 || r.exitCode == 3, r.err.constData()); // 3: no keychain here
}

void TestCliProcess::templates()
{
    QCOMPARE(
        run({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("deny-doc"),
                QStringLiteral("--variables"),
                QStringLiteral("{\"n\": 98765432109876543210987654321}"), QStringLiteral("--deny"),
                QStringLiteral("--deny-reason"), QStringLiteral("document missing")})
            .exitCode,
        0);
    FaultServer server;
    QVERIFY(server.listen());
    // A result needs 8.8: the first completion with one reads the version (once; remembered).
    server.enqueue(FaultServer::Behaviour::answer(200, "{\"gatewayVersion\":\"8.8.0\"}"));
    // The template alone, then with a reason that overrides the template's.
    QCOMPARE(run({QStringLiteral("complete"), QStringLiteral("11"), QStringLiteral("--template"),
                     QStringLiteral("deny-doc"), QStringLiteral("--base-url"), server.baseUrl()})
                 .exitCode,
        0);
    QCOMPARE(
        run({QStringLiteral("complete"), QStringLiteral("12"), QStringLiteral("--template"),
                QStringLiteral("deny-doc"), QStringLiteral("--deny-reason"),
                QStringLiteral("wrong document"), QStringLiteral("--base-url"), server.baseUrl()})
            .exitCode,
        0);
    QCOMPARE(server.requestCount(), 3);
    QVERIFY(server.requests().at(0).target.endsWith("/v2/topology"));
    QCOMPARE(server.requests().at(1).body,
        QByteArray("{\"variables\":{\"n\": "
                   "98765432109876543210987654321},\"result\":{\"type\":\"userTask\","
                   "\"denied\":true,\"deniedReason\":\"document missing\"}}"));
    QCOMPARE(server.requests().at(2).body,
        QByteArray("{\"variables\":{\"n\": "
                   "98765432109876543210987654321},\"result\":{\"type\":\"userTask\","
                   "\"denied\":true,\"deniedReason\":\"wrong document\"}}"));

    // Export to stdout, import into a fresh data folder, clash without --overwrite.
    const Run exported = run({QStringLiteral("template"), QStringLiteral("export"),
        QStringLiteral("--all"), QStringLiteral("-")});
    QCOMPARE(exported.exitCode, 0);
    QVERIFY(exported.out.contains("98765432109876543210987654321"));
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("import"), QStringLiteral("-")},
                 exported.out)
                 .exitCode,
        2);
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("import"), QStringLiteral("-"),
                     QStringLiteral("--overwrite")},
                 exported.out)
                 .exitCode,
        0);
    const Run listed = run({QStringLiteral("template"), QStringLiteral("list")});
    QCOMPARE(listed.out, QByteArray("deny-doc\t[deny]\n"));
}

QTEST_GUILESS_MAIN(TestCliProcess)
#include "tst_CliProcess.moc"
