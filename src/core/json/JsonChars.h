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

/// "U+00A0".
QString codePointName(char32_t cp);
/// Positions for many offsets in one pass over the text (offsets in any order).
QList<TextPosition> positionsAt(QStringView text, const QList<qsizetype> &offsets);

} // namespace JobDesk::Json::detail
