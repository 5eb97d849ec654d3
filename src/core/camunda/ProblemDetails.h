// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace JobDesk {

/// An RFC 9457 problem document, parsed tolerantly.
///
/// Accepts `application/problem+json` (with parameters such as charset), plain JSON, HTML,
/// plain text, empty and truncated bodies; never throws or crashes. `isProblem()` is true for a
/// JSON object carrying at least one of the standard members. Every member is kept in document
/// order with its raw JSON text, so extension members and large numbers are shown verbatim.
class ProblemDetails final
{
public:
    struct Member
    {
        QString name;
        QByteArray rawJson; ///< the member's value exactly as in the body
        /// The value for display: a string member unescaped, anything else its raw JSON.
        QString displayValue() const;
    };

    static ProblemDetails parse(const QByteArray &body, const QByteArray &contentType = {});

    bool isProblem() const { return m_isProblem; }
    bool isJson() const { return m_isJson; }
    /// The body started as a JSON object but broke off (truncated or invalid): the members
    /// completed before the break are kept, the rest is lost.
    bool isPartial() const { return m_isPartial; }

    const QString &type() const { return m_type; }
    const QString &title() const { return m_title; }
    std::optional<int> status() const { return m_status; }
    const QString &detail() const { return m_detail; }
    const QString &instance() const { return m_instance; }
    /// All members in document order (standard ones included).
    const QList<Member> &members() const { return m_members; }
    /// Members other than type, title, status, detail, instance.
    QList<Member> extensionMembers() const;

private:
    bool m_isProblem = false;
    bool m_isJson = false;
    bool m_isPartial = false;
    QString m_type;
    QString m_title;
    std::optional<int> m_status;
    QString m_detail;
    QString m_instance;
    QList<Member> m_members;
};

} // namespace JobDesk
