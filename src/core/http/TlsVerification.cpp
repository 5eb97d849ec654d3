// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/TlsVerification.h"

#include "core/http/NetworkErrorText.h"

#include <QHostAddress>

namespace JobDesk::TlsVerification {

namespace {

QString normalizedHost(const QString &host)
{
    QString name = QString::fromLatin1(QUrl::toAce(host)).toLower();
    if (name.isEmpty())
        name = host.toLower();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

} // namespace

bool dnsNameMatches(const QString &pattern, const QString &host)
{
    const QString name = normalizedHost(host);
    QString wanted = pattern.trimmed().toLower();
    while (wanted.endsWith(QLatin1Char('.')))
        wanted.chop(1);
    if (name.isEmpty() || wanted.isEmpty())
        return false;
    if (!wanted.contains(QLatin1Char('*')))
        return wanted == name;
    // Only a whole left-most label may be a wildcard, with at least two labels after it.
    if (!wanted.startsWith(QLatin1String("*.")) || wanted.count(QLatin1Char('*')) != 1)
        return false;
    const QString suffix = wanted.mid(1); // ".example.com"
    if (suffix.count(QLatin1Char('.')) < 2)
        return false;
    if (!QHostAddress(name).isNull())
        return false; // wildcards never match addresses
    const qsizetype firstDot = name.indexOf(QLatin1Char('.'));
    if (firstDot <= 0)
        return false;
    const QString firstLabel = name.left(firstDot);
    if (firstLabel.startsWith(QLatin1String("xn--")))
        return false;
    return name.mid(firstDot) == suffix;
}

#if QT_CONFIG(ssl)

QStringList certificateNames(const QSslCertificate &certificate)
{
    QStringList names;
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
        if (it.key() == QSsl::AlternativeNameEntryType::DnsEntry
            || it.key() == QSsl::AlternativeNameEntryType::IpAddressEntry)
            names << it.value();
    }
    if (names.isEmpty())
        names = certificate.subjectInfo(QSslCertificate::CommonName);
    return names;
}

QString hostNameProblem(const QSslCertificate &certificate, const QString &host)
{
    if (certificate.isNull())
        return QStringLiteral("the server presented no certificate");
    const QHostAddress address(host);
    const auto alternatives = certificate.subjectAlternativeNames();
    bool hasAlternatives = false;
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
        if (it.key() == QSsl::AlternativeNameEntryType::IpAddressEntry) {
            hasAlternatives = true;
            if (!address.isNull()
                && QHostAddress(it.value()).isEqual(address, QHostAddress::StrictConversion))
                return {};
        } else if (it.key() == QSsl::AlternativeNameEntryType::DnsEntry) {
            hasAlternatives = true;
            if (address.isNull() && dnsNameMatches(it.value(), host))
                return {};
        }
    }
    const QStringList names = certificateNames(certificate);
    if (!hasAlternatives) {
        for (const QString &commonName : names) {
            if (address.isNull() ? dnsNameMatches(commonName, host)
                                 : QHostAddress(commonName).isEqual(address))
                return {};
        }
    }
    const QString listed = names.isEmpty()
        ? QStringLiteral("no name at all")
        : QStringLiteral("'%1'").arg(names.join(QStringLiteral("', '")));
    QString sentence = QStringLiteral("its certificate is for %1, not for '%2'").arg(listed, host);
    const QStringList commonNames = certificate.subjectInfo(QSslCertificate::CommonName);
    if (hasAlternatives) {
        for (const QString &commonName : commonNames) {
            if (address.isNull() ? dnsNameMatches(commonName, host) : commonName == host) {
                sentence += QStringLiteral(" (its common name says '%1', but a certificate with "
                                           "alternative names is only valid for those, RFC 6125)")
                                .arg(commonName);
                break;
            }
        }
    }
    return sentence;
}

QString describeHandshakeFailure(const QUrl &url, const QList<QSslError> &errors)
{
    const QString where = NetworkErrorText::hostAndPort(url);
    QStringList problems;
    QStringList hints;
    const auto hint = [&hints](const QString &text) {
        if (!hints.contains(text))
            hints << text;
    };
    for (const QSslError &error : errors) {
        const QSslCertificate certificate = error.certificate();
        switch (error.error()) {
        case QSslError::HostNameMismatch:
            problems << QStringLiteral("%1 (%2)").arg(
                error.errorString(), hostNameProblem(certificate, url.host()));
            hint(QStringLiteral("use a host name the certificate lists, or have the certificate "
                                "reissued to include '%1'")
                     .arg(url.host()));
            continue;
        case QSslError::CertificateExpired:
            problems << (certificate.isNull()
                    ? error.errorString()
                    : QStringLiteral("%1 (on %2)")
                          .arg(error.errorString(),
                              certificate.expiryDate().toUTC().toString(Qt::ISODate)));
            hint(QStringLiteral("the server needs a renewed certificate — adding a CA bundle does "
                                "not help; if the date has not passed yet, check this computer's "
                                "clock"));
            continue;
        case QSslError::CertificateNotYetValid:
            problems << (certificate.isNull()
                    ? error.errorString()
                    : QStringLiteral("%1 (from %2)")
                          .arg(error.errorString(),
                              certificate.effectiveDate().toUTC().toString(Qt::ISODate)));
            hint(QStringLiteral("check this computer's clock and time zone"));
            continue;
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
        case QSslError::InvalidCaCertificate:
        case QSslError::CertificateRejected:
            problems << error.errorString();
            hint(
                QStringLiteral("the certificate is not trusted; add its CA bundle to the profile"));
            continue;
        case QSslError::CertificateRevoked:
            problems << error.errorString();
            hint(QStringLiteral("the certificate was revoked; the server needs a new one"));
            continue;
        default:
            problems << error.errorString();
            continue;
        }
    }
    QString text = QStringLiteral("the TLS handshake with %1 failed: %2")
                       .arg(where, problems.join(QStringLiteral("; ")));
    if (!hints.isEmpty())
        text += QStringLiteral(" — ") + hints.join(QStringLiteral("; "));
    return text + QStringLiteral(" (certificate checks are never switched off)");
}

#endif

} // namespace JobDesk::TlsVerification
