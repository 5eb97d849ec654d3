// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/ApiResponse.h"
#include "sandbox/GatewayVersion.h"
#include "sandbox/JobStore.h"
#include "sandbox/RawJson.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>
#include <vector>

/// Request checks shared by the endpoints, worded like Camunda's gateway
/// (GlobalControllerExceptionHandler, RequestValidator, JobRequestValidator).
namespace JobDesk::Sandbox::Validation {

/// A request that failed validation or was rejected: the answer to send instead.
using Failure = std::optional<ApiResponse>;

/// A path key as the gateway binds it (LongKey: optional sign and digits, within range).
std::optional<qint64> parseKey(const QString &text);
/// Parses a JSON object body; an empty body is {} unless `required`.
Failure parseBody(const QByteArray &body, bool required, const QString &instance, QJsonObject *out);
/// Refuses members not in `allowed` (the schemas say additionalProperties: false).
Failure onlyProperties(const QJsonObject &object, const QStringList &allowed, const QString &prefix,
    const QString &instance);
bool isNullOr(const QJsonValue &v, bool (QJsonValue::*is)() const);
bool isInteger(const QJsonValue &v);

/// A command's path key and body, read and checked as the gateway does before the engine sees
/// them: the key converts, the body parses, it has only the members its schema allows.
struct CommandInput
{
    qint64 key = 0;
    QJsonObject body;
    QByteArray raw;
};
Failure readCommand(const QString &keyName, const QString &keyText, const QByteArray &body,
    bool bodyRequired, const QStringList &allowed, const QString &instance, CommandInput *out);

/// `variables` must be an object or null; its members verbatim in `out`.
Failure variablesProperty(const CommandInput &input, const QString &instance,
    std::vector<RawJson::Member> *out, const QString &name = QStringLiteral("variables"));
/// `result` of a completion (JobResultUserTask / JobResultAdHocSubProcess), including the
/// corrections' value checks (priority 0-100, RFC 3339 dates, "" clears).
Failure resultProperty(const QJsonValue &result, const QString &instance);
bool hasCorrections(const QJsonObject &result);
/// "(job key '…', type '…', processInstanceKey '…')" as the engine puts it into rejections.
QString jobContext(const JobStore &store, const Job &job);

/// The violations of a RequestValidator joined as it joins them, or nothing.
Failure violations(const QStringList &list, const QString &instance);

} // namespace JobDesk::Sandbox::Validation
