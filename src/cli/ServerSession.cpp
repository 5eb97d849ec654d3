// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ServerSession.h"

#include "cli/Console.h"
#include "cli/Output.h"
#include "core/connection/KeychainSecretStore.h"
#include "core/connection/Profile.h"
#include "core/connection/ProfileStore.h"
#include "core/http/AuthProvider.h"
#include "core/http/JobsClient.h"
#include "core/http/OAuthClientCredentialsProvider.h"

#include <QNetworkAccessManager>

namespace JobDesk::Cli {

ServerSession::ServerSession(
    const ServerArguments &arguments, const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_arguments(arguments)
    , m_environment(environment)
{
}

ServerSession::~ServerSession()
{
    // The client and the provider refer to the network manager: release them first.
    m_client.reset();
    m_auth.reset();
    m_nam.reset();
}

int ServerSession::prepare()
{
    if (!m_arguments.profile.isEmpty()) {
        ProfileStore profiles;
        if (!profiles.load()) {
            printError(QStringLiteral("cannot read the profiles: %1").arg(profiles.error()));
            return ExitUsage;
        }
        const std::optional<Profile> profile = profiles.find(m_arguments.profile);
        if (!profile) {
            const QStringList names = profiles.names();
            printError(QStringLiteral("unknown profile '%1' (%2)")
                           .arg(m_arguments.profile,
                               names.isEmpty()
                                   ? QStringLiteral("no profiles are saved")
                                   : QStringLiteral("known: ") + names.join(QStringLiteral(", "))));
            return ExitUsage;
        }
        m_connection = resolveFromProfile(*profile);
        m_pendingSecrets = profile->secretKinds();
    } else {
        m_connection = resolveFromEnvironment(m_arguments.baseUrl, m_environment);
    }
    if (!m_connection.error.isEmpty()) {
        printError(m_connection.error);
        return ExitUsage;
    }
    if (!m_connection.tls.isEmpty()) {
        const QString tlsError = m_connection.tls.validate();
        if (!tlsError.isEmpty()) {
            printError(QStringLiteral("the TLS files of profile '%1' cannot be used: %2")
                           .arg(m_connection.profileName, tlsError));
            return ExitUsage;
        }
    }
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_auth = createAuthProvider(m_connection.auth, m_nam.get());
    m_client = std::make_unique<JobsClient>(m_nam.get());
    m_client->setApiRoot(m_connection.apiRoot);
    m_client->setAuthProvider(m_auth.get());
    m_client->setTimeout(
        m_arguments.timeout.value_or(m_connection.timeout.value_or(JobsClient::kDefaultTimeout)));
    return -1;
}

void ServerSession::open(std::function<void(int)> ready)
{
    m_ready = std::move(ready);
    if (m_pendingSecrets.isEmpty())
        QMetaObject::invokeMethod(this, &ServerSession::finishOpen, Qt::QueuedConnection);
    else
        readNextSecret();
}

void ServerSession::readNextSecret()
{
    // Only now, with a request that will really be sent, is the keychain (D-Bus) touched.
    if (!m_secrets)
        m_secrets = std::make_unique<KeychainSecretStore>();
    const SecretKind kind = m_pendingSecrets.takeFirst();
    const QString key = profileSecretKey(m_connection.profileName, kind);
    m_secrets->read(key, this, [this, kind](const SecretJob &job) {
        if (job.status() == SecretJob::Status::NotFound) {
            printError(QStringLiteral("no %1 is stored in the keychain for profile '%2'; "
                                      "remove the profile and add it again with --secret-stdin")
                           .arg(secretKindName(kind), m_connection.profileName));
            m_ready(ExitUsage);
            return;
        }
        if (job.status() != SecretJob::Status::Ok) {
            const QString why = job.status() == SecretJob::Status::NoBackend
                ? QStringLiteral("no OS keychain (Secret Service) is available")
                : job.errorString();
            printError(QStringLiteral("cannot read the %1 of profile '%2' from the keychain: %3; "
                                      "nothing was sent")
                           .arg(secretKindName(kind), m_connection.profileName, why));
            m_ready(ExitNoAnswer);
            return;
        }
        if (kind == SecretKind::KeyPassphrase)
            m_connection.tls.clientKeyPassphrase = job.data();
        else
            m_connection.auth.secret = QString::fromUtf8(job.data());
        if (m_pendingSecrets.isEmpty())
            finishOpen();
        else
            readNextSecret();
    });
}

void ServerSession::finishOpen()
{
    // The provider was made without the secret (it may come from the keychain): make it again.
    m_client->setAuthProvider(nullptr);
    m_auth = createAuthProvider(m_connection.auth, m_nam.get());
    m_client->setAuthProvider(m_auth.get());
    if (auto *oauth = qobject_cast<OAuthClientCredentialsProvider *>(m_auth.get())) {
        oauth->setTimeout(m_client->timeout());
        oauth->setTlsOptions(m_connection.tls);
    }
    if (!m_connection.tls.isEmpty()) {
        const QString tlsError = m_client->setTlsOptions(m_connection.tls);
        if (!tlsError.isEmpty()) {
            printError(QStringLiteral("the TLS files of profile '%1' cannot be used: %2")
                           .arg(m_connection.profileName, tlsError));
            m_ready(ExitUsage);
            return;
        }
    }
    m_ready(-1);
}

} // namespace JobDesk::Cli
