// SPDX-License-Identifier: GPL-3.0-or-later
// The Job menu and the guided repair in the whole window, against the real sandbox: a FAILED
// demo job refused on completion, the banner's Repair…, the panel walking retries → resolve →
// complete with four linked history rows; a refusal on the way explained; a single action
// through its form; production asking once for the whole plan.
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/templates/DraftStore.h"
#include "gui/Confirm.h"
#include "gui/HistoryModel.h"
#include "gui/JobActionDialog.h"
#include "gui/JobActionsController.h"
#include "gui/JobForm.h"
#include "gui/LogPanel.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/RepairPanel.h"
#include "gui/WindowSettings.h"
#include "support/SandboxProcess.h"
#include "support/WindowFixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace JobDesk;

class TestRepairPanel final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup() { init(); }

    void jobMenuHasEveryActionWithItsShortcut();
    void repairsAFailedJobFromTheBanner();
    void refusalOnTheWayIsExplained();
    void singleActionThroughItsForm();
    void productionConfirmsTheWholePlanOnce();

private:
    using Window = Test::WindowFixture;

    QStringList jobKeys(const QString &filterJson);
    QByteArray post(const QString &path, const QByteArray &body);
    /// Waits until the panel has looked the job up and can run.
    static bool waitForPlan(RepairPanel *panel);

    SandboxProcess m_sandbox;
};

void TestRepairPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_sandbox.start({QStringLiteral("--demo")}), qPrintable(m_sandbox.error()));
}

void TestRepairPanel::init()
{
    Test::WindowFixture::removeStoredFiles();
}

QByteArray TestRepairPanel::post(const QString &path, const QByteArray &body)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(m_sandbox.baseUrl().resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.post(request, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(10000);
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}

QStringList TestRepairPanel::jobKeys(const QString &filterJson)
{
    return m_sandbox.searchJobKeys(filterJson.toUtf8()).value_or(QStringList());
}

bool TestRepairPanel::waitForPlan(RepairPanel *panel)
{
    auto *run = panel->findChild<QPushButton *>(QStringLiteral("runPushButton"));
    return QTest::qWaitFor([&] { return !panel->isBusy() && run->isEnabled(); }, 10000);
}

void TestRepairPanel::jobMenuHasEveryActionWithItsShortcut()
{
    Window w(m_sandbox.baseUrl());
    QMenu *menu = w.window->jobActions()->menu();
    QVERIFY(w.window->menuBar()->actions().contains(menu->menuAction()));
    const QList<QPair<const char *, QKeySequence>> expected {
        {"updateJobAction", QKeySequence(QStringLiteral("Ctrl+Shift+U"))},
        {"failJobAction", QKeySequence(QStringLiteral("Ctrl+Shift+X"))},
        {"throwErrorAction", QKeySequence(QStringLiteral("Ctrl+Shift+E"))},
        {"resolveIncidentAction", QKeySequence(QStringLiteral("Ctrl+Shift+I"))},
        {"resolveInstanceIncidentsAction", QKeySequence(QStringLiteral("Ctrl+Alt+I"))},
        {"setVariablesAction", QKeySequence(QStringLiteral("Ctrl+Shift+V"))},
        {"repairJobAction", QKeySequence(QStringLiteral("Ctrl+Shift+R"))},
    };
    for (const auto &[name, shortcut] : expected) {
        auto *action = w.find<QAction>(name);
        QVERIFY2(action, name);
        QCOMPARE(action->shortcut(), shortcut);
        QVERIFY(menu->actions().contains(action));
        // Nothing to act on without a key.
        QVERIFY(!action->isEnabled());
    }
    // Every shortcut of the window is unique.
    QSet<QString> seen;
    for (QAction *action : w.window->findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            if (action->shortcutContext() == Qt::WidgetShortcut)
                continue;
            QVERIFY2(!seen.contains(key.toString()), qPrintable(key.toString()));
            seen.insert(key.toString());
        }
    }
    w.typeKey(QStringLiteral("2251799813685249"));
    QTRY_VERIFY(w.find<QAction>("failJobAction")->isEnabled());
}

void TestRepairPanel::repairsAFailedJobFromTheBanner()
{
    const QStringList keys
        = jobKeys(QStringLiteral(R"({"state": "FAILED", "retries": 0, "kind": "BPMN_ELEMENT"})"));
    QVERIFY(!keys.isEmpty());
    const QString key = keys.constFirst();
    Window w(m_sandbox.baseUrl());
    QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
    w.typeKey(key);

    // Completing it is refused: 409, the job FAILED. The banner explains and offers the repair.
    QSignalSpy finished(w.window.get(), &MainWindow::requestFinished);
    w.window->send();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.constFirst().at(0).value<Outcome>().httpStatus, 409);
    auto *bannerButton = w.find<QPushButton>("messageBannerActionPushButton");
    QTRY_VERIFY(bannerButton->isVisible());
    QCOMPARE(bannerButton->text(), QStringLiteral("&Repair…"));
    QTest::mouseClick(bannerButton, Qt::LeftButton);

    RepairPanel *panel = w.window->jobActions()->repairPanel();
    QVERIFY(panel);
    QTRY_VERIFY(panel->isVisible());
    QVERIFY(waitForPlan(panel));
    // Job, incident and variables are shown.
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("jobLabel"))
                ->text()
                .contains(QStringLiteral("FAILED")));
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("incidentLabel"))
                ->text()
                .contains(QStringLiteral("JOB_NO_RETRIES")));
    auto *steps = panel->findChild<QTreeWidget *>(QStringLiteral("stepsTreeWidget"));
    QCOMPARE(steps->topLevelItemCount(), 2); // retries, resolve
    panel->findChild<QRadioButton *>(QStringLiteral("completeRadioButton"))->click();
    QCOMPARE(steps->topLevelItemCount(), 3);

    QSignalSpy repaired(panel, &RepairPanel::repairFinished);
    QTest::mouseClick(
        panel->findChild<QPushButton *>(QStringLiteral("runPushButton")), Qt::LeftButton);
    QVERIFY(repaired.wait(15000));
    QCOMPARE(repaired.constFirst().at(0).value<RepairResult>(), RepairResult::Repaired);
    for (int i = 0; i < 3; ++i)
        QVERIFY2(steps->topLevelItem(i)->text(1).contains(QStringLiteral("HTTP 204")),
            qPrintable(steps->topLevelItem(i)->text(1)));
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("resultLabel"))
                ->text()
                .contains(QStringLiteral("Repaired")));
    // The banner's refusal is answered; the job, looked up again, has nothing left to repair.
    QTRY_COMPARE(w.window->banner()->kind(), MessageBanner::Kind::Positive);
    QVERIFY(w.window->banner()->headline().contains(QStringLiteral("repaired")));
    QTRY_VERIFY(panel->findChild<QLabel *>(QStringLiteral("jobLabel"))
                    ->text()
                    .contains(QStringLiteral("COMPLETED")));
    QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("runPushButton"))->isEnabled());

    // Four linked rows: the look-up, the retries, the resolution, the completion.
    HistoryFilter linked;
    linked.linkId = panel->lastLinkId();
    const auto rows = w.history.query(linked, 0, 10);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 4);
    const QList<ActionKind> actions {
        ActionKind::Complete, ActionKind::ResolveIncident, ActionKind::Update, ActionKind::Lookup};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(rows->at(i).action, actions.at(i));
        QCOMPARE(rows->at(i).source, HistorySource::Window);
    }
    // In the log, marked as one repair; the action filter finds the update.
    HistoryModel *model = w.window->logPanel()->model();
    QTRY_COMPARE(model->rowCount(), 5);
    QVERIFY(model->index(0, HistoryModel::TitleColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("repair · ")));
    QCOMPARE(model->index(0, 0).data(HistoryModel::LinkIdRole).toString(), linked.linkId);
    auto *actionFilter = w.find<QComboBox>("actionFilterComboBox");
    actionFilter->setCurrentIndex(actionFilter->findData(QStringLiteral("update")));
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(
        model->index(0, 0).data(HistoryModel::ActionRole).toString(), QStringLiteral("update"));
}

void TestRepairPanel::refusalOnTheWayIsExplained()
{
    const QStringList keys
        = jobKeys(QStringLiteral(R"({"state": "CREATED", "type": "send-invoice-email"})"));
    QVERIFY(!keys.isEmpty());
    const QString key = keys.constLast();
    // Failed with retries left and a long back-off: FAILED, no incident, not completable yet.
    post(QStringLiteral("/v2/jobs/%1/failure").arg(key),
        R"({"retries": 2, "retryBackOff": 600000, "errorMessage": "SMTP down"})");
    Window w(m_sandbox.baseUrl());
    w.typeKey(key);
    QTRY_VERIFY(w.find<QAction>("repairJobAction")->isEnabled());
    w.find<QAction>("repairJobAction")->trigger();
    RepairPanel *panel = w.window->jobActions()->repairPanel();
    QVERIFY(panel);
    QVERIFY(waitForPlan(panel));
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("incidentLabel"))
                ->text()
                .contains(QStringLiteral("No open incident")));
    panel->findChild<QRadioButton *>(QStringLiteral("completeRadioButton"))->click();
    QSignalSpy done(panel, &RepairPanel::repairFinished);
    panel->run();
    QVERIFY(done.wait(15000));
    QCOMPARE(done.constFirst().at(0).value<RepairResult>(), RepairResult::Refused);
    auto *steps = panel->findChild<QTreeWidget *>(QStringLiteral("stepsTreeWidget"));
    QCOMPARE(steps->topLevelItemCount(), 2); // retries, complete
    QTreeWidgetItem *refused = steps->topLevelItem(1);
    QVERIFY(refused->text(1).contains(QStringLiteral("409")));
    QCOMPARE(refused->childCount(), 2);
    QVERIFY2(refused->child(0)->text(0).contains(QStringLiteral("in state 'FAILED'")),
        qPrintable(refused->child(0)->text(0)));
    QVERIFY2(refused->child(1)->text(0).contains(QStringLiteral("still in retry back-off")),
        qPrintable(refused->child(1)->text(0)));
    // In full below the steps, too: the server's words, what they mean, what to do.
    const QString result = panel->findChild<QLabel *>(QStringLiteral("resultLabel"))->text();
    QVERIFY2(result.contains(QStringLiteral("Stopped at step 2")), qPrintable(result));
    QVERIFY2(
        result.contains(QStringLiteral("Server: Command 'COMPLETE' rejected")), qPrintable(result));
    QVERIFY2(result.contains(QStringLiteral("still in retry back-off")), qPrintable(result));
}

void TestRepairPanel::singleActionThroughItsForm()
{
    const QStringList keys
        = jobKeys(QStringLiteral(R"({"state": "CREATED", "type": "reserve-stock"})"));
    QVERIFY(!keys.isEmpty());
    const QString key = keys.constLast();
    Window w(m_sandbox.baseUrl());
    w.typeKey(key);
    QTRY_VERIFY(w.find<QAction>("updateJobAction")->isEnabled());
    w.find<QAction>("updateJobAction")->trigger();
    JobActionDialog *dialog = w.window->jobActions()->dialog();
    QVERIFY(dialog);
    auto *send = dialog->findChild<QPushButton *>(QStringLiteral("sendActionPushButton"));
    auto *retries = dialog->findChild<QLineEdit *>(QStringLiteral("updateRetriesLineEdit"));
    auto *why = dialog->findChild<QLabel *>(QStringLiteral("validationLabel"));
    // Validation at the field: nothing to send yet, then a value the engine refuses.
    QVERIFY(!send->isEnabled());
    QTest::keyClicks(retries, QStringLiteral("0"));
    QVERIFY(!send->isEnabled());
    QVERIFY2(why->text().contains(QStringLiteral("retries")), qPrintable(why->text()));
    retries->clear();
    QTest::keyClicks(retries, QStringLiteral("5"));
    QVERIFY(send->isEnabled());
    QCOMPARE(dialog->request()->body, QByteArray(R"({"changeset":{"retries":5}})"));
    QTest::mouseClick(send, Qt::LeftButton);
    QTRY_VERIFY(w.window->banner()->isVisible());
    QTRY_COMPARE(w.window->banner()->kind(), MessageBanner::Kind::Positive);
    QVERIFY(w.window->banner()->headline().contains(key));
    HistoryFilter updates;
    updates.actions = {ActionKind::Update};
    QTRY_COMPARE(w.history.count(updates).value_or(-1), 1);
}

void TestRepairPanel::productionConfirmsTheWholePlanOnce()
{
    const QStringList keys
        = jobKeys(QStringLiteral(R"({"state": "FAILED", "retries": 0, "kind": "BPMN_ELEMENT"})"));
    QVERIFY(!keys.isEmpty());
    Window w(m_sandbox.baseUrl(), true);
    w.typeKey(keys.constLast());
    QTRY_VERIFY(w.find<QAction>("repairJobAction")->isEnabled());
    w.window->jobActions()->openRepair();
    RepairPanel *panel = w.window->jobActions()->repairPanel();
    QVERIFY(waitForPlan(panel));
    const int asked = Confirm::askedCount();
    Confirm::setNextAnswer(false);
    panel->run();
    QCOMPARE(Confirm::askedCount(), asked + 1);
    QVERIFY(!panel->isBusy());
    QVERIFY(panel->findChild<QLabel *>(QStringLiteral("resultLabel"))
                ->text()
                .contains(QStringLiteral("Not sent")));
    HistoryFilter changes;
    changes.actions = {ActionKind::Update, ActionKind::ResolveIncident, ActionKind::Lookup};
    QCOMPARE(w.history.count(changes).value_or(-1), 0);
    // Yes: one question for every step, then they run.
    Confirm::setNextAnswer(true);
    QSignalSpy done(panel, &RepairPanel::repairFinished);
    panel->run();
    QVERIFY(done.wait(15000));
    QCOMPARE(Confirm::askedCount(), asked + 2);
    QCOMPARE(done.constFirst().at(0).value<RepairResult>(), RepairResult::Repaired);
    HistoryFilter linked;
    linked.linkId = panel->lastLinkId();
    const auto rows = w.history.query(linked, 0, 10);
    QCOMPARE(rows->size(), 3); // look-up, retries, resolve
    for (const HistoryEntry &row : *rows)
        QVERIFY(row.production);
    HistoryModel *model = w.window->logPanel()->model();
    QTRY_VERIFY(model->rowCount() >= 3);
    QTRY_COMPARE(model->index(0, HistoryModel::ConnectionColumn).data().toString().left(4),
        QStringLiteral("PROD"));
}

QTEST_MAIN(TestRepairPanel)
#include "tst_RepairPanel.moc"
