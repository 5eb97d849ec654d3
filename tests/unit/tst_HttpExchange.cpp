// SPDX-License-Identifier: GPL-3.0-or-later
// The request policy against a real QNetworkAccessManager and a misbehaving loopback server
// (support/FaultServer): a request that changes state is on the wire at most once whatever the
// server does; what arrived before a failure is kept; time is bounded by an idle timeout and an
// overall deadline; an answer is read with a cap while it arrives; redirects and cookies are
// left alone.
#include "core/http/HttpExchange.h"
#include "support/FaultServer.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace JobDesk;
using Fault = FaultServer::Fault;
using Behaviour = FaultServer::Behaviour;

Q_DECLARE_METATYPE(FaultServer::Fault)

namespace {

HttpRequest post(const FaultServer &server, bool sendOnce)
{
    HttpRequest request;
    request.method = "POST";
    request.url = QUrl(server.baseUrl() + QStringLiteral("/v2/jobs/2251799813685249/completion"));
    request.headers = {{"Content-Type", "application/json"}};
    request.body = R"({"variables":{"amount":1}})";
    request.sendOnce = sendOnce;
    return request;
}

HttpRequest get(const FaultServer &server)
{
    HttpRequest request;
    request.method = "GET";
    request.url = QUrl(server.baseUrl() + QStringLiteral("/v2/topology"));
    return request;
}

HttpLimits limits(int idleMs = 10000, int deadlineMs = 0, qint64 cap = 1024 * 1024)
{
    HttpLimits l;
    l.idleTimeout = std::chrono::milliseconds(idleMs);
    l.deadline = std::chrono::milliseconds(deadlineMs);
    l.maxBodyBytes = cap;
    return l;
}

/// Runs one exchange to its end; nullopt when it does not finish within 30 s.
std::optional<HttpResult> run(
    QNetworkAccessManager &nam, const HttpRequest &request, const HttpLimits &l = limits())
{
    HttpExchange exchange(&nam, request, l, TlsOptions {});
    QSignalSpy finished(&exchange, &HttpExchange::finished);
    exchange.start();
    if (!finished.wait(30000) || finished.size() != 1)
        return std::nullopt;
    return exchange.result();
}

} // namespace

class TestHttpExchange final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<JobDesk::HttpResult>();
    }
    void answers();
    void changeIsSentAtMostOnce_data();
    void changeIsSentAtMostOnce();
    void qtResendsWhatMayBeRepeated_data();
    void qtResendsWhatMayBeRepeated();
    void headersThenResetKeepsWhatArrived_data();
    void headersThenResetKeepsWhatArrived();
    void silenceEndsAtTheIdleTimeout();
    void nothingListeningIsNotSent();
    void tricklingEndsAtTheDeadline();
    void deadlineDerivesFromTheIdleTimeout();
    void endlessStreamIsCutNearTheCap_data();
    void endlessStreamIsCutNearTheCap();
    void oneByteChunksAreCutNearTheCap_data();
    void oneByteChunksAreCutNearTheCap();
    void declaredLengthIsTheTotal();
    void redirectIsReportedNotFollowed();
    void cookiesAreNeitherStoredNorSent();
    void cancelEndsAtOnce();
    void unusableAddressIsNotSent();
};

void TestHttpExchange::answers()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.enqueue(Behaviour::answer(404, R"({"title":"NOT_FOUND"})", "application/problem+json"));
    QNetworkAccessManager nam;
    const auto result = run(nam, post(server, true));
    QVERIFY(result);
    QCOMPARE(int(result->ending), int(HttpEnding::Answered));
    QCOMPARE(result->status, std::optional<int>(404));
    QCOMPARE(result->reasonPhrase, QByteArray("Not Found"));
    QCOMPARE(result->body, QByteArray(R"({"title":"NOT_FOUND"})"));
    QCOMPARE(result->header("content-type"), QByteArray("application/problem+json"));
    QVERIFY(!result->bodyTruncated);
    QVERIFY(result->requestSent);
    QVERIFY(result->error.isEmpty());
    QCOMPARE(server.requestCount(), 1);
    const FaultServer::Request &seen = server.requests().first();
    QCOMPARE(seen.method, QByteArray("POST"));
    QCOMPARE(seen.body, post(server, true).body);
    QCOMPARE(seen.header("Content-Length"), QByteArray::number(seen.body.size()));
}

void TestHttpExchange::changeIsSentAtMostOnce_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::newRow("close") << Fault::Close;
    QTest::newRow("reset") << Fault::Reset;
    QTest::newRow("garbage status line") << Fault::GarbageStatus;
    QTest::newRow("HTTP/0.9") << Fault::Http09;
}

void TestHttpExchange::changeIsSentAtMostOnce()
{
    QFETCH(Fault, fault);
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(Behaviour::of(fault));
    QNetworkAccessManager nam;
    const auto result = run(nam, post(server, true));
    QVERIFY(result);
    QCOMPARE(int(result->ending), int(HttpEnding::SentNoAnswer));
    QVERIFY(!result->status);
    QVERIFY(!result->error.isEmpty());
    // Qt's attempt to send it again is what failed the reply: nothing more will come.
    QCOMPARE(server.requestCount(), 1);
}

void TestHttpExchange::qtResendsWhatMayBeRepeated_data()
{
    changeIsSentAtMostOnce_data();
}

void TestHttpExchange::qtResendsWhatMayBeRepeated()
{
    // The control for changeIsSentAtMostOnce: without sendOnce Qt repeats the request itself,
    // so the faults above do provoke re-sends.
    QFETCH(Fault, fault);
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(Behaviour::of(fault));
    QNetworkAccessManager nam;
    const auto result = run(nam, post(server, false));
    QVERIFY(result);
    QVERIFY(!result->status);
    QVERIFY2(server.requestCount() >= 2, qPrintable(QString::number(server.requestCount())));
}

void TestHttpExchange::headersThenResetKeepsWhatArrived_data()
{
    QTest::addColumn<bool>("sendOnce");
    QTest::newRow("change") << true;
    QTest::newRow("read") << false;
}

void TestHttpExchange::headersThenResetKeepsWhatArrived()
{
    QFETCH(bool, sendOnce);
    FaultServer server;
    QVERIFY(server.listen());
    Behaviour behaviour = Behaviour::answer(
        500, R"({"title":"INTERNAL","detail":"par)", "application/problem+json");
    behaviour.fault = Fault::HeadersThenReset;
    server.setDefault(behaviour);
    QNetworkAccessManager nam;
    const auto result = run(nam, sendOnce ? post(server, true) : get(server));
    QVERIFY(result);
    QCOMPARE(int(result->ending), int(HttpEnding::PartialAnswer));
    QCOMPARE(result->status, std::optional<int>(500));
    QCOMPARE(result->header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(result->body, QByteArray(R"({"title":"INTERNAL","detail":"par)"));
    QVERIFY2(result->error.startsWith(QStringLiteral("the answer is incomplete")),
        qPrintable(result->error));
    if (sendOnce)
        QCOMPARE(server.requestCount(), 1);
}

void TestHttpExchange::silenceEndsAtTheIdleTimeout()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(Behaviour::of(Fault::Silent));
    QNetworkAccessManager nam;
    const auto result = run(nam, post(server, true), limits(200));
    QVERIFY(result);
    QCOMPARE(int(result->ending), int(HttpEnding::SentNoAnswer));
    QVERIFY(result->timedOut);
    QCOMPARE(result->error, QStringLiteral("no answer within 0.2 s"));
    QCOMPARE(server.requestCount(), 1);
}

void TestHttpExchange::nothingListeningIsNotSent()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    HttpRequest request;
    request.method = "POST";
    request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/v2/x").arg(closed.serverPort()));
    request.sendOnce = true;
    closed.close(); // nothing listens there now
    QNetworkAccessManager nam;
    const auto result = run(nam, request);
    QVERIFY(result);
    QCOMPARE(int(result->ending), int(HttpEnding::NotSent));
    QVERIFY(!result->requestSent);
    QVERIFY2(result->error.startsWith(QStringLiteral("nothing is listening at 127.0.0.1:")),
        qPrintable(result->error));
}

void TestHttpExchange::tricklingEndsAtTheDeadline()
{
    FaultServer server;
    QVERIFY(server.listen());
    Behaviour trickle = Behaviour::answer(200, {}, "application/json");
    trickle.fault = Fault::Trickle;
    trickle.intervalMs = 10;
    server.setDefault(trickle);
    QNetworkAccessManager nam;
    // A byte every 10 ms never lets the 5 s idle timeout fire; the deadline ends it.
    const auto result = run(nam, get(server), limits(5000, 300));
    QVERIFY(result);
    QCOMPARE(int(result->ending), int(HttpEnding::PartialAnswer));
    QVERIFY(result->timedOut);
    QCOMPARE(result->status, std::optional<int>(200));
    QVERIFY(!result->body.isEmpty());
    QCOMPARE(result->error,
        QStringLiteral("the answer was not complete within the overall limit of 0.3 s"));
}

void TestHttpExchange::deadlineDerivesFromTheIdleTimeout()
{
    HttpLimits l;
    l.idleTimeout = std::chrono::milliseconds(5000);
    QCOMPARE(l.effectiveDeadline(), std::chrono::milliseconds(10000));
    l.deadline = std::chrono::milliseconds(7000);
    QCOMPARE(l.effectiveDeadline(), std::chrono::milliseconds(7000));
    QCOMPARE(HttpLimits::derivedDeadline(HttpLimits::kDefaultIdleTimeout),
        std::chrono::milliseconds(60000));
}

void TestHttpExchange::endlessStreamIsCutNearTheCap_data()
{
    // A request with a body starts in Qt's network thread later than one without (which once
    // left Qt's read buffer unbounded and the answer held back: 0 bytes, then a timeout).
    QTest::addColumn<bool>("withBody");
    QTest::newRow("GET") << false;
    QTest::newRow("POST") << true;
}

void TestHttpExchange::endlessStreamIsCutNearTheCap()
{
    QFETCH(bool, withBody);
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(Behaviour::stream(-1, 16 * 1024));
    QNetworkAccessManager nam;
    const qint64 cap = 256 * 1024;
    const auto result
        = run(nam, withBody ? post(server, true) : get(server), limits(10000, 0, cap));
    QVERIFY(result);
    QCOMPARE(int(result->ending), int(HttpEnding::Answered));
    QCOMPARE(result->status, std::optional<int>(200));
    QVERIFY(result->bodyTruncated);
    QCOMPARE(result->body.size(), cap);
    // Reading stopped with the read that passed the cap.
    QVERIFY2(result->bodyTotalBytes <= cap + HttpLimits::kReadBufferBytes,
        qPrintable(QString::number(result->bodyTotalBytes)));
    // The connection really stops: the server learns that the client went away, having handed
    // the kernel no more than the client read plus what socket buffers hold.
    QTRY_VERIFY_WITH_TIMEOUT(server.streamStopped(), 10000);
    QVERIFY2(server.bodyBytesWritten() < 64 * 1024 * 1024,
        qPrintable(QString::number(server.bodyBytesWritten())));
}

void TestHttpExchange::oneByteChunksAreCutNearTheCap_data()
{
    endlessStreamIsCutNearTheCap_data();
}

void TestHttpExchange::oneByteChunksAreCutNearTheCap()
{
    QFETCH(bool, withBody);
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(Behaviour::stream(5 * 1000 * 1000, 1));
    QNetworkAccessManager nam;
    const qint64 cap = 8 * 1024;
    const auto result
        = run(nam, withBody ? post(server, true) : get(server), limits(10000, 0, cap));
    QVERIFY(result);
    QCOMPARE(int(result->ending), int(HttpEnding::Answered));
    QVERIFY(result->bodyTruncated);
    QCOMPARE(result->body, QByteArray(cap, 'x'));
    QVERIFY(result->bodyTotalBytes <= cap + HttpLimits::kReadBufferBytes);
    QTRY_VERIFY_WITH_TIMEOUT(server.streamStopped(), 10000);
}

void TestHttpExchange::declaredLengthIsTheTotal()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(Behaviour::answer(200, QByteArray(300 * 1000, 'y')));
    QNetworkAccessManager nam;
    const auto result = run(nam, get(server), limits(10000, 0, 100 * 1000));
    QVERIFY(result);
    QCOMPARE(int(result->ending), int(HttpEnding::Answered));
    QVERIFY(result->bodyTruncated);
    QCOMPARE(result->body, QByteArray(100 * 1000, 'y'));
    QCOMPARE(result->bodyTotalBytes, 300 * 1000);
}

void TestHttpExchange::redirectIsReportedNotFollowed()
{
    FaultServer server;
    QVERIFY(server.listen());
    Behaviour moved = Behaviour::answer(307, {});
    moved.reason = "Temporary Redirect";
    moved.headers = {{"Location", "/cluster/v2/jobs/1/completion"}};
    server.enqueue(moved);
    QNetworkAccessManager nam;
    const auto result = run(nam, post(server, true));
    QVERIFY(result);
    QCOMPARE(int(result->ending), int(HttpEnding::Answered));
    QCOMPARE(result->status, std::optional<int>(307));
    QCOMPARE(result->redirectTarget,
        QUrl(server.baseUrl() + QStringLiteral("/cluster/v2/jobs/1/completion")));
    QCOMPARE(server.requestCount(), 1);
}

void TestHttpExchange::cookiesAreNeitherStoredNorSent()
{
    FaultServer server;
    QVERIFY(server.listen());
    Behaviour withCookie = Behaviour::answer(200, "{}");
    withCookie.headers = {{"Set-Cookie", "session=abc; Path=/"}};
    server.setDefault(withCookie);
    QNetworkAccessManager nam;
    QVERIFY(run(nam, get(server)));
    QVERIFY(run(nam, get(server)));
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.requests().at(1).header("Cookie"), QByteArray());
}

void TestHttpExchange::cancelEndsAtOnce()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setDefault(Behaviour::of(Fault::Silent));
    QNetworkAccessManager nam;
    HttpExchange exchange(&nam, post(server, true), limits(), TlsOptions {});
    QSignalSpy finished(&exchange, &HttpExchange::finished);
    exchange.start();
    QTRY_COMPARE(server.requestCount(), 1);
    exchange.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(int(exchange.result().ending), int(HttpEnding::Cancelled));
    exchange.cancel();
    QCOMPARE(finished.size(), 1);
}

void TestHttpExchange::unusableAddressIsNotSent()
{
    QNetworkAccessManager nam;
    HttpRequest request;
    request.method = "GET";
    request.url = QUrl(QStringLiteral("ftp://camunda.test/"));
    HttpExchange exchange(&nam, request, limits(), TlsOptions {});
    QSignalSpy finished(&exchange, &HttpExchange::finished);
    exchange.start();
    QCOMPARE(finished.size(), 0); // always from the event loop
    QVERIFY(finished.wait(5000));
    QCOMPARE(int(exchange.result().ending), int(HttpEnding::NotSent));
    QVERIFY(exchange.result().error.startsWith(QStringLiteral("not sent: ")));
}

QTEST_GUILESS_MAIN(TestHttpExchange)
#include "tst_HttpExchange.moc"
