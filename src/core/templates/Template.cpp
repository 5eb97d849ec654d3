// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/templates/Template.h"

#include <QJsonArray>
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

struct Reader
{
    const QJsonObject &json;
    QString error;

    std::optional<QString> string(const char *key)
    {
        const QJsonValue value = json.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isString()) {
            error = QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key));
            return std::nullopt;
        }
        return value.toString();
    }

    std::optional<QStringList> stringList(const char *key)
    {
        const QJsonValue value = json.value(QLatin1String(key));
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        QStringList list;
        if (value.isArray()) {
            for (const QJsonValue &item : value.toArray()) {
                if (!item.isString()) {
                    list.clear();
                    break;
                }
                list.append(item.toString());
            }
            if (list.size() == value.toArray().size())
                return list;
        }
        error = QStringLiteral("\"%1\" must be a list of strings").arg(QLatin1String(key));
        return std::nullopt;
    }

    std::optional<QDateTime> time(const char *key)
    {
        const auto text = string(key);
        if (!text)
            return std::nullopt;
        const QDateTime parsed = QDateTime::fromString(*text, Qt::ISODateWithMs);
        if (!parsed.isValid()) {
            error = QStringLiteral("\"%1\" is not an ISO 8601 time").arg(QLatin1String(key));
            return std::nullopt;
        }
        return parsed.toUTC();
    }
};

} // namespace

CompletionRequest::Result Template::result() const
{
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
    return denied || !deniedReason.isEmpty() || !correctionsEmpty(corrections);
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
    if (hasResult()) {
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

std::optional<Template> Template::fromJson(const QJsonObject &json, QString *error)
{
    Reader reader {json, {}};
    auto failed = [&](const QString &message) -> std::optional<Template> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    Template t;
    const auto name = reader.string("name");
    if (!name)
        return failed(reader.error.isEmpty() ? QStringLiteral("no \"name\"") : reader.error);
    t.name = *name;
    if (const QString nameProblem = nameError(t.name); !nameProblem.isEmpty())
        return failed(nameProblem);
    t.description = reader.string("description").value_or(QString());
    t.jobType = reader.string("jobType").value_or(QString());
    const QJsonValue variables = json.value(QLatin1String("variables"));
    if (!variables.isUndefined() && !variables.isNull() && !variables.isString())
        return failed(QStringLiteral("\"variables\" must be a string holding the JSON text"));
    t.variables = variables.toString();
    const QJsonValue resultValue = json.value(QLatin1String("result"));
    if (!resultValue.isUndefined() && !resultValue.isNull()) {
        if (!resultValue.isObject())
            return failed(QStringLiteral("\"result\" must be an object"));
        const QJsonObject result = resultValue.toObject();
        const QJsonValue denied = result.value(QLatin1String("denied"));
        if (!denied.isUndefined() && !denied.isBool())
            return failed(QStringLiteral("\"denied\" must be true or false"));
        t.denied = denied.toBool(false);
        Reader resultReader {result, {}};
        t.deniedReason = resultReader.string("deniedReason").value_or(QString());
        const QJsonValue correctionsValue = result.value(QLatin1String("corrections"));
        if (!correctionsValue.isUndefined() && !correctionsValue.isNull()) {
            if (!correctionsValue.isObject())
                return failed(QStringLiteral("\"corrections\" must be an object"));
            const QJsonObject c = correctionsValue.toObject();
            Reader cr {c, {}};
            t.corrections.assignee = cr.string("assignee");
            t.corrections.dueDate = cr.string("dueDate");
            t.corrections.followUpDate = cr.string("followUpDate");
            t.corrections.candidateUsers = cr.stringList("candidateUsers");
            t.corrections.candidateGroups = cr.stringList("candidateGroups");
            const QJsonValue priority = c.value(QLatin1String("priority"));
            if (!priority.isUndefined() && !priority.isNull()) {
                if (!priority.isDouble() || priority.toDouble() != double(priority.toInt()))
                    return failed(QStringLiteral("\"priority\" must be a whole number"));
                t.corrections.priority = priority.toInt();
            }
            if (!cr.error.isEmpty())
                return failed(cr.error);
        }
        if (!resultReader.error.isEmpty())
            return failed(resultReader.error);
    }
    if (const auto created = reader.time("created"))
        t.created = *created;
    if (const auto updated = reader.time("updated"))
        t.updated = *updated;
    if (!reader.error.isEmpty())
        return failed(reader.error);
    return t;
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
        && correctionsEqual(a.corrections, b.corrections) && a.created == b.created
        && a.updated == b.updated;
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
