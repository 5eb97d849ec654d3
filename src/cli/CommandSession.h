// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliOptions.h"
#include "core/actions/ActionSender.h"
#include "core/connection/Connection.h"
#include "core/connection/SecretStore.h"

#include <QObject>
#include <QProcessEnvironment>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace JobDesk {
class JobsClient;
struct ClientConnection;
} // namespace JobDesk

namespace JobDesk::Cli {

class CliHistory;

/// The lifecycle every CLI command that sends shares, in its one order: resolve the connection
/// (the profile of --profile, or --base-url and the SDK environment) → a dry run gets a client
/// at once (no keychain, nothing sent) → the TLS files are checked before the keychain is
/// touched → the profile's secrets are read only when a request is really sent → the client is
/// given the ready connection. Each step prints why it cannot go on and gives the contract's
/// exit code; the command keeps only what it sends and prints.
class CommandSession final : public QObject
{
    Q_OBJECT
public:
    CommandSession(const ConnectionOptions &options, const QProcessEnvironment &environment,
        QObject *parent = nullptr);
    ~CommandSession() override;
    Q_DISABLE_COPY_MOVE(CommandSession)

    /// Resolves the connection and makes the client (not connected yet). The exit code when
    /// the command is over (unknown profile, bad address).
    std::optional<int> resolve();
    /// For a dry run: the client gets the connection with what is known (no keychain, no
    /// token), enough to describe requests with their secrets redacted.
    void connectForDryRun();
    /// Before the keychain: the TLS files. The exit code when they cannot be used.
    std::optional<int> checkBeforeSecrets();
    /// Reads the profile's secrets (if it has any) and connects the client, then `ready`, from
    /// the event loop; on a problem the reason is printed and `failed` gets the exit code.
    void connectToSend(std::function<void()> ready, std::function<void(int)> failed);

    /// Where the command's attempts are recorded: the CLI's history (opened on first use) with
    /// the connection's name and production mark; no store when `record` is false (--no-history,
    /// --dry-run) or the history cannot be opened (a warning says so, the command goes on).
    HistoryTarget historyTarget(bool record);

    const Connection &connection() const { return m_resolved.connection; }
    JobsClient *client() const { return m_client.get(); }
    QNetworkAccessManager *networkAccessManager() const { return m_nam.get(); }

private:
    void connectNow();

    ConnectionOptions m_options;
    QProcessEnvironment m_environment;
    ResolvedConnection m_resolved;
    QList<SecretKind> m_pendingSecrets;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ClientConnection> m_ready;
    std::unique_ptr<JobsClient> m_client;
    std::unique_ptr<SecretStore> m_secrets;
    std::function<void()> m_onReady;
    std::function<void(int)> m_onFailed;
    std::unique_ptr<CliHistory> m_history;
};

} // namespace JobDesk::Cli
