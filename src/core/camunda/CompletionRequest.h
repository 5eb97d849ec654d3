// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/ApiRequest.h"
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

namespace Json {
class Value;
}

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

    friend bool operator==(const AdHocActivateElement &a, const AdHocActivateElement &b)
    {
        return a.elementId == b.elementId && a.variablesJson == b.variablesJson;
    }
};

/// `JobResultAdHocSubProcess`: which elements of the ad-hoc sub-process to activate (each with
/// its own variables), and whether its completion condition is fulfilled.
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
    /// Why the engine would refuse this result, or empty: every element needs an id, element
    /// variables must be JSON objects, and elements cannot be activated while the completion
    /// condition is fulfilled (the engine answers 400).
    QString validationError() const;
    friend bool operator==(const AdHocSubProcessResult &a, const AdHocSubProcessResult &b)
    {
        return a.activateElements == b.activateElements
            && a.isCompletionConditionFulfilled == b.isCompletionConditionFulfilled
            && a.isCancelRemainingInstances == b.isCancelRemainingInstances;
    }
};

/// One `POST /v2/jobs/{jobKey}/completion`: the key, the variables text, an optional result and
/// the 8.10 `leaseToken` and `businessId`.
///
/// The body is assembled as text so the variables arrive exactly as typed: `{"variables":<text>}`,
/// `{}` without variables, plus `"result":{…}` only when something in the result is set, so
/// 8.7 servers (which reject `result`) keep working for plain completions; `leaseToken` and
/// `businessId` are sent only when set. fromBody() reads such a body back (history, drafts).
class CompletionRequest final
{
public:
    using Result = std::variant<std::monostate, UserTaskResult, AdHocSubProcessResult>;
    struct ParseResult;

    JobKey jobKey;
    VariablesDocument variables;
    Result result;
    QString leaseToken; ///< 8.10: the lease of a leased job; sent when not empty
    QString businessId; ///< 8.10: assigned to the root process instance; sent when not empty

    /// Relative to the API root (which ends in /v2): "jobs/<key>/completion".
    QString relativePath() const;
    /// The completion endpoint of a job, relative to the API root (the key as text, as given).
    static QString relativePathFor(const QString &jobKey);
    /// The exact JSON body that is sent.
    QByteArray body() const;
    /// Why this request must not be sent (invalid key or variables, reason without deny,
    /// priority out of range, denied together with corrections, elements activated while the
    /// completion condition is fulfilled, …), or an empty string.
    QString validationError() const;
    bool hasResult() const;
    /// What of this request not every server understands (result, leaseToken, businessId).
    QList<ApiFeature> features() const;
    ApiRequest toApiRequest() const;

    /// Reads a completion body (as body() writes it, or as another client sent it) back into a
    /// request for `jobKey`: variables kept exactly as sent, the result by its `type` (or, without
    /// one, by its members), leaseToken and businessId. Unknown members, wrong types and result
    /// types it does not know are errors, never dropped. An empty body is a plain completion.
    static ParseResult fromBody(const QByteArray &body, const JobKey &jobKey = {});
    /// Reads a `JobResult` object (`{"type":"adHocSubProcess",…}`). With `elementVariablesAsText`
    /// an element's `variables` may also be a string holding the JSON text (the template format).
    static std::optional<Result> resultFromJson(
        const Json::Value &json, QString *error, bool elementVariablesAsText = false);
    /// The result as a `JobResult` object, exactly as sent (empty for no result). With
    /// `elementVariablesAsText` an element's variables are written as a string (templates).
    static QByteArray resultJson(const Result &result, bool elementVariablesAsText = false);
};

struct CompletionRequest::ParseResult
{
    std::optional<CompletionRequest> request;
    QString error; ///< empty when request is set
};

} // namespace JobDesk
