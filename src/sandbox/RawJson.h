// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

/// JSON as text: the sandbox keeps variable values exactly as they were sent (so
/// 123456789012345678901234567890 stays digit for digit, which QJsonDocument cannot promise),
/// and needs only to check the syntax and to cut an object into its members.
namespace JobDesk::Sandbox::RawJson {

/// One member of a JSON object: its decoded name and the exact text of its value.
struct Member
{
    QString name;
    QByteArray value;
};

/// The members of a JSON object in order, each value verbatim (surrounding blanks removed);
/// nullopt when `text` is not exactly one valid JSON object.
std::optional<std::vector<Member>> members(const QByteArray &text);

/// The exact text of member `name` of the object `text` (the last one when repeated); nullopt
/// when the member is absent or `text` is not a valid object.
std::optional<QByteArray> member(const QByteArray &text, const QString &name);

/// The elements of a JSON array in order, each verbatim; nullopt when `text` is not exactly one
/// valid JSON array.
std::optional<std::vector<QByteArray>> elements(const QByteArray &text);

/// Whether `text` is exactly one valid JSON value (blanks around it allowed).
bool isValid(const QByteArray &text);

/// Valid JSON text without the blanks between tokens (as the engine serialises a value); the
/// tokens themselves, numbers included, stay exactly as written.
QByteArray compact(const QByteArray &text);

/// A string as a JSON string literal (quotes and escapes), for building bodies by hand.
QByteArray quoted(const QString &text);

} // namespace JobDesk::Sandbox::RawJson
