// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/json/Json.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringView>

#include <memory>
#include <optional>
#include <vector>

namespace JobDesk::Json {

class Document;
struct TreeData;

/// A read-only handle to one value of a Document: its kind, its exact text, its members or
/// elements. A default (or missing) Value is "absent": every accessor answers empty. A Value
/// shares the parsed text, so it stays valid after the Document is gone.
class Value final
{
public:
    Value() = default;

    /// False for a member or element that is not there.
    bool exists() const { return m_doc != nullptr; }
    ValueKind kind() const;
    bool isNull() const { return kind() == ValueKind::Null; }
    bool isObject() const { return kind() == ValueKind::Object; }
    bool isArray() const { return kind() == ValueKind::Array; }
    bool isString() const { return kind() == ValueKind::String; }
    bool isNumber() const { return kind() == ValueKind::Number; }

    /// The value's text exactly as in the document (strings with quotes and escapes).
    QStringView raw() const;
    QByteArray rawUtf8() const { return raw().toUtf8(); }
    /// A string unescaped; a number or boolean as its text; null, objects, arrays and absent
    /// values as a null QString.
    QString text() const;
    /// A key as exact digits: a string of digits (an optional leading '-') or an integer number,
    /// never through a double. Anything else (a fraction, an exponent, a word) is absent.
    QString keyText() const;
    std::optional<bool> toBool() const;
    /// An integer number (or a string of digits) that fits in 64 bits.
    std::optional<qint64> toInt64() const;
    /// The strings of an array of strings; other elements are skipped.
    QStringList stringList() const;

    /// The first member of that name (objects only).
    Value operator[](QStringView name) const;
    /// Members in document order (objects only).
    QList<QPair<QString, Value>> members() const;
    /// Elements in order (arrays only).
    QList<Value> elements() const;

private:
    friend class Document;
    Value(std::shared_ptr<const TreeData> doc, int index)
        : m_doc(std::move(doc))
        , m_index(index)
    {
    }
    Value at(int index) const { return Value(m_doc, index); }
    QString nameOf(int index) const;

    std::shared_ptr<const TreeData> m_doc;
    int m_index = -1;
};

/// A JSON text parsed once into a flat tree that keeps every value's exact text.
///
/// Used to read the server's answers and JobDesk's own files: numbers keep every digit (a key
/// sent as a number arrives as its digits, never through a double), strings keep their escapes
/// until asked for, and the order of members is the document's. Parsing uses the core scanner
/// (strict RFC 8259, no recursion); a text that is not valid JSON gives an invalid Document with
/// the scanner's message. Duplicate member names are allowed; lookups answer the first.
class Document final
{
public:
    Document() = default;
    static Document parse(QStringView text);
    static Document fromUtf8(const QByteArray &utf8);

    bool isValid() const;
    /// "line L, column C: …" for an invalid text, empty otherwise.
    QString errorMessage() const;
    Value root() const;
    const QString &text() const;

private:
    std::shared_ptr<const TreeData> m_data;
};

/// The parsed nodes of a Document (an implementation detail shared by its Values).
struct TreeData
{
    struct Node
    {
        ValueKind kind = ValueKind::None;
        qsizetype offset = 0;
        qsizetype length = 0;
        int firstChild = -1;
        int nextSibling = -1;
        qsizetype nameOffset = -1; ///< of the member name's opening quote, -1 for none
        qsizetype nameLength = 0;
    };
    QString text;
    std::vector<Node> nodes;
    std::optional<Error> error;
};

} // namespace JobDesk::Json
