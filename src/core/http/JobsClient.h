// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Outcome.h"
#include "core/http/AuthProvider.h"
#include "core/http/HttpExchange.h"
#include "core/http/TlsOptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;

namespace JobDesk {

class CompletionRequest;
struct ClientConnection;

/// One request in flight. Emits `finished` exactly once (also after `cancel()`), then may be
/// deleted by the receiver (`deleteLater`). Owned by the JobsClient until then.
class ApiCall final : public QObject
{
    Q_OBJECT
public:
    ~ApiCall() override;
    /// Abort the request; `finished` follows with OutcomeKind::Cancelled.
    void cancel();
    bool isFinished() const { return m_finished; }
    const RequestRecord &request() const { return m_outcome.request; }

signals:
    void finished(const JobDesk::Outcome &outcome);

private:
    friend class JobsClient;
    explicit ApiCall(QObject *parent);
    Q_DISABLE_COPY_MOVE(ApiCall)

    void detachExchange();
    void emitFinished();

    Outcome m_outcome;
    ApiRequest m_request; ///< as given (its body is what is sent)
    bool m_finished = false;
    bool m_retriedAfter401 = false;
    QUrl m_url;
    QByteArray m_authorization; ///< the Authorization value sent (memory only, never shown)
    QPointer<HttpExchange> m_exchange;
    QElapsedTimer m_clock;
    HttpLimits m_limits; ///< the client's limits when the call was made (a later change does not
                         ///< reach a call already made, e.g. one waiting for a token)
};

/// The one client of the Camunda 8 REST API (or the sandbox): every request is an ApiRequest
/// sent with send().
///
/// Uses an injected QNetworkAccessManager and AuthProvider; each request goes on the wire through
/// an HttpExchange (the request policy: no redirects, no cookies, bounded time and memory, TLS
/// checks). Requests carry `Content-Type: application/json` (when they have a body),
/// `Accept: application/json, application/problem+json` and `User-Agent: JobDesk/<version>`.
/// A request that changes state (ApiRequest::changesState()) is put on the wire at most once: when
/// it went out and no answer came, the outcome is SentNoAnswer ("the server may have applied it").
/// An answer cut short after its headers keeps its status, headers and what arrived
/// (Outcome::answerIncomplete). Secrets known to the request (the auth provider's) are redacted, as
/// whole values, from everything the server sent back; the record of what was sent has only its
/// Authorization value replaced, never its URL or body. On a 401 the auth provider is
/// invalidated and, if it can refresh, the request is retried once (a 401 means nothing was
/// applied).
class JobsClient final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultMaxBodyBytes = HttpLimits::kDefaultMaxBodyBytes;
    static constexpr std::chrono::milliseconds kDefaultTimeout = HttpLimits::kDefaultIdleTimeout;

    explicit JobsClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~JobsClient() override;

    struct ApiRoot
    {
        QUrl url; ///< always ends in "/v2/"
        QString error; ///< non-empty when the address is unusable
    };
    /// `http://h:8080`, `http://h:8080/`, `http://h:8080/v2`, `http://h:8080/v2/` (and a
    /// context path before /v2) all give `http://h:8080/v2/`. Only http and https.
    static ApiRoot normalizeApiRoot(const QString &address);

    /// Where and how every following request goes: root, timeout, TLS and auth of a connection
    /// made by ConnectionFactory::build(). `connection` is not owned and must outlive its use
    /// (the provider is held by a guarded pointer). Returns why the TLS material cannot be
    /// used, or "" (as setTlsOptions()).
    QString setConnection(const ClientConnection &connection);

    /// Normalised like normalizeApiRoot(); an unusable root makes every call fail with its error.
    void setApiRoot(const QUrl &root);
    QUrl apiRoot() const { return m_apiRoot; }
    /// Applied to every https request; returns why the files cannot be used, or "".
    QString setTlsOptions(const TlsOptions &options);
    /// Not owned; nullptr means no authentication.
    void setAuthProvider(AuthProvider *auth);
    AuthProvider *authProvider() const { return m_auth; }
    /// The idle timeout: no byte in either direction for this long ends a request. Unless
    /// setDeadline() says otherwise, a request also ends after twice this time overall
    /// (HttpLimits::derivedDeadline), however steadily a server trickles.
    void setTimeout(std::chrono::milliseconds timeout) { m_limits.idleTimeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_limits.idleTimeout; }
    /// The overall deadline of one request on the wire; 0 (the default) derives it from timeout().
    void setDeadline(std::chrono::milliseconds deadline) { m_limits.deadline = deadline; }
    std::chrono::milliseconds deadline() const { return m_limits.effectiveDeadline(); }
    void setMaxBodyBytes(qint64 bytes) { m_limits.maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_limits.maxBodyBytes; }
    const HttpLimits &limits() const { return m_limits; }

    /// `POST jobs/{key}/completion`. The request must be valid (see validationError()).
    /// `finished` always comes later from the event loop, never inside this call. When nothing
    /// could be sent (invalid request or address, authentication failed — e.g. the token
    /// endpoint refused the client), the outcome is TransportError with a `transportError`
    /// starting "not sent: ".
    ApiCall *complete(const CompletionRequest &request);
    /// `GET topology`.
    ApiCall *topology();
    /// Every request goes out through here: its action and subject are recorded with it, and a
    /// request that changes state is never re-sent by the transport (a lost answer ends as
    /// OutcomeKind::SentNoAnswer). `finished` always comes later from the event loop.
    ApiCall *send(const ApiRequest &request);
    /// A read-only call relative to the API root, e.g. ("POST", "jobs/search", body)
    /// (ActionKind::Lookup).
    ApiCall *send(
        const QByteArray &method, const QString &relativePath, const QByteArray &body = {});

    /// What `send()` would send, the Authorization value redacted (for --dry-run, preview, curl
    /// export); URL and body exactly as they go out.
    RequestRecord describe(const ApiRequest &request) const;
    RequestRecord describe(
        const QByteArray &method, const QString &relativePath, const QByteArray &body) const;
    RequestRecord describeCompletion(const CompletionRequest &request) const;

    /// A copy-pasteable POSIX-shell curl command for a request record (already redacted):
    /// a redacted bearer token becomes `"Authorization: Bearer $CAMUNDA_TOKEN"`, redacted basic
    /// credentials `-u "$CAMUNDA_BASIC_AUTH_USERNAME:$CAMUNDA_BASIC_AUTH_PASSWORD"`.
    static QString toCurl(const RequestRecord &request);
    /// `JobDesk/<version> (Qt <runtime version>)`.
    static QByteArray userAgent();

private:
    ApiCall *createCall(const ApiRequest &request);
    void failLater(ApiCall *call, OutcomeKind kind, const QString &message);
    void start(ApiCall *call);
    void dispatch(ApiCall *call, const QByteArray &authorization);
    void onExchangeFinished(ApiCall *call, const HttpResult &result);
    void failAuthentication(ApiCall *call, const AuthProvider::Result &result);

    QNetworkAccessManager *m_nam;
    QPointer<AuthProvider> m_auth;
    QUrl m_apiRoot;
    QString m_apiRootError;
    TlsOptions m_tls;
    HttpLimits m_limits;
};

} // namespace JobDesk
