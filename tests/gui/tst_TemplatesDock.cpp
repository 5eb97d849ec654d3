// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/templates/DraftStore.h"
#include "core/templates/TemplateStore.h"
#include "gui/JobForm.h"
#include "gui/JsonEditor.h"
#include "gui/MainWindow.h"
#include "gui/TemplateForm.h"
#include "gui/TemplatesDock.h"
#include "gui/TemplatesPanel.h"
#include "gui/WindowSettings.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

namespace {
/// Nothing listens there; an answer (refused) only ever comes from the event loop.
Connection offline()
{
    Connection connection;
    connection.apiRoot = QUrl(QStringLiteral("http://127.0.0.1:9/v2/"));
    return connection;
}
} // namespace

class TestTemplatesDock final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void draftRoundTrip();
    void applyingKeepsTheKeyAndReplacesTheRest();
    void actionsOnlyWithAStore();
    void noTemplateAppliedWhileSending();
    void ctrlTFindsATemplate();
    void dockClosedAtFirstStartWithoutTemplates();
};

void TestTemplatesDock::draftRoundTrip()
{
    Draft draft;
    draft.jobKey = QStringLiteral("2251799813685249");
    draft.variables = QStringLiteral("{\"n\": 123456789012345678901234567890}");
    draft.denied = true;
    draft.deniedReason = QStringLiteral("missing document");
    draft.candidateGroups = {true, QStringLiteral("finance, ops ,")};
    draft.priority = {true, QStringLiteral("70")};
    const Template t = TemplateForm::fromDraft(draft);
    QCOMPARE(t.variables, draft.variables);
    QVERIFY(t.denied);
    QCOMPARE(t.deniedReason, draft.deniedReason);
    QCOMPARE(*t.corrections.candidateGroups,
        (QStringList {QStringLiteral("finance"), QStringLiteral("ops")}));
    QCOMPARE(*t.corrections.priority, 70);
    QVERIFY(!t.corrections.assignee.has_value());

    Draft other;
    other.jobKey = QStringLiteral("4503599627370497");
    other.assignee = {true, QStringLiteral("someone")};
    const Draft applied = TemplateForm::applied(other, t);
    QCOMPARE(applied.jobKey, other.jobKey);
    QCOMPARE(applied.variables, draft.variables);
    QCOMPARE(applied.deniedReason, draft.deniedReason);
    QVERIFY(!applied.assignee.set); // the template does not correct the assignee
    QCOMPARE(applied.candidateGroups.text, QStringLiteral("finance, ops"));
    QCOMPARE(applied.priority.text, QStringLiteral("70"));
}

void TestTemplatesDock::applyingKeepsTheKeyAndReplacesTheRest()
{
    QTemporaryDir dir;
    TemplateStore store(dir.filePath(QStringLiteral("templates")));
    Template t;
    t.name = QStringLiteral("Approve");
    t.variables = QStringLiteral("{\"approved\": true, \"amount\": 1.10}");
    QVERIFY(store.add(t));

    QNetworkAccessManager nam;
    const Connection connection = offline();
    MainWindow window(connection, &nam, nullptr, nullptr);
    window.setTemplateStore(&store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("templatesDock")));

    Draft draft = window.form()->draft();
    draft.jobKey = QStringLiteral("2251799813685249");
    draft.variables = QStringLiteral("{\"old\": 1}");
    window.form()->setDraft(draft);

    TemplatesPanel *panel = window.templatesPanel();
    QVERIFY(panel);
    QVERIFY(panel->selectTemplate(QStringLiteral("Approve")));
    emit panel->applyRequested(*panel->selectedTemplate());
    const Draft after = window.form()->draft();
    QCOMPARE(after.jobKey, QStringLiteral("2251799813685249"));
    QCOMPARE(after.variables, t.variables);
    QVERIFY(!after.denied);
    QVERIFY(window.form()->canSend());
}

void TestTemplatesDock::actionsOnlyWithAStore()
{
    QNetworkAccessManager nam;
    const Connection connection = offline();
    MainWindow window(connection, &nam, nullptr, nullptr);
    // No store, no templates: no menu, no Ctrl+S.
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("saveTemplateAction")));
    QVERIFY(!window.templatesMenu()->menuAction()->isVisible());
    QVERIFY(!window.templatesDock());
    QTemporaryDir dir;
    TemplateStore store(dir.filePath(QStringLiteral("templates")));
    window.setTemplateStore(&store);
    auto *save = window.findChild<QAction *>(QStringLiteral("saveTemplateAction"));
    QVERIFY(save);
    QCOMPARE(save->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_S));
    QVERIFY(save->isEnabled());
    QVERIFY(window.templatesMenu()->actions().contains(save));
    QVERIFY(window.templatesMenu()->menuAction()->isVisible());
    QCOMPARE(window.templatesDock()->panel(), window.templatesPanel());
}

void TestTemplatesDock::noTemplateAppliedWhileSending()
{
    QTemporaryDir dir;
    TemplateStore store(dir.filePath(QStringLiteral("templates")));
    Template t;
    t.name = QStringLiteral("Approve");
    t.variables = QStringLiteral("{\"approved\": true}");
    QVERIFY(store.add(t));
    QNetworkAccessManager nam;
    // The answer (refused) only comes from the event loop: in flight until then.
    const Connection connection = offline();
    MainWindow window(connection, &nam, nullptr, nullptr);
    window.setTemplateStore(&store);
    window.form()
        ->findChild<QLineEdit *>(QStringLiteral("jobKeyLineEdit"))
        ->setText(QStringLiteral("2251799813685249"));
    window.send();
    QVERIFY(window.isSending());
    window.templatesDock()->applyTemplate(t);
    QCOMPARE(window.form()->draft().variables, QString());
    window.cancel();
    QTRY_VERIFY(!window.isSending());
    window.templatesDock()->applyTemplate(t);
    QCOMPARE(window.form()->draft().variables, t.variables);
}

void TestTemplatesDock::ctrlTFindsATemplate()
{
    QTemporaryDir dir;
    TemplateStore store(dir.filePath(QStringLiteral("templates")));
    QNetworkAccessManager nam;
    const Connection connection = offline();
    MainWindow window(connection, &nam, nullptr, nullptr);
    window.setTemplateStore(&store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QTRY_VERIFY(
        window.form()->findChild<QLineEdit *>(QStringLiteral("jobKeyLineEdit"))->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_T, Qt::ControlModifier);
    auto *search
        = window.templatesPanel()->findChild<QLineEdit *>(QStringLiteral("templateSearchLineEdit"));
    QTRY_VERIFY(search->hasFocus());
}

void TestTemplatesDock::dockClosedAtFirstStartWithoutTemplates()
{
    QFile::remove(WindowSettings::path()); // a first start: no saved layout
    QNetworkAccessManager nam;
    const Connection connection = offline();
    QTemporaryDir dir;
    {
        TemplateStore empty(dir.filePath(QStringLiteral("templates")));
        MainWindow window(connection, &nam, nullptr, nullptr);
        window.setTemplateStore(&empty);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("templatesDock"));
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());
        // Ctrl+T (the Templates menu's "Find a template") opens it.
        window.findChild<QAction *>(QStringLiteral("showTemplatesAction"))->trigger();
        QTRY_VERIFY(dock->isVisible());
    }
    {
        TemplateStore store(dir.filePath(QStringLiteral("templates")));
        Template t;
        t.name = QStringLiteral("Approve");
        t.variables = QStringLiteral("{\"approved\": true}");
        QVERIFY(store.add(t));
        MainWindow window(connection, &nam, nullptr, nullptr);
        window.setTemplateStore(&store);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("templatesDock"))->isVisible());
    }
}

QTEST_MAIN(TestTemplatesDock)
#include "tst_TemplatesDock.moc"
