// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliOptions.h"
#include "core/connection/ConnectionSettings.h"
#include "core/connection/SecretStore.h"

#include <QObject>
#include <QProcessEnvironment>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace JobDesk {
class AuthProvider;
class JobsClient;
} // namespace JobDesk

namespace JobDesk::Cli {

/// The connection of a command that reads from the server (`job show`, `job search`): resolves
/// `--profile` or `--base-url` and the SDK environment, checks the TLS files, and only when a
/// request will really go out reads the profile's secrets from the keychain and makes the
/// client ready.
class ServerSession final : public QObject
{
    Q_OBJECT
public:
    ServerSession(const ServerArguments &arguments, const QProcessEnvironment &environment,
        QObject *parent = nullptr);
    ~ServerSession() override;

    /// Resolves the connection and makes the client (without secrets yet). Prints why not and
    /// returns ExitUsage when it cannot be used; -1 when it can.
    int prepare();
    /// Reads the secrets, then calls `ready(-1)` with the client ready to send, or
    /// `ready(exitCode)` after printing why nothing can be sent. Always from the event loop.
    void open(std::function<void(int)> ready);

    JobsClient *client() const { return m_client.get(); }
    /// What the history records as the connection.
    QString connectionName() const { return m_connection.connectionName(); }

private:
    Q_DISABLE_COPY_MOVE(ServerSession)

    void readNextSecret();
    void finishOpen();

    ServerArguments m_arguments;
    QProcessEnvironment m_environment;
    ConnectionSettings m_connection;
    QList<SecretKind> m_pendingSecrets;
    std::function<void(int)> m_ready;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<AuthProvider> m_auth;
    std::unique_ptr<JobsClient> m_client;
    std::unique_ptr<SecretStore> m_secrets;
};

} // namespace JobDesk::Cli
