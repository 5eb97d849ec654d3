// SPDX-License-Identifier: GPL-3.0-or-later
// bench/editor-4mib.sh: opening a 4 MiB variables document in the form (load, highlight,
// validate) and one keystroke in it, in a shown window. Prints one line per figure.
#include "JobForm.h"
#include "JsonEditor.h"
#include "VariablesDocument.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextStream>

using namespace JobDesk;

namespace {

QString fourMiB()
{
    QString text = QStringLiteral("{\n");
    for (int i = 0; text.size() < 4 * 1024 * 1024 - 200; ++i)
        text += QStringLiteral("  \"order%1\": {\"amount\": 12345.67, \"paid\": true, "
                               "\"customer\": \"Müller\", \"items\": [1, 2, 3]},\n")
                    .arg(i);
    text += QStringLiteral("  \"end\": null\n}");
    return text;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const QString text = fourMiB();
    out << "document: " << text.toUtf8().size() << " bytes, " << text.count(u'\n') + 1
        << " lines\n";

    QElapsedTimer timer;
    timer.start();
    const VariablesDocument document = VariablesDocument::fromText(text);
    out << "validate (VariablesDocument::fromText): " << timer.elapsed() << " ms, valid "
        << document.isValid() << "\n";

    {
        // Reference: a bare QPlainTextEdit, no highlighting, no gutter, no validation.
        QPlainTextEdit plain;
        plain.resize(700, 800);
        plain.show();
        if (!QTest::qWaitForWindowExposed(&plain))
            return 1;
        timer.restart();
        plain.setPlainText(text);
        QCoreApplication::processEvents();
        out << "reference QPlainTextEdit open + first paint: " << timer.elapsed() << " ms\n";
        plain.moveCursor(QTextCursor::Start);
        plain.moveCursor(QTextCursor::Down);
        timer.restart();
        for (int i = 0; i < 20; ++i) {
            QTest::keyClick(&plain, Qt::Key_Space);
            QCoreApplication::processEvents();
        }
        out << "reference QPlainTextEdit keystroke: mean " << double(timer.elapsed()) / 20
            << " ms\n";
    }

    JobForm form;
    form.resize(700, 800);
    form.show();
    if (!QTest::qWaitForWindowExposed(&form))
        return 1;
    JsonEditor *editor = form.variablesEditor();

    timer.restart();
    editor->setPlainText(text);
    const qint64 load = timer.elapsed();
    form.validateNow();
    const qint64 loadAndValidate = timer.elapsed();
    QCoreApplication::processEvents();
    const qint64 shown = timer.elapsed();
    out << "open (setPlainText + highlight): " << load << " ms\n";
    out << "open + validate: " << loadAndValidate << " ms\n";
    out << "open + validate + first paint: " << shown << " ms\n";

    editor->moveCursor(QTextCursor::Start);
    editor->moveCursor(QTextCursor::Down);
    editor->moveCursor(QTextCursor::EndOfLine);
    qint64 worst = 0;
    qint64 total = 0;
    const int keys = 20;
    for (int i = 0; i < keys; ++i) {
        timer.restart();
        QTest::keyClick(editor, Qt::Key_Space);
        QCoreApplication::processEvents();
        const qint64 ms = timer.elapsed();
        worst = qMax(worst, ms);
        total += ms;
    }
    out << "keystroke (insert + re-highlight + paint): mean " << double(total) / keys
        << " ms, worst " << worst << " ms\n";
    timer.restart();
    form.validateNow();
    QTest::qWait(JobForm::kValidationDelayMs + 50);
    timer.restart();
    form.validateNow();
    out << "debounced re-validation after typing: " << timer.elapsed() << " ms\n";
    return 0;
}
