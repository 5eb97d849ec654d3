// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/SecretRedactor.h"

#include "core/http/AuthProvider.h"
#include "core/json/Json.h"

#include <QUrl>

#include <algorithm>

namespace JobDesk {

namespace {

/// The character (not byte) at `index` going in `direction` is a letter or a digit: a UTF-8
/// sequence is decoded, so `é` continues a value and a typographic quote does not.
bool isWordAt(const QByteArray &text, qsizetype index, int direction)
{
    const auto byte = [&text](qsizetype i) { return static_cast<unsigned char>(text.at(i)); };
    const unsigned char c = byte(index);
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    qsizetype start = index;
    if (direction < 0) {
        while (start > 0 && (byte(start) & 0xC0) == 0x80 && index - start < 3)
            --start;
    }
    qsizetype end = start + 1;
    while (end < text.size() && (byte(end) & 0xC0) == 0x80 && end - start < 4)
        ++end;
    const QString decoded = QString::fromUtf8(text.mid(start, end - start));
    if (decoded.isEmpty())
        return false;
    const char32_t codePoint = decoded.at(0).isHighSurrogate() && decoded.size() > 1
        ? QChar::surrogateToUcs4(decoded.at(0), decoded.at(1))
        : decoded.at(0).unicode();
    return QChar::isLetterOrNumber(codePoint);
}

bool isJoiner(char c)
{
    switch (c) {
    case '-':
    case '_':
    case '.':
    case '~':
    case '+':
    case '%':
    case '/':
        return true;
    default:
        return false;
    }
}

/// True when the text at `index` (the neighbour of a match, looking away from it in `direction`)
/// continues the value: a letter or digit, or a joiner followed by one. A sentence's full stop
/// after a secret is not a continuation.
bool continuesValue(const QByteArray &text, qsizetype index, int direction)
{
    if (index < 0 || index >= text.size())
        return false;
    if (isWordAt(text, index, direction))
        return true;
    if (!isJoiner(text.at(index)))
        return false;
    const qsizetype next = index + direction;
    return next >= 0 && next < text.size() && isWordAt(text, next, direction);
}

QByteArray lowerHexEscapes(QByteArray percentEncoded)
{
    for (qsizetype i = 0; i + 2 < percentEncoded.size(); ++i) {
        if (percentEncoded.at(i) != '%')
            continue;
        percentEncoded[i + 1] = static_cast<char>(QChar::toLower(uint(percentEncoded.at(i + 1))));
        percentEncoded[i + 2] = static_cast<char>(QChar::toLower(uint(percentEncoded.at(i + 2))));
        i += 2;
    }
    return percentEncoded;
}

QByteArray htmlEscaped(const QByteArray &secret)
{
    QByteArray out;
    for (const char c : secret) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace

SecretRedactor::SecretRedactor(const QList<QByteArray> &secrets)
{
    for (const QByteArray &secret : secrets) {
        if (secret.isEmpty())
            continue;
        for (const QByteArray &variant : variants(secret)) {
            if (!m_needles.contains(variant))
                m_needles.append(variant);
        }
    }
    std::stable_sort(m_needles.begin(), m_needles.end(),
        [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
}

QList<QByteArray> SecretRedactor::variants(const QByteArray &secret)
{
    QList<QByteArray> list {secret};
    const auto add = [&list](const QByteArray &variant) {
        if (!variant.isEmpty() && !list.contains(variant))
            list.append(variant);
    };
    const QByteArray percent = QUrl::toPercentEncoding(QString::fromUtf8(secret));
    add(percent);
    QByteArray form = percent;
    form.replace("%20", "+");
    add(form);
    add(lowerHexEscapes(percent)); // some servers write the hex digits in lower case
    // As a JSON string carries it (quotes stripped), also with the optional escape of '/'.
    const QByteArray quoted = Json::quoteUtf8(QString::fromUtf8(secret));
    const QByteArray json = quoted.mid(1, quoted.size() - 2);
    add(json);
    add(QByteArray(json).replace("/", "\\/"));
    add(htmlEscaped(secret));
    return list;
}

QByteArray SecretRedactor::redact(const QByteArray &text) const
{
    if (m_needles.isEmpty() || text.isEmpty())
        return text;
    QByteArray out = text;
    const QByteArray marker(AuthProvider::kRedacted);
    for (const QByteArray &needle : m_needles) {
        qsizetype from = 0;
        while ((from = out.indexOf(needle, from)) >= 0) {
            const qsizetype end = from + needle.size();
            if (continuesValue(out, from - 1, -1) || continuesValue(out, end, +1)) {
                from += 1;
                continue;
            }
            out.replace(from, needle.size(), marker);
            from += marker.size();
        }
    }
    return out;
}

QString SecretRedactor::redact(const QString &text) const
{
    if (m_needles.isEmpty() || text.isEmpty())
        return text;
    return QString::fromUtf8(redact(text.toUtf8()));
}

} // namespace JobDesk
