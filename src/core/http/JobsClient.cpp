// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/JobsClient.h"

#include "core/base/AppInfo.h"
#include "core/base/Logging.h"
#include "core/camunda/CompletionRequest.h"
#include "core/http/NetworkErrorText.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

#include <algorithm>

namespace JobDesk {

namespace {

constexpr qint64 kReadChunk = 64 * 1024;

QByteArray acceptHeader()
{
    return QByteArrayLiteral("application/json, application/problem+json");
}

} // namespace

// ---------------------------------------------------------------------------------------- ApiCall

ApiCall::ApiCall(QObject *parent)
    : QObject(parent)
{
}

ApiCall::~ApiCall()
{
    detachReply();
}

void ApiCall::resetResponse()
{
    m_bodyCut = false;
    m_declaredLength = -1;
    m_responseBody.clear();
    m_responseTotal = 0;
    m_sslErrors.clear();
}

void ApiCall::detachReply()
{
    if (m_timeout)
        m_timeout->stop();
    if (QNetworkReply *reply = m_reply) {
        m_reply.clear();
        QObject::disconnect(reply, nullptr, this, nullptr);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
}

void ApiCall::emitFinished()
{
    if (m_finished)
        return;
    m_finished = true;
    m_authorization.clear();
    detachReply();
    m_outcome.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    const RequestRecord &record = m_outcome.request;
    if (m_outcome.httpStatus)
        qCInfo(lcApi).noquote() << record.method << record.url.toString() << "→ HTTP"
                                << *m_outcome.httpStatus << outcomeKindName(m_outcome.kind) << "in"
                                << m_outcome.elapsedMs << "ms";
    else
        qCInfo(lcApi).noquote() << record.method << record.url.toString() << "→"
                                << outcomeKindName(m_outcome.kind) << m_outcome.transportError
                                << "in" << m_outcome.elapsedMs << "ms";
    emit finished(m_outcome);
}

void ApiCall::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_reply)
        m_reply->abort(); // normally emits QNetworkReply::finished right here
    if (!m_finished) {
        m_outcome.kind = OutcomeKind::Cancelled;
        m_outcome.transportError = QStringLiteral("cancelled before an answer arrived");
        emitFinished();
    }
}

// ------------------------------------------------------------------------------------- JobsClient

JobsClient::JobsClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
}

JobsClient::~JobsClient() = default;

QByteArray JobsClient::userAgent()
{
    return QStringLiteral("%1/%2 (Qt %3)")
        .arg(AppInfo::name(), AppInfo::version(), QString::fromLatin1(qVersion()))
        .toUtf8();
}

QByteArray JobsClient::redact(QByteArray text, const QList<QByteArray> &secrets)
{
    for (const QByteArray &secret : secrets) {
        if (!secret.isEmpty())
            text.replace(secret, AuthProvider::kRedacted);
    }
    return text;
}

void JobsClient::setApiRoot(const QUrl &root)
{
    const ApiRoot normalized = normalizeApiRoot(root.toString());
    m_apiRoot = normalized.error.isEmpty() ? normalized.url : root;
    m_apiRootError = normalized.error;
}

QString JobsClient::setTlsOptions(const TlsOptions &options)
{
    m_tls = options;
    return options.validate();
}

void JobsClient::setAuthProvider(AuthProvider *auth)
{
    m_auth = auth;
}

RequestRecord JobsClient::describe(
    const QByteArray &method, const QString &relativePath, const QByteArray &body) const
{
    ApiRequest request;
    request.action = ActionKind::Lookup;
    request.method = method;
    request.relativePath = relativePath;
    request.body = body;
    return describe(request);
}

RequestRecord JobsClient::describe(const ApiRequest &request) const
{
    const QByteArray &body = request.body;
    QString path = request.relativePath;
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    const QList<QByteArray> secrets = m_auth ? m_auth->secrets() : QList<QByteArray> {};

    RequestRecord record;
    record.action = request.action;
    record.subjectKey = request.subjectKey;
    record.method = request.method.toUpper();
    const QUrl url = m_apiRoot.resolved(QUrl(path));
    record.url = QUrl::fromEncoded(redact(url.toEncoded(), secrets));
    if (!body.isEmpty() || record.method == "POST" || record.method == "PUT"
        || record.method == "PATCH")
        record.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    record.headers.append({QByteArrayLiteral("Accept"), acceptHeader()});
    record.headers.append({QByteArrayLiteral("User-Agent"), userAgent()});
    if (m_auth && !m_auth->redactedHeaderValue().isEmpty())
        record.headers.append({QByteArrayLiteral("Authorization"), m_auth->redactedHeaderValue()});
    record.body = redact(body, secrets);
    return record;
}

RequestRecord JobsClient::describeCompletion(const CompletionRequest &request) const
{
    return describe(request.toApiRequest());
}

ApiCall *JobsClient::complete(const CompletionRequest &request)
{
    ApiCall *call = createCall(request.toApiRequest());
    if (const QString invalid = request.validationError(); !invalid.isEmpty())
        failLater(call, OutcomeKind::TransportError, QStringLiteral("not sent: %1").arg(invalid));
    else
        QTimer::singleShot(0, call, [this, call] { start(call); });
    return call;
}

ApiCall *JobsClient::topology()
{
    ApiRequest request;
    request.action = ActionKind::Topology;
    request.method = QByteArrayLiteral("GET");
    request.relativePath = QStringLiteral("topology");
    return send(request);
}

ApiCall *JobsClient::send(
    const QByteArray &method, const QString &relativePath, const QByteArray &body)
{
    ApiRequest request;
    request.action = ActionKind::Lookup;
    request.method = method;
    request.relativePath = relativePath;
    request.body = body;
    return send(request);
}

ApiCall *JobsClient::send(const ApiRequest &request)
{
    ApiCall *call = createCall(request);
    QTimer::singleShot(0, call, [this, call] { start(call); });
    return call;
}

ApiCall *JobsClient::createCall(const ApiRequest &request)
{
    const QByteArray &body = request.body;
    auto *call = new ApiCall(this);
    call->m_clock.start();
    call->m_outcome.request = describe(request);
    call->m_method = call->m_outcome.request.method;
    QString path = request.relativePath;
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    call->m_url = m_apiRoot.resolved(QUrl(path));
    call->m_body = body;
    call->m_timeoutValue = m_timeout;
    return call;
}

void JobsClient::failLater(ApiCall *call, OutcomeKind kind, const QString &message)
{
    // Finish after the caller has had the chance to connect to `finished`.
    QTimer::singleShot(0, call, [call, kind, message] {
        if (call->m_finished)
            return;
        call->m_outcome.kind = kind;
        call->m_outcome.transportError = message;
        call->emitFinished();
    });
}

void JobsClient::start(ApiCall *call)
{
    if (call->m_finished)
        return;
    if (m_apiRoot.isEmpty()) {
        call->m_outcome.transportError = QStringLiteral("not sent: no API address is set");
        call->emitFinished();
        return;
    }
    if (!m_apiRootError.isEmpty()) {
        call->m_outcome.transportError = QStringLiteral("not sent: %1").arg(m_apiRootError);
        call->emitFinished();
        return;
    }
    if (!m_auth) {
        dispatch(call, {});
        return;
    }
    m_auth->authorize(call, [this, call](const AuthProvider::Result &result) {
        if (call->m_finished)
            return;
        if (!result.error.isEmpty()) {
            call->m_outcome.kind = OutcomeKind::TransportError;
            call->m_outcome.transportError
                = QStringLiteral("not sent: authentication failed: %1").arg(result.error);
            call->emitFinished();
            return;
        }
        dispatch(call, result.headerValue);
    });
}

void JobsClient::dispatch(ApiCall *call, const QByteArray &authorization)
{
    QNetworkRequest request(call->m_url);
    for (const auto &[name, value] : call->m_outcome.request.headers) {
        if (name != "Authorization")
            request.setRawHeader(name, value);
    }
    call->m_authorization = authorization;
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    // Never follow redirects: a redirected POST may be replayed elsewhere or lose its body.
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (const QString tlsError = m_tls.applyTo(request); !tlsError.isEmpty()) {
        call->m_outcome.kind = OutcomeKind::TransportError;
        call->m_outcome.transportError = QStringLiteral("not sent: %1").arg(tlsError);
        call->emitFinished();
        return;
    }

    call->resetResponse();
    qCDebug(lcApi).noquote() << "sending" << call->m_method
                             << call->m_outcome.request.url.toString() << call->m_body.size()
                             << "bytes";
    QNetworkReply *reply = nullptr;
    if (call->m_method == "GET")
        reply = m_nam->get(request);
    else if (call->m_method == "POST")
        reply = m_nam->post(request, call->m_body);
    else if (call->m_method == "PUT")
        reply = m_nam->put(request, call->m_body);
    else
        reply = m_nam->sendCustomRequest(request, call->m_method, call->m_body);
    call->m_reply = reply;

    if (!call->m_timeout) {
        call->m_timeout = new QTimer(call);
        call->m_timeout->setSingleShot(true);
        connect(call->m_timeout, &QTimer::timeout, call, [call] {
            call->m_timedOut = true;
            if (call->m_reply)
                call->m_reply->abort();
        });
    }
    // A transfer timeout: it restarts whenever bytes move, so a slow but steady upload of a large
    // payload is not cut, while a server that does not answer is.
    const auto restartTimer = [call] {
        if (call->m_timeout && !call->m_finished)
            call->m_timeout->start(call->m_timeoutValue);
    };
    connect(reply, &QNetworkReply::uploadProgress, call, restartTimer);
    connect(reply, &QNetworkReply::metaDataChanged, call, [call, restartTimer] {
        restartTimer();
        if (!call->m_reply)
            return;
        bool ok = false;
        const qint64 length
            = call->m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        call->m_declaredLength = ok ? length : -1;
    });
    connect(reply, &QNetworkReply::readyRead, call, [this, call, restartTimer] {
        restartTimer();
        readBody(call);
    });
    connect(reply, &QNetworkReply::finished, call, [this, call] { onReplyFinished(call); });
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, call, [call](const QList<QSslError> &errors) {
        // Recorded to name the problem; never ignored.
        for (const QSslError &error : errors)
            call->m_sslErrors << error.errorString();
    });
#endif
    restartTimer();
}

void JobsClient::readBody(ApiCall *call)
{
    QNetworkReply *reply = call->m_reply;
    if (!reply || call->m_bodyCut)
        return;
    while (reply->bytesAvailable() > 0) {
        const QByteArray chunk = reply->read(kReadChunk);
        if (chunk.isEmpty())
            break;
        call->m_responseTotal += chunk.size();
        const qint64 room = m_maxBodyBytes - call->m_responseBody.size();
        if (room > 0)
            call->m_responseBody += chunk.left(room);
    }
    const qint64 discardLimit = m_maxBodyBytes + kDiscardLimitBytes;
    const bool declaredHuge = call->m_declaredLength > discardLimit;
    if ((declaredHuge && call->m_responseTotal >= m_maxBodyBytes)
        || call->m_responseTotal > discardLimit) {
        // Enough to show; reading the rest would only burn time and bandwidth.
        call->m_bodyCut = true;
        qCInfo(lcApi) << "stopped reading an answer after" << call->m_responseTotal << "bytes";
        reply->abort();
    }
}

void JobsClient::onReplyFinished(ApiCall *call)
{
    QNetworkReply *reply = call->m_reply;
    if (!reply || call->m_finished)
        return;
    readBody(call);
    if (call->m_timeout)
        call->m_timeout->stop();

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QNetworkReply::NetworkError error = reply->error();
    Outcome &outcome = call->m_outcome;

    if (call->m_cancelled) {
        outcome.kind = OutcomeKind::Cancelled;
        outcome.transportError = QStringLiteral("cancelled before an answer arrived");
    } else if (call->m_timedOut) {
        outcome.kind = OutcomeKind::TransportError;
        outcome.transportError = NetworkErrorText::noAnswerWithin(call->m_timeoutValue);
    } else if (status > 0 && (call->m_bodyCut || NetworkErrorText::isHttpStatusError(error))) {
        if (status == 401 && !call->m_retriedAfter401 && m_auth) {
            m_auth->rejected(call->m_authorization);
            if (m_auth->canRefresh()) {
                qCInfo(lcApi) << "401: refreshing the credentials and retrying once";
                call->m_retriedAfter401 = true;
                call->detachReply();
                start(call);
                return;
            }
        }
        finishHttpAnswer(call, reply, status);
        return;
    } else {
        outcome.kind = OutcomeKind::TransportError;
        outcome.transportError = NetworkErrorText::describe(
            error, call->m_url, reply->errorString(), call->m_sslErrors);
    }
    call->emitFinished();
}

void JobsClient::finishHttpAnswer(ApiCall *call, QNetworkReply *reply, int status)
{
    Outcome &outcome = call->m_outcome;
    outcome.httpStatus = status;
    outcome.reasonPhrase
        = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    outcome.responseHeaders.clear();
    for (const auto &pair : reply->rawHeaderPairs())
        outcome.responseHeaders.append(pair);
    outcome.rawBody = call->m_responseBody;
    outcome.bodyTotalBytes
        = std::max(call->m_responseTotal, call->m_bodyCut ? call->m_declaredLength : qint64(0));
    outcome.bodyTruncated = call->m_responseTotal > call->m_responseBody.size() || call->m_bodyCut;
    outcome.problem = ProblemDetails::parse(outcome.rawBody, reply->rawHeader("Content-Type"));
    if (status >= 300 && status < 400) {
        outcome.kind = OutcomeKind::Redirected;
        const QByteArray location = reply->rawHeader("Location");
        QUrl target = location.isEmpty()
            ? reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl()
            : QUrl::fromEncoded(location);
        if (target.isRelative())
            target = call->m_url.resolved(target);
        outcome.redirectLocation
            = location.isEmpty() && target.isEmpty() ? QString() : target.toString();
    } else {
        outcome.kind = classifyHttpStatus(status, outcome.problem);
    }
    call->emitFinished();
}

} // namespace JobDesk
