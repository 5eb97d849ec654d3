// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/OAuthClientCredentialsProvider.h"

#include "core/base/Logging.h"
#include "core/http/JobsClient.h"
#include "core/http/NetworkErrorText.h"
#include "core/http/SecretRedactor.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

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
    m_limits.idleTimeout = kDefaultTimeout;
    m_limits.maxBodyBytes = kDefaultMaxBodyBytes;
}

// The exchange in flight is a child: deleting it aborts the token request.
OAuthClientCredentialsProvider::~OAuthClientCredentialsProvider() = default;

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
    // SecretRedactor also looks for the encoded forms (percent-, form-, JSON-, HTML-encoded).
    QList<QByteArray> list;
    if (!m_settings.clientSecret.isEmpty())
        list << m_settings.clientSecret.toUtf8();
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
        done(Result::granted(QByteArrayLiteral("Bearer ") + m_token));
        return;
    }
    m_token.clear();
    m_refreshAt.reset();
    m_waiters.append(Waiter {context, context != nullptr, std::move(done)});
    if (!m_fetching)
        fetch();
}

QString OAuthClientCredentialsProvider::tokenUrlProblem() const
{
    const QUrl url = m_settings.tokenUrl;
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return QStringLiteral("the OAuth token URL '%1' is not an http(s) address")
            .arg(url.toString(QUrl::RemoveUserInfo));
    // A secret in the address would be shown and stored wherever the address is.
    const QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems();
    const bool secretInQuery
        = std::any_of(items.cbegin(), items.cend(), [](const QPair<QString, QString> &item) {
              return item.first.compare(QLatin1String("client_secret"), Qt::CaseInsensitive) == 0;
          });
    if (!url.password().isEmpty() || secretInQuery)
        return QStringLiteral("the OAuth token URL must not contain a password or a "
                              "client_secret — give the secret as the connection's client secret");
    if (m_settings.clientId.isEmpty())
        return QStringLiteral("OAuth needs a client id");
    if (m_settings.clientSecret.isEmpty())
        return QStringLiteral("OAuth needs the client secret of client '%1'")
            .arg(m_settings.clientId);
    return {};
}

void OAuthClientCredentialsProvider::fetch()
{
    m_fetching = true;
    m_fetchStartedAt = m_clock();
    if (const QString problem = tokenUrlProblem(); !problem.isEmpty()) {
        // Answer after the caller returned, as a network answer would.
        QTimer::singleShot(0, this, [this, problem] {
            Result result;
            result.error = problem;
            deliver(result);
        });
        return;
    }

    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = m_settings.tokenUrl;
    request.headers = {
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")},
        {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
        {QByteArrayLiteral("User-Agent"), JobsClient::userAgent()},
    };
    request.body = formBody(m_settings);
    request.sendOnce = false; // asking for a token changes nothing: the transport may repeat it

    ++m_requestCount;
    qCInfo(lcApi) << "requesting an access token from" << m_settings.tokenUrl.toString()
                  << "for client" << m_settings.clientId;
    auto *exchange = new HttpExchange(m_nam, request, m_limits, m_tls, this);
    m_exchange = exchange;
    connect(exchange, &HttpExchange::finished, this, [this, exchange](const HttpResult &answer) {
        exchange->deleteLater();
        onExchangeFinished(answer);
    });
    exchange->start();
}

void OAuthClientCredentialsProvider::onExchangeFinished(const HttpResult &answer)
{
    m_exchange.clear();
    const SecretRedactor redactor({m_settings.clientSecret.toUtf8()});
    const QUrl url = m_settings.tokenUrl;
    Result result;
    if (answer.ending == HttpEnding::Answered || answer.ending == HttpEnding::PartialAnswer) {
        const int status = answer.status.value_or(0);
        if (answer.ending == HttpEnding::PartialAnswer)
            result.error = QStringLiteral("the OAuth token endpoint's answer (HTTP %1) is "
                                          "incomplete: %2")
                               .arg(status)
                               .arg(answer.error);
        else if (status >= 300 && status < 400)
            result.error = QStringLiteral("the OAuth token endpoint redirected to '%1' — use "
                                          "that address as the token URL")
                               .arg(QString::fromUtf8(answer.header("Location")));
        else if (answer.bodyTruncated)
            result.error = QStringLiteral("the OAuth token endpoint's answer is larger than %1 "
                                          "bytes — is the token URL right?")
                               .arg(m_limits.maxBodyBytes);
        else
            result = parseAnswer(status, answer.body);
        if (!result.error.isEmpty()) {
            EndpointAnswer refusal;
            refusal.url = url;
            refusal.httpStatus = status;
            refusal.reasonPhrase = redactor.redact(answer.reasonPhrase);
            for (const auto &[name, value] : answer.headers)
                refusal.headers.append({name, redactor.redact(value)});
            refusal.body = redactor.redact(answer.body);
            result.refusal = refusal;
        }
    } else if (answer.timedOut && answer.ending == HttpEnding::SentNoAnswer) {
        result.error = QStringLiteral("the OAuth token endpoint %1 gave %2")
                           .arg(url.toString(), answer.error);
    } else {
        result.error
            = QStringLiteral("the OAuth token endpoint could not be reached: %1").arg(answer.error);
    }
    result.error = redactor.redact(result.error);
    if (result.error.isEmpty())
        qCInfo(lcApi) << "got an access token for client" << m_settings.clientId;
    else
        qCWarning(lcApi) << "access token request failed:" << result.error;
    deliver(result);
}

OAuthClientCredentialsProvider::Result OAuthClientCredentialsProvider::parseAnswer(
    int status, const QByteArray &body)
{
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
