// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/RawJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cctype>

namespace JobDesk::Sandbox::RawJson {

namespace {

constexpr int MaxDepth = 512;

/// A strict RFC 8259 scanner over bytes: each function returns the position after what it read,
/// or -1 when the text is not valid there.
class Scanner final
{
public:
    explicit Scanner(const QByteArray &text)
        : m_data(text.constData())
        , m_size(text.size())
    {
    }

    qsizetype skipBlanks(qsizetype i) const
    {
        while (i < m_size
            && (m_data[i] == ' ' || m_data[i] == '\t' || m_data[i] == '\n' || m_data[i] == '\r'))
            ++i;
        return i;
    }

    qsizetype value(qsizetype i, int depth) const
    {
        if (i >= m_size || depth > MaxDepth)
            return -1;
        switch (m_data[i]) {
        case '{':
            return object(i, depth + 1, nullptr);
        case '[':
            return array(i, depth + 1);
        case '"':
            return string(i);
        case 't':
            return literal(i, "true");
        case 'f':
            return literal(i, "false");
        case 'n':
            return literal(i, "null");
        default:
            return number(i);
        }
    }

    /// Reads an object; with `out`, collects its members (name span, value span).
    qsizetype object(qsizetype i, int depth, std::vector<Member> *out) const
    {
        i = skipBlanks(i + 1);
        if (i < m_size && m_data[i] == '}')
            return i + 1;
        while (true) {
            if (i >= m_size || m_data[i] != '"')
                return -1;
            const qsizetype nameStart = i;
            i = string(i);
            if (i < 0)
                return -1;
            const qsizetype nameEnd = i;
            i = skipBlanks(i);
            if (i >= m_size || m_data[i] != ':')
                return -1;
            i = skipBlanks(i + 1);
            const qsizetype valueStart = i;
            i = value(i, depth);
            if (i < 0)
                return -1;
            if (out) {
                out->push_back(Member {decodeString(nameStart, nameEnd),
                    QByteArray(m_data + valueStart, i - valueStart)});
            }
            i = skipBlanks(i);
            if (i < m_size && m_data[i] == ',') {
                i = skipBlanks(i + 1);
                continue;
            }
            return i < m_size && m_data[i] == '}' ? i + 1 : -1;
        }
    }

    /// Reads an array; with `out`, collects its elements' text.
    qsizetype array(qsizetype i, int depth, std::vector<QByteArray> *out = nullptr) const
    {
        i = skipBlanks(i + 1);
        if (i < m_size && m_data[i] == ']')
            return i + 1;
        while (true) {
            const qsizetype start = skipBlanks(i);
            i = value(start, depth);
            if (i < 0)
                return -1;
            if (out)
                out->emplace_back(m_data + start, i - start);
            i = skipBlanks(i);
            if (i < m_size && m_data[i] == ',') {
                ++i;
                continue;
            }
            return i < m_size && m_data[i] == ']' ? i + 1 : -1;
        }
    }

    qsizetype string(qsizetype i) const
    {
        ++i; // opening quote
        while (i < m_size) {
            const auto c = static_cast<unsigned char>(m_data[i]);
            if (c == '"')
                return i + 1;
            if (c < 0x20)
                return -1;
            if (c == '\\') {
                if (++i >= m_size)
                    return -1;
                const char e = m_data[i];
                if (e == 'u') {
                    for (int k = 1; k <= 4; ++k) {
                        if (i + k >= m_size
                            || !std::isxdigit(static_cast<unsigned char>(m_data[i + k])))
                            return -1;
                    }
                    i += 4;
                } else if (!(e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n'
                               || e == 'r' || e == 't')) {
                    return -1;
                }
            }
            ++i;
        }
        return -1;
    }

    qsizetype literal(qsizetype i, const char *word) const
    {
        for (const char *w = word; *w; ++w, ++i) {
            if (i >= m_size || m_data[i] != *w)
                return -1;
        }
        return i;
    }

    qsizetype digits(qsizetype i) const
    {
        const qsizetype start = i;
        while (i < m_size && m_data[i] >= '0' && m_data[i] <= '9')
            ++i;
        return i == start ? -1 : i;
    }

    qsizetype number(qsizetype i) const
    {
        if (i < m_size && m_data[i] == '-')
            ++i;
        if (i < m_size && m_data[i] == '0')
            ++i;
        else if ((i = digits(i)) < 0)
            return -1;
        if (i < m_size && m_data[i] == '.') {
            if ((i = digits(i + 1)) < 0)
                return -1;
        }
        if (i < m_size && (m_data[i] == 'e' || m_data[i] == 'E')) {
            ++i;
            if (i < m_size && (m_data[i] == '+' || m_data[i] == '-'))
                ++i;
            if ((i = digits(i)) < 0)
                return -1;
        }
        return i;
    }

    QString decodeString(qsizetype begin, qsizetype end) const
    {
        // Unescaping is rare (member names): let Qt's parser do it on a one-element array.
        const QByteArray literalText(m_data + begin, end - begin);
        if (!literalText.contains('\\'))
            return QString::fromUtf8(m_data + begin + 1, end - begin - 2);
        const QJsonDocument doc = QJsonDocument::fromJson('[' + literalText + ']');
        return doc.array().at(0).toString();
    }

private:
    const char *m_data;
    qsizetype m_size;
};

} // namespace

std::optional<std::vector<Member>> members(const QByteArray &text)
{
    const Scanner scanner(text);
    const qsizetype start = scanner.skipBlanks(0);
    if (start >= text.size() || text.at(start) != '{')
        return std::nullopt;
    std::vector<Member> out;
    const qsizetype end = scanner.object(start, 1, &out);
    if (end < 0 || scanner.skipBlanks(end) != text.size())
        return std::nullopt;
    return out;
}

std::optional<QByteArray> member(const QByteArray &text, const QString &name)
{
    const auto all = members(text);
    if (!all)
        return std::nullopt;
    for (auto it = all->rbegin(); it != all->rend(); ++it) {
        if (it->name == name)
            return it->value;
    }
    return std::nullopt;
}

std::optional<std::vector<QByteArray>> elements(const QByteArray &text)
{
    const Scanner scanner(text);
    const qsizetype start = scanner.skipBlanks(0);
    if (start >= text.size() || text.at(start) != '[')
        return std::nullopt;
    std::vector<QByteArray> out;
    const qsizetype end = scanner.array(start, 1, &out);
    if (end < 0 || scanner.skipBlanks(end) != text.size())
        return std::nullopt;
    return out;
}

bool isValid(const QByteArray &text)
{
    const Scanner scanner(text);
    const qsizetype end = scanner.value(scanner.skipBlanks(0), 0);
    return end >= 0 && scanner.skipBlanks(end) == text.size();
}

QByteArray compact(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < text.size())
                out += text.at(++i);
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out += c;
        } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            out += c;
        }
    }
    return out;
}

QByteArray quoted(const QString &text)
{
    // A one-element array through Qt's writer escapes exactly as JSON requires.
    QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace JobDesk::Sandbox::RawJson
