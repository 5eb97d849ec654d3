// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QtNetwork/qtnetworkglobal.h>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslError>
#endif

namespace JobDesk {

/// The certificate checks JobDesk adds to Qt's, and the words for a failed handshake.
///
/// Qt 6.4 accepts a server certificate whose common name matches the host even when the
/// certificate lists subject alternative names that do not (RFC 6125 §6.4.4 says a client must
/// then ignore the common name). `hostNameProblem()` applies the RFC's rule; HttpExchange calls it
/// as soon as a TLS session is up and before anything is written to it.
namespace TlsVerification {

/// RFC 6125 §6.4.3: `pattern` (a DNS name of a certificate, maybe with a wildcard as its whole
/// left-most label, e.g. `*.example.com`) matches `host` (case-insensitive, ACE form). A wildcard
/// stands for exactly one non-empty label and needs two labels after it; IDN (xn--) labels are
/// never matched by a wildcard.
bool dnsNameMatches(const QString &pattern, const QString &host);

#if QT_CONFIG(ssl)
/// The names a certificate is for: its DNS and IP subject alternative names, or its common
/// name when it has none.
QStringList certificateNames(const QSslCertificate &certificate);
/// Empty when `certificate` is for `host`; otherwise why not, as a sentence naming what it is for.
/// With DNS or IP subject alternative names only they count; the common name only without them.
QString hostNameProblem(const QSslCertificate &certificate, const QString &host);
/// A failed handshake in words: the certificate problems Qt found and what helps for each
/// (host name mismatch, expired, not yet valid, untrusted issuer, revoked). Certificate checks are
/// never switched off, so no hint suggests that.
QString describeHandshakeFailure(const QUrl &url, const QList<QSslError> &errors);
#endif

} // namespace TlsVerification
} // namespace JobDesk
