// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/TlsOptions.h"

#include <QFile>
#include <QNetworkRequest>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#endif

namespace JobDesk {

namespace {

QString readFile(const QString &path, const QString &what, QByteArray *data)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the %1 '%2': %3").arg(what, path, file.errorString());
    *data = file.readAll();
    return {};
}

#if QT_CONFIG(ssl)
QString build(const TlsOptions &options, QSslConfiguration *config)
{
    *config = QSslConfiguration::defaultConfiguration();
    config->setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!options.caBundleFile.isEmpty()) {
        QByteArray pem;
        if (QString error = readFile(options.caBundleFile, QStringLiteral("CA bundle"), &pem);
            !error.isEmpty())
            return error;
        const QList<QSslCertificate> cas = QSslCertificate::fromData(pem, QSsl::Pem);
        if (cas.isEmpty())
            return QStringLiteral("the CA bundle '%1' contains no PEM certificate")
                .arg(options.caBundleFile);
        config->addCaCertificates(cas);
    }
    if (options.clientCertificateFile.isEmpty() != options.clientKeyFile.isEmpty())
        return QStringLiteral("a client certificate needs both the certificate file and its key "
                              "file");
    if (!options.clientCertificateFile.isEmpty()) {
        QByteArray pem;
        if (QString error
            = readFile(options.clientCertificateFile, QStringLiteral("client certificate"), &pem);
            !error.isEmpty())
            return error;
        const QList<QSslCertificate> certs = QSslCertificate::fromData(pem, QSsl::Pem);
        if (certs.isEmpty())
            return QStringLiteral("the client certificate file '%1' contains no PEM certificate")
                .arg(options.clientCertificateFile);
        QByteArray keyPem;
        if (QString error = readFile(options.clientKeyFile, QStringLiteral("client key"), &keyPem);
            !error.isEmpty())
            return error;
        QSslKey key;
        for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
            key = QSslKey(
                keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey, options.clientKeyPassphrase);
            if (!key.isNull())
                break;
        }
        if (key.isNull())
            return QStringLiteral("the client key '%1' could not be read — not a PEM private key, "
                                  "or the passphrase is wrong")
                .arg(options.clientKeyFile);
        config->setLocalCertificate(certs.first());
        config->setPrivateKey(key);
    }
    return {};
}
#endif

} // namespace

QString TlsOptions::validate() const
{
    if (isEmpty())
        return {};
#if QT_CONFIG(ssl)
    QSslConfiguration config;
    return build(*this, &config);
#else
    return QStringLiteral("this build of Qt has no TLS support");
#endif
}

QString TlsOptions::applyTo(QNetworkRequest &request) const
{
    if (isEmpty() || request.url().scheme() != QLatin1String("https"))
        return {};
#if QT_CONFIG(ssl)
    QSslConfiguration config;
    if (QString error = build(*this, &config); !error.isEmpty())
        return error;
    request.setSslConfiguration(config);
    return {};
#else
    return QStringLiteral("this build of Qt has no TLS support");
#endif
}

} // namespace JobDesk
