// SPDX-License-Identifier: GPL-3.0-or-later
// The request form: live validation (Send disabled for every invalid input), paste cleanup,
// the editor's error marking, Format/Compact that keep every token, drafts.
#include "core/templates/DraftStore.h"
#include "gui/JobForm.h"
#include "gui/JsonEditor.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextCursor>
#include <QTimer>
#include <QToolButton>

using namespace JobDesk;

class TestJobForm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sendDisabledForInvalidInput_data();
    void sendDisabledForInvalidInput();
    void validFormBuildsTheExactBody();
    void unusualCharactersReachTheBodyExactly();
    void largeDocumentValidatesInTheBackground();
    void staleBackgroundResultIsDropped();
    void pastedKeyIsCleanedUp_data();
    void pastedKeyIsCleanedUp();
    void errorIsMarkedAtLineAndColumn();
    void duplicateKeysAreFlagged();
    void formatAndCompactKeepEveryToken();
    void formatOnInvalidJsonGoesToTheError();
    void oversizedVariablesWarn();
    void deniedReasonOnlyWhenDenied();
    void draftRoundTrip();
    void busyDisablesSend();
    void loadRequestFillsTheForm();
    void untickedFieldsLookNotSent();
    void resultMessageKeepsItsRoom();
    void returnInTheKeyLooksUpNeverSends();
    void anotherKeyClearsDenyAndCorrections();
    void draftRestoresTheJobItWasFor();
    void denyOfferedOnlyWhereTheJobTakesIt();

private:
    struct Form
    {
        JobForm form;
        QLineEdit *key = nullptr;
        JsonEditor *editor = nullptr;
        QPushButton *send = nullptr;
        Form()
        {
            key = form.findChild<QLineEdit *>(QStringLiteral("jobKeyLineEdit"));
            editor = form.findChild<JsonEditor *>(QStringLiteral("variablesEditor"));
            send = form.findChild<QPushButton *>(QStringLiteral("sendPushButton"));
        }
        QLineEdit *line(const char *name)
        {
            return form.findChild<QLineEdit *>(QLatin1String(name));
        }
        QCheckBox *check(const char *name)
        {
            return form.findChild<QCheckBox *>(QLatin1String(name));
        }
    };
};

void TestJobForm::sendDisabledForInvalidInput_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("field"); // a line edit / check box to set, "name=value" or ""

    const QString key = QStringLiteral("2251799813685249");
    QTest::newRow("empty key") << QString() << QString() << QString();
    QTest::newRow("letters") << QStringLiteral("abc") << QString() << QString();
    QTest::newRow("rounded key") << QStringLiteral("2.2517998136852e15") << QString() << QString();
    QTest::newRow("negative") << QStringLiteral("-5") << QString() << QString();
    QTest::newRow("zero") << QStringLiteral("0") << QString() << QString();
    QTest::newRow("above int64") << QStringLiteral("9223372036854775808") << QString() << QString();
    QTest::newRow("array") << key << QStringLiteral("[1, 2]") << QString();
    QTest::newRow("unclosed") << key << QStringLiteral("{\"a\": 1") << QString();
    QTest::newRow("trailing comma") << key << QStringLiteral("{\"a\": 1,}") << QString();
    QTest::newRow("comment") << key << QStringLiteral("{\"a\": 1 // no\n}") << QString();
    QTest::newRow("duplicate key") << key << QStringLiteral("{\"a\": 1, \"a\": 2}") << QString();
    QTest::newRow("priority 101") << key << QString() << QStringLiteral("priorityLineEdit=101");
    QTest::newRow("priority text") << key << QString() << QStringLiteral("priorityLineEdit=high");
    QTest::newRow("due date") << key << QString() << QStringLiteral("dueDateLineEdit=tomorrow");
    QTest::newRow("follow-up no zone")
        << key << QString() << QStringLiteral("followUpDateLineEdit=2026-12-01T10:00:00");
    QTest::newRow("deny with corrections")
        << key << QString() << QStringLiteral("assigneeLineEdit=alice;deny");
}

void TestJobForm::sendDisabledForInvalidInput()
{
    QFETCH(QString, key);
    QFETCH(QString, variables);
    QFETCH(QString, field);
    Form f;
    f.form.show();
    QTest::keyClicks(f.key, key);
    f.editor->setPlainText(variables);
    for (const QString &part : field.split(u';', Qt::SkipEmptyParts)) {
        if (part == QLatin1String("deny")) {
            f.check("denyCheckBox")->setChecked(true);
            continue;
        }
        const QString name = part.section(u'=', 0, 0);
        QLineEdit *edit = f.form.findChild<QLineEdit *>(name);
        QVERIFY2(edit, qPrintable(name));
        QTest::keyClicks(edit, part.section(u'=', 1));
    }
    // Wait for the debounced validation, then Send must stay disabled and nothing is produced.
    QTRY_VERIFY(!f.send->isEnabled());
    QVERIFY(!f.form.canSend());
    QString why;
    QVERIFY(!f.form.request(&why));
    QVERIFY(!why.isEmpty());
    QSignalSpy sends(&f.form, &JobForm::sendRequested);
    QTest::keyClick(f.key, Qt::Key_Return);
    QCOMPARE(sends.count(), 0);
}

void TestJobForm::validFormBuildsTheExactBody()
{
    Form f;
    QTest::keyClicks(f.key, QStringLiteral("2251799813685249"));
    f.editor->setPlainText(QStringLiteral("{\"amount\": 12345678901234567890.10}"));
    QTRY_VERIFY(f.send->isEnabled());
    const auto request = f.form.request();
    QVERIFY(request);
    QCOMPARE(request->jobKey.toString(), QStringLiteral("2251799813685249"));
    QVERIFY(request->body().contains("12345678901234567890.10"));
    QVERIFY(!request->body().contains("result"));

    f.check("denyCheckBox")->setChecked(true);
    QTest::keyClicks(f.line("deniedReasonLineEdit"), QStringLiteral("four eyes"));
    const auto denied = f.form.request();
    QVERIFY(denied);
    QVERIFY(denied->body().contains("\"denied\":true"));
    QVERIFY(denied->body().contains("four eyes"));
}

void TestJobForm::unusualCharactersReachTheBodyExactly()
{
    // A no-break space and U+2028 inside strings: valid JSON, sent byte for byte.
    Form f;
    QTest::keyClicks(f.key, QStringLiteral("2251799813685249"));
    const QString variables = QStringLiteral("{\"a\": \"x\u00a0y\", \"b\": \"p\u2028q\"}");
    f.editor->setPlainText(variables);
    QTRY_VERIFY(f.send->isEnabled());
    const auto request = f.form.request();
    QVERIFY(request);
    QVERIFY2(request->body().contains(variables.toUtf8()), request->body().constData());
    QCOMPARE(f.form.draft().variables, variables);
}

namespace {

/// A valid object of at least `chars` characters (validated on the worker thread when large).
QString bigObject(qsizetype chars)
{
    QString text = QStringLiteral("{\n");
    for (int i = 0; text.size() < chars; ++i)
        text += QStringLiteral("  \"k%1\": {\"amount\": 12345678901234567890.5, \"ok\": true},\n")
                    .arg(i);
    return text + QStringLiteral("  \"end\": null\n}");
}

} // namespace

void TestJobForm::largeDocumentValidatesInTheBackground()
{
    Form f;
    QTest::keyClicks(f.key, QStringLiteral("2251799813685249"));
    auto *timer = f.form.findChild<QTimer *>(QStringLiteral("variablesValidationTimer"));
    QVERIFY(timer);
    bool inBackground = false;
    // Connected after the form's own slot: runs right after the debounced validation started.
    connect(
        timer, &QTimer::timeout, this, [&] { inBackground = f.form.isValidatingInBackground(); });
    QSignalSpy validated(&f.form, &JobForm::variablesValidated);

    f.editor->setPlainText(bigObject(JobForm::kBackgroundValidationChars + 1000));
    QVERIFY(validated.wait(10000));
    QVERIFY(inBackground);
    QVERIFY(!f.form.isValidatingInBackground());
    QVERIFY(f.form.variables().isValid());
    QVERIFY(f.send->isEnabled());

    // An error near the end is found and marked like in a small document.
    QTextCursor cursor(f.editor->document());
    cursor.movePosition(QTextCursor::End);
    cursor.movePosition(QTextCursor::Left);
    cursor.insertText(QStringLiteral(","));
    validated.clear();
    QVERIFY(validated.wait(10000));
    QVERIFY(inBackground);
    QVERIFY(!f.form.variables().isValid());
    QVERIFY(f.form.variables().error());
    QCOMPARE(f.form.variables().error()->position.line, f.editor->blockCount());
    QVERIFY(f.editor->errorMarker().has_value());
    QVERIFY(!f.send->isEnabled());

    // Small documents stay in place.
    f.editor->setPlainText(QStringLiteral("{\"a\": 1}"));
    QVERIFY(validated.wait(10000));
    QVERIFY(!inBackground);
    QVERIFY(f.send->isEnabled());
}

void TestJobForm::staleBackgroundResultIsDropped()
{
    Form f;
    QTest::keyClicks(f.key, QStringLiteral("2251799813685249"));
    auto *timer = f.form.findChild<QTimer *>(QStringLiteral("variablesValidationTimer"));
    QVERIFY(timer);
    bool edited = false;
    // While the worker parses the valid text, the text becomes invalid and is validated at
    // once (as Send does): the valid result that arrives afterwards belongs to the old text.
    connect(timer, &QTimer::timeout, this, [&] {
        if (edited || !f.form.isValidatingInBackground())
            return;
        edited = true;
        f.editor->setPlainText(QStringLiteral("{\"a\": }"));
        f.form.validateNow();
    });
    f.editor->setPlainText(bigObject(JobForm::kBackgroundValidationChars + 1000));
    QTRY_VERIFY(edited);
    QVERIFY(!f.form.variables().isValid());
    QTRY_VERIFY(!f.form.isValidatingInBackground()); // the stale result has come back
    QCoreApplication::processEvents();
    QVERIFY(!f.form.variables().isValid());
    QVERIFY(!f.send->isEnabled());
    QVERIFY(f.editor->errorMarker().has_value());
    QVERIFY(!f.form.request());
}

void TestJobForm::pastedKeyIsCleanedUp_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::newRow("spaces") << QStringLiteral("  2251799813685249 \n");
    QTest::newRow("quotes and comma") << QStringLiteral("\"2251799813685249\",");
    QTest::newRow("grouped") << QStringLiteral("2 251 799 813 685 249");
    QTest::newRow("newlines") << QStringLiteral("\n2251799813685249\r\n");
}

void TestJobForm::pastedKeyIsCleanedUp()
{
    QFETCH(QString, pasted);
    Form f;
    QApplication::clipboard()->setText(pasted);
    f.key->paste();
    QCOMPARE(f.key->text(), QStringLiteral("2251799813685249"));
    QTRY_VERIFY(f.send->isEnabled());
}

void TestJobForm::errorIsMarkedAtLineAndColumn()
{
    Form f;
    f.form.show();
    QTest::keyClicks(f.key, QStringLiteral("2251799813685249"));
    f.editor->setPlainText(QStringLiteral("{\n  \"a\": 1,\n  \"b\" 2\n}"));
    auto *label = f.form.findChild<QLabel *>(QStringLiteral("variablesMessageLabel"));
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("line 3, column 7")), qPrintable(label->text()));
    QVERIFY(f.editor->errorMarker());
    QCOMPARE(f.editor->errorMarker()->line, 3);
    // The marker sits on the "2" where the colon was expected.
    QCOMPARE(f.editor->document()->characterAt(f.editor->errorPosition()), QChar(u'2'));
    QVERIFY(!f.send->isEnabled());
    // The wavy underline is an extra selection at that position.
    bool underlined = false;
    for (const auto &selection : f.editor->extraSelections())
        underlined |= selection.format.underlineStyle() == QTextCharFormat::WaveUnderline
            && selection.cursor.selectionStart() == f.editor->errorPosition();
    QVERIFY(underlined);

    // Fixing it clears the marker and enables Send.
    f.editor->setPlainText(QStringLiteral("{\n  \"a\": 1,\n  \"b\": 2\n}"));
    QTRY_VERIFY(f.send->isEnabled());
    QVERIFY(!f.editor->errorMarker());
    QVERIFY(!label->isVisible());
}

void TestJobForm::duplicateKeysAreFlagged()
{
    Form f;
    f.form.show();
    QTest::keyClicks(f.key, QStringLiteral("2251799813685249"));
    f.editor->setPlainText(QStringLiteral("{\"order\": {\"sku\": 1, \"sku\": 2}}"));
    auto *label = f.form.findChild<QLabel *>(QStringLiteral("variablesMessageLabel"));
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("sku")), qPrintable(label->text()));
    int amber = 0;
    for (const auto &selection : f.editor->extraSelections())
        amber += selection.format.underlineStyle() == QTextCharFormat::WaveUnderline ? 1 : 0;
    QCOMPARE(amber, 1);
    QVERIFY(!f.send->isEnabled());
}

void TestJobForm::formatAndCompactKeepEveryToken()
{
    Form f;
    const QString text = QStringLiteral(
        "{\"big\": 123456789012345678901234567890, \"f\": 1.50, \"e\": 1E+2, \"s\": \"\\u00e9\", "
        "\"z\": [ ], \"b\": {\"k\": null}}");
    f.editor->setPlainText(text);
    f.form.formatVariables();
    const QString pretty = f.editor->toPlainText();
    QVERIFY(pretty.contains(QStringLiteral("123456789012345678901234567890")));
    QVERIFY(pretty.contains(QStringLiteral("1.50")));
    QVERIFY(pretty.contains(QStringLiteral("1E+2")));
    QVERIFY(pretty.contains(QStringLiteral("\"\\u00e9\"")));
    QVERIFY(pretty.count(u'\n') >= 6);
    f.form.compactVariables();
    QCOMPARE(f.editor->toPlainText(),
        QStringLiteral("{\"big\":123456789012345678901234567890,\"f\":1.50,\"e\":1E+2,"
                       "\"s\":\"\\u00e9\",\"z\":[],\"b\":{\"k\":null}}"));
    // One undo step brings the formatted text back.
    f.editor->undo();
    QCOMPARE(f.editor->toPlainText(), pretty);
}

void TestJobForm::formatOnInvalidJsonGoesToTheError()
{
    Form f;
    f.form.show();
    const QString broken = QStringLiteral("{\"a\": tru}");
    f.editor->setPlainText(broken);
    f.form.formatVariables();
    QCOMPARE(f.editor->toPlainText(), broken);
    QVERIFY(f.editor->errorMarker());
    QCOMPARE(f.editor->textCursor().position(), f.editor->errorPosition());
}

void TestJobForm::oversizedVariablesWarn()
{
    Form f;
    QTest::keyClicks(f.key, QStringLiteral("2251799813685249"));
    const QString big
        = QStringLiteral("{\"blob\": \"") + QString(4 * 1024 * 1024, u'x') + QStringLiteral("\"}");
    f.editor->setPlainText(big);
    f.form.validateNow();
    auto *size = f.form.findChild<QLabel *>(QStringLiteral("sizeLabel"));
    QVERIFY2(size->text().contains(QStringLiteral("4 MiB")), qPrintable(size->text()));
    auto *label = f.form.findChild<QLabel *>(QStringLiteral("variablesMessageLabel"));
    QVERIFY(label->text().contains(QStringLiteral("4 MiB")));
}

void TestJobForm::returnInTheKeyLooksUpNeverSends()
{
    Form f;
    QTest::keyClicks(f.key, QStringLiteral("2251799813685249"));
    QTRY_VERIFY(f.send->isEnabled());
    QSignalSpy sends(&f.form, &JobForm::sendRequested);
    QSignalSpy lookUps(&f.form, &JobForm::lookUpRequested);
    QTest::keyClick(f.key, Qt::Key_Return);
    QCOMPARE(sends.count(), 0);
    QCOMPARE(lookUps.count(), 1);
}

void TestJobForm::anotherKeyClearsDenyAndCorrections()
{
    Form f;
    QSignalSpy keys(&f.form, &JobForm::jobKeyChanged);
    QTest::keyClicks(f.key, QStringLiteral("2251799813685249"));
    QCOMPARE(keys.constLast().at(0).toString(), QStringLiteral("2251799813685249"));
    f.check("denyCheckBox")->setChecked(true);
    QTest::keyClicks(f.line("deniedReasonLineEdit"), QStringLiteral("not this one"));
    f.check("assigneeCheckBox")->setChecked(true);
    // Another job: what was prepared for the first one must not go to it.
    f.key->selectAll();
    QTest::keyClicks(f.key, QStringLiteral("2251799813685250"));
    QCOMPARE(keys.constLast().at(0).toString(), QStringLiteral("2251799813685250"));
    QVERIFY(!f.check("denyCheckBox")->isChecked());
    QVERIFY(f.line("deniedReasonLineEdit")->text().isEmpty());
    QVERIFY(!f.check("assigneeCheckBox")->isChecked());
    const auto request = f.form.request();
    QVERIFY(request);
    QVERIFY(!request->body().contains("result"));
}

void TestJobForm::draftRestoresTheJobItWasFor()
{
    Form f;
    QTest::keyClicks(f.key, QStringLiteral("6755399441146877"));
    f.check("denyCheckBox")->setChecked(true);
    QTest::keyClicks(f.line("deniedReasonLineEdit"), QStringLiteral("why"));
    const Draft draft = f.form.draft();

    Form g;
    QSignalSpy keys(&g.form, &JobForm::jobKeyChanged);
    g.form.setDraft(draft);
    QCOMPARE(g.form.validJobKey(), QStringLiteral("6755399441146877"));
    QVERIFY(g.check("denyCheckBox")->isChecked()); // kept: it belongs to this very key
    QCOMPARE(g.line("deniedReasonLineEdit")->text(), QStringLiteral("why"));
    QCOMPARE(keys.constLast().at(0).toString(), QStringLiteral("6755399441146877"));
}

void TestJobForm::denyOfferedOnlyWhereTheJobTakesIt()
{
    Form f;
    QTest::keyClicks(f.key, QStringLiteral("2251799813685249"));
    JobRecord job;
    job.jobKey = QStringLiteral("2251799813685249");
    job.kind = QStringLiteral("BPMN_ELEMENT");
    job.state = QStringLiteral("CREATED");
    f.form.setJob(job);
    QVERIFY(!f.check("denyCheckBox")->isEnabled());
    QVERIFY(!f.check("denyCheckBox")->toolTip().isEmpty());
    job.kind = QStringLiteral("TASK_LISTENER");
    job.listenerEventType = QStringLiteral("COMPLETING");
    f.form.setJob(job);
    QVERIFY(f.check("denyCheckBox")->isEnabled());
    job.listenerEventType = QStringLiteral("CREATING");
    f.form.setJob(job);
    QVERIFY(!f.check("denyCheckBox")->isEnabled());
    f.form.setJob(std::nullopt); // unknown: everything offered, as before
    QVERIFY(f.check("denyCheckBox")->isEnabled());
    // What is ticked stays untickable even where it does not fit.
    f.check("denyCheckBox")->setChecked(true);
    job.kind = QStringLiteral("BPMN_ELEMENT");
    f.form.setJob(job);
    QVERIFY(f.check("denyCheckBox")->isEnabled());
    QVERIFY(f.form.shape().deny);
}

void TestJobForm::deniedReasonOnlyWhenDenied()
{
    Form f;
    QLineEdit *reason = f.line("deniedReasonLineEdit");
    QVERIFY(!reason->isEnabled());
    f.check("denyCheckBox")->setChecked(true);
    QVERIFY(reason->isEnabled());
    f.check("denyCheckBox")->setChecked(false);
    QVERIFY(!reason->isEnabled());
}

void TestJobForm::draftRoundTrip()
{
    Form f;
    QTest::keyClicks(f.key, QStringLiteral("2251799813685249"));
    f.editor->setPlainText(QStringLiteral("{\"half\": "));
    f.check("denyCheckBox")->setChecked(true);
    QTest::keyClicks(f.line("deniedReasonLineEdit"), QStringLiteral("no"));
    QTest::keyClicks(f.line("assigneeLineEdit"), QStringLiteral("alice"));
    const Draft draft = f.form.draft();
    QCOMPARE(draft.variables, QStringLiteral("{\"half\": "));
    QVERIFY(draft.assignee.set);

    Form g;
    g.form.setDraft(draft);
    QCOMPARE(g.key->text(), QStringLiteral("2251799813685249"));
    QCOMPARE(g.editor->toPlainText(), QStringLiteral("{\"half\": "));
    QVERIFY(g.check("denyCheckBox")->isChecked());
    QCOMPARE(g.line("assigneeLineEdit")->text(), QStringLiteral("alice"));
    QCOMPARE(g.form.draft(), draft);
    QVERIFY(!g.send->isEnabled()); // restored, validated again: still invalid
}

void TestJobForm::busyDisablesSend()
{
    Form f;
    QTest::keyClicks(f.key, QStringLiteral("2251799813685249"));
    QTRY_VERIFY(f.send->isEnabled());
    auto *cancel = f.form.findChild<QPushButton *>(QStringLiteral("cancelPushButton"));
    QVERIFY(!cancel->isEnabled());
    f.form.setBusy(true);
    QVERIFY(!f.send->isEnabled());
    QVERIFY(cancel->isEnabled());
    QVERIFY(!f.form.canSend());
    f.form.setBusy(false);
    QVERIFY(f.send->isEnabled());
}

void TestJobForm::loadRequestFillsTheForm()
{
    Form f;
    QVERIFY(f.form.loadRequest(QStringLiteral("4503599627423060"),
        QByteArrayLiteral("{\"variables\":{\"n\":12345678901234567890},\"result\":{\"type\":"
                          "\"userTask\",\"denied\":true,\"deniedReason\":\"why\"}}")));
    QCOMPARE(f.key->text(), QStringLiteral("4503599627423060"));
    QVERIFY(f.editor->toPlainText().contains(QStringLiteral("12345678901234567890")));
    QVERIFY(f.check("denyCheckBox")->isChecked());
    QCOMPARE(f.line("deniedReasonLineEdit")->text(), QStringLiteral("why"));
    QVERIFY(!f.form.loadRequest(QStringLiteral("1"), QByteArrayLiteral("not json")));
}

void TestJobForm::untickedFieldsLookNotSent()
{
    Form f;
    f.form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.form));
    QLineEdit *assignee = f.line("assigneeLineEdit");
    QLineEdit *reason = f.line("deniedReasonLineEdit");
    assignee->setText(QStringLiteral("alice"));
    f.check("assigneeCheckBox")->setChecked(false);
    reason->setText(QStringLiteral("not now"));
    f.check("denyCheckBox")->setChecked(false);
    // Unticked: greyed like the reason of an unticked Deny (which is disabled).
    const QColor grey = reason->palette().color(QPalette::Disabled, QPalette::Text);
    QVERIFY(!reason->isEnabled());
    QCOMPARE(assignee->palette().color(QPalette::Active, QPalette::Text), grey);
    QVERIFY(assignee->isEnabled()); // typing into it still ticks it
    f.check("assigneeCheckBox")->setChecked(true);
    QCOMPARE(assignee->palette().color(QPalette::Active, QPalette::Text),
        f.form.palette().color(QPalette::Active, QPalette::Text));
    QVERIFY(assignee->palette().color(QPalette::Active, QPalette::Text) != grey);
    f.check("assigneeCheckBox")->setChecked(false);
    QTest::keyClicks(assignee, QStringLiteral("x"));
    QVERIFY(f.check("assigneeCheckBox")->isChecked());
    QVERIFY(assignee->palette().color(QPalette::Active, QPalette::Text) != grey);
}

void TestJobForm::resultMessageKeepsItsRoom()
{
    Form f;
    f.form.resize(420, 700);
    f.form.show();
    QVERIFY(QTest::qWaitForWindowExposed(&f.form));
    auto *corrections = f.form.findChild<QToolButton *>(QStringLiteral("correctionsToolButton"));
    corrections->setChecked(true);
    auto *message = f.form.findChild<QLabel *>(QStringLiteral("resultMessageLabel"));
    QVERIFY(message);
    QTRY_VERIFY(message->height() > message->fontMetrics().height()); // two lines at this width
    const int sendAt = f.send->mapTo(&f.form, QPoint(0, 0)).y();
    const int priorityAt = f.line("priorityLineEdit")->mapTo(&f.form, QPoint(0, 0)).y();
    // The longest message there is: Deny together with corrections.
    f.check("denyCheckBox")->setChecked(true);
    f.check("assigneeCheckBox")->setChecked(true);
    QVERIFY(message->text().contains(QStringLiteral("Deny")));
    QApplication::processEvents();
    QCOMPARE(f.send->mapTo(&f.form, QPoint(0, 0)).y(), sendAt);
    QCOMPARE(f.line("priorityLineEdit")->mapTo(&f.form, QPoint(0, 0)).y(), priorityAt);
    QVERIFY(message->heightForWidth(message->width()) <= message->height());
    f.check("denyCheckBox")->setChecked(false);
    QVERIFY(message->text().isEmpty());
    QApplication::processEvents();
    QCOMPARE(f.send->mapTo(&f.form, QPoint(0, 0)).y(), sendAt);
}

QTEST_MAIN(TestJobForm)
#include "tst_JobForm.moc"
