// SPDX-License-Identifier: GPL-3.0-or-later
// The strict scanner: one linear pass, an explicit stack instead of recursion.
#include "core/json/Json.h"
#include "core/json/JsonChars.h"

#include <QHash>

#include <algorithm>
#include <utility>
#include <vector>

namespace JobDesk::Json {

namespace {

using detail::codePointName;
using detail::hexQuad;
using detail::isDigit;
using detail::isHex;
using detail::isWordChar;
using detail::isWs;
using detail::positionsAt;

QString quoted(QStringView s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += QLatin1Char('"');
    out += s;
    out += QLatin1Char('"');
    return out;
}

bool isIdentifier(QStringView key)
{
    if (key.isEmpty() || isDigit(key.front().unicode()))
        return false;
    return std::all_of(key.cbegin(), key.cend(), [](QChar c) { return isWordChar(c.unicode()); });
}

struct Frame
{
    bool isObject = false;
    qsizetype openOffset = 0;
    int index = 0; ///< arrays: index of the current element
    QStringView key; ///< objects: the current member's name (into the text or owned storage)
    std::vector<std::pair<QStringView, qsizetype>> smallKeys;
    QHash<QStringView, qsizetype> keys;

    void reset(bool object, qsizetype offset)
    {
        isObject = object;
        openOffset = offset;
        index = 0;
        key = QStringView();
        smallKeys.clear();
        if (!keys.isEmpty())
            keys.clear();
    }
    /// Remembers a key; returns the offset of an earlier occurrence, or -1.
    qsizetype remember(QStringView name, qsizetype offset)
    {
        constexpr size_t kSmall = 8;
        if (keys.isEmpty()) {
            for (const auto &[k, o] : smallKeys) {
                if (k == name)
                    return o;
            }
            if (smallKeys.size() < kSmall) {
                smallKeys.emplace_back(name, offset);
                return -1;
            }
            for (const auto &[k, o] : smallKeys)
                keys.insert(k, o);
            smallKeys.clear();
        }
        const auto it = keys.constFind(name);
        if (it != keys.cend())
            return it.value();
        keys.insert(name, offset);
        return -1;
    }
};

class Scanner
{
public:
    Scanner(QStringView text, const ScanOptions &options)
        : m_text(text)
        , m_n(text.size())
        , m_options(options)
        , m_onToken(options.onToken ? &options.onToken : nullptr)
    {
    }

    ScanResult run();

private:
    enum class State { Value, AfterValue, Key };

    char16_t at(qsizetype i) const { return i < m_n ? m_text[i].unicode() : u'\0'; }
    void skipWs()
    {
        while (m_i < m_n && isWs(m_text[m_i].unicode()))
            ++m_i;
    }
    void token(TokenKind kind, qsizetype offset, qsizetype length)
    {
        if (m_onToken)
            (*m_onToken)(Token {kind, offset, length});
    }
    void fail(qsizetype offset, const QString &message)
    {
        m_errorOffset = offset;
        m_errorMessage = message;
    }
    void failUnexpected(const QString &expected, bool expectingKey);
    void failAtEnd(const QString &expected);
    bool scanString(bool &hasEscapes);
    bool scanNumber();
    bool scanValue();
    QString pathWith(QStringView key) const;
    Frame &top() { return m_frames[m_depth - 1]; }

    QStringView m_text;
    qsizetype m_n = 0;
    qsizetype m_i = 0;
    const ScanOptions &m_options;
    const std::function<void(const Token &)> *m_onToken = nullptr;
    std::vector<Frame> m_frames;
    int m_depth = 0;
    qsizetype m_lastComma = -1;
    qsizetype m_valueEnd = 0;
    qsizetype m_errorOffset = -1;
    QString m_errorMessage;
    ScanResult m_result;
    Member m_pending;
    struct Dup
    {
        QString key;
        QString path;
        qsizetype offset;
        qsizetype firstOffset;
    };
    QList<Dup> m_dups;
    QList<QString> m_unescapedKeys; ///< owns the keys that had escapes; frames view into it
};

void Scanner::failAtEnd(const QString &expected)
{
    if (m_depth > 0 && expected.isEmpty()) {
        const Frame &f = m_frames[m_depth - 1];
        const TextPosition open = positionAt(m_text, f.openOffset);
        fail(m_n,
            QStringLiteral("unexpected end of the text: the %1 opened at line %2, column %3 "
                           "is not closed")
                .arg(f.isObject ? QStringLiteral("object") : QStringLiteral("array"))
                .arg(open.line)
                .arg(open.column));
        return;
    }
    fail(m_n, QStringLiteral("unexpected end of the text: expected %1").arg(expected));
}

void Scanner::failUnexpected(const QString &expected, bool expectingKey)
{
    const char16_t c = at(m_i);
    if (m_i >= m_n)
        return failAtEnd(expected);
    if (c == u'/' && (at(m_i + 1) == u'/' || at(m_i + 1) == u'*'))
        return fail(m_i, QStringLiteral("comments are not allowed in JSON"));
    if (c == u'\'')
        return fail(m_i, QStringLiteral("single quotes are not JSON strings; use double quotes"));
    if (c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019)
        return fail(m_i,
            QStringLiteral("typographic quotes (%1) are not JSON quotes; use \"")
                .arg(QString(QChar(c))));
    if (isWordChar(c) && !isDigit(c)) {
        qsizetype end = m_i;
        while (end < m_n && isWordChar(m_text[end].unicode()))
            ++end;
        const QString word = m_text.mid(m_i, end - m_i).toString();
        if (expectingKey)
            return fail(
                m_i, QStringLiteral("object keys must be in double quotes: \"%1\"").arg(word));
        if (word == QLatin1String("NaN") || word == QLatin1String("Infinity"))
            return fail(
                m_i, QStringLiteral("invalid number: NaN and Infinity are not JSON numbers"));
        if (word == QLatin1String("undefined"))
            return fail(m_i, QStringLiteral("undefined is not JSON; use null"));
        const QString lower = word.toLower();
        if (lower == QLatin1String("true") || lower == QLatin1String("false")
            || lower == QLatin1String("null") || word == QLatin1String("None"))
            return fail(m_i,
                QStringLiteral("'%1' is not a JSON literal; use true, false or null "
                               "(lower case)")
                    .arg(word));
        if (expected == QLatin1String("a value"))
            return fail(m_i,
                QStringLiteral("unexpected word '%1': strings must be in double quotes").arg(word));
    }
    if (c == 0xFEFF)
        return fail(m_i, QStringLiteral("unexpected byte order mark (U+FEFF)"));
    if (c == 0x00A0)
        return fail(m_i, QStringLiteral("unexpected no-break space (U+00A0); use a plain space"));
    QString found;
    if (c < 0x20 || c == 0x7F)
        found = QStringLiteral("control character %1").arg(codePointName(c));
    else if (c > 0x7F)
        found
            = QStringLiteral("'%1' (%2)")
                  .arg(QString(QChar(c)),
                      codePointName(QChar::isHighSurrogate(c) && QChar::isLowSurrogate(at(m_i + 1))
                              ? QChar::surrogateToUcs4(c, at(m_i + 1))
                              : c));
    else
        found = QStringLiteral("'%1'").arg(QString(QChar(c)));
    fail(m_i, QStringLiteral("expected %1, found %2").arg(expected, found));
}

bool Scanner::scanString(bool &hasEscapes)
{
    const qsizetype start = m_i;
    qsizetype j = m_i + 1;
    hasEscapes = false;
    while (j < m_n) {
        const char16_t c = m_text[j].unicode();
        if (c == u'"') {
            m_i = j + 1;
            return true;
        }
        if (c == u'\\') {
            hasEscapes = true;
            const char16_t e = at(j + 1);
            if (j + 1 >= m_n)
                break;
            if (e == u'"' || e == u'\\' || e == u'/' || e == u'b' || e == u'f' || e == u'n'
                || e == u'r' || e == u't') {
                j += 2;
                continue;
            }
            if (e == u'u') {
                for (int k = 2; k < 6; ++k) {
                    if (!isHex(at(j + k))) {
                        fail(j,
                            QStringLiteral(
                                "invalid \\u escape in a string: expected 4 hex digits"));
                        return false;
                    }
                }
                // A \u escape of a surrogate must be half of a pair (RFC 8259 §8.2): a lone
                // one is no character, and servers reject or mangle it.
                const char16_t unit = hexQuad(m_text, j + 2);
                if (QChar::isLowSurrogate(unit)) {
                    fail(j,
                        QStringLiteral("invalid \\u escape in a string: \\u%1 is the second "
                                       "half of a surrogate pair without its first half")
                            .arg(QStringView(m_text).mid(j + 2, 4)));
                    return false;
                }
                if (QChar::isHighSurrogate(unit)) {
                    const bool paired = at(j + 6) == u'\\' && at(j + 7) == u'u' && isHex(at(j + 8))
                        && isHex(at(j + 9)) && isHex(at(j + 10)) && isHex(at(j + 11))
                        && QChar::isLowSurrogate(hexQuad(m_text, j + 8));
                    if (!paired) {
                        fail(j,
                            QStringLiteral("invalid \\u escape in a string: \\u%1 is the first "
                                           "half of a surrogate pair; the second half "
                                           "(\\uDC00 to \\uDFFF) must follow it")
                                .arg(QStringView(m_text).mid(j + 2, 4)));
                        return false;
                    }
                    j += 12;
                    continue;
                }
                j += 6;
                continue;
            }
            fail(j, QStringLiteral("invalid escape '\\%1' in a string").arg(QString(QChar(e))));
            return false;
        }
        if (c == u'\n' || c == u'\r') {
            fail(start,
                QStringLiteral("unterminated string: it runs to the end of the line (write "
                               "a line break inside a string as \\n)"));
            return false;
        }
        if (c < 0x20) {
            fail(j,
                QStringLiteral("control character %1 in a string must be escaped")
                    .arg(codePointName(c)));
            return false;
        }
        if (QChar::isSurrogate(c)) {
            if (QChar::isHighSurrogate(c) && QChar::isLowSurrogate(at(j + 1))) {
                j += 2;
                continue;
            }
            fail(j,
                QStringLiteral("invalid character: unpaired surrogate %1").arg(codePointName(c)));
            return false;
        }
        ++j;
    }
    fail(start, QStringLiteral("unterminated string: the closing '\"' is missing"));
    return false;
}

bool Scanner::scanNumber()
{
    const qsizetype start = m_i;
    qsizetype j = m_i;
    if (at(j) == u'-') {
        ++j;
        if (!isDigit(at(j))) {
            if (at(j) == u'I')
                fail(
                    start, QStringLiteral("invalid number: NaN and Infinity are not JSON numbers"));
            else
                fail(start, QStringLiteral("invalid number: a digit must follow '-'"));
            return false;
        }
    }
    if (at(j) == u'0') {
        ++j;
        if (isDigit(at(j))) {
            fail(start, QStringLiteral("invalid number: leading zeros are not allowed"));
            return false;
        }
        if (at(j) == u'x' || at(j) == u'X') {
            fail(start, QStringLiteral("invalid number: hexadecimal numbers are not JSON"));
            return false;
        }
    } else {
        while (isDigit(at(j)))
            ++j;
    }
    if (at(j) == u'.') {
        ++j;
        if (!isDigit(at(j))) {
            fail(start, QStringLiteral("invalid number: a digit must follow the decimal point"));
            return false;
        }
        while (isDigit(at(j)))
            ++j;
    }
    if (at(j) == u'e' || at(j) == u'E') {
        ++j;
        if (at(j) == u'+' || at(j) == u'-')
            ++j;
        if (!isDigit(at(j))) {
            fail(start, QStringLiteral("invalid number: the exponent has no digits"));
            return false;
        }
        while (isDigit(at(j)))
            ++j;
    }
    if (j < m_n && (isWordChar(at(j)) || at(j) == u'.')) {
        qsizetype end = j;
        while (end < m_n && (isWordChar(at(end)) || at(end) == u'.'))
            ++end;
        fail(start, QStringLiteral("invalid number '%1'").arg(m_text.mid(start, end - start)));
        return false;
    }
    m_i = j;
    token(TokenKind::Number, start, j - start);
    return true;
}

QString Scanner::pathWith(QStringView key) const
{
    QString path;
    auto appendKey = [&path](QStringView k) {
        if (isIdentifier(k)) {
            if (!path.isEmpty())
                path += QLatin1Char('.');
            path += k;
        } else {
            path += QLatin1Char('[') + quote(k) + QLatin1Char(']');
        }
    };
    for (int d = 0; d < m_depth - 1; ++d) {
        const Frame &f = m_frames[d];
        if (f.isObject)
            appendKey(f.key);
        else
            path += QStringLiteral("[%1]").arg(f.index);
    }
    appendKey(key);
    return path;
}

/// Scans a scalar or opens a container; false on error.
bool Scanner::scanValue()
{
    const char16_t c = m_text[m_i].unicode();
    const qsizetype start = m_i;
    if (c == u'"') {
        bool escapes = false;
        if (!scanString(escapes))
            return false;
        token(TokenKind::String, start, m_i - start);
    } else if (c == u'-' || isDigit(c)) {
        if (!scanNumber())
            return false;
    } else if (c == u't' && m_text.mid(m_i, 4) == QLatin1String("true")
        && !isWordChar(at(m_i + 4))) {
        m_i += 4;
        token(TokenKind::True, start, 4);
    } else if (c == u'f' && m_text.mid(m_i, 5) == QLatin1String("false")
        && !isWordChar(at(m_i + 5))) {
        m_i += 5;
        token(TokenKind::False, start, 5);
    } else if (c == u'n' && m_text.mid(m_i, 4) == QLatin1String("null")
        && !isWordChar(at(m_i + 4))) {
        m_i += 4;
        token(TokenKind::Null, start, 4);
    } else if (c == u'+') {
        fail(m_i, QStringLiteral("invalid number: a leading '+' is not allowed"));
        return false;
    } else if (c == u'.' && isDigit(at(m_i + 1))) {
        fail(m_i, QStringLiteral("invalid number: a digit must come before the decimal point"));
        return false;
    } else {
        failUnexpected(QStringLiteral("a value"), false);
        return false;
    }
    m_valueEnd = m_i;
    return true;
}

ScanResult Scanner::run()
{
    skipWs();
    if (m_i >= m_n) {
        fail(m_i, QStringLiteral("the text is empty"));
    } else {
        State state = State::Value;
        bool done = false;
        while (!done && m_errorOffset < 0) {
            switch (state) {
            case State::Value: {
                skipWs();
                if (m_i >= m_n) {
                    failAtEnd(QStringLiteral("a value"));
                    break;
                }
                const char16_t c = m_text[m_i].unicode();
                if (m_depth == 0) {
                    m_result.rootPosition.offset = m_i;
                    if (c == u'{' || c == u'[')
                        m_result.rootKind = c == u'{' ? ValueKind::Object : ValueKind::Array;
                }
                if (m_depth == 1 && m_frames[0].isObject)
                    m_pending.valueOffset = m_i;
                if (c == u'{' || c == u'[') {
                    const bool object = c == u'{';
                    if (m_depth >= m_options.maxDepth) {
                        fail(m_i,
                            QStringLiteral("nesting is deeper than %1 levels")
                                .arg(m_options.maxDepth));
                        break;
                    }
                    token(object ? TokenKind::BeginObject : TokenKind::BeginArray, m_i, 1);
                    if (static_cast<size_t>(m_depth) == m_frames.size())
                        m_frames.emplace_back();
                    m_frames[m_depth++].reset(object, m_i);
                    ++m_i;
                    skipWs();
                    if (at(m_i) == (object ? u'}' : u']') && m_i < m_n) {
                        token(object ? TokenKind::EndObject : TokenKind::EndArray, m_i, 1);
                        ++m_i;
                        --m_depth;
                        m_valueEnd = m_i;
                        state = State::AfterValue;
                    } else {
                        state = object ? State::Key : State::Value;
                    }
                } else if (scanValue()) {
                    if (m_depth == 0) {
                        m_result.rootKind = c == u'"' ? ValueKind::String
                            : c == u't' || c == u'f'  ? ValueKind::Boolean
                            : c == u'n'               ? ValueKind::Null
                                                      : ValueKind::Number;
                    }
                    state = State::AfterValue;
                }
                break;
            }
            case State::AfterValue: {
                skipWs();
                if (m_depth == 0) {
                    if (m_i < m_n) {
                        if (at(m_i) == u'/' && (at(m_i + 1) == u'/' || at(m_i + 1) == u'*'))
                            fail(m_i, QStringLiteral("comments are not allowed in JSON"));
                        else
                            fail(m_i,
                                QStringLiteral("unexpected text after the end of the JSON value"));
                    }
                    done = true;
                    break;
                }
                Frame &f = top();
                if (m_i >= m_n) {
                    failAtEnd(QString());
                    break;
                }
                const char16_t c = m_text[m_i].unicode();
                // A member counts as complete only once ',' or '}' follows: a number at the end
                // of a truncated body may itself be cut.
                if (f.isObject && m_depth == 1 && m_options.collectTopLevelMembers
                    && (c == u',' || c == u'}')) {
                    m_pending.valueLength = m_valueEnd - m_pending.valueOffset;
                    m_result.members.append(m_pending);
                }
                if (c == u',') {
                    token(TokenKind::Comma, m_i, 1);
                    m_lastComma = m_i++;
                    if (f.isObject) {
                        state = State::Key;
                    } else {
                        ++f.index;
                        skipWs();
                        if (at(m_i) == u']' && m_i < m_n) {
                            fail(m_lastComma, QStringLiteral("trailing comma before ']'"));
                            break;
                        }
                        state = State::Value;
                    }
                } else if (c == (f.isObject ? u'}' : u']')) {
                    token(f.isObject ? TokenKind::EndObject : TokenKind::EndArray, m_i, 1);
                    ++m_i;
                    --m_depth;
                    m_valueEnd = m_i;
                } else if (f.isObject) {
                    failUnexpected(
                        QStringLiteral("',' or '}' after member %1").arg(quoted(f.key)), false);
                } else {
                    failUnexpected(QStringLiteral("',' or ']' after an array element"), false);
                }
                break;
            }
            case State::Key: {
                skipWs();
                if (m_i >= m_n) {
                    failAtEnd(QStringLiteral("a key in double quotes"));
                    break;
                }
                const char16_t c = m_text[m_i].unicode();
                if (c == u'}' && m_lastComma >= 0) {
                    fail(m_lastComma, QStringLiteral("trailing comma before '}'"));
                    break;
                }
                if (c != u'"') {
                    failUnexpected(QStringLiteral("a key in double quotes"), true);
                    break;
                }
                const qsizetype start = m_i;
                bool escapes = false;
                if (!scanString(escapes))
                    break;
                token(TokenKind::Key, start, m_i - start);
                const QStringView raw = m_text.mid(start + 1, m_i - start - 2);
                Frame &f = top();
                if (escapes) {
                    m_unescapedKeys.append(unescape(raw));
                    f.key = m_unescapedKeys.back();
                } else {
                    f.key = raw;
                }
                if (m_depth == 1) {
                    ++m_result.topLevelCount;
                    if (m_options.collectTopLevelMembers)
                        m_pending = Member {f.key.toString(), start, 0, 0};
                }
                if (m_options.findDuplicates) {
                    const qsizetype first = f.remember(f.key, start);
                    if (first >= 0)
                        m_dups.append(Dup {f.key.toString(), pathWith(f.key), start, first});
                }
                skipWs();
                if (at(m_i) != u':' || m_i >= m_n) {
                    failUnexpected(
                        QStringLiteral("':' after the key %1").arg(quoted(f.key)), false);
                    break;
                }
                token(TokenKind::Colon, m_i, 1);
                ++m_i;
                state = State::Value;
                break;
            }
            }
        }
    }

    QList<qsizetype> offsets;
    offsets.reserve(2 * m_dups.size() + 2);
    offsets.append(m_result.rootPosition.offset);
    offsets.append(std::max<qsizetype>(m_errorOffset, 0));
    for (const Dup &d : std::as_const(m_dups)) {
        offsets.append(d.offset);
        offsets.append(d.firstOffset);
    }
    const QList<TextPosition> positions = positionsAt(m_text, offsets);
    m_result.rootPosition = positions[0];
    if (m_errorOffset >= 0)
        m_result.error = Error {positions[1], m_errorMessage};
    for (int k = 0; k < m_dups.size(); ++k) {
        const Dup &d = m_dups[k];
        m_result.duplicates.append(
            DuplicateKey {d.key, d.path, positions[2 + 2 * k], positions[3 + 2 * k]});
    }
    return std::move(m_result);
}

} // namespace

ScanResult scan(QStringView text, const ScanOptions &options)
{
    Scanner scanner(text, options);
    return scanner.run();
}

TextPosition positionAt(QStringView text, qsizetype offset)
{
    return positionsAt(text, QList<qsizetype> {offset}).front();
}

} // namespace JobDesk::Json
