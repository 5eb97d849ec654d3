// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's REST gateway in-process, without sockets: a Cluster with a clock the test
// moves, its batch operations and the gateway, and a way to send it requests.
#pragma once

#include "sandbox/BatchOperations.h"
#include "sandbox/RestGateway.h"
#include "sandbox/SandboxServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

struct GatewayAnswer
{
    int status = 0;
    QByteArray body;
    bool applied = false;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString title() const { return json().value(QLatin1String("title")).toString(); }
    QString detail() const { return json().value(QLatin1String("detail")).toString(); }
    QJsonArray items() const { return json().value(QLatin1String("items")).toArray(); }
    QJsonObject item(int i = 0) const { return items().at(i).toObject(); }
    qint64 totalItems() const
    {
        return qint64(json()
                          .value(QLatin1String("page"))
                          .toObject()
                          .value(QLatin1String("totalItems"))
                          .toDouble());
    }
};

class GatewayHarness
{
public:
    explicit GatewayHarness(
        JobDesk::Sandbox::GatewayVersion version = JobDesk::Sandbox::GatewayVersion::V8_8,
        bool demo = true)
        : cluster(version, [this]() { return nowMs; })
        , batches(&cluster)
        , gateway(&cluster, &batches)
    {
        if (demo) {
            QString error;
            loaded = cluster.loadJson(JobDesk::Sandbox::SandboxServer::demoJobsJson(), &error);
            if (!loaded)
                qWarning("demo data: %s", qPrintable(error));
        }
    }

    GatewayAnswer send(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QString &query = {}, const QString &user = {})
    {
        JobDesk::Sandbox::Call call;
        call.method = method;
        call.path = path;
        call.body = body;
        call.query = QUrlQuery(query);
        call.user = user;
        const JobDesk::Sandbox::ApiResponse r = gateway.handle(call);
        return GatewayAnswer {r.status, r.body, r.applied};
    }
    GatewayAnswer post(const QString &path, const QByteArray &body = {})
    {
        return send(QByteArrayLiteral("POST"), path, body);
    }
    GatewayAnswer get(const QString &path) { return send(QByteArrayLiteral("GET"), path); }
    GatewayAnswer search(const QString &what, const QByteArray &body)
    {
        return post(QStringLiteral("/v2/%1/search").arg(what), body);
    }
    /// The first job (in store order) that fits, or nullptr.
    template <typename Predicate> JobDesk::Sandbox::Job *job(Predicate predicate)
    {
        for (const auto &j : cluster.jobs().jobs()) {
            if (predicate(j))
                return cluster.jobs().find(j.key);
        }
        return nullptr;
    }

    qint64 nowMs = 1'790'000'000'000; // 2026-09-21
    JobDesk::Sandbox::Cluster cluster;
    JobDesk::Sandbox::BatchOperations batches;
    JobDesk::Sandbox::RestGateway gateway;
    bool loaded = true;
};

inline QString completion(qint64 key)
{
    return QStringLiteral("/v2/jobs/%1/completion").arg(key);
}

inline QByteArray filterBody(const QString &field, const QString &value)
{
    return QStringLiteral(R"({"filter":{"%1":"%2"}})").arg(field, value).toUtf8();
}
