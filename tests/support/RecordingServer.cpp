// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/RecordingServer.h"

#include <QTcpSocket>

RecordingServer::RecordingServer()
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection())
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
    });
    m_server.listen(QHostAddress::LocalHost);
}

QString RecordingServer::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

void RecordingServer::read(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    const QByteArray head = buffer.left(headEnd);
    qsizetype length = 0;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (buffer.size() < headEnd + 4 + length)
        return;
    const QList<QByteArray> requestLine = head.left(head.indexOf('\r')).split(' ');
    requests.append(
        {requestLine.value(0), requestLine.value(1), head, buffer.mid(headEnd + 4, length)});
    buffer.clear();
    if (!silent) {
        socket->write(response);
        socket->disconnectFromHost();
    }
}
