// SPDX-License-Identifier: GPL-3.0-or-later
// String escaping, positions and UTF-8 validation for the JSON scanner and its users.
#include "core/json/Json.h"
#include "core/json/JsonChars.h"

#include <algorithm>

namespace JobDesk::Json {

namespace detail {

QString codePointName(char32_t cp)
{
    return QLatin1String("U+")
        + QString::number(static_cast<uint>(cp), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}

QList<TextPosition> positionsAt(QStringView text, const QList<qsizetype> &offsets)
{
    QList<int> order(offsets.size());
    for (int k = 0; k < order.size(); ++k)
        order[k] = k;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return offsets[a] < offsets[b]; });
    QList<TextPosition> result(offsets.size());
    int line = 1;
    int column = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    for (int k : order) {
        const qsizetype target = std::clamp<qsizetype>(offsets[k], 0, n);
        for (; i < target; ++i) {
            const char16_t c = text[i].unicode();
            if (c == u'\n') {
                ++line;
                column = 1;
            } else if (!(QChar::isLowSurrogate(c) && i > 0 && text[i - 1].isHighSurrogate())) {
                ++column;
            }
        }
        result[k] = TextPosition {line, column, target};
    }
    return result;
}

} // namespace detail

using detail::isHex;

QString describe(ValueKind kind)
{
    switch (kind) {
    case ValueKind::None:
        return QStringLiteral("nothing");
    case ValueKind::Object:
        return QStringLiteral("an object");
    case ValueKind::Array:
        return QStringLiteral("an array");
    case ValueKind::String:
        return QStringLiteral("a string");
    case ValueKind::Number:
        return QStringLiteral("a number");
    case ValueKind::Boolean:
        return QStringLiteral("a boolean");
    case ValueKind::Null:
        return QStringLiteral("null");
    }
    return QString();
}
QString unescape(QStringView token)
{
    if (token.size() >= 2 && token.front() == u'"' && token.back() == u'"')
        token = token.mid(1, token.size() - 2);
    if (!token.contains(u'\\'))
        return token.toString();
    QString out;
    out.reserve(token.size());
    const qsizetype n = token.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = token[i];
        if (c != u'\\' || i + 1 >= n) {
            out += c;
            continue;
        }
        const char16_t e = token[++i].unicode();
        switch (e) {
        case u'"':
            out += QLatin1Char('"');
            break;
        case u'\\':
            out += QLatin1Char('\\');
            break;
        case u'/':
            out += QLatin1Char('/');
            break;
        case u'b':
            out += QChar(0x08);
            break;
        case u'f':
            out += QChar(0x0C);
            break;
        case u'n':
            out += QLatin1Char('\n');
            break;
        case u'r':
            out += QLatin1Char('\r');
            break;
        case u't':
            out += QLatin1Char('\t');
            break;
        case u'u': {
            bool ok = i + 4 < n;
            const uint code = ok ? token.mid(i + 1, 4).toUInt(&ok, 16) : 0;
            if (ok && std::all_of(token.begin() + i + 1, token.begin() + i + 5, [](QChar h) {
                    return isHex(h.unicode());
                })) {
                out += QChar(static_cast<char16_t>(code));
                i += 4;
            } else {
                out += QLatin1String("\\u");
            }
            break;
        }
        default:
            out += QLatin1Char('\\');
            out += QChar(e);
        }
    }
    return out;
}

QString quote(QStringView text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    // Runs that need no escape are appended whole (most text is one such run).
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\')
            continue;
        out += text.mid(plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case u'"':
            out += QLatin1String("\\\"");
            break;
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\b':
            out += QLatin1String("\\b");
            break;
        case u'\f':
            out += QLatin1String("\\f");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        default:
            out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
            break;
        }
    }
    out += text.mid(plainFrom);
    out += QLatin1Char('"');
    return out;
}

QByteArray quoteUtf8(QStringView text)
{
    return quote(text).toUtf8();
}
qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        char32_t cp = 0;
        char32_t min = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + extra >= n)
            return i;
        for (int k = 1; k <= extra; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

} // namespace JobDesk::Json
