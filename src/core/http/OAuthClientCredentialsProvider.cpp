// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/OAuthClientCredentialsProvider.h"

#include "core/base/Logging.h"
#include "core/http/JobsClient.h"
#include "core/http/NetworkErrorText.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <utility>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

namespace JobDesk {

namespace {

QByteArray formField(const char *name, const QString &value)
{
    return QByteArray(name) + '=' + QUrl::toPercentEncoding(value);
}

QString snippet(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(200)).simplified();
    if (body.size() > 200)
        text += QStringLiteral("…");
    return text.isEmpty() ? QStringLiteral("(empty body)") : QStringLiteral("“%1”").arg(text);
}

} // namespace

OAuthClientCredentialsProvider::OAuthClientCredentialsProvider(
    QNetworkAccessManager *nam, const Settings &settings, QObject *parent)
    : AuthProvider(parent)
    , m_nam(nam)
    , m_settings(settings)
{
}

OAuthClientCredentialsProvider::~OAuthClientCredentialsProvider()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QByteArray OAuthClientCredentialsProvider::formBody(const Settings &settings)
{
    QByteArray body = QByteArrayLiteral("grant_type=client_credentials&")
        + formField("client_id", settings.clientId) + '&'
        + formField("client_secret", settings.clientSecret);
    if (!settings.audience.isEmpty())
        body += '&' + formField("audience", settings.audience);
    if (!settings.scope.isEmpty())
        body += '&' + formField("scope", settings.scope);
    return body;
}

bool OAuthClientCredentialsProvider::hasValidToken() const
{
    if (m_token.isEmpty())
        return false;
    return !m_refreshAt || m_clock() < *m_refreshAt;
}

QList<QByteArray> OAuthClientCredentialsProvider::secrets() const
{
    QList<QByteArray> list;
    if (!m_settings.clientSecret.isEmpty()) {
        list << m_settings.clientSecret.toUtf8();
        const QByteArray encoded = QUrl::toPercentEncoding(m_settings.clientSecret);
        if (encoded != list.first())
            list << encoded;
    }
    if (!m_token.isEmpty())
        list << m_token;
    return list;
}

QByteArray OAuthClientCredentialsProvider::redactedHeaderValue() const
{
    return QByteArrayLiteral("Bearer ") + kRedacted;
}

void OAuthClientCredentialsProvider::invalidate()
{
    if (!m_token.isEmpty())
        qCInfo(lcApi) << "dropping the cached access token for client" << m_settings.clientId;
    m_token.clear();
    m_refreshAt.reset();
}

void OAuthClientCredentialsProvider::rejected(const QByteArray &headerValue)
{
    // Only the token that was refused is dropped; a newer one (fetched by another request's
    // retry, or in flight) stays.
    if (!m_token.isEmpty() && headerValue == QByteArrayLiteral("Bearer ") + m_token)
        invalidate();
}

void OAuthClientCredentialsProvider::authorize(QObject *context, Callback done)
{
    if (hasValidToken()) {
        done(Result {QByteArrayLiteral("Bearer ") + m_token, {}});
        return;
    }
    m_token.clear();
    m_refreshAt.reset();
    m_waiters.append(Waiter {context, context != nullptr, std::move(done)});
    if (!m_fetching)
        fetch();
}

void OAuthClientCredentialsProvider::fetch()
{
    m_fetching = true;
    m_fetchStartedAt = m_clock();
    const QUrl url = m_settings.tokenUrl;
    QString problem;
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        problem = QStringLiteral("the OAuth token URL '%1' is not an http(s) address")
                      .arg(url.toString());
    else if (m_settings.clientId.isEmpty())
        problem = QStringLiteral("OAuth needs a client id");
    else if (m_settings.clientSecret.isEmpty())
        problem = QStringLiteral("OAuth needs the client secret of client '%1'")
                      .arg(m_settings.clientId);

    QNetworkRequest request(url);
    if (problem.isEmpty())
        problem = m_tls.applyTo(request);
    if (!problem.isEmpty()) {
        // Answer after the caller returned, as a network answer would.
        QTimer::singleShot(0, this, [this, problem] { deliver(Result {{}, problem}); });
        return;
    }

    request.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", JobsClient::userAgent());
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);

    m_body.clear();
    m_bodyTotal = 0;
    m_timedOut = false;
    m_bodyCut = false;
    m_sslErrors.clear();
    ++m_requestCount;
    qCInfo(lcApi) << "requesting an access token from" << url.toString() << "for client"
                  << m_settings.clientId;

    QNetworkReply *reply = m_nam->post(request, formBody(m_settings));
    m_reply = reply;
    connect(reply, &QNetworkReply::readyRead, this, &OAuthClientCredentialsProvider::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &OAuthClientCredentialsProvider::onFinished);
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            m_sslErrors << error.errorString();
    });
#endif
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &OAuthClientCredentialsProvider::onTimeout);
    }
    m_timer->start(m_timeout);
}

void OAuthClientCredentialsProvider::onReadyRead()
{
    if (!m_reply)
        return;
    while (m_reply->bytesAvailable() > 0) {
        const QByteArray chunk = m_reply->read(64 * 1024);
        m_bodyTotal += chunk.size();
        const qint64 room = m_maxBodyBytes - m_body.size();
        if (room > 0)
            m_body += chunk.left(room);
    }
    if (m_bodyTotal > m_maxBodyBytes && !m_bodyCut) {
        // A token answer is small; a huge one is not a token answer. Stop reading.
        m_bodyCut = true;
        m_reply->abort();
    }
}

void OAuthClientCredentialsProvider::onTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void OAuthClientCredentialsProvider::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    if (!m_bodyCut)
        onReadyRead();
    m_timer->stop();
    reply->disconnect(this);
    reply->deleteLater();
    m_reply.clear();

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    const QUrl url = m_settings.tokenUrl;
    Result result;
    if (m_timedOut) {
        result.error = QStringLiteral("the OAuth token endpoint %1 gave %2")
                           .arg(url.toString(), NetworkErrorText::noAnswerWithin(m_timeout));
    } else if (statusAttribute.isValid() && statusAttribute.toInt() > 0
        && (m_bodyCut || NetworkErrorText::isHttpStatusError(error))) {
        result = parseAnswer(statusAttribute.toInt(), m_body, reply->rawHeader("Content-Type"));
        if (m_bodyCut && result.error.isEmpty())
            result = Result {{},
                QStringLiteral("the OAuth token endpoint's answer is larger "
                               "than %1 bytes — is the token URL right?")
                    .arg(m_maxBodyBytes)};
        if (statusAttribute.toInt() >= 300 && statusAttribute.toInt() < 400) {
            const QByteArray location = reply->rawHeader("Location");
            result.error = QStringLiteral("the OAuth token endpoint redirected to '%1' — use "
                                          "that address as the token URL")
                               .arg(QString::fromUtf8(location));
        }
    } else {
        result.error
            = QStringLiteral("the OAuth token endpoint could not be reached: %1")
                  .arg(NetworkErrorText::describe(error, url, reply->errorString(), m_sslErrors));
    }
    if (result.error.isEmpty())
        qCInfo(lcApi) << "got an access token for client" << m_settings.clientId;
    else
        qCWarning(lcApi) << "access token request failed:" << result.error;
    deliver(result);
}

OAuthClientCredentialsProvider::Result OAuthClientCredentialsProvider::parseAnswer(
    int status, const QByteArray &body, const QByteArray &contentType)
{
    Q_UNUSED(contentType)
    Result result;
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonObject object = document.object();
    const bool isJsonObject = parseError.error == QJsonParseError::NoError && document.isObject();
    const QString client = m_settings.clientId;

    if (status < 200 || status >= 300) {
        const QString oauthError = object.value(QLatin1String("error")).toString();
        const QString description = object.value(QLatin1String("error_description")).toString();
        if (status == 401 || oauthError == QLatin1String("invalid_client")
            || oauthError == QLatin1String("unauthorized_client")) {
            result.error = QStringLiteral("the token endpoint refused client '%1': wrong client id "
                                          "or secret")
                               .arg(client);
        } else if (!oauthError.isEmpty()) {
            result.error
                = QStringLiteral("the token endpoint refused the request (HTTP %1): %2")
                      .arg(status)
                      .arg(description.isEmpty() ? oauthError
                                                 : oauthError + QStringLiteral(": ") + description);
            if (oauthError == QLatin1String("invalid_scope")
                || oauthError == QLatin1String("invalid_target"))
                result.error += QStringLiteral(" — check the audience and scope");
        } else {
            result.error = QStringLiteral("the token endpoint answered HTTP %1: %2")
                               .arg(status)
                               .arg(snippet(body));
        }
        if (!description.isEmpty() && status == 401)
            result.error += QStringLiteral(" (%1)").arg(description);
        return result;
    }
    if (!isJsonObject) {
        result.error = QStringLiteral("the token endpoint's answer is not a JSON object (is the "
                                      "token URL right?): %1")
                           .arg(snippet(body));
        return result;
    }
    const QString token = object.value(QLatin1String("access_token")).toString();
    if (token.isEmpty()) {
        result.error = QStringLiteral("the token endpoint's answer has no access_token");
        return result;
    }
    const QString tokenType = object.value(QLatin1String("token_type")).toString();
    if (!tokenType.isEmpty()
        && tokenType.compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0) {
        result.error = QStringLiteral("the token endpoint issued a '%1' token; only bearer tokens "
                                      "are supported")
                           .arg(tokenType);
        return result;
    }
    m_token = token.toUtf8();
    m_refreshAt.reset();
    const QJsonValue expiresValue = object.value(QLatin1String("expires_in"));
    // Some servers send expires_in as a string.
    const double expiresIn
        = expiresValue.isString() ? expiresValue.toString().toDouble() : expiresValue.toDouble(-1);
    if (expiresIn > 0) {
        const qint64 lifetimeMs = static_cast<qint64>(expiresIn * 1000);
        const qint64 marginMs = std::min<qint64>(kMaxRefreshMarginSeconds * 1000, lifetimeMs / 10);
        m_refreshAt = m_fetchStartedAt.addMSecs(lifetimeMs - marginMs);
    }
    result.headerValue = QByteArrayLiteral("Bearer ") + m_token;
    return result;
}

void OAuthClientCredentialsProvider::deliver(const Result &result)
{
    m_fetching = false;
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.hasContext && !waiter.context)
            continue;
        waiter.done(result);
    }
    emit tokenRequestFinished(result.error);
}

} // namespace JobDesk
