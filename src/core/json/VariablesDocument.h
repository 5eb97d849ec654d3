// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/json/Json.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace JobDesk {

/// The variables editor's text, validated without being re-serialised.
///
/// Blank text means "no variables". Otherwise it must be one JSON object (RFC 8259, strict:
/// no comments, no trailing commas). Errors carry line and column; duplicate keys are errors and
/// are named with their path (`order.items[0].sku`). The text that is sent is exactly the text
/// typed, as UTF-8, so integers beyond 64 bits, key order and Unicode arrive unchanged.
/// Size is measured in UTF-8 bytes against Camunda's default 4 MiB maximum message size.
class VariablesDocument final
{
public:
    static constexpr qsizetype kDefaultMaxMessageBytes = 4 * 1024 * 1024;

    struct Problem
    {
        TextPosition position;
        QString message; ///< e.g. "expected ':' after the key \"amount\""
    };

    VariablesDocument() = default;
    static VariablesDocument fromText(const QString &text);
    static VariablesDocument fromUtf8(const QByteArray &utf8);

    bool isBlank() const { return m_blank; }
    /// Blank, or a valid JSON object without duplicate keys.
    bool isValid() const { return !m_error && m_duplicates.isEmpty(); }
    const std::optional<Problem> &error() const { return m_error; }
    /// Every duplicate key, with its path and the position of the second occurrence.
    const QList<Problem> &duplicateKeys() const { return m_duplicates; }
    /// First error or duplicate, as one sentence with "line L, column C: ..." (empty if valid).
    QString errorMessage() const;

    /// The text as typed, UTF-8 encoded (trimmed of surrounding whitespace).
    const QByteArray &utf8() const { return m_utf8; }
    qsizetype sizeBytes() const { return m_utf8.size(); }
    bool exceedsDefaultMaximum() const { return m_utf8.size() > kDefaultMaxMessageBytes; }
    /// "1.2 KiB" style size for display.
    static QString formatSize(qsizetype bytes);
    /// Number of top-level members (0 for blank).
    int topLevelCount() const { return m_topLevelCount; }

private:
    QByteArray m_utf8;
    bool m_blank = true;
    int m_topLevelCount = 0;
    std::optional<Problem> m_error;
    QList<Problem> m_duplicates;
};

} // namespace JobDesk
