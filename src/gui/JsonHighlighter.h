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

protected:
    void highlightBlock(const QString &text) override;

private:
    Q_DISABLE_COPY_MOVE(JsonHighlighter)
    void makeFormats();

    bool m_dark = false;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
    QTextCharFormat m_invalid;
};

} // namespace JobDesk
