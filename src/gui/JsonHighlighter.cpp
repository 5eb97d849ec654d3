// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/JsonHighlighter.h"

#include "core/json/Json.h"

#include <QTextDocument>

namespace JobDesk {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    makeFormats();
}

JsonHighlighter::~JsonHighlighter() = default;

void JsonHighlighter::setDarkBackground(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    makeFormats();
    rehighlight();
}

void JsonHighlighter::setFormattedRange(int first, int last)
{
    m_first = first;
    m_last = last;
}

void JsonHighlighter::makeFormats()
{
    // Two hand-picked sets with enough contrast on white and on a dark grey base.
    m_key.setForeground(m_dark ? QColor(0x8c, 0xc8, 0xff) : QColor(0x0b, 0x4f, 0x9c));
    m_string.setForeground(m_dark ? QColor(0xa5, 0xd6, 0x8a) : QColor(0x1d, 0x74, 0x2a));
    m_number.setForeground(m_dark ? QColor(0xf5, 0xb8, 0x6c) : QColor(0xa3, 0x4a, 0x00));
    m_literal.setForeground(m_dark ? QColor(0xd7, 0xa2, 0xf5) : QColor(0x7b, 0x2c, 0xa8));
    m_literal.setFontWeight(QFont::DemiBold);
    m_punctuation.setForeground(m_dark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x55, 0x55, 0x55));
    m_invalid.setForeground(m_dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28));
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    auto *data = new JsonBlockData;
    const int number = currentBlock().blockNumber();
    data->formatted
        = document()->blockCount() <= kLazyBlockCount || (number >= m_first && number <= m_last);
    const QList<Json::Token> tokens = Json::tokenize(text);
    for (const Json::Token &token : tokens) {
        const int start = static_cast<int>(token.offset);
        const int length = static_cast<int>(token.length);
        if (!data->formatted) {
            if (token.kind == Json::TokenKind::BeginObject
                || token.kind == Json::TokenKind::EndObject
                || token.kind == Json::TokenKind::BeginArray
                || token.kind == Json::TokenKind::EndArray)
                data->brackets.append({start, text.at(start)});
            continue;
        }
        switch (token.kind) {
        case Json::TokenKind::BeginObject:
        case Json::TokenKind::EndObject:
        case Json::TokenKind::BeginArray:
        case Json::TokenKind::EndArray:
            data->brackets.append({start, text.at(start)});
            setFormat(start, length, m_punctuation);
            break;
        case Json::TokenKind::Colon:
        case Json::TokenKind::Comma:
            setFormat(start, length, m_punctuation);
            break;
        case Json::TokenKind::Key:
            setFormat(start, length, m_key);
            break;
        case Json::TokenKind::String:
            setFormat(start, length, m_string);
            break;
        case Json::TokenKind::Number:
            setFormat(start, length, m_number);
            break;
        case Json::TokenKind::True:
        case Json::TokenKind::False:
        case Json::TokenKind::Null:
            setFormat(start, length, m_literal);
            break;
        case Json::TokenKind::Invalid:
            setFormat(start, length, m_invalid);
            break;
        }
    }
    setCurrentBlockUserData(data);
}

} // namespace JobDesk
