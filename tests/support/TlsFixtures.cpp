// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/TlsFixtures.h"

#include "support/TestPaths.h"

#include <QFile>
#include <QSslKey>
#include <QSslSocket>

namespace TlsFixtures {

QString path(const QString &name)
{
    return TestPaths::testData(QStringLiteral("tls/") + name);
}

QByteArray read(const QString &name)
{
    QFile file(path(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QSslCertificate certificate(const QString &name)
{
    return QSslCertificate::fromData(read(name + QStringLiteral(".pem"))).value(0);
}

QSslConfiguration server(const QString &name, bool requireClientCertificate)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(certificate(name));
    config.setPrivateKey(QSslKey(read(name + QStringLiteral(".key")), QSsl::Rsa));
    if (requireClientCertificate) {
        config.setCaCertificates(QSslCertificate::fromData(read(QStringLiteral("ca.pem"))));
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    } else {
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    }
    return config;
}

} // namespace TlsFixtures
