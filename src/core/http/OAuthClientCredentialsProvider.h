// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/Clock.h"
#include "core/http/AuthProvider.h"
#include "core/http/TlsOptions.h"

#include <QDateTime>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace JobDesk {

/// OAuth 2.0 client credentials grant (RFC 6749 §4.4), as Camunda SaaS and Identity/Keycloak use.
///
/// `authorize()` answers from the cached access token while it is valid; otherwise it POSTs
/// `grant_type=client_credentials&client_id=…&client_secret=…[&audience=…][&scope=…]`
/// (form-encoded) to the token URL. Calls that arrive while a fetch is in flight wait for that one
/// fetch. The token is kept in memory only, until 30 s (or 10 % of its lifetime, whichever is
/// less) before `expires_in` runs out. Token endpoint failures come back as sentences (bad client,
/// unreachable, not JSON, no access_token). The client secret and tokens are never logged.
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
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
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
    void onReadyRead();
    void onFinished();
    void onTimeout();
    void deliver(const Result &result);
    Result parseAnswer(int status, const QByteArray &body, const QByteArray &contentType);

    QNetworkAccessManager *m_nam;
    Settings m_settings;
    Clock m_clock;
    TlsOptions m_tls;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    qint64 m_maxBodyBytes = kDefaultMaxBodyBytes;

    QByteArray m_token;
    std::optional<QDateTime> m_refreshAt;

    QPointer<QNetworkReply> m_reply;
    bool m_fetching = false;
    QDateTime m_fetchStartedAt;
    QTimer *m_timer = nullptr;
    QByteArray m_body;
    qint64 m_bodyTotal = 0;
    bool m_timedOut = false;
    bool m_bodyCut = false;
    QStringList m_sslErrors;
    QList<Waiter> m_waiters;
    int m_requestCount = 0;
};

} // namespace JobDesk
