// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ConnectionCheck.h"

#include "core/camunda/CamundaVersion.h"
#include "core/camunda/Searches.h"
#include "core/connection/GatewayVersionCache.h"
#include "core/http/AuthProvider.h"
#include "core/http/JobsClient.h"

namespace JobDesk {

namespace {

/// The permission Camunda wants for a job completion (the spec's x-required-permissions).
const QLatin1String kCompletionPermission("PROCESS_DEFINITION:UPDATE_PROCESS_INSTANCE");

QString statusText(const Outcome &outcome)
{
    const int status = outcome.httpStatus.value_or(0);
    QString title = outcome.problem.title();
    if (title.isEmpty())
        title = QString::fromLatin1(outcome.reasonPhrase);
    return title.isEmpty() ? QStringLiteral("HTTP %1").arg(status)
                           : QStringLiteral("HTTP %1 %2").arg(status).arg(title);
}

/// A token failure where the token endpoint never answered (unreachable, or no answer in time),
/// as opposed to one it answered (a refusal, carried in `refusal`) or a configuration problem
/// found before asking ("OAuth needs a client id", which names no endpoint).
bool tokenEndpointUnreachable(const AuthProvider::Result &token)
{
    return !token.refusal && token.error.contains(QLatin1String("the OAuth token endpoint"));
}

} // namespace

// ---------------------------------------------------------------------------- Topology, WhoAmI

int ConnectionCheck::brokerCount(const Topology &topology)
{
    return topology.brokers.isEmpty() ? topology.clusterSize.value_or(0)
                                      : int(topology.brokers.size());
}

int ConnectionCheck::partitionCount(const Topology &topology)
{
    return topology.partitionsCount.value_or(0);
}

QString ConnectionCheck::describe(const Topology &topology)
{
    const int partitions = partitionCount(topology);
    const int brokers = brokerCount(topology);
    return QStringLiteral("gateway %1 · %2 partition%3 on %4 broker%5")
        .arg(topology.gatewayVersion.isEmpty() ? QStringLiteral("(version unknown)")
                                               : topology.gatewayVersion)
        .arg(partitions)
        .arg(partitions == 1 ? QString() : QStringLiteral("s"))
        .arg(brokers)
        .arg(brokers == 1 ? QString() : QStringLiteral("s"));
}

QString ConnectionCheck::describe(const WhoAmI &identity)
{
    const QString &displayName = identity.displayName;
    const QString &username = identity.username;
    if (!displayName.isEmpty() && !username.isEmpty() && displayName != username)
        return QStringLiteral("%1 (%2)").arg(displayName, username);
    if (!username.isEmpty())
        return username;
    if (!displayName.isEmpty())
        return displayName;
    return identity.email.isEmpty() ? QStringLiteral("(no name given)") : identity.email;
}

QStringList ConnectionCheck::tenantIds(const WhoAmI &identity)
{
    QStringList ids;
    for (const WhoAmI::Tenant &tenant : identity.tenants) {
        if (!tenant.tenantId.isEmpty())
            ids.append(tenant.tenantId);
    }
    return ids;
}

// ----------------------------------------------------------------------------- ConnectionCheck

ConnectionCheck::ConnectionCheck(
    JobsClient *client, AuthKind authKind, GatewayVersionCache *cache, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_authKind(authKind)
    , m_cache(cache)
{
}

ConnectionCheck::~ConnectionCheck()
{
    cancel();
}

QString ConnectionCheck::sentence(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.endsWith(u'.') || trimmed.endsWith(u'?')
        || trimmed.endsWith(u'!'))
        return trimmed;
    return trimmed + u'.';
}

void ConnectionCheck::start()
{
    if (m_running)
        return;
    m_running = true;
    m_result = Result {};
    const quint64 run = ++m_run;
    AuthProvider *auth = m_client->authProvider();
    if (m_authKind != AuthKind::OAuth || !auth) {
        // Queued, so `finished` never comes from inside start().
        QMetaObject::invokeMethod(
            this,
            [this, run] {
                if (run == m_run && m_running)
                    askTopology();
            },
            Qt::QueuedConnection);
        return;
    }
    // The token first: a refused client is not a refused request.
    auth->authorize(this, [this, run](const AuthProvider::Result &token) {
        if (run != m_run || !m_running)
            return;
        if (!token.error.isEmpty()) {
            if (tokenEndpointUnreachable(token))
                finish(Verdict::Unreachable,
                    sentence(QStringLiteral("No access token: %1").arg(token.error)));
            else
                finish(Verdict::TokenRefused,
                    sentence(QStringLiteral("No access token: %1").arg(token.error)));
            return;
        }
        askTopology();
    });
}

void ConnectionCheck::cancel()
{
    ++m_run;
    m_running = false;
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call->deleteLater();
        m_call.clear();
    }
}

void ConnectionCheck::track(ApiCall *call, void (ConnectionCheck::*handler)(const Outcome &))
{
    m_call = call;
    connect(call, &ApiCall::finished, this, [this, call, handler](const Outcome &outcome) {
        call->deleteLater();
        if (m_call == call)
            m_call.clear();
        (this->*handler)(outcome);
    });
}

void ConnectionCheck::askTopology()
{
    LookupRequest request;
    request.target = LookupRequest::Target::Topology;
    track(m_client->send(request.toApiRequest()), &ConnectionCheck::onTopology);
}

void ConnectionCheck::onTopology(const Outcome &outcome)
{
    if (!outcome.httpStatus) {
        finish(Verdict::Unreachable,
            sentence(QStringLiteral("No answer: %1")
                         .arg(outcome.transportError.isEmpty() ? QStringLiteral("no HTTP answer")
                                                               : outcome.transportError)));
        return;
    }
    const int status = *outcome.httpStatus;
    if (status == 401) {
        finish(Verdict::Unauthorized,
            QStringLiteral("Reached the server, but it refused the credentials (401 "
                           "Unauthorized): check the user name and secret."),
            status);
        return;
    }
    if (status == 403) {
        finish(Verdict::Forbidden,
            QStringLiteral("Reached the server, but it refused these credentials access (403 "
                           "Forbidden): check their permissions."),
            status);
        return;
    }
    if (status < 200 || status >= 300) {
        finish(Verdict::Unexpected,
            QStringLiteral("GET /v2/topology answered %1.").arg(statusText(outcome)), status);
        return;
    }
    m_result.topology = Answers::topology(outcome.rawBody);
    if (m_result.topology && m_cache && !m_result.topology->gatewayVersion.isEmpty())
        m_cache->remember(m_client->apiRoot(), m_result.topology->gatewayVersion);
    const QString reached = m_result.topology
        ? QStringLiteral("Connected to %1").arg(describe(*m_result.topology))
        : QStringLiteral("Connected (the topology could not be read)");
    if (m_authKind == AuthKind::None) {
        finish(Verdict::Connected, QStringLiteral("%1; no authentication configured.").arg(reached),
            status);
        return;
    }
    // An unreadable version is not known to be older: the endpoint is tried.
    if (m_result.topology
        && !supports(m_result.topology->version(), ApiFeature::AuthenticationMe)) {
        finish(Verdict::Connected,
            QStringLiteral("%1; the credentials were accepted for GET /v2/topology. This server "
                           "cannot say who you are (GET /v2/authentication/me came with 8.8).")
                .arg(reached),
            status);
        return;
    }
    askIdentity();
}

void ConnectionCheck::askIdentity()
{
    LookupRequest request;
    request.target = LookupRequest::Target::AuthenticationMe;
    track(m_client->send(request.toApiRequest()), &ConnectionCheck::onIdentity);
}

void ConnectionCheck::onIdentity(const Outcome &outcome)
{
    const QString reached = m_result.topology
        ? QStringLiteral("Connected to %1").arg(describe(*m_result.topology))
        : QStringLiteral("Connected");
    if (!outcome.httpStatus) {
        finish(Verdict::Unreachable,
            sentence(QStringLiteral("%1, but GET /v2/authentication/me got no answer: %2")
                         .arg(reached, outcome.transportError)));
        return;
    }
    const int status = *outcome.httpStatus;
    if (status >= 200 && status < 300) {
        m_result.identityAvailable = true;
        m_result.identity = Answers::whoAmI(outcome.rawBody);
        const QString who = m_result.identity ? describe(*m_result.identity)
                                              : QStringLiteral("(the answer could not be read)");
        finish(Verdict::Connected,
            QStringLiteral("%1; the credentials were accepted: signed in as %2. Whether they may "
                           "complete jobs (%3) shows only when you try.")
                .arg(reached, who, kCompletionPermission),
            status);
        return;
    }
    if (status == 401) {
        finish(Verdict::Unauthorized,
            QStringLiteral("%1, but the server refused the credentials (401 Unauthorized): check "
                           "the user name and secret.")
                .arg(reached),
            status);
        return;
    }
    if (status == 403) {
        m_result.identityAvailable = true;
        finish(Verdict::Forbidden,
            QStringLiteral("%1 and signed in, but the server would not say who you are (403 "
                           "Forbidden): check the permissions of these credentials.")
                .arg(reached),
            status);
        return;
    }
    if (status == 404 || status == 405) {
        // A server without the endpoint: the topology is the only proof there is.
        finish(Verdict::Connected,
            QStringLiteral("%1; the credentials were accepted for GET /v2/topology. This server "
                           "has no GET /v2/authentication/me to say who you are.")
                .arg(reached),
            status);
        return;
    }
    finish(Verdict::Unexpected,
        QStringLiteral("%1, but GET /v2/authentication/me answered %2.")
            .arg(reached, statusText(outcome)),
        status);
}

void ConnectionCheck::finish(Verdict verdict, const QString &summary, std::optional<int> status)
{
    m_running = false;
    m_result.verdict = verdict;
    m_result.summary = summary;
    m_result.httpStatus = status;
    emit finished(m_result);
}

} // namespace JobDesk
