// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ProfileImport.h"

#include "core/base/AtomicFile.h"
#include "core/connection/SdkEnvironment.h"

#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

namespace JobDesk::ProfileImport {

namespace {

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
    const SdkSettings sdk = SdkEnvironment::read(v);
    if (!sdk.anySet) {
        result.error = QStringLiteral("No Camunda connection settings found (such as "
                                      "CAMUNDA_REST_ADDRESS or ZEEBE_ADDRESS).");
        return result;
    }
    if (!sdk.ok()) {
        result.error = sdk.error;
        return result;
    }

    // Address: the SDK's, else derived from the Console file's cluster id and region.
    QString clusterId = sdk.clusterId;
    QString region = sdk.clusterRegion;
    p.apiAddress = sdk.restAddress;
    if (p.apiAddress.isEmpty()) {
        if (clusterId.isEmpty() || region.isEmpty()) {
            QString grpcCluster, grpcRegion;
            if (splitSaasGrpcAddress(sdk.grpcAddress, &grpcCluster, &grpcRegion)) {
                clusterId = clusterId.isEmpty() ? grpcCluster : clusterId;
                region = region.isEmpty() ? grpcRegion : region;
            }
        }
        if (!clusterId.isEmpty() && !region.isEmpty()) {
            p.apiAddress = saasApiAddress(region, clusterId);
            result.notes.append(QStringLiteral("API address derived from the cluster id and "
                                               "region: %1")
                                    .arg(p.apiAddress));
        } else if (!sdk.grpcAddress.isEmpty()) {
            result.error = QStringLiteral("Only a gRPC address (%1) is given; JobDesk needs the "
                                          "REST address (CAMUNDA_REST_ADDRESS or "
                                          "ZEEBE_REST_ADDRESS).")
                               .arg(sdk.grpcAddress);
            return result;
        } else {
            result.error = QStringLiteral("No REST address: set CAMUNDA_REST_ADDRESS (or "
                                          "ZEEBE_REST_ADDRESS, or CAMUNDA_CLUSTER_ID and "
                                          "CAMUNDA_CLUSTER_REGION).");
            return result;
        }
    }
    const bool saas = QUrl(p.apiAddress).host().endsWith(QLatin1String(".camunda.io"));

    // Authentication, exactly as the SDK reader resolved it; only the secret may be missing.
    p.authKind = sdk.auth.kind;
    p.username = sdk.auth.username;
    p.clientId = sdk.auth.clientId;
    p.tokenUrl = sdk.auth.tokenUrl;
    p.audience = sdk.auth.audience;
    p.scope = sdk.auth.scope;
    switch (p.authKind) {
    case AuthKind::None:
        break;
    case AuthKind::Basic:
        if (p.username.isEmpty()) {
            result.error
                = QStringLiteral("Basic authentication needs CAMUNDA_BASIC_AUTH_USERNAME.");
            return result;
        }
        if (!sdk.secrets.contains(SecretKind::Password))
            result.notes.append(QStringLiteral("No password given: enter it in the profile."));
        break;
    case AuthKind::Bearer:
        if (!sdk.secrets.contains(SecretKind::Token))
            result.notes.append(QStringLiteral("No token given: enter it in the profile."));
        break;
    case AuthKind::OAuth:
        if (p.clientId.isEmpty()) {
            result.error = QStringLiteral("OAuth needs a client id (CAMUNDA_CLIENT_ID or "
                                          "ZEEBE_CLIENT_ID).");
            return result;
        }
        if (!sdk.secrets.contains(SecretKind::ClientSecret))
            result.notes.append(QStringLiteral("No client secret given: enter it in the profile."));
        break;
    }
    result.secrets = sdk.secrets;
    result.notes += sdk.notes;

    // TLS: files go into the profile; inline PEM would have to be written somewhere.
    p.caBundlePath = sdk.tls.caBundleFile;
    p.clientCertPath = sdk.tls.clientCertificateFile;
    p.clientKeyPath = sdk.tls.clientKeyFile;
    if (!sdk.tls.caBundlePem.isEmpty() || !sdk.tls.clientCertificatePem.isEmpty()
        || !sdk.tls.clientKeyPem.isEmpty()) {
        result.notes.append(QStringLiteral("The inline PEM material (CAMUNDA_MTLS_CA, _CERT, _KEY) "
                                           "is not kept in a profile, which holds file paths "
                                           "only: save it to files and set their paths."));
        if (!sdk.tls.clientKeyPem.isEmpty()) {
            // Without its key the certificate is useless, and so is the passphrase.
            p.clientCertPath.clear();
            p.clientKeyPath.clear();
            result.secrets.values.remove(SecretKind::KeyPassphrase);
        }
    }
    if (p.clientKeyPath.isEmpty())
        result.secrets.values.remove(SecretKind::KeyPassphrase);
    p.tenantId = sdk.tenantId;

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
    return fromVariables(SdkEnvironment::variablesOf(environment), profileName);
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
