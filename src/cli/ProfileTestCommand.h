// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliOptions.h"
#include "core/connection/Connection.h"
#include "core/connection/ConnectionCheck.h"

#include <QByteArray>
#include <QObject>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace JobDesk {
class GatewayVersionCache;
class JobsClient;
class SecretStore;
struct ClientConnection;
} // namespace JobDesk

namespace JobDesk::Cli {

/// `profile test` as text: the verdict line, then gateway, brokers, partitions and who you are.
QByteArray formatCheck(const QString &profile, const ConnectionCheck::Result &result, bool json);
/// 0 connected, 1 refused (an HTTP answer), 3 no answer.
int exitCodeFor(const ConnectionCheck::Result &result);

/// `jobdesk-cli profile test <name>`: reads the profile and its secrets (the keychain; a missing
/// secret is exit 2, no keychain exit 3, as for `complete`), runs the core ConnectionCheck and
/// prints its verdict. Nothing is recorded in the history (nothing was changed).
class ProfileTestCommand final : public QObject
{
    Q_OBJECT
public:
    /// `secrets` is used when given (tests); otherwise a KeychainSecretStore.
    explicit ProfileTestCommand(const ProfileTestArguments &arguments,
        SecretStore *secrets = nullptr, QObject *parent = nullptr);
    ~ProfileTestCommand() override;

    /// The exit code when already done, or std::nullopt when `finished` follows.
    std::optional<int> start();

signals:
    void finished(int exitCode);

private:
    void check(const ConnectionSecrets &secrets);

    Q_DISABLE_COPY_MOVE(ProfileTestCommand)
    ProfileTestArguments m_arguments;
    SecretStore *m_secrets;
    std::unique_ptr<SecretStore> m_ownSecrets;
    Connection m_connection;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ClientConnection> m_ready;
    std::unique_ptr<JobsClient> m_client;
    std::unique_ptr<GatewayVersionCache> m_versions;
    std::unique_ptr<ConnectionCheck> m_check;
};

} // namespace JobDesk::Cli
