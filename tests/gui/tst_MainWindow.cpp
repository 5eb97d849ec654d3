// SPDX-License-Identifier: GPL-3.0-or-later
// The whole window against the real sandbox: type a key, edit variables, toggle deny, press
// Ctrl+Return, then check the banner, the log row and the history database.
#include "core/history/HistoryStore.h"
#include "core/history/TicketText.h"
#include "core/http/JobsClient.h"
#include "core/templates/DraftStore.h"
#include "gui/Confirm.h"
#include "gui/ConnectionBar.h"
#include "gui/HistoryModel.h"
#include "gui/JobForm.h"
#include "gui/JsonEditor.h"
#include "gui/LogPanel.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/WindowSettings.h"
#include "support/HistoryFixtures.h"
#include "support/SandboxProcess.h"
#include "support/WindowFixture.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace JobDesk;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void titleAndFocus();
    void ctrlReturnFromTheEditorCompletes();
    void denyOnATaskListenerJob();
    void refusalIsExplained();
    void noDoubleSendAndCancel();
    void invalidFormSendsNothing();
    void draftSurvivesARestart();
    void testConnectionShowsTheGateway();
    void productionAsksFirst();
    void startupDefersHistoryAndClearButtons();
    void sendBeforeTheFirstFrameIsRecorded();
    void historyThatCannotOpenIsExplained();
    void attemptsWithoutAnOutcomeAreNamedAtStart();
    void staleBannerGoes();
    void inFlightShowsElapsedAndTimeout();
    void busyServerOffersRetry();

private:
    /// Not shown when built: some tests look at a window before its first frame.
    struct Window : Test::WindowFixture
    {
        explicit Window(const QUrl &base, bool production = false, bool openHistory = true)
            : WindowFixture(base, production, openHistory, Shown::No)
        {
        }
        /// Shows and activates the window: shortcuts (Ctrl+Return) need an active window.
        void showActive()
        {
            window->show();
            QApplication::setActiveWindow(window.get());
            QVERIFY(QTest::qWaitForWindowActive(window.get()));
        }
    };

    SandboxProcess m_sandbox;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_sandbox.start({QStringLiteral("--demo")}), qPrintable(m_sandbox.error()));
}

void TestMainWindow::init()
{
    if (QFileInfo(HistoryStore::defaultPath()).isDir()) // left by historyThatCannotOpenIsExplained
        QDir(HistoryStore::defaultPath()).removeRecursively();
    Test::WindowFixture::removeStoredFiles();
}

void TestMainWindow::cleanup()
{
    init();
}

void TestMainWindow::titleAndFocus()
{
    Window w(m_sandbox.baseUrl());
    w.showActive();
    QApplication::setActiveWindow(w.window.get());
    QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
    QVERIFY(w.window->windowTitle().startsWith(QStringLiteral("JobDesk")));
    QVERIFY(w.window->windowTitle().contains(m_sandbox.baseUrlString()));
    QTRY_COMPARE(QApplication::focusWidget(), w.find<QLineEdit>("jobKeyLineEdit"));
    // Ctrl+L comes back to the key from anywhere.
    w.find<JsonEditor>("variablesEditor")->setFocus();
    QTest::keySequence(w.window.get(), QKeySequence(Qt::CTRL | Qt::Key_L));
    QTRY_COMPARE(QApplication::focusWidget(), w.find<QLineEdit>("jobKeyLineEdit"));
}

void TestMainWindow::ctrlReturnFromTheEditorCompletes()
{
    const std::optional<QStringList> keys
        = m_sandbox.searchJobKeys(R"({"state": "CREATED", "type": "reserve-stock"})");
    QVERIFY2(keys && !keys->isEmpty(), qPrintable(m_sandbox.error()));
    Window w(m_sandbox.baseUrl());
    w.showActive();
    QApplication::setActiveWindow(w.window.get());
    QVERIFY(QTest::qWaitForWindowActive(w.window.get()));

    QTest::keyClicks(w.find<QLineEdit>("jobKeyLineEdit"), keys->constFirst());
    auto *editor = w.find<JsonEditor>("variablesEditor");
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("{\"reserved\": 12345678901234567890}"));
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    QTRY_VERIFY(w.find<QPushButton>("sendPushButton")->isEnabled());
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(10000));

    const qint64 id = finished.constFirst().at(1).toLongLong();
    QVERIFY(id > 0);
    auto *banner = w.window->banner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->kind(), MessageBanner::Kind::Positive);
    QVERIFY(banner->headline().contains(keys->constFirst()));

    // In the database, from the window, with the body exactly as typed.
    const std::optional<HistoryEntry> entry = w.history.entry(id);
    QVERIFY(entry);
    QCOMPARE(entry->source, HistorySource::Window);
    QCOMPARE(entry->jobKey, keys->constFirst());
    QCOMPARE(entry->kind, OutcomeKind::Completed);
    QVERIFY(entry->request.body.contains("12345678901234567890"));
    // And on top of the log, selected.
    QTRY_VERIFY(w.window->logPanel()->model()->rowCount() >= 1);
    QTRY_VERIFY(w.window->logPanel()->selectedEntry().has_value());
    QCOMPARE(w.window->logPanel()->selectedEntry()->id, id);
    // The form stays as it was, ready for the next key.
    QCOMPARE(w.find<QLineEdit>("jobKeyLineEdit")->text(), keys->constFirst());
}

void TestMainWindow::denyOnATaskListenerJob()
{
    const std::optional<QStringList> keys = m_sandbox.searchJobKeys(
        R"({"state": "CREATED", "kind": "TASK_LISTENER", "listenerEventType": "COMPLETING"})");
    QVERIFY2(keys && !keys->isEmpty(), qPrintable(m_sandbox.error()));
    Window w(m_sandbox.baseUrl());
    w.showActive();
    QTest::keyClicks(w.find<QLineEdit>("jobKeyLineEdit"), keys->constFirst());
    QTest::mouseClick(w.find<QCheckBox>("denyCheckBox"), Qt::LeftButton, {},
        QPoint(4, w.find<QCheckBox>("denyCheckBox")->height() / 2));
    QVERIFY(w.find<QCheckBox>("denyCheckBox")->isChecked());
    QTest::keyClicks(
        w.find<QLineEdit>("deniedReasonLineEdit"), QStringLiteral("needs a second look"));
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    QTest::keyClick(w.find<QLineEdit>("deniedReasonLineEdit"), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(10000));
    const auto outcome = finished.constFirst().at(0).value<Outcome>();
    QVERIFY2(outcome.ok(), outcome.rawBody.constData());
    QCOMPARE(outcome.kind, OutcomeKind::Denied); // its own outcome, not "Completed"
    QVERIFY(outcome.request.body.contains("\"denied\":true"));
    QVERIFY(w.window->banner()->headline().contains(QStringLiteral("denial")));
    QCOMPARE(w.history.count().value_or(-1), 1);
    // In the log: its own badge and a title that says what was decided (not "No Content").
    const qint64 id = finished.constFirst().at(1).toLongLong();
    const std::optional<HistoryEntry> entry = w.history.entry(id);
    QVERIFY(entry);
    QCOMPARE(entry->kind, OutcomeKind::Denied);
    QCOMPARE(entry->title, QStringLiteral("Denied: needs a second look"));
    HistoryModel *model = w.window->logPanel()->model();
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(
        model->index(0, HistoryModel::OutcomeColumn).data().toString(), QStringLiteral("Denied"));
    QCOMPARE(model->index(0, HistoryModel::TitleColumn).data().toString(), entry->title);
    // The ticket text names the reason and what was sent.
    const QString ticket = ticketText(*entry);
    QVERIFY2(ticket.contains(QStringLiteral("Outcome:     Denied (denied)")), qPrintable(ticket));
    QVERIFY(ticket.contains(QStringLiteral("Deny reason: needs a second look")));
    QVERIFY(ticket.contains(QStringLiteral("Variables:   none")));
}

void TestMainWindow::refusalIsExplained()
{
    Window w(m_sandbox.baseUrl());
    w.showActive();
    QTest::keyClicks(w.find<QLineEdit>("jobKeyLineEdit"), QStringLiteral("2251799813999999"));
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    QTest::keyClick(w.find<QLineEdit>("jobKeyLineEdit"), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(finished.wait(10000));
    auto *banner = w.window->banner();
    QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
    QVERIFY2(banner->headline().contains(QStringLiteral("404")), qPrintable(banner->headline()));
    QVERIFY(banner->text().contains(QStringLiteral("Next:")));
    const QList<HistoryEntry> rows = w.history.query({}, 0, 10).value();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.constFirst().kind, OutcomeKind::NotFound);
    QCOMPARE(rows.constFirst().httpStatus, std::optional<int>(404));
}

void TestMainWindow::noDoubleSendAndCancel()
{
    SandboxProcess slow;
    QVERIFY2(slow.start({QStringLiteral("--demo"), QStringLiteral("--latency-ms"),
                 QStringLiteral("5000")}),
        qPrintable(slow.error()));
    Window w(slow.baseUrl());
    w.showActive();
    QTest::keyClicks(w.find<QLineEdit>("jobKeyLineEdit"), QStringLiteral("2251799823685402"));
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    auto *send = w.find<QPushButton>("sendPushButton");
    QTRY_VERIFY(send->isEnabled());
    QTest::keyClick(w.window.get(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(w.window->isSending());
    QVERIFY(!send->isEnabled());
    QVERIFY(w.find<QPushButton>("cancelPushButton")->isEnabled());
    // Written ahead: the attempt is in the history while its request is in flight, so a crash
    // now would leave "unknown — look the job up", not nothing.
    {
        HistoryStore other;
        QVERIFY(other.open(w.history.path()));
        const QList<HistoryEntry> inFlight = other.query({}, 0, 10).value();
        QCOMPARE(inFlight.size(), 1);
        QCOMPARE(inFlight.first().state, HistoryState::Pending);
        QCOMPARE(inFlight.first().jobKey, QStringLiteral("2251799823685402"));
        QCOMPARE(inFlight.first().source, HistorySource::Window);
        QCOMPARE(inFlight.first().action, ActionKind::Complete);
    }
    // Pressing again while in flight sends nothing more.
    QTest::keyClick(w.window.get(), Qt::Key_Return, Qt::ControlModifier);
    w.window->send();
    QTest::mouseClick(w.find<QPushButton>("cancelPushButton"), Qt::LeftButton);
    // Cancelling may finish the call at once (inside the click): count, do not wait for more.
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.constFirst().at(0).value<Outcome>().kind, OutcomeKind::Cancelled);
    QCOMPARE(w.window->banner()->kind(), MessageBanner::Kind::Information);
    QCOMPARE(w.history.count().value_or(-1), 1);
    const QList<HistoryEntry> rows = w.history.query({}, 0, 10).value();
    QCOMPARE(rows.first().state, HistoryState::Finished); // the same row, now with its outcome
    QCOMPARE(rows.first().kind, OutcomeKind::Cancelled);
    QVERIFY(send->isEnabled());
}

void TestMainWindow::attemptsWithoutAnOutcomeAreNamedAtStart()
{
    // A run killed while its request was in flight (here: a CLI's, a minute ago) left its row.
    {
        HistoryStore earlier;
        QVERIFY(earlier.open());
        RequestRecord request;
        request.action = ActionKind::Complete;
        request.subjectKey = QStringLiteral("2251799813685777");
        request.method = "POST";
        QVERIFY(earlier.beginAttempt(HistoryEntry::forAttempt(request, HistorySource::Cli,
            QStringLiteral("dev"), false, QDateTime::currentDateTimeUtc().addSecs(-120))));
    }
    Window w(m_sandbox.baseUrl(), false, false);
    w.showActive();
    QTRY_VERIFY(w.window->isStartupFinished());
    QCOMPARE(w.window->banner()->kind(), MessageBanner::Kind::Warning);
    QVERIFY2(w.window->banner()->headline().contains(QLatin1String("without a recorded outcome")),
        qPrintable(w.window->banner()->headline()));
    QVERIFY(w.window->banner()->text().contains(QLatin1String("2251799813685777")));
    QVERIFY(w.window->banner()->text().contains(QLatin1String("look the job up")));
    // The log shows the row as unknown.
    const QList<HistoryEntry> rows = w.history.query({}, 0, 10).value();
    QCOMPARE(rows.size(), 1);
    QVERIFY(rows.first().title.contains(QLatin1String("look the job up")));
}

void TestMainWindow::invalidFormSendsNothing()
{
    Window w(m_sandbox.baseUrl());
    w.showActive();
    QTest::keyClicks(w.find<QLineEdit>("jobKeyLineEdit"), QStringLiteral("12ab"));
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    QTest::keyClick(w.window.get(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!w.window->isSending());
    QCOMPARE(w.window->banner()->kind(), MessageBanner::Kind::Error);
    QVERIFY(w.window->banner()->headline().contains(QStringLiteral("Not sent")));
    QCOMPARE(finished.count(), 0);
    QCOMPARE(w.history.count().value_or(-1), 0);
}

void TestMainWindow::draftSurvivesARestart()
{
    {
        Window w(m_sandbox.baseUrl());
        w.showActive();
        QTest::keyClicks(w.find<QLineEdit>("jobKeyLineEdit"), QStringLiteral("2251799813685249"));
        w.find<JsonEditor>("variablesEditor")->setPlainText(QStringLiteral("{\"half\": tr"));
        w.find<QCheckBox>("denyCheckBox")->setChecked(true);
        // Written by the debounce alone (as before a crash), not by closing the window.
        QTRY_VERIFY(QFile::exists(DraftStore::defaultPath()));
        QTRY_VERIFY(
            QFile(DraftStore::defaultPath()).size() > 0 && DraftStore().load().draft->denied);
        w.window->hide();
    }
    Window again(m_sandbox.baseUrl());
    QCOMPARE(again.find<QLineEdit>("jobKeyLineEdit")->text(), QStringLiteral("2251799813685249"));
    QCOMPARE(
        again.find<JsonEditor>("variablesEditor")->toPlainText(), QStringLiteral("{\"half\": tr"));
    QVERIFY(again.find<QCheckBox>("denyCheckBox")->isChecked());
    QVERIFY(!again.find<QPushButton>("sendPushButton")->isEnabled());
}

void TestMainWindow::testConnectionShowsTheGateway()
{
    Window w(m_sandbox.baseUrl());
    w.showActive();
    QSignalSpy done(w.window.get(), &MainWindow::topologyFinished);
    QTest::mouseClick(w.find<QPushButton>("testConnectionPushButton"), Qt::LeftButton);
    QVERIFY(done.wait(10000));
    const QString text = w.window->connectionBar()->topologyText();
    QVERIFY2(text.contains(QStringLiteral("gateway")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("partition")));

    // A dead address says so in words.
    Window dead(QUrl(QStringLiteral("http://127.0.0.1:1")));
    QSignalSpy deadDone(dead.window.get(), &MainWindow::topologyFinished);
    dead.window->testConnection();
    QVERIFY(deadDone.wait(10000));
    QVERIFY(!dead.window->connectionBar()->topologyText().isEmpty());
    QVERIFY(!dead.window->connectionBar()->topologyText().contains(QStringLiteral("gateway")));
}

void TestMainWindow::productionAsksFirst()
{
    Window w(m_sandbox.baseUrl(), true);
    w.showActive();
    QVERIFY(w.window->windowTitle().contains(QStringLiteral("prod-eu")));
    QTest::keyClicks(w.find<QLineEdit>("jobKeyLineEdit"), QStringLiteral("2251799823685442"));
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    const int asked = Confirm::askedCount();
    Confirm::setNextAnswer(false);
    w.window->send();
    QCOMPARE(Confirm::askedCount(), asked + 1);
    QVERIFY(!w.window->isSending());
    QCOMPARE(w.history.count().value_or(-1), 0);
    Confirm::setNextAnswer(true);
    w.window->send();
    QVERIFY(finished.wait(10000));
    QCOMPARE(w.history.count().value_or(-1), 1);
}

QTEST_MAIN(TestMainWindow)

void TestMainWindow::startupDefersHistoryAndClearButtons()
{
    {
        HistoryStore earlier;
        QVERIFY(earlier.open());
        QVERIFY(earlier.append(HistoryFixtures::syntheticEntry(1, QDateTime::currentDateTimeUtc()))
            > 0);
    }
    Window w(m_sandbox.baseUrl(), false, false);
    auto *key = w.find<QLineEdit>("jobKeyLineEdit");
    // Before the first frame: nothing of the deferred part has happened.
    QVERIFY(!w.window->isStartupFinished());
    QVERIFY(!w.history.isOpen());
    QCOMPARE(w.window->logPanel()->model()->rowCount(), 0);
    QVERIFY(!key->isClearButtonEnabled());
    QVERIFY(w.window->windowIcon().isNull());
    auto *sendAction = w.window->findChild<QAction *>(QStringLiteral("sendAction"));
    QVERIFY(sendAction);
    QVERIFY(sendAction->icon().isNull());

    w.showActive();
    QTRY_VERIFY(w.window->isStartupFinished());
    QVERIFY(w.history.isOpen());
    QTRY_COMPARE(w.window->logPanel()->model()->rowCount(), 1);
    QVERIFY(!w.window->windowIcon().isNull());
    QVERIFY(!sendAction->icon().isNull()); // menu icons come with the deferred part
    QVERIFY(!w.window->banner()->isVisible());
    // Every line edit that asks for a clear button in its .ui has one now, the key field too.
    int marked = 0;
    const QList<QLineEdit *> edits = w.window->findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits) {
        if (edit->property(MainWindow::kClearButtonProperty).toBool()) {
            ++marked;
            QVERIFY2(edit->isClearButtonEnabled(), qPrintable(edit->objectName()));
        }
    }
    QVERIFY(marked >= 3); // key, denied reason, log filter
    QVERIFY(key->isClearButtonEnabled());
}

void TestMainWindow::sendBeforeTheFirstFrameIsRecorded()
{
    const std::optional<QStringList> keys
        = m_sandbox.searchJobKeys(R"({"state": "CREATED", "type": "reserve-stock"})");
    QVERIFY2(keys && !keys->isEmpty(), qPrintable(m_sandbox.error()));
    Window w(m_sandbox.baseUrl(), false, false); // never shown: the deferred start-up never ran
    QVERIFY(!w.history.isOpen());
    w.find<QLineEdit>("jobKeyLineEdit")->setText(keys->constFirst());
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    w.window->send();
    QVERIFY(finished.wait(10000));
    // send() finished the start-up first, so the attempt is in the history like any other.
    QVERIFY(w.window->isStartupFinished());
    const qint64 id = finished.constFirst().at(1).toLongLong();
    QVERIFY(id > 0);
    const std::optional<HistoryEntry> entry = w.history.entry(id);
    QVERIFY(entry);
    QCOMPARE(entry->jobKey, keys->constFirst());
    QTRY_COMPARE(w.window->logPanel()->model()->rowCount(), 1);
}

void TestMainWindow::historyThatCannotOpenIsExplained()
{
    // A directory where the database file should be: SQLite cannot open it.
    QVERIFY(QDir().mkpath(HistoryStore::defaultPath()));
    Window w(m_sandbox.baseUrl(), false, false);
    w.showActive();
    QTRY_VERIFY(w.window->isStartupFinished());
    QVERIFY(!w.history.isOpen());
    QVERIFY(w.window->banner()->isVisible());
    QCOMPARE(w.window->banner()->kind(), MessageBanner::Kind::Warning);
    QCOMPARE(w.window->banner()->headline(), QStringLiteral("The history cannot be written"));
}

void TestMainWindow::staleBannerGoes()
{
    Window w(m_sandbox.baseUrl());
    w.showActive();
    auto *key = w.find<QLineEdit>("jobKeyLineEdit");
    QTest::keyClicks(key, QStringLiteral("2251799813999999"));
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    w.window->send();
    QVERIFY(finished.wait(10000));
    MessageBanner *banner = w.window->banner();
    QVERIFY(banner->isVisible());
    QVERIFY(banner->headline().contains(QStringLiteral("2251799813999999")));
    // Editing towards another key: the old job's banner goes.
    QTest::keyClick(key, Qt::Key_Backspace);
    QVERIFY(!banner->isVisible());

    // A new request: while it is in flight no earlier answer is shown.
    key->setText(QStringLiteral("2251799813999999"));
    w.window->send();
    QVERIFY(finished.wait(10000));
    QVERIFY(banner->isVisible());
    key->setText(QStringLiteral("2251799813999998"));
    QVERIFY(!banner->isVisible());
    key->setText(QStringLiteral("2251799813999999"));
    w.window->send();
    QVERIFY(w.window->isSending());
    QVERIFY(!banner->isVisible());
    QVERIFY(finished.wait(10000));
    QVERIFY(banner->isVisible());
    // Other messages (not about a job) stay while keys are typed.
    banner->showMessage(
        MessageBanner::Kind::Warning, QStringLiteral("The profiles cannot be read"));
    QTest::keyClicks(key, QStringLiteral("1"));
    QVERIFY(banner->isVisible());
}

void TestMainWindow::inFlightShowsElapsedAndTimeout()
{
    SandboxProcess slow;
    QVERIFY2(slow.start({QStringLiteral("--demo"), QStringLiteral("--latency-ms"),
                 QStringLiteral("4000")}),
        qPrintable(slow.error()));
    Window w(slow.baseUrl());
    w.window->client()->setTimeout(std::chrono::seconds(20));
    w.showActive();
    w.find<QLineEdit>("jobKeyLineEdit")->setText(QStringLiteral("2251799823685402"));
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    w.window->send();
    auto *status = w.find<QLabel>("statusLabel");
    const QRegularExpression counting(QStringLiteral("(\\d+) s, times out in (\\d+) s"));
    QRegularExpressionMatch match = counting.match(status->text());
    QVERIFY2(match.hasMatch(), qPrintable(status->text()));
    QCOMPARE(match.captured(1).toInt() + match.captured(2).toInt(), 20);
    QVERIFY(w.find<QTimer>("requestElapsedTimer")->isActive());
    // The seconds count on while the answer is awaited.
    QTRY_VERIFY_WITH_TIMEOUT(counting.match(status->text()).captured(1).toInt() >= 1, 10000);
    match = counting.match(status->text());
    QCOMPARE(match.captured(1).toInt() + match.captured(2).toInt(), 20);
    QVERIFY(finished.wait(20000));
    QVERIFY(!w.find<QTimer>("requestElapsedTimer")->isActive());
    QVERIFY(!status->text().contains(QStringLiteral("times out")));
}

void TestMainWindow::busyServerOffersRetry()
{
    SandboxProcess busy;
    QVERIFY2(busy.start({QStringLiteral("--demo"), QStringLiteral("--backpressure-rate"),
                 QStringLiteral("1")}),
        qPrintable(busy.error()));
    Window w(busy.baseUrl());
    w.showActive();
    w.find<QLineEdit>("jobKeyLineEdit")->setText(QStringLiteral("2251799823685402"));
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    w.window->send();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.constFirst().at(0).value<Outcome>().httpStatus, std::optional<int>(503));
    MessageBanner *banner = w.window->banner();
    QVERIFY(banner->hasAction());
    auto *retry = banner->findChild<QPushButton *>(QStringLiteral("messageBannerActionPushButton"));
    QVERIFY(retry->text().contains(QStringLiteral("Retry")));
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    QCOMPARE(w.history.count().value_or(-1), 2);

    // A refusal that retrying cannot help offers nothing.
    Window other(m_sandbox.baseUrl());
    other.find<QLineEdit>("jobKeyLineEdit")->setText(QStringLiteral("2251799813999999"));
    QSignalSpy done(other.window.get(), &MainWindow::requestFinished);
    other.window->send();
    QVERIFY(done.wait(10000));
    QVERIFY(!other.window->banner()->hasAction());
}

#include "tst_MainWindow.moc"
