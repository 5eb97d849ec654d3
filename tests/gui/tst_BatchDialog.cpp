// SPDX-License-Identifier: GPL-3.0-or-later
// The window's batch view against the real sandbox (offscreen): several keys pasted into the key
// field offer a batch; a 10,000-key CSV batch under back-pressure and injected errors, every key
// in a clear state, the view's counts, the report, the history and the sandbox's own record in
// agreement; pause, resume, cancel; the offer to resume a batch left running; the server-side
// incident resolution in the same view.
#include "core/batch/BatchLease.h"
#include "core/batch/BatchRunner.h"
#include "core/history/BatchJournal.h"
#include "core/history/HistoryStore.h"
#include "gui/BatchController.h"
#include "gui/BatchDialog.h"
#include "gui/BatchItemsModel.h"
#include "gui/Confirm.h"
#include "gui/MainWindow.h"
#include "support/HistoryFixtures.h"
#include "support/SandboxProcess.h"
#include "support/WindowFixture.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

namespace {

constexpr qint64 kFirstKey = (qint64(1) << 51) + 1;

QString key(qint64 i)
{
    return QString::number(kFirstKey + i);
}

} // namespace

class TestBatchDialog final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup() { init(); }

    void pastingSeveralKeysOffersABatch();
    void groupedDigitsAreOneKey();
    void csvBatchUnderBackpressureAndErrors();
    void pauseResumeCancel();
    void aResultTheServerCannotTakeIsNotPlanned();
    void aFailedLookUpOffersPlanningWithoutOne();
    void sentAgainCountsOnlyWhatLeftAgain();
    void batchLeftRunningIsOfferedAtStart();
    void batchRunElsewhereIsNeitherOfferedNorResumed();
    void serverSideIncidentResolution();
    void serverBatchLeftRunningIsFollowedAtStart();

private:
    using Window = Test::WindowFixture;
    QByteArray request(const SandboxProcess &sandbox, const QByteArray &method, const QString &path,
        const QByteArray &body = {});
    QJsonObject record(const SandboxProcess &sandbox);
    static BatchDialog *openDialog(Window &w);
    QTemporaryDir m_dir;
};

void TestBatchDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestBatchDialog::init()
{
    Test::WindowFixture::removeStoredFiles();
}

QByteArray TestBatchDialog::request(const SandboxProcess &sandbox, const QByteArray &method,
    const QString &path, const QByteArray &body)
{
    QNetworkAccessManager nam;
    QNetworkRequest req(sandbox.baseUrl().resolved(QUrl(path)));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000);
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}

QJsonObject TestBatchDialog::record(const SandboxProcess &sandbox)
{
    return QJsonDocument::fromJson(request(sandbox, "GET", QStringLiteral("/sandbox/record")))
        .object();
}

BatchDialog *TestBatchDialog::openDialog(Window &w)
{
    w.window->batches()->action()->trigger();
    return w.window->batches()->dialog();
}

void TestBatchDialog::pastingSeveralKeysOffersABatch()
{
    Window w(QUrl(QStringLiteral("http://127.0.0.1:9")));
    QVERIFY(!w.window->batches()->hasDialog());
    const QString pasted = QStringLiteral("\"%1\",\n%2\t\n'%3'\n").arg(key(0), key(1), key(2));
    QGuiApplication::clipboard()->setText(pasted);
    w.key()->setFocus();
    const int asked = Confirm::askedCount();
    Confirm::setNextAnswer(true);
    QTest::keySequence(w.key(), QKeySequence::Paste);
    QCOMPARE(Confirm::askedCount(), asked + 1);
    QVERIFY(w.key()->text().isEmpty()); // not glued into one invalid key
    QVERIFY(w.window->batches()->hasDialog());
    BatchDialog *dialog = w.window->batches()->dialog();
    QVERIFY(dialog->isVisible());
    auto *keys = dialog->findChild<QPlainTextEdit *>(QStringLiteral("keysEdit"));
    QCOMPARE(keys->toPlainText(), pasted);
    auto *count = dialog->findChild<QLabel *>(QStringLiteral("keysCountLabel"));
    QVERIFY2(count->text().startsWith(QLatin1String("3 key")), qPrintable(count->text()));

    // Declined: the field still keeps what it had.
    w.typeKey(key(5));
    Confirm::setNextAnswer(false);
    w.key()->selectAll();
    QTest::keySequence(w.key(), QKeySequence::Paste);
    QCOMPARE(w.key()->text(), key(5));
}

void TestBatchDialog::groupedDigitsAreOneKey()
{
    Window w(QUrl(QStringLiteral("http://127.0.0.1:9")));
    QGuiApplication::clipboard()->setText(QStringLiteral("2251 7998 1368 5249"));
    w.key()->setFocus();
    const int asked = Confirm::askedCount();
    QTest::keySequence(w.key(), QKeySequence::Paste);
    QCOMPARE(Confirm::askedCount(), asked);
    QCOMPARE(w.key()->text(), QStringLiteral("2251799813685249"));
}

void TestBatchDialog::csvBatchUnderBackpressureAndErrors()
{
    constexpr int kKeys = 10000;
    SandboxProcess sandbox;
    QVERIFY2(
        sandbox.start({QStringLiteral("--generate"), QString::number(kKeys),
            QStringLiteral("--backpressure-rate"), QStringLiteral("0.05"),
            QStringLiteral("--error-rate"), QStringLiteral("0.01"), QStringLiteral("--latency-ms"),
            QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("7")}),
        qPrintable(sandbox.error()));
    // A CSV as a spreadsheet writes it: the key column, a number column typed as JSON reads it.
    const QString csv = m_dir.filePath(QStringLiteral("keys.csv"));
    {
        QSaveFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("jobKey,amount\n");
        for (int i = 0; i < kKeys; ++i)
            file.write(QStringLiteral("%1,%2\n").arg(key(i)).arg(i).toUtf8());
        QVERIFY(file.commit());
    }
    Window w(sandbox.baseUrl());
    BatchDialog *dialog = openDialog(w);
    dialog->setInputFile(csv);
    dialog->setVariablesText(QStringLiteral("{\"approved\": true}"));
    dialog->findChild<QSpinBox *>(QStringLiteral("concurrencySpinBox"))->setValue(16);
    QSignalSpy planned(dialog, &BatchDialog::planned);
    dialog->findChild<QPushButton *>(QStringLiteral("planPushButton"))->click();
    QVERIFY(planned.wait(120000));
    if (!planned.last().at(0).toBool()) {
        // Back-pressure on a look-up ends the plan (the planner does not retry it): planned
        // again without look-ups, every row is sent and the answers say what each job was.
        auto *label = dialog->findChild<QLabel *>(QStringLiteral("planLabel"));
        QVERIFY2(
            label->text().contains(QLatin1String("without looking")), qPrintable(label->text()));
        dialog->findChild<QCheckBox *>(QStringLiteral("lookUpCheckBox"))->setChecked(false);
        dialog->plan();
        QVERIFY(planned.wait(120000));
        QVERIFY2(planned.last().at(0).toBool(), qPrintable(label->text()));
    }
    // The sandbox fails some look-ups too (error rate): those rows are sent unchecked or
    // skipped, never lost; every row is in the batch.
    QCOMPARE(dialog->itemsModel()->rowCount(), kKeys);
    const qint64 toSend = dialog->plannedToSend();
    QVERIFY(toSend > kKeys * 9 / 10);

    QSignalSpy finished(dialog, &BatchDialog::runFinished);
    Confirm::setNextAnswer(true);
    auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startPushButton"));
    QVERIFY(start->isEnabled());
    start->click();
    QVERIFY(finished.wait(600000));
    QCOMPARE(
        finished.last().at(0).value<BatchRunner::EndReason>(), BatchRunner::EndReason::Completed);
    const BatchProgress progress = dialog->runner()->progress();
    QCOMPARE(progress.total, kKeys);
    QCOMPARE(progress.finished(), kKeys); // every key in a clear state
    QVERIFY(progress.completed > kKeys * 9 / 10);
    // Drawn coalesced by the view's 10 Hz timer, not once per item (however long the run took).
    QVERIFY2(
        dialog->progressDraws() < kKeys / 2, qPrintable(QString::number(dialog->progressDraws())));
    QVERIFY(dialog->countsText().contains(QLocale().toString(progress.completed)));
    // The back-pressure it absorbed is told, not hidden; the end says how long it took.
    QVERIFY(progress.retries > 0);
    const QString shown = dialog->findChild<QLabel *>(QStringLiteral("countsLabel"))->text();
    QVERIFY2(
        shown.contains(QStringLiteral("%1 sent again").arg(QLocale().toString(progress.retries))),
        qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("Finished in ")), qPrintable(shown));
    // The lazy model: only a few pages in memory.
    QVERIFY(dialog->itemsModel()->pagesKept() <= BatchItemsModel::kPagesKept);

    // The journal: no item left planned or sending.
    BatchJournal journal(w.history);
    const auto counts = journal.counts(dialog->batchId());
    QVERIFY(counts);
    QCOMPARE(counts->planned + counts->sending, 0);

    // The report agrees with the view.
    const QString report = m_dir.filePath(QStringLiteral("report.json"));
    QVERIFY(dialog->exportReport(report));
    QFile file(report);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray items = doc.value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), kKeys);
    int completedInReport = 0;
    QSet<QString> completedKeys;
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        if (item.value(QLatin1String("outcome")).toString() == QLatin1String("completed")) {
            ++completedInReport;
            completedKeys.insert(item.value(QLatin1String("jobKey")).toString());
        }
    }
    QCOMPARE(completedInReport, progress.completed);

    // The sandbox's record: no key completed twice, and exactly the reported ones completed.
    const QJsonObject keys = record(sandbox).value(QLatin1String("keys")).toObject();
    int applied = 0;
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        const int n = it.value()
                          .toObject()
                          .value(QLatin1String("complete"))
                          .toObject()
                          .value(QLatin1String("applied"))
                          .toInt();
        QVERIFY2(n <= 1, qPrintable(it.key()));
        if (n == 1) {
            ++applied;
            QVERIFY2(completedKeys.contains(it.key()), qPrintable(it.key()));
        }
    }
    QCOMPARE(applied, completedInReport);

    // The history: every attempt of the batch is a row linked to it.
    HistoryFilter ofBatch;
    ofBatch.batchId = dialog->batchId();
    ofBatch.actions = {ActionKind::Complete};
    QVERIFY(w.history.count(ofBatch).value_or(0) >= progress.completed);
}

void TestBatchDialog::pauseResumeCancel()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QStringLiteral("3000"),
                 QStringLiteral("--latency-ms"), QStringLiteral("5")}),
        qPrintable(sandbox.error()));
    Window w(sandbox.baseUrl());
    BatchDialog *dialog = openDialog(w);
    QStringList keys;
    for (int i = 0; i < 3000; ++i)
        keys.append(key(i));
    dialog->setKeysText(keys.join(QLatin1Char('\n')));
    dialog->findChild<QSpinBox *>(QStringLiteral("concurrencySpinBox"))->setValue(2);
    QSignalSpy planned(dialog, &BatchDialog::planned);
    dialog->plan();
    QVERIFY(planned.wait(60000));
    QVERIFY(planned.last().at(0).toBool());
    Confirm::setNextAnswer(true);
    dialog->start();
    BatchRunner *runner = dialog->runner();
    QVERIFY(runner);
    QTRY_VERIFY_WITH_TIMEOUT(runner->progress().completed >= 20, 60000);

    auto *pause = dialog->findChild<QPushButton *>(QStringLiteral("pausePushButton"));
    auto *resume = dialog->findChild<QPushButton *>(QStringLiteral("resumePushButton"));
    auto *cancel = dialog->findChild<QPushButton *>(QStringLiteral("cancelPushButton"));
    QVERIFY(pause->isEnabled());
    pause->click();
    QTRY_COMPARE_WITH_TIMEOUT(runner->state(), BatchRunner::State::Paused, 30000);
    QCOMPARE(runner->progress().inFlight, 0);
    // While paused neither a rate nor a time left is made up.
    QVERIFY2(dialog->countsText().contains(QStringLiteral("Paused · ")),
        qPrintable(dialog->countsText()));
    QVERIFY(!dialog->countsText().contains(QStringLiteral("/s")));
    QVERIFY(resume->isEnabled());
    QVERIFY(!pause->isEnabled());
    const qint64 atPause = runner->progress().completed;
    resume->click();
    QTRY_VERIFY_WITH_TIMEOUT(runner->progress().completed > atPause + 10, 60000);

    QSignalSpy finished(dialog, &BatchDialog::runFinished);
    cancel->click();
    QVERIFY(finished.wait(30000));
    QCOMPARE(
        finished.last().at(0).value<BatchRunner::EndReason>(), BatchRunner::EndReason::Cancelled);
    const BatchProgress progress = runner->progress();
    QVERIFY(progress.completed < 3000);
    QCOMPARE(record(sandbox)
                 .value(QLatin1String("totals"))
                 .toObject()
                 .value(QLatin1String("complete"))
                 .toObject()
                 .value(QLatin1String("applied"))
                 .toInt(),
        progress.completed);
}

void TestBatchDialog::aResultTheServerCannotTakeIsNotPlanned()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.7")}),
        qPrintable(sandbox.error()));
    Window w(sandbox.baseUrl());
    QSignalSpy topology(w.window.get(), &MainWindow::topologyFinished);
    w.window->testConnection();
    QVERIFY(topology.wait(10000));
    QVERIFY(w.window->serverVersion().isKnown());
    // Two task listeners of the demo (COMPLETING), denied: 8.7 takes no `result`.
    BatchDialog *dialog = openDialog(w);
    dialog->setKeysText(QStringLiteral("6755399441146877\n4503599627423060"));
    dialog->findChild<QCheckBox *>(QStringLiteral("denyCheckBox"))->setChecked(true);
    QSignalSpy planned(dialog, &BatchDialog::planned);
    dialog->findChild<QPushButton *>(QStringLiteral("planPushButton"))->click();
    QVERIFY(planned.wait(30000));
    QCOMPARE(planned.last().at(0).toBool(), false);
    const QString shown = dialog->findChild<QLabel *>(QStringLiteral("planLabel"))->text();
    QVERIFY2(shown.contains(
                 QLatin1String("`result` needs Camunda 8.8 or later; this server reports 8.7")),
        qPrintable(shown));
    QVERIFY2(shown.contains(QLatin1String("Nothing was sent.")), qPrintable(shown));
    // Not a look-up that failed: planning without look-ups is not offered (it would not help).
    QVERIFY2(!shown.contains(QLatin1String("without looking")), qPrintable(shown));
    // Nothing to start, no batch kept, nothing reached the server.
    QCOMPARE(dialog->batchId(), 0);
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("startPushButton"))->isEnabled());
    QCOMPARE(BatchJournal(w.history).batches()->size(), 0);
    QVERIFY(record(sandbox).value(QLatin1String("keys")).toObject().isEmpty());

    // A deny batch planned elsewhere (against a newer server) and started here: refused too.
    BatchJournal journal(w.history);
    BatchSpec spec;
    spec.connection = QStringLiteral("sandbox");
    spec.payload = "{\"result\":{\"type\":\"userTask\",\"denied\":true}}";
    const std::optional<qint64> id = journal.createBatch(spec);
    QVERIFY(id);
    BatchItem item;
    item.line = 1;
    item.jobKey = QStringLiteral("6755399441146877");
    QVERIFY(journal.addItems(*id, {item}));
    QVERIFY(journal.setState(*id, BatchState::Planned));
    dialog->showBatch(*id);
    auto *start = dialog->findChild<QPushButton *>(QStringLiteral("startPushButton"));
    QVERIFY(start->isEnabled());
    Confirm::setNextAnswer(true);
    start->click();
    QVERIFY(!dialog->runner());
    const QString refusal = dialog->findChild<QLabel *>(QStringLiteral("countsLabel"))->text();
    QVERIFY2(refusal.contains(QLatin1String("`result` needs Camunda 8.8 or later")),
        qPrintable(refusal));
    QCOMPARE(journal.batch(*id)->state, BatchState::Planned);
    QVERIFY(record(sandbox).value(QLatin1String("keys")).toObject().isEmpty());
}

void TestBatchDialog::aFailedLookUpOffersPlanningWithoutOne()
{
    // Every API request answered 500: the look-ups are asked again a few times, then the plan
    // fails as a look-up that failed (the planner's reason, not its words), and the hint says
    // what helps; planned without look-ups, the batch is ready (nothing sent yet).
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QStringLiteral("3"),
                 QStringLiteral("--error-rate"), QStringLiteral("1")}),
        qPrintable(sandbox.error()));
    Window w(sandbox.baseUrl());
    BatchDialog *dialog = openDialog(w);
    dialog->setKeysText(key(0) + u'\n' + key(1) + u'\n' + key(2));
    QSignalSpy planned(dialog, &BatchDialog::planned);
    dialog->findChild<QPushButton *>(QStringLiteral("planPushButton"))->click();
    QVERIFY(planned.wait(60000));
    QCOMPARE(planned.last().at(0).toBool(), false);
    auto *label = dialog->findChild<QLabel *>(QStringLiteral("planLabel"));
    QVERIFY2(
        label->text().startsWith(QLatin1String("Not planned: the jobs could not be looked up")),
        qPrintable(label->text()));
    QVERIFY2(label->text().contains(QLatin1String("Plan again when the cluster is less busy, or "
                                                  "without looking the jobs up")),
        qPrintable(label->text()));
    dialog->findChild<QCheckBox *>(QStringLiteral("lookUpCheckBox"))->setChecked(false);
    dialog->plan();
    QVERIFY(planned.wait(30000));
    QVERIFY2(planned.last().at(0).toBool(), qPrintable(label->text()));
    QCOMPARE(dialog->plannedToSend(), 3);
    QVERIFY(record(sandbox).value(QLatin1String("keys")).toObject().isEmpty());
}

void TestBatchDialog::sentAgainCountsOnlyWhatLeftAgain()
{
    // Half the requests are answered 503: those keys wait and go again. Cancelled meanwhile, the
    // retries still waiting never leave, and "sent again" must not count them.
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QStringLiteral("3000"),
                 QStringLiteral("--backpressure-rate"), QStringLiteral("0.5"),
                 QStringLiteral("--seed"), QStringLiteral("3")}),
        qPrintable(sandbox.error()));
    Window w(sandbox.baseUrl());
    BatchDialog *dialog = openDialog(w);
    QStringList keys;
    for (int i = 0; i < 3000; ++i)
        keys.append(key(i));
    dialog->setKeysText(keys.join(QLatin1Char('\n')));
    dialog->findChild<QCheckBox *>(QStringLiteral("lookUpCheckBox"))->setChecked(false);
    QSignalSpy planned(dialog, &BatchDialog::planned);
    dialog->plan();
    QVERIFY(planned.wait(60000));
    QVERIFY(planned.last().at(0).toBool());
    Confirm::setNextAnswer(true);
    dialog->start();
    BatchRunner *runner = dialog->runner();
    QVERIFY(runner);
    QTRY_VERIFY_WITH_TIMEOUT(runner->progress().retries >= 5, 60000);
    QSignalSpy finished(dialog, &BatchDialog::runFinished);
    dialog->findChild<QPushButton *>(QStringLiteral("cancelPushButton"))->click();
    QVERIFY(finished.wait(30000));

    // The sandbox's own count: every request that reached it, and the keys it saw at all.
    const QJsonObject perKey = record(sandbox).value(QLatin1String("keys")).toObject();
    qint64 received = 0;
    for (const QJsonValue &v : perKey)
        received += v.toObject()
                        .value(QLatin1String("complete"))
                        .toObject()
                        .value(QLatin1String("received"))
                        .toInt();
    QVERIFY(received > perKey.size()); // some keys did go again
    QCOMPARE(runner->progress().retries, received - perKey.size());
    QVERIFY(runner->progress().completed < 3000); // cancelled before the end
}

void TestBatchDialog::batchLeftRunningIsOfferedAtStart()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QStringLiteral("300")}),
        qPrintable(sandbox.error()));
    qint64 batchId = 0;
    {
        // A batch planned, then left Running with items marked Sending, as a window that was
        // killed in the middle of a run leaves it.
        Window first(sandbox.baseUrl());
        BatchDialog *dialog = openDialog(first);
        QStringList keys;
        for (int i = 0; i < 300; ++i)
            keys.append(key(i));
        dialog->setKeysText(keys.join(QLatin1Char(',')));
        QSignalSpy planned(dialog, &BatchDialog::planned);
        dialog->plan();
        QVERIFY2(planned.wait(60000),
            qPrintable(dialog->findChild<QLabel *>(QStringLiteral("planLabel"))->text()));
        batchId = dialog->batchId();
        BatchJournal journal(first.history);
        QVERIFY(journal.setState(batchId, BatchState::Running));
        QList<SendingItem> sending;
        const auto firstItems = journal.items(batchId, {BatchItemState::Planned}, 0, 5);
        QVERIFY(firstItems && firstItems->size() == 5);
        for (const BatchItem &item : *firstItems) {
            SendingItem s;
            s.line = item.line;
            s.attempt = HistoryEntry::forAttempt(RequestRecord {}, HistorySource::Window,
                QStringLiteral("sandbox"), false, QDateTime::currentDateTimeUtc());
            s.attempt.jobKey = item.jobKey;
            s.attempt.action = ActionKind::Complete;
            sending.append(s);
        }
        QVERIFY2(journal.markSending(batchId, sending), qPrintable(journal.error()));
        // Two of the five did reach the server before the "crash".
        request(sandbox, "POST", QStringLiteral("/v2/jobs/%1/completion").arg(key(0)), "{}");
        request(sandbox, "POST", QStringLiteral("/v2/jobs/%1/completion").arg(key(1)), "{}");
    }

    Confirm::setNextChoice(0); // "Show the batch…"
    const int asked = Confirm::askedCount();
    Window second(sandbox.baseUrl());
    second.window->finishStartup();
    QTRY_COMPARE_WITH_TIMEOUT(Confirm::askedCount(), asked + 1, 10000);
    QVERIFY(second.window->batches()->hasDialog());
    BatchDialog *dialog = second.window->batches()->dialog();
    QCOMPARE(dialog->batchId(), batchId);
    auto *resume = dialog->findChild<QPushButton *>(QStringLiteral("resumePushButton"));
    QVERIFY(resume->isEnabled());
    QSignalSpy finished(dialog, &BatchDialog::runFinished);
    resume->click();
    QVERIFY(finished.wait(120000));
    const BatchProgress progress = dialog->runner()->progress();
    QCOMPARE(progress.finished(), 300);
    // Every key completed exactly once: the two that had arrived were looked up, not resent.
    const QJsonObject keys = record(sandbox).value(QLatin1String("keys")).toObject();
    for (int i = 0; i < 300; ++i) {
        const QJsonObject complete
            = keys.value(key(i)).toObject().value(QLatin1String("complete")).toObject();
        QVERIFY2(complete.value(QLatin1String("applied")).toInt() == 1, qPrintable(key(i)));
        QVERIFY2(complete.value(QLatin1String("received")).toInt() == 1, qPrintable(key(i)));
    }
    // Asked once per start.
    second.window->batches()->offerInterrupted();
    QCOMPARE(Confirm::askedCount(), asked + 1);
}

void TestBatchDialog::batchRunElsewhereIsNeitherOfferedNorResumed()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QStringLiteral("20")}),
        qPrintable(sandbox.error()));
    Window w(sandbox.baseUrl());
    // A batch the journal says runs, and another program (here: this test) holding it.
    QStringList keys;
    for (int i = 0; i < 20; ++i)
        keys.append(key(i));
    const std::optional<qint64> id
        = HistoryFixtures::journalledBatch(w.history, keys, BatchState::Running);
    QVERIFY(id);
    auto elsewhere = std::make_unique<BatchLease>(w.history.path(), *id);
    QVERIFY(elsewhere->acquire());

    // Not offered: it is not interrupted, someone runs it.
    const int asked = Confirm::askedCount();
    w.window->batches()->offerInterrupted();
    QCOMPARE(Confirm::askedCount(), asked);
    QVERIFY(!w.window->batches()->hasDialog());

    // Shown by hand and resumed: refused, naming the process; nothing sent.
    BatchDialog *dialog = w.window->batches()->dialog();
    dialog->showBatch(*id);
    auto *resume = dialog->findChild<QPushButton *>(QStringLiteral("resumePushButton"));
    QVERIFY(resume->isEnabled());
    resume->click();
    QVERIFY(!dialog->runner());
    const QString refusal = dialog->findChild<QLabel *>(QStringLiteral("countsLabel"))->text();
    QVERIFY2(
        refusal.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(refusal));
    QVERIFY(record(sandbox).value(QLatin1String("keys")).toObject().isEmpty());

    // Once the other program is gone, the window takes it over and holds it while it runs.
    elsewhere.reset();
    QSignalSpy finished(dialog, &BatchDialog::runFinished);
    resume->click();
    QVERIFY(dialog->runner());
    BatchLease other(w.history.path(), *id);
    QVERIFY(!other.acquire() || finished.count() > 0);
    QVERIFY(finished.count() > 0 || finished.wait(60000));
    QCOMPARE(dialog->runner()->progress().completed, 20);
    // The run is over: the lease is free again.
    QVERIFY(!BatchLease::holderOf(w.history.path(), *id));
}

void TestBatchDialog::serverSideIncidentResolution()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QStringLiteral("100"),
                 QStringLiteral("--batch-step-ms"), QStringLiteral("20")}),
        qPrintable(sandbox.error()));
    for (int i = 0; i < 25; ++i)
        request(sandbox, "POST", QStringLiteral("/v2/jobs/%1/failure").arg(key(i)),
            R"({"retries":0,"errorMessage":"worker down"})");
    Window w(sandbox.baseUrl());
    BatchDialog *dialog = openDialog(w);
    dialog->findChild<QLineEdit *>(QStringLiteral("processDefinitionIdLineEdit"))
        ->setText(QStringLiteral("order-fulfilment"));
    QSignalSpy planned(dialog, &BatchDialog::serverPlanned);
    dialog->findChild<QPushButton *>(QStringLiteral("serverPlanPushButton"))->click();
    QVERIFY(planned.wait(30000));
    QVERIFY(planned.last().at(0).toBool());
    auto *planText = dialog->findChild<QPlainTextEdit *>(QStringLiteral("serverPlanEdit"));
    QVERIFY2(planText->toPlainText().contains(QLatin1String("jobs with no retries left:   25")),
        qPrintable(planText->toPlainText()));
    QSignalSpy finished(dialog, &BatchDialog::serverFinished);
    Confirm::setNextAnswer(true);
    dialog->findChild<QPushButton *>(QStringLiteral("serverStartPushButton"))->click();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.last().at(0).value<ServerBatchResult>(), ServerBatchResult::Completed);
    auto *counts = dialog->findChild<QLabel *>(QStringLiteral("serverCountsLabel"));
    QVERIFY2(counts->text().contains(QLatin1String("25 completed, 0 failed")),
        qPrintable(counts->text()));
}

void TestBatchDialog::serverBatchLeftRunningIsFollowedAtStart()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QStringLiteral("60"),
                 QStringLiteral("--batch-step-ms"), QStringLiteral("300")}),
        qPrintable(sandbox.error()));
    for (int i = 0; i < 30; ++i)
        request(sandbox, "POST", QStringLiteral("/v2/jobs/%1/failure").arg(key(i)),
            R"({"retries":1,"errorMessage":"worker down"})");
    for (int i = 0; i < 30; ++i)
        request(sandbox, "POST", QStringLiteral("/v2/jobs/%1/failure").arg(key(i)),
            R"({"retries":0,"errorMessage":"worker down"})");
    {
        // Started, then the window closed while the cluster was still working on it.
        Window first(sandbox.baseUrl());
        BatchDialog *dialog = openDialog(first);
        QSignalSpy planned(dialog, &BatchDialog::serverPlanned);
        dialog->planServer();
        QVERIFY(planned.wait(30000));
        Confirm::setNextAnswer(true);
        QSignalSpy started(dialog->serverRunner(), &ServerBatchRunner::started);
        dialog->startServer();
        QVERIFY(started.wait(30000));
    }
    Confirm::setNextChoice(0); // "Show its progress…"
    const int asked = Confirm::askedCount();
    Window second(sandbox.baseUrl());
    second.window->finishStartup();
    QTRY_COMPARE_WITH_TIMEOUT(Confirm::askedCount(), asked + 1, 10000);
    BatchDialog *dialog = second.window->batches()->dialog();
    QVERIFY(dialog->serverRunner()->isBusy());
    QSignalSpy finished(dialog, &BatchDialog::serverFinished);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.last().at(0).value<ServerBatchResult>(), ServerBatchResult::Completed);
    QCOMPARE(dialog->serverRunner()->progress().completed, 30);
    // Followed to its end: the journal says so, and the next start offers nothing.
    BatchJournal journal(second.history);
    QCOMPARE(journal.batches(1)->constFirst().state, BatchState::Finished);
}

QTEST_MAIN(TestBatchDialog)
#include "tst_BatchDialog.moc"
