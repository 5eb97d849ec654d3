// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/NetworkErrorText.h"

namespace JobDesk::NetworkErrorText {

QString hostAndPort(const QUrl &url)
{
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    return QStringLiteral("%1:%2").arg(url.host()).arg(url.port(defaultPort));
}

QString seconds(std::chrono::milliseconds duration)
{
    const qint64 ms = duration.count();
    return ms % 1000 == 0 ? QString::number(ms / 1000)
                          : QString::number(static_cast<double>(ms) / 1000.0, 'g', 4);
}

QString noAnswerWithin(std::chrono::milliseconds timeout)
{
    return QStringLiteral("no answer within %1 s").arg(seconds(timeout));
}

bool isHttpStatusError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::NoError:
    case QNetworkReply::ContentAccessDenied:
    case QNetworkReply::ContentOperationNotPermittedError:
    case QNetworkReply::ContentNotFoundError:
    case QNetworkReply::AuthenticationRequiredError:
    case QNetworkReply::ContentConflictError:
    case QNetworkReply::ContentGoneError:
    case QNetworkReply::UnknownContentError:
    case QNetworkReply::ProtocolInvalidOperationError:
    case QNetworkReply::InternalServerError:
    case QNetworkReply::OperationNotImplementedError:
    case QNetworkReply::ServiceUnavailableError:
    case QNetworkReply::UnknownServerError:
        return true;
    default:
        return false;
    }
}

QString describe(QNetworkReply::NetworkError error, const QUrl &url, const QString &qtMessage)
{
    const QString where = hostAndPort(url);
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral(
            "nothing is listening at %1 — is the cluster or port-forward running?")
            .arg(where);
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("the host name '%1' could not be resolved — check the address for a "
                              "typo, and your DNS or VPN")
            .arg(url.host());
    case QNetworkReply::TimeoutError:
        return QStringLiteral("the connection to %1 timed out — a firewall, a wrong address, or "
                              "the host is down")
            .arg(where);
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("%1 closed the connection without answering — wrong port, or http "
                              "where https is expected (or the other way round)?")
            .arg(where);
    case QNetworkReply::SslHandshakeFailedError:
        // With the certificate problems at hand, TlsVerification::describeHandshakeFailure().
        return QStringLiteral("the TLS handshake with %1 failed: %2 — is this an https port?")
            .arg(where, qtMessage);
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
        return QStringLiteral("the network is not available (%1)").arg(qtMessage);
    case QNetworkReply::ProxyConnectionRefusedError:
        return QStringLiteral("the proxy refused the connection — check the http_proxy / "
                              "https_proxy settings");
    case QNetworkReply::ProxyConnectionClosedError:
        return QStringLiteral("the proxy closed the connection before the answer arrived");
    case QNetworkReply::ProxyNotFoundError:
        return QStringLiteral("the proxy host could not be found — check the http_proxy / "
                              "https_proxy settings");
    case QNetworkReply::ProxyTimeoutError:
        return QStringLiteral("the proxy did not answer in time");
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return QStringLiteral("the proxy requires authentication");
    case QNetworkReply::UnknownProxyError:
        return QStringLiteral("proxy error: %1").arg(qtMessage);
    case QNetworkReply::ProtocolUnknownError:
        return QStringLiteral("the scheme '%1' is not supported; use http or https")
            .arg(url.scheme());
    case QNetworkReply::ProtocolFailure:
        return QStringLiteral("%1 did not answer with valid HTTP — is this the REST port (8080) "
                              "and not the gRPC port (26500)?")
            .arg(where);
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return QStringLiteral("%1 redirected the request (%2)").arg(where, qtMessage);
    case QNetworkReply::OperationCanceledError:
        return QStringLiteral("the request to %1 was aborted").arg(where);
    default:
        return QStringLiteral("network error talking to %1: %2").arg(where, qtMessage);
    }
}

} // namespace JobDesk::NetworkErrorText
