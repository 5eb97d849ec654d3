// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/JobStore.h"
#include "sandbox/JobsApi.h"

#include <QJsonObject>
#include <QJsonValue>

#include <initializer_list>
#include <optional>

/// Request checks and problem bodies shared by the job endpoints, worded like Camunda's gateway
/// (GlobalControllerExceptionHandler) and engine (JobCommandPreconditionChecker, ErrorMapper).
namespace JobDesk::Sandbox::Validation {

/// A request that failed validation or was rejected: the answer to send instead.
using Failure = std::optional<ApiResponse>;

/// 400 "Request property [<property>] cannot be parsed".
ApiResponse unparsable(const QString &property, const QString &instance);
/// "Command '<command>' rejected with code '<code>': <reason>" with the code's status.
ApiResponse rejection(
    const QString &command, const QString &code, const QString &reason, const QString &instance);
/// A path key as Spring binds a `long`: optional sign and digits, within range.
std::optional<qint64> parseKey(const QString &text);
/// 400 "Failed to convert '<parameter>' with value: '<value>'".
ApiResponse conversionFailure(
    const QString &parameter, const QString &value, const QString &instance);
/// Parses a JSON object body; an empty body is {} unless `required`.
Failure parseBody(const QByteArray &body, bool required, const QString &instance, QJsonObject *out);
/// Rejects members not in `allowed` (the schemas say additionalProperties: false).
Failure onlyProperties(const QJsonObject &object, std::initializer_list<const char *> allowed,
    const QString &prefix, const QString &instance);
bool isNullOr(const QJsonValue &v, bool (QJsonValue::*is)() const);
bool isInteger(const QJsonValue &v);
/// `variables` must be an object or null.
Failure variablesProperty(const QJsonObject &body, const QString &instance);
/// `result` of a completion: JobResultUserTask or JobResultAdHocSubProcess.
Failure resultProperty(const QJsonValue &result, const QString &instance);
bool hasCorrections(const QJsonObject &result);
/// "(job key '…', type '…', processInstanceKey '…')" as the engine appends to rejections.
QString jobContext(const JobStore &store, const Job &job);

} // namespace JobDesk::Sandbox::Validation
