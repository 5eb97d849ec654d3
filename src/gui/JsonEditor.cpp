// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/JsonEditor.h"

#include "gui/JsonHighlighter.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPlainTextDocumentLayout>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolTip>

namespace JobDesk {

/// The gutter left of the text: paints line numbers for the visible blocks only.
class LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(JsonEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
        setObjectName(QStringLiteral("lineNumberArea"));
    }
    QSize sizeHint() const override { return QSize(m_editor->lineNumberAreaWidth(), 0); }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    JsonEditor *m_editor;
};

namespace {

constexpr int kMaxBracketSearchBlocks = 200000;

/// QPlainTextDocumentLayout, but an edit inside one line repaints only that line.
///
/// QSyntaxHighlighter reports the new formats of a line as a change of the whole line, merged
/// with the keystroke into contentsChange(position, n, n + 1). The plain-text layout adds the
/// removed and added characters, lands in a later block and repaints the whole viewport on every
/// keystroke (Qt 6.4). When the new text lies within one block, the change is passed on as that
/// block's range: the layout then takes its one-block path if the block count is unchanged (the
/// block is laid out again; a change of its height still updates everything below), and its
/// general path otherwise (a line break typed or removed).
class JsonDocumentLayout final : public QPlainTextDocumentLayout
{
public:
    using QPlainTextDocumentLayout::QPlainTextDocumentLayout;

protected:
    void documentChanged(int from, int charsRemoved, int charsAdded) override
    {
        const int span = qMax(charsAdded, 1);
        const QTextBlock block = document()->findBlock(from);
        if (charsRemoved > 0 && block.isValid()
            && block == document()->findBlock(from + span - 1)) {
            QPlainTextDocumentLayout::documentChanged(from, 0, span);
            return;
        }
        QPlainTextDocumentLayout::documentChanged(from, charsRemoved, charsAdded);
    }
};

/// A document for the editor, with the layout above (set before the editor connects to it).
QTextDocument *jsonDocument(QObject *parent)
{
    auto *document = new QTextDocument(parent);
    document->setDocumentLayout(new JsonDocumentLayout(document));
    return document;
}

bool isOpening(QChar c)
{
    return c == u'{' || c == u'[';
}

QChar partnerOf(QChar c)
{
    switch (c.unicode()) {
    case u'{':
        return u'}';
    case u'}':
        return u'{';
    case u'[':
        return u']';
    default:
        return u'[';
    }
}

const JsonBlockData *dataOf(const QTextBlock &block)
{
    return static_cast<const JsonBlockData *>(block.userData());
}

} // namespace

JsonEditor::JsonEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumberArea(new LineNumberArea(this))
{
    setDocument(jsonDocument(this));
    m_highlighter = new JsonHighlighter(document());
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(true);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    setPlaceholderText(tr("Variables as one JSON object, e.g. {\"approved\": true}. Empty: none."));

    connect(this, &QPlainTextEdit::blockCountChanged, this, &JsonEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &JsonEditor::updateGutter);
    // Large documents are coloured lazily (see JsonHighlighter::kLazyBlockCount): whenever the
    // view changes, the blocks around the viewport get their formats, outside the paint.
    m_formatTimer = new QTimer(this);
    m_formatTimer->setSingleShot(true);
    m_formatTimer->setInterval(0);
    connect(m_formatTimer, &QTimer::timeout, this, &JsonEditor::formatVisibleBlocks);
    connect(this, &QPlainTextEdit::updateRequest, m_formatTimer, qOverload<>(&QTimer::start));
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        findMatchingBracket();
        updateExtraSelections();
    });
    // Markers refer to the text they were computed for: drop them as soon as it changes, the
    // form validates again (debounced) and sets fresh ones.
    connect(document(), &QTextDocument::contentsChanged, this, [this] {
        if (m_error || !m_duplicates.isEmpty()) {
            m_error.reset();
            m_duplicates.clear();
            updateExtraSelections();
        }
    });
    updateGutterWidth();
    applyPalette();
}

JsonEditor::~JsonEditor() = default;

int JsonEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    digits = qMax(digits, 3);
    return 8 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits + 6;
}

void JsonEditor::updateGutterWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void JsonEditor::formatVisibleBlocks()
{
    if (document()->blockCount() <= JsonHighlighter::kLazyBlockCount)
        return;
    const QTextBlock first = firstVisibleBlock();
    if (!first.isValid())
        return;
    const int lineHeight = qMax(1, fontMetrics().lineSpacing());
    const int visible = viewport()->height() / lineHeight + 2;
    constexpr int kMargin = 100;
    const int firstNumber = first.blockNumber();
    m_highlighter->setFormattedRange(
        qMax(0, firstNumber - kMargin), firstNumber + visible + kMargin);
    QTextBlock block = first;
    for (int i = 0; block.isValid() && i < visible; ++i, block = block.next()) {
        const JsonBlockData *blockData = dataOf(block);
        if (!blockData || !blockData->formatted)
            m_highlighter->rehighlightBlock(block);
    }
}

void JsonEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy != 0)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
}

void JsonEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_lineNumberArea->setGeometry(
        QRect(area.left(), area.top(), lineNumberAreaWidth(), area.height()));
}

void JsonEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    const int errorLine = m_error ? m_error->line : -1;
    const int currentLine = textCursor().blockNumber() + 1;
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    const int width = m_lineNumberArea->width() - 6;
    const int lineHeight = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        const int bottom = top + qRound(blockBoundingRect(block).height());
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            QColor colour = pal.color(QPalette::PlaceholderText);
            QFont font = this->font();
            if (line == errorLine) {
                colour = QColor(0xd6, 0x3b, 0x3b);
                font.setBold(true);
            } else if (line == currentLine) {
                colour = pal.color(QPalette::Text);
            }
            painter.setFont(font);
            painter.setPen(colour);
            painter.drawText(0, top, width, lineHeight, Qt::AlignRight | Qt::AlignVCenter,
                QString::number(line));
        }
        block = block.next();
        top = bottom;
    }
}

void JsonEditor::setProblems(const std::optional<Marker> &error, const QList<Marker> &duplicates)
{
    m_error = error;
    m_duplicates = duplicates;
    updateExtraSelections();
    m_lineNumberArea->update();
}

int JsonEditor::positionOf(const Marker &marker) const
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, marker.line - 1));
    if (!block.isValid())
        return qMax(0, document()->characterCount() - 1);
    if (marker.offset >= 0 && marker.offset < document()->characterCount()
        && document()->findBlock(static_cast<int>(marker.offset)) == block)
        return static_cast<int>(marker.offset);
    // Columns count code points; walk the line so characters outside the BMP count once.
    const QString text = block.text();
    int index = 0;
    for (int column = 1; column < marker.column && index < text.size(); ++column)
        index += (text.at(index).isHighSurrogate() && index + 1 < text.size()) ? 2 : 1;
    return block.position() + qMin(index, static_cast<int>(text.size()));
}

QPair<int, int> JsonEditor::keyRange(const Marker &marker) const
{
    // A duplicate key is marked from its opening quote to its closing quote.
    const int start = positionOf(marker);
    const QTextBlock block = document()->findBlock(start);
    const QString text = block.text();
    int end = start - block.position() + 1;
    while (end < text.size() && text.at(end) != u'"')
        end += text.at(end) == u'\\' ? 2 : 1;
    return {start, block.position() + qMin(end + 1, int(text.size()))};
}

int JsonEditor::errorPosition() const
{
    return m_error ? positionOf(*m_error) : -1;
}

void JsonEditor::goToError()
{
    if (!m_error)
        return;
    QTextCursor cursor = textCursor();
    cursor.setPosition(errorPosition());
    setTextCursor(cursor);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

void JsonEditor::replaceAllText(const QString &text)
{
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
    cursor.movePosition(QTextCursor::Start);
    setTextCursor(cursor);
}

void JsonEditor::findMatchingBracket()
{
    m_bracketPosition = -1;
    m_matchPosition = -1;
    const QTextCursor cursor = textCursor();
    const QTextBlock block = cursor.block();
    const JsonBlockData *blockData = dataOf(block);
    if (!blockData)
        return;
    const int inBlock = cursor.positionInBlock();
    // The bracket right after the cursor wins, then the one right before it.
    int found = -1;
    for (int i = 0; i < blockData->brackets.size(); ++i) {
        if (blockData->brackets.at(i).position == inBlock) {
            found = i;
            break;
        }
        if (blockData->brackets.at(i).position == inBlock - 1)
            found = i;
    }
    if (found < 0)
        return;
    const QChar bracket = blockData->brackets.at(found).character;
    const QChar partner = partnerOf(bracket);
    m_bracketPosition = block.position() + blockData->brackets.at(found).position;

    int depth = 0;
    QTextBlock current = block;
    int index = found;
    const bool forward = isOpening(bracket);
    for (int visited = 0; current.isValid() && visited < kMaxBracketSearchBlocks; ++visited) {
        const JsonBlockData *currentData = dataOf(current);
        if (currentData) {
            const auto &brackets = currentData->brackets;
            if (forward) {
                for (int i = index; i < brackets.size(); ++i) {
                    const QChar c = brackets.at(i).character;
                    if (c == bracket)
                        ++depth;
                    else if (c == partner && --depth == 0) {
                        m_matchPosition = current.position() + brackets.at(i).position;
                        return;
                    }
                }
            } else {
                for (int i = (index < 0 ? int(brackets.size()) - 1 : index); i >= 0; --i) {
                    const QChar c = brackets.at(i).character;
                    if (c == bracket)
                        ++depth;
                    else if (c == partner && --depth == 0) {
                        m_matchPosition = current.position() + brackets.at(i).position;
                        return;
                    }
                }
            }
        }
        current = forward ? current.next() : current.previous();
        index = forward ? 0 : -1;
    }
}

void JsonEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Base).lightness() < 128;

    if (!isReadOnly()) {
        QTextEdit::ExtraSelection line;
        line.format.setBackground(dark ? QColor(255, 255, 255, 14) : QColor(0, 0, 0, 10));
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = textCursor();
        line.cursor.clearSelection();
        selections.append(line);
    }

    auto markChar = [&](int position, const QTextCharFormat &format) {
        QTextEdit::ExtraSelection selection;
        selection.format = format;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(position);
        // Mark at least one visible character: at the end of a line, the one before it.
        if (selection.cursor.atBlockEnd() && !selection.cursor.atBlockStart())
            selection.cursor.movePosition(QTextCursor::Left);
        selection.cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor);
        selections.append(selection);
    };

    if (m_bracketPosition >= 0) {
        QTextCharFormat format;
        if (m_matchPosition >= 0) {
            format.setBackground(
                dark ? QColor(0x3d, 0x7e, 0xd6, 110) : QColor(0x3d, 0x7e, 0xd6, 60));
            format.setFontWeight(QFont::Bold);
            markChar(m_bracketPosition, format);
            markChar(m_matchPosition, format);
        } else {
            format.setBackground(QColor(0xd6, 0x3b, 0x3b, dark ? 110 : 60));
            markChar(m_bracketPosition, format);
        }
    }

    for (const Marker &duplicate : std::as_const(m_duplicates)) {
        QTextCharFormat format;
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(QColor(0xd9, 0x8c, 0x00));
        format.setToolTip(duplicate.message);
        QTextEdit::ExtraSelection selection;
        selection.format = format;
        selection.cursor = QTextCursor(document());
        const auto [start, end] = keyRange(duplicate);
        selection.cursor.setPosition(start);
        selection.cursor.setPosition(end, QTextCursor::KeepAnchor);
        selections.append(selection);
    }

    if (m_error) {
        QTextCharFormat format;
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(QColor(0xd6, 0x3b, 0x3b));
        format.setBackground(QColor(0xd6, 0x3b, 0x3b, dark ? 70 : 35));
        format.setToolTip(m_error->message);
        markChar(positionOf(*m_error), format);
    }
    setExtraSelections(selections);
}

QString JsonEditor::text() const
{
    // The raw text separates blocks with U+2029; a U+2029 typed or pasted always becomes a
    // block break, so every one of them is a line break.
    QString text = document()->toRawText();
    text.replace(QChar::ParagraphSeparator, u'\n');
    return text;
}

void JsonEditor::keyPressEvent(QKeyEvent *event)
{
    // Shift+Return would insert U+2028 (a line separator inside the block), which is not JSON
    // whitespace: it is a new line here like Return.
    const bool plainReturn = (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && (event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier)) == Qt::NoModifier;
    if (!plainReturn) {
        QPlainTextEdit::keyPressEvent(event);
        return;
    }
    // Keep the indentation of the current line; one level more after an opening bracket.
    QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    int indent = 0;
    while (indent < line.size() && line.at(indent) == u' ')
        ++indent;
    const QString before = line.left(cursor.positionInBlock()).trimmed();
    const bool opens = before.endsWith(u'{') || before.endsWith(u'[');
    cursor.beginEditBlock();
    cursor.insertText(QStringLiteral("\n") + QString(indent + (opens ? 2 : 0), u' '));
    cursor.endEditBlock();
    setTextCursor(cursor);
}

bool JsonEditor::event(QEvent *event)
{
    // Tooltips on the markers: the parse error and duplicate keys explain themselves.
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPoint inViewport = viewport()->mapFrom(this, help->pos());
        const int position = cursorForPosition(inViewport).position();
        QString tip;
        if (m_error && qAbs(position - errorPosition()) <= 1)
            tip = m_error->message;
        for (const Marker &duplicate : std::as_const(m_duplicates)) {
            const auto [start, end] = keyRange(duplicate);
            if (position >= start && position <= end)
                tip = duplicate.message;
        }
        if (!tip.isEmpty())
            QToolTip::showText(help->globalPos(), tip, this);
        else
            QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::event(event);
}

void JsonEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        applyPalette();
    if (event->type() == QEvent::FontChange) {
        setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
        updateGutterWidth();
    }
}

void JsonEditor::applyPalette()
{
    m_highlighter->setDarkBackground(palette().color(QPalette::Base).lightness() < 128);
    updateExtraSelections();
}

} // namespace JobDesk
