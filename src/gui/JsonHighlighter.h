// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSyntaxHighlighter>
#include <QTextBlockUserData>
#include <QTextCharFormat>

namespace JobDesk {

/// Brackets of one line, found while highlighting, so bracket matching never re-lexes text.
class JsonBlockData final : public QTextBlockUserData
{
public:
    struct Bracket
    {
        int position; ///< inside the block
        QChar character;
    };
    QList<Bracket> brackets;
    bool formatted = false; ///< colours applied (false: outside the lazy range, brackets only)
};

/// JSON syntax highlighting, one line at a time, from the core's lexer (Json::tokenize).
///
/// JSON strings cannot span lines, so every line is highlighted on its own: a keystroke
/// re-highlights one block, whatever the size of the document. Colours follow the palette
/// (separate sets for light and dark backgrounds).
class JsonHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);
    ~JsonHighlighter() override;

    /// Picks the colour set for a light or dark editor background and re-highlights.
    void setDarkBackground(bool dark);
    bool darkBackground() const { return m_dark; }

    /// Documents with more blocks than this are coloured lazily: only blocks inside the range
    /// set with setFormattedRange() get formats; the others only record their brackets.
    static constexpr int kLazyBlockCount = 2000;
    /// Block numbers (inclusive) to colour in a large document, usually the viewport.
    void setFormattedRange(int first, int last);

protected:
    void highlightBlock(const QString &text) override;

private:
    Q_DISABLE_COPY_MOVE(JsonHighlighter)
    void makeFormats();

    bool m_dark = false;
    int m_first = 0;
    int m_last = 200;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
    QTextCharFormat m_invalid;
};

} // namespace JobDesk
