// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/batch/BatchPlan.h"
#include "core/batch/BatchRunner.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "support/FakeNetworkAccessManager.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;
using Response = FakeNetworkAccessManager::Response;

namespace {

const QByteArray kDeny = "{\"result\":{\"type\":\"userTask\",\"denied\":true}}";

QByteArray keys(int rows)
{
    QByteArray text;
    for (int row = 1; row <= rows; ++row)
        text += QByteArray::number(2251799813685248LL + row) + '\n';
    return text;
}

} // namespace

/// The runner against a faked server: a batch whose payload the server's version cannot take
/// (planned against one server, resumed against an older one) is refused by start() before a
/// request leaves or the journal changes; against a server that takes it, every item is sent.
class TestBatchRunner final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<HistoryStore>();
        const QString path = m_dir.filePath(QStringLiteral("h%1.sqlite").arg(++m_n));
        QVERIFY2(m_store->open(path), qPrintable(m_store->error()));
        m_journal = std::make_unique<BatchJournal>(*m_store);
        m_nam = std::make_unique<FakeNetworkAccessManager>();
        m_nam->setHandler(
            [](const FakeNetworkAccessManager::Recorded &) { return Response::json(204); });
        m_client = std::make_unique<JobsClient>(m_nam.get());
        m_client->setApiRoot(QUrl(QStringLiteral("http://camunda.test:8080")));
    }
    void cleanup()
    {
        m_client.reset();
        m_nam.reset();
        m_journal.reset();
        m_store.reset();
    }

    void resumedAgainstAnOlderServerSendsNothing()
    {
        const qint64 id = planned(kDeny, 20);
        QVERIFY(id != 0);
        {
            BatchRunner runner(m_client.get(), m_journal.get());
            runner.setServerVersion(CamundaVersion::parse(u"8.7.0"));
            QSignalSpy finished(&runner, &BatchRunner::finished);
            QVERIFY(!runner.start(id));
            QCOMPARE(runner.error(),
                QStringLiteral("`result` needs Camunda 8.8 or later; this server reports 8.7.0. "
                               "Nothing was sent."));
            QCOMPARE(runner.state(), BatchRunner::State::Idle);
            QTest::qWait(50);
            QVERIFY(finished.isEmpty());
        }
        QCOMPARE(m_nam->requestCount(), 0);
        // The journal as the plan left it: the batch planned, every item still to send, no
        // attempt recorded.
        QCOMPARE(m_journal->batch(id)->state, BatchState::Planned);
        QCOMPARE(m_journal->counts(id)->planned, 20);
        QCOMPARE(m_store->count().value_or(-1), 0);

        // The same batch against a server that takes a result: every item goes, with it.
        BatchRunner runner(m_client.get(), m_journal.get());
        runner.setServerVersion(CamundaVersion::parse(u"8.8.1"));
        QSignalSpy finished(&runner, &BatchRunner::finished);
        QVERIFY2(runner.start(id), qPrintable(runner.error()));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(0).value<BatchRunner::EndReason>(),
            BatchRunner::EndReason::Completed);
        QCOMPARE(runner.progress().completed, 20);
        QCOMPARE(m_nam->countPath(QStringLiteral("/completion")), 20);
        for (const FakeNetworkAccessManager::Recorded &request : m_nam->requests())
            QCOMPARE(request.body, kDeny);
    }

    void plainPayloadRunsOnAnyVersion()
    {
        const qint64 id = planned("{\"variables\":{\"a\":1}}", 5);
        QVERIFY(id != 0);
        BatchRunner runner(m_client.get(), m_journal.get());
        runner.setServerVersion(CamundaVersion::parse(u"8.7.0"));
        QSignalSpy finished(&runner, &BatchRunner::finished);
        QVERIFY2(runner.start(id), qPrintable(runner.error()));
        QVERIFY(finished.wait(30000));
        QCOMPARE(runner.progress().completed, 5);
        QCOMPARE(m_nam->countPath(QStringLiteral("/completion")), 5);
    }

private:
    /// A batch of `rows` keys with `payload`, planned without look-ups on a server that takes it.
    qint64 planned(const QByteArray &payload, int rows)
    {
        BatchPlanner planner(nullptr, m_journal.get());
        planner.setLookUp(false);
        planner.setServerVersion(CamundaVersion::parse(u"8.8.0"));
        QSignalSpy finished(&planner, &BatchPlanner::finished);
        BatchSpec spec;
        spec.payload = payload;
        BatchSource source;
        source.reader = std::make_shared<BatchInputReader>(BatchInputFormat::Keys, keys(rows));
        planner.start(spec, source);
        if (!finished.wait(30000) || !finished.at(0).at(0).toBool())
            return 0;
        return planner.batchId();
    }

    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<BatchJournal> m_journal;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<JobsClient> m_client;
};

QTEST_GUILESS_MAIN(TestBatchRunner)
#include "tst_BatchRunner.moc"
