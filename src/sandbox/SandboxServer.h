// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/BatchOperations.h"
#include "sandbox/Cluster.h"
#include "sandbox/RequestRecord.h"
#include "sandbox/RestGateway.h"
#include "sandbox/SandboxOptions.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>
#include <QTimer>

#include <optional>

class QTcpSocket;

namespace JobDesk::Sandbox {

/// The sandbox's HTTP server: authentication (none, basic, OAuth client credentials with
/// expiring bearer tokens), fault injection (backpressure, internal and gateway errors,
/// permissions, latency), the record of state-changing requests (/sandbox/record), the timers
/// that advance batch operations and the built-in worker, and the Camunda API of RestGateway,
/// over Qt HttpServer with keep-alive. Latency is a timer per request, so one slow answer never
/// blocks the event loop for other clients.
class SandboxServer final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit SandboxServer(const SandboxOptions &options, QObject *parent = nullptr);
    ~SandboxServer() override;
    Q_DISABLE_COPY_MOVE(SandboxServer)

    /// Fills the cluster from --demo, --jobs-file and --generate. False with a message on error.
    bool loadJobs(QString *error);
    /// Listens on the configured host and port; returns the port, or 0 with a message.
    quint16 start(QString *error);
    quint16 port() const { return m_port; }

    Cluster &cluster() { return m_cluster; }
    JobStore &store() { return m_cluster.jobs(); }
    BatchOperations &batches() { return m_batches; }
    const RequestRecord &record() const { return m_record; }
    const SandboxOptions &options() const { return m_options; }
    /// Counts requests answered (for tests and the benchmark's sanity checks).
    qint64 requestCount() const { return m_requests; }

    /// The demo data shipped in the resources (the same format --jobs-file reads).
    static QByteArray demoJobsJson();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Identity
    {
        QString user;
        bool client = false;
    };

    ApiResponse respond(const QHttpServerRequest &request, const QString &path);
    ApiResponse recordEndpoint(const QHttpServerRequest &request, const QString &path);
    ApiResponse api(const QHttpServerRequest &request, const QString &path, const Identity &who);
    // SandboxAuth.cpp
    std::optional<ApiResponse> authenticate(
        const QHttpServerRequest &request, const QString &path, Identity *who);
    ApiResponse issueToken(const QHttpServerRequest &request);

    std::optional<ApiResponse> injectFault(const QString &path, bool *applyThenTimeOut);
    void runWorker();
    static void write(QTcpSocket *socket, const ApiResponse &response, bool close);

    SandboxOptions m_options;
    Cluster m_cluster;
    BatchOperations m_batches;
    RestGateway m_gateway;
    RequestRecord m_record;
    QRandomGenerator m_dice;
    QElapsedTimer m_clock;
    QTimer m_batchTimer;
    QTimer m_workerTimer;
    QHash<QByteArray, qint64> m_tokens; // access token -> expiry on m_clock (ms)
    QHash<QByteArray, QString> m_tokenClients; // access token -> client id
    quint16 m_port = 0;
    qint64 m_requests = 0;
};

/// A request header's value (first match, case-insensitive).
QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name);

} // namespace JobDesk::Sandbox
