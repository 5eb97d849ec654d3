// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/FaultServer.h"

#include <QSslServer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace {

constexpr qint64 kWriteAhead = 256 * 1024;

QByteArray reasonFor(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    default:
        return "Status";
    }
}

} // namespace

FaultServer::Behaviour FaultServer::Behaviour::answer(
    int status, const QByteArray &body, const QByteArray &contentType)
{
    Behaviour b;
    b.status = status;
    b.reason = reasonFor(status);
    b.body = body;
    b.contentType = contentType;
    return b;
}

FaultServer::Behaviour FaultServer::Behaviour::of(Fault fault)
{
    Behaviour b;
    b.fault = fault;
    return b;
}

FaultServer::Behaviour FaultServer::Behaviour::stream(qint64 bytes, int chunkSize)
{
    Behaviour b;
    b.fault = Fault::Stream;
    b.streamBytes = bytes;
    b.chunkSize = std::max(1, chunkSize);
    return b;
}

FaultServer::Behaviour FaultServer::Behaviour::echo(int status, const QByteArray &contentType)
{
    Behaviour b = answer(status, {}, contentType);
    b.fault = Fault::Echo;
    return b;
}

QByteArray FaultServer::Request::header(const QByteArray &name) const
{
    const QList<QByteArray> lines = head.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

FaultServer::FaultServer(QObject *parent)
    : QObject(parent)
{
    m_default = Behaviour::answer(204);
}

FaultServer::~FaultServer()
{
    // Sockets are children of the server; stop their timers and signals first.
    for (auto it = m_connectionState.begin(); it != m_connectionState.end(); ++it) {
        QObject::disconnect(it.key(), nullptr, this, nullptr);
        delete it->trickle;
    }
}

bool FaultServer::listen()
{
    m_server = std::make_unique<QTcpServer>();
    m_tls = false;
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            accept(socket);
    });
    return m_server->listen(QHostAddress::LocalHost);
}

bool FaultServer::listenTls(const QSslConfiguration &configuration)
{
    auto server = std::make_unique<QSslServer>();
    server->setSslConfiguration(configuration);
    m_server = std::move(server);
    m_tls = true;
    connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection())
            accept(socket);
    });
    return m_server->listen(QHostAddress::LocalHost);
}

quint16 FaultServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString FaultServer::baseUrl() const
{
    return QStringLiteral("%1://127.0.0.1:%2")
        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
        .arg(port());
}

void FaultServer::accept(QTcpSocket *socket)
{
    ++m_connections;
    m_connectionState.insert(socket, Connection {});
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
    connect(socket, &QTcpSocket::bytesWritten, this, [this, socket](qint64 written) {
        auto it = m_connectionState.find(socket);
        if (it == m_connectionState.end())
            return;
        const qint64 head = std::min(written, it->headPending);
        it->headPending -= head;
        if (it->streaming || it->trickle)
            m_bodyBytesWritten += written - head;
        if (it->streaming)
            writeMoreStream(socket);
    });
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
        auto it = m_connectionState.find(socket);
        if (it != m_connectionState.end()) {
            if (it->streaming)
                m_streamStopped = true;
            delete it->trickle;
            m_connectionState.erase(it);
        }
        socket->deleteLater();
    });
    if (socket->bytesAvailable() > 0)
        read(socket);
}

void FaultServer::read(QTcpSocket *socket)
{
    auto it = m_connectionState.find(socket);
    if (it == m_connectionState.end())
        return;
    it->buffer += socket->readAll();
    while (true) {
        QByteArray &buffer = it->buffer;
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        Request request;
        request.head = buffer.left(headEnd);
        const qint64 length = request.header("Content-Length").toLongLong();
        if (buffer.size() < headEnd + 4 + length)
            return;
        const QList<QByteArray> line = request.head.left(request.head.indexOf('\r')).split(' ');
        request.method = line.value(0);
        request.target = line.value(1);
        request.body = buffer.mid(headEnd + 4, length);
        buffer.remove(0, headEnd + 4 + length);
        m_requests.append(request);
        respond(socket, request);
        // The connection may be gone now (closed, reset).
        it = m_connectionState.find(socket);
        if (it == m_connectionState.end() || it->streaming || it->trickle
            || socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
}

QByteArray FaultServer::head(const Behaviour &b, qint64 contentLength, bool chunked)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(b.status) + ' ' + b.reason + "\r\n";
    if (!b.contentType.isEmpty())
        out += "Content-Type: " + b.contentType + "\r\n";
    for (const auto &[name, value] : b.headers)
        out += name + ": " + value + "\r\n";
    if (chunked)
        out += "Transfer-Encoding: chunked\r\n";
    else if (contentLength >= 0)
        out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    return out + "\r\n";
}

void FaultServer::reset(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    struct linger option
    {
        1, 0
    };
    ::setsockopt(static_cast<int>(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &option,
        sizeof option);
#endif
    socket->abort();
}

void FaultServer::respond(QTcpSocket *socket, const Request &request)
{
    const Behaviour b = m_queue.isEmpty() ? m_default : m_queue.takeFirst();
    Connection &state = m_connectionState[socket];
    state.behaviour = b;
    switch (b.fault) {
    case Fault::Answer:
        socket->write(head(b, b.body.size(), false) + b.body);
        return;
    case Fault::Close:
        socket->disconnectFromHost();
        return;
    case Fault::Reset:
        reset(socket);
        return;
    case Fault::Silent:
        return;
    case Fault::GarbageStatus:
        socket->write("HELLO WORLD\r\n\r\n");
        socket->disconnectFromHost();
        return;
    case Fault::Http09:
        socket->write(b.body.isEmpty() ? QByteArray("<html>hello</html>") : b.body);
        socket->disconnectFromHost();
        return;
    case Fault::HeadersThenReset: {
        socket->write(head(b, b.body.size() + 1000, false) + b.body);
        // Into the kernel first: a client reads what arrived before it learns of the reset.
        while (socket->bytesToWrite() > 0 && socket->flush()) { }
        reset(socket);
        return;
    }
    case Fault::Trickle: {
        const QByteArray start = head(b, 1024LL * 1024 * 1024, false);
        state.headPending = start.size();
        socket->write(start);
        state.trickle = new QTimer;
        connect(state.trickle, &QTimer::timeout, socket, [socket] { socket->write("x", 1); });
        state.trickle->start(b.intervalMs);
        return;
    }
    case Fault::Stream: {
        const QByteArray start = head(b, -1, true);
        state.headPending = start.size();
        state.streaming = true;
        socket->write(start);
        writeMoreStream(socket);
        return;
    }
    case Fault::Echo: {
        const QByteArray echoed = request.head + "\r\n\r\n" + request.body;
        socket->write(head(b, echoed.size(), false) + echoed);
        return;
    }
    }
}

void FaultServer::writeMoreStream(QTcpSocket *socket)
{
    auto it = m_connectionState.find(socket);
    if (it == m_connectionState.end() || !it->streaming)
        return;
    Connection &state = *it;
    const Behaviour &b = state.behaviour;
    const qint64 chunk = b.chunkSize;
    // Batches of about 16 KiB of body, so one-byte chunks do not mean one write each.
    const qint64 perBatch = std::max<qint64>(1, (16 * 1024) / chunk);
    const QByteArray frame
        = QByteArray::number(chunk, 16) + "\r\n" + QByteArray(chunk, 'x') + "\r\n";
    while (socket->bytesToWrite() < kWriteAhead) {
        if (b.streamBytes >= 0 && state.streamed >= b.streamBytes) {
            socket->write("0\r\n\r\n");
            state.streaming = false;
            m_streamStopped = true;
            return;
        }
        qint64 count = perBatch;
        if (b.streamBytes >= 0)
            count = std::min(count, (b.streamBytes - state.streamed + chunk - 1) / chunk);
        QByteArray batch;
        batch.reserve(frame.size() * count);
        for (qint64 i = 0; i < count; ++i)
            batch += frame;
        state.streamed += count * chunk;
        if (socket->write(batch) < 0) {
            state.streaming = false;
            m_streamStopped = true;
            return;
        }
    }
}
