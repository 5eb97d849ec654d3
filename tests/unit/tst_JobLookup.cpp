// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/JobsClient.h"
#include "core/lookup/JobLookup.h"
#include "support/FakeNetworkAccessManager.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;
using Response = FakeNetworkAccessManager::Response;
using Recorded = FakeNetworkAccessManager::Recorded;

namespace {

const QString kKey = QStringLiteral("2251799813685249");

JobKey key(const QString &text)
{
    return *JobKey::parse(text).key;
}

QByteArray jobJson(const QString &jobKey, const QString &state,
    const QString &kind = QStringLiteral("BPMN_ELEMENT"))
{
    return QStringLiteral(
        R"({"jobKey":"%1","type":"payment","state":"%2","kind":"%3",)"
        R"("listenerEventType":"UNSPECIFIED","retries":3,)"
        R"("processDefinitionId":"order","processInstanceKey":"2251799813685001",)"
        R"("elementInstanceKey":"2251799813685002","elementId":"charge"})")
        .arg(jobKey, state, kind)
        .toUtf8();
}

QByteArray page(const QList<QByteArray> &items)
{
    return "{\"items\":[" + items.join(',')
        + "],\"page\":{\"totalItems\":" + QByteArray::number(items.size()) + "}}";
}

/// The keys (quoted runs of 15 to 19 digits) a search body asks for.
QStringList searchedKeys(const QByteArray &body)
{
    static const QRegularExpression digits(QStringLiteral("\"(\\d{15,19})\""));
    QStringList keys;
    auto it = digits.globalMatch(QString::fromUtf8(body));
    while (it.hasNext())
        keys.append(it.next().captured(1));
    return keys;
}

/// Waits for the one `finished` of a look-up; nullopt on timeout.
std::optional<JobLookupResult> waitFor(JobLookupCall *call)
{
    std::optional<JobLookupResult> result;
    QObject::connect(
        call, &JobLookupCall::finished, call, [&result](const JobLookupResult &r) { result = r; });
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, 5000);
    return result;
}

} // namespace

class TestJobLookup final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_nam = std::make_unique<FakeNetworkAccessManager>();
        m_client = std::make_unique<JobsClient>(m_nam.get());
        m_client->setApiRoot(QUrl(QStringLiteral("http://camunda.test:8080")));
        m_lookup = std::make_unique<JobLookup>(m_client.get());
    }
    void cleanup()
    {
        m_lookup.reset();
        m_client.reset();
        m_nam.reset();
    }

    void found_withIncidentAndVariables()
    {
        m_nam->setHandler([](const Recorded &r) {
            const QString path = r.url.path();
            if (path.endsWith(QLatin1String("/jobs/search")))
                return Response::json(200, page({jobJson(kKey, QStringLiteral("FAILED"))}));
            if (path.endsWith(QLatin1String("/incidents/search")))
                return Response::json(200,
                    page(
                        {R"({"incidentKey":"2251799813685777","errorType":"JOB_NO_RETRIES",)"
                         R"("errorMessage":"boom","state":"ACTIVE","jobKey":"2251799813685249"})"}));
            if (path.endsWith(QLatin1String("/variables/search"))) {
                if (r.body.contains("2251799813685001"))
                    return Response::json(200,
                        page(
                            {R"({"variableKey":"1","name":"amount","value":"123456789012345678901234567890",)"
                             R"("scopeKey":"2251799813685001","isTruncated":false})"}));
                return Response::json(200,
                    page({"{\"variableKey\":\"2\",\"name\":\"local\",\"value\":\"\\\"x\\\"\","
                          R"("scopeKey":"2251799813685002","isTruncated":true})"}));
            }
            return Response::json(500);
        });
        const auto result = waitFor(m_lookup->lookUp(key(kKey)));
        QVERIFY(result);
        QCOMPARE(result->state, LookupState::Found);
        QVERIFY(result->job);
        QCOMPARE(result->job->state, QStringLiteral("FAILED"));
        QVERIFY(result->incident);
        QCOMPARE(result->incident->incidentKey, QStringLiteral("2251799813685777"));
        QCOMPARE(result->variables.size(), 1);
        QCOMPARE(result->variables.first().value, QStringLiteral("123456789012345678901234567890"));
        QCOMPARE(result->localVariables.size(), 1);
        QVERIFY(result->localVariables.first().isTruncated);
        QVERIFY(result->variablesError.isEmpty());
        QVERIFY(result->lookedUpAt.isValid());
        QCOMPARE(m_nam->requestCount(), 4);

        // The job search asks for the key as text and the incident search for the ACTIVE one.
        const QList<Recorded> requests = m_nam->requests();
        QVERIFY(requests.first().body.contains("\"jobKey\":\"2251799813685249\""));
        for (const Recorded &r : requests) {
            if (r.url.path().endsWith(QLatin1String("/incidents/search")))
                QVERIFY(r.body.contains("\"state\":\"ACTIVE\""));
        }
    }

    void jobRead_comesFirstWhileDetailsAreRead()
    {
        // The variable searches hang: the job must be announced without waiting for them.
        m_nam->setHandler([](const Recorded &r) {
            const QString path = r.url.path();
            if (path.endsWith(QLatin1String("/jobs/search")))
                return Response::json(200, page({jobJson(kKey, QStringLiteral("FAILED"))}));
            if (path.endsWith(QLatin1String("/incidents/search")))
                return Response::json(200, page({}));
            return Response::hang();
        });
        JobLookupCall *call = m_lookup->lookUp(key(kKey));
        QSignalSpy read(call, &JobLookupCall::jobRead);
        QSignalSpy finished(call, &JobLookupCall::finished);
        QVERIFY(read.wait());
        const auto partial = read.first().first().value<JobLookupResult>();
        QCOMPARE(partial.state, LookupState::Found);
        QVERIFY(partial.job);
        QCOMPARE(partial.job->jobKey, kKey);
        QVERIFY(partial.variables.isEmpty());
        QVERIFY(partial.localVariables.isEmpty());
        QCOMPARE(finished.count(), 0);
        QTRY_COMPARE(m_nam->requestCount(), 4); // incident and both variable scopes asked
        QTest::qWait(0);
        QCOMPARE(read.count(), 1); // once, even as the incident answer arrives
        call->cancel();
        QVERIFY(finished.wait());
        QCOMPARE(finished.first().first().value<JobLookupResult>().state, LookupState::Cancelled);
        QCOMPARE(read.count(), 1);
    }

    void jobRead_notForAJobWithoutDetailsOrNotFound()
    {
        m_nam->setHandler([](const Recorded &r) {
            if (r.body.contains(kKey.toUtf8()))
                return Response::json(200, page({jobJson(kKey, QStringLiteral("CREATED"))}));
            return Response::json(200, page({}));
        });
        JobLookup::Options bare;
        bare.incident = false;
        bare.variables = false;
        JobLookupCall *call = m_lookup->lookUp(key(kKey), bare);
        QSignalSpy read(call, &JobLookupCall::jobRead);
        QVERIFY(waitFor(call));
        QCOMPARE(read.count(), 0); // nothing more to read: `finished` is the only answer

        JobLookupCall *missing = m_lookup->lookUp(key(QStringLiteral("2251799813685250")));
        QSignalSpy missingRead(missing, &JobLookupCall::jobRead);
        const auto result = waitFor(missing);
        QVERIFY(result);
        QCOMPARE(result->state, LookupState::NotFound);
        QCOMPARE(missingRead.count(), 0);
    }

    void fullValues_askUntruncated()
    {
        m_nam->setHandler([](const Recorded &r) {
            if (r.url.path().endsWith(QLatin1String("/jobs/search")))
                return Response::json(200, page({jobJson(kKey, QStringLiteral("CREATED"))}));
            return Response::json(200, page({}));
        });
        JobLookup::Options options;
        options.incident = false;
        options.fullValues = true;
        QVERIFY(waitFor(m_lookup->lookUp(key(kKey), options)));
        int variableSearches = 0;
        for (const Recorded &r : m_nam->requests()) {
            if (r.url.path().endsWith(QLatin1String("/variables/search"))) {
                ++variableSearches;
                QCOMPARE(r.url.query(), QStringLiteral("truncateValues=false"));
            }
        }
        QCOMPARE(variableSearches, 2);
    }

    void notFound_withoutNeighbours()
    {
        m_nam->setHandler([](const Recorded &) { return Response::json(200, page({})); });
        const auto result = waitFor(m_lookup->lookUp(key(kKey)));
        QVERIFY(result);
        QCOMPARE(result->state, LookupState::NotFound);
        QVERIFY(result->jobs.isEmpty());
        QCOMPARE(m_nam->requestCount(), 1); // 2251799813685249 cannot be a rounded key
    }

    void notFound_roundedKeyFindsItsNeighbour()
    {
        m_nam->setHandler([](const Recorded &r) {
            const QStringList keys = searchedKeys(r.body);
            if (keys.contains(QLatin1String("9007199254745551")))
                return Response::json(200,
                    page({jobJson(QStringLiteral("9007199254745551"), QStringLiteral("CREATED"))}));
            return Response::json(200, page({}));
        });
        const auto result = waitFor(m_lookup->lookUp(key(QStringLiteral("9007199254745552"))));
        QVERIFY(result);
        QCOMPARE(result->state, LookupState::NotFound);
        QCOMPARE(result->jobs.size(), 1);
        QCOMPARE(result->jobs.first().jobKey, QStringLiteral("9007199254745551"));
        QCOMPARE(result->jobs.first().type, QStringLiteral("payment"));
        QCOMPARE(m_nam->requestCount(), 2);
        QVERIFY(m_nam->lastRequest().body.contains("\"$in\""));
    }

    void noPermission()
    {
        m_nam->enqueue(Response::problem(
            403, R"({"type":"about:blank","title":"FORBIDDEN","status":403,"detail":"no"})"));
        const auto result = waitFor(m_lookup->lookUp(key(kKey)));
        QVERIFY(result);
        QCOMPARE(result->state, LookupState::NoPermission);
        QCOMPARE(result->outcome.httpStatus, 403);
        QVERIFY(!result->job);
    }

    void searchUnavailable_fromTheAnswer()
    {
        m_nam->enqueue(Response::json(405,
            R"({"type":"about:blank","title":"Method Not Allowed","status":405,)"
            "\"detail\":\"Method 'POST' is not supported.\"}"));
        const auto result = waitFor(m_lookup->lookUp(key(kKey)));
        QVERIFY(result);
        QCOMPARE(result->state, LookupState::SearchUnavailable);
    }

    void searchUnavailable_knownVersionSendsNothing()
    {
        m_lookup->setServerVersion(CamundaVersion::parse(u"8.7.3"));
        QVERIFY(!m_lookup->canSearch());
        JobLookupCall *call = m_lookup->lookUp(key(kKey));
        QSignalSpy spy(call, &JobLookupCall::finished);
        QCOMPARE(spy.count(), 0); // never inside the call
        QVERIFY(spy.wait());
        QCOMPARE(
            spy.first().first().value<JobLookupResult>().state, LookupState::SearchUnavailable);
        QCOMPARE(m_nam->requestCount(), 0);
    }

    void transportError()
    {
        m_nam->enqueue(Response::networkError(QNetworkReply::ConnectionRefusedError));
        const auto result = waitFor(m_lookup->lookUp(key(kKey)));
        QVERIFY(result);
        QCOMPARE(result->state, LookupState::TransportError);
        QVERIFY(!result->outcome.transportError.isEmpty());
    }

    void cancel_emitsOnceAndAborts()
    {
        m_nam->enqueue(Response::hang());
        JobLookupCall *call = m_lookup->lookUp(key(kKey));
        QSignalSpy spy(call, &JobLookupCall::finished);
        QTRY_COMPARE(m_nam->requestCount(), 1);
        call->cancel();
        call->cancel();
        QVERIFY(spy.wait());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().value<JobLookupResult>().state, LookupState::Cancelled);
        QCOMPARE(m_nam->abortedCount(), 1);
        QTest::qWait(0);
        QCOMPARE(spy.count(), 1);
    }

    void deletingTheCallAbortsWhatIsInFlight()
    {
        m_nam->enqueue(Response::hang());
        JobLookupCall *call = m_lookup->lookUp(key(kKey));
        QTRY_COMPARE(m_nam->requestCount(), 1);
        delete call;
        QCOMPARE(m_nam->abortedCount(), 1);
    }

    void lookUpMany_inChunks()
    {
        QList<JobKey> keys;
        for (int i = 0; i < 250; ++i)
            keys.append(key(QString::number(2251799813685249LL + i)));
        m_nam->setHandler([](const Recorded &r) {
            QList<QByteArray> items;
            // Every key but the odd ones exists.
            for (const QString &k : searchedKeys(r.body)) {
                if (k.back().digitValue() % 2 == 0)
                    items.append(jobJson(k, QStringLiteral("CREATED")));
            }
            return Response::json(200, page(items));
        });
        const auto result = waitFor(m_lookup->lookUpMany(keys, 100));
        QVERIFY(result);
        QCOMPARE(result->state, LookupState::Found);
        QCOMPARE(m_nam->requestCount(), 3);
        QCOMPARE(result->jobs.size() + result->missing.size(), 250);
        QCOMPARE(result->missing.first().toString(), QStringLiteral("2251799813685249"));
        QCOMPARE(result->jobs.first().jobKey, QStringLiteral("2251799813685250"));
    }

    void lookUpMany_aFailingChunkStops()
    {
        QList<JobKey> keys;
        for (int i = 0; i < 150; ++i)
            keys.append(key(QString::number(2251799813685249LL + i)));
        m_nam->enqueue(Response::json(200, page({jobJson(kKey, QStringLiteral("CREATED"))})));
        m_nam->enqueue(Response::networkError(QNetworkReply::RemoteHostClosedError));
        const auto result = waitFor(m_lookup->lookUpMany(keys, 100));
        QVERIFY(result);
        QCOMPARE(result->state, LookupState::TransportError);
        QCOMPARE(result->jobs.size(), 1);
        QCOMPARE(result->missing.size(), 149);
    }

    void recheck_data()
    {
        QTest::addColumn<QByteArray>("answer"); // empty: the look-up gets no answer either
        QTest::addColumn<int>("verdict");
        QTest::newRow("the server did complete it")
            << page({jobJson(kKey, QStringLiteral("COMPLETED"))}) << int(RecheckVerdict::Applied);
        QTest::newRow("still open")
            << page({jobJson(kKey, QStringLiteral("CREATED"))}) << int(RecheckVerdict::NotApplied);
        QTest::newRow("look-up impossible") << QByteArray() << int(RecheckVerdict::Unknown);
    }
    void recheck()
    {
        QFETCH(QByteArray, answer);
        QFETCH(int, verdict);
        if (answer.isEmpty())
            m_nam->enqueue(Response::networkError(QNetworkReply::ConnectionRefusedError));
        else
            m_nam->enqueue(Response::json(200, answer));
        Outcome attempt;
        attempt.kind = OutcomeKind::SentNoAnswer;
        attempt.transportError = QStringLiteral("no answer within 1 s");
        attempt.request.action = ActionKind::Complete;
        attempt.request.subjectKey = kKey;
        QVERIFY(LookupRules::needsRecheck(attempt));
        const auto result = waitFor(m_lookup->recheck(attempt));
        QVERIFY(result);
        QVERIFY(result->recheck);
        QCOMPARE(int(result->recheck->verdict), verdict);
        QCOMPARE(m_nam->requestCount(), 1); // the job only: no incident, no variables
    }

    void lookUpVariable_fullValue()
    {
        m_nam->enqueue(Response::json(200,
            R"({"variableKey":"2251799813685999","name":"big","value":"[1,2,3]","scopeKey":"1"})"));
        const auto result
            = waitFor(m_lookup->lookUpVariable(key(QStringLiteral("2251799813685999"))));
        QVERIFY(result);
        QCOMPARE(result->state, LookupState::Found);
        QCOMPARE(result->variables.size(), 1);
        QCOMPARE(result->variables.first().value, QStringLiteral("[1,2,3]"));
        QVERIFY(
            m_nam->lastRequest().url.path().endsWith(QLatin1String("/variables/2251799813685999")));
    }

private:
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<JobsClient> m_client;
    std::unique_ptr<JobLookup> m_lookup;
};

QTEST_GUILESS_MAIN(TestJobLookup)
#include "tst_JobLookup.moc"
