// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

/// A loopback HTTP server for tests of what a client sends (or that it sends nothing): it records
/// every request and answers each with `response`, or never when `silent` (a request "in
/// flight" for as long as the test wants). Listens on 127.0.0.1, any free port.
class RecordingServer final : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QByteArray head; ///< request line and headers
        QByteArray body;
    };

    RecordingServer();
    Q_DISABLE_COPY_MOVE(RecordingServer)

    /// e.g. http://127.0.0.1:40123
    QString url() const;

    QList<Request> requests;
    QByteArray response
        = "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    bool silent = false;

private:
    void read(QTcpSocket *socket);

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
