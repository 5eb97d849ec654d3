// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/AppInfo.h"
#include "core/camunda/CompletionRequest.h"
#include "core/http/BasicAuthProvider.h"
#include "core/http/BearerAuthProvider.h"
#include "core/http/JobsClient.h"
#include "support/FakeNetworkAccessManager.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

using namespace JobDesk;
using Response = FakeNetworkAccessManager::Response;

Q_DECLARE_METATYPE(JobDesk::OutcomeKind)

namespace {

const QString kKey = QStringLiteral("2251799813685249");

CompletionRequest completion(const QString &variables = QStringLiteral(R"({"ok":true})"))
{
    CompletionRequest request;
    request.jobKey = *JobKey::parse(kKey).key;
    request.variables = VariablesDocument::fromText(variables);
    return request;
}

/// Waits for the one `finished` of a call; nullopt on timeout.
std::optional<Outcome> waitFor(ApiCall *call, int ms = 5000)
{
    QObject guard;
    std::optional<Outcome> result;
    QObject::connect(
        call, &ApiCall::finished, &guard, [&result](const Outcome &outcome) { result = outcome; });
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, ms);
    return result;
}

/// A refreshable provider handing out "Bearer t1", "Bearer t2", … and counting invalidations.
class CountingProvider final : public AuthProvider
{
public:
    QString kind() const override { return QStringLiteral("oauth"); }
    void authorize(QObject *, Callback done) override
    {
        ++authorizeCount;
        if (!error.isEmpty())
            done(Result::failed(error));
        else
            done(Result::granted("Bearer t" + QByteArray::number(authorizeCount)));
    }
    void invalidate() override { ++invalidateCount; }
    bool canRefresh() const override { return refreshable; }
    QByteArray redactedHeaderValue() const override { return "Bearer <redacted>"; }
    QList<QByteArray> secrets() const override { return {"t1", "t2"}; }

    int authorizeCount = 0;
    int invalidateCount = 0;
    bool refreshable = true;
    QString error;
};

} // namespace

class TestJobsClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_nam = std::make_unique<FakeNetworkAccessManager>();
        m_client = std::make_unique<JobsClient>(m_nam.get());
        m_client->setApiRoot(QUrl(QStringLiteral("http://camunda.test:8080")));
    }
    void cleanup()
    {
        m_client.reset();
        m_nam.reset();
    }

    void statusClasses_data();
    void statusClasses();
    void sendsExactRequest();
    void readsMayBeRepeated();
    void userAgentNamesVersionAndQt();
    void timeoutAfterSendingMayHaveApplied();
    void cancelWhileInFlight();
    void cancelBeforeSending();
    void redirectIsNotFollowed_data();
    void redirectIsNotFollowed();
    void bodyBelowCapIsKept();
    void oversizeBodyIsCutAtCap();
    void hugeContentLengthStopsReading();
    void transportErrors_data();
    void transportErrors();
    void tlsErrorsAreNamedAndNeverIgnored();
    void retriesOnceAfter401();
    void doesNotRetryTwice();
    void doesNotRetryWithoutRefresh();
    void authFailureSendsNothing();
    void basicAuthRedactedInRecordAndCurl();
    void recordKeepsUrlAndBodyAsSent();
    void echoedSecretsAreRedactedFromTheAnswer();
    void bearerAuthRedactedInRecordAndCurl();
    void unusableApiRootSendsNothing();
    void topologyIsAGet();

private:
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<JobsClient> m_client;
};

void TestJobsClient::statusClasses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("title");

    const auto problem = [](int status, const char *title) -> QByteArray {
        return QByteArray(R"({"type":"about:blank","title":")") + title + R"(","status":)"
            + QByteArray::number(status) + R"(,"detail":"d","instance":"/v2/jobs/1/completion"})";
    };
    QTest::newRow("204") << 204 << QByteArray() << int(OutcomeKind::Completed) << QString();
    QTest::newRow("400") << 400 << problem(400, "INVALID_ARGUMENT") << int(OutcomeKind::Rejected)
                         << QStringLiteral("INVALID_ARGUMENT");
    QTest::newRow("401") << 401 << problem(401, "UNAUTHORIZED") << int(OutcomeKind::Unauthorized)
                         << QStringLiteral("UNAUTHORIZED");
    QTest::newRow("403") << 403 << problem(403, "FORBIDDEN") << int(OutcomeKind::Forbidden)
                         << QStringLiteral("FORBIDDEN");
    QTest::newRow("404") << 404 << problem(404, "NOT_FOUND") << int(OutcomeKind::NotFound)
                         << QStringLiteral("NOT_FOUND");
    QTest::newRow("409") << 409 << problem(409, "INVALID_STATE") << int(OutcomeKind::InvalidState)
                         << QStringLiteral("INVALID_STATE");
    QTest::newRow("429") << 429 << problem(429, "TOO_MANY_REQUESTS")
                         << int(OutcomeKind::Backpressure) << QStringLiteral("TOO_MANY_REQUESTS");
    QTest::newRow("500") << 500 << problem(500, "INTERNAL") << int(OutcomeKind::ServerError)
                         << QStringLiteral("INTERNAL");
    QTest::newRow("502 html") << 502 << QByteArray("<html><body>Bad Gateway</body></html>")
                              << int(OutcomeKind::ServerError) << QString();
    QTest::newRow("503 exhausted")
        << 503 << problem(503, "RESOURCE_EXHAUSTED") << int(OutcomeKind::Backpressure)
        << QStringLiteral("RESOURCE_EXHAUSTED");
    QTest::newRow("503 unavailable")
        << 503 << problem(503, "UNAVAILABLE") << int(OutcomeKind::ServerError)
        << QStringLiteral("UNAVAILABLE");
    QTest::newRow("504") << 504 << problem(504, "DEADLINE_EXCEEDED")
                         << int(OutcomeKind::ServerError) << QStringLiteral("DEADLINE_EXCEEDED");
}

void TestJobsClient::statusClasses()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    QFETCH(QString, title);

    m_nam->enqueue(body.startsWith('{')
            ? Response::problem(status, body)
            : Response::json(status, body).withHeader("X-Trace", "abc"));
    ApiCall *call = m_client->complete(completion());
    QSignalSpy spy(call, &ApiCall::finished);
    QCOMPARE(spy.count(), 0); // never synchronously
    const auto outcome = waitFor(call);
    QVERIFY(outcome);
    QCOMPARE(int(outcome->kind), kind);
    QCOMPARE(outcome->httpStatus, std::optional<int>(status));
    QCOMPARE(outcome->rawBody, body);
    QVERIFY(!outcome->bodyTruncated);
    QCOMPARE(outcome->bodyTotalBytes, body.size());
    QCOMPARE(outcome->problem.title(), title);
    QVERIFY(outcome->transportError.isEmpty());
    QVERIFY(outcome->elapsedMs >= 0);
    QCOMPARE(m_nam->requestCount(), 1);
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 1);
    QVERIFY(call->isFinished());
}

void TestJobsClient::sendsExactRequest()
{
    m_nam->enqueue(Response::json(204));
    const CompletionRequest request
        = completion(QStringLiteral(R"({"amount":12345678901234567890123,"ü":"ß"})"));
    const auto outcome = waitFor(m_client->complete(request));
    QVERIFY(outcome);
    QCOMPARE(m_nam->requestCount(), 1);
    const auto sent = m_nam->lastRequest();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.url,
        QUrl(QStringLiteral("http://camunda.test:8080/v2/jobs/2251799813685249/completion")));
    QCOMPARE(sent.body, QByteArray(R"({"variables":{"amount":12345678901234567890123,"ü":"ß"}})"));
    QCOMPARE(sent.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(sent.header("Accept"), QByteArray("application/json, application/problem+json"));
    QCOMPARE(sent.header("User-Agent"), JobsClient::userAgent());
    QVERIFY(!sent.hasHeader("Authorization"));
    QVERIFY(
        sent.request.attribute(QNetworkRequest::RedirectPolicyAttribute).isValid()); // Manual is 0
    QCOMPARE(sent.request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
        int(QNetworkRequest::ManualRedirectPolicy));
    // A change travels on an upload device Qt cannot rewind: it is never sent twice.
    QCOMPARE(
        sent.request.attribute(QNetworkRequest::DoNotBufferUploadDataAttribute).toBool(), true);
    QCOMPARE(sent.header("Content-Length"), QByteArray::number(sent.body.size()));
    // The record shows what was sent (Qt's own Content-Length aside).
    QCOMPARE(outcome->request.method, QByteArray("POST"));
    QCOMPARE(outcome->request.url, sent.url);
    QCOMPARE(outcome->request.body, sent.body);
    FakeNetworkAccessManager::HeaderList set = sent.headers;
    set.removeIf([](const auto &header) { return header.first == "Content-Length"; });
    QCOMPARE(outcome->request.headers, set);
    // And the preview says the same before anything is sent.
    const RequestRecord preview = m_client->describeCompletion(request);
    QCOMPARE(preview.url, sent.url);
    QCOMPARE(preview.headers, set);
    QCOMPARE(preview.body, sent.body);
}

void TestJobsClient::readsMayBeRepeated()
{
    m_nam->enqueue(Response::json(200, R"({"items":[]})"));
    ApiRequest search;
    search.action = ActionKind::Lookup;
    search.method = "POST";
    search.relativePath = QStringLiteral("jobs/search");
    search.body = R"({"filter":{}})";
    QVERIFY(waitFor(m_client->send(search)));
    const auto sent = m_nam->lastRequest();
    QCOMPARE(sent.body, search.body);
    QVERIFY(!sent.request.attribute(QNetworkRequest::DoNotBufferUploadDataAttribute).toBool());
}

void TestJobsClient::userAgentNamesVersionAndQt()
{
    QCOMPARE(JobsClient::userAgent(),
        QStringLiteral("JobDesk/%1 (Qt %2)")
            .arg(AppInfo::version(), QString::fromLatin1(qVersion()))
            .toUtf8());
    QVERIFY(JobsClient::userAgent().startsWith("JobDesk/0."));
}

void TestJobsClient::timeoutAfterSendingMayHaveApplied()
{
    m_client->setTimeout(std::chrono::milliseconds(200));
    m_nam->enqueue(Response::hang());
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::SentNoAnswer);
    QCOMPARE(outcome->transportError, QStringLiteral("no answer within 0.2 s"));
    QVERIFY(!outcome->httpStatus);
    QVERIFY(outcome->elapsedMs >= 190);
    QCOMPARE(m_nam->abortedCount(), 1);
    QCOMPARE(m_nam->requestCount(), 1);

    // A read that got no answer is only that: nothing to settle.
    m_nam->enqueue(Response::hang());
    const auto read = waitFor(m_client->topology());
    QVERIFY(read);
    QCOMPARE(read->kind, OutcomeKind::TransportError);
    QCOMPARE(read->transportError, QStringLiteral("no answer within 0.2 s"));
}

void TestJobsClient::cancelWhileInFlight()
{
    m_nam->enqueue(Response::hang());
    ApiCall *call = m_client->complete(completion());
    QSignalSpy spy(call, &ApiCall::finished);
    QTRY_COMPARE(m_nam->requestCount(), 1);
    call->cancel();
    QCOMPARE(spy.count(), 1);
    call->cancel(); // harmless
    QCoreApplication::processEvents();
    QCOMPARE(spy.count(), 1);
    const auto outcome = spy.first().first().value<Outcome>();
    QCOMPARE(outcome.kind, OutcomeKind::Cancelled);
    QVERIFY(!outcome.httpStatus);
    QCOMPARE(m_nam->abortedCount(), 1);
}

void TestJobsClient::cancelBeforeSending()
{
    m_nam->enqueue(Response::json(204));
    ApiCall *call = m_client->complete(completion());
    QSignalSpy spy(call, &ApiCall::finished);
    call->cancel();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().value<Outcome>().kind, OutcomeKind::Cancelled);
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(m_nam->requestCount(), 0);
    QCOMPARE(spy.count(), 1);
}

void TestJobsClient::redirectIsNotFollowed_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<QString>("expected");
    QTest::newRow("307 absolute") << 307 << QByteArray("https://login.example.com/sso")
                                  << QStringLiteral("https://login.example.com/sso");
    QTest::newRow("301 relative") << 301 << QByteArray("/cluster/v2/jobs/1/completion")
                                  << QStringLiteral(
                                         "http://camunda.test:8080/cluster/v2/jobs/1/completion");
    QTest::newRow("302") << 302 << QByteArray("http://other:8080/")
                         << QStringLiteral("http://other:8080/");
}

void TestJobsClient::redirectIsNotFollowed()
{
    QFETCH(int, status);
    QFETCH(QByteArray, location);
    QFETCH(QString, expected);
    m_nam->enqueue(Response::redirect(status, location));
    m_nam->enqueue(Response::json(204)); // would be used if the redirect were followed
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::Redirected);
    QCOMPARE(outcome->httpStatus, std::optional<int>(status));
    QCOMPARE(outcome->redirectLocation, expected);
    QCOMPARE(m_nam->requestCount(), 1);
}

void TestJobsClient::bodyBelowCapIsKept()
{
    m_client->setMaxBodyBytes(1000);
    const QByteArray body(1000, 'x');
    Response response = Response::json(500, body);
    response.chunkSize = 300;
    m_nam->enqueue(response);
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(outcome->rawBody, body);
    QVERIFY(!outcome->bodyTruncated);
    QCOMPARE(outcome->bodyTotalBytes, 1000);
}

void TestJobsClient::oversizeBodyIsCutAtCap()
{
    m_client->setMaxBodyBytes(1000);
    QByteArray body;
    for (int i = 0; i < 500; ++i)
        body += QByteArray::number(i % 10).repeated(10);
    Response response = Response::json(502, body);
    response.chunkSize = 700;
    m_nam->enqueue(response);
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::ServerError);
    QCOMPARE(outcome->rawBody, body.left(1000));
    QVERIFY(outcome->bodyTruncated);
    QCOMPARE(outcome->bodyTotalBytes, body.size()); // as declared
    QCOMPARE(m_nam->abortedCount(), 1); // reading stopped at the cap
}

void TestJobsClient::hugeContentLengthStopsReading()
{
    m_client->setMaxBodyBytes(1000);
    const qint64 declared = qint64(10) * 1024 * 1024 * 1024;
    Response response = Response::json(500, QByteArray(3000, 'y'));
    response.withHeader("Content-Length", QByteArray::number(declared));
    response.chunkSize = 500;
    m_nam->enqueue(response);
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::ServerError);
    QCOMPARE(outcome->httpStatus, std::optional<int>(500));
    QCOMPARE(outcome->rawBody, QByteArray(1000, 'y'));
    QVERIFY(outcome->bodyTruncated);
    QCOMPARE(outcome->bodyTotalBytes, declared);
    QCOMPARE(m_nam->abortedCount(), 1);
}

void TestJobsClient::transportErrors_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<OutcomeKind>("kind");
    const OutcomeKind notSent = OutcomeKind::TransportError;
    const OutcomeKind maybeApplied = OutcomeKind::SentNoAnswer;
    QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError)
                             << QStringLiteral("nothing is listening at camunda.test:8080 — is the "
                                               "cluster or port-forward running?")
                             << notSent;
    QTest::newRow("dns") << int(QNetworkReply::HostNotFoundError)
                         << QStringLiteral("the host name 'camunda.test' could not be resolved")
                         << notSent;
    QTest::newRow("closed") << int(QNetworkReply::RemoteHostClosedError)
                            << QStringLiteral(
                                   "camunda.test:8080 closed the connection without answering")
                            << maybeApplied;
    QTest::newRow("not sent twice")
        << int(QNetworkReply::ContentReSendError)
        << QStringLiteral("the connection to camunda.test:8080 broke after the request was sent, "
                          "before an answer (it is not sent a second time)")
        << maybeApplied;
    QTest::newRow("timeout") << int(QNetworkReply::TimeoutError)
                             << QStringLiteral("the connection to camunda.test:8080 timed out")
                             << notSent;
    QTest::newRow("proxy") << int(QNetworkReply::ProxyConnectionRefusedError)
                           << QStringLiteral("the proxy refused the connection") << notSent;
    QTest::newRow("not http")
        << int(QNetworkReply::ProtocolFailure)
        << QStringLiteral(
               "camunda.test:8080 did not answer with valid HTTP — is this the REST port (8080)")
        << maybeApplied;
    QTest::newRow("tls without details")
        << int(QNetworkReply::SslHandshakeFailedError)
        << QStringLiteral("the TLS handshake with camunda.test:8080 failed: boom") << notSent;
    QTest::newRow("unknown") << int(QNetworkReply::UnknownNetworkError)
                             << QStringLiteral("network error talking to camunda.test:8080: boom")
                             << maybeApplied;
}

void TestJobsClient::transportErrors()
{
    QFETCH(int, error);
    QFETCH(QString, expected);
    QFETCH(OutcomeKind, kind);
    m_nam->enqueue(
        Response::networkError(QNetworkReply::NetworkError(error), QStringLiteral("boom")));
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, kind);
    QVERIFY(!outcome->httpStatus);
    QVERIFY2(outcome->transportError.startsWith(expected), qPrintable(outcome->transportError));
}

void TestJobsClient::tlsErrorsAreNamedAndNeverIgnored()
{
#if QT_CONFIG(ssl)
    m_client->setApiRoot(QUrl(QStringLiteral("https://camunda.test")));
    Response response = Response::networkError(QNetworkReply::SslHandshakeFailedError);
    response.sslErrors
        = {QSslError(QSslError::SelfSignedCertificate), QSslError(QSslError::HostNameMismatch)};
    m_nam->enqueue(response);
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::TransportError);
    const QString text = outcome->transportError;
    QVERIFY2(text.startsWith(QStringLiteral("the TLS handshake with camunda.test:443 failed: ")),
        qPrintable(text));
    QVERIFY(text.contains(QSslError(QSslError::SelfSignedCertificate).errorString()));
    QVERIFY(text.contains(QSslError(QSslError::HostNameMismatch).errorString()));
    QCOMPARE(m_nam->ignoreSslErrorsCount(), 0);
#else
    QSKIP("Qt without TLS");
#endif
}

void TestJobsClient::retriesOnceAfter401()
{
    CountingProvider auth;
    m_client->setAuthProvider(&auth);
    m_nam->enqueue(Response::problem(401, R"({"title":"UNAUTHORIZED","status":401})"));
    m_nam->enqueue(Response::json(204));
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::Completed);
    QCOMPARE(m_nam->requestCount(), 2);
    QCOMPARE(m_nam->requests().at(0).header("Authorization"), QByteArray("Bearer t1"));
    QCOMPARE(m_nam->requests().at(1).header("Authorization"), QByteArray("Bearer t2"));
    QCOMPARE(m_nam->requests().at(1).body, m_nam->requests().at(0).body);
    QCOMPARE(auth.invalidateCount, 1);
    QCOMPARE(auth.authorizeCount, 2);
}

void TestJobsClient::doesNotRetryTwice()
{
    CountingProvider auth;
    m_client->setAuthProvider(&auth);
    m_nam->setHandler([](const auto &) {
        return Response::problem(401, R"({"title":"UNAUTHORIZED","status":401})");
    });
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::Unauthorized);
    QCOMPARE(outcome->httpStatus, std::optional<int>(401));
    QCOMPARE(m_nam->requestCount(), 2);
    QCOMPARE(auth.authorizeCount, 2);
}

void TestJobsClient::doesNotRetryWithoutRefresh()
{
    CountingProvider auth;
    auth.refreshable = false;
    m_client->setAuthProvider(&auth);
    m_nam->setHandler([](const auto &) { return Response::json(401); });
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::Unauthorized);
    QCOMPARE(m_nam->requestCount(), 1);
    QCOMPARE(auth.invalidateCount, 1);
}

void TestJobsClient::authFailureSendsNothing()
{
    CountingProvider auth;
    auth.error = QStringLiteral("the token endpoint refused client 'x': wrong client id or secret");
    m_client->setAuthProvider(&auth);
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::TransportError);
    QVERIFY(outcome->transportError.contains(auth.error));
    QVERIFY(outcome->transportError.startsWith(QStringLiteral("not sent")));
    QCOMPARE(m_nam->requestCount(), 0);
}

void TestJobsClient::basicAuthRedactedInRecordAndCurl()
{
    BasicAuthProvider auth(QStringLiteral("demo"), QStringLiteral("s3cr3t-pw"));
    m_client->setAuthProvider(&auth);
    m_nam->enqueue(Response::json(204));
    const auto outcome
        = waitFor(m_client->complete(completion(QStringLiteral(R"({"note":"s3cr3t-pw"})"))));
    QVERIFY(outcome);
    const QByteArray encoded = QByteArray("demo:s3cr3t-pw").toBase64();
    QCOMPARE(m_nam->lastRequest().header("Authorization"), "Basic " + encoded);

    QByteArray shown;
    for (const auto &[name, value] : outcome->request.headers)
        shown += name + ": " + value + '\n';
    QVERIFY(shown.contains("Authorization: Basic <redacted>"));
    QVERIFY(!shown.contains("s3cr3t-pw"));
    QVERIFY(!shown.contains(encoded));

    const QString curl = JobsClient::toCurl(outcome->request);
    QVERIFY(curl.contains(
        QStringLiteral("-u \"$CAMUNDA_BASIC_AUTH_USERNAME:$CAMUNDA_BASIC_AUTH_PASSWORD\"")));
    QVERIFY(!curl.contains(QString::fromLatin1(encoded)));
}

void TestJobsClient::recordKeepsUrlAndBodyAsSent()
{
    // User demo, password demo: the record still says exactly what went out.
    BasicAuthProvider auth(QStringLiteral("demo"), QStringLiteral("demo"));
    m_client->setApiRoot(QUrl(QStringLiteral("http://demo:8080")));
    m_client->setAuthProvider(&auth);
    m_nam->enqueue(Response::json(204));
    const CompletionRequest request
        = completion(QStringLiteral(R"({"shop":"demo-shop","user":"demo"})"));
    const RequestRecord preview = m_client->describeCompletion(request);
    const auto outcome = waitFor(m_client->complete(request));
    QVERIFY(outcome);
    const auto sent = m_nam->lastRequest();
    for (const RequestRecord &record : {preview, outcome->request}) {
        QCOMPARE(record.url, sent.url);
        QCOMPARE(record.url.toString(),
            QStringLiteral("http://demo:8080/v2/jobs/2251799813685249/completion"));
        QCOMPARE(record.body, sent.body);
        QVERIFY(record.body.contains(R"("shop":"demo-shop","user":"demo")"));
    }
}

void TestJobsClient::echoedSecretsAreRedactedFromTheAnswer()
{
    BasicAuthProvider auth(QStringLiteral("demo"), QStringLiteral("demo"));
    m_client->setAuthProvider(&auth);
    const QByteArray basic = QByteArray("demo:demo").toBase64();
    m_nam->enqueue(Response::problem(401,
        R"({"title":"UNAUTHORIZED","detail":"Authorization: Basic )" + basic
            + R"( was refused for password demo.","shop":"demo-shop","password":"demo"})")
                       .withHeader("WWW-Authenticate", "Basic realm=\"demo\"")
                       .withHeader("X-Echo", "Basic " + basic));
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::Unauthorized);
    QVERIFY2(!outcome->rawBody.contains(basic), outcome->rawBody.constData());
    QCOMPARE(outcome->problem.detail(),
        QStringLiteral("Authorization: Basic <redacted> was refused for password <redacted>."));
    QVERIFY(outcome->rawBody.contains(R"("shop":"demo-shop")"));
    QVERIFY(outcome->rawBody.contains(R"("password":"<redacted>")"));
    QCOMPARE(outcome->responseHeader("X-Echo"), QByteArray("Basic <redacted>"));
    QCOMPARE(outcome->responseHeader("WWW-Authenticate"), QByteArray("Basic realm=\"<redacted>\""));
}

void TestJobsClient::bearerAuthRedactedInRecordAndCurl()
{
    BearerAuthProvider auth("eyJhbGciOi.secret-token");
    m_client->setAuthProvider(&auth);
    const RequestRecord preview = m_client->describeCompletion(completion());
    m_nam->enqueue(Response::json(204));
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(
        m_nam->lastRequest().header("Authorization"), QByteArray("Bearer eyJhbGciOi.secret-token"));
    QCOMPARE(preview.headers, outcome->request.headers);
    QVERIFY(outcome->request.headers.contains(
        qMakePair(QByteArray("Authorization"), QByteArray("Bearer <redacted>"))));
    const QString curl = JobsClient::toCurl(outcome->request);
    QVERIFY(curl.contains(QStringLiteral("-H \"Authorization: Bearer $CAMUNDA_TOKEN\"")));
    QVERIFY(!curl.contains(QStringLiteral("secret-token")));
}

void TestJobsClient::unusableApiRootSendsNothing()
{
    m_client->setApiRoot(QUrl(QStringLiteral("ftp://camunda.test")));
    const auto outcome = waitFor(m_client->complete(completion()));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::TransportError);
    QVERIFY2(outcome->transportError.contains(QStringLiteral("only http and https")),
        qPrintable(outcome->transportError));
    QCOMPARE(m_nam->requestCount(), 0);
}

void TestJobsClient::topologyIsAGet()
{
    m_nam->enqueue(Response::json(200, R"({"brokers":[],"gatewayVersion":"8.8.0"})"));
    const auto outcome = waitFor(m_client->topology());
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::Completed);
    QCOMPARE(m_nam->lastRequest().method, QByteArray("GET"));
    QCOMPARE(
        m_nam->lastRequest().url, QUrl(QStringLiteral("http://camunda.test:8080/v2/topology")));
    QVERIFY(m_nam->lastRequest().body.isEmpty());
    QVERIFY(!m_nam->lastRequest().hasHeader("Content-Type"));
}

QTEST_GUILESS_MAIN(TestJobsClient)
#include "tst_JobsClient.moc"
