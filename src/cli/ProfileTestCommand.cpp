// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ProfileTestCommand.h"

#include "cli/Console.h"
#include "cli/Output.h"
#include "cli/ProfileCommand.h"
#include "core/connection/ConnectionFactory.h"
#include "core/connection/GatewayVersionCache.h"
#include "core/connection/KeychainSecretStore.h"
#include "core/connection/ProfileSecrets.h"
#include "core/connection/ProfileStore.h"
#include "core/http/ClientConnection.h"
#include "core/http/JobsClient.h"

#include <QMetaEnum>
#include <QNetworkAccessManager>

namespace JobDesk::Cli {

namespace {
QByteArray verdictName(ConnectionCheck::Verdict verdict)
{
    // "Connected" → "connected", "TokenRefused" → "token-refused".
    const QByteArray name
        = QMetaEnum::fromType<ConnectionCheck::Verdict>().valueToKey(int(verdict));
    QByteArray out;
    for (const char c : name) {
        if (c >= 'A' && c <= 'Z' && !out.isEmpty())
            out += '-';
        out += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

QByteArray jsonOrNull(bool present, const QString &text)
{
    return present ? jsonString(text) : QByteArrayLiteral("null");
}
} // namespace

int exitCodeFor(const ConnectionCheck::Result &result)
{
    switch (result.verdict) {
    case ConnectionCheck::Verdict::Connected:
        return ExitOk;
    case ConnectionCheck::Verdict::Unreachable:
        return ExitNoAnswer;
    case ConnectionCheck::Verdict::TokenRefused:
    case ConnectionCheck::Verdict::Unauthorized:
    case ConnectionCheck::Verdict::Forbidden:
    case ConnectionCheck::Verdict::Unexpected:
        break;
    }
    return ExitHttpError;
}

QByteArray formatCheck(const QString &profile, const ConnectionCheck::Result &result, bool json)
{
    const std::optional<Topology> &topology = result.topology;
    const std::optional<WhoAmI> &identity = result.identity;
    if (json) {
        QByteArray out = "{\"profile\":" + jsonString(profile);
        out += ",\"ok\":" + QByteArray(result.ok() ? "true" : "false");
        out += ",\"verdict\":" + jsonString(QString::fromLatin1(verdictName(result.verdict)));
        out += ",\"httpStatus\":"
            + (result.httpStatus ? QByteArray::number(*result.httpStatus) : QByteArray("null"));
        out += ",\"gatewayVersion\":"
            + jsonOrNull(topology && !topology->gatewayVersion.isEmpty(),
                topology ? topology->gatewayVersion : QString());
        out += ",\"brokers\":"
            + (topology ? QByteArray::number(ConnectionCheck::brokerCount(*topology))
                        : QByteArray("null"));
        out += ",\"partitions\":"
            + (topology ? QByteArray::number(ConnectionCheck::partitionCount(*topology))
                        : QByteArray("null"));
        out += ",\"user\":";
        if (identity) {
            QByteArray tenants = "[";
            for (const QString &tenant : ConnectionCheck::tenantIds(*identity))
                tenants += (tenants.size() > 1 ? "," : "") + jsonString(tenant);
            tenants += ']';
            out += "{\"username\":" + jsonOrNull(!identity->username.isEmpty(), identity->username)
                + ",\"displayName\":"
                + jsonOrNull(!identity->displayName.isEmpty(), identity->displayName)
                + ",\"email\":" + jsonOrNull(!identity->email.isEmpty(), identity->email)
                + ",\"tenants\":" + tenants + '}';
        } else {
            out += "null";
        }
        out += ",\"summary\":" + jsonString(result.summary) + "}\n";
        return out;
    }
    QByteArray out = (result.ok() ? "ok: " : "failed: ") + result.summary.toUtf8() + '\n';
    if (topology) {
        if (!topology->gatewayVersion.isEmpty())
            out += "gateway: " + topology->gatewayVersion.toUtf8() + '\n';
        out += "brokers: " + QByteArray::number(ConnectionCheck::brokerCount(*topology)) + '\n';
        out += "partitions: " + QByteArray::number(ConnectionCheck::partitionCount(*topology))
            + '\n';
    }
    if (identity) {
        out += "user: " + ConnectionCheck::describe(*identity).toUtf8() + '\n';
        if (!identity->email.isEmpty())
            out += "email: " + identity->email.toUtf8() + '\n';
        if (const QStringList tenants = ConnectionCheck::tenantIds(*identity); !tenants.isEmpty())
            out += "tenants: " + tenants.join(QStringLiteral(", ")).toUtf8() + '\n';
    }
    return out;
}

ProfileTestCommand::ProfileTestCommand(
    const ProfileTestArguments &arguments, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_arguments(arguments)
    , m_secrets(secrets)
{
}

ProfileTestCommand::~ProfileTestCommand()
{
    // The check and the client refer to the provider and the network manager: first out.
    m_check.reset();
    m_client.reset();
    m_ready.reset();
    m_nam.reset();
}

std::optional<int> ProfileTestCommand::start()
{
    ProfileStore store;
    if (!store.load()) {
        printError(
            QStringLiteral("cannot read the profiles (%1): %2").arg(store.path(), store.error()));
        return ExitUsage;
    }
    const std::optional<Profile> profile = store.find(m_arguments.name);
    if (!profile) {
        printError(QStringLiteral("unknown profile '%1'").arg(m_arguments.name));
        return ExitUsage;
    }
    const ResolvedConnection resolved = ConnectionFactory::fromProfile(*profile);
    if (!resolved.ok()) {
        printError(resolved.error);
        return ExitUsage;
    }
    m_connection = resolved.connection;
    if (m_arguments.timeout) {
        m_connection.timeout = *m_arguments.timeout;
        m_connection.auth.tokenTimeout = *m_arguments.timeout;
    }
    const QList<SecretKind> kinds = m_connection.secretKinds();
    if (kinds.isEmpty()) {
        check({});
        return std::nullopt;
    }
    if (!m_secrets) {
        m_ownSecrets = std::make_unique<KeychainSecretStore>();
        m_secrets = m_ownSecrets.get();
    }
    SecretReadPolicy policy;
    policy.nothingStored = SecretReadPolicy::Then::Stop;
    policy.noKeychain = SecretReadPolicy::Then::Stop;
    readProfileSecrets(m_secrets, m_connection.profileName, kinds, policy, this,
        [this](const SecretReadResult &read) {
            if (const std::optional<int> code
                = reportSecretProblem(read, m_connection.profileName)) {
                emit finished(*code);
                return;
            }
            check(read.secrets);
        });
    return std::nullopt;
}

void ProfileTestCommand::check(const ConnectionSecrets &secrets)
{
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_ready = ConnectionFactory::build(m_connection, secrets, m_nam.get());
    m_client = std::make_unique<JobsClient>(m_nam.get());
    if (const QString tlsError = m_client->setConnection(*m_ready); !tlsError.isEmpty()) {
        printError(QStringLiteral("the TLS files of profile '%1' cannot be used: %2")
                       .arg(m_connection.profileName, tlsError));
        QMetaObject::invokeMethod(
            this, [this] { emit finished(ExitUsage); }, Qt::QueuedConnection);
        return;
    }
    m_versions = std::make_unique<GatewayVersionCache>();
    m_check = std::make_unique<ConnectionCheck>(
        m_client.get(), m_connection.auth.kind, m_versions.get());
    connect(m_check.get(), &ConnectionCheck::finished, this,
        [this](const ConnectionCheck::Result &result) {
            writeOut(formatCheck(m_connection.profileName, result, m_arguments.json));
            emit finished(exitCodeFor(result));
        });
    m_check->start();
}

} // namespace JobDesk::Cli
