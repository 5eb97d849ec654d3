// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

/// The throwaway test PKI in tests/data/tls (see generate.sh there): paths, file contents, and a
/// server configuration that presents one of its certificates.
namespace TlsFixtures {
QString path(const QString &name); ///< tests/data/tls/<name>
QByteArray read(const QString &name); ///< the file's bytes, empty when unreadable
QSslCertificate certificate(const QString &name); ///< the first certificate of <name>.pem
/// A server presenting <name>.pem with <name>.key; with `requireClientCertificate` it asks for a
/// client certificate issued by ca.pem.
QSslConfiguration server(const QString &name, bool requireClientCertificate = false);
} // namespace TlsFixtures
