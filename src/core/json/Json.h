// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <functional>
#include <optional>

namespace JobDesk {

/// Where something is in a text: 1-based line and column (column counts characters, i.e. code
/// points, not bytes or UTF-16 units), and the 0-based UTF-16 offset into the QString (for
/// editors).
struct TextPosition
{
    int line = 1;
    int column = 1;
    qsizetype offset = 0;

    friend bool operator==(const TextPosition &a, const TextPosition &b)
    {
        return a.line == b.line && a.column == b.column && a.offset == b.offset;
    }
};

/// A small, strict RFC 8259 scanner that never re-serialises anything.
///
/// It validates a text in one linear pass without recursion (nesting is capped), reports the
/// first error with its position and a sentence a person understands, finds duplicate keys with
/// their paths, lists the top-level members of an object as raw text slices (numbers keep every
/// digit, strings keep their escapes) and hands every token to an optional callback, so the
/// editor's highlighter and the formatter reuse the same lexer.
namespace Json {

enum class TokenKind {
    BeginObject,
    EndObject,
    BeginArray,
    EndArray,
    Colon,
    Comma,
    Key, ///< a string used as a member name (quotes included)
    String, ///< a string value (quotes included)
    Number,
    True,
    False,
    Null,
    Invalid, ///< only from tokenize(): text that is not JSON (comments, bare words, …)
};

struct Token
{
    TokenKind kind = TokenKind::Invalid;
    qsizetype offset = 0;
    qsizetype length = 0;
};

enum class ValueKind { None, Object, Array, String, Number, Boolean, Null };
/// "an object", "an array", "a string", "a number", "a boolean", "null".
QString describe(ValueKind kind);

struct Error
{
    TextPosition position;
    QString message;
};

struct DuplicateKey
{
    QString key; ///< the key, unescaped
    QString path; ///< e.g. `order.items[0].sku`
    TextPosition position; ///< of the second (or later) occurrence
    TextPosition firstPosition;
};

/// A top-level member of an object: the name (unescaped) and the value's raw text.
struct Member
{
    QString name;
    qsizetype nameOffset = 0; ///< offset of the opening quote of the name
    qsizetype valueOffset = 0; ///< offset of the value's first character
    qsizetype valueLength = 0;
};

struct ScanOptions
{
    int maxDepth = 512;
    bool findDuplicates = true;
    bool collectTopLevelMembers = false;
    /// Called for every token in document order until the first error.
    std::function<void(const Token &)> onToken;
};

struct ScanResult
{
    std::optional<Error> error;
    ValueKind rootKind = ValueKind::None;
    TextPosition rootPosition; ///< where the root value starts
    QList<DuplicateKey> duplicates;
    /// Number of top-level members when the root is an object (counted even after an error up
    /// to it), 0 otherwise.
    int topLevelCount = 0;
    /// Complete top-level members (only with collectTopLevelMembers); after an error, the ones
    /// completed before it.
    QList<Member> members;

    bool ok() const { return !error.has_value(); }
};

ScanResult scan(QStringView text, const ScanOptions &options = {});

/// Lexes without grammar and never fails: for syntax highlighting of half-typed text. Strings
/// followed by ':' are reported as keys; anything unknown (comments, bare words, a string left
/// open at the end of a line) as Invalid.
QList<Token> tokenize(QStringView text);

/// Re-indents valid JSON without changing any token (numbers, escapes and key order kept).
/// std::nullopt when the text is not valid JSON.
std::optional<QString> formatPretty(QStringView text, int indent = 2);
std::optional<QString> formatCompact(QStringView text);

/// Decodes a JSON string token (with or without its surrounding quotes). Lenient: unknown escapes
/// are kept as written.
QString unescape(QStringView token);
/// Encodes a string as a JSON string token, quotes included (only `"`, `\` and control
/// characters are escaped; everything else stays as is).
QString quote(QStringView text);
QByteArray quoteUtf8(QStringView text);

/// Position of a UTF-16 offset in text.
TextPosition positionAt(QStringView text, qsizetype offset);

/// Offset of the first byte that is not valid UTF-8 (overlongs, surrogates and values above
/// U+10FFFF are invalid), or -1 if the whole array is valid.
qsizetype firstInvalidUtf8(const QByteArray &bytes);

} // namespace Json
} // namespace JobDesk
