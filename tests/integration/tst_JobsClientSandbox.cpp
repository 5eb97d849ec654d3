// SPDX-License-Identifier: GPL-3.0-or-later
// JobsClient and the auth providers against a real jobdesk-sandbox over loopback.
#include "core/camunda/CompletionRequest.h"
#include "core/http/BasicAuthProvider.h"
#include "core/http/BearerAuthProvider.h"
#include "core/http/JobsClient.h"
#include "core/http/OAuthClientCredentialsProvider.h"
#include "support/SandboxProcess.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

namespace {

std::optional<Outcome> waitFor(ApiCall *call, int ms = 15000)
{
    QObject guard;
    std::optional<Outcome> result;
    QObject::connect(
        call, &ApiCall::finished, &guard, [&result](const Outcome &outcome) { result = outcome; });
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, ms);
    return result;
}

CompletionRequest completion(const QString &key, const QString &variables = {})
{
    CompletionRequest request;
    request.jobKey = *JobKey::parse(key).key;
    request.variables = VariablesDocument::fromText(variables);
    return request;
}

OAuthClientCredentialsProvider::Settings oauthSettings(
    const SandboxProcess &sandbox, const QString &secret = QStringLiteral("sandbox-secret"))
{
    OAuthClientCredentialsProvider::Settings s;
    s.tokenUrl = sandbox.baseUrl().resolved(QUrl(QStringLiteral("/oauth/token")));
    s.clientId = QStringLiteral("jobdesk-sandbox");
    s.clientSecret = secret;
    return s;
}

} // namespace

class TestJobsClientSandbox final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void completeTwiceThenNotFound();
    void failedJobIsInvalidState();
    void basicAuth();
    void oauthTokenReuseAndExpiry();
    void oauthWrongSecret();
    void backpressure();
    void slowServerTimesOut();
    void nothingListening();

private:
    /// The keys of the sandbox's jobs in `state` (via POST /v2/jobs/search).
    QStringList jobKeys(JobsClient &client, const QString &state);
    bool startSandbox(SandboxProcess &sandbox, const QStringList &args);
};

bool TestJobsClientSandbox::startSandbox(SandboxProcess &sandbox, const QStringList &args)
{
    if (sandbox.start(args))
        return true;
    qWarning("%s", qPrintable(sandbox.error()));
    return false;
}

QStringList TestJobsClientSandbox::jobKeys(JobsClient &client, const QString &state)
{
    const QByteArray body
        = QJsonDocument(QJsonObject {{QStringLiteral("filter"),
                            QJsonObject {{QStringLiteral("state"), state},
                                {QStringLiteral("kind"), QStringLiteral("BPMN_ELEMENT")}}}})
              .toJson(QJsonDocument::Compact);
    const auto outcome = waitFor(client.send("POST", QStringLiteral("jobs/search"), body));
    QStringList keys;
    if (!outcome || outcome->kind != OutcomeKind::Completed)
        return keys;
    const QJsonArray items = QJsonDocument::fromJson(outcome->rawBody)
                                 .object()
                                 .value(QLatin1String("items"))
                                 .toArray();
    for (const QJsonValue &item : items)
        keys << item.toObject().value(QLatin1String("jobKey")).toString();
    return keys;
}

void TestJobsClientSandbox::completeTwiceThenNotFound()
{
    SandboxProcess sandbox;
    QVERIFY(startSandbox(sandbox, {QStringLiteral("--demo")}));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(sandbox.baseUrl());
    const QStringList keys = jobKeys(client, QStringLiteral("CREATED"));
    QVERIFY2(!keys.isEmpty(), "no CREATED job found through /v2/jobs/search");

    const auto first = waitFor(
        client.complete(completion(keys.first(), QStringLiteral(R"({"approved":true})"))));
    QVERIFY(first);
    QCOMPARE(first->kind, OutcomeKind::Completed);
    QCOMPARE(first->httpStatus, std::optional<int>(204));
    QVERIFY(first->transportError.isEmpty());

    const auto again = waitFor(client.complete(completion(keys.first())));
    QVERIFY(again);
    QCOMPARE(again->kind, OutcomeKind::NotFound);
    QCOMPARE(again->httpStatus, std::optional<int>(404));
    QCOMPARE(again->problem.title(), QStringLiteral("NOT_FOUND"));
    QVERIFY(again->problem.detail().contains(keys.first()));

    const auto topology = waitFor(client.topology());
    QVERIFY(topology);
    QCOMPARE(topology->kind, OutcomeKind::Completed);
}

void TestJobsClientSandbox::failedJobIsInvalidState()
{
    SandboxProcess sandbox;
    QVERIFY(startSandbox(sandbox, {QStringLiteral("--demo")}));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(sandbox.baseUrl());
    const QStringList keys = jobKeys(client, QStringLiteral("FAILED"));
    QVERIFY2(!keys.isEmpty(), "no FAILED job found through /v2/jobs/search");
    const auto outcome = waitFor(client.complete(completion(keys.first())));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::InvalidState);
    QCOMPARE(outcome->httpStatus, std::optional<int>(409));
    QVERIFY2(outcome->problem.detail().contains(QStringLiteral("FAILED")),
        qPrintable(outcome->problem.detail()));
}

void TestJobsClientSandbox::basicAuth()
{
    SandboxProcess sandbox;
    QVERIFY(startSandbox(sandbox,
        {QStringLiteral("--generate"), QStringLiteral("5"), QStringLiteral("--auth"),
            QStringLiteral("basic")}));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(sandbox.baseUrl());

    const auto anonymous = waitFor(client.complete(completion(QStringLiteral("2251799813685249"))));
    QVERIFY(anonymous);
    QCOMPARE(anonymous->kind, OutcomeKind::Unauthorized);

    BasicAuthProvider wrong(QStringLiteral("demo"), QStringLiteral("wrong"));
    client.setAuthProvider(&wrong);
    const auto refused = waitFor(client.complete(completion(QStringLiteral("2251799813685249"))));
    QVERIFY(refused);
    QCOMPARE(refused->kind, OutcomeKind::Unauthorized);
    QCOMPARE(refused->httpStatus, std::optional<int>(401));

    BasicAuthProvider good(QStringLiteral("demo"), QStringLiteral("demo"));
    client.setAuthProvider(&good);
    const auto completed = waitFor(client.complete(completion(QStringLiteral("2251799813685249"))));
    QVERIFY(completed);
    QCOMPARE(completed->kind, OutcomeKind::Completed);
    QVERIFY(completed->request.headers.contains(
        qMakePair(QByteArray("Authorization"), QByteArray("Basic <redacted>"))));
}

void TestJobsClientSandbox::oauthTokenReuseAndExpiry()
{
    SandboxProcess sandbox;
    QVERIFY(startSandbox(sandbox,
        {QStringLiteral("--generate"), QStringLiteral("10"), QStringLiteral("--auth"),
            QStringLiteral("oauth"), QStringLiteral("--token-ttl"), QStringLiteral("2")}));
    QNetworkAccessManager nam;
    OAuthClientCredentialsProvider oauth(&nam, oauthSettings(sandbox));
    JobsClient client(&nam);
    client.setApiRoot(sandbox.baseUrl());
    client.setAuthProvider(&oauth);
    const qint64 firstKey = (qint64(1) << 51) + 1;

    // Three completions in a row share one token.
    for (int i = 0; i < 3; ++i) {
        const auto outcome = waitFor(client.complete(completion(QString::number(firstKey + i))));
        QVERIFY(outcome);
        QCOMPARE(outcome->kind, OutcomeKind::Completed);
    }
    QCOMPARE(oauth.tokenRequestCount(), 1);

    // Once the token is near its end, the next completion fetches a new one first.
    QTRY_VERIFY_WITH_TIMEOUT(!oauth.hasValidToken(), 5000);
    const auto afterExpiry = waitFor(client.complete(completion(QString::number(firstKey + 3))));
    QVERIFY(afterExpiry);
    QCOMPARE(afterExpiry->kind, OutcomeKind::Completed);
    QCOMPARE(oauth.tokenRequestCount(), 2);

    // A token the server has expired while we still trust it (a clock that stands still):
    // the 401 makes the client fetch a new token and retry once.
    const QDateTime frozen = QDateTime::currentDateTimeUtc();
    OAuthClientCredentialsProvider stale(&nam, oauthSettings(sandbox));
    stale.setClock([frozen] { return frozen; });
    client.setAuthProvider(&stale);
    const auto fresh = waitFor(client.complete(completion(QString::number(firstKey + 4))));
    QVERIFY(fresh);
    QCOMPARE(fresh->kind, OutcomeKind::Completed);
    QCOMPARE(stale.tokenRequestCount(), 1);
    const QByteArray token = stale.secrets().constLast();
    // Wait until the sandbox itself refuses that token.
    BearerAuthProvider probe(token);
    JobsClient probing(&nam);
    probing.setApiRoot(sandbox.baseUrl());
    probing.setAuthProvider(&probe);
    QDeadlineTimer deadline(10000);
    bool expired = false;
    while (!expired && !deadline.hasExpired()) {
        const auto answer = waitFor(probing.send("POST", QStringLiteral("jobs/search"), "{}"));
        QVERIFY(answer);
        expired = answer->kind == OutcomeKind::Unauthorized;
    }
    QVERIFY(expired);
    QVERIFY(stale.hasValidToken()); // it still believes in the old token
    const auto retried = waitFor(client.complete(completion(QString::number(firstKey + 5))));
    QVERIFY(retried);
    QCOMPARE(retried->kind, OutcomeKind::Completed);
    QCOMPARE(stale.tokenRequestCount(), 2);
    QVERIFY(!JobsClient::toCurl(retried->request).contains(QString::fromLatin1(token)));
}

void TestJobsClientSandbox::oauthWrongSecret()
{
    SandboxProcess sandbox;
    QVERIFY(startSandbox(sandbox,
        {QStringLiteral("--generate"), QStringLiteral("1"), QStringLiteral("--auth"),
            QStringLiteral("oauth")}));
    QNetworkAccessManager nam;
    OAuthClientCredentialsProvider oauth(
        &nam, oauthSettings(sandbox, QStringLiteral("not-the-secret")));
    JobsClient client(&nam);
    client.setApiRoot(sandbox.baseUrl());
    client.setAuthProvider(&oauth);
    const auto outcome = waitFor(client.complete(completion(QStringLiteral("2251799813685249"))));
    QVERIFY(outcome);
    // The token endpoint's refusal is an answer (with its status), not a lost connection.
    QCOMPARE(outcome->kind, OutcomeKind::Unauthorized);
    QVERIFY(!outcome->httpStatus);
    QVERIFY(outcome->tokenAnswer);
    QCOMPARE(outcome->tokenAnswer->httpStatus, 401);
    QVERIFY2(outcome->transportError.contains(QStringLiteral(
                 "the token endpoint refused client 'jobdesk-sandbox': wrong client id or secret")),
        qPrintable(outcome->transportError));
    QVERIFY(!outcome->transportError.contains(QStringLiteral("not-the-secret")));
    QVERIFY(!outcome->tokenAnswer->body.contains("not-the-secret"));
}

void TestJobsClientSandbox::backpressure()
{
    SandboxProcess sandbox;
    QVERIFY(startSandbox(sandbox,
        {QStringLiteral("--generate"), QStringLiteral("1"), QStringLiteral("--backpressure-rate"),
            QStringLiteral("1")}));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(sandbox.baseUrl());
    const auto outcome = waitFor(client.complete(completion(QStringLiteral("2251799813685249"))));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::Backpressure);
    QCOMPARE(outcome->httpStatus, std::optional<int>(503));
    QCOMPARE(outcome->problem.title(), QStringLiteral("RESOURCE_EXHAUSTED"));
}

void TestJobsClientSandbox::slowServerTimesOut()
{
    SandboxProcess sandbox;
    QVERIFY(startSandbox(sandbox,
        {QStringLiteral("--generate"), QStringLiteral("1"), QStringLiteral("--latency-ms"),
            QStringLiteral("3000")}));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(sandbox.baseUrl());
    client.setTimeout(std::chrono::milliseconds(1000));
    const auto outcome = waitFor(client.complete(completion(QStringLiteral("2251799813685249"))));
    QVERIFY(outcome);
    // The completion went out and no answer came in time: it may have been applied.
    QCOMPARE(outcome->kind, OutcomeKind::SentNoAnswer);
    QCOMPARE(outcome->transportError, QStringLiteral("no answer within 1 s"));
    QVERIFY(outcome->elapsedMs >= 900);
    QVERIFY(outcome->elapsedMs < 2900);
}

void TestJobsClientSandbox::nothingListening()
{
    // Start and stop a sandbox to get a loopback port that nobody listens on any more.
    QUrl base;
    {
        SandboxProcess sandbox;
        QVERIFY(startSandbox(sandbox, {}));
        base = sandbox.baseUrl();
    }
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(base);
    const auto outcome = waitFor(client.complete(completion(QStringLiteral("2251799813685249"))));
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::TransportError);
    QCOMPARE(outcome->transportError,
        QStringLiteral(
            "nothing is listening at 127.0.0.1:%1 — is the cluster or port-forward running?")
            .arg(base.port()));
}

QTEST_GUILESS_MAIN(TestJobsClientSandbox)
#include "tst_JobsClientSandbox.moc"
