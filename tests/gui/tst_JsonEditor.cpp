// SPDX-License-Identifier: GPL-3.0-or-later
// The variables editor on its own: highlighting from the core lexer, bracket matching,
// markers, auto-indent, the line-number gutter.
#include "gui/JsonEditor.h"
#include "gui/JsonHighlighter.h"

#include <QAbstractTextDocumentLayout>
#include <QPaintEvent>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace JobDesk;

class TestJsonEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void highlightsKeysStringsNumbers();
    void matchesBrackets_data();
    void matchesBrackets();
    void bracketsInStringsAreIgnored();
    void returnKeepsIndentation();
    void shiftReturnIsAPlainNewLine();
    void textKeepsEveryCharacter();
    void markerAtLineAndColumn();
    void markersClearOnEdit();
    void gutterGrowsWithLineCount();
    void largeDocumentIsColouredLazily();
    void keystrokeRepaintsItsLineOnly();
    void layoutStaysRightThroughEdits();

private:
    /// A pretty-printed object of `members` one-line members plus a last one ("end": null).
    static QString objectOfLines(int members)
    {
        QString text = QStringLiteral("{\n");
        for (int i = 0; i < members; ++i)
            text += QStringLiteral("  \"key%1\": {\"amount\": 12345.67, \"ok\": true},\n").arg(i);
        return text + QStringLiteral("  \"end\": null\n}");
    }
    static QColor colourAt(const QTextBlock &block, int position)
    {
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (position >= range.start && position < range.start + range.length)
                return range.format.foreground().color();
        }
        return {};
    }
};

void TestJsonEditor::highlightsKeysStringsNumbers()
{
    JsonEditor editor;
    editor.setPlainText(QStringLiteral("{\"key\": \"value\", \"n\": 42, \"t\": true}"));
    const QTextBlock block = editor.document()->firstBlock();
    const QColor key = colourAt(block, 2);
    const QColor string = colourAt(block, 10);
    const QColor number = colourAt(block, 23);
    const QColor literal = colourAt(block, 33);
    QVERIFY(key.isValid() && string.isValid() && number.isValid() && literal.isValid());
    QVERIFY(key != string);
    QVERIFY(string != number);
    QVERIFY(number != literal);
    // Same kind, same colour: the second key.
    QCOMPARE(colourAt(block, 18), key);
}

void TestJsonEditor::matchesBrackets_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("cursor");
    QTest::addColumn<int>("match");
    QTest::newRow("outer from start") << QStringLiteral("{\"a\": [1, 2]}") << 0 << 12;
    QTest::newRow("inner array") << QStringLiteral("{\"a\": [1, 2]}") << 6 << 11;
    QTest::newRow("backwards after close") << QStringLiteral("{\"a\": [1, 2] }") << 12 << 6;
    QTest::newRow("across lines") << QStringLiteral("{\n  \"a\": {\n    \"b\": 1\n  }\n}") << 0
                                  << 26;
    QTest::newRow("unbalanced") << QStringLiteral("{\"a\": [1, 2}") << 6 << -1;
}

void TestJsonEditor::matchesBrackets()
{
    QFETCH(QString, text);
    QFETCH(int, cursor);
    QFETCH(int, match);
    JsonEditor editor;
    editor.setPlainText(text);
    QTextCursor c = editor.textCursor();
    c.setPosition(cursor == 0 ? 1 : 0);
    editor.setTextCursor(c);
    c.setPosition(cursor);
    editor.setTextCursor(c);
    QCOMPARE(editor.matchingBracketPosition(), match);
}

void TestJsonEditor::bracketsInStringsAreIgnored()
{
    JsonEditor editor;
    editor.setPlainText(QStringLiteral("{\"a\": \"}]\"}"));
    QTextCursor c = editor.textCursor();
    c.setPosition(0);
    editor.setTextCursor(c);
    QCOMPARE(editor.matchingBracketPosition(), 10);
}

void TestJsonEditor::returnKeepsIndentation()
{
    JsonEditor editor;
    editor.setPlainText(QStringLiteral("{\n  \"a\": ["));
    editor.moveCursor(QTextCursor::End);
    QTest::keyClick(&editor, Qt::Key_Return);
    QCOMPARE(editor.toPlainText(), QStringLiteral("{\n  \"a\": [\n    "));
    QTest::keyClicks(&editor, QStringLiteral("1"));
    QTest::keyClick(&editor, Qt::Key_Return);
    QCOMPARE(editor.toPlainText(), QStringLiteral("{\n  \"a\": [\n    1\n    "));
}

void TestJsonEditor::shiftReturnIsAPlainNewLine()
{
    // Shift+Return in a QPlainTextEdit inserts U+2028, which JSON does not accept as whitespace.
    JsonEditor editor;
    editor.setPlainText(QStringLiteral("{\n  \"a\": 1,"));
    editor.moveCursor(QTextCursor::End);
    QTest::keyClick(&editor, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(editor.text(), QStringLiteral("{\n  \"a\": 1,\n  "));
    QCOMPARE(editor.blockCount(), 3);
}

void TestJsonEditor::textKeepsEveryCharacter()
{
    // A no-break space and U+2028 inside strings are valid JSON and must stay what they are
    // (toPlainText() would turn them into a space and a line break).
    const QString exact = QStringLiteral("{\n  \"a\": \"x\u00a0y\",\n  \"b\": \"p\u2028q\"\n}");
    JsonEditor editor;
    editor.setPlainText(exact);
    QCOMPARE(editor.text(), exact);
    QCOMPARE(editor.blockCount(), 4);
    QVERIFY(editor.toPlainText() != exact); // what Qt's own accessor does to it
}

void TestJsonEditor::markerAtLineAndColumn()
{
    JsonEditor editor;
    editor.setPlainText(QStringLiteral("{\n  \"é😀\": x\n}"));
    // Columns count code points: the emoji is one column but two UTF-16 units.
    editor.setProblems(JsonEditor::Marker {2, 9, -1, QStringLiteral("unexpected x")}, {});
    QCOMPARE(editor.document()->characterAt(editor.errorPosition()), QChar(u'x'));
    editor.goToError();
    QCOMPARE(editor.textCursor().position(), editor.errorPosition());
}

void TestJsonEditor::markersClearOnEdit()
{
    JsonEditor editor;
    editor.setPlainText(QStringLiteral("{x}"));
    editor.setProblems(JsonEditor::Marker {1, 2, 1, QStringLiteral("bad")}, {});
    QVERIFY(editor.errorMarker());
    editor.insertPlainText(QStringLiteral(" "));
    QVERIFY(!editor.errorMarker());
}

void TestJsonEditor::gutterGrowsWithLineCount()
{
    JsonEditor editor;
    editor.setPlainText(QStringLiteral("{}"));
    const int narrow = editor.lineNumberAreaWidth();
    editor.setPlainText(QString(12000, u'\n'));
    QVERIFY(editor.lineNumberAreaWidth() > narrow);
}

void TestJsonEditor::largeDocumentIsColouredLazily()
{
    // Over kLazyBlockCount lines: only the blocks around the viewport get colours, every block
    // records its brackets, and scrolling colours the blocks that come into view.
    const QString text = objectOfLines(JsonHighlighter::kLazyBlockCount * 3);
    JsonEditor editor;
    editor.resize(600, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setPlainText(text);
    QCoreApplication::processEvents();

    auto dataOf = [&](int blockNumber) {
        return dynamic_cast<JsonBlockData *>(
            editor.document()->findBlockByNumber(blockNumber).userData());
    };
    const int last = editor.document()->blockCount() - 1;
    QTRY_VERIFY(dataOf(1) && dataOf(1)->formatted);
    QVERIFY(colourAt(editor.document()->findBlockByNumber(1), 3).isValid());
    // Far below the viewport: brackets known, no colours yet.
    const int far = last - 10;
    QVERIFY(dataOf(far));
    QVERIFY(!dataOf(far)->formatted);
    QCOMPARE(dataOf(far)->brackets.size(), 2);
    QVERIFY(!colourAt(editor.document()->findBlockByNumber(far), 3).isValid());
    // Bracket matching across the whole document works without colours: the last '}' matches
    // the first '{'.
    editor.moveCursor(QTextCursor::End);
    QCOMPARE(editor.matchingBracketPosition(), 0);
    // The end is in view now: its blocks get their colours.
    QTRY_VERIFY(dataOf(far)->formatted);
    QVERIFY(colourAt(editor.document()->findBlockByNumber(far), 3).isValid());
    QCOMPARE(colourAt(editor.document()->findBlockByNumber(far), 3),
        colourAt(editor.document()->findBlockByNumber(1), 3));
}

void TestJsonEditor::keystrokeRepaintsItsLineOnly()
{
    // A highlighted QPlainTextEdit repaints the whole viewport for every keystroke unless its
    // layout treats a format change as the change of one block (JsonDocumentLayout).
    struct PaintSpy : QObject
    {
        using QObject::QObject;
        QList<QRect> rects;
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint)
                rects.append(static_cast<QPaintEvent *>(event)->rect());
            return false;
        }
    };
    const QString text = objectOfLines(300);
    JsonEditor editor;
    editor.resize(600, 500);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setPlainText(text);
    editor.moveCursor(QTextCursor::Start);
    editor.moveCursor(QTextCursor::Down);
    editor.moveCursor(QTextCursor::EndOfLine);
    auto *spy = new PaintSpy(&editor);
    editor.viewport()->installEventFilter(spy);
    // The set-up repaints everything: wait for that paint, then until a whole round of events
    // paints nothing more.
    QTRY_VERIFY(!spy->rects.isEmpty());
    const auto settled = [spy] {
        spy->rects.clear();
        QCoreApplication::processEvents();
        return spy->rects.isEmpty();
    };
    QTRY_VERIFY(settled());
    const int lineHeight = editor.fontMetrics().lineSpacing();
    for (const QString &typed : {QStringLiteral(" "), QStringLiteral("1"), QStringLiteral("\"")}) {
        spy->rects.clear();
        QTest::keyClicks(&editor, typed);
        QCoreApplication::processEvents();
        QVERIFY(!spy->rects.isEmpty());
        for (const QRect &rect : std::as_const(spy->rects))
            QVERIFY2(rect.height() <= 3 * lineHeight,
                qPrintable(QStringLiteral("repainted %1 px for one line of %2 px")
                               .arg(rect.height())
                               .arg(lineHeight)));
    }
    // The line is coloured as before: the new string token has the string colour.
    const QTextBlock block = editor.document()->findBlockByNumber(1);
    QVERIFY(colourAt(block, block.length() - 2).isValid());
    // Return still lays out everything below (a new block): more than one line repainted.
    spy->rects.clear();
    QTest::keyClick(&editor, Qt::Key_Return);
    QCoreApplication::processEvents();
    int tallest = 0;
    for (const QRect &rect : std::as_const(spy->rects))
        tallest = qMax(tallest, rect.height());
    QVERIFY(tallest > 3 * lineHeight);
}

void TestJsonEditor::layoutStaysRightThroughEdits()
{
    // JsonDocumentLayout passes line-local changes on as one block: after edits that add and
    // remove lines, undo and redo, every block must still be laid out at its place.
    JsonEditor editor;
    editor.resize(500, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setPlainText(QStringLiteral("{\n  \"a\": 1,\n  \"b\": [1, 2]\n}"));
    const auto checkLayout = [&editor]() -> bool {
        QAbstractTextDocumentLayout *layout = editor.document()->documentLayout();
        for (QTextBlock block = editor.document()->firstBlock(); block.isValid();
             block = block.next()) {
            // blockBoundingRect() lays the block out if it is not yet (the layout is lazy).
            if (layout->blockBoundingRect(block).height() <= 0 || block.layout()->lineCount() != 1)
                return false;
        }
        // The plain-text layout's height counts lines: one per block, none missing or extra.
        return qRound(layout->documentSize().height()) == editor.blockCount();
    };
    QVERIFY(checkLayout());
    QTextCursor cursor(editor.document());
    cursor.movePosition(QTextCursor::End);
    cursor.movePosition(QTextCursor::Up);
    cursor.movePosition(QTextCursor::EndOfBlock);
    editor.setTextCursor(cursor);
    QTest::keyClicks(&editor, QStringLiteral(","));
    QTest::keyClick(&editor, Qt::Key_Return);
    QTest::keyClicks(&editor, QStringLiteral("\"c\": \"x\""));
    QCOMPARE(editor.text(), QStringLiteral("{\n  \"a\": 1,\n  \"b\": [1, 2],\n  \"c\": \"x\"\n}"));
    QVERIFY(checkLayout());
    // A multi-line paste, then deleting a line break.
    editor.insertPlainText(QStringLiteral(",\n  \"d\": true,\n  \"e\": null"));
    QCOMPARE(editor.blockCount(), 7);
    QVERIFY(checkLayout());
    cursor = editor.textCursor();
    cursor.movePosition(QTextCursor::StartOfBlock);
    editor.setTextCursor(cursor);
    QTest::keyClick(&editor, Qt::Key_Backspace); // joins with the line above
    QCOMPARE(editor.blockCount(), 6);
    QVERIFY(checkLayout());
    // Undo everything, redo it.
    while (editor.document()->isUndoAvailable())
        editor.undo();
    QCOMPARE(editor.text(), QStringLiteral("{\n  \"a\": 1,\n  \"b\": [1, 2]\n}"));
    QVERIFY(checkLayout());
    while (editor.document()->isRedoAvailable())
        editor.redo();
    QCOMPARE(editor.blockCount(), 6);
    QVERIFY(checkLayout());
    // The highlighter coloured the lines it touched.
    QVERIFY(colourAt(editor.document()->findBlockByNumber(3), 3).isValid());
}

QTEST_MAIN(TestJsonEditor)
#include "tst_JsonEditor.moc"
