// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ProfileImport.h"

#include "core/base/AtomicFile.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace JobDesk::ProfileImport {

namespace {

const QLatin1String kSaasTokenUrl("https://login.cloud.camunda.io/oauth/token");
const QLatin1String kSaasAudience("zeebe.camunda.io");

// Every variable this import understands (so "nothing found" can be told apart).
const char *const kKnown[] = {
    "CAMUNDA_REST_ADDRESS",
    "ZEEBE_REST_ADDRESS",
    "ZEEBE_ADDRESS",
    "ZEEBE_GRPC_ADDRESS",
    "CAMUNDA_CLUSTER_ID",
    "CAMUNDA_CLUSTER_REGION",
    "CAMUNDA_AUTH_STRATEGY",
    "CAMUNDA_CLIENT_ID",
    "CAMUNDA_CLIENT_AUTH_CLIENTID",
    "ZEEBE_CLIENT_ID",
    "CAMUNDA_CLIENT_SECRET",
    "CAMUNDA_CLIENT_AUTH_CLIENTSECRET",
    "ZEEBE_CLIENT_SECRET",
    "CAMUNDA_OAUTH_URL",
    "ZEEBE_AUTHORIZATION_SERVER_URL",
    "ZEEBE_TOKEN_URL",
    "CAMUNDA_TOKEN_AUDIENCE",
    "ZEEBE_TOKEN_AUDIENCE",
    "CAMUNDA_TOKEN_SCOPE",
    "CAMUNDA_OAUTH_SCOPE",
    "ZEEBE_TOKEN_SCOPE",
    "CAMUNDA_BASIC_AUTH_USERNAME",
    "CAMUNDA_BASIC_AUTH_PASSWORD",
    "CAMUNDA_OAUTH_TOKEN",
    "CAMUNDA_MTLS_CA_PATH",
    "ZEEBE_CA_CERTIFICATE_PATH",
    "CAMUNDA_MTLS_CERT_PATH",
    "CAMUNDA_MTLS_KEY_PATH",
    "CAMUNDA_MTLS_KEY_PASSPHRASE",
};

// The first non-empty value among `names`.
QString first(const Variables &v, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        const QString value = v.value(QLatin1String(name)).trimmed();
        if (!value.isEmpty())
            return value;
    }
    return QString();
}

// "<clusterId>.<region>.zeebe.camunda.io[:443]" (the SaaS gRPC address), optionally with a
// grpcs:// or https:// scheme.
bool splitSaasGrpcAddress(const QString &address, QString *clusterId, QString *region)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^(?:[a-z]+://)?([0-9a-fA-F-]{8,})\\.([a-z0-9-]+)\\.zeebe\\.camunda\\.io(?::\\d+)?/?$"));
    const auto match = pattern.match(address.trimmed());
    if (!match.hasMatch())
        return false;
    *clusterId = match.captured(1);
    *region = match.captured(2);
    return true;
}

bool isLoopback(const QString &address)
{
    const QString host = QUrl(address).host();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress ip(host);
    return !ip.isNull() && ip.isLoopback();
}

} // namespace

QString saasApiAddress(const QString &region, const QString &clusterId)
{
    return QStringLiteral("https://%1.zeebe.camunda.io/%2").arg(region, clusterId);
}

ProfileImportResult fromVariables(const Variables &v, const QString &profileName)
{
    ProfileImportResult result;
    Profile &p = result.profile;
    bool anything = false;
    for (const char *name : kKnown)
        anything = anything || !v.value(QLatin1String(name)).trimmed().isEmpty();
    if (!anything) {
        result.error = QStringLiteral("No Camunda connection settings found (such as "
                                      "CAMUNDA_REST_ADDRESS or ZEEBE_ADDRESS).");
        return result;
    }

    // Address.
    QString clusterId = first(v, {"CAMUNDA_CLUSTER_ID"});
    QString region = first(v, {"CAMUNDA_CLUSTER_REGION"});
    const QString grpcAddress = first(v, {"ZEEBE_GRPC_ADDRESS", "ZEEBE_ADDRESS"});
    p.apiAddress = first(v, {"CAMUNDA_REST_ADDRESS", "ZEEBE_REST_ADDRESS"});
    if (p.apiAddress.isEmpty()) {
        if (clusterId.isEmpty() || region.isEmpty()) {
            QString grpcCluster, grpcRegion;
            if (splitSaasGrpcAddress(grpcAddress, &grpcCluster, &grpcRegion)) {
                clusterId = clusterId.isEmpty() ? grpcCluster : clusterId;
                region = region.isEmpty() ? grpcRegion : region;
            }
        }
        if (!clusterId.isEmpty() && !region.isEmpty()) {
            p.apiAddress = saasApiAddress(region, clusterId);
            result.notes.append(QStringLiteral("API address derived from the cluster id and "
                                               "region: %1")
                                    .arg(p.apiAddress));
        } else if (!grpcAddress.isEmpty()) {
            result.error = QStringLiteral("Only a gRPC address (%1) is given; JobDesk needs the "
                                          "REST address (CAMUNDA_REST_ADDRESS or "
                                          "ZEEBE_REST_ADDRESS).")
                               .arg(grpcAddress);
            return result;
        } else {
            result.error = QStringLiteral("No REST address: set CAMUNDA_REST_ADDRESS (or "
                                          "ZEEBE_REST_ADDRESS, or CAMUNDA_CLUSTER_ID and "
                                          "CAMUNDA_CLUSTER_REGION).");
            return result;
        }
    }
    const bool saas = QUrl(p.apiAddress).host().endsWith(QLatin1String(".camunda.io"));

    // Credentials.
    p.clientId = first(v, {"CAMUNDA_CLIENT_ID", "CAMUNDA_CLIENT_AUTH_CLIENTID", "ZEEBE_CLIENT_ID"});
    const QString clientSecret = first(
        v, {"CAMUNDA_CLIENT_SECRET", "CAMUNDA_CLIENT_AUTH_CLIENTSECRET", "ZEEBE_CLIENT_SECRET"});
    p.tokenUrl
        = first(v, {"CAMUNDA_OAUTH_URL", "ZEEBE_AUTHORIZATION_SERVER_URL", "ZEEBE_TOKEN_URL"});
    p.audience = first(v, {"CAMUNDA_TOKEN_AUDIENCE", "ZEEBE_TOKEN_AUDIENCE"});
    p.scope = first(v, {"CAMUNDA_TOKEN_SCOPE", "CAMUNDA_OAUTH_SCOPE", "ZEEBE_TOKEN_SCOPE"});
    p.username = first(v, {"CAMUNDA_BASIC_AUTH_USERNAME"});
    const QString password = v.value(QStringLiteral("CAMUNDA_BASIC_AUTH_PASSWORD"));
    const QString token = first(v, {"CAMUNDA_OAUTH_TOKEN"});
    p.caBundlePath = first(v, {"CAMUNDA_MTLS_CA_PATH", "ZEEBE_CA_CERTIFICATE_PATH"});
    p.clientCertPath = first(v, {"CAMUNDA_MTLS_CERT_PATH"});
    p.clientKeyPath = first(v, {"CAMUNDA_MTLS_KEY_PATH"});
    const QString keyPassphrase = v.value(QStringLiteral("CAMUNDA_MTLS_KEY_PASSPHRASE"));

    const QString strategy = first(v, {"CAMUNDA_AUTH_STRATEGY"});
    if (!strategy.isEmpty()) {
        const auto kind = authKindFromName(strategy);
        if (!kind) {
            result.error = QStringLiteral("CAMUNDA_AUTH_STRATEGY=%1 is not one of NONE, BASIC, "
                                          "OAUTH, BEARER.")
                               .arg(strategy);
            return result;
        }
        p.authKind = *kind;
    } else {
        const bool oauth = !p.clientId.isEmpty() && !clientSecret.isEmpty();
        const bool basic = !p.username.isEmpty() && !password.isEmpty();
        if (oauth && basic) {
            result.error = QStringLiteral("Both OAuth and Basic credentials are set: set "
                                          "CAMUNDA_AUTH_STRATEGY to choose one.");
            return result;
        }
        p.authKind = oauth     ? Profile::AuthKind::OAuth
            : basic            ? Profile::AuthKind::Basic
            : !token.isEmpty() ? Profile::AuthKind::Bearer
                               : Profile::AuthKind::None;
    }

    switch (p.authKind) {
    case Profile::AuthKind::None:
        break;
    case Profile::AuthKind::Basic:
        if (p.username.isEmpty()) {
            result.error
                = QStringLiteral("Basic authentication needs CAMUNDA_BASIC_AUTH_USERNAME.");
            return result;
        }
        if (!password.isEmpty())
            result.secrets.insert(SecretKind::Password, password.toUtf8());
        else
            result.notes.append(QStringLiteral("No password given: enter it in the profile."));
        break;
    case Profile::AuthKind::Bearer:
        if (!token.isEmpty())
            result.secrets.insert(SecretKind::Token, token.toUtf8());
        else
            result.notes.append(QStringLiteral("No token given: enter it in the profile."));
        break;
    case Profile::AuthKind::OAuth:
        if (p.clientId.isEmpty()) {
            result.error = QStringLiteral("OAuth needs a client id (CAMUNDA_CLIENT_ID or "
                                          "ZEEBE_CLIENT_ID).");
            return result;
        }
        if (p.tokenUrl.isEmpty() && saas) {
            p.tokenUrl = kSaasTokenUrl;
            result.notes.append(
                QStringLiteral("Token URL set to Camunda SaaS's %1.").arg(p.tokenUrl));
        }
        if (p.audience.isEmpty() && saas) {
            p.audience = kSaasAudience;
            result.notes.append(
                QStringLiteral("Audience set to Camunda SaaS's %1.").arg(p.audience));
        }
        if (!clientSecret.isEmpty())
            result.secrets.insert(SecretKind::ClientSecret, clientSecret.toUtf8());
        else
            result.notes.append(QStringLiteral("No client secret given: enter it in the profile."));
        break;
    }
    if (!p.clientKeyPath.isEmpty() && !keyPassphrase.isEmpty())
        result.secrets.insert(SecretKind::KeyPassphrase, keyPassphrase.toUtf8());
    if (!first(v, {"CAMUNDA_CREDENTIALS_SCOPES"}).isEmpty())
        result.notes.append(QStringLiteral("CAMUNDA_CREDENTIALS_SCOPES lists the Console scopes "
                                           "of the client; it is not an OAuth scope and was not "
                                           "used."));

    // Name and environment tag.
    p.name = profileName;
    if (p.name.isEmpty()) {
        if (saas && !clusterId.isEmpty())
            p.name = QStringLiteral("SaaS %1 %2").arg(region, clusterId.left(8));
        else
            p.name = QUrl(p.apiAddress).host();
    }
    if (isLoopback(p.apiAddress)) {
        p.environment = Profile::Environment::Dev;
    } else {
        // Unknown remote clusters are treated as production until the person says otherwise:
        // a confirmation too many is better than an unnoticed change in production.
        p.environment = Profile::Environment::Prod;
        result.notes.append(QStringLiteral("Tagged as production; change the tag if this is a "
                                           "development or test cluster."));
    }
    if (const QString problem = p.validationError(); !problem.isEmpty())
        result.error = problem;
    return result;
}

ProfileImportResult fromEnvironment(
    const QProcessEnvironment &environment, const QString &profileName)
{
    Variables variables;
    const QStringList keys = environment.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QLatin1String("CAMUNDA_")) || key.startsWith(QLatin1String("ZEEBE_")))
            variables.insert(key, environment.value(key));
    }
    return fromVariables(variables, profileName);
}

ProfileImportResult fromCredentialsFile(const QString &path, const QString &profileName)
{
    ProfileImportResult result;
    QByteArray data;
    if (!AtomicFile::read(path, &data, &result.error, 1024 * 1024))
        return result;
    QList<int> ignored;
    const Variables variables = parseCredentialsText(QString::fromUtf8(data), &ignored);
    if (variables.isEmpty()) {
        result.error = QStringLiteral("%1 holds no KEY=value lines; is it the credentials file "
                                      "from Camunda Console?")
                           .arg(QFileInfo(path).fileName());
        return result;
    }
    result = fromVariables(variables, profileName);
    for (const int line : ignored)
        result.notes.append(
            QStringLiteral("Line %1 of the file was not understood and ignored.").arg(line));
    return result;
}

Variables parseCredentialsText(const QString &text, QList<int> *ignoredLines)
{
    Variables variables;
    static const QRegularExpression assignment(
        QStringLiteral("^\\s*(?:export\\s+|set\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)$"));
    const QStringList lines = text.split(u'\n');
    for (int n = 0; n < lines.size(); ++n) {
        QString line = lines.at(n);
        if (n == 0 && line.startsWith(QChar(0xFEFF)))
            line.remove(0, 1);
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const auto match = assignment.match(line);
        if (!match.hasMatch()) {
            if (ignoredLines)
                ignoredLines->append(n + 1);
            continue;
        }
        // The value, shell style: adjacent quoted and unquoted parts are joined ('a'"b"c).
        const QString raw = match.captured(2);
        QString value;
        bool ok = true;
        int i = 0;
        while (i < raw.size()) {
            const QChar c = raw.at(i);
            if (c == u'\'') {
                const int end = raw.indexOf(u'\'', i + 1);
                if (end < 0) {
                    ok = false;
                    break;
                }
                value += raw.mid(i + 1, end - i - 1);
                i = end + 1;
            } else if (c == u'"') {
                ++i;
                bool closed = false;
                while (i < raw.size()) {
                    const QChar d = raw.at(i);
                    if (d == u'\\' && i + 1 < raw.size()
                        && QStringLiteral("\"\\$`").contains(raw.at(i + 1))) {
                        value += raw.at(i + 1);
                        i += 2;
                    } else if (d == u'"') {
                        closed = true;
                        ++i;
                        break;
                    } else {
                        value += d;
                        ++i;
                    }
                }
                if (!closed) {
                    ok = false;
                    break;
                }
            } else if (c.isSpace() || (c == u'#' && (i == 0 || raw.at(i - 1).isSpace()))) {
                // Unquoted whitespace ends the value; a comment may follow.
                break;
            } else if (c == u'\\' && i + 1 < raw.size()) {
                value += raw.at(i + 1); // unquoted backslash escapes the next character
                i += 2;
            } else if (c == u';') {
                break;
            } else {
                value += c;
                ++i;
            }
        }
        if (!ok) {
            if (ignoredLines)
                ignoredLines->append(n + 1);
            continue;
        }
        variables.insert(match.captured(1), value);
    }
    return variables;
}

} // namespace JobDesk::ProfileImport
