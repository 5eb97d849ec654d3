// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/Clock.h"
#include "core/http/AuthProvider.h"
#include "core/http/HttpExchange.h"
#include "core/http/TlsOptions.h"

#include <QDateTime>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace JobDesk {

/// OAuth 2.0 client credentials grant (RFC 6749 §4.4), as Camunda SaaS and Identity/Keycloak use.
///
/// `authorize()` answers from the cached access token while it is valid; otherwise it POSTs
/// `grant_type=client_credentials&client_id=…&client_secret=…[&audience=…][&scope=…]`
/// (form-encoded) to the token URL. Calls that arrive while a fetch is in flight wait for that one
/// fetch. The token is kept in memory only, until 30 s (or 10 % of its lifetime, whichever is
/// less) before `expires_in` runs out. The token request goes through HttpExchange like every
/// other request (no redirects, no cookies, idle timeout and overall deadline, capped body, TLS
/// checks); unlike a change it may be re-sent by the transport. Token endpoint failures come back
/// as sentences (bad client, unreachable, not JSON, no access_token), and when the endpoint
/// answered, with its status and body (`Result::refusal`) — the client secret redacted from both,
/// in every form an echoing server could write it. A token URL carrying a password or a
/// `client_secret` is refused. The client secret and tokens are never logged.
class OAuthClientCredentialsProvider final : public AuthProvider
{
    Q_OBJECT
public:
    struct Settings
    {
        QUrl tokenUrl;
        QString clientId;
        QString clientSecret;
        QString audience; ///< sent when non-empty
        QString scope; ///< sent when non-empty
    };

    static constexpr std::chrono::milliseconds kDefaultTimeout {15000};
    static constexpr qint64 kDefaultMaxBodyBytes = 64 * 1024;
    static constexpr qint64 kMaxRefreshMarginSeconds = 30;

    /// `nam` is not owned and must outlive the provider.
    OAuthClientCredentialsProvider(
        QNetworkAccessManager *nam, const Settings &settings, QObject *parent = nullptr);
    ~OAuthClientCredentialsProvider() override;

    QString kind() const override { return QStringLiteral("oauth"); }
    void authorize(QObject *context, Callback done) override;
    void invalidate() override;
    void rejected(const QByteArray &headerValue) override;
    bool canRefresh() const override { return true; }
    QList<QByteArray> secrets() const override;
    QByteArray redactedHeaderValue() const override;

    /// For tests: where "now" comes from (default: the system clock).
    void setClock(Clock clock) { m_clock = std::move(clock); }
    /// The idle timeout of a token request (the overall deadline derives from it unless set).
    void setTimeout(std::chrono::milliseconds timeout) { m_limits.idleTimeout = timeout; }
    /// The overall deadline of a token request; 0 derives it from the timeout.
    void setDeadline(std::chrono::milliseconds deadline) { m_limits.deadline = deadline; }
    void setMaxBodyBytes(qint64 bytes) { m_limits.maxBodyBytes = bytes; }
    /// Applied to https token URLs (CA bundle, client certificate).
    void setTlsOptions(const TlsOptions &options) { m_tls = options; }

    const Settings &settings() const { return m_settings; }
    /// True while a cached token is valid (not within the refresh margin of its expiry).
    bool hasValidToken() const;
    /// When the cached token stops being used (already includes the refresh margin).
    std::optional<QDateTime> tokenRefreshAt() const { return m_refreshAt; }
    /// How many token requests were sent so far.
    int tokenRequestCount() const { return m_requestCount; }

    /// The form body of a token request (exposed for tests and previews; contains the secret).
    static QByteArray formBody(const Settings &settings);

signals:
    /// A token request ended: `error` is empty on success.
    void tokenRequestFinished(const QString &error);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        bool hasContext = false;
        Callback done;
    };
    void fetch();
    void onExchangeFinished(const HttpResult &answer);
    void deliver(const Result &result);
    Result parseAnswer(int status, const QByteArray &body);
    QString tokenUrlProblem() const;

    QNetworkAccessManager *m_nam;
    Settings m_settings;
    Clock m_clock;
    TlsOptions m_tls;
    HttpLimits m_limits;

    QByteArray m_token;
    std::optional<QDateTime> m_refreshAt;

    QPointer<HttpExchange> m_exchange;
    bool m_fetching = false;
    QDateTime m_fetchStartedAt;
    QList<Waiter> m_waiters;
    int m_requestCount = 0;
};

} // namespace JobDesk
