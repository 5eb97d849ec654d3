// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/RequestValidation.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace JobDesk::Sandbox::Validation {

using namespace Problems;

std::optional<qint64> parseKey(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^-?[0-9]+$"));
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 key = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(key) : std::nullopt;
}

Failure parseBody(const QByteArray &body, bool required, const QString &instance, QJsonObject *out)
{
    if (body.trimmed().isEmpty()) {
        if (required)
            return badRequest(QStringLiteral("Required request body is missing"), instance);
        *out = QJsonObject();
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (doc.isNull() || !doc.isObject())
        return badRequest(QStringLiteral("Failed to read request"), instance);
    *out = doc.object();
    return std::nullopt;
}

Failure onlyProperties(const QJsonObject &object, const QStringList &allowed, const QString &prefix,
    const QString &instance)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            return unparsable(prefix + it.key(), instance);
    }
    return std::nullopt;
}

bool isNullOr(const QJsonValue &v, bool (QJsonValue::*is)() const)
{
    return v.isUndefined() || v.isNull() || (v.*is)();
}

bool isInteger(const QJsonValue &v)
{
    return v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
}

Failure readCommand(const QString &keyName, const QString &keyText, const QByteArray &body,
    bool bodyRequired, const QStringList &allowed, const QString &instance, CommandInput *out)
{
    const auto key = parseKey(keyText);
    if (!key)
        return conversionFailure(keyName, keyText, instance);
    out->key = *key;
    out->raw = body;
    if (auto f = parseBody(body, bodyRequired, instance, &out->body))
        return f;
    return onlyProperties(out->body, allowed, QString(), instance);
}

Failure variablesProperty(const CommandInput &input, const QString &instance,
    std::vector<RawJson::Member> *out, const QString &name)
{
    const QJsonValue value = input.body.value(name);
    if (!isNullOr(value, &QJsonValue::isObject))
        return unparsable(name, instance);
    out->clear();
    if (value.isObject()) {
        const auto text = RawJson::member(input.raw, name);
        *out = RawJson::members(text.value_or(QByteArrayLiteral("{}")))
                   .value_or(std::vector<RawJson::Member>());
    }
    return std::nullopt;
}

namespace {

/// RFC 3339 section 5.6 date-time: full date, time and offset.
bool isRfc3339(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"));
    return pattern.match(text).hasMatch()
        && QDateTime::fromString(
            text.toUpper().replace(QLatin1Char(' '), QLatin1Char('T')), Qt::ISODateWithMs)
               .isValid();
}

Failure adHocResult(const QJsonObject &r, const QString &instance)
{
    if (auto f = onlyProperties(r,
            {QStringLiteral("type"), QStringLiteral("activateElements"),
                QStringLiteral("isCompletionConditionFulfilled"),
                QStringLiteral("isCancelRemainingInstances")},
            QStringLiteral("result."), instance))
        return f;
    const QJsonValue elements = r.value(QLatin1String("activateElements"));
    if (!isNullOr(elements, &QJsonValue::isArray))
        return unparsable(QStringLiteral("result.activateElements"), instance);
    for (const QJsonValue &e : elements.toArray()) {
        const QJsonObject element = e.toObject();
        if (!e.isObject()
            || !isNullOr(element.value(QLatin1String("elementId")), &QJsonValue::isString)
            || !isNullOr(element.value(QLatin1String("variables")), &QJsonValue::isObject))
            return unparsable(QStringLiteral("result.activateElements"), instance);
        if (auto f
            = onlyProperties(element, {QStringLiteral("elementId"), QStringLiteral("variables")},
                QStringLiteral("result.activateElements."), instance))
            return f;
    }
    for (const char *flag : {"isCompletionConditionFulfilled", "isCancelRemainingInstances"}) {
        if (!isNullOr(r.value(QLatin1String(flag)), &QJsonValue::isBool))
            return unparsable(QStringLiteral("result.") + QLatin1String(flag), instance);
    }
    return std::nullopt;
}

Failure userTaskResult(const QJsonObject &r, const QString &instance)
{
    if (auto f = onlyProperties(r,
            {QStringLiteral("type"), QStringLiteral("denied"), QStringLiteral("deniedReason"),
                QStringLiteral("corrections")},
            QStringLiteral("result."), instance))
        return f;
    if (!isNullOr(r.value(QLatin1String("denied")), &QJsonValue::isBool))
        return unparsable(QStringLiteral("result.denied"), instance);
    if (!isNullOr(r.value(QLatin1String("deniedReason")), &QJsonValue::isString))
        return unparsable(QStringLiteral("result.deniedReason"), instance);
    const QJsonValue corrections = r.value(QLatin1String("corrections"));
    if (!isNullOr(corrections, &QJsonValue::isObject))
        return unparsable(QStringLiteral("result.corrections"), instance);
    const QJsonObject c = corrections.toObject();
    const QString prefix = QStringLiteral("result.corrections.");
    if (auto f = onlyProperties(c,
            {QStringLiteral("assignee"), QStringLiteral("dueDate"), QStringLiteral("followUpDate"),
                QStringLiteral("candidateUsers"), QStringLiteral("candidateGroups"),
                QStringLiteral("priority")},
            prefix, instance))
        return f;
    for (const char *text : {"assignee", "dueDate", "followUpDate"}) {
        if (!isNullOr(c.value(QLatin1String(text)), &QJsonValue::isString))
            return unparsable(prefix + QLatin1String(text), instance);
    }
    for (const char *list : {"candidateUsers", "candidateGroups"}) {
        const QJsonValue v = c.value(QLatin1String(list));
        if (!isNullOr(v, &QJsonValue::isArray))
            return unparsable(prefix + QLatin1String(list), instance);
        for (const QJsonValue &item : v.toArray()) {
            if (!item.isString())
                return unparsable(prefix + QLatin1String(list), instance);
        }
    }
    const QJsonValue priority = c.value(QLatin1String("priority"));
    if (!isNullOr(priority, &QJsonValue::isDouble) || (priority.isDouble() && !isInteger(priority)))
        return unparsable(prefix + QStringLiteral("priority"), instance);

    // The values (UserTaskRequestValidator's checks and texts); "" clears a date.
    QStringList problems;
    const std::pair<const char *, const char *> dates[] {
        {"dueDate", "due date"}, {"followUpDate", "follow-up date"}};
    for (const auto &[member, label] : dates) {
        const QString date = c.value(QLatin1String(member)).toString();
        if (!date.isEmpty() && !isRfc3339(date))
            problems.append(QStringLiteral("The provided %1 '%2' cannot be parsed as a date "
                                           "according to RFC 3339, section 5.6")
                                .arg(QLatin1String(label), date));
    }
    if (priority.isDouble() && (priority.toInt() < 0 || priority.toInt() > 100))
        problems.append(QStringLiteral("The value for priority is '%1' but must be within the "
                                       "[0,100] range")
                            .arg(priority.toInt()));
    return violations(problems, instance);
}

} // namespace

Failure resultProperty(const QJsonValue &result, const QString &instance)
{
    if (result.isUndefined() || result.isNull())
        return std::nullopt;
    if (!result.isObject())
        return unparsable(QStringLiteral("result"), instance);
    const QJsonObject r = result.toObject();
    const QJsonValue type = r.value(QLatin1String("type"));
    if (!isNullOr(type, &QJsonValue::isString))
        return unparsable(QStringLiteral("result.type"), instance);
    const QString name = type.toString(QStringLiteral("userTask"));
    if (name == QLatin1String("adHocSubProcess"))
        return adHocResult(r, instance);
    if (name != QLatin1String("userTask"))
        return badRequest(QStringLiteral("Cannot map value '%1' for type 'result'. Use any of the "
                                         "following values: [userTask, adHocSubProcess]")
                              .arg(name),
            instance);
    return userTaskResult(r, instance);
}

bool hasCorrections(const QJsonObject &result)
{
    const QJsonObject c = result.value(QLatin1String("corrections")).toObject();
    return std::any_of(
        c.constBegin(), c.constEnd(), [](const QJsonValue &v) { return !v.isNull(); });
}

QString jobContext(const JobStore &store, const Job &job)
{
    return QStringLiteral("(job key '%1', type '%2', processInstanceKey '%3')")
        .arg(job.key)
        .arg(store.string(job.type))
        .arg(job.processInstanceKey);
}

Failure violations(const QStringList &list, const QString &instance)
{
    if (list.isEmpty())
        return std::nullopt;
    return invalidArgument(list.join(QLatin1String(". ")) + QLatin1Char('.'), instance);
}

} // namespace JobDesk::Sandbox::Validation
