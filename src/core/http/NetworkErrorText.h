// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkReply>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace JobDesk {

/// Plain sentences for transport failures (used by HttpExchange).
namespace NetworkErrorText {

/// "host:port" of a URL, with the scheme's default port filled in.
QString hostAndPort(const QUrl &url);
/// What went wrong, in words a support engineer can act on. `qtMessage` is the reply's
/// errorString(), used for failures without a better explanation. (A TLS handshake that failed
/// over named certificate problems: TlsVerification::describeHandshakeFailure().)
QString describe(QNetworkReply::NetworkError error, const QUrl &url, const QString &qtMessage);
/// "30" or "1.5": a duration in seconds, as the sentences say it.
QString seconds(std::chrono::milliseconds duration);
/// "no answer within 30 s" (or "1.5 s").
QString noAnswerWithin(std::chrono::milliseconds timeout);
/// True for errors that QNetworkReply reports together with an HTTP status (4xx/5xx answers):
/// these are server answers, not transport failures.
bool isHttpStatusError(QNetworkReply::NetworkError error);

} // namespace NetworkErrorText
} // namespace JobDesk
