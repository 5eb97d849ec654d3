// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/camunda/CompletionRequest.h"

#include "core/camunda/RequestText.h"
#include "core/json/Json.h"

namespace JobDesk {

namespace {

int digitsAt(QStringView s, qsizetype pos, int count, bool *ok)
{
    int value = 0;
    for (int k = 0; k < count; ++k) {
        const qsizetype i = pos + k;
        if (i >= s.size() || s[i] < u'0' || s[i] > u'9') {
            *ok = false;
            return 0;
        }
        value = value * 10 + (s[i].unicode() - u'0');
    }
    return value;
}

bool isLeapYear(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

using RequestText::member;
using RequestText::stringList;

QByteArray userTaskJson(const UserTaskResult &r)
{
    QByteArray out("{");
    member(out, u"type", QByteArrayLiteral("\"userTask\""));
    if (r.denied)
        member(out, u"denied", QByteArrayLiteral("true"));
    if (!r.deniedReason.isEmpty())
        member(out, u"deniedReason", Json::quoteUtf8(r.deniedReason));
    const UserTaskCorrections &c = r.corrections;
    if (!c.isEmpty()) {
        QByteArray corr("{");
        if (c.assignee)
            member(corr, u"assignee", Json::quoteUtf8(*c.assignee));
        if (c.dueDate)
            member(corr, u"dueDate", Json::quoteUtf8(*c.dueDate));
        if (c.followUpDate)
            member(corr, u"followUpDate", Json::quoteUtf8(*c.followUpDate));
        if (c.candidateUsers)
            member(corr, u"candidateUsers", stringList(*c.candidateUsers));
        if (c.candidateGroups)
            member(corr, u"candidateGroups", stringList(*c.candidateGroups));
        if (c.priority)
            member(corr, u"priority", QByteArray::number(*c.priority));
        corr += '}';
        member(out, u"corrections", corr);
    }
    out += '}';
    return out;
}

QByteArray adHocJson(const AdHocSubProcessResult &r, bool variablesAsText)
{
    QByteArray out("{");
    member(out, u"type", QByteArrayLiteral("\"adHocSubProcess\""));
    if (!r.activateElements.isEmpty()) {
        QByteArray list("[");
        for (qsizetype i = 0; i < r.activateElements.size(); ++i) {
            const AdHocActivateElement &e = r.activateElements[i];
            if (i > 0)
                list += ',';
            QByteArray element("{");
            member(element, u"elementId", Json::quoteUtf8(e.elementId));
            const QByteArray vars = e.variablesJson.trimmed();
            if (!vars.isEmpty())
                member(element, u"variables",
                    variablesAsText ? Json::quoteUtf8(QString::fromUtf8(vars)) : vars);
            element += '}';
            list += element;
        }
        list += ']';
        member(out, u"activateElements", list);
    }
    if (r.isCompletionConditionFulfilled)
        member(out, u"isCompletionConditionFulfilled", QByteArrayLiteral("true"));
    if (r.isCancelRemainingInstances)
        member(out, u"isCancelRemainingInstances", QByteArrayLiteral("true"));
    out += '}';
    return out;
}

QString dateError(const char *name, const std::optional<QString> &value)
{
    if (!value || value->isEmpty() || isRfc3339DateTime(*value))
        return QString();
    return QStringLiteral("The %1 \"%2\" is not an RFC 3339 date-time such as "
                          "2025-06-30T17:00:00Z or 2025-06-30T17:00:00+02:00 (leave it empty to "
                          "clear it).")
        .arg(QLatin1String(name), *value);
}

} // namespace

bool isRfc3339DateTime(QStringView s)
{
    // date-time = full-date "T" full-time; full-time = HH:MM:SS[.frac](Z|±HH:MM)
    bool ok = true;
    if (s.size() < 20)
        return false;
    const int year = digitsAt(s, 0, 4, &ok);
    const int month = digitsAt(s, 5, 2, &ok);
    const int day = digitsAt(s, 8, 2, &ok);
    const int hour = digitsAt(s, 11, 2, &ok);
    const int minute = digitsAt(s, 14, 2, &ok);
    const int second = digitsAt(s, 17, 2, &ok);
    if (!ok || s[4] != u'-' || s[7] != u'-' || (s[10] != u'T' && s[10] != u't') || s[13] != u':'
        || s[16] != u':')
        return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1)
        return false;
    if (day > kDays[month - 1] + (month == 2 && isLeapYear(year) ? 1 : 0))
        return false;
    if (hour > 23 || minute > 59 || second > 59)
        return false;
    qsizetype i = 19;
    if (i < s.size() && s[i] == u'.') {
        ++i;
        const qsizetype fracStart = i;
        while (i < s.size() && s[i] >= u'0' && s[i] <= u'9')
            ++i;
        if (i == fracStart)
            return false;
    }
    if (i >= s.size())
        return false;
    if (s[i] == u'Z' || s[i] == u'z')
        return i + 1 == s.size();
    if (s[i] != u'+' && s[i] != u'-')
        return false;
    if (s.size() != i + 6 || s[i + 3] != u':')
        return false;
    const int offHour = digitsAt(s, i + 1, 2, &ok);
    const int offMinute = digitsAt(s, i + 4, 2, &ok);
    return ok && offHour <= 23 && offMinute <= 59;
}

bool UserTaskCorrections::isEmpty() const
{
    return !assignee && !dueDate && !followUpDate && !candidateUsers && !candidateGroups
        && !priority;
}

bool operator==(const UserTaskCorrections &a, const UserTaskCorrections &b)
{
    return a.assignee == b.assignee && a.dueDate == b.dueDate && a.followUpDate == b.followUpDate
        && a.candidateUsers == b.candidateUsers && a.candidateGroups == b.candidateGroups
        && a.priority == b.priority;
}

QString CompletionRequest::relativePath() const
{
    return relativePathFor(jobKey.toString());
}

QString CompletionRequest::relativePathFor(const QString &jobKey)
{
    return QStringLiteral("jobs/") + jobKey + QStringLiteral("/completion");
}

bool CompletionRequest::hasResult() const
{
    if (const auto *task = std::get_if<UserTaskResult>(&result))
        return !task->isEmpty();
    if (const auto *adHoc = std::get_if<AdHocSubProcessResult>(&result))
        return !adHoc->isEmpty();
    return false;
}

QByteArray CompletionRequest::resultJson(const Result &result, bool elementVariablesAsText)
{
    if (const auto *task = std::get_if<UserTaskResult>(&result); task && !task->isEmpty())
        return userTaskJson(*task);
    if (const auto *adHoc = std::get_if<AdHocSubProcessResult>(&result); adHoc && !adHoc->isEmpty())
        return adHocJson(*adHoc, elementVariablesAsText);
    return QByteArray();
}

QByteArray CompletionRequest::body() const
{
    QByteArray out("{");
    if (!variables.isBlank())
        member(out, u"variables", variables.utf8());
    if (hasResult())
        member(out, u"result", resultJson(result));
    if (!leaseToken.isEmpty())
        member(out, u"leaseToken", RequestText::string(leaseToken));
    if (!businessId.isEmpty())
        member(out, u"businessId", RequestText::string(businessId));
    out += '}';
    return out;
}

QList<ApiFeature> CompletionRequest::features() const
{
    QList<ApiFeature> list;
    if (hasResult())
        list.append(ApiFeature::CompletionResult);
    if (!leaseToken.isEmpty())
        list.append(ApiFeature::LeaseToken);
    if (!businessId.isEmpty())
        list.append(ApiFeature::BusinessId);
    return list;
}

ApiRequest CompletionRequest::toApiRequest() const
{
    ApiRequest api;
    api.action = ActionKind::Complete;
    api.method = QByteArrayLiteral("POST");
    api.relativePath = relativePath();
    api.body = body();
    api.subjectKey = jobKey.toString();
    api.features = features();
    return api;
}

QString AdHocSubProcessResult::validationError() const
{
    for (qsizetype i = 0; i < activateElements.size(); ++i) {
        const AdHocActivateElement &e = activateElements[i];
        if (e.elementId.trimmed().isEmpty())
            return QStringLiteral("Ad-hoc element %1 to activate has no element id.").arg(i + 1);
        if (e.variablesJson.trimmed().isEmpty())
            continue;
        const VariablesDocument vars = VariablesDocument::fromUtf8(e.variablesJson);
        if (!vars.isValid())
            return QStringLiteral("The variables of ad-hoc element \"%1\" are not a valid JSON "
                                  "object: %2")
                .arg(e.elementId, vars.errorMessage());
    }
    if (!activateElements.isEmpty() && isCompletionConditionFulfilled)
        return QStringLiteral("An ad-hoc result cannot activate elements while its completion "
                              "condition is fulfilled: the engine refuses the two together. "
                              "Remove the elements to activate, or do not mark the completion "
                              "condition as fulfilled.");
    return QString();
}

QString CompletionRequest::validationError() const
{
    if (!jobKey.isValid())
        return QStringLiteral("Enter a valid job key: the key is missing or invalid.");
    if (!variables.isValid())
        return QStringLiteral("The variables are not valid JSON for a completion: %1")
            .arg(variables.errorMessage());
    if (const auto *task = std::get_if<UserTaskResult>(&result)) {
        if (!task->deniedReason.isEmpty() && !task->denied)
            return QStringLiteral("A deny reason is only sent with a denial: deny the task or "
                                  "clear the reason.");
        const UserTaskCorrections &c = task->corrections;
        if (task->denied && !c.isEmpty())
            return QStringLiteral("A denied result cannot carry corrections: the server rejects "
                                  "them together. Remove the corrections or do not deny.");
        if (c.priority && (*c.priority < 0 || *c.priority > 100))
            return QStringLiteral("The priority must be between 0 and 100; got %1.")
                .arg(*c.priority);
        QString error = dateError("due date", c.dueDate);
        if (error.isEmpty())
            error = dateError("follow-up date", c.followUpDate);
        if (!error.isEmpty())
            return error;
    }
    if (const auto *adHoc = std::get_if<AdHocSubProcessResult>(&result)) {
        if (const QString error = adHoc->validationError(); !error.isEmpty())
            return error;
    }
    if (const QString error = RequestText::leaseTokenError(leaseToken); !error.isEmpty())
        return error;
    return RequestText::businessIdError(businessId);
}

} // namespace JobDesk
