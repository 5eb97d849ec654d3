// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/templates/Template.h"

#include "core/json/JsonTree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace JobDesk {

namespace {

bool correctionsEmpty(const UserTaskCorrections &c)
{
    return !c.assignee && !c.dueDate && !c.followUpDate && !c.candidateUsers && !c.candidateGroups
        && !c.priority;
}

bool correctionsEqual(const UserTaskCorrections &a, const UserTaskCorrections &b)
{
    return a.assignee == b.assignee && a.dueDate == b.dueDate && a.followUpDate == b.followUpDate
        && a.candidateUsers == b.candidateUsers && a.candidateGroups == b.candidateGroups
        && a.priority == b.priority;
}

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

CompletionRequest::Result Template::result() const
{
    if (!adHoc.isEmpty())
        return adHoc;
    if (!hasResult())
        return std::monostate {};
    UserTaskResult result;
    result.denied = denied;
    result.deniedReason = deniedReason;
    result.corrections = corrections;
    return result;
}

bool Template::hasResult() const
{
    return denied || !deniedReason.isEmpty() || !correctionsEmpty(corrections) || !adHoc.isEmpty();
}

void Template::setResult(const CompletionRequest::Result &result)
{
    denied = false;
    deniedReason.clear();
    corrections = UserTaskCorrections {};
    adHoc = AdHocSubProcessResult {};
    if (const auto *task = std::get_if<UserTaskResult>(&result)) {
        denied = task->denied;
        deniedReason = task->deniedReason;
        corrections = task->corrections;
    } else if (const auto *adHocResult = std::get_if<AdHocSubProcessResult>(&result)) {
        adHoc = *adHocResult;
    }
}

QJsonObject Template::toJson() const
{
    QJsonObject json;
    json.insert(QLatin1String("name"), name);
    if (!description.isEmpty())
        json.insert(QLatin1String("description"), description);
    if (!jobType.isEmpty())
        json.insert(QLatin1String("jobType"), jobType);
    // A string, not an object: the text is kept exactly as typed (digits, order, spacing).
    json.insert(QLatin1String("variables"), variables);
    if (!adHoc.isEmpty()) {
        QJsonObject result;
        result.insert(QLatin1String("type"), QStringLiteral("adHocSubProcess"));
        if (!adHoc.activateElements.isEmpty()) {
            QJsonArray elements;
            for (const AdHocActivateElement &e : adHoc.activateElements) {
                QJsonObject element;
                element.insert(QLatin1String("elementId"), e.elementId);
                // A string, as the template's variables: the text is kept exactly as typed.
                if (!e.variablesJson.trimmed().isEmpty())
                    element.insert(QLatin1String("variables"), QString::fromUtf8(e.variablesJson));
                elements.append(element);
            }
            result.insert(QLatin1String("activateElements"), elements);
        }
        if (adHoc.isCompletionConditionFulfilled)
            result.insert(QLatin1String("isCompletionConditionFulfilled"), true);
        if (adHoc.isCancelRemainingInstances)
            result.insert(QLatin1String("isCancelRemainingInstances"), true);
        json.insert(QLatin1String("result"), result);
    } else if (hasResult()) {
        QJsonObject result;
        result.insert(QLatin1String("denied"), denied);
        if (!deniedReason.isEmpty())
            result.insert(QLatin1String("deniedReason"), deniedReason);
        if (!correctionsEmpty(corrections)) {
            QJsonObject c;
            if (corrections.assignee)
                c.insert(QLatin1String("assignee"), *corrections.assignee);
            if (corrections.dueDate)
                c.insert(QLatin1String("dueDate"), *corrections.dueDate);
            if (corrections.followUpDate)
                c.insert(QLatin1String("followUpDate"), *corrections.followUpDate);
            if (corrections.candidateUsers)
                c.insert(QLatin1String("candidateUsers"), toArray(*corrections.candidateUsers));
            if (corrections.candidateGroups)
                c.insert(QLatin1String("candidateGroups"), toArray(*corrections.candidateGroups));
            if (corrections.priority)
                c.insert(QLatin1String("priority"), *corrections.priority);
            result.insert(QLatin1String("corrections"), c);
        }
        json.insert(QLatin1String("result"), result);
    }
    if (created.isValid())
        json.insert(QLatin1String("created"), isoUtc(created));
    if (updated.isValid())
        json.insert(QLatin1String("updated"), isoUtc(updated));
    return json;
}

std::optional<Template> Template::fromJson(const Json::Value &json, QString *error)
{
    auto failed = [&](const QString &message) -> std::optional<Template> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!json.isObject())
        return failed(QStringLiteral("a template must be a JSON object"));
    // A string member, absent or null as nothing.
    QString problem;
    auto string = [&](QStringView key) -> std::optional<QString> {
        const Json::Value value = json[key];
        if (!value.exists() || value.isNull())
            return std::nullopt;
        if (!value.isString()) {
            if (problem.isEmpty())
                problem = QStringLiteral("\"%1\" must be a string").arg(key);
            return std::nullopt;
        }
        const QString text = value.text();
        return text.isNull() ? QStringLiteral("") : text;
    };
    auto time = [&](QStringView key) -> std::optional<QDateTime> {
        const auto text = string(key);
        if (!text)
            return std::nullopt;
        const QDateTime parsed = QDateTime::fromString(*text, Qt::ISODateWithMs);
        if (!parsed.isValid()) {
            if (problem.isEmpty())
                problem = QStringLiteral("\"%1\" is not an ISO 8601 time").arg(key);
            return std::nullopt;
        }
        return parsed.toUTC();
    };

    Template t;
    const auto name = string(u"name");
    if (!name)
        return failed(problem.isEmpty() ? QStringLiteral("no \"name\"") : problem);
    t.name = *name;
    if (const QString nameProblem = nameError(t.name); !nameProblem.isEmpty())
        return failed(nameProblem);
    t.description = string(u"description").value_or(QString());
    t.jobType = string(u"jobType").value_or(QString());
    const Json::Value variables = json[u"variables"];
    if (variables.exists() && !variables.isNull() && !variables.isString())
        return failed(QStringLiteral("\"variables\" must be a string holding the JSON text"));
    t.variables = variables.text();
    const auto result = CompletionRequest::resultFromJson(json[u"result"], &problem, true);
    if (!result)
        return failed(problem);
    t.setResult(*result);
    if (const auto created = time(u"created"))
        t.created = *created;
    if (const auto updated = time(u"updated"))
        t.updated = *updated;
    if (!problem.isEmpty())
        return failed(problem);
    return t;
}

std::optional<Template> Template::fromJson(const QJsonObject &json, QString *error)
{
    const Json::Document document
        = Json::Document::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
    return fromJson(document.root(), error);
}

QString Template::nameError(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("The template needs a name.");
    if (name.trimmed() != name)
        return QStringLiteral("The template name must not start or end with a space.");
    if (name.size() > 200)
        return QStringLiteral("The template name is longer than 200 characters.");
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("The template name must not contain control characters.");
    }
    return QString();
}

bool operator==(const Template &a, const Template &b)
{
    return a.name == b.name && a.description == b.description && a.jobType == b.jobType
        && a.variables == b.variables && a.denied == b.denied && a.deniedReason == b.deniedReason
        && correctionsEqual(a.corrections, b.corrections) && a.adHoc == b.adHoc
        && a.created == b.created && a.updated == b.updated;
}

QList<Template> starterTemplates()
{
    QList<Template> list;
    Template approve;
    approve.name = QStringLiteral("Approve");
    approve.description = QStringLiteral("Complete the job with approved = true.");
    approve.variables = QStringLiteral("{\n  \"approved\": true\n}");
    list.append(approve);

    Template reject;
    reject.name = QStringLiteral("Reject with comment");
    reject.description = QStringLiteral("Complete the job with approved = false and a reason "
                                        "the process can show.");
    reject.variables = QStringLiteral("{\n  \"approved\": false,\n  \"comment\": \"\"\n}");
    list.append(reject);

    Template skipAddress;
    skipAddress.name = QStringLiteral("Skip address check");
    skipAddress.description = QStringLiteral("Mark the address as verified by hand so the "
                                             "process continues without the checker.");
    skipAddress.variables
        = QStringLiteral("{\n  \"addressValid\": true,\n  \"addressCheckSkipped\": true\n}");
    list.append(skipAddress);

    Template deny;
    deny.name = QStringLiteral("Deny: missing document");
    deny.description = QStringLiteral("Task listener: deny the completion of the user task "
                                      "because a required document is missing.");
    deny.denied = true;
    deny.deniedReason = QStringLiteral("A required document is missing.");
    list.append(deny);

    Template assign;
    assign.name = QStringLiteral("Reassign to support");
    assign.description = QStringLiteral("Task listener: let the assignment through, but give "
                                        "the user task to the support group.");
    assign.corrections.assignee = QString();
    assign.corrections.candidateGroups = QStringList {QStringLiteral("support")};
    list.append(assign);
    return list;
}

} // namespace JobDesk
