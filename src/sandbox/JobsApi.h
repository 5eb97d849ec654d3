// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/JobStore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace JobDesk::Sandbox {

/// An HTTP answer before it is written to a socket.
struct ApiResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiResponse json(int status, const QJsonObject &body);
    static ApiResponse noContent();
    /// An RFC 9457 problem as Camunda sends it (`type` about:blank).
    static ApiResponse problem(
        int status, const QString &title, const QString &detail, const QString &instance);
};

/// The Camunda 8.8 job endpoints over a JobStore, without any HTTP transport: given method, path
/// and body, returns what the real gateway would answer. Validation and rejection texts follow
/// the real server (see ../shared/camunda/problem-examples.json).
class JobsApi final
{
public:
    using Clock = std::function<qint64()>;

    explicit JobsApi(JobStore *store, Clock clock = {});
    Q_DISABLE_COPY_MOVE(JobsApi)

    /// `path` is the URL path (e.g. /v2/jobs/123/completion), `method` upper-case.
    ApiResponse handle(const QByteArray &method, const QString &path, const QByteArray &body);

    static QString gatewayVersion();

private:
    ApiResponse complete(const QString &keyText, const QString &instance, const QByteArray &body);
    ApiResponse fail(const QString &keyText, const QString &instance, const QByteArray &body);
    ApiResponse throwError(const QString &keyText, const QString &instance, const QByteArray &body);
    ApiResponse update(const QString &keyText, const QString &instance, const QByteArray &body);
    ApiResponse resolveIncident(
        const QString &keyText, const QString &instance, const QByteArray &body);
    ApiResponse search(const QString &instance, const QByteArray &body);
    ApiResponse searchIncidentsRoute(const QString &instance, const QByteArray &body);
    ApiResponse incident(const QString &keyText, const QString &instance);
    ApiResponse topology() const;

    qint64 now() const;

    JobStore *m_store;
    Clock m_clock;
};

} // namespace JobDesk::Sandbox
