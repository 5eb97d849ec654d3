// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace JobDesk::Sandbox {

/// An HTTP answer before it is written to a socket.
struct ApiResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    /// Set by a state-changing endpoint when the change was made (for the sandbox's record).
    bool applied = false;

    static ApiResponse json(int status, const QJsonObject &body);
    static ApiResponse noContent();
    /// A 204 for a command that changed something.
    static ApiResponse done();
    /// An RFC 9457 problem as Camunda sends it (`type` about:blank).
    static ApiResponse problem(
        int status, const QString &title, const QString &detail, const QString &instance);
};

/// The problems Camunda's gateway (GlobalControllerExceptionHandler, RequestValidator) and
/// engine (rejections through GatewayErrorMapper) answer with, worded as they word them.
namespace Problems {

/// 400 Bad Request "Request property [<property>] cannot be parsed".
ApiResponse unparsable(const QString &property, const QString &instance);
/// 400 Bad Request with the framework's own detail.
ApiResponse badRequest(const QString &detail, const QString &instance);
/// 400 INVALID_ARGUMENT from the gateway's request validation.
ApiResponse invalidArgument(const QString &detail, const QString &instance);
/// "Command '<command>' rejected with code '<code>': <reason>" with the code's status.
ApiResponse rejection(
    const QString &command, const QString &code, const QString &reason, const QString &instance);
/// 403 FORBIDDEN: the caller lacks `permission` on the process definition `processId`.
ApiResponse forbidden(const QString &command, const QString &processId, const QString &instance);
/// 404 NOT_FOUND of a search-backed lookup: "<entity> with key '<key>' not found".
ApiResponse notFound(const QString &entity, const QString &key, const QString &instance);
/// 503 UNAVAILABLE: the key's partition does not exist, the request cannot be delivered.
ApiResponse unavailable(const QString &instance);
/// 400 "Failed to convert '<parameter>' with value: '<value>'" (a path key that is no number).
ApiResponse conversionFailure(
    const QString &parameter, const QString &value, const QString &instance);

} // namespace Problems

} // namespace JobDesk::Sandbox
