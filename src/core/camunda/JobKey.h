// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace JobDesk {

/// What a key names, for messages: a job key, an incident key, …
enum class KeyKind { Job, Incident, ElementInstance, ProcessInstance, Variable, BatchOperation };

/// A Camunda 8 job key (or any other 64-bit Camunda key), parsed from text and kept as text.
///
/// Keys are 64-bit integers; JavaScript and spreadsheets round them, so the key never passes
/// through a double. `parse()` accepts surrounding whitespace (and a pair of surrounding quotes,
/// as pasted from JSON), and rejects everything else with a message that says what is wrong:
/// empty, non-ASCII or non-digit characters, decimals and scientific notation (a rounded key),
/// signs, zero, values above INT64_MAX. Leading zeros are accepted and dropped from the
/// canonical text. The partition is the top 13 bits (`key >> 51`); partition 0 points nowhere.
class JobKey final
{
public:
    JobKey() = default;

    struct ParseResult; // defined below: it holds a JobKey, which is complete only there
    static ParseResult parse(QStringView text);
    /// The same rules for another kind of key; messages name it ("The incident key …").
    static ParseResult parse(QStringView text, KeyKind kind);
    /// "job key", "incident key", "element instance key", …
    static QString keyNoun(KeyKind kind);

    bool isValid() const { return !m_text.isEmpty(); }
    /// Canonical decimal digits, no sign, no leading zeros.
    const QString &toString() const { return m_text; }
    qint64 value() const { return m_value; }
    /// Partition id encoded in the key (`key >> 51`). 0 means the key belongs to no partition.
    int partitionId() const { return static_cast<int>(m_value >> 51); }
    /// A hint for the form, e.g. "partition 1" or a warning that no partition has this key.
    QString partitionHint() const;

    friend bool operator==(const JobKey &a, const JobKey &b) { return a.m_text == b.m_text; }
    friend bool operator!=(const JobKey &a, const JobKey &b) { return !(a == b); }

private:
    QString m_text;
    qint64 m_value = 0;
};

struct JobKey::ParseResult
{
    std::optional<JobKey> key;
    QString error; ///< empty when key is set; a sentence for the person otherwise
};

} // namespace JobDesk
