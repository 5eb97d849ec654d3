// SPDX-License-Identifier: GPL-3.0-or-later
// A flat, raw-text-keeping tree built from the scanner's tokens (one pass, no recursion).
#include "core/json/JsonTree.h"

namespace JobDesk::Json {

namespace {

ValueKind kindOf(TokenKind token)
{
    switch (token) {
    case TokenKind::BeginObject:
        return ValueKind::Object;
    case TokenKind::BeginArray:
        return ValueKind::Array;
    case TokenKind::String:
        return ValueKind::String;
    case TokenKind::Number:
        return ValueKind::Number;
    case TokenKind::True:
    case TokenKind::False:
        return ValueKind::Boolean;
    case TokenKind::Null:
        return ValueKind::Null;
    default:
        return ValueKind::None;
    }
}

bool isDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

/// "-?digits" (no fraction, no exponent), as keys are written.
bool isIntegerText(QStringView s)
{
    if (s.startsWith(u'-'))
        s = s.mid(1);
    return isDigits(s);
}

} // namespace

Document Document::parse(QStringView text)
{
    auto data = std::make_shared<TreeData>();
    data->text = text.toString();
    std::vector<TreeData::Node> &nodes = data->nodes;
    std::vector<int> open; // containers not yet closed
    std::vector<int> lastChild;
    qsizetype keyOffset = -1;
    qsizetype keyLength = 0;

    ScanOptions options;
    options.findDuplicates = false;
    options.onToken = [&](const Token &token) {
        if (token.kind == TokenKind::Key) {
            keyOffset = token.offset;
            keyLength = token.length;
            return;
        }
        if (token.kind == TokenKind::EndObject || token.kind == TokenKind::EndArray) {
            TreeData::Node &node = nodes[static_cast<size_t>(open.back())];
            node.length = token.offset + 1 - node.offset;
            open.pop_back();
            lastChild.pop_back();
            return;
        }
        const ValueKind kind = kindOf(token.kind);
        if (kind == ValueKind::None)
            return; // colons and commas
        const int index = static_cast<int>(nodes.size());
        TreeData::Node node;
        node.kind = kind;
        node.offset = token.offset;
        node.length = token.length;
        if (!open.empty()) {
            const TreeData::Node &parent = nodes[static_cast<size_t>(open.back())];
            if (parent.kind == ValueKind::Object) {
                node.nameOffset = keyOffset;
                node.nameLength = keyLength;
            }
            if (lastChild.back() < 0)
                nodes[static_cast<size_t>(open.back())].firstChild = index;
            else
                nodes[static_cast<size_t>(lastChild.back())].nextSibling = index;
            lastChild.back() = index;
        }
        nodes.push_back(node);
        if (kind == ValueKind::Object || kind == ValueKind::Array) {
            open.push_back(index);
            lastChild.push_back(-1);
        }
    };
    const ScanResult scanned = scan(data->text, options);
    data->error = scanned.error;
    if (!scanned.ok())
        data->nodes.clear();
    Document document;
    document.m_data = std::move(data);
    return document;
}

Document Document::fromUtf8(const QByteArray &utf8)
{
    QByteArray bytes = utf8;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    return parse(QString::fromUtf8(bytes));
}

bool Document::isValid() const
{
    return m_data && !m_data->error;
}

QString Document::errorMessage() const
{
    if (!m_data)
        return QStringLiteral("no JSON text");
    if (!m_data->error)
        return QString();
    return QStringLiteral("line %1, column %2: %3")
        .arg(m_data->error->position.line)
        .arg(m_data->error->position.column)
        .arg(m_data->error->message);
}

Value Document::root() const
{
    if (!isValid() || m_data->nodes.empty())
        return Value();
    return Value(m_data, 0);
}

const QString &Document::text() const
{
    static const QString empty;
    return m_data ? m_data->text : empty;
}

ValueKind Value::kind() const
{
    if (!m_doc)
        return ValueKind::None;
    return m_doc->nodes[static_cast<size_t>(m_index)].kind;
}

QStringView Value::raw() const
{
    if (!m_doc)
        return QStringView();
    const TreeData::Node &node = m_doc->nodes[static_cast<size_t>(m_index)];
    return QStringView(m_doc->text).mid(node.offset, node.length);
}

QString Value::text() const
{
    switch (kind()) {
    case ValueKind::String:
        return unescape(raw());
    case ValueKind::Number:
    case ValueKind::Boolean:
        return raw().toString();
    default:
        return QString();
    }
}

QString Value::keyText() const
{
    QString digits;
    if (isString())
        digits = unescape(raw()).trimmed();
    else if (isNumber())
        digits = raw().toString();
    return isIntegerText(digits) ? digits : QString();
}

std::optional<bool> Value::toBool() const
{
    if (kind() != ValueKind::Boolean)
        return std::nullopt;
    return raw() == u"true";
}

std::optional<qint64> Value::toInt64() const
{
    const QString digits = keyText();
    if (digits.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

QStringList Value::stringList() const
{
    QStringList list;
    for (const Value &element : elements()) {
        if (element.isString())
            list.append(element.text());
    }
    return list;
}

QString Value::nameOf(int index) const
{
    const TreeData::Node &node = m_doc->nodes[static_cast<size_t>(index)];
    if (node.nameOffset < 0)
        return QString();
    return unescape(QStringView(m_doc->text).mid(node.nameOffset, node.nameLength));
}

Value Value::operator[](QStringView name) const
{
    if (!isObject())
        return Value();
    const auto &nodes = m_doc->nodes;
    const QStringView text(m_doc->text);
    for (int child = nodes[static_cast<size_t>(m_index)].firstChild; child >= 0;
         child = nodes[static_cast<size_t>(child)].nextSibling) {
        const TreeData::Node &node = nodes[static_cast<size_t>(child)];
        // The name token includes its quotes; compare without unescaping when it has no escapes.
        const QStringView token = text.mid(node.nameOffset + 1, node.nameLength - 2);
        if (token.contains(u'\\') ? unescape(token) == name : token == name)
            return at(child);
    }
    return Value();
}

QList<QPair<QString, Value>> Value::members() const
{
    QList<QPair<QString, Value>> list;
    if (!isObject())
        return list;
    const auto &nodes = m_doc->nodes;
    for (int child = nodes[static_cast<size_t>(m_index)].firstChild; child >= 0;
         child = nodes[static_cast<size_t>(child)].nextSibling)
        list.append({nameOf(child), at(child)});
    return list;
}

QList<Value> Value::elements() const
{
    QList<Value> list;
    if (!isArray())
        return list;
    const auto &nodes = m_doc->nodes;
    for (int child = nodes[static_cast<size_t>(m_index)].firstChild; child >= 0;
         child = nodes[static_cast<size_t>(child)].nextSibling)
        list.append(at(child));
    return list;
}

} // namespace JobDesk::Json
