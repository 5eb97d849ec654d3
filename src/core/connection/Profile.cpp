// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/Profile.h"

#include "core/base/UrlSecrets.h"

#include <QJsonValue>
#include <QRegularExpression>
#include <QUrl>

namespace JobDesk {

QString Profile::effectiveColour() const
{
    return colour.isEmpty() ? defaultEnvironmentColour(environment) : colour;
}

QList<SecretKind> Profile::secretKinds() const
{
    QList<SecretKind> kinds;
    switch (authKind) {
    case AuthKind::None:
        break;
    case AuthKind::Basic:
        kinds.append(SecretKind::Password);
        break;
    case AuthKind::Bearer:
        kinds.append(SecretKind::Token);
        break;
    case AuthKind::OAuth:
        kinds.append(SecretKind::ClientSecret);
        break;
    }
    if (!clientKeyPath.isEmpty())
        kinds.append(SecretKind::KeyPassphrase);
    return kinds;
}

QString Profile::nameError(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("The profile needs a name.");
    if (name.trimmed() != name)
        return QStringLiteral("The profile name must not start or end with a space.");
    if (name.size() > 100)
        return QStringLiteral("The profile name is longer than 100 characters.");
    for (const QChar c : name) {
        if (c == u'/')
            return QStringLiteral("The profile name must not contain '/'.");
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("The profile name must not contain control characters.");
    }
    return QString();
}

namespace {
QString urlError(const QString &what, const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("The %1 \"%2\" is not a valid URL.").arg(what, text);
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return QStringLiteral("The %1 must start with http:// or https://.").arg(what);
    return QString();
}
} // namespace

QString Profile::validationError() const
{
    if (const QString error = nameError(name); !error.isEmpty())
        return error;
    if (apiAddress.trimmed().isEmpty())
        return QStringLiteral("The profile needs an API address.");
    if (const QString error = urlError(QStringLiteral("API address"), apiAddress.trimmed());
        !error.isEmpty())
        return error;
    if (!colour.isEmpty()
        && !QRegularExpression(QStringLiteral("^#[0-9a-fA-F]{6}$")).match(colour).hasMatch())
        return QStringLiteral("The colour must look like #rrggbb.");
    if (timeoutSeconds < 1 || timeoutSeconds > 3600)
        return QStringLiteral("The timeout must be between 1 and 3600 seconds.");
    switch (authKind) {
    case AuthKind::None:
    case AuthKind::Bearer:
        break;
    case AuthKind::Basic:
        if (username.isEmpty())
            return QStringLiteral("Basic authentication needs a user name.");
        break;
    case AuthKind::OAuth:
        if (clientId.isEmpty())
            return QStringLiteral("OAuth needs a client id.");
        if (tokenUrl.trimmed().isEmpty())
            return QStringLiteral("OAuth needs a token URL.");
        if (const QString error = urlError(QStringLiteral("token URL"), tokenUrl.trimmed());
            !error.isEmpty())
            return error;
        if (const std::optional<QString> secret = secretInUrl(QUrl(tokenUrl.trimmed())))
            return QStringLiteral("The token URL must not contain %1: profiles are saved in a "
                                  "plain file. Keep the client secret in the secret field (the "
                                  "OS keychain).")
                .arg(*secret);
        break;
    }
    if (!clientKeyPath.isEmpty() && clientCertPath.isEmpty())
        return QStringLiteral("A client key needs its client certificate.");
    if (!clientCertPath.isEmpty() && clientKeyPath.isEmpty())
        return QStringLiteral("A client certificate needs its key.");
    return QString();
}

namespace {
void putIfSet(QJsonObject &json, const char *key, const QString &value)
{
    if (!value.isEmpty())
        json.insert(QLatin1String(key), value);
}
} // namespace

QJsonObject Profile::toJson() const
{
    QJsonObject json;
    json.insert(QLatin1String("name"), name);
    json.insert(QLatin1String("apiAddress"), apiAddress);
    json.insert(QLatin1String("environment"), environmentName(environment));
    // "color": the file format of every JobDesk so far (a key, not an identifier).
    putIfSet(json, "color", colour);
    json.insert(QLatin1String("auth"), authKindName(authKind));
    putIfSet(json, "username", username);
    putIfSet(json, "tokenUrl", tokenUrl);
    putIfSet(json, "clientId", clientId);
    putIfSet(json, "audience", audience);
    putIfSet(json, "scope", scope);
    putIfSet(json, "caBundlePath", caBundlePath);
    putIfSet(json, "clientCertPath", clientCertPath);
    putIfSet(json, "clientKeyPath", clientKeyPath);
    putIfSet(json, "tenantId", tenantId);
    json.insert(QLatin1String("timeoutSeconds"), timeoutSeconds);
    return json;
}

std::optional<Profile> Profile::fromJson(const QJsonObject &json, QString *error)
{
    auto failed = [error](const QString &message) -> std::optional<Profile> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    Profile profile;
    const struct
    {
        const char *key;
        QString *target;
        bool required;
    } strings[] = {
        {"name", &profile.name, true},
        {"apiAddress", &profile.apiAddress, true},
        {"color", &profile.colour, false},
        {"username", &profile.username, false},
        {"tokenUrl", &profile.tokenUrl, false},
        {"clientId", &profile.clientId, false},
        {"audience", &profile.audience, false},
        {"scope", &profile.scope, false},
        {"caBundlePath", &profile.caBundlePath, false},
        {"clientCertPath", &profile.clientCertPath, false},
        {"clientKeyPath", &profile.clientKeyPath, false},
        {"tenantId", &profile.tenantId, false},
    };
    for (const auto &field : strings) {
        const QJsonValue value = json.value(QLatin1String(field.key));
        if (value.isUndefined() && !field.required)
            continue;
        if (!value.isString())
            return failed(QStringLiteral("\"%1\" must be a string").arg(QLatin1String(field.key)));
        *field.target = value.toString();
    }
    const QString environment
        = json.value(QLatin1String("environment")).toString(QStringLiteral("dev"));
    const auto parsedEnvironment = environmentFromName(environment);
    if (!parsedEnvironment)
        return failed(QStringLiteral("unknown environment \"%1\"").arg(environment));
    profile.environment = *parsedEnvironment;
    const QString auth = json.value(QLatin1String("auth")).toString(QStringLiteral("none"));
    const auto parsedAuth = authKindFromName(auth);
    if (!parsedAuth)
        return failed(QStringLiteral("unknown auth kind \"%1\"").arg(auth));
    profile.authKind = *parsedAuth;
    const QJsonValue timeout = json.value(QLatin1String("timeoutSeconds"));
    if (!timeout.isUndefined()) {
        if (!timeout.isDouble())
            return failed(QStringLiteral("\"timeoutSeconds\" must be a number"));
        profile.timeoutSeconds = timeout.toInt(kDefaultTimeoutSeconds);
    }
    return profile;
}

bool operator==(const Profile &a, const Profile &b)
{
    return a.name == b.name && a.apiAddress == b.apiAddress && a.environment == b.environment
        && a.colour == b.colour && a.authKind == b.authKind && a.username == b.username
        && a.tokenUrl == b.tokenUrl && a.clientId == b.clientId && a.audience == b.audience
        && a.scope == b.scope && a.caBundlePath == b.caBundlePath
        && a.clientCertPath == b.clientCertPath && a.clientKeyPath == b.clientKeyPath
        && a.tenantId == b.tenantId && a.timeoutSeconds == b.timeoutSeconds;
}

} // namespace JobDesk
