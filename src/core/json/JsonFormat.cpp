// SPDX-License-Identifier: GPL-3.0-or-later
// The lexer for highlighting and the formatter; both keep every token's text as it is.
#include "core/json/Json.h"
#include "core/json/JsonChars.h"

#include <algorithm>

namespace JobDesk::Json {

namespace {

using detail::isDigit;
using detail::isWordChar;
using detail::isWs;

bool isValidNumberText(QStringView s)
{
    qsizetype j = 0;
    const auto at = [&](qsizetype i) { return i < s.size() ? s[i].unicode() : u'\0'; };
    if (at(j) == u'-')
        ++j;
    if (at(j) == u'0')
        ++j;
    else if (isDigit(at(j)))
        while (isDigit(at(j)))
            ++j;
    else
        return false;
    if (at(j) == u'.') {
        if (!isDigit(at(++j)))
            return false;
        while (isDigit(at(j)))
            ++j;
    }
    if (at(j) == u'e' || at(j) == u'E') {
        ++j;
        if (at(j) == u'+' || at(j) == u'-')
            ++j;
        if (!isDigit(at(j)))
            return false;
        while (isDigit(at(j)))
            ++j;
    }
    return j == s.size();
}

} // namespace

QList<Token> tokenize(QStringView text)
{
    QList<Token> tokens;
    const qsizetype n = text.size();
    const auto at = [&](qsizetype i) { return i < n ? text[i].unicode() : u'\0'; };
    qsizetype i = 0;
    while (i < n) {
        const char16_t c = text[i].unicode();
        const qsizetype start = i;
        if (isWs(c)) {
            ++i;
            continue;
        }
        switch (c) {
        case u'{':
            tokens.append({TokenKind::BeginObject, i++, 1});
            continue;
        case u'}':
            tokens.append({TokenKind::EndObject, i++, 1});
            continue;
        case u'[':
            tokens.append({TokenKind::BeginArray, i++, 1});
            continue;
        case u']':
            tokens.append({TokenKind::EndArray, i++, 1});
            continue;
        case u':':
            tokens.append({TokenKind::Colon, i++, 1});
            continue;
        case u',':
            tokens.append({TokenKind::Comma, i++, 1});
            continue;
        default:
            break;
        }
        if (c == u'"') {
            ++i;
            bool closed = false;
            while (i < n && text[i] != u'\n' && text[i] != u'\r') {
                if (text[i] == u'\\' && i + 1 < n && text[i + 1] != u'\n') {
                    i += 2;
                    continue;
                }
                if (text[i++] == u'"') {
                    closed = true;
                    break;
                }
            }
            if (!closed) {
                tokens.append({TokenKind::Invalid, start, i - start});
                continue;
            }
            qsizetype k = i;
            while (k < n && (text[k] == u' ' || text[k] == u'\t'))
                ++k;
            tokens.append({at(k) == u':' ? TokenKind::Key : TokenKind::String, start, i - start});
        } else if (c == u'-' || isDigit(c)) {
            while (i < n
                && (isDigit(at(i)) || at(i) == u'-' || at(i) == u'+' || at(i) == u'.'
                    || at(i) == u'e' || at(i) == u'E'))
                ++i;
            tokens.append({isValidNumberText(text.mid(start, i - start)) ? TokenKind::Number
                                                                         : TokenKind::Invalid,
                start, i - start});
        } else if (isWordChar(c)) {
            while (i < n && isWordChar(at(i)))
                ++i;
            const QStringView word = text.mid(start, i - start);
            const TokenKind kind = word == QLatin1String("true") ? TokenKind::True
                : word == QLatin1String("false")                 ? TokenKind::False
                : word == QLatin1String("null")                  ? TokenKind::Null
                                                                 : TokenKind::Invalid;
            tokens.append({kind, start, i - start});
        } else if (c == u'/' && at(i + 1) == u'/') {
            while (i < n && text[i] != u'\n')
                ++i;
            tokens.append({TokenKind::Invalid, start, i - start});
        } else if (c == u'/' && at(i + 1) == u'*') {
            i += 2;
            while (i < n && !(text[i] == u'*' && at(i + 1) == u'/'))
                ++i;
            i = std::min(n, i + 2);
            tokens.append({TokenKind::Invalid, start, i - start});
        } else {
            ++i;
            tokens.append({TokenKind::Invalid, start, 1});
        }
    }
    return tokens;
}

namespace {

std::optional<QString> reformat(QStringView text, int indent, bool pretty)
{
    QString out;
    out.reserve(text.size() + text.size() / 4);
    int depth = 0;
    bool justOpened = false;
    QString spaces;
    const auto newline = [&](int level) {
        out += QLatin1Char('\n');
        const qsizetype width = qsizetype(level) * indent;
        if (spaces.size() < width)
            spaces = QString(width * 2, QLatin1Char(' '));
        out += QStringView(spaces).left(width);
    };
    ScanOptions options;
    options.findDuplicates = false;
    options.onToken = [&](const Token &t) {
        switch (t.kind) {
        case TokenKind::BeginObject:
        case TokenKind::BeginArray:
            if (justOpened && pretty)
                newline(depth);
            out += text[t.offset];
            ++depth;
            justOpened = true;
            return;
        case TokenKind::EndObject:
        case TokenKind::EndArray:
            --depth;
            if (!justOpened && pretty)
                newline(depth);
            out += text[t.offset];
            justOpened = false;
            return;
        case TokenKind::Comma:
            out += QLatin1Char(',');
            if (pretty)
                newline(depth);
            return;
        case TokenKind::Colon:
            out += pretty ? QLatin1String(": ") : QLatin1String(":");
            return;
        default:
            if (justOpened && pretty)
                newline(depth);
            justOpened = false;
            out += text.mid(t.offset, t.length);
            return;
        }
    };
    if (!scan(text, options).ok())
        return std::nullopt;
    return out;
}

} // namespace

std::optional<QString> formatPretty(QStringView text, int indent)
{
    return reformat(text, std::max(0, indent), true);
}

std::optional<QString> formatCompact(QStringView text)
{
    return reformat(text, 0, false);
}

} // namespace JobDesk::Json
