// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/JobStore.h"
#include "sandbox/JobsApi.h"
#include "sandbox/SandboxOptions.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QRandomGenerator>

#include <memory>
#include <optional>

class QTcpSocket;

namespace JobDesk::Sandbox {

/// The sandbox's HTTP server: authentication (none, basic, OAuth client credentials with
/// expiring bearer tokens), fault injection (backpressure, internal errors, latency) and the
/// Camunda job endpoints of JobsApi, over Qt HttpServer with keep-alive. Latency is a timer per
/// request, so one slow answer never blocks the event loop for other clients.
class SandboxServer final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit SandboxServer(const SandboxOptions &options, QObject *parent = nullptr);
    ~SandboxServer() override;
    Q_DISABLE_COPY_MOVE(SandboxServer)

    /// Fills the store from --demo, --jobs-file and --generate. False with a message on error.
    bool loadJobs(QString *error);
    /// Listens on the configured host and port; returns the port, or 0 with a message.
    quint16 start(QString *error);
    quint16 port() const { return m_port; }

    JobStore &store() { return m_store; }
    const SandboxOptions &options() const { return m_options; }
    /// Counts requests answered (for tests and the benchmark's sanity checks).
    qint64 requestCount() const { return m_requests; }

    /// The demo data shipped in the resources (the same format --jobs-file reads).
    static QByteArray demoJobsJson();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    ApiResponse respond(const QHttpServerRequest &request, const QString &path);
    std::optional<ApiResponse> authenticate(const QHttpServerRequest &request, const QString &path);
    ApiResponse issueToken(const QHttpServerRequest &request);
    std::optional<ApiResponse> injectFault(const QString &path);
    static void write(QTcpSocket *socket, const ApiResponse &response, bool close);

    SandboxOptions m_options;
    JobStore m_store;
    JobsApi m_api;
    QRandomGenerator m_dice;
    QElapsedTimer m_clock;
    QHash<QByteArray, qint64> m_tokens; // access token -> expiry on m_clock (ms)
    quint16 m_port = 0;
    qint64 m_requests = 0;
};

} // namespace JobDesk::Sandbox
