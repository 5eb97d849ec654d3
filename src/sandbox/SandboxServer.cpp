// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/SandboxServer.h"

#include <QFile>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace JobDesk::Sandbox {

namespace {

const QByteArray BasicCredentials = QByteArrayLiteral("demo:demo");
const QString ClientId = QStringLiteral("jobdesk-sandbox");
const QString ClientSecret = QStringLiteral("sandbox-secret");

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 204:
        return QByteArrayLiteral("No Content");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArrayLiteral("Unknown");
    }
}

ApiResponse oauthError(int status, const QString &error, const QString &description)
{
    return ApiResponse {status, QByteArrayLiteral("application/json"),
        QJsonDocument(QJsonObject {{QStringLiteral("error"), error},
                          {QStringLiteral("error_description"), description}})
            .toJson(QJsonDocument::Compact),
        {}};
}

/// Answers `Expect: 100-continue` (curl sends it for large bodies) before the body is read, as
/// Camunda's gateway does; Qt HttpServer 6.4 does not, so such clients would stall for a second.
/// Its readyRead handler is connected before Qt's, so it sees the header block first.
class ContinueTcpServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(
            socket, &QTcpSocket::readyRead, socket, [socket]() { answerExpectContinue(socket); });
        addPendingConnection(socket);
    }

private:
    static void answerExpectContinue(QTcpSocket *socket)
    {
        const QByteArray buffered = socket->peek(socket->bytesAvailable());
        const qsizetype end = buffered.indexOf("\r\n\r\n");
        if (end < 0 || end + 4 != buffered.size())
            return; // no complete header block, or the body is already here
        if (buffered.left(end).toLower().contains("\r\nexpect: 100-continue"))
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
};

} // namespace

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_options(options)
    , m_api(&m_store)
    , m_dice(options.seed ? QRandomGenerator(quint32(*options.seed ^ (*options.seed >> 32)))
                          : QRandomGenerator(QRandomGenerator::global()->generate()))
{
    m_clock.start();
}

SandboxServer::~SandboxServer() = default;

QByteArray SandboxServer::demoJobsJson()
{
    QFile file(QStringLiteral(":/jobdesk/sandbox/demo-jobs.json"));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

bool SandboxServer::loadJobs(QString *error)
{
    if (m_options.demo) {
        const QByteArray demo = demoJobsJson();
        if (demo.isEmpty()) {
            *error = QStringLiteral("the demo data is missing from the program's resources");
            return false;
        }
        QString why;
        if (!m_store.loadJson(demo, &why)) {
            *error = QStringLiteral("demo data: %1").arg(why);
            return false;
        }
    }
    if (!m_options.jobsFile.isEmpty()) {
        QFile file(m_options.jobsFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error
                = QStringLiteral("cannot read %1: %2").arg(m_options.jobsFile, file.errorString());
            return false;
        }
        QString why;
        if (!m_store.loadJson(file.readAll(), &why)) {
            *error = QStringLiteral("%1: %2").arg(m_options.jobsFile, why);
            return false;
        }
    }
    m_store.generate(m_options.generate);
    return true;
}

quint16 SandboxServer::start(QString *error)
{
    const QHostAddress address = m_options.host == QLatin1String("localhost")
        ? QHostAddress(QHostAddress::LocalHost)
        : QHostAddress(m_options.host);
    auto *tcp = new ContinueTcpServer(this);
    if (!tcp->listen(address, m_options.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_options.host)
                     .arg(m_options.port)
                     .arg(tcp->errorString());
        delete tcp;
        return 0;
    }
    bind(tcp);
    m_port = tcp->serverPort();
    return m_port;
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_requests;
    const QString path = request.url().path();
    const ApiResponse response = respond(request, path);
    const bool close = header(request, QByteArrayLiteral("Connection")).toLower() == "close";
    if (m_options.latencyMs <= 0) {
        write(socket, response, close);
        return true;
    }
    // The answer waits on a timer, never in a sleep: other connections are served meanwhile.
    // The socket may be gone when the timer fires (client gave up): then nothing is written.
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(m_options.latencyMs, this, [guard, response, close]() {
        if (guard && guard->state() == QAbstractSocket::ConnectedState)
            write(guard, response, close);
    });
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    write(socket,
        ApiResponse::problem(
            404, QStringLiteral("Not Found"), QStringLiteral("No endpoint."), request.url().path()),
        false);
}

ApiResponse SandboxServer::respond(const QHttpServerRequest &request, const QString &path)
{
    const QByteArray method = methodName(request.method());
    if (path == QLatin1String("/oauth/token")) {
        if (method != "POST")
            return oauthError(405, QStringLiteral("invalid_request"), QStringLiteral("use POST"));
        return issueToken(request);
    }
    if (auto denied = authenticate(request, path))
        return *denied;
    if (auto fault = injectFault(path))
        return *fault;
    return m_api.handle(method, path, request.body());
}

std::optional<ApiResponse> SandboxServer::authenticate(
    const QHttpServerRequest &request, const QString &path)
{
    if (m_options.auth == AuthMode::None || path == QLatin1String("/v2/status"))
        return std::nullopt;
    const QByteArray authorization = header(request, QByteArrayLiteral("Authorization"));
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
    return std::nullopt;
}

ApiResponse SandboxServer::issueToken(const QHttpServerRequest &request)
{
    QByteArray form = request.body();
    form.replace('+', "%20");
    const QUrlQuery query(QString::fromUtf8(form));
    QString id = query.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
    QString secret = query.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded);
    const QByteArray authorization = header(request, QByteArrayLiteral("Authorization"));
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
    return ApiResponse::json(200,
        QJsonObject {{QStringLiteral("access_token"), QString::fromLatin1(token)},
            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
            {QStringLiteral("expires_in"), m_options.tokenTtlSeconds},
            {QStringLiteral("scope"), QString()}});
}

std::optional<ApiResponse> SandboxServer::injectFault(const QString &path)
{
    if (path == QLatin1String("/v2/status") || path == QLatin1String("/v2/topology"))
        return std::nullopt;
    if (m_options.backpressureRate > 0 && m_dice.generateDouble() < m_options.backpressureRate)
        return ApiResponse::problem(503, QStringLiteral("RESOURCE_EXHAUSTED"),
            QStringLiteral("Reached maximum capacity of requests handled"), path);
    if (m_options.errorRate > 0 && m_dice.generateDouble() < m_options.errorRate)
        return ApiResponse::problem(500, QStringLiteral("INTERNAL"),
            QStringLiteral("Unexpected error occurred between gateway and "
                           "broker (code: INTERNAL_ERROR) (message: injected "
                           "by jobdesk-sandbox --error-rate)"),
            path);
    return std::nullopt;
}

void SandboxServer::write(QTcpSocket *socket, const ApiResponse &response, bool close)
{
    QByteArray out;
    out.reserve(160 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status)
        + "\r\n";
    if (response.status != 204) {
        if (!response.contentType.isEmpty())
            out += "Content-Type: " + response.contentType + "\r\n";
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    }
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (response.status != 204)
        out += response.body;
    socket->write(out);
    if (close)
        socket->disconnectFromHost();
}

} // namespace JobDesk::Sandbox
