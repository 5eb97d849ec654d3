// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Outcome.h"
#include "core/http/TlsOptions.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QUrl>
#include <QtNetwork/qtnetworkglobal.h>

#include <chrono>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace JobDesk {

/// How long and how much one exchange may take.
struct HttpLimits
{
    static constexpr std::chrono::milliseconds kDefaultIdleTimeout {30000};
    static constexpr qint64 kDefaultMaxBodyBytes = 1024 * 1024;
    /// Qt's own buffer for an answer: it reads no more from the socket until JobDesk took this.
    static constexpr qint64 kReadBufferBytes = 64 * 1024;

    /// No byte in either direction for this long ends the exchange (connecting included).
    std::chrono::milliseconds idleTimeout = kDefaultIdleTimeout;
    /// The whole exchange, however steadily bytes trickle; 0 derives it from the idle timeout.
    std::chrono::milliseconds deadline {0};
    /// Bytes of an answer's body kept.
    qint64 maxBodyBytes = kDefaultMaxBodyBytes;

    /// The overall deadline that goes with an idle timeout: twice as long, so a server trickling
    /// a byte now and then cannot hold a request open for more than double the timeout.
    static std::chrono::milliseconds derivedDeadline(std::chrono::milliseconds idleTimeout)
    {
        return idleTimeout * 2;
    }
    std::chrono::milliseconds effectiveDeadline() const
    {
        return deadline.count() > 0 ? deadline : derivedDeadline(idleTimeout);
    }
};

/// One request as it goes on the wire, secrets included (never shown or stored as such).
struct HttpRequest
{
    QByteArray method; ///< "GET", "POST", "PUT", "PATCH", …
    QUrl url; ///< absolute http(s) address
    HeaderList headers; ///< set exactly so (Authorization included)
    QByteArray body;
    /// The request changes state: the transport must never put it on the wire a second time
    /// (Qt re-sends a request whose connection closed before an answer).
    bool sendOnce = false;
};

/// How an exchange ended.
enum class HttpEnding {
    Answered, ///< a complete HTTP answer; its body may be cut at the cap (bodyTruncated)
    PartialAnswer, ///< status and headers arrived, then the connection broke or time ran out
    NotSent, ///< the request did not leave: bad address, refused, DNS, TLS, proxy, no connection
    SentNoAnswer, ///< the request left and no answer came: the server may have acted on it
    Cancelled, ///< cancel() before the answer was complete
};

/// What one exchange brought back. Pure data; texts are not redacted yet (see SecretRedactor).
struct HttpResult
{
    HttpEnding ending = HttpEnding::NotSent;
    std::optional<int> status; ///< the HTTP status, when a status line arrived
    QByteArray reasonPhrase;
    HeaderList headers;
    QByteArray body; ///< at most HttpLimits::maxBodyBytes
    /// Received; when reading stopped at the cap, the declared Content-Length if there was one
    /// (else a lower bound).
    qint64 bodyTotalBytes = 0;
    bool bodyTruncated = false; ///< the body is longer than what is kept
    QUrl redirectTarget; ///< for a 3xx: its Location, resolved against the request's address
    /// Anything but a complete answer: what went wrong, in words (for PartialAnswer: why the
    /// answer is incomplete).
    QString error;
    bool requestSent = false; ///< Qt reported the request written to the connection
    bool timedOut = false; ///< the idle timeout or the overall deadline ended it
    qint64 elapsedMs = 0;

    /// Case-insensitive, first match.
    QByteArray header(const QByteArray &name) const;
};

/// The request policy of JobDesk, in one place: every HTTP request (Camunda API and OAuth token
/// endpoint) goes out through an HttpExchange.
///
/// Redirects are never followed (a 3xx is an answer, reported with its Location); caches and the
/// cookie jar are bypassed and stored credentials never reused; HTTP/2 is off. A request marked
/// `sendOnce` travels on an upload device that cannot rewind, so when its connection closes before
/// an answer Qt fails it instead of sending it again, and it ends as SentNoAnswer. Time is bounded
/// twice: an idle timeout (no byte moves) and an overall deadline. The answer's body is read with
/// a cap while it arrives — Qt's read buffer is bounded and reading stops (the connection is
/// aborted) as soon as the cap is passed, so memory stays near the cap whatever the server sends.
/// Certificates are checked by Qt and, as soon as the TLS session is up and before a byte of the
/// request is written, against RFC 6125 (subject alternative names rule the common name out);
/// TLS errors are captured and named, never ignored. What arrived before a failure (status,
/// headers, part of the body) is kept. `finished` comes exactly once, always from the event loop
/// (or from inside cancel()).
class HttpExchange final : public QObject
{
    Q_OBJECT
public:
    HttpExchange(QNetworkAccessManager *nam, const HttpRequest &request, const HttpLimits &limits,
        const TlsOptions &tls, QObject *parent = nullptr);
    ~HttpExchange() override;

    /// Sends the request (once; later calls do nothing).
    void start();
    /// Stops the exchange; `finished` (Cancelled) is emitted before this returns.
    void cancel();
    bool isFinished() const { return m_finished; }
    const HttpResult &result() const { return m_result; }
    const HttpRequest &request() const { return m_request; }

signals:
    void finished(const JobDesk::HttpResult &result);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(HttpExchange)

    void finishLater(HttpEnding ending, const QString &error);
    void finish();
    /// Something moved: the idle time counts from now (no timer is touched, see onTimer()).
    void restartIdleTimer();
    /// One timer watches both limits: it fires at the earlier of "idle for idleTimeout since
    /// the last movement" and the deadline, and checks which one (if any) has passed; activity
    /// only notes the time, so an exchange costs one timer, not a re-armed pair per event.
    void onTimer();
    void armTimer();
    void onMetaData();
    void readBody();
    void onReplyFinished();
    void onTimeout(bool deadline);
    void abortReply();
    void detachReply();
#if QT_CONFIG(ssl)
    void onEncrypted();
#endif
    void settle(QNetworkReply *reply);

    QNetworkAccessManager *m_nam;
    HttpRequest m_request;
    HttpLimits m_limits;
    TlsOptions m_tls;
    HttpResult m_result;
    QPointer<QNetworkReply> m_reply;
    QBasicTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastActivityMs = 0; ///< on m_clock
    qint64 m_declaredLength = -1;
    bool m_started = false;
    bool m_finished = false;
    bool m_cancelled = false;
    bool m_bodyCut = false;
    bool m_deadlinePassed = false;
    QString m_tlsRefusal; ///< set when the certificate does not name the host
#if QT_CONFIG(ssl)
    QList<QSslError> m_sslErrors;
#endif
};

} // namespace JobDesk

Q_DECLARE_METATYPE(JobDesk::HttpResult)
