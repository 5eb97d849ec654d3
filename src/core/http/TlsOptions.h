// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

class QNetworkRequest;

namespace JobDesk {

/// TLS settings of a connection: an extra CA bundle (for clusters with a private CA) and an
/// optional client certificate and key (mTLS). Peer verification is always on; there is
/// deliberately no way to switch it off or to ignore certificate errors.
struct TlsOptions
{
    QString caBundleFile; ///< PEM file with one or more CA certificates, added to the system's
    QString clientCertificateFile; ///< PEM client certificate (mTLS)
    QString clientKeyFile; ///< PEM private key of the client certificate
    QByteArray clientKeyPassphrase; ///< from the keychain; empty for an unencrypted key
    /// The same material given inline (the SDK's CAMUNDA_MTLS_CA / _CERT / _KEY): PEM text kept
    /// in memory only, never written anywhere. Each one wins over its file.
    QByteArray caBundlePem {};
    QByteArray clientCertificatePem {};
    QByteArray clientKeyPem {}; ///< a secret: never shown or logged

    bool isEmpty() const
    {
        return caBundleFile.isEmpty() && clientCertificateFile.isEmpty() && clientKeyFile.isEmpty()
            && caBundlePem.isEmpty() && clientCertificatePem.isEmpty() && clientKeyPem.isEmpty();
    }

    /// Reads the files and sets the request's SSL configuration (only for https URLs).
    /// Returns why it could not (file missing, no certificate in it, wrong passphrase, …), or an
    /// empty string.
    QString applyTo(QNetworkRequest &request) const;
    /// Checks the files without a request (for the profile editor).
    QString validate() const;
};

} // namespace JobDesk
