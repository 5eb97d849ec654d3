// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPair>
#include <QPlainTextEdit>
#include <QTimer>

#include <optional>

namespace JobDesk {

class JsonHighlighter;

/// The variables editor: a plain-text JSON editor with line numbers, syntax highlighting,
/// bracket matching and problem markers (a wavy underline where the parser stopped and under
/// every duplicate key).
///
/// The editor itself does not validate: the form validates (debounced) and hands the problems
/// back with setProblems(), so typing never waits for a parse. Tab moves the focus (keyboard
/// use); Return (also with Shift) keeps the indentation and indents after an opening bracket.
class JsonEditor final : public QPlainTextEdit
{
    Q_OBJECT
public:
    /// A place in the text to mark, with the message shown as its tooltip.
    struct Marker
    {
        int line = 0; ///< 1-based
        int column = 0; ///< 1-based, in characters (code points)
        qsizetype offset = -1; ///< UTF-16 offset when known (preferred), else -1
        QString message;
    };

    explicit JsonEditor(QWidget *parent = nullptr);
    ~JsonEditor() override;

    /// Marks the parse error (red) and duplicate keys (amber); an empty error clears it.
    void setProblems(const std::optional<Marker> &error, const QList<Marker> &duplicates);
    const std::optional<Marker> &errorMarker() const { return m_error; }
    /// Character position (in the document) of the error marker, or -1.
    int errorPosition() const;

    /// The text exactly as typed, lines joined with '\n'. Unlike toPlainText(), which turns a
    /// no-break space into a space and U+2028 into a line break, every character is kept: this
    /// is what is validated, sent and saved as the draft.
    QString text() const;

    /// Replaces the whole text as one undoable edit (Format/Compact, loading a template).
    void replaceAllText(const QString &text);
    /// Moves the cursor to the error marker, if any, and focuses the editor.
    void goToError();

    /// Width in pixels the line-number gutter needs.
    int lineNumberAreaWidth() const;
    /// The document position of the bracket matching the one at the cursor, or -1.
    int matchingBracketPosition() const { return m_matchPosition; }

    JsonHighlighter *highlighter() const { return m_highlighter; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    friend class LineNumberArea;
    void paintLineNumbers(QPaintEvent *event);
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void updateExtraSelections();
    void findMatchingBracket();
    int positionOf(const Marker &marker) const;
    QPair<int, int> keyRange(const Marker &marker) const;
    void applyPalette();
    void formatVisibleBlocks();

    Q_DISABLE_COPY_MOVE(JsonEditor)
    QWidget *m_lineNumberArea = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    std::optional<Marker> m_error;
    QList<Marker> m_duplicates;
    int m_bracketPosition = -1;
    int m_matchPosition = -1;
    int m_lastDigits = 0;
    QTimer *m_formatTimer = nullptr;
};

} // namespace JobDesk
