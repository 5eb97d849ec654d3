// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/Outcome.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

Q_DECLARE_METATYPE(JobDesk::OutcomeKind)

namespace {

const QString kUrl = QStringLiteral("http://localhost:8080/v2/jobs/2251799813685249/completion");

QJsonArray examples()
{
    QFile file(TestPaths::testData(QStringLiteral("camunda/problem-examples.json")));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read problem-examples.json: %s", qPrintable(file.errorString()));
    return QJsonDocument::fromJson(file.readAll()).array();
}

/// The body of the first real-server example whose detail contains `part`.
QByteArray exampleBody(const QString &part)
{
    for (const QJsonValue &entry : examples()) {
        const QJsonObject body = entry.toObject()[QLatin1String("body")].toObject();
        if (body[QLatin1String("detail")].toString().contains(part))
            return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    qFatal("no example with detail containing %s", qPrintable(part));
    return {};
}

QByteArray problem(int status, const char *title, const char *detail)
{
    QJsonObject body {{QStringLiteral("type"), QStringLiteral("about:blank")},
        {QStringLiteral("title"), QString::fromUtf8(title)}, {QStringLiteral("status"), status},
        {QStringLiteral("detail"), QString::fromUtf8(detail)}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

Outcome httpOutcome(int status, const QByteArray &body, const QString &url = kUrl)
{
    Outcome o;
    o.httpStatus = status;
    o.rawBody = body;
    o.problem = ProblemDetails::parse(body, QByteArrayLiteral("application/problem+json"));
    o.kind = classifyHttpStatus(status, o.problem);
    o.request.method = QByteArrayLiteral("POST");
    o.request.url = QUrl(url);
    o.request.body = QByteArrayLiteral("{}");
    return o;
}

} // namespace

class tst_Outcome final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void kindNames_data();
    void kindNames();
    void unknownNames();
    void classify_data();
    void classify();
    void responseHeader();
    void explain_data();
    void explain();
    void everyRealBodyIsExplained();
};

void tst_Outcome::kindNames_data()
{
    QTest::addColumn<OutcomeKind>("kind");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("label");
    QTest::newRow("completed") << OutcomeKind::Completed << QStringLiteral("completed")
                               << QStringLiteral("Completed");
    QTest::newRow("not-found") << OutcomeKind::NotFound << QStringLiteral("not-found")
                               << QStringLiteral("Not found");
    QTest::newRow("invalid-state") << OutcomeKind::InvalidState << QStringLiteral("invalid-state")
                                   << QStringLiteral("Invalid state");
    QTest::newRow("rejected") << OutcomeKind::Rejected << QStringLiteral("rejected")
                              << QStringLiteral("Rejected");
    QTest::newRow("unauthorized") << OutcomeKind::Unauthorized << QStringLiteral("unauthorized")
                                  << QStringLiteral("Unauthorized");
    QTest::newRow("forbidden") << OutcomeKind::Forbidden << QStringLiteral("forbidden")
                               << QStringLiteral("Forbidden");
    QTest::newRow("backpressure") << OutcomeKind::Backpressure << QStringLiteral("backpressure")
                                  << QStringLiteral("Backpressure");
    QTest::newRow("server-error") << OutcomeKind::ServerError << QStringLiteral("server-error")
                                  << QStringLiteral("Server error");
    QTest::newRow("redirected") << OutcomeKind::Redirected << QStringLiteral("redirected")
                                << QStringLiteral("Redirected");
    QTest::newRow("transport-error")
        << OutcomeKind::TransportError << QStringLiteral("transport-error")
        << QStringLiteral("No answer");
    QTest::newRow("sent-no-answer") << OutcomeKind::SentNoAnswer << QStringLiteral("sent-no-answer")
                                    << QStringLiteral("Sent, no answer");
    QTest::newRow("cancelled") << OutcomeKind::Cancelled << QStringLiteral("cancelled")
                               << QStringLiteral("Cancelled");
}

void tst_Outcome::kindNames()
{
    QFETCH(OutcomeKind, kind);
    QFETCH(QString, name);
    QFETCH(QString, label);
    QCOMPARE(outcomeKindName(kind), name);
    QCOMPARE(outcomeKindLabel(kind), label);
    QCOMPARE(outcomeKindFromName(name), std::optional<OutcomeKind>(kind));
}

void tst_Outcome::unknownNames()
{
    QCOMPARE(outcomeKindFromName(QStringLiteral("Completed")), std::nullopt);
    QCOMPARE(outcomeKindFromName(QStringLiteral("not_found")), std::nullopt);
    QCOMPARE(outcomeKindFromName(QString()), std::nullopt);
}

void tst_Outcome::classify_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<OutcomeKind>("kind");
    const QByteArray none;
    QTest::newRow("200") << 200 << none << OutcomeKind::Completed;
    QTest::newRow("204") << 204 << none << OutcomeKind::Completed;
    QTest::newRow("301") << 301 << none << OutcomeKind::Redirected;
    QTest::newRow("302") << 302 << none << OutcomeKind::Redirected;
    QTest::newRow("307") << 307 << none << OutcomeKind::Redirected;
    QTest::newRow("308") << 308 << none << OutcomeKind::Redirected;
    QTest::newRow("400") << 400 << problem(400, "INVALID_ARGUMENT", "x") << OutcomeKind::Rejected;
    QTest::newRow("401") << 401 << none << OutcomeKind::Unauthorized;
    QTest::newRow("403") << 403 << none << OutcomeKind::Forbidden;
    QTest::newRow("404") << 404 << none << OutcomeKind::NotFound;
    QTest::newRow("405") << 405 << none << OutcomeKind::Rejected;
    QTest::newRow("409") << 409 << none << OutcomeKind::InvalidState;
    QTest::newRow("413") << 413 << none << OutcomeKind::Rejected;
    QTest::newRow("415") << 415 << none << OutcomeKind::Rejected;
    QTest::newRow("422") << 422 << none << OutcomeKind::Rejected;
    QTest::newRow("429") << 429 << problem(429, "RESOURCE_EXHAUSTED", "Just an error")
                         << OutcomeKind::Backpressure;
    QTest::newRow("429 without body") << 429 << none << OutcomeKind::Backpressure;
    QTest::newRow("503 RESOURCE_EXHAUSTED")
        << 503 << problem(503, "RESOURCE_EXHAUSTED", "x") << OutcomeKind::Backpressure;
    QTest::newRow("503 UNAVAILABLE")
        << 503 << problem(503, "UNAVAILABLE", "x") << OutcomeKind::ServerError;
    QTest::newRow("503 from a proxy")
        << 503 << QByteArray("<html>Service Unavailable</html>") << OutcomeKind::ServerError;
    QTest::newRow("500") << 500 << problem(500, "INTERNAL", "x") << OutcomeKind::ServerError;
    QTest::newRow("502") << 502 << problem(502, "ABORTED", "x") << OutcomeKind::ServerError;
    QTest::newRow("504") << 504 << none << OutcomeKind::ServerError;
}

void tst_Outcome::classify()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(OutcomeKind, kind);
    QCOMPARE(classifyHttpStatus(status, ProblemDetails::parse(body)), kind);
}

void tst_Outcome::responseHeader()
{
    Outcome o;
    o.responseHeaders
        = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/problem+json")},
            {QByteArrayLiteral("retry-after"), QByteArrayLiteral("5")},
            {QByteArrayLiteral("Retry-After"), QByteArrayLiteral("9")}};
    QCOMPARE(o.responseHeader(QByteArrayLiteral("content-type")),
        QByteArrayLiteral("application/problem+json"));
    QCOMPARE(o.responseHeader(QByteArrayLiteral("RETRY-AFTER")), QByteArrayLiteral("5"));
    QCOMPARE(o.responseHeader(QByteArrayLiteral("Location")), QByteArray());
    QVERIFY(!o.ok());
    o.kind = OutcomeKind::Completed;
    QVERIFY(o.ok());
}

void tst_Outcome::explain_data()
{
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QStringList>("summary");
    QTest::addColumn<QStringList>("nextStep");

    const auto s = [](std::initializer_list<const char *> parts) {
        QStringList list;
        for (const char *p : parts)
            list << QString::fromUtf8(p);
        return list;
    };

    Outcome completed = httpOutcome(204, {});
    QTest::newRow("completed") << completed << s({"Completed: the server accepted the completion."})
                               << s({"Nothing more to do"});
    Outcome denied = completed;
    denied.request.body = QByteArrayLiteral("{\"result\":{\"type\":\"userTask\",\"denied\":true}}");
    QTest::newRow("completed with a denial")
        << denied << s({"Completed with a denial", "stays active"}) << s({"Nothing more to do"});

    const QByteArray notFound
        = exampleBody(QStringLiteral("Expected to complete job with key '2251799813738612'"));
    QTest::newRow("404") << httpOutcome(404,
        notFound) << s({"No such job: it was already completed, cancelled, or the key is wrong."})
                         << s({"Search the job by key", "right cluster and tenant"});
    QTest::newRow("404 for a key without partition")
        << httpOutcome(404, notFound, QStringLiteral("http://h/v2/jobs/123/completion"))
        << s({"No such job", "points to no partition"}) << s({"Search the job by key"});
    QTest::newRow("404 from something else")
        << httpOutcome(404, QByteArrayLiteral("<html><h1>Not Found</h1></html>"))
        << s({"without a Camunda problem document"}) << s({"base URL"});

    QTest::newRow("409 FAILED")
        << httpOutcome(409, exampleBody(QStringLiteral("in state 'FAILED'")))
        << s({"state FAILED", "incident"})
        << s({"Raise the job's retries and resolve the incident first, then complete."});
    QTest::newRow("409 ERROR_THROWN")
        << httpOutcome(409, exampleBody(QStringLiteral("in state 'ERROR_THROWN'")))
        << s({"state ERROR_THROWN", "not caught"}) << s({"Resolve the incident"});
    QTest::newRow("409 lease") << httpOutcome(409, exampleBody(QStringLiteral("lease token")))
                               << s({"leased by a worker", "lease token"})
                               << s({"Let the worker complete it"});
    QTest::newRow("409 ad-hoc") << httpOutcome(
        409, exampleBody(QStringLiteral("ad-hoc sub-process instance is not active")))
                                << s({"ad-hoc sub-process", "no longer active"})
                                << s({"process instance"});
    QTest::newRow("409 other state") << httpOutcome(409,
        problem(409, "INVALID_STATE",
            "Expected to complete job with key '1', but it is in state 'ACTIVATED'"))
                                     << s({"state ACTIVATED"}) << s({"why it is ACTIVATED"});

    QTest::newRow("400 listener with variables")
        << httpOutcome(
               400, exampleBody(QStringLiteral("Task Listener job completion with variables")))
        << s({"task listener job", "variables is not supported"}) << s({"Send no variables"});
    QTest::newRow("400 deny not supported")
        << httpOutcome(400, exampleBody(QStringLiteral("Denying result is not supported")))
        << s({"Denying is not supported for CREATING task listener jobs; only ASSIGNING, "
              "COMPLETING, UPDATING listeners can deny."})
        << s({"without denying"});
    QTest::newRow("400 variables cannot be parsed")
        << httpOutcome(400, exampleBody(QStringLiteral("[variables] cannot be parsed")))
        << s({"request property 'variables'"}) << s({"one JSON object"});
    QTest::newRow("400 property cannot be parsed")
        << httpOutcome(400, exampleBody(QStringLiteral("[processDefinitionKey] cannot be parsed")))
        << s({"request property 'processDefinitionKey'"}) << s({"'processDefinitionKey'"});
    QTest::newRow("400 result cannot be parsed") << httpOutcome(
        400, problem(400, "Bad Request", "Request property [result.denied] cannot be parsed"))
                                                 << s({"'result.denied'"}) << s({"older than 8.8"});
    QTest::newRow("400 max size") << httpOutcome(400, exampleBody(QStringLiteral("max size error")))
                                  << s({"larger than the server accepts", "4 MiB"})
                                  << s({"smaller variables"});
    QTest::newRow("400 body missing")
        << httpOutcome(400, exampleBody(QStringLiteral("Required request body is missing")))
        << s({"no request body"}) << s({"Send the request again"});
    QTest::newRow("400 other")
        << httpOutcome(400, exampleBody(QStringLiteral("JSON property was invalid")))
        << s({"rejected the request as invalid (HTTP 400 java.lang.IllegalArgumentException)"})
        << s({"Correct the request"});

    QTest::newRow("401")
        << httpOutcome(401, exampleBody(QStringLiteral("Spring Security")))
        << s({"did not accept the credentials: they are missing, wrong or expired"})
        << s({"authentication"});
    QTest::newRow("401 tenant") << httpOutcome(
        401, exampleBody(QStringLiteral("not authorized for that tenant")))
                                << s({"not assigned to the tenant"})
                                << s({"assign you to the tenant"});
    QTest::newRow("403 permission")
        << httpOutcome(403, exampleBody(QStringLiteral("Insufficient permissions")))
        << s({"lack the permission UPDATE_PROCESS_INSTANCE on PROCESS_DEFINITION"})
        << s({"grant UPDATE_PROCESS_INSTANCE on the resource type PROCESS_DEFINITION"});
    QTest::newRow("403 8.7 wording")
        << httpOutcome(403, exampleBody(QStringLiteral("Unauthorized to perform operation 'READ'")))
        << s({"lack the permission READ on DECISION_REQUIREMENTS_DEFINITION"}) << s({"grant READ"});
    QTest::newRow("403 secondary storage")
        << httpOutcome(403, exampleBody(QStringLiteral("requires a secondary storage")))
        << s({"secondary storage"}) << s({"completing jobs works without it"});

    QTest::newRow("503 backpressure")
        << httpOutcome(503, exampleBody(QStringLiteral("Reached maximum capacity")))
        << s({"under backpressure (RESOURCE_EXHAUSTED)", "nothing was applied"})
        << s({"Retry later"});
    Outcome tooMany = httpOutcome(429, problem(429, "RESOURCE_EXHAUSTED", "Just an error"));
    tooMany.responseHeaders = {{QByteArrayLiteral("retry-after"), QByteArrayLiteral("5")}};
    QTest::newRow("429 with Retry-After")
        << tooMany << s({"backpressure"})
        << s({"Retry later (the server asks to wait 5 seconds)."});
    QTest::newRow("503 not delivered")
        << httpOutcome(503, exampleBody(QStringLiteral("could not be delivered")),
               QStringLiteral("http://h/v2/jobs/9007199254741009/completion"))
        << s({"could not be delivered", "partition 4"}) << s({"topology"});
    QTest::newRow("503 not delivered, no partition")
        << httpOutcome(503, exampleBody(QStringLiteral("could not be delivered")),
               QStringLiteral("http://h/v2/jobs/99/completion"))
        << s({"points to no partition"}) << s({"Check the key"});
    QTest::newRow("503 leader change")
        << httpOutcome(503, problem(503, "UNAVAILABLE", "Just an error"))
        << s({"temporarily unavailable", "leader change"}) << s({"Retry in a few seconds."});
    QTest::newRow("502 aborted") << httpOutcome(502, exampleBody(QStringLiteral("cut prematurely")))
                                 << s({"may or may not have been applied"})
                                 << s({"Check the job before retrying"});
    QTest::newRow("504 deadline") << httpOutcome(
        504, exampleBody(QStringLiteral("timed out between gateway and broker")))
                                  << s({"timed out between gateway and broker", "may or may not"})
                                  << s({"Check the job before retrying"});
    QTest::newRow("500 internal") << httpOutcome(
        500, exampleBody(QStringLiteral("PROCESSING_ERROR")))
                                  << s({"internal error (HTTP 500 INTERNAL)"}) << s({"Retry once"});
    QTest::newRow("400 key in the address")
        << httpOutcome(400, exampleBody(QStringLiteral("Failed to convert")))
        << s({"could not read 'decisionRequirementsKey' in the address: 'invalidKey' is not a "
              "number"})
        << s({"digits"});

    Outcome moved = httpOutcome(301, {});
    moved.redirectLocation
        = QStringLiteral("https://camunda.example.com/v2/jobs/2251799813685249/completion");
    QTest::newRow("redirect")
        << moved
        << s({"redirects to https://camunda.example.com/v2/jobs/2251799813685249/completion",
               "not followed"})
        << s({"final address", "https instead of http", "context path"});
    Outcome movedHeader = httpOutcome(308, {});
    movedHeader.responseHeaders
        = {{QByteArrayLiteral("location"), QByteArrayLiteral("/camunda/v2/jobs/1/completion")}};
    QTest::newRow("redirect from header")
        << movedHeader << s({"redirects to /camunda/v2/jobs/1/completion"}) << s({"context path"});
    QTest::newRow("redirect without location")
        << httpOutcome(302, {}) << s({"redirects elsewhere (HTTP 302)"}) << s({"final address"});

    Outcome refused;
    refused.kind = OutcomeKind::TransportError;
    refused.transportError = QStringLiteral("Connection refused by localhost:8080");
    QTest::newRow("refused")
        << refused << s({"No answer from the server: Connection refused by localhost:8080."})
        << s({"address and port"});
    Outcome asking = refused;
    asking.transportError = QStringLiteral(
        "nothing is listening at localhost:8080 — is the cluster or port-forward running?");
    QTest::newRow("refused, ending in a question")
        << asking << s({"port-forward running?"}) << s({"address and port"});
    Outcome timeout = refused;
    timeout.transportError = QStringLiteral("The request timed out after 30 s");
    QTest::newRow("timeout") << timeout << s({"No answer in time", "may or may not have reached"})
                             << s({"Check the job before retrying"});
    Outcome sentNoAnswer;
    sentNoAnswer.kind = OutcomeKind::SentNoAnswer;
    sentNoAnswer.transportError = QStringLiteral("no answer within 30 s");
    QTest::newRow("sent, no answer")
        << sentNoAnswer << s({"sent but no answer", "no answer within 30 s", "may have applied"})
        << s({"Look the job up", "not sent a second time"});
    Outcome tokenRefused;
    tokenRefused.kind = OutcomeKind::Unauthorized;
    tokenRefused.tokenAnswer = EndpointAnswer {};
    tokenRefused.tokenAnswer->httpStatus = 400;
    QTest::newRow("token endpoint refused")
        << tokenRefused << s({"token endpoint refused", "HTTP 400", "not sent"})
        << s({"client secret", "token URL"});
    Outcome cancelled;
    cancelled.kind = OutcomeKind::Cancelled;
    QTest::newRow("cancelled") << cancelled << s({"Cancelled before an answer arrived."})
                               << s({"check the job"});
}

void tst_Outcome::explain()
{
    QFETCH(Outcome, outcome);
    QFETCH(QStringList, summary);
    QFETCH(QStringList, nextStep);
    const Explanation e = JobDesk::explain(outcome);
    // A sentence ends once (issue 16: "… port-forward running?." had a stray stop).
    QVERIFY2(!e.summary.contains(QLatin1String("?.")), qPrintable(e.summary));
    for (const QString &part : summary)
        QVERIFY2(e.summary.contains(part),
            qPrintable(e.summary + QStringLiteral("  <- missing: ") + part));
    for (const QString &part : nextStep)
        QVERIFY2(e.nextStep.contains(part),
            qPrintable(e.nextStep + QStringLiteral("  <- missing: ") + part));
}

void tst_Outcome::everyRealBodyIsExplained()
{
    const QJsonArray all = examples();
    QVERIFY(all.size() >= 30);
    for (const QJsonValue &value : all) {
        const QJsonObject entry = value.toObject();
        const int status = entry[QLatin1String("status")].toInt();
        const QJsonObject body = entry[QLatin1String("body")].toObject();
        const Outcome o = httpOutcome(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
        const QString title = body[QLatin1String("title")].toString();
        OutcomeKind expected = OutcomeKind::ServerError;
        switch (status) {
        case 400:
            expected = OutcomeKind::Rejected;
            break;
        case 401:
            expected = OutcomeKind::Unauthorized;
            break;
        case 403:
            expected = OutcomeKind::Forbidden;
            break;
        case 404:
            expected = OutcomeKind::NotFound;
            break;
        case 409:
            expected = OutcomeKind::InvalidState;
            break;
        case 429:
            expected = OutcomeKind::Backpressure;
            break;
        case 503:
            expected = title == QLatin1String("RESOURCE_EXHAUSTED") ? OutcomeKind::Backpressure
                                                                    : OutcomeKind::ServerError;
            break;
        default:
            break;
        }
        const QByteArray scenario = entry[QLatin1String("scenario")].toString().toUtf8();
        QVERIFY2(o.kind == expected, scenario.constData());
        const Explanation e = JobDesk::explain(o);
        QVERIFY2(e.summary.size() > 20, scenario.constData());
        QVERIFY2(e.nextStep.size() > 10, scenario.constData());
        QVERIFY2(!e.summary.contains(QLatin1Char('%')) && !e.nextStep.contains(QLatin1Char('%')),
            scenario.constData());
    }
}

QTEST_GUILESS_MAIN(tst_Outcome)
#include "tst_Outcome.moc"
