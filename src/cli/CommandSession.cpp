// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CommandSession.h"

#include "cli/CliHistory.h"
#include "cli/Console.h"

#include "cli/Output.h"
#include "cli/ProfileCommand.h"
#include "core/connection/ConnectionFactory.h"
#include "core/connection/KeychainSecretStore.h"
#include "core/history/HistoryStore.h"
#include "core/http/ClientConnection.h"
#include "core/http/JobsClient.h"

#include <QNetworkAccessManager>

namespace JobDesk::Cli {

CommandSession::CommandSession(
    const ConnectionOptions &options, const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_environment(environment)
{
}

CommandSession::~CommandSession()
{
    // The client and the provider refer to the network manager: release them first.
    m_client.reset();
    m_ready.reset();
    m_nam.reset();
}

std::optional<int> CommandSession::resolve()
{
    if (const std::optional<int> code = resolveConnection(m_options, m_environment, &m_resolved))
        return code;
    m_pendingSecrets
        = m_options.profile.isEmpty() ? QList<SecretKind>() : m_resolved.connection.secretKinds();
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<JobsClient>(m_nam.get());
    return std::nullopt;
}

void CommandSession::connectForDryRun()
{
    // Nothing leaves the machine: no token request, no keychain. The provider gets no secret it
    // does not have yet; the headers are shown redacted anyway.
    m_ready = ConnectionFactory::build(m_resolved.connection, m_resolved.secrets, m_nam.get());
    m_client->setConnection(*m_ready);
}

std::optional<int> CommandSession::checkBeforeSecrets()
{
    return checkTlsBeforeKeychain(m_resolved, m_pendingSecrets);
}

void CommandSession::connectToSend(std::function<void()> ready, std::function<void(int)> failed)
{
    m_onReady = std::move(ready);
    m_onFailed = std::move(failed);
    if (m_pendingSecrets.isEmpty()) {
        QMetaObject::invokeMethod(this, &CommandSession::connectNow, Qt::QueuedConnection);
        return;
    }
    // Only now, with a request that will really be sent, is the keychain (D-Bus) touched.
    if (!m_secrets)
        m_secrets = std::make_unique<KeychainSecretStore>();
    readSecretsToSend(
        m_secrets.get(), &m_resolved, m_pendingSecrets, this,
        [this] {
            m_pendingSecrets.clear();
            connectNow();
        },
        [this](int exitCode) { m_onFailed(exitCode); });
}

void CommandSession::connectNow()
{
    if (!connectClient(m_client.get(), m_resolved, m_nam.get(), &m_ready)) {
        m_onFailed(ExitUsage);
        return;
    }
    m_onReady();
}

HistoryTarget CommandSession::historyTarget(bool record)
{
    HistoryTarget target;
    target.source = HistorySource::Cli;
    target.connection = connection().displayName();
    target.production = connection().isProduction();
    if (!record)
        return target;
    if (!m_history)
        m_history = std::make_unique<CliHistory>();
    target.store = m_history->store();
    if (!target.store)
        printError(QStringLiteral("warning: the attempts are not recorded in the history (%1): %2")
                       .arg(HistoryStore::defaultPath(), m_history->error()));
    return target;
}

} // namespace JobDesk::Cli
