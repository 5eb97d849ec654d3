// SPDX-License-Identifier: GPL-3.0-or-later
// Ad-hoc sub-process results, the version check before sending and the 8.10 lease token in the
// window, against the sandbox of each gateway version (issue 15); the draft and templates keep
// an ad-hoc result exactly.
#include "core/connection/ConnectionFactory.h"
#include "core/history/HistoryStore.h"
#include "core/http/ClientConnection.h"
#include "core/http/JobsClient.h"
#include "core/templates/DraftStore.h"
#include "gui/AdHocPanel.h"
#include "gui/ConnectionBar.h"
#include "gui/JobCard.h"
#include "gui/JobForm.h"
#include "gui/JobInspector.h"
#include "gui/MainWindow.h"
#include "gui/MessageBanner.h"
#include "gui/TemplateForm.h"
#include "support/SandboxProcess.h"
#include "support/WindowFixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace JobDesk;

namespace {

// resources/sandbox/demo-jobs.json
const QString kPlainJob = QStringLiteral("2251799823685402");
const QString kCompletingListener = QStringLiteral("6755399441146877");
const QString kAdHocJob = QStringLiteral("2251799823685613");
const QString kLeasedJob = QStringLiteral("4503599627423131");
const QString kLeaseToken = QStringLiteral("demo-lease-4503599627423131");

struct Window : Test::WindowFixture
{
    using WindowFixture::WindowFixture;
    JobForm *form() const { return window->form(); }
    QComboBox *resultType() const { return find<QComboBox>("resultTypeComboBox"); }
    AdHocPanel *adHoc() const { return find<AdHocPanel>("adHocPanel"); }
    QTableWidget *elements() const { return find<QTableWidget>("elementsTable"); }
    /// "Test connection" and its answer: the window learns the gateway version.
    bool readVersion()
    {
        QSignalSpy topology(window.get(), &MainWindow::topologyFinished);
        window->testConnection();
        return topology.wait(10000) && window->serverVersion().isKnown();
    }
    bool lookUp(const QString &jobKey)
    {
        typeKey(jobKey);
        JobCard *card = window->jobCard();
        return QTest::qWaitFor(
            [card, jobKey] {
                return !card->isLookingUp() && card->result()
                    && card->result()->key.toString() == jobKey;
            },
            10000);
    }
    /// Sends and waits for the outcome; nullopt when nothing was sent.
    std::optional<Outcome> send()
    {
        QSignalSpy finished(window.get(), &MainWindow::requestFinished);
        window->send();
        if (!window->isSending())
            return std::nullopt;
        if (!finished.wait(15000))
            return std::nullopt;
        return finished.first().first().value<Outcome>();
    }
    QString banner() const
    {
        const MessageBanner *b = window->banner();
        return b->headline() + u'\n' + b->text();
    }
    void setCell(int row, int column, const QString &text)
    {
        QTableWidgetItem *item = elements()->item(row, column);
        QVERIFY(item);
        item->setText(text);
    }
};

} // namespace

class TestAdHocResult final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();

    void adHocJobGetsTheAdHocPanel();
    void panelChecksAsTheEngine();
    void resultRefusedBeforeSendingOn87();
    void leaseAndBusinessIdOn810();
    void leaseRefusalShowsTheLeaseField();
    void versionShownInTheConnectionBar();
    void draftAndTemplatesKeepTheAdHocResult();
};

void TestAdHocResult::init()
{
    // Every test starts with no draft and no history of the previous one.
    Test::WindowFixture::removeStoredFiles();
}

void TestAdHocResult::adHocJobGetsTheAdHocPanel()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.8")}),
        qPrintable(sandbox.error()));
    Window w(sandbox.baseUrl());
    QVERIFY(w.readVersion());
    // Unknown job: the person chooses; the task listener's fields are the default.
    QCOMPARE(w.resultType()->currentIndex(), 1);
    QVERIFY(!w.adHoc()->isVisible());
    QVERIFY(w.lookUp(kAdHocJob));
    // The job card knows it: an ad-hoc sub-process job gets the ad-hoc panel by itself.
    QTRY_COMPARE(w.resultType()->currentIndex(), 2);
    QVERIFY(w.adHoc()->isVisible());
    QVERIFY(!w.find<QCheckBox>("denyCheckBox")->isVisible());
    // Once per job: the same job read again (refresh) leaves the person's own choice alone.
    w.resultType()->setCurrentIndex(0);
    w.form()->setJob(w.window->inspector()->currentJob());
    QCOMPARE(w.resultType()->currentIndex(), 0);
    w.resultType()->setCurrentIndex(2);

    w.adHoc()->addElement(QStringLiteral("lookup-order"));
    w.adHoc()->addElement(QStringLiteral("issue-refund"), QStringLiteral("{\"amount\": 12.50}"));
    w.find<QCheckBox>("cancelRemainingCheckBox")->setChecked(true);
    QString why;
    const std::optional<CompletionRequest> request = w.form()->request(&why);
    QVERIFY2(request, qPrintable(why));
    QCOMPARE(request->body(),
        QByteArray("{\"result\":{\"type\":\"adHocSubProcess\",\"activateElements\":["
                   "{\"elementId\":\"lookup-order\"},{\"elementId\":\"issue-refund\","
                   "\"variables\":{\"amount\": 12.50}}],\"isCancelRemainingInstances\":true}}"));
    const std::optional<Outcome> outcome = w.send();
    QVERIFY(outcome);
    QVERIFY2(outcome->ok(), outcome->rawBody.constData());

    // A task listener goes back to its verdict; a plain job to no result.
    QVERIFY(w.lookUp(kCompletingListener));
    QTRY_COMPARE(w.resultType()->currentIndex(), 1);
    QVERIFY(w.lookUp(kPlainJob));
    QTRY_COMPARE(w.resultType()->currentIndex(), 0);
}

void TestAdHocResult::panelChecksAsTheEngine()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.9")}),
        qPrintable(sandbox.error()));
    Window w(sandbox.baseUrl());
    QVERIFY(w.lookUp(kAdHocJob));
    QTRY_COMPARE(w.resultType()->currentIndex(), 2);
    auto *send = w.find<QPushButton>("sendPushButton");
    QVERIFY(send->isEnabled());
    auto *message = w.find<QLabel>("resultMessageLabel");

    // Variables that are no JSON object: marked at the cell, Send disabled.
    w.adHoc()->addElement(QStringLiteral("lookup-order"), QStringLiteral("[1, 2]"));
    QVERIFY(!send->isEnabled());
    QVERIFY2(message->text().contains(QLatin1String("lookup-order")), qPrintable(message->text()));
    QVERIFY(!w.elements()->item(0, 1)->toolTip().isEmpty());
    w.setCell(0, 1, QStringLiteral("{\"n\": 12345678901234567890}"));
    QVERIFY(send->isEnabled());
    QVERIFY(w.elements()->item(0, 1)->toolTip().isEmpty());

    // Elements and a fulfilled condition: the engine refuses the two together.
    auto *fulfilled = w.find<QCheckBox>("conditionFulfilledCheckBox");
    fulfilled->setChecked(true);
    QVERIFY(!send->isEnabled());
    QVERIFY2(message->text().contains(QLatin1String("completion condition is fulfilled")),
        qPrintable(message->text()));
    fulfilled->setChecked(false);

    // Variables without an element id.
    w.setCell(0, 0, QString());
    QVERIFY(!send->isEnabled());
    QVERIFY2(message->text().contains(QLatin1String("no element id")), qPrintable(message->text()));
    w.setCell(0, 0, QStringLiteral("no-such-element"));
    QVERIFY(send->isEnabled());

    // An element the sub-process does not have: the engine's 404, not "no such job".
    const std::optional<Outcome> outcome = w.send();
    QVERIFY(outcome);
    QCOMPARE(outcome->httpStatus, std::optional<int>(404));
    QVERIFY2(w.banner().contains(QLatin1String("has no element no-such-element")),
        qPrintable(w.banner()));
    QVERIFY(!w.banner().contains(QLatin1String("No such job")));
}

void TestAdHocResult::resultRefusedBeforeSendingOn87()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.7")}),
        qPrintable(sandbox.error()));
    Window w(sandbox.baseUrl());
    QVERIFY(w.readVersion());
    QCOMPARE(w.window->serverVersion().minorVersion(), 7);
    w.typeKey(kCompletingListener);
    w.find<QCheckBox>("denyCheckBox")->setChecked(true);
    QVERIFY(!w.send());
    QVERIFY2(w.banner().contains(QLatin1String("`result` needs Camunda 8.8 or later")),
        qPrintable(w.banner()));
    QVERIFY(w.banner().contains(QLatin1String("Nothing was sent")));
    // Nothing reached the job: a plain completion still works on 8.7.
    w.find<QCheckBox>("denyCheckBox")->setChecked(false);
    const std::optional<Outcome> plain = w.send();
    QVERIFY(plain);
    QVERIFY2(plain->ok(), plain->rawBody.constData());
}

void TestAdHocResult::leaseAndBusinessIdOn810()
{
    for (const char *version : {"8.9", "8.10"}) {
        SandboxProcess sandbox;
        QVERIFY2(sandbox.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                     QString::fromLatin1(version)}),
            qPrintable(sandbox.error()));
        Window w(sandbox.baseUrl());
        QVERIFY(!w.form()->isLeaseTokenShown()); // the version is not known yet
        QVERIFY(w.readVersion());
        const bool v810 = QByteArray(version) == "8.10";
        QCOMPARE(w.form()->isLeaseTokenShown(), v810);
        QCOMPARE(w.form()->isBusinessIdShown(), v810);
        if (!v810)
            continue;
        w.typeKey(kLeasedJob);
        w.find<QLineEdit>("leaseTokenLineEdit")->setText(kLeaseToken);
        w.find<QLineEdit>("businessIdLineEdit")->setText(QStringLiteral("order-4711"));
        w.find<QCheckBox>("denyCheckBox")->setChecked(false);
        const std::optional<Outcome> outcome = w.send();
        QVERIFY(outcome);
        QVERIFY2(outcome->ok(), outcome->rawBody.constData());
        const QByteArray token = "\"leaseToken\":\"" + kLeaseToken.toUtf8() + '"';
        QVERIFY(outcome->request.body.contains(token));
        QVERIFY(outcome->request.body.contains("\"businessId\":\"order-4711\""));
    }
    // Below 8.10 a business id (from a draft) is refused before sending.
    SandboxProcess old;
    QVERIFY2(old.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.9")}),
        qPrintable(old.error()));
    Window w(old.baseUrl());
    QVERIFY(w.readVersion());
    Draft draft;
    draft.jobKey = kPlainJob;
    draft.businessId = QStringLiteral("order-4711");
    w.form()->setDraft(draft);
    QVERIFY(w.form()->isBusinessIdShown()); // it holds text
    QVERIFY(!w.send());
    QVERIFY2(w.banner().contains(QLatin1String("`businessId` needs Camunda 8.10 or later")),
        qPrintable(w.banner()));
}

void TestAdHocResult::leaseRefusalShowsTheLeaseField()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.10")}),
        qPrintable(sandbox.error()));
    Window w(sandbox.baseUrl()); // the version is never read: the field stays hidden
    w.typeKey(kLeasedJob);
    QVERIFY(!w.form()->isLeaseTokenShown());
    const std::optional<Outcome> refused = w.send();
    QVERIFY(refused);
    QCOMPARE(refused->httpStatus, std::optional<int>(409));
    QVERIFY2(w.banner().contains(QLatin1String("leased by a worker")), qPrintable(w.banner()));
    QVERIFY(w.form()->isLeaseTokenShown());
    w.find<QLineEdit>("leaseTokenLineEdit")->setText(kLeaseToken);
    const std::optional<Outcome> done = w.send();
    QVERIFY(done);
    QVERIFY2(done->ok(), done->rawBody.constData());
    // Another job: the token belonged to this one.
    w.typeKey(kPlainJob);
    QVERIFY(w.find<QLineEdit>("leaseTokenLineEdit")->text().isEmpty());
    QVERIFY(!w.form()->isLeaseTokenShown());
}

void TestAdHocResult::versionShownInTheConnectionBar()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--gateway-version"), QStringLiteral("8.10")}),
        qPrintable(sandbox.error()));
    Window w(sandbox.baseUrl());
    QVERIFY(w.readVersion());
    QCOMPARE(w.window->connectionBar()->gatewayVersionText(), QStringLiteral("gateway 8.10.0"));
    // Another connection: the version belonged to the previous one.
    Connection other;
    other.apiRoot = QUrl(QStringLiteral("http://127.0.0.1:1/v2/"));
    QVERIFY(w.window->setConnection(other, ConnectionFactory::build(other, {}, &w.nam)));
    QVERIFY(!w.window->serverVersion().isKnown());
    QVERIFY(w.window->connectionBar()->gatewayVersionText().isEmpty());
    QVERIFY(!w.form()->isLeaseTokenShown());
}

void TestAdHocResult::draftAndTemplatesKeepTheAdHocResult()
{
    JobForm form;
    AdHocPanel *panel = form.findChild<AdHocPanel *>(QStringLiteral("adHocPanel"));
    QVERIFY(panel);
    form.findChild<QComboBox *>(QStringLiteral("resultTypeComboBox"))->setCurrentIndex(2);
    form.findChild<QLineEdit *>(QStringLiteral("jobKeyLineEdit"))->setText(kAdHocJob);
    panel->addElement(QStringLiteral("issue-refund"),
        QStringLiteral("{\"amount\": 12.50, \"n\": 98765432109876543210}"));
    panel->addElement(QStringLiteral("lookup-order"));
    form.findChild<QCheckBox *>(QStringLiteral("cancelRemainingCheckBox"))->setChecked(true);
    const std::optional<CompletionRequest> sent = form.request();
    QVERIFY(sent);

    // The draft, through its file format, restores the same request.
    const std::optional<Draft> restored = DraftStore::fromJson(DraftStore::toJson(form.draft()));
    QVERIFY(restored);
    QCOMPARE(*restored, form.draft());
    JobForm again;
    again.setDraft(*restored);
    const std::optional<CompletionRequest> fromDraft = again.request();
    QVERIFY(fromDraft);
    QCOMPARE(fromDraft->body(), sent->body());

    // A template saved from the form keeps the result, and applying it gives it back.
    const Template t = TemplateForm::fromDraft(form.draft());
    QVERIFY(std::holds_alternative<AdHocSubProcessResult>(t.result()));
    QCOMPARE(CompletionRequest::resultJson(t.result()),
        QByteArray("{\"type\":\"adHocSubProcess\",\"activateElements\":[{\"elementId\":"
                   "\"issue-refund\",\"variables\":{\"amount\": 12.50, \"n\": "
                   "98765432109876543210}},{\"elementId\":\"lookup-order\"}],"
                   "\"isCancelRemainingInstances\":true}"));
    Draft blank;
    blank.jobKey = kAdHocJob;
    JobForm applied;
    applied.setDraft(TemplateForm::applied(blank, t));
    const std::optional<CompletionRequest> fromTemplate = applied.request();
    QVERIFY(fromTemplate);
    QCOMPARE(fromTemplate->body(), sent->body());

    // Loading a sent ad-hoc request back into the form (history) keeps it too.
    JobForm loaded;
    QVERIFY(loaded.loadRequest(kAdHocJob, sent->body()));
    const std::optional<CompletionRequest> reloaded = loaded.request();
    QVERIFY(reloaded);
    QCOMPARE(reloaded->body(), sent->body());
}

QTEST_MAIN(TestAdHocResult)
#include "tst_AdHocResult.moc"
