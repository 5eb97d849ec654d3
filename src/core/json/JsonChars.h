// SPDX-License-Identifier: GPL-3.0-or-later
// Internal helpers shared by Json.cpp, JsonFormat.cpp and JsonText.cpp; not part of the API.
#pragma once

#include "core/json/Json.h"

namespace JobDesk::Json::detail {

inline bool isWs(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}
inline bool isDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}
inline bool isWordChar(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || isDigit(c) || c == u'_'
        || c == u'$';
}
inline bool isHex(char16_t c)
{
    return isDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

/// The value of the four hex digits at `text[at]` (which must be hex digits).
inline char16_t hexQuad(QStringView text, qsizetype at)
{
    char16_t value = 0;
    for (qsizetype k = 0; k < 4; ++k) {
        const char16_t c = text[at + k].unicode();
        value = char16_t(value * 16 + (isDigit(c) ? c - u'0' : (c | 0x20) - u'a' + 10));
    }
    return value;
}

/// "U+00A0".
QString codePointName(char32_t cp);
/// Positions for many offsets in one pass over the text (offsets in any order).
QList<TextPosition> positionsAt(QStringView text, const QList<qsizetype> &offsets);

} // namespace JobDesk::Json::detail
