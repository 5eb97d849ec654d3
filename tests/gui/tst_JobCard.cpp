// SPDX-License-Identifier: GPL-3.0-or-later
// The job card and the form that knows what it completes, in the whole window against the real
// sandbox: what a key shows, what a BPMN job is asked before a denial goes out, what a lost
// answer turned out to be, and which keys a rounded one may have been.
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/templates/DraftStore.h"
#include "gui/Confirm.h"
#include "gui/JobCard.h"
#include "gui/JobForm.h"
#include "gui/JobInspector.h"
#include "gui/JsonEditor.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/WindowSettings.h"
#include "support/SandboxProcess.h"
#include "support/WindowFixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace JobDesk;

namespace {

struct Window : Test::WindowFixture
{
    using WindowFixture::WindowFixture;
    JobCard *card() const { return window->jobCard(); }
    /// Types the key and waits for the card's answer about it.
    bool lookUp(const QString &jobKey)
    {
        typeKey(jobKey);
        return QTest::qWaitFor(
            [this, jobKey] {
                return card()->isVisible() && !card()->isLookingUp() && card()->result()
                    && card()->result()->key.toString() == jobKey;
            },
            10000);
    }
    QString headline() const { return find<QLabel>("headlineLabel")->text(); }
};

/// The first key the sandbox's search gives for `filter`, or empty.
QString firstKey(SandboxProcess &sandbox, const QByteArray &filter)
{
    const std::optional<QStringList> keys = sandbox.searchJobKeys(filter);
    return keys && !keys->isEmpty() ? keys->constFirst() : QString();
}

} // namespace

class TestJobCard final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();

    void everyKindAndStateShown_data();
    void everyKindAndStateShown();
    void jobShownBeforeItsDetails();
    void noKeyNoCard();
    void denyOnABpmnJobAsksFirst();
    void keyChangeClearsTheResult();
    void lostAnswerOfACompletedJobIsReportedCompleted();
    void roundedKeySuggestsItsNeighbours();
    void variablesCopyIntoTheEditor();
    void withoutSearchCompletionWorksAsBefore();
    void javascriptRoundedKeyFindsItsJob();

private:
    SandboxProcess m_demo;
    SandboxProcess m_generated;
};

void TestJobCard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_demo.start({QStringLiteral("--demo")}), qPrintable(m_demo.error()));
    QVERIFY2(m_generated.start({QStringLiteral("--generate"), QStringLiteral("1000")}),
        qPrintable(m_generated.error()));
}

void TestJobCard::init()
{
    Test::WindowFixture::removeStoredFiles();
}

void TestJobCard::everyKindAndStateShown_data()
{
    QTest::addColumn<QByteArray>("filter");
    QTest::addColumn<QString>("shows");
    QTest::addColumn<bool>("incident");
    QTest::addColumn<bool>("denyOffered");
    QTest::newRow("service task, created")
        << QByteArray(R"({"kind":"BPMN_ELEMENT","state":"CREATED"})")
        << QStringLiteral("CREATED · ") << false << false;
    QTest::newRow("failed, with its incident") << QByteArray(R"({"state":"FAILED","retries":0})")
                                               << QStringLiteral("FAILED") << true << false;
    QTest::newRow("error thrown") << QByteArray(R"({"state":"ERROR_THROWN"})")
                                  << QStringLiteral("ERROR_THROWN") << true << false;
    QTest::newRow("task listener on completing")
        << QByteArray(R"({"kind":"TASK_LISTENER","listenerEventType":"COMPLETING"})")
        << QStringLiteral("TASK_LISTENER (COMPLETING)") << false << true;
    QTest::newRow("ad-hoc sub-process") << QByteArray(R"({"kind":"AD_HOC_SUB_PROCESS"})")
                                        << QStringLiteral("AD_HOC_SUB_PROCESS") << false << false;
}

void TestJobCard::everyKindAndStateShown()
{
    QFETCH(QByteArray, filter);
    QFETCH(QString, shows);
    QFETCH(bool, incident);
    QFETCH(bool, denyOffered);
    const QString key = firstKey(m_demo, filter);
    // The demo data has a job of every kind and state: a missing one is a defect, not a skip.
    QVERIFY2(!key.isEmpty(), filter.constData());
    Window w(m_demo.baseUrl());
    QVERIFY(w.lookUp(key));
    QCOMPARE(w.card()->result()->state, LookupState::Found);
    QVERIFY2(w.headline().contains(shows), qPrintable(w.headline()));
    QCOMPARE(w.find<QLabel>("incidentLabel")->isVisible(), incident);
    QCOMPARE(w.find<QCheckBox>("denyCheckBox")->isEnabled(), denyOffered);
    // The details name the job's instance and element as the server has them.
    const JobRecord &job = *w.card()->result()->job;
    QVERIFY(!job.processInstanceKey.isEmpty());
    const QString details = w.find<QLabel>("detailsLabel")->text();
    QVERIFY2(details.contains(job.processInstanceKey), qPrintable(details));
    QVERIFY2(details.contains(job.elementId.toHtmlEscaped()), qPrintable(details));
    QVERIFY2(details.contains(job.processDefinitionId.toHtmlEscaped()), qPrintable(details));
}

void TestJobCard::jobShownBeforeItsDetails()
{
    JobCard card;
    JobLookupResult earlier;
    earlier.state = LookupState::Found;
    earlier.key = *JobKey::parse(QStringLiteral("2251799813685001")).key;
    JobRecord before;
    before.jobKey = earlier.key.toString();
    before.state = QStringLiteral("CREATED");
    earlier.job = before;
    VariableRecord variable;
    variable.name = QStringLiteral("orderId");
    variable.value = QStringLiteral("\"A-1\"");
    earlier.variables = {variable};
    card.showResult(earlier);
    auto *table = card.findChild<QTableWidget *>(QStringLiteral("variablesTableWidget"));
    QCOMPARE(table->rowCount(), 1);

    // The next job is found; its incident and variables are still being read.
    JobLookupResult partial;
    partial.state = LookupState::Found;
    partial.key = *JobKey::parse(QStringLiteral("2251799813685249")).key;
    JobRecord job;
    job.jobKey = partial.key.toString();
    job.state = QStringLiteral("FAILED");
    job.type = QStringLiteral("payment");
    job.kind = QStringLiteral("BPMN_ELEMENT");
    job.processInstanceKey = QStringLiteral("2251799813685100");
    partial.job = job;
    card.showLookingUp(job.jobKey);
    card.showJobRead(partial);
    QVERIFY(card.isLookingUp());
    QCOMPARE(card.result()->key.toString(), job.jobKey);
    auto *headline = card.findChild<QLabel *>(QStringLiteral("headlineLabel"));
    QCOMPARE(headline->text(), QStringLiteral("FAILED · payment · BPMN_ELEMENT"));
    QVERIFY(card.findChild<QLabel *>(QStringLiteral("detailsLabel"))
                ->text()
                .contains(job.processInstanceKey));
    QVERIFY(!card.findChild<QWidget *>(QStringLiteral("busyProgressBar"))->isHidden());
    QVERIFY(!card.findChild<QWidget *>(QStringLiteral("incidentLabel"))->isHidden());
    QCOMPARE(table->rowCount(), 0); // the earlier job's variables are not this one's
    QVERIFY(!card.findChild<QPushButton *>(QStringLiteral("copyAllPushButton"))->isEnabled());
    QVERIFY(!card.findChild<QWidget *>(QStringLiteral("refreshToolButton"))->isEnabled());

    // Then the whole answer.
    JobLookupResult whole = partial;
    whole.variables = {variable};
    card.showResult(whole);
    QVERIFY(!card.isLookingUp());
    QCOMPARE(table->rowCount(), 1);
    QVERIFY(card.findChild<QWidget *>(QStringLiteral("busyProgressBar"))->isHidden());
    QVERIFY(card.findChild<QWidget *>(QStringLiteral("incidentLabel"))->isHidden()); // none
    QVERIFY(card.findChild<QPushButton *>(QStringLiteral("copyAllPushButton"))->isEnabled());
}

void TestJobCard::noKeyNoCard()
{
    Window w(m_demo.baseUrl());
    QVERIFY(!w.card()->isVisible());
    QTest::keyClicks(w.key(), QStringLiteral("12ab"));
    QTest::qWait(JobInspector::kDebounceMs * 2);
    QVERIFY(!w.card()->isVisible());
}

void TestJobCard::denyOnABpmnJobAsksFirst()
{
    const QString key = firstKey(m_demo, R"({"kind":"BPMN_ELEMENT","state":"CREATED"})");
    QVERIFY(!key.isEmpty());
    Window w(m_demo.baseUrl());
    // Deny ticked before the look-up answered (or from a template): the send asks first.
    QTest::keyClicks(w.key(), key);
    w.find<QCheckBox>("denyCheckBox")->setChecked(true);
    QVERIFY(QTest::qWaitFor([&w] { return w.card()->result().has_value(); }, 10000));
    QCOMPARE(w.card()->result()->state, LookupState::Found);
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    const int asked = Confirm::askedCount();
    Confirm::setNextAnswer(false);
    w.window->send();
    QCOMPARE(Confirm::askedCount(), asked + 1);
    QVERIFY(!w.window->isSending());
    QTest::qWait(100);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(w.history.count(), 0); // nothing went out

    // Sent anyway: the server completes it, and the window says so (not "with a denial").
    Confirm::setNextAnswer(true);
    w.window->send();
    QVERIFY(finished.wait(10000));
    const auto outcome = finished.constFirst().at(0).value<Outcome>();
    QCOMPARE(outcome.kind, OutcomeKind::Completed);
    QVERIFY2(!w.window->banner()->headline().contains(QStringLiteral("denial")),
        qPrintable(w.window->banner()->headline()));
}

void TestJobCard::keyChangeClearsTheResult()
{
    const QString listener
        = firstKey(m_demo, R"({"kind":"TASK_LISTENER","listenerEventType":"COMPLETING"})");
    const QString other = firstKey(m_demo, R"({"kind":"BPMN_ELEMENT","state":"CREATED"})");
    QVERIFY(!listener.isEmpty() && !other.isEmpty());
    Window w(m_demo.baseUrl());
    QVERIFY(w.lookUp(listener));
    w.find<QCheckBox>("denyCheckBox")->setChecked(true);
    QTest::keyClicks(w.find<QLineEdit>("deniedReasonLineEdit"), QStringLiteral("no"));
    QVERIFY(w.lookUp(other));
    QVERIFY(!w.find<QCheckBox>("denyCheckBox")->isChecked());
    QVERIFY(w.find<QLineEdit>("deniedReasonLineEdit")->text().isEmpty());
    QVERIFY(w.headline().contains(QStringLiteral("BPMN_ELEMENT")));
}

void TestJobCard::lostAnswerOfACompletedJobIsReportedCompleted()
{
    SandboxProcess slow;
    QVERIFY2(slow.start({QStringLiteral("--generate"), QStringLiteral("5"),
                 QStringLiteral("--latency-ms"), QStringLiteral("1500")}),
        qPrintable(slow.error()));
    Window w(slow.baseUrl());
    w.window->client()->setTimeout(std::chrono::milliseconds(500));
    QTest::keyClicks(w.key(), QStringLiteral("2251799813685249"));
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    QTRY_VERIFY(w.find<QPushButton>("sendPushButton")->isEnabled());
    w.window->send();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.constFirst().at(0).value<Outcome>().kind, OutcomeKind::SentNoAnswer);
    // The re-check waits longer than the attempt did, finds the job COMPLETED and says so.
    QTRY_VERIFY_WITH_TIMEOUT(
        w.window->banner()->headline().contains(QStringLiteral("confirmed by lookup")), 20000);
    QCOMPARE(w.window->banner()->kind(), MessageBanner::Kind::Positive);
    QVERIFY(!w.window->banner()->text().contains(QStringLiteral("VPN")));
    // The attempt's row keeps what the look-up found.
    const qint64 id = finished.constFirst().at(1).toLongLong();
    QVERIFY(id != 0);
    const std::optional<HistoryEntry> entry = w.history.entry(id);
    QVERIFY(entry);
    QCOMPARE(entry->kind, OutcomeKind::SentNoAnswer);
    QCOMPARE(entry->check, LookupCheck::Applied);
    QVERIFY(entry->checkedAt.isValid());
}

void TestJobCard::roundedKeySuggestsItsNeighbours()
{
    // --generate 1000 ends at …6248; …6250 is what a spreadsheet shows for …6245 to …6249.
    Window w(m_generated.baseUrl());
    QVERIFY(w.lookUp(QStringLiteral("2251799813686250")));
    QCOMPARE(w.card()->result()->state, LookupState::NotFound);
    auto *suggestions = w.find<QLabel>("suggestionsLabel");
    QVERIFY(suggestions->isVisible());
    QVERIFY2(suggestions->text().contains(QStringLiteral("2251799813686248")),
        qPrintable(suggestions->text()));
    QVERIFY(suggestions->text().contains(QStringLiteral("Did you mean")));
    // Choosing one puts it into the form and looks it up.
    QMetaObject::invokeMethod(
        suggestions, "linkActivated", Q_ARG(QString, QStringLiteral("2251799813686248")));
    QCOMPARE(w.key()->text(), QStringLiteral("2251799813686248"));
    QVERIFY(QTest::qWaitFor(
        [&w] {
            return w.card()->result()
                && w.card()->result()->key.toString() == QStringLiteral("2251799813686248");
        },
        10000));
    QCOMPARE(w.card()->result()->state, LookupState::Found);
}

void TestJobCard::variablesCopyIntoTheEditor()
{
    Window w(m_generated.baseUrl());
    QVERIFY(w.lookUp(QStringLiteral("2251799813685250")));
    // The sandbox runs as 8.8 here, which has variable search.
    QVERIFY2(w.card()->result()->variablesError.isEmpty(),
        qPrintable(w.card()->result()->variablesError));
    QVERIFY(!w.card()->result()->variables.isEmpty());
    const QString json = w.card()->variablesJson(false);
    QVERIFY(json.startsWith(u'{'));
    QMetaObject::invokeMethod(w.find<QPushButton>("copyAllPushButton"), "click");
    QCOMPARE(w.window->form()->variablesEditor()->toPlainText(), json);
}

void TestJobCard::withoutSearchCompletionWorksAsBefore()
{
    SandboxProcess old;
    QVERIFY2(old.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.7")}),
        qPrintable(old.error()));
    Window w(old.baseUrl());
    QVERIFY(w.lookUp(QStringLiteral("2251799823685402")));
    QCOMPARE(w.card()->result()->state, LookupState::SearchUnavailable);
    QVERIFY(w.find<QCheckBox>("denyCheckBox")->isEnabled()); // unknown job: as before
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    const int asked = Confirm::askedCount();
    w.window->send();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.constFirst().at(0).value<Outcome>().kind, OutcomeKind::Completed);
    QCOMPARE(Confirm::askedCount(), asked); // nothing to check the form against: no question
}

void TestJobCard::javascriptRoundedKeyFindsItsJob()
{
    // The demo holds 9007199254745551; Number() makes 9007199254745552 of it.
    Window w(m_demo.baseUrl());
    QVERIFY(w.lookUp(QStringLiteral("9007199254745552")));
    QCOMPARE(w.card()->result()->state, LookupState::NotFound);
    QVERIFY2(
        w.find<QLabel>("suggestionsLabel")->text().contains(QStringLiteral("9007199254745551")),
        qPrintable(w.find<QLabel>("suggestionsLabel")->text()));
}

QTEST_MAIN(TestJobCard)
#include "tst_JobCard.moc"
