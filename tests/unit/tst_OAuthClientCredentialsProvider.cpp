// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/CompletionRequest.h"
#include "core/http/JobsClient.h"
#include "core/http/OAuthClientCredentialsProvider.h"
#include "support/FakeNetworkAccessManager.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;
using Response = FakeNetworkAccessManager::Response;
using Result = AuthProvider::Result;

namespace {

const QUrl kTokenUrl(QStringLiteral("https://login.test/oauth/token"));

OAuthClientCredentialsProvider::Settings settings()
{
    OAuthClientCredentialsProvider::Settings s;
    s.tokenUrl = kTokenUrl;
    s.clientId = QStringLiteral("jobdesk-sandbox");
    s.clientSecret = QStringLiteral("sandbox-secret");
    s.audience = QStringLiteral("zeebe-api");
    return s;
}

Response tokenAnswer(const QByteArray &token, int expiresIn = 300)
{
    return Response::json(200,
        R"({"access_token":")" + token + R"(","token_type":"Bearer","expires_in":)"
            + QByteArray::number(expiresIn) + "}");
}

} // namespace

class TestOAuthClientCredentialsProvider final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_now = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        m_nam = std::make_unique<FakeNetworkAccessManager>();
        m_auth = std::make_unique<OAuthClientCredentialsProvider>(m_nam.get(), settings());
        m_auth->setClock([this] { return m_now; });
    }
    void cleanup()
    {
        m_auth.reset();
        m_nam.reset();
    }

    void formBodyIsEncoded();
    void sendsTokenRequest();
    void oneTokenServesSeveralRequests();
    void concurrentCallsShareOneFetch();
    void expiryRefreshes_data();
    void expiryRefreshes();
    void invalidateForcesFetch();
    void errors_data();
    void errors();
    void timeout();
    void destroyedContextIsSkipped();
    void secretsListed();
    void withJobsClient();
    void refusedOldTokenKeepsNewerOne();
    void neverLogsSecrets();
    void refusalIsTheEndpointsAnswerWithoutTheSecret();
    void refusedTokenIsAnAnswerForJobsClient();
    void tokenUrlWithSecretIsRefused_data();
    void tokenUrlWithSecretIsRefused();

private:
    std::optional<Result> authorize(QObject *context = nullptr)
    {
        std::optional<Result> result;
        m_auth->authorize(context, [&result](const Result &r) { result = r; });
        (void)QTest::qWaitFor([&result] { return result.has_value(); }, 5000);
        return result;
    }

    QDateTime m_now;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<OAuthClientCredentialsProvider> m_auth;
};

void TestOAuthClientCredentialsProvider::formBodyIsEncoded()
{
    auto s = settings();
    s.clientSecret = QStringLiteral("a&b=c+d %é");
    s.scope = QStringLiteral("read write");
    QCOMPARE(OAuthClientCredentialsProvider::formBody(s),
        QByteArray(
            "grant_type=client_credentials&client_id=jobdesk-sandbox"
            "&client_secret=a%26b%3Dc%2Bd%20%25%C3%A9&audience=zeebe-api&scope=read%20write"));
    s.audience.clear();
    s.scope.clear();
    QCOMPARE(OAuthClientCredentialsProvider::formBody(s),
        QByteArray("grant_type=client_credentials&client_id=jobdesk-sandbox&client_secret=a%26b%"
                   "3Dc%2Bd%20%25%C3%A9"));
}

void TestOAuthClientCredentialsProvider::sendsTokenRequest()
{
    m_nam->enqueue(tokenAnswer("tok1"));
    const auto result = authorize();
    QVERIFY(result);
    QCOMPARE(result->error, QString());
    QCOMPARE(result->headerValue, QByteArray("Bearer tok1"));
    QCOMPARE(m_nam->requestCount(), 1);
    const auto sent = m_nam->lastRequest();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.url, kTokenUrl);
    QCOMPARE(sent.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    QCOMPARE(sent.header("Accept"), QByteArray("application/json"));
    QVERIFY(!sent.hasHeader("Authorization"));
    QCOMPARE(sent.body, OAuthClientCredentialsProvider::formBody(settings()));
    QVERIFY(
        sent.request.attribute(QNetworkRequest::RedirectPolicyAttribute).isValid()); // Manual is 0
    QCOMPARE(sent.request.attribute(QNetworkRequest::RedirectPolicyAttribute).toInt(),
        int(QNetworkRequest::ManualRedirectPolicy));
    QVERIFY(m_auth->hasValidToken());
    QCOMPARE(m_auth->tokenRefreshAt(), std::optional<QDateTime>(m_now.addSecs(270)));
}

void TestOAuthClientCredentialsProvider::oneTokenServesSeveralRequests()
{
    m_nam->enqueue(tokenAnswer("tok1"));
    for (int i = 0; i < 5; ++i) {
        const auto result = authorize();
        QVERIFY(result);
        QCOMPARE(result->headerValue, QByteArray("Bearer tok1"));
        m_now = m_now.addSecs(30);
    }
    QCOMPARE(m_nam->requestCount(), 1);
    QCOMPARE(m_auth->tokenRequestCount(), 1);
}

void TestOAuthClientCredentialsProvider::concurrentCallsShareOneFetch()
{
    m_nam->enqueue(tokenAnswer("tok1"));
    QList<Result> results;
    for (int i = 0; i < 3; ++i)
        m_auth->authorize(nullptr, [&results](const Result &r) { results.append(r); });
    QCOMPARE(results.size(), 0); // waits for the network
    QTRY_COMPARE(results.size(), 3);
    for (const Result &r : results)
        QCOMPARE(r.headerValue, QByteArray("Bearer tok1"));
    QCOMPARE(m_nam->requestCount(), 1);
}

void TestOAuthClientCredentialsProvider::expiryRefreshes_data()
{
    QTest::addColumn<int>("expiresIn");
    QTest::addColumn<qint64>("stillValidMs");
    QTest::addColumn<qint64>("refreshedMs");
    QTest::newRow("1 h: 30 s margin") << 3600 << qint64(3569 * 1000) << qint64(3571 * 1000);
    QTest::newRow("5 min: 30 s margin") << 300 << qint64(269 * 1000) << qint64(271 * 1000);
    QTest::newRow("2 s: 10 % margin") << 2 << qint64(1700) << qint64(1850);
}

void TestOAuthClientCredentialsProvider::expiryRefreshes()
{
    QFETCH(int, expiresIn);
    QFETCH(qint64, stillValidMs);
    QFETCH(qint64, refreshedMs);
    m_nam->enqueue(tokenAnswer("tok1", expiresIn));
    m_nam->enqueue(tokenAnswer("tok2", expiresIn));
    const QDateTime start = m_now;
    QCOMPARE(authorize()->headerValue, QByteArray("Bearer tok1"));
    m_now = start.addMSecs(stillValidMs);
    QCOMPARE(authorize()->headerValue, QByteArray("Bearer tok1"));
    QCOMPARE(m_nam->requestCount(), 1);
    m_now = start.addMSecs(refreshedMs);
    QVERIFY(!m_auth->hasValidToken());
    QCOMPARE(authorize()->headerValue, QByteArray("Bearer tok2"));
    QCOMPARE(m_nam->requestCount(), 2);
}

void TestOAuthClientCredentialsProvider::invalidateForcesFetch()
{
    m_nam->enqueue(tokenAnswer("tok1"));
    m_nam->enqueue(tokenAnswer("tok2"));
    QCOMPARE(authorize()->headerValue, QByteArray("Bearer tok1"));
    m_auth->invalidate();
    QVERIFY(!m_auth->hasValidToken());
    QCOMPARE(authorize()->headerValue, QByteArray("Bearer tok2"));
    QCOMPARE(m_nam->requestCount(), 2);
}

void TestOAuthClientCredentialsProvider::errors_data()
{
    QTest::addColumn<Response>("answer");
    QTest::addColumn<QString>("expected");
    const QString badClient = QStringLiteral(
        "the token endpoint refused client 'jobdesk-sandbox': wrong client id or secret");
    QTest::newRow("401 invalid_client")
        << Response::json(401, R"({"error":"invalid_client"})") << badClient;
    QTest::newRow("400 invalid_client") << Response::json(
        400, R"({"error":"invalid_client","error_description":"Invalid client credentials"})")
                                        << badClient;
    QTest::newRow("401 no body") << Response::json(401) << badClient;
    QTest::newRow("400 invalid_scope")
        << Response::json(
               400, R"({"error":"invalid_scope","error_description":"unknown audience"})")
        << QStringLiteral("the token endpoint refused the request (HTTP 400): invalid_scope: "
                          "unknown audience — check the audience and scope");
    QTest::newRow("500 text") << Response::json(500,
        "upstream down") << QStringLiteral("the token endpoint answered HTTP 500: “upstream down”");
    QTest::newRow("html") << Response::json(200, "<html>login page</html>")
                          << QStringLiteral("the token endpoint's answer is not a JSON object (is "
                                            "the token URL right?): “<html>login page</html>”");
    QTest::newRow("no access_token")
        << Response::json(200, R"({"token_type":"Bearer","expires_in":300})")
        << QStringLiteral("the token endpoint's answer has no access_token");
    QTest::newRow("mac token")
        << Response::json(200, R"({"access_token":"x","token_type":"mac"})")
        << QStringLiteral(
               "the token endpoint issued a 'mac' token; only bearer tokens are supported");
    QTest::newRow("redirect")
        << Response::redirect(302, "https://login.test/other")
        << QStringLiteral("the OAuth token endpoint redirected to 'https://login.test/other' — use "
                          "that address as the token URL");
    QTest::newRow("refused")
        << Response::networkError(QNetworkReply::ConnectionRefusedError)
        << QStringLiteral("the OAuth token endpoint could not be reached: nothing is listening at "
                          "login.test:443 — is the cluster or port-forward running?");
}

void TestOAuthClientCredentialsProvider::errors()
{
    QFETCH(Response, answer);
    QFETCH(QString, expected);
    m_nam->enqueue(answer);
    QSignalSpy finished(m_auth.get(), &OAuthClientCredentialsProvider::tokenRequestFinished);
    const auto result = authorize();
    QVERIFY(result);
    QCOMPARE(result->error, expected);
    QVERIFY(result->headerValue.isEmpty());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toString(), expected);
    QVERIFY(!m_auth->hasValidToken());
    // Errors are not cached: the next call asks again.
    m_nam->enqueue(tokenAnswer("tok1"));
    QCOMPARE(authorize()->headerValue, QByteArray("Bearer tok1"));
    QCOMPARE(m_nam->requestCount(), 2);
}

void TestOAuthClientCredentialsProvider::timeout()
{
    m_auth->setTimeout(std::chrono::milliseconds(100));
    m_nam->enqueue(Response::hang());
    const auto result = authorize();
    QVERIFY(result);
    QCOMPARE(result->error,
        QStringLiteral(
            "the OAuth token endpoint https://login.test/oauth/token gave no answer within 0.1 s"));
    QCOMPARE(m_nam->abortedCount(), 1);
}

void TestOAuthClientCredentialsProvider::destroyedContextIsSkipped()
{
    m_nam->enqueue(tokenAnswer("tok1"));
    auto gone = std::make_unique<QObject>();
    int goneCalls = 0;
    m_auth->authorize(gone.get(), [&goneCalls](const Result &) { ++goneCalls; });
    QObject alive;
    std::optional<Result> aliveResult;
    m_auth->authorize(&alive, [&aliveResult](const Result &r) { aliveResult = r; });
    gone.reset();
    QTRY_VERIFY(aliveResult.has_value());
    QCOMPARE(aliveResult->headerValue, QByteArray("Bearer tok1"));
    QCOMPARE(goneCalls, 0);
}

void TestOAuthClientCredentialsProvider::secretsListed()
{
    QVERIFY(m_auth->secrets().contains("sandbox-secret"));
    m_nam->enqueue(tokenAnswer("tok-abc"));
    QVERIFY(authorize());
    QVERIFY(m_auth->secrets().contains("tok-abc"));
    QCOMPARE(m_auth->redactedHeaderValue(), QByteArray("Bearer <redacted>"));
    QVERIFY(m_auth->canRefresh());
}

void TestOAuthClientCredentialsProvider::withJobsClient()
{
    // Three completions, one token; then a 401 refreshes the token once and the retry succeeds.
    QStringList issued;
    m_nam->setHandler([&issued](const FakeNetworkAccessManager::Recorded &r) {
        if (r.url.path() == QLatin1String("/oauth/token")) {
            issued << QStringLiteral("tok%1").arg(issued.size() + 1);
            return tokenAnswer(issued.last().toUtf8());
        }
        if (r.header("Authorization") != "Bearer " + issued.last().toUtf8())
            return Response::problem(401, R"({"title":"UNAUTHORIZED","status":401})");
        return Response::json(204);
    });
    JobsClient client(m_nam.get());
    client.setApiRoot(QUrl(QStringLiteral("https://bru-2.zeebe.test/cluster-1")));
    client.setAuthProvider(m_auth.get());
    CompletionRequest request;
    request.jobKey = *JobKey::parse(u"2251799813685249").key;

    QList<Outcome> outcomes;
    for (int i = 0; i < 3; ++i)
        connect(client.complete(request), &ApiCall::finished, this,
            [&outcomes](const Outcome &o) { outcomes.append(o); });
    QTRY_COMPARE(outcomes.size(), 3);
    for (const Outcome &o : outcomes) {
        QCOMPARE(o.kind, OutcomeKind::Completed);
        QVERIFY(o.request.headers.contains(
            qMakePair(QByteArray("Authorization"), QByteArray("Bearer <redacted>"))));
    }
    QCOMPARE(m_nam->countPath(QStringLiteral("/oauth/token")), 1);
    QCOMPARE(m_nam->countPath(QStringLiteral("/completion")), 3);
    QCOMPARE(m_nam->lastRequest().url.toString(),
        QStringLiteral("https://bru-2.zeebe.test/cluster-1/v2/jobs/2251799813685249/completion"));

    issued << QStringLiteral("revoked"); // the server no longer accepts tok1
    std::optional<Outcome> retried;
    connect(client.complete(request), &ApiCall::finished, this,
        [&retried](const Outcome &o) { retried = o; });
    QTRY_VERIFY(retried.has_value());
    QCOMPARE(retried->kind, OutcomeKind::Completed);
    QCOMPARE(m_nam->countPath(QStringLiteral("/oauth/token")), 2);
    QCOMPARE(m_nam->countPath(QStringLiteral("/completion")), 5);
}

void TestOAuthClientCredentialsProvider::refusedOldTokenKeepsNewerOne()
{
    // Two completions sent with tok1 are both refused; the second refusal arrives only after the
    // first one's retry has fetched tok2. That late 401 about tok1 must not throw tok2 away.
    int tokens = 0;
    m_nam->setHandler([&tokens](const FakeNetworkAccessManager::Recorded &r) {
        if (r.url.path() == QLatin1String("/oauth/token"))
            return tokenAnswer("tok" + QByteArray::number(++tokens));
        if (r.header("Authorization") != "Bearer tok1")
            return Response::json(204);
        Response refused = Response::problem(
            401, QByteArray(R"({"title":"UNAUTHORIZED"})") + QByteArray(400, ' '));
        if (r.url.path().contains(QLatin1String("/2/")))
            refused.chunkSize = 1; // arrives over many event loop turns
        return refused;
    });
    JobsClient client(m_nam.get());
    client.setApiRoot(QUrl(QStringLiteral("http://h:8080")));
    client.setAuthProvider(m_auth.get());
    QList<Outcome> outcomes;
    for (const char *key : {"1", "2"}) {
        CompletionRequest request;
        request.jobKey = *JobKey::parse(QString::fromLatin1(key)).key;
        connect(client.complete(request), &ApiCall::finished, this,
            [&outcomes](const Outcome &o) { outcomes.append(o); });
    }
    QTRY_COMPARE(outcomes.size(), 2);
    QCOMPARE(outcomes.at(0).kind, OutcomeKind::Completed);
    QCOMPARE(outcomes.at(1).kind, OutcomeKind::Completed);
    QCOMPARE(m_nam->countPath(QStringLiteral("/oauth/token")), 2);
    QCOMPARE(m_nam->countPath(QStringLiteral("/completion")), 4);
}

namespace {
QStringList g_log;
void collect(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_log << message;
}
} // namespace

void TestOAuthClientCredentialsProvider::neverLogsSecrets()
{
    QLoggingCategory::setFilterRules(QStringLiteral("jobdesk.*=true"));
    g_log.clear();
    const QtMessageHandler previous = qInstallMessageHandler(collect);
    m_nam->enqueue(tokenAnswer("tok-SECRET-1"));
    m_nam->enqueue(Response::problem(401, R"({"title":"UNAUTHORIZED"})"));
    m_nam->enqueue(tokenAnswer("tok-SECRET-2"));
    m_nam->enqueue(Response::json(204));
    m_nam->enqueue(Response::json(401, R"({"error":"invalid_client"})"));
    JobsClient client(m_nam.get());
    client.setApiRoot(QUrl(QStringLiteral("http://h:8080")));
    client.setAuthProvider(m_auth.get());
    CompletionRequest request;
    request.jobKey = *JobKey::parse(u"2251799813685249").key;
    bool done = false;
    connect(client.complete(request), &ApiCall::finished, this,
        [&done](const Outcome &) { done = true; });
    QTRY_VERIFY(done);
    m_auth->invalidate();
    const auto failed = authorize();
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(failed && !failed->error.isEmpty());
    QVERIFY(g_log.size() >= 4); // the test would prove nothing if nothing was logged
    for (const QString &line : std::as_const(g_log)) {
        QVERIFY2(!line.contains(QStringLiteral("SECRET")), qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("sandbox-secret")), qPrintable(line));
    }
}

void TestOAuthClientCredentialsProvider::refusalIsTheEndpointsAnswerWithoutTheSecret()
{
    // A token endpoint that echoes the form in an HTML error page.
    m_nam->setHandler([](const FakeNetworkAccessManager::Recorded &r) {
        Response page = Response::json(400,
            "<html><body><p>Bad request: " + r.body
                + "</p><p>secret: sandbox-secret.</p></body></html>");
        page.headers = {{"Content-Type", "text/html"}, {"X-Echo", "client_secret=sandbox-secret"}};
        return page;
    });
    const auto result = authorize();
    QVERIFY(result);
    QVERIFY(result->error.startsWith(QStringLiteral("the token endpoint answered HTTP 400: ")));
    QVERIFY2(!result->error.contains(QStringLiteral("sandbox-secret")), qPrintable(result->error));
    QVERIFY(result->error.contains(QStringLiteral("client_secret=<redacted>")));
    QVERIFY(result->refusal);
    QCOMPARE(result->refusal->url, kTokenUrl);
    QCOMPARE(result->refusal->httpStatus, 400);
    QVERIFY(!result->refusal->body.contains("sandbox-secret"));
    QVERIFY(result->refusal->body.contains("client_id=jobdesk-sandbox&client_secret=<redacted>"
                                           "&audience=zeebe-api"));
    QVERIFY(result->refusal->body.contains("secret: <redacted>."));
    QVERIFY(result->refusal->headers.contains(
        qMakePair(QByteArray("X-Echo"), QByteArray("client_secret=<redacted>"))));
}

void TestOAuthClientCredentialsProvider::refusedTokenIsAnAnswerForJobsClient()
{
    m_nam->enqueue(Response::json(400,
        R"({"error":"invalid_scope","error_description":"audience zeebe-api, secret sandbox-secret"})"));
    JobsClient client(m_nam.get());
    client.setApiRoot(QUrl(QStringLiteral("http://h:8080")));
    client.setAuthProvider(m_auth.get());
    CompletionRequest request;
    request.jobKey = *JobKey::parse(u"2251799813685249").key;
    std::optional<Outcome> outcome;
    connect(client.complete(request), &ApiCall::finished, this,
        [&outcome](const Outcome &o) { outcome = o; });
    QTRY_VERIFY(outcome.has_value());
    // Not "no answer": the token endpoint answered, and the request itself was not sent.
    QCOMPARE(outcome->kind, OutcomeKind::Unauthorized);
    QVERIFY(!outcome->httpStatus);
    QVERIFY(outcome->tokenAnswer);
    QCOMPARE(outcome->tokenAnswer->httpStatus, 400);
    QVERIFY(outcome->transportError.startsWith(
        QStringLiteral("not sent: authentication failed: the token endpoint refused the request "
                       "(HTTP 400): invalid_scope")));
    QVERIFY2(!outcome->transportError.contains(QStringLiteral("sandbox-secret")),
        qPrintable(outcome->transportError));
    QVERIFY(!outcome->tokenAnswer->body.contains("sandbox-secret"));
    QCOMPARE(m_nam->countPath(QStringLiteral("/completion")), 0);
    QVERIFY(explain(*outcome).summary.contains(QStringLiteral("token endpoint refused")));
}

void TestOAuthClientCredentialsProvider::tokenUrlWithSecretIsRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("password") << "https://app:sandbox-secret@login.test/oauth/token";
    QTest::newRow("query") << "https://login.test/oauth/token?client_secret=sandbox-secret";
}

void TestOAuthClientCredentialsProvider::tokenUrlWithSecretIsRefused()
{
    QFETCH(QString, url);
    auto s = settings();
    s.tokenUrl = QUrl(url);
    OAuthClientCredentialsProvider auth(m_nam.get(), s);
    std::optional<Result> result;
    auth.authorize(nullptr, [&result](const Result &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error,
        QStringLiteral("the OAuth token URL must not contain a password or a client_secret — give "
                       "the secret as the connection's client secret"));
    QCOMPARE(m_nam->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestOAuthClientCredentialsProvider)
#include "tst_OAuthClientCredentialsProvider.moc"
