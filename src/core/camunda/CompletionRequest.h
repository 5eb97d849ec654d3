// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/JobKey.h"
#include "core/json/VariablesDocument.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <variant>

namespace JobDesk {

/// True for an RFC 3339 date-time (`2025-06-30T17:00:00Z`, `…T17:00:00.5+02:00`), as the
/// server's date-time fields expect; calendar ranges are checked.
bool isRfc3339DateTime(QStringView text);

/// `JobResultCorrections` of the spec: only what is set is sent. An empty string (or empty list)
/// clears the attribute on the server; std::nullopt leaves it alone.
struct UserTaskCorrections
{
    std::optional<QString> assignee;
    std::optional<QString> dueDate; ///< RFC 3339 date-time, sent as typed
    std::optional<QString> followUpDate; ///< RFC 3339 date-time, sent as typed
    std::optional<QStringList> candidateUsers;
    std::optional<QStringList> candidateGroups;
    std::optional<int> priority; ///< 0..100

    bool isEmpty() const;
    friend bool operator==(const UserTaskCorrections &, const UserTaskCorrections &);
};

/// `JobResultUserTask`: a task listener's verdict.
struct UserTaskResult
{
    bool denied = false;
    QString deniedReason; ///< sent only when non-empty
    UserTaskCorrections corrections;

    bool isEmpty() const { return !denied && deniedReason.isEmpty() && corrections.isEmpty(); }
};

/// `JobResultActivateElement`.
struct AdHocActivateElement
{
    QString elementId;
    QByteArray variablesJson; ///< a JSON object as typed, or empty for none
};

/// `JobResultAdHocSubProcess`.
struct AdHocSubProcessResult
{
    QList<AdHocActivateElement> activateElements;
    bool isCompletionConditionFulfilled = false;
    bool isCancelRemainingInstances = false;

    bool isEmpty() const
    {
        return activateElements.isEmpty() && !isCompletionConditionFulfilled
            && !isCancelRemainingInstances;
    }
};

/// One `POST /v2/jobs/{jobKey}/completion`: the key, the variables text and an optional result.
///
/// The body is assembled as text so the variables arrive exactly as typed: `{"variables":<text>}`,
/// `{}` without variables, plus `"result":{…}` only when something in the result is set, so
/// 8.7 servers (which reject `result`) keep working for plain completions.
class CompletionRequest final
{
public:
    using Result = std::variant<std::monostate, UserTaskResult, AdHocSubProcessResult>;

    JobKey jobKey;
    VariablesDocument variables;
    Result result;

    /// Relative to the API root (which ends in /v2): "jobs/<key>/completion".
    QString relativePath() const;
    /// The exact JSON body that is sent.
    QByteArray body() const;
    /// Why this request must not be sent (invalid key or variables, reason without deny,
    /// priority out of range, denied together with corrections, …), or an empty string.
    QString validationError() const;
    bool hasResult() const;
};

} // namespace JobDesk
