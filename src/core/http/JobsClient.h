// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Outcome.h"
#include "core/http/AuthProvider.h"
#include "core/http/TlsOptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

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

    void resetResponse();
    void detachReply();
    void emitFinished();

    Outcome m_outcome;
    bool m_finished = false;
    bool m_retriedAfter401 = false;
    bool m_cancelled = false;
    bool m_timedOut = false;
    bool m_bodyCut = false; ///< stopped reading a body far beyond the cap
    qint64 m_declaredLength = -1; ///< Content-Length of the answer, if any
    QByteArray m_method;
    QUrl m_url;
    QByteArray m_body; ///< what is sent (the record's body may be redacted)
    QByteArray m_authorization; ///< the Authorization value sent (memory only, never shown)
    QByteArray m_responseBody;
    qint64 m_responseTotal = 0;
    QStringList m_sslErrors;
    std::chrono::milliseconds m_timeoutValue {0};
    QPointer<QNetworkReply> m_reply;
    QTimer *m_timeout = nullptr;
    QElapsedTimer m_clock;
};

/// The only place that talks HTTP to a Camunda 8 REST API (or the sandbox).
///
/// Uses an injected QNetworkAccessManager and AuthProvider. Requests carry
/// `Content-Type: application/json`, `Accept: application/json, application/problem+json` and a
/// `User-Agent: JobDesk/<version>`. Redirects are never followed (a 3xx is reported with its
/// Location), bodies are read with a cap (default 1 MiB, the rest discarded and reported), each
/// request has a transfer timeout (default 30 s), and every transport failure becomes a clear
/// message. On a 401 the auth provider is invalidated and, if it can refresh, the request is
/// retried once.
class JobsClient final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kDefaultMaxBodyBytes = 1024 * 1024;
    static constexpr std::chrono::milliseconds kDefaultTimeout {30000};

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
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }
    /// Bytes of an answer read (and discarded) beyond the cap before the client stops reading and
    /// reports the body as cut; an answer that declares a Content-Length beyond cap + this is not
    /// read past the cap at all.
    static constexpr qint64 kDiscardLimitBytes = 8 * 1024 * 1024;

    /// `POST jobs/{key}/completion`. The request must be valid (see validationError()).
    /// `finished` always comes later from the event loop, never inside this call. When nothing
    /// could be sent (invalid request or address, authentication failed — e.g. the token
    /// endpoint refused the client), the outcome is TransportError with a `transportError`
    /// starting "not sent: ".
    ApiCall *complete(const CompletionRequest &request);
    /// `GET topology`.
    ApiCall *topology();
    /// Every request goes out through here: its action and subject are recorded with it, and a
    /// request that changes state is never re-sent by the transport.
    ApiCall *send(const ApiRequest &request);
    /// A read-only call relative to the API root, e.g. ("POST", "jobs/search", body)
    /// (ActionKind::Lookup).
    ApiCall *send(
        const QByteArray &method, const QString &relativePath, const QByteArray &body = {});

    /// What `complete()` would send, secrets redacted (for --dry-run, preview, curl export).
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
    /// Replaces every occurrence of each (non-empty) secret with "<redacted>".
    static QByteArray redact(QByteArray text, const QList<QByteArray> &secrets);

private:
    ApiCall *createCall(const ApiRequest &request);
    void failLater(ApiCall *call, OutcomeKind kind, const QString &message);
    void start(ApiCall *call);
    void dispatch(ApiCall *call, const QByteArray &authorization);
    void readBody(ApiCall *call);
    void onReplyFinished(ApiCall *call);
    void finishHttpAnswer(ApiCall *call, QNetworkReply *reply, int status);

    QNetworkAccessManager *m_nam;
    QPointer<AuthProvider> m_auth;
    QUrl m_apiRoot;
    QString m_apiRootError;
    TlsOptions m_tls;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    qint64 m_maxBodyBytes = kDefaultMaxBodyBytes;
};

} // namespace JobDesk
