// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliOptions.h"
#include "core/connection/Profile.h"
#include "core/connection/SecretStore.h"

#include <QByteArray>
#include <QObject>
#include <QProcessEnvironment>

#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace JobDesk {
struct Connection;
class JobsClient;
struct ClientConnection;
struct ResolvedConnection;
struct SecretReadResult;
} // namespace JobDesk

class QNetworkAccessManager;

namespace JobDesk::Cli {

/// After reading a profile's secrets for a command that sends (`complete`, `profile test`):
/// nothing stored is exit 2 ("…add it again with --secret-stdin"), no keychain or a refusal
/// exit 3; the reason goes to stderr. std::nullopt: every secret is there.
std::optional<int> reportSecretProblem(const SecretReadResult &read, const QString &profile);

/// Where a command that sends (`complete`, `job show`, `job search`) goes: the saved profile of
/// --profile, or --base-url and the SDK environment (ConnectionFactory), with --timeout bounding
/// the token request too. Nothing is read from the keychain yet. Prints why it cannot be used
/// and returns exit 2; std::nullopt when `resolved` is filled.
std::optional<int> resolveConnection(const ConnectionOptions &options,
    const QProcessEnvironment &environment, ResolvedConnection *resolved);

/// Why the TLS material of `connection` (a profile's files, or CAMUNDA_MTLS_*) cannot be used.
QString tlsProblem(const Connection &connection, const QString &reason);

/// Before the keychain is touched: the TLS files of `resolved` are checked, unless their key
/// needs a passphrase that is still in the keychain (`pendingSecrets`). Prints why they cannot be
/// used and returns exit 2; std::nullopt when they can (or there are none).
std::optional<int> checkTlsBeforeKeychain(
    const ResolvedConnection &resolved, const QList<SecretKind> &pendingSecrets);

/// Reads the secrets of `kinds` that a command about to send needs into `resolved->secrets`
/// (nothing stored and no keychain stop it, see reportSecretProblem()), then calls `ready`; on a
/// problem the reason is printed and `failed` gets the exit code. `context` bounds the callbacks.
void readSecretsToSend(SecretStore *keychain, ResolvedConnection *resolved,
    const QList<SecretKind> &kinds, QObject *context, std::function<void()> ready,
    std::function<void(int)> failed);

/// Gives `client` the ready connection of `resolved` (ConnectionFactory::build(), kept in
/// `*ready`, which must outlive its use): root, timeout, TLS and auth, with the secrets known so
/// far. False, with the reason printed, when its TLS material cannot be used (exit 2).
bool connectClient(JobsClient *client, const ResolvedConnection &resolved,
    QNetworkAccessManager *nam, std::unique_ptr<ClientConnection> *ready);

/// The profile a `profile add` command describes, or why it is invalid (pure; no files).
std::optional<Profile> profileFromArguments(const ProfileAddArguments &arguments, QString *error);

/// The secret read by `--secret-stdin`: everything on standard input without one trailing line
/// break (what `echo` or a here-string appends). Surrounding spaces are kept.
QByteArray secretFromInput(const QByteArray &input);

/// `profile list` as text (one line per profile) or as a JSON array of the profiles' non-secret
/// fields.
QByteArray formatProfileList(const QList<Profile> &profiles, bool json);

/// `jobdesk-cli profile add|list|show|remove`. Profiles live in ProfileStore (no secrets);
/// secrets only in the OS keychain (KeychainSecretStore), touched only when a secret is
/// involved. Exit codes: 0 done; 2 invalid input, unknown profile, name taken, unreadable
/// profiles file; 3 the keychain (or the disk) could not store or remove what was asked —
/// nothing is left half-done.
class ProfileCommand final : public QObject
{
    Q_OBJECT
public:
    /// `secrets` is used when given (tests); otherwise a KeychainSecretStore is created on demand.
    explicit ProfileCommand(const CommandLine &line, SecretStore *secrets = nullptr,
        QIODevice *input = nullptr, QObject *parent = nullptr);
    ~ProfileCommand() override;

    /// The exit code when already done, or std::nullopt when `finished` follows.
    std::optional<int> start();

signals:
    void finished(int exitCode);

private:
    Q_DISABLE_COPY_MOVE(ProfileCommand)

    SecretStore *secretStore();
    std::optional<int> add();
    std::optional<int> list();
    std::optional<int> show();
    std::optional<int> remove();
    void finishRemove();

    CommandLine m_line;
    SecretStore *m_secrets;
    std::unique_ptr<SecretStore> m_ownSecrets;
    QIODevice *m_input;
    Profile m_profile;
    QByteArray m_output;
};

} // namespace JobDesk::Cli
