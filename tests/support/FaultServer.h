// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSslConfiguration>
#include <QTcpServer>

#include <memory>

class QTcpSocket;
class QTimer;

/// A loopback HTTP/1.1 server that misbehaves on purpose, for transport tests: it answers, or
/// closes, resets, stays silent, trickles, streams without end, echoes the request, sends a
/// garbage or HTTP/0.9 status line, or sends headers and then resets — per request, from a queue
/// (`enqueue`) or the default behaviour. It counts every complete request it read (method, target,
/// head, body), the connections, and the body bytes it managed to hand to the kernel (what a
/// client could have read at most). Optionally TLS (`listenTls`). Everything runs in the test's
/// event loop; nothing sleeps.
class FaultServer final : public QObject
{
    Q_OBJECT
public:
    using HeaderList = QList<QPair<QByteArray, QByteArray>>;

    enum class Fault {
        Answer, ///< a normal answer: status, headers, body (Content-Length)
        Close, ///< read the request, close without a byte
        Reset, ///< read the request, reset the connection (RST)
        Silent, ///< read the request, never answer, keep the connection open
        GarbageStatus, ///< a status line that is not HTTP, then close
        Http09, ///< a body without status line or headers (HTTP/0.9), then close
        HeadersThenReset, ///< status line, headers (Content-Length: body + 1000) and body; RST
        Trickle, ///< status line and headers, then one body byte per `intervalMs`, without end
        Stream, ///< a chunked body of `streamBytes` (-1: endless) in chunks of `chunkSize`
        Echo, ///< `status` with the request's head and body as the body (`contentType`)
    };

    struct Behaviour
    {
        Fault fault = Fault::Answer;
        int status = 200;
        QByteArray reason = "OK";
        QByteArray contentType = "application/json";
        HeaderList headers; ///< extra headers of an answer
        QByteArray body;
        int intervalMs = 20; ///< Trickle
        qint64 streamBytes = -1; ///< Stream: body bytes in total, -1 without end
        int chunkSize = 16 * 1024; ///< Stream: bytes per chunk (1 for one-byte chunks)

        static Behaviour answer(int status, const QByteArray &body = {},
            const QByteArray &contentType = "application/json");
        static Behaviour of(Fault fault);
        static Behaviour stream(qint64 bytes, int chunkSize);
        static Behaviour echo(int status, const QByteArray &contentType);
    };

    struct Request
    {
        QByteArray method;
        QByteArray target;
        QByteArray head; ///< request line and headers, without the blank line
        QByteArray body;
        QByteArray header(const QByteArray &name) const; ///< case-insensitive
    };

    explicit FaultServer(QObject *parent = nullptr);
    ~FaultServer() override;

    /// Plain HTTP on 127.0.0.1, a free port.
    bool listen();
    /// HTTPS on 127.0.0.1 with this server configuration (certificate, key).
    bool listenTls(const QSslConfiguration &configuration);
    quint16 port() const;
    /// "http://127.0.0.1:<port>" (or https).
    QString baseUrl() const;

    /// What requests get when the queue is empty (default: 204 No Content).
    void setDefault(const Behaviour &behaviour) { m_default = behaviour; }
    /// The next request gets this (in order).
    void enqueue(const Behaviour &behaviour) { m_queue.append(behaviour); }

    int requestCount() const { return static_cast<int>(m_requests.size()); }
    const QList<Request> &requests() const { return m_requests; }
    int connectionCount() const { return m_connections; }
    /// Bytes of Stream and Trickle answers after their head (chunk framing included) that the
    /// kernel accepted: an upper bound of what the client could read.
    qint64 bodyBytesWritten() const { return m_bodyBytesWritten; }
    /// True once a Stream answer's client went away (or the stream ended).
    bool streamStopped() const { return m_streamStopped; }

private:
    struct Connection
    {
        QByteArray buffer;
        Behaviour behaviour;
        qint64 streamed = 0; ///< body bytes queued for writing
        qint64 headPending = 0; ///< head bytes not yet accepted by the kernel
        bool streaming = false;
        QTimer *trickle = nullptr;
    };

    void accept(QTcpSocket *socket);
    void read(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const Request &request);
    void writeMoreStream(QTcpSocket *socket);
    void reset(QTcpSocket *socket);
    static QByteArray head(const Behaviour &behaviour, qint64 contentLength, bool chunked);

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    Behaviour m_default;
    QList<Behaviour> m_queue;
    QList<Request> m_requests;
    QHash<QTcpSocket *, Connection> m_connectionState;
    int m_connections = 0;
    qint64 m_bodyBytesWritten = 0;
    bool m_streamStopped = false;
};
