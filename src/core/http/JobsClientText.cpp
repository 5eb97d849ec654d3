// SPDX-License-Identifier: GPL-3.0-or-later
// The pure text functions of JobsClient: API root normalisation and curl export.
#include "core/http/JobsClient.h"

#include <QRegularExpression>

namespace JobDesk {

namespace {

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool isRedacted(const QByteArray &value)
{
    return value.contains(AuthProvider::kRedacted);
}

} // namespace

JobsClient::ApiRoot JobsClient::normalizeApiRoot(const QString &address)
{
    ApiRoot root;
    const QString text = address.trimmed();
    if (text.isEmpty()) {
        root.error = QStringLiteral("no address given — e.g. http://localhost:8080");
        return root;
    }
    if (text.contains(QRegularExpression(QStringLiteral("\\s")))) {
        root.error = QStringLiteral("the address '%1' contains spaces").arg(text);
        return root;
    }
    if (!text.contains(QLatin1String("://"))) {
        root.error = QStringLiteral("the address '%1' has no scheme — start it with http:// or "
                                    "https://")
                         .arg(text);
        return root;
    }
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        root.error = QStringLiteral("'%1' is not a valid address: %2").arg(text, url.errorString());
        return root;
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        root.error = QStringLiteral("the address '%1' uses '%2:'; only http and https are "
                                    "supported")
                         .arg(text, url.scheme());
        return root;
    }
    if (url.host().isEmpty()) {
        root.error = QStringLiteral("the address '%1' has no host name").arg(text);
        return root;
    }
    if (!url.userInfo().isEmpty()) {
        root.error = QStringLiteral("the address must not contain a user name or password — put "
                                    "credentials into the connection's authentication settings");
        return root;
    }
    if (url.hasQuery() || url.hasFragment()) {
        root.error = QStringLiteral("the address '%1' must not contain '?' or '#'").arg(text);
        return root;
    }
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.endsWith(QLatin1String("/v1"))) {
        root.error = QStringLiteral("'%1' points to the old v1 API; JobDesk uses /v2 — give the "
                                    "address without /v1")
                         .arg(text);
        return root;
    }
    if (!path.endsWith(QLatin1String("/v2")))
        path += QLatin1String("/v2");
    QUrl normalized = url;
    normalized.setScheme(scheme);
    normalized.setPath(path + QLatin1Char('/'));
    root.url = normalized;
    return root;
}

QString JobsClient::toCurl(const RequestRecord &request)
{
    const QString continuation = QStringLiteral(" \\\n  ");
    QString command = QStringLiteral("curl -sS");
    const QByteArray method = request.method.isEmpty() ? QByteArrayLiteral("GET") : request.method;
    if (method != "GET")
        command += QStringLiteral(" -X ") + QString::fromLatin1(method);
    command += QLatin1Char(' ') + shellQuote(request.url.toString(QUrl::FullyEncoded));
    for (const auto &[name, value] : request.headers) {
        if (name.compare("User-Agent", Qt::CaseInsensitive) == 0)
            continue; // curl's own is fine; ours names a JobDesk version that did not send it
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0 && isRedacted(value)) {
            // Placeholders the shell fills in, so the command works without showing the secret.
            if (value.startsWith("Bearer "))
                command
                    += continuation + QStringLiteral("-H \"Authorization: Bearer $CAMUNDA_TOKEN\"");
            else if (value.startsWith("Basic "))
                command += continuation
                    + QStringLiteral(
                        "-u \"$CAMUNDA_BASIC_AUTH_USERNAME:$CAMUNDA_BASIC_AUTH_PASSWORD\"");
            else
                command += continuation
                    + QStringLiteral("-H \"Authorization: $CAMUNDA_AUTHORIZATION\"");
            continue;
        }
        command += continuation + QStringLiteral("-H ")
            + shellQuote(QString::fromUtf8(name) + QStringLiteral(": ") + QString::fromUtf8(value));
    }
    if (!request.body.isEmpty()) {
        const QString body = QString::fromUtf8(request.body);
        const QString delimiter = QStringLiteral("JSON");
        const bool multiLine = body.contains(QLatin1Char('\n'));
        const bool delimiterClash = body.split(QLatin1Char('\n')).contains(delimiter);
        if (multiLine && !delimiterClash) {
            // A here-document keeps a multi-line payload readable and needs no escaping.
            command += continuation + QStringLiteral("--data-binary @- <<'") + delimiter
                + QStringLiteral("'\n") + body;
            if (!body.endsWith(QLatin1Char('\n')))
                command += QLatin1Char('\n');
            command += delimiter;
        } else {
            command += continuation + QStringLiteral("--data-raw ") + shellQuote(body);
        }
    }
    return command;
}

} // namespace JobDesk
