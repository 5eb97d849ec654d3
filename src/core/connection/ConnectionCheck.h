// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Answers.h"
#include "core/camunda/Outcome.h"
#include "core/connection/ConnectionKinds.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>

namespace JobDesk {

class ApiCall;
class GatewayVersionCache;
class JobsClient;

/// "Does this connection work, and as whom?" — the one connection test of the program, shown by
/// the profile editor and `jobdesk-cli profile test`.
///
/// First `GET /v2/topology` (for an OAuth connection the token is fetched before, so a refused
/// client is told apart from a refused token): the gateway version, brokers and partitions, and
/// the version goes to the GatewayVersionCache. Then the credentials: on Camunda 8.8+ (or a
/// version that cannot be read) `GET /v2/authentication/me` says who you are; older servers
/// (and servers without that endpoint) only show that the credentials were accepted for the
/// topology — said so honestly. 401 and 403 are explained. The check cannot prove the permission
/// to complete jobs (PROCESS_DEFINITION:UPDATE_PROCESS_INSTANCE); its summary says so.
class ConnectionCheck final : public QObject
{
    Q_OBJECT
public:
    enum class Verdict {
        Connected, ///< reached, and the credentials (if any) were accepted
        Unreachable, ///< no HTTP answer from the API or the token endpoint
        TokenRefused, ///< the token endpoint answered but issued no token
        Unauthorized, ///< 401: the credentials were refused
        Forbidden, ///< 403: signed in, but not allowed
        Unexpected, ///< another HTTP status
    };
    Q_ENUM(Verdict)

    struct Result
    {
        Verdict verdict = Verdict::Unreachable;
        QString summary; ///< one or two sentences for the person
        std::optional<int> httpStatus; ///< of the request that decided
        std::optional<Topology> topology; ///< Answers::topology() of the topology body
        std::optional<WhoAmI> identity; ///< when the server said who you are
        bool identityAvailable = false; ///< the server has GET /v2/authentication/me

        bool ok() const { return verdict == Verdict::Connected; }
    };

    /// `client` is set up for the connection (JobsClient::setConnection) and must outlive the
    /// check; `authKind` is the connection's. `cache` (optional, not owned) remembers the version.
    ConnectionCheck(JobsClient *client, AuthKind authKind, GatewayVersionCache *cache = nullptr,
        QObject *parent = nullptr);
    ~ConnectionCheck() override;

    /// Starts the check; `finished` follows once, from the event loop.
    void start();
    bool isRunning() const { return m_running; }
    /// Stops waiting; no `finished` follows.
    void cancel();

    /// Brokers listed in `topology` (else its clusterSize); partitionsCount (0 when absent).
    static int brokerCount(const Topology &topology);
    static int partitionCount(const Topology &topology);
    /// "gateway 8.8.0 · 3 partitions on 3 brokers".
    static QString describe(const Topology &topology);
    /// "Demo User (demo)", or the one that is set.
    static QString describe(const WhoAmI &identity);
    /// The tenant ids of `identity`.
    static QStringList tenantIds(const WhoAmI &identity);

    /// The summary of a result without an HTTP answer, joined so that a sentence ending in "?"
    /// or "." gets no second stop ("… port-forward running?", not "running?.").
    static QString sentence(const QString &text);

signals:
    void finished(const JobDesk::ConnectionCheck::Result &result);

private:
    void askTopology();
    void onTopology(const Outcome &outcome);
    void askIdentity();
    void onIdentity(const Outcome &outcome);
    void finish(Verdict verdict, const QString &summary, std::optional<int> status = {});
    void track(ApiCall *call, void (ConnectionCheck::*handler)(const Outcome &));

    Q_DISABLE_COPY_MOVE(ConnectionCheck)
    JobsClient *m_client;
    AuthKind m_authKind;
    GatewayVersionCache *m_cache;
    QPointer<ApiCall> m_call;
    Result m_result;
    bool m_running = false;
    quint64 m_run = 0;
};

} // namespace JobDesk

Q_DECLARE_METATYPE(JobDesk::ConnectionCheck::Result)
