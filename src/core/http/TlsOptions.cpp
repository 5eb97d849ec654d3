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

/// The PEM text given inline, else the file's content.
QString material(const QByteArray &inlinePem, const QString &path, const QString &what,
    const QString &fileLabel, QByteArray *data, QString *origin)
{
    if (!inlinePem.isEmpty()) {
        *data = inlinePem;
        *origin = QStringLiteral("the %1 given inline").arg(what);
        return {};
    }
    *origin = QStringLiteral("the %1 '%2'").arg(fileLabel, path);
    return readFile(path, what, data);
}

#if QT_CONFIG(ssl)
QString build(const TlsOptions &options, QSslConfiguration *config)
{
    *config = QSslConfiguration::defaultConfiguration();
    config->setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!options.caBundleFile.isEmpty() || !options.caBundlePem.isEmpty()) {
        QByteArray pem;
        QString origin;
        if (QString error = material(options.caBundlePem, options.caBundleFile,
                QStringLiteral("CA bundle"), QStringLiteral("CA bundle"), &pem, &origin);
            !error.isEmpty())
            return error;
        const QList<QSslCertificate> cas = QSslCertificate::fromData(pem, QSsl::Pem);
        if (cas.isEmpty())
            return QStringLiteral("%1 contains no PEM certificate").arg(origin);
        config->addCaCertificates(cas);
    }
    const bool hasCertificate
        = !options.clientCertificateFile.isEmpty() || !options.clientCertificatePem.isEmpty();
    const bool hasKey = !options.clientKeyFile.isEmpty() || !options.clientKeyPem.isEmpty();
    if (hasCertificate != hasKey)
        return QStringLiteral("a client certificate needs both the certificate file and its key "
                              "file");
    if (hasCertificate) {
        QByteArray pem;
        QString origin;
        if (QString error = material(options.clientCertificatePem, options.clientCertificateFile,
                QStringLiteral("client certificate"), QStringLiteral("client certificate file"),
                &pem, &origin);
            !error.isEmpty())
            return error;
        const QList<QSslCertificate> certs = QSslCertificate::fromData(pem, QSsl::Pem);
        if (certs.isEmpty())
            return QStringLiteral("%1 contains no PEM certificate").arg(origin);
        QByteArray keyPem;
        if (QString error = material(options.clientKeyPem, options.clientKeyFile,
                QStringLiteral("client key"), QStringLiteral("client key"), &keyPem, &origin);
            !error.isEmpty())
            return error;
        QSslKey key;
        for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
            key = QSslKey(
                keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey, options.clientKeyPassphrase);
            if (!key.isNull())
                break;
        }
        keyPem.fill('\0');
        if (key.isNull())
            return QStringLiteral("%1 could not be read — not a PEM private key, or the passphrase "
                                  "is wrong")
                .arg(origin);
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
