// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/SandboxServer.h"

#include <QFile>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace JobDesk::Sandbox {

namespace {

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
    static const QHash<int, QByteArray> phrases {{200, "OK"}, {204, "No Content"},
        {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"}, {404, "Not Found"},
        {405, "Method Not Allowed"}, {409, "Conflict"}, {500, "Internal Server Error"},
        {502, "Bad Gateway"}, {503, "Service Unavailable"}, {504, "Gateway Timeout"}};
    return phrases.value(status, QByteArrayLiteral("Unknown"));
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

QByteArray headerValue(const QHttpServerRequest &request, const QByteArray &name)
{
    const auto headers = request.headers();
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return QByteArray();
}

SandboxServer::SandboxServer(const SandboxOptions &options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_options(options)
    , m_cluster(options.gatewayVersion)
    , m_batches(&m_cluster)
    , m_gateway(&m_cluster, &m_batches)
    , m_dice(options.seed ? QRandomGenerator(quint32(*options.seed ^ (*options.seed >> 32)))
                          : QRandomGenerator(QRandomGenerator::global()->generate()))
{
    m_clock.start();
    if (m_options.forbiddenRate > 0) {
        m_gateway.setForbiddenDice(
            [this]() { return m_dice.generateDouble() < m_options.forbiddenRate; });
    }
    m_batchTimer.setInterval(m_options.batchStepMs);
    connect(&m_batchTimer, &QTimer::timeout, this, [this]() { m_batches.advance(); });
    m_workerTimer.setInterval(500);
    connect(&m_workerTimer, &QTimer::timeout, this, &SandboxServer::runWorker);
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
        if (!m_cluster.loadJson(demo, &why)) {
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
        if (!m_cluster.loadJson(file.readAll(), &why)) {
            *error = QStringLiteral("%1: %2").arg(m_options.jobsFile, why);
            return false;
        }
    }
    m_cluster.generate(m_options.generate);
    // Only changes from now on lag behind in search; the loaded data is there at once.
    m_cluster.searchDelay().setDelayMs(m_options.searchDelayMs);
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
    m_batchTimer.start();
    if (!m_options.workerTypes.isEmpty())
        m_workerTimer.start();
    return m_port;
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ++m_requests;
    const QString path = request.url().path();
    const ApiResponse response = respond(request, path);
    const bool close = headerValue(request, QByteArrayLiteral("Connection")).toLower() == "close";
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
    if (path == QLatin1String("/sandbox/record"))
        return recordEndpoint(request, path);
    if (path == QLatin1String("/oauth/token")) {
        if (method != "POST")
            return ApiResponse {405, QByteArrayLiteral("application/json"),
                QByteArrayLiteral(R"({"error":"invalid_request","error_description":"use POST"})"),
                {}, false};
        return issueToken(request);
    }
    const auto subject = RestGateway::subjectOf(method, path);
    if (subject)
        m_record.received(subject->action, subject->key);
    Identity who;
    if (auto denied = authenticate(request, path, &who))
        return *denied;
    bool timeOutAfterApplying = false;
    if (auto fault = injectFault(path, &timeOutAfterApplying))
        return *fault;
    ApiResponse response = api(request, path, who);
    if (subject && response.applied)
        m_record.applied(subject->action, subject->key);
    if (timeOutAfterApplying) {
        return ApiResponse::problem(504, QStringLiteral("DEADLINE_EXCEEDED"),
            QStringLiteral("Expected to handle request, but request timed out between gateway "
                           "and broker"),
            path);
    }
    return response;
}

ApiResponse SandboxServer::api(
    const QHttpServerRequest &request, const QString &path, const Identity &who)
{
    Call call;
    call.method = methodName(request.method());
    call.path = path;
    call.body = request.body();
    if (request.url().hasQuery())
        call.query = QUrlQuery(request.url());
    call.user = who.user;
    call.client = who.client;
    return m_gateway.handle(std::move(call));
}

ApiResponse SandboxServer::recordEndpoint(const QHttpServerRequest &request, const QString &path)
{
    const QByteArray method = methodName(request.method());
    if (method == "DELETE") {
        m_record.clear();
        return ApiResponse::noContent();
    }
    if (method != "GET")
        return ApiResponse::problem(405, QStringLiteral("Method Not Allowed"),
            QStringLiteral("Method '%1' is not supported.").arg(QString::fromLatin1(method)), path);
    const QUrlQuery query(request.url());
    const QByteArray body = query.hasQueryItem(QStringLiteral("totals"))
        ? m_record.totalsJson()
        : m_record.toJson(query.queryItemValue(QStringLiteral("key")));
    return ApiResponse {200, QByteArrayLiteral("application/json"), body, {}, false};
}

std::optional<ApiResponse> SandboxServer::injectFault(const QString &path, bool *applyThenTimeOut)
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
    if (m_options.gatewayErrorRate > 0 && m_dice.generateDouble() < m_options.gatewayErrorRate) {
        // Half the time the broker connection breaks before the command arrives (502, nothing
        // applied), half the time the answer is lost after it was applied (504).
        if (m_dice.generateDouble() < 0.5) {
            *applyThenTimeOut = true;
            return std::nullopt;
        }
        return ApiResponse::problem(502, QStringLiteral("ABORTED"),
            QStringLiteral("Expected to handle request, but the connection was cut prematurely "
                           "with the broker; the request may or may not have been accepted, and "
                           "may not be safe to retry."),
            path);
    }
    return std::nullopt;
}

void SandboxServer::runWorker()
{
    for (const QString &type : std::as_const(m_options.workerTypes)) {
        const auto jobs
            = m_cluster.activate(type, QStringLiteral("jobdesk-sandbox-worker"), 60'000, 32, false);
        for (Job *job : jobs) {
            if (job->kind == JobKind::TaskListener || job->kind == JobKind::AdHocSubProcess)
                continue; // these want a human decision: left activated
            m_cluster.touch(*job);
            job->state = JobState::Completed;
            job->endTimeMs = m_cluster.now();
            job->deadlineMs = 0;
            m_cluster.writeVariables(*job, job->elementInstanceKey,
                {{QStringLiteral("handledBy"), QByteArrayLiteral("\"jobdesk-sandbox-worker\"")}},
                false);
        }
    }
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
