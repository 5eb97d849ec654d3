// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/RequestValidation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace JobDesk::Sandbox::Validation {

namespace {
const QString BadRequest = QStringLiteral("Bad Request");
} // namespace

ApiResponse unparsable(const QString &property, const QString &instance)
{
    return ApiResponse::problem(400, BadRequest,
        QStringLiteral("Request property [%1] cannot be parsed").arg(property), instance);
}

/// Camunda's engine rejections as the gateway maps them (ErrorMapper): the title is the
/// rejection code, the detail "Command '<INTENT>' rejected with code '<CODE>': <reason>".
ApiResponse rejection(
    const QString &command, const QString &code, const QString &reason, const QString &instance)
{
    const int status = code == QLatin1String("NOT_FOUND") ? 404
        : code == QLatin1String("INVALID_STATE")          ? 409
        : code == QLatin1String("INVALID_ARGUMENT")       ? 400
                                                          : 500;
    return ApiResponse::problem(status, code,
        QStringLiteral("Command '%1' rejected with code '%2': %3").arg(command, code, reason),
        instance);
}

std::optional<qint64> parseKey(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^-?[0-9]+$"));
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 key = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(key) : std::nullopt;
}

ApiResponse conversionFailure(
    const QString &parameter, const QString &value, const QString &instance)
{
    return ApiResponse::problem(400, BadRequest,
        QStringLiteral("Failed to convert '%1' with value: '%2'").arg(parameter, value), instance);
}

/// Parses a JSON request body. An empty body is `{}` unless the endpoint requires one.
Failure parseBody(const QByteArray &body, bool required, const QString &instance, QJsonObject *out)
{
    if (body.trimmed().isEmpty()) {
        if (required)
            return ApiResponse::problem(
                400, BadRequest, QStringLiteral("Required request body is missing"), instance);
        *out = QJsonObject();
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (doc.isNull() || !doc.isObject())
        return ApiResponse::problem(
            400, BadRequest, QStringLiteral("Failed to read request"), instance);
    *out = doc.object();
    return std::nullopt;
}

Failure onlyProperties(const QJsonObject &object, std::initializer_list<const char *> allowed,
    const QString &prefix, const QString &instance)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const bool known = std::any_of(allowed.begin(), allowed.end(),
            [&](const char *name) { return it.key() == QLatin1String(name); });
        if (!known)
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

Failure variablesProperty(const QJsonObject &body, const QString &instance)
{
    if (!isNullOr(body.value(QLatin1String("variables")), &QJsonValue::isObject))
        return unparsable(QStringLiteral("variables"), instance);
    return std::nullopt;
}

/// Validates `result` of a completion (JobResultUserTask / JobResultAdHocSubProcess).
Failure resultProperty(const QJsonValue &result, const QString &instance)
{
    if (result.isUndefined() || result.isNull())
        return std::nullopt;
    if (!result.isObject())
        return unparsable(QStringLiteral("result"), instance);
    const QJsonObject r = result.toObject();
    const QString type = r.value(QLatin1String("type")).toString(QStringLiteral("userTask"));
    if (type == QLatin1String("adHocSubProcess")) {
        if (auto f = onlyProperties(r,
                {"type", "activateElements", "isCompletionConditionFulfilled",
                    "isCancelRemainingInstances"},
                QStringLiteral("result."), instance))
            return f;
        const QJsonValue elements = r.value(QLatin1String("activateElements"));
        if (!isNullOr(elements, &QJsonValue::isArray))
            return unparsable(QStringLiteral("result.activateElements"), instance);
        for (const QJsonValue &e : elements.toArray()) {
            if (!e.isObject() || !e.toObject().value(QLatin1String("elementId")).isString()
                || !isNullOr(e.toObject().value(QLatin1String("variables")), &QJsonValue::isObject))
                return unparsable(QStringLiteral("result.activateElements"), instance);
        }
        for (const char *flag : {"isCompletionConditionFulfilled", "isCancelRemainingInstances"}) {
            if (!isNullOr(r.value(QLatin1String(flag)), &QJsonValue::isBool))
                return unparsable(QStringLiteral("result.") + QLatin1String(flag), instance);
        }
        return std::nullopt;
    }
    if (type != QLatin1String("userTask"))
        return unparsable(QStringLiteral("result.type"), instance);
    if (auto f = onlyProperties(r, {"type", "denied", "deniedReason", "corrections"},
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
    if (auto f = onlyProperties(c,
            {"assignee", "dueDate", "followUpDate", "candidateUsers", "candidateGroups",
                "priority"},
            QStringLiteral("result.corrections."), instance))
        return f;
    for (const char *text : {"assignee", "dueDate", "followUpDate"}) {
        if (!isNullOr(c.value(QLatin1String(text)), &QJsonValue::isString))
            return unparsable(
                QStringLiteral("result.corrections.") + QLatin1String(text), instance);
    }
    for (const char *list : {"candidateUsers", "candidateGroups"}) {
        if (!isNullOr(c.value(QLatin1String(list)), &QJsonValue::isArray))
            return unparsable(
                QStringLiteral("result.corrections.") + QLatin1String(list), instance);
    }
    const QJsonValue priority = c.value(QLatin1String("priority"));
    if (!priority.isUndefined() && !priority.isNull() && !isInteger(priority))
        return unparsable(QStringLiteral("result.corrections.priority"), instance);
    return std::nullopt;
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

} // namespace JobDesk::Sandbox::Validation
