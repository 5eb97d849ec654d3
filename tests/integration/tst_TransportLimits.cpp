// SPDX-License-Identifier: GPL-3.0-or-later
// The built jobdesk-cli against misbehaving servers (support/FaultServer), end to end: its peak
// memory stays near the body cap on a 2 GiB chunked answer and on a flood of one-byte chunks;
// a completion whose connection closes before the answer is sent once and reported as "sent, no
// answer"; a trickling server cannot hold it past the overall deadline; servers that echo the
// request leave no secret on stdout, stderr or in the history.
#include "support/CliRunner.h"
#include "support/FaultServer.h"
#include "support/TestPaths.h"

#include <algorithm>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

namespace {

const QString kKey = QStringLiteral("2251799813685249");

using Run = CliRun;

/// The largest peak resident set of the children waited for so far, in bytes.
qint64 childrenPeakRss()
{
    struct rusage usage
    {
    };
    getrusage(RUSAGE_CHILDREN, &usage);
    return qint64(usage.ru_maxrss) * 1024; // Linux reports KiB
}

} // namespace

class TestTransportLimits final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void memoryStaysNearTheCap_data();
    void memoryStaysNearTheCap();
    void lostAnswerIsSentOnceAndSaidSo();
    void tricklingEndsAtTheDeadline();
    void echoedOAuthSecretIsNowhere();
    void echoedBasicCredentialsAreNowhere();

private:
    Run run(const QStringList &arguments, const QStringList &environment = {});
    QByteArray storedBytes() const; ///< everything under the data folder (history + its WAL)

    QTemporaryDir m_home;
    qint64 m_baselineRss = 0;
};

void TestTransportLimits::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
    // The peak of an ordinary completion is the yardstick for the floods below.
    FaultServer server;
    QVERIFY(server.listen());
    const Run ok = run({QStringLiteral("complete"), kKey, QStringLiteral("--base-url"),
        server.baseUrl(), QStringLiteral("--no-history")});
    QCOMPARE(ok.exitCode, 0);
    m_baselineRss = childrenPeakRss();
    QVERIFY(m_baselineRss > 0);
}

void TestTransportLimits::init()
{
    for (const char *dir : {"config", "data", "cache"})
        QDir(m_home.filePath(QLatin1String(dir))).removeRecursively();
}

Run TestTransportLimits::run(const QStringList &arguments, const QStringList &environment)
{
    return runCli(m_home.path(), arguments, {}, environment, 60000);
}

QByteArray TestTransportLimits::storedBytes() const
{
    QByteArray all;
    QDirIterator it(
        m_home.filePath(QStringLiteral("data")), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

namespace {

/// The environment for the memory checks. Under AddressSanitizer (the ci and asan presets)
/// freed memory waits in a quarantine of 256 MiB to catch use after free: a flood of small reads
/// fills it, and the peak would measure the quarantine rather than the client's buffers. A small
/// quarantine keeps the bound about JobDesk; every other check stays on.
#if defined(__SANITIZE_ADDRESS__) // GCC
#define JOBDESK_TEST_ASAN 1
#elif defined(__has_feature) // clang
#if __has_feature(address_sanitizer)
#define JOBDESK_TEST_ASAN 1
#endif
#endif

QStringList memoryCheckEnvironment()
{
#if defined(JOBDESK_TEST_ASAN)
    return {QStringLiteral("ASAN_OPTIONS=%1:quarantine_size_mb=8")
                .arg(qEnvironmentVariable("ASAN_OPTIONS"))};
#else
    return {};
#endif
}

} // namespace

void TestTransportLimits::memoryStaysNearTheCap_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<int>("chunkSize");
    QTest::newRow("2 GiB chunked") << qint64(2) * 1024 * 1024 * 1024 << 64 * 1024;
    QTest::newRow("5 MB in one-byte chunks") << qint64(5) * 1000 * 1000 << 1;
}

void TestTransportLimits::memoryStaysNearTheCap()
{
    QFETCH(qint64, bytes);
    QFETCH(int, chunkSize);
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(FaultServer::Behaviour::stream(bytes, chunkSize));
    const Run r
        = run({QStringLiteral("complete"), kKey, QStringLiteral("--base-url"), server.baseUrl(),
                  QStringLiteral("--timeout"), QStringLiteral("3"), QStringLiteral("--json")},
            memoryCheckEnvironment());
    QVERIFY2(r.exitCode >= 0, r.err.constData()); // it ended on its own
    QCOMPARE(server.requestCount(), 1);
    // The client's body cap is 1 MiB; Qt's buffers and the process itself come on top.
    const qint64 peak = childrenPeakRss();
    QVERIFY2(peak < m_baselineRss + 48 * 1024 * 1024,
        qPrintable(QStringLiteral("peak %1 MiB, an ordinary run %2 MiB")
                       .arg(peak / (1024 * 1024))
                       .arg(m_baselineRss / (1024 * 1024))));
    QVERIFY2(server.bodyBytesWritten() < bytes || bytes < 64 * 1024 * 1024,
        qPrintable(QString::number(server.bodyBytesWritten())));
}

void TestTransportLimits::lostAnswerIsSentOnceAndSaidSo()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(FaultServer::Behaviour::of(FaultServer::Fault::Close));
    const QStringList args {
        QStringLiteral("complete"), kKey, QStringLiteral("--base-url"), server.baseUrl()};
    // The completion goes out once; then the job is looked up (jobs/search) to learn what
    // happened, which this server does not answer either.
    const auto completions = [&server] {
        return std::count_if(server.requests().cbegin(), server.requests().cend(),
            [](const FaultServer::Request &r) { return r.target.endsWith("/completion"); });
    };
    const Run human = run(args);
    QCOMPARE(human.exitCode, 3);
    QVERIFY2(human.out.startsWith("Sent, no answer: "), human.out.constData());
    QVERIFY2(human.out.contains("may have applied it"), human.out.constData());
    QCOMPARE(completions(), 1);
    QVERIFY(server.requests().constLast().target.endsWith("/v2/jobs/search"));

    const Run json = run(args + QStringList {QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 3);
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("sent-no-answer"));
    QVERIFY(o.value(QLatin1String("httpStatus")).isNull());
    QCOMPARE(completions(), 2); // one per run, never a second time by the transport
}

void TestTransportLimits::tricklingEndsAtTheDeadline()
{
    FaultServer server;
    QVERIFY(server.listen());
    FaultServer::Behaviour trickle = FaultServer::Behaviour::answer(200);
    trickle.fault = FaultServer::Fault::Trickle;
    trickle.intervalMs = 50;
    server.setDefault(trickle);
    // A byte every 50 ms keeps a 1 s idle timeout from firing; the 2 s deadline ends it.
    const Run r
        = run({QStringLiteral("complete"), kKey, QStringLiteral("--base-url"), server.baseUrl(),
            QStringLiteral("--timeout"), QStringLiteral("1"), QStringLiteral("--no-history")});
    QVERIFY2(r.exitCode >= 0, r.err.constData());
    QVERIFY2(r.out.contains("incomplete: the answer was not complete within the overall limit of "
                            "2 s"),
        r.out.constData());
    QCOMPARE(server.requestCount(), 1);
}

void TestTransportLimits::echoedOAuthSecretIsNowhere()
{
    // The token endpoint answers 400 with an HTML page that shows the form it got.
    FaultServer tokens;
    QVERIFY(tokens.listen());
    tokens.setDefault(FaultServer::Behaviour::echo(400, "text/html"));
    FaultServer api;
    QVERIFY(api.listen());
    const QByteArray secret = "Sup3r-s3cret";
    const QStringList env {QStringLiteral("CAMUNDA_CLIENT_ID=jobdesk"),
        QStringLiteral("CAMUNDA_CLIENT_SECRET=") + QString::fromLatin1(secret),
        QStringLiteral("CAMUNDA_OAUTH_URL=") + tokens.baseUrl() + QStringLiteral("/oauth/token")};
    for (const QString &format : {QStringLiteral("--json"), QString()}) {
        QStringList args {
            QStringLiteral("complete"), kKey, QStringLiteral("--base-url"), api.baseUrl()};
        if (!format.isEmpty())
            args << format;
        const Run r = run(args, env);
        QCOMPARE(r.exitCode, 1); // the token endpoint answered: not "no answer"
        QVERIFY2(r.out.contains("400"), r.out.constData());
        QVERIFY2(!r.out.contains(secret) && !r.err.contains(secret), r.out.constData());
    }
    QCOMPARE(tokens.requestCount(), 2);
    QVERIFY(
        tokens.requests().first().body.contains(QByteArray(QByteArray("client_secret=") + secret)));
    QCOMPARE(api.requestCount(), 0);
    const QByteArray stored = storedBytes();
    QVERIFY(!stored.isEmpty());
    QVERIFY(!stored.contains(secret));
}

void TestTransportLimits::echoedBasicCredentialsAreNowhere()
{
    FaultServer api;
    QVERIFY(api.listen());
    api.setDefault(FaultServer::Behaviour::echo(401, "text/plain"));
    const QByteArray password = "pa55-Word";
    const QByteArray basic = QByteArray("demo:" + password).toBase64();
    const QStringList env {QStringLiteral("CAMUNDA_AUTH_STRATEGY=BASIC"),
        QStringLiteral("CAMUNDA_BASIC_AUTH_USERNAME=demo"),
        QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD=") + QString::fromLatin1(password)};
    for (const QString &format : {QStringLiteral("--json"), QString()}) {
        QStringList args {QStringLiteral("complete"), kKey, QStringLiteral("--base-url"),
            api.baseUrl(), QStringLiteral("--variables"),
            QStringLiteral(R"({"shop":"demo-shop"})")};
        if (!format.isEmpty())
            args << format;
        const Run r = run(args, env);
        QCOMPARE(r.exitCode, 1);
        for (const QByteArray &text : {r.out, r.err}) {
            QVERIFY2(!text.contains(basic), text.constData());
            QVERIFY2(!text.contains(password), text.constData());
        }
        QVERIFY2(r.out.contains("<redacted>"), r.out.constData()); // the echo was there
    }
    QCOMPARE(api.requests().first().header("Authorization"), QByteArray("Basic ") + basic);
    const QByteArray stored = storedBytes();
    QVERIFY(!stored.isEmpty());
    QVERIFY(!stored.contains(basic));
    QVERIFY(!stored.contains(password));
    QVERIFY(stored.contains(R"({"variables":{"shop":"demo-shop"}})")); // the body as sent
}

QTEST_GUILESS_MAIN(TestTransportLimits)
#include "tst_TransportLimits.moc"
