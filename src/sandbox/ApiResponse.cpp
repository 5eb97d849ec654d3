// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/ApiResponse.h"

#include <QJsonDocument>

namespace JobDesk::Sandbox {

ApiResponse ApiResponse::json(int status, const QJsonObject &body)
{
    return ApiResponse {status, QByteArrayLiteral("application/json"),
        QJsonDocument(body).toJson(QJsonDocument::Compact), {}, false};
}

ApiResponse ApiResponse::noContent()
{
    return ApiResponse {204, QByteArray(), QByteArray(), {}, false};
}

ApiResponse ApiResponse::done()
{
    return ApiResponse {204, QByteArray(), QByteArray(), {}, true};
}

ApiResponse ApiResponse::problem(
    int status, const QString &title, const QString &detail, const QString &instance)
{
    const QJsonObject body {{QStringLiteral("type"), QStringLiteral("about:blank")},
        {QStringLiteral("title"), title}, {QStringLiteral("status"), status},
        {QStringLiteral("detail"), detail}, {QStringLiteral("instance"), instance}};
    return ApiResponse {status, QByteArrayLiteral("application/problem+json"),
        QJsonDocument(body).toJson(QJsonDocument::Compact), {}, false};
}

namespace Problems {

ApiResponse unparsable(const QString &property, const QString &instance)
{
    return badRequest(
        QStringLiteral("Request property [%1] cannot be parsed").arg(property), instance);
}

ApiResponse badRequest(const QString &detail, const QString &instance)
{
    return ApiResponse::problem(400, QStringLiteral("Bad Request"), detail, instance);
}

ApiResponse invalidArgument(const QString &detail, const QString &instance)
{
    return ApiResponse::problem(400, QStringLiteral("INVALID_ARGUMENT"), detail, instance);
}

ApiResponse rejection(
    const QString &command, const QString &code, const QString &reason, const QString &instance)
{
    // GatewayErrorMapper.mapStatus
    const int status = code == QLatin1String("NOT_FOUND")                                   ? 404
        : code == QLatin1String("INVALID_STATE") || code == QLatin1String("ALREADY_EXISTS") ? 409
        : code == QLatin1String("INVALID_ARGUMENT")                                         ? 400
        : code == QLatin1String("FORBIDDEN")                                                ? 403
                                                                                            : 500;
    return ApiResponse::problem(status, code,
        QStringLiteral("Command '%1' rejected with code '%2': %3").arg(command, code, reason),
        instance);
}

ApiResponse forbidden(const QString &command, const QString &processId, const QString &instance)
{
    return rejection(command, QStringLiteral("FORBIDDEN"),
        QStringLiteral("Insufficient permissions to perform operation 'UPDATE_PROCESS_INSTANCE' "
                       "on resource 'PROCESS_DEFINITION', required resource identifiers are one "
                       "of '[*, %1]'")
            .arg(processId),
        instance);
}

ApiResponse notFound(const QString &entity, const QString &key, const QString &instance)
{
    return ApiResponse::problem(404, QStringLiteral("NOT_FOUND"),
        QStringLiteral("%1 with key '%2' not found").arg(entity, key), instance);
}

ApiResponse unavailable(const QString &instance)
{
    return ApiResponse::problem(503, QStringLiteral("UNAVAILABLE"),
        QStringLiteral("Expected to handle request, but request could not be delivered"), instance);
}

ApiResponse conversionFailure(
    const QString &parameter, const QString &value, const QString &instance)
{
    return badRequest(
        QStringLiteral("Failed to convert '%1' with value: '%2'").arg(parameter, value), instance);
}

} // namespace Problems

} // namespace JobDesk::Sandbox
