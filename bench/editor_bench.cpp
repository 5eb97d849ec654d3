// SPDX-License-Identifier: GPL-3.0-or-later
// bench/editor-4mib.sh: opening a 4 MiB variables document in the form (load, highlight,
// validate), keystrokes in it and the debounced validation after them, in a shown window.
// Prints one line per figure.
#include "core/json/VariablesDocument.h"
#include "gui/JobForm.h"
#include "gui/JsonEditor.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextStream>
#include <QTimer>

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

    // Same place as the reference: the start of line 2.
    editor->moveCursor(QTextCursor::Start);
    editor->moveCursor(QTextCursor::Down);
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
    const qsizetype copied = editor->text().size();
    out << "JsonEditor::text() (the debounced validation's copy, on the UI thread): "
        << timer.elapsed() << " ms, " << copied << " characters\n";
    // Typing pauses: the debounced validation runs (a 4 MiB document parses on the worker
    // thread). Measured: how long until the result is there, and the longest the event loop was
    // blocked meanwhile (a keystroke arriving then waits that long), probed with a 1 ms timer.
    form.validateNow();
    for (int round = 0; round < 3; ++round) {
        QElapsedTimer since;
        since.start();
        QTest::keyClick(editor, Qt::Key_Space);
        QCoreApplication::processEvents(); // the keystroke's own repaint is measured above
        qint64 validatedAfter = -1;
        QEventLoop loop;
        const QMetaObject::Connection done
            = QObject::connect(&form, &JobForm::variablesValidated, &loop, [&] {
                  validatedAfter = since.elapsed();
                  loop.quit();
              });
        QElapsedTimer tick;
        tick.start();
        qint64 longestStall = 0;
        QTimer probe;
        probe.setInterval(1);
        QObject::connect(&probe, &QTimer::timeout, &loop,
            [&] { longestStall = qMax(longestStall, tick.restart()); });
        probe.start();
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        longestStall = qMax(longestStall, tick.elapsed());
        QObject::disconnect(done);
        out << "after a keystroke: validated after " << validatedAfter << " ms (debounce "
            << JobForm::kValidationDelayMs << " ms), longest event-loop stall meanwhile "
            << longestStall << " ms\n";
    }
    return 0;
}
