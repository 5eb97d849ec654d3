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

    bool isEmpty() const
    {
        return caBundleFile.isEmpty() && clientCertificateFile.isEmpty() && clientKeyFile.isEmpty();
    }

    /// Reads the files and sets the request's SSL configuration (only for https URLs).
    /// Returns why it could not (file missing, no certificate in it, wrong passphrase, …), or an
    /// empty string.
    QString applyTo(QNetworkRequest &request) const;
    /// Checks the files without a request (for the profile editor).
    QString validate() const;
};

} // namespace JobDesk
