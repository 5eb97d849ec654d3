// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a completion body (or a template's result) back into a CompletionRequest. Nothing is
// dropped silently: a member it does not know is an error, so a result never shrinks on the way.
#include "core/camunda/CompletionRequest.h"

#include "core/json/JsonTree.h"

#include <limits>

namespace JobDesk {

namespace {

/// Reads the members of one object, remembering the first problem.
class Reader
{
public:
    Reader(const Json::Value &object, QString where)
        : m_object(object)
        , m_where(std::move(where))
    {
    }

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    void fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
    }

    /// Fails on any member not in `known`.
    void onlyKnown(std::initializer_list<QStringView> known)
    {
        for (const auto &[name, value] : m_object.members()) {
            Q_UNUSED(value)
            bool isKnown = false;
            for (const QStringView k : known)
                isKnown = isKnown || name == k;
            if (!isKnown)
                fail(QStringLiteral("%1 has a member \"%2\" that JobDesk does not know; it is not "
                                    "dropped silently, so nothing was read")
                         .arg(m_where, name));
        }
    }

    Json::Value present(QStringView name) const
    {
        const Json::Value v = m_object[name];
        return v.isNull() ? Json::Value() : v;
    }

    std::optional<QString> string(QStringView name)
    {
        const Json::Value v = present(name);
        if (!v.exists())
            return std::nullopt;
        if (!v.isString()) {
            typeError(name, QStringLiteral("a string"), v);
            return std::nullopt;
        }
        return v.text();
    }

    std::optional<bool> boolean(QStringView name)
    {
        const Json::Value v = present(name);
        if (!v.exists())
            return std::nullopt;
        if (!v.toBool().has_value()) {
            typeError(name, QStringLiteral("true or false"), v);
            return std::nullopt;
        }
        return v.toBool();
    }

    std::optional<QStringList> stringList(QStringView name)
    {
        const Json::Value v = present(name);
        if (!v.exists())
            return std::nullopt;
        QStringList list;
        bool allStrings = v.isArray();
        for (const Json::Value &item : v.elements()) {
            allStrings = allStrings && item.isString();
            list.append(item.text());
        }
        if (!allStrings) {
            typeError(name, QStringLiteral("a list of strings"), v);
            return std::nullopt;
        }
        return list;
    }

    std::optional<int> integer(QStringView name)
    {
        const Json::Value v = present(name);
        if (!v.exists())
            return std::nullopt;
        const std::optional<qint64> value = v.isNumber() ? v.toInt64() : std::nullopt;
        if (!value || *value < std::numeric_limits<int>::min()
            || *value > std::numeric_limits<int>::max()) {
            typeError(name, QStringLiteral("a whole number"), v);
            return std::nullopt;
        }
        return static_cast<int>(*value);
    }

private:
    void typeError(QStringView name, const QString &expected, const Json::Value &v)
    {
        fail(QStringLiteral("\"%1\" in %2 must be %3, not %4")
                 .arg(name, m_where, expected, Json::describe(v.kind())));
    }

    Json::Value m_object;
    QString m_where;
    QString m_error;
};

std::optional<UserTaskResult> readUserTask(const Json::Value &json, QString *error)
{
    Reader r(json, QStringLiteral("the user task result"));
    r.onlyKnown({u"type", u"denied", u"deniedReason", u"corrections"});
    UserTaskResult task;
    task.denied = r.boolean(u"denied").value_or(false);
    task.deniedReason = r.string(u"deniedReason").value_or(QString());
    if (const Json::Value c = r.present(u"corrections"); c.exists()) {
        if (!c.isObject()) {
            r.fail(QStringLiteral("\"corrections\" must be an object"));
        } else {
            Reader cr(c, QStringLiteral("the corrections"));
            // The engine refuses any other attribute ("cannot be corrected").
            cr.onlyKnown({u"assignee", u"dueDate", u"followUpDate", u"candidateUsers",
                u"candidateGroups", u"priority"});
            UserTaskCorrections &k = task.corrections;
            k.assignee = cr.string(u"assignee");
            k.dueDate = cr.string(u"dueDate");
            k.followUpDate = cr.string(u"followUpDate");
            k.candidateUsers = cr.stringList(u"candidateUsers");
            k.candidateGroups = cr.stringList(u"candidateGroups");
            k.priority = cr.integer(u"priority");
            if (!cr.ok())
                r.fail(cr.error());
        }
    }
    if (!r.ok()) {
        *error = r.error();
        return std::nullopt;
    }
    return task;
}

std::optional<AdHocSubProcessResult> readAdHoc(
    const Json::Value &json, QString *error, bool variablesAsText)
{
    Reader r(json, QStringLiteral("the ad-hoc sub-process result"));
    r.onlyKnown({u"type", u"activateElements", u"isCompletionConditionFulfilled",
        u"isCancelRemainingInstances"});
    AdHocSubProcessResult adHoc;
    adHoc.isCompletionConditionFulfilled
        = r.boolean(u"isCompletionConditionFulfilled").value_or(false);
    adHoc.isCancelRemainingInstances = r.boolean(u"isCancelRemainingInstances").value_or(false);
    if (const Json::Value list = r.present(u"activateElements"); list.exists()) {
        if (!list.isArray())
            r.fail(QStringLiteral("\"activateElements\" must be a list"));
        const QList<Json::Value> elements = list.elements();
        for (qsizetype i = 0; i < elements.size() && r.ok(); ++i) {
            const Json::Value &element = elements[i];
            if (!element.isObject()) {
                r.fail(QStringLiteral("element %1 of \"activateElements\" must be an object")
                           .arg(i + 1));
                break;
            }
            Reader er(element, QStringLiteral("element %1 of \"activateElements\"").arg(i + 1));
            er.onlyKnown({u"elementId", u"variables"});
            AdHocActivateElement activate;
            activate.elementId = er.string(u"elementId").value_or(QString());
            if (const Json::Value vars = er.present(u"variables"); vars.exists()) {
                if (vars.isObject())
                    activate.variablesJson = vars.rawUtf8();
                else if (variablesAsText && vars.isString())
                    activate.variablesJson = vars.text().toUtf8();
                else
                    er.fail(QStringLiteral("the variables of element %1 of \"activateElements\" "
                                           "must be a JSON object%2")
                                .arg(i + 1)
                                .arg(variablesAsText ? QStringLiteral(" (or a string holding one)")
                                                     : QString()));
            }
            if (!er.ok())
                r.fail(er.error());
            adHoc.activateElements.append(activate);
        }
    }
    if (!r.ok()) {
        *error = r.error();
        return std::nullopt;
    }
    return adHoc;
}

} // namespace

std::optional<CompletionRequest::Result> CompletionRequest::resultFromJson(
    const Json::Value &json, QString *error, bool elementVariablesAsText)
{
    QString problem;
    auto failed = [&](const QString &message) -> std::optional<Result> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!json.exists() || json.isNull())
        return Result {};
    if (!json.isObject())
        return failed(QStringLiteral("\"result\" must be an object"));
    QString type;
    if (const Json::Value t = json[u"type"]; t.exists() && !t.isNull()) {
        if (!t.isString())
            return failed(QStringLiteral("the result's \"type\" must be a string"));
        type = t.text();
    } else {
        // Results written before `type` existed (8.8's default is userTask); tell them apart by
        // their members.
        const bool adHoc = json[u"activateElements"].exists()
            || json[u"isCompletionConditionFulfilled"].exists()
            || json[u"isCancelRemainingInstances"].exists();
        type = adHoc ? QStringLiteral("adHocSubProcess") : QStringLiteral("userTask");
    }
    if (type == QLatin1String("userTask")) {
        if (auto task = readUserTask(json, &problem))
            return Result(*task);
        return failed(problem);
    }
    if (type == QLatin1String("adHocSubProcess")) {
        if (auto adHoc = readAdHoc(json, &problem, elementVariablesAsText))
            return Result(*adHoc);
        return failed(problem);
    }
    return failed(QStringLiteral("the result type \"%1\" is not one JobDesk can send (it knows "
                                 "\"userTask\" and \"adHocSubProcess\")")
                      .arg(type));
}

CompletionRequest::ParseResult CompletionRequest::fromBody(
    const QByteArray &body, const JobKey &jobKey)
{
    ParseResult parsed;
    CompletionRequest request;
    request.jobKey = jobKey;
    if (body.trimmed().isEmpty()) {
        parsed.request = request;
        return parsed;
    }
    const Json::Document document = Json::Document::fromUtf8(body);
    const Json::Value root = document.root();
    if (!document.isValid()) {
        parsed.error
            = QStringLiteral("The body is not valid JSON: %1").arg(document.errorMessage());
        return parsed;
    }
    if (!root.isObject()) {
        parsed.error
            = QStringLiteral("The body is %1, not a JSON object.").arg(Json::describe(root.kind()));
        return parsed;
    }
    Reader r(root, QStringLiteral("the completion"));
    r.onlyKnown({u"variables", u"result", u"leaseToken", u"businessId"});
    if (const Json::Value vars = r.present(u"variables"); vars.exists()) {
        if (!vars.isObject())
            r.fail(QStringLiteral("\"variables\" must be a JSON object, not %1")
                       .arg(Json::describe(vars.kind())));
        request.variables = VariablesDocument::fromText(vars.raw().toString());
    }
    if (r.ok()) {
        QString problem;
        if (const auto result = resultFromJson(root[u"result"], &problem))
            request.result = *result;
        else
            r.fail(problem);
    }
    request.leaseToken = r.string(u"leaseToken").value_or(QString());
    request.businessId = r.string(u"businessId").value_or(QString());
    if (!r.ok()) {
        parsed.error = r.error();
        return parsed;
    }
    parsed.request = request;
    return parsed;
}

} // namespace JobDesk
