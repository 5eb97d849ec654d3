// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/HttpExchange.h"

#include "core/base/Logging.h"
#include "core/http/NetworkErrorText.h"
#include "core/http/TlsVerification.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QTimerEvent>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

#include <algorithm>
#include <cstring>
#include <limits>

namespace JobDesk {

namespace {

constexpr qint64 kReadChunk = 64 * 1024;

/// The body of a request that must go on the wire at most once. Qt re-sends a request whose
/// connection closed or reset before an answer (and one answered with a broken status line) by
/// rewinding its upload device; this one cannot be rewound, so Qt fails the reply with
/// ContentReSendError instead. Sequential, with a Content-Length and DoNotBufferUploadData, so Qt
/// reads it directly rather than copying it into a buffer it could rewind itself.
class SendOnceDevice final : public QIODevice
{
public:
    SendOnceDevice(const QByteArray &data, QObject *parent)
        : QIODevice(parent)
        , m_data(data)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return (m_data.size() - m_position) + QIODevice::bytesAvailable();
    }
    bool atEnd() const override { return m_position >= m_data.size() && QIODevice::atEnd(); }
    bool reset() override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 remaining = m_data.size() - m_position;
        if (remaining <= 0)
            return -1;
        const qint64 n = std::min(maxSize, remaining);
        std::memcpy(data, m_data.constData() + m_position, static_cast<size_t>(n));
        m_position += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    const QByteArray m_data;
    qint64 m_position = 0;
};

/// Errors Qt reports before a connection carried anything: the request cannot have arrived.
bool failsBeforeSending(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::ProtocolUnknownError:
        return true;
    default:
        return false;
    }
}

} // namespace

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpExchange::HttpExchange(QNetworkAccessManager *nam, const HttpRequest &request,
    const HttpLimits &limits, const TlsOptions &tls, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_request(request)
    , m_limits(limits)
    , m_tls(tls)
{
    m_request.method = m_request.method.toUpper();
}

HttpExchange::~HttpExchange()
{
    detachReply();
}

void HttpExchange::detachReply()
{
    if (QNetworkReply *reply = m_reply) {
        m_reply.clear();
        QObject::disconnect(reply, nullptr, this, nullptr);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
}

void HttpExchange::finishLater(HttpEnding ending, const QString &error)
{
    m_result.ending = ending;
    m_result.error = error;
    // After the caller connected to `finished`, as a network answer would come.
    QTimer::singleShot(0, this, [this] {
        if (!m_finished)
            finish();
    });
}

void HttpExchange::start()
{
    if (m_started || m_finished)
        return;
    m_started = true;
    m_clock.start();

    const QUrl &url = m_request.url;
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        finishLater(HttpEnding::NotSent,
            QStringLiteral("not sent: '%1' is not an http(s) address").arg(url.toString()));
        return;
    }

    QNetworkRequest request(url);
    for (const auto &[name, value] : std::as_const(m_request.headers))
        request.setRawHeader(name, value);
    // Never follow redirects: a redirected POST may be replayed elsewhere or lose its body.
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    if (const QString tlsError = m_tls.applyTo(request); !tlsError.isEmpty()) {
        finishLater(HttpEnding::NotSent, QStringLiteral("not sent: %1").arg(tlsError));
        return;
    }

    const QByteArray &method = m_request.method;
    QNetworkReply *reply = nullptr;
    if (m_request.sendOnce && method != "GET" && method != "HEAD") {
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_request.body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *device = new SendOnceDevice(m_request.body, this);
        if (method == "POST")
            reply = m_nam->post(request, device);
        else if (method == "PUT")
            reply = m_nam->put(request, device);
        else
            reply = m_nam->sendCustomRequest(request, method, device);
    } else if (method == "GET") {
        reply = m_nam->get(request);
    } else if (method == "POST") {
        reply = m_nam->post(request, m_request.body);
    } else if (method == "PUT") {
        reply = m_nam->put(request, m_request.body);
    } else {
        reply = m_nam->sendCustomRequest(request, method, m_request.body);
    }
    m_reply = reply;
    // Qt reads no more from the socket than this until JobDesk took it: a flood stays there.
    // Qt hands the size to its network thread only once the request started there; a request
    // with a body starts from the event loop, so it is set again right after that. (Without it
    // Qt reads as fast as the server sends and holds everything back while more arrives.)
    reply->setReadBufferSize(HttpLimits::kReadBufferBytes);
    QMetaObject::invokeMethod(
        reply, [reply] { reply->setReadBufferSize(HttpLimits::kReadBufferBytes); },
        Qt::QueuedConnection);

    connect(reply, &QNetworkReply::requestSent, this, [this] {
        m_result.requestSent = true;
        restartIdleTimer();
    });
    connect(reply, &QNetworkReply::uploadProgress, this, &HttpExchange::restartIdleTimer);
    connect(reply, &QNetworkReply::metaDataChanged, this, &HttpExchange::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &HttpExchange::readBody);
    connect(reply, &QNetworkReply::finished, this, &HttpExchange::onReplyFinished);
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Recorded to name the problem; never ignored.
        m_sslErrors += errors;
    });
    connect(reply, &QNetworkReply::encrypted, this, &HttpExchange::onEncrypted);
#endif
    restartIdleTimer();
    armTimer();
}

void HttpExchange::restartIdleTimer()
{
    if (!m_finished)
        m_lastActivityMs = m_clock.elapsed();
}

void HttpExchange::armTimer()
{
    const qint64 idleAt = m_lastActivityMs + m_limits.idleTimeout.count();
    const qint64 deadlineAt = m_limits.effectiveDeadline().count();
    const qint64 wait = std::max<qint64>(0, std::min(idleAt, deadlineAt) - m_clock.elapsed());
    // A QBasicTimer, not a QTimer: no object of its own per exchange (a batch makes thousands).
    m_timer.start(static_cast<int>(std::min<qint64>(wait, std::numeric_limits<int>::max())),
        Qt::PreciseTimer, this);
}

void HttpExchange::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_timer.stop(); // one shot: armTimer() starts it again when it must
    onTimer();
}

void HttpExchange::onTimer()
{
    if (m_finished || !m_reply)
        return;
    const qint64 now = m_clock.elapsed();
    const qint64 idleAt = m_lastActivityMs + m_limits.idleTimeout.count();
    const qint64 deadlineAt = m_limits.effectiveDeadline().count();
    if (deadlineAt <= now && deadlineAt <= idleAt)
        onTimeout(true);
    else if (idleAt <= now)
        onTimeout(false);
    else
        armTimer(); // something moved since it was armed
}

#if QT_CONFIG(ssl)
void HttpExchange::onEncrypted()
{
    // Qt emits this while its network thread waits, before a byte of the request is written;
    // an abort here is processed before the request's bytes are flushed to the connection.
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    restartIdleTimer();
    const QString problem = TlsVerification::hostNameProblem(
        reply->sslConfiguration().peerCertificate(), m_request.url.host());
    if (problem.isEmpty())
        return;
    m_tlsRefusal
        = QStringLiteral("the TLS certificate of %1 does not fit: %2 — use a host name "
                         "the certificate lists, or have it reissued to include '%3'; "
                         "nothing was sent")
              .arg(NetworkErrorText::hostAndPort(m_request.url), problem, m_request.url.host());
    abortReply();
}
#endif

void HttpExchange::onMetaData()
{
    restartIdleTimer();
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    bool ok = false;
    const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
    m_declaredLength = ok ? length : -1;
}

void HttpExchange::readBody()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_bodyCut || m_finished)
        return;
    restartIdleTimer();
    const qint64 cap = m_limits.maxBodyBytes;
    while (reply->bytesAvailable() > 0) {
        const QByteArray chunk = reply->read(kReadChunk);
        if (chunk.isEmpty())
            break;
        m_result.bodyTotalBytes += chunk.size();
        const qint64 room = cap - m_result.body.size();
        if (room > 0)
            m_result.body += chunk.left(room);
    }
    if (m_result.bodyTotalBytes <= cap)
        return;
    // Enough to show: reading on would only cost time, bandwidth and memory. The full size is
    // known when the answer declared it (Content-Length), else "at least this much".
    m_bodyCut = true;
    qCInfo(lcApi) << "stopped reading an answer at the cap after" << m_result.bodyTotalBytes
                  << "bytes";
    abortReply();
}

void HttpExchange::onTimeout(bool deadline)
{
    if (m_finished || !m_reply)
        return;
    m_result.timedOut = true;
    m_deadlinePassed = deadline;
    abortReply();
}

void HttpExchange::abortReply()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    reply->abort(); // Qt's replies finish right here
    if (!m_finished && m_reply == reply) {
        settle(reply);
        finish();
    }
}

void HttpExchange::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    abortReply();
    if (!m_finished) {
        m_result.ending = HttpEnding::Cancelled;
        m_result.error = QStringLiteral("cancelled before an answer arrived");
        finish();
    }
}

void HttpExchange::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    readBody();
    settle(reply);
    finish();
}

void HttpExchange::settle(QNetworkReply *reply)
{
    HttpResult &result = m_result;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QNetworkReply::NetworkError error = reply->error();
    // Only a failure is described (an answer needs none of these texts).
    const auto where = [this] { return NetworkErrorText::hostAndPort(m_request.url); };
    const auto idle = [this] { return NetworkErrorText::seconds(m_limits.idleTimeout); };
    const auto overall = [this] { return NetworkErrorText::seconds(m_limits.effectiveDeadline()); };
    qCDebug(lcApi) << "exchange ended: status" << status << "Qt error" << error
                   << reply->errorString() << "body bytes" << result.bodyTotalBytes;

    if (status > 0) {
        result.status = status;
        result.reasonPhrase
            = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
        result.headers.clear();
        for (const auto &pair : reply->rawHeaderPairs())
            result.headers.append(pair);
        result.requestSent = true;
        if (status >= 300 && status < 400) {
            const QByteArray location = reply->rawHeader("Location");
            QUrl target = location.isEmpty()
                ? reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl()
                : QUrl::fromEncoded(location);
            if (!target.isEmpty() && target.isRelative())
                target = m_request.url.resolved(target);
            result.redirectTarget = target;
        }
    }
    result.bodyTruncated = m_bodyCut || result.bodyTotalBytes > result.body.size();
    if (m_bodyCut)
        result.bodyTotalBytes = std::max(result.bodyTotalBytes, m_declaredLength);

    if (m_cancelled) {
        result.ending = HttpEnding::Cancelled;
        result.error = QStringLiteral("cancelled before an answer arrived");
    } else if (!m_tlsRefusal.isEmpty()) {
        result.ending = HttpEnding::NotSent;
        result.error = m_tlsRefusal;
    } else if (result.timedOut) {
        if (status > 0) {
            result.ending = HttpEnding::PartialAnswer;
            result.error = m_deadlinePassed
                ? QStringLiteral("the answer was not complete within the overall limit of %1 s")
                      .arg(overall())
                : QStringLiteral("the answer stalled: no data for %1 s").arg(idle());
        } else if (result.requestSent) {
            result.ending = HttpEnding::SentNoAnswer;
            result.error = m_deadlinePassed
                ? QStringLiteral("no answer within the overall limit of %1 s").arg(overall())
                : NetworkErrorText::noAnswerWithin(m_limits.idleTimeout);
        } else {
            result.ending = HttpEnding::NotSent;
            result.error = QStringLiteral("could not send to %1 within %2 s; nothing was sent")
                               .arg(where(), m_deadlinePassed ? overall() : idle());
        }
    } else if (status > 0) {
        // Qt reports an error status (4xx, 5xx) in place of a later transport failure, so a body
        // shorter than its Content-Length tells too.
        const bool shortBody = m_declaredLength >= 0 && result.bodyTotalBytes < m_declaredLength;
        // Qt rewinds the upload of a 307/308 as if to follow it; a body that cannot rewind then
        // fails with ContentReSendError although the answer itself is complete.
        const bool complete = NetworkErrorText::isHttpStatusError(error)
            || (error == QNetworkReply::ContentReSendError && m_declaredLength >= 0);
        if (m_bodyCut || (complete && !shortBody)) {
            result.ending = HttpEnding::Answered;
        } else {
            result.ending = HttpEnding::PartialAnswer;
            QString received = QString::number(result.bodyTotalBytes);
            if (m_declaredLength >= 0)
                received += QStringLiteral(" of %1").arg(m_declaredLength);
            result.error = QStringLiteral("the answer is incomplete: the connection to %1 broke "
                                          "after the status, the headers and %2 bytes of the "
                                          "body")
                               .arg(where(), received);
        }
    } else {
        const bool sent = result.requestSent && !failsBeforeSending(error);
        result.ending = sent ? HttpEnding::SentNoAnswer : HttpEnding::NotSent;
#if QT_CONFIG(ssl)
        if (error == QNetworkReply::SslHandshakeFailedError && !m_sslErrors.isEmpty()) {
            result.error = TlsVerification::describeHandshakeFailure(m_request.url, m_sslErrors);
            return;
        }
#endif
        if (error == QNetworkReply::ContentReSendError) {
            result.ending = HttpEnding::SentNoAnswer;
            result.error = QStringLiteral("the connection to %1 broke after the request was sent, "
                                          "before an answer (it is not sent a second time)")
                               .arg(where());
        } else {
            result.error = NetworkErrorText::describe(error, m_request.url, reply->errorString());
        }
    }
}

void HttpExchange::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    m_result.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    detachReply();
    emit finished(m_result);
}

} // namespace JobDesk
