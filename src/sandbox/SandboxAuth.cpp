// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's authentication: Basic demo/demo, or OAuth client credentials with expiring
// bearer tokens, answered with the texts Camunda's Spring Security answers with.
#include "sandbox/SandboxServer.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QUrlQuery>

namespace JobDesk::Sandbox {

namespace {

const QByteArray BasicUser = QByteArrayLiteral("demo");
const QByteArray BasicCredentials = QByteArrayLiteral("demo:demo");
const QString ClientId = QStringLiteral("jobdesk-sandbox");
const QString ClientSecret = QStringLiteral("sandbox-secret");

ApiResponse oauthError(int status, const QString &error, const QString &description)
{
    return ApiResponse {status, QByteArrayLiteral("application/json"),
        QJsonDocument(QJsonObject {{QStringLiteral("error"), error},
                          {QStringLiteral("error_description"), description}})
            .toJson(QJsonDocument::Compact),
        {}, false};
}

} // namespace

std::optional<ApiResponse> SandboxServer::authenticate(
    const QHttpServerRequest &request, const QString &path, Identity *who)
{
    if (m_options.auth == AuthMode::None || path == QLatin1String("/v2/status"))
        return std::nullopt;
    const QByteArray authorization = headerValue(request, QByteArrayLiteral("Authorization"));
    const auto unauthorized = [&](const QString &detail, const QByteArray &challenge) {
        ApiResponse r = ApiResponse::problem(401, QStringLiteral("Unauthorized"), detail, path);
        r.headers.append({QByteArrayLiteral("WWW-Authenticate"), challenge});
        return r;
    };
    if (m_options.auth == AuthMode::Basic) {
        const QByteArray challenge = QByteArrayLiteral("Basic realm=\"jobdesk-sandbox\"");
        if (authorization.isEmpty())
            return unauthorized(
                QStringLiteral("Full authentication is required to access this resource"),
                challenge);
        if (!authorization.startsWith("Basic ")
            || QByteArray::fromBase64(authorization.mid(6).trimmed()) != BasicCredentials)
            return unauthorized(QStringLiteral("Bad credentials"), challenge);
        who->user = QString::fromLatin1(BasicUser);
        return std::nullopt;
    }
    if (authorization.isEmpty())
        return unauthorized(
            QStringLiteral("Full authentication is required to access this resource"),
            QByteArrayLiteral("Bearer"));
    const QByteArray token
        = authorization.startsWith("Bearer ") ? authorization.mid(7).trimmed() : QByteArray();
    const auto it = m_tokens.constFind(token);
    if (token.isEmpty() || it == m_tokens.constEnd())
        return unauthorized(QStringLiteral("An error occurred while attempting to decode the Jwt: "
                                           "Malformed token"),
            QByteArrayLiteral("Bearer error=\"invalid_token\""));
    if (it.value() <= m_clock.elapsed()) {
        // Kept after expiry, so a client keeps hearing "expired" rather than "malformed".
        return unauthorized(QStringLiteral("An error occurred while attempting to decode the Jwt: "
                                           "Jwt expired"),
            QByteArrayLiteral("Bearer error=\"invalid_token\", "
                              "error_description=\"Jwt expired\""));
    }
    who->user = m_tokenClients.value(token);
    who->client = true;
    return std::nullopt;
}

ApiResponse SandboxServer::issueToken(const QHttpServerRequest &request)
{
    QByteArray form = request.body();
    form.replace('+', "%20");
    const QUrlQuery query(QString::fromUtf8(form));
    QString id = query.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
    QString secret = query.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded);
    const QByteArray authorization = headerValue(request, QByteArrayLiteral("Authorization"));
    if (authorization.startsWith("Basic ")) {
        const QByteArray pair = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const int colon = pair.indexOf(':');
        if (colon > 0) {
            id = QString::fromUtf8(pair.left(colon));
            secret = QString::fromUtf8(pair.mid(colon + 1));
        }
    }
    const QString grant = query.queryItemValue(QStringLiteral("grant_type"));
    if (grant != QLatin1String("client_credentials"))
        return oauthError(400, QStringLiteral("unsupported_grant_type"),
            QStringLiteral("grant_type must be client_credentials"));
    if (id != ClientId || secret != ClientSecret)
        return oauthError(401, QStringLiteral("invalid_client"),
            QStringLiteral("Invalid client or Invalid client credentials"));
    QByteArray token(32, Qt::Uninitialized);
    for (char &c : token)
        c = char(QRandomGenerator::global()->bounded(256));
    token = token.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    m_tokens.insert(token, m_clock.elapsed() + qint64(m_options.tokenTtlSeconds) * 1000);
    m_tokenClients.insert(token, id);
    return ApiResponse::json(200,
        QJsonObject {{QStringLiteral("access_token"), QString::fromLatin1(token)},
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("expires_in"), m_options.tokenTtlSeconds},
            {QStringLiteral("scope"), QString()}});
}

} // namespace JobDesk::Sandbox
