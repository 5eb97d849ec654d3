// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/ProfileCommand.h"

#include "cli/Console.h"
#include "cli/Output.h"
#include "core/connection/ConnectionFactory.h"
#include "core/connection/KeychainSecretStore.h"
#include "core/connection/ProfileSecrets.h"
#include "core/connection/ProfileStore.h"
#include "core/http/ClientConnection.h"
#include "core/http/JobsClient.h"

#include <QFileInfo>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaObject>

namespace JobDesk::Cli {

namespace {

/// The kind of secret `--secret-stdin` provides for an auth kind.
std::optional<SecretKind> mainSecretKind(AuthKind kind)
{
    AuthSettings auth;
    auth.kind = kind;
    return auth.secretKind();
}

bool loadStore(ProfileStore &store)
{
    if (store.load())
        return true;
    printError(
        QStringLiteral("cannot read the profiles (%1): %2").arg(store.path(), store.error()));
    return false;
}

} // namespace

std::optional<int> reportSecretProblem(const SecretReadResult &read, const QString &profile)
{
    const std::optional<SecretKind> kind = read.firstProblem();
    if (!kind)
        return std::nullopt;
    const SecretJob::Status status = read.status.value(*kind, SecretJob::Status::Failed);
    if (status == SecretJob::Status::NotFound) {
        printError(QStringLiteral("no %1 is stored in the keychain for profile '%2'; remove the "
                                  "profile and add it again with --secret-stdin")
                       .arg(secretKindName(*kind), profile));
        return ExitUsage;
    }
    const QString why = status == SecretJob::Status::NoBackend
        ? QStringLiteral("no OS keychain (Secret Service) is available")
        : read.errors.value(*kind);
    printError(QStringLiteral("cannot read the %1 of profile '%2' from the keychain: %3; nothing "
                              "was sent")
                   .arg(secretKindName(*kind), profile, why));
    return ExitNoAnswer;
}

std::optional<int> resolveConnection(const ConnectionOptions &options,
    const QProcessEnvironment &environment, ResolvedConnection *resolved)
{
    if (!options.profile.isEmpty()) {
        ProfileStore profiles;
        if (!profiles.load()) {
            printError(QStringLiteral("cannot read the profiles: %1").arg(profiles.error()));
            return ExitUsage;
        }
        const std::optional<Profile> profile = profiles.find(options.profile);
        if (!profile) {
            const QStringList names = profiles.names();
            printError(QStringLiteral("unknown profile '%1' (%2)")
                           .arg(options.profile,
                               names.isEmpty()
                                   ? QStringLiteral("no profiles are saved")
                                   : QStringLiteral("known: ") + names.join(QStringLiteral(", "))));
            return ExitUsage;
        }
        *resolved = ConnectionFactory::fromProfile(*profile);
    } else {
        *resolved = ConnectionFactory::fromEnvironment(options.baseUrl, environment);
    }
    if (!resolved->ok()) {
        printError(resolved->error);
        return ExitUsage;
    }
    if (options.timeout) {
        // --timeout bounds the token request too.
        resolved->connection.timeout = *options.timeout;
        resolved->connection.auth.tokenTimeout = *options.timeout;
    }
    return std::nullopt;
}

QString tlsProblem(const Connection &connection, const QString &reason)
{
    return connection.isAddressOnly()
        ? QStringLiteral("the TLS material (CAMUNDA_MTLS_*) cannot be used: %1").arg(reason)
        : QStringLiteral("the TLS files of profile '%1' cannot be used: %2")
              .arg(connection.profileName, reason);
}

std::optional<int> checkTlsBeforeKeychain(
    const ResolvedConnection &resolved, const QList<SecretKind> &pendingSecrets)
{
    const Connection &connection = resolved.connection;
    if (connection.tls.isEmpty() || pendingSecrets.contains(SecretKind::KeyPassphrase))
        return std::nullopt;
    TlsOptions tls = connection.tls;
    tls.clientKeyPassphrase = resolved.secrets.value(SecretKind::KeyPassphrase);
    if (const QString tlsError = tls.validate(); !tlsError.isEmpty()) {
        printError(tlsProblem(connection, tlsError));
        return int(ExitUsage);
    }
    return std::nullopt;
}

bool connectClient(JobsClient *client, const ResolvedConnection &resolved,
    QNetworkAccessManager *nam, std::unique_ptr<ClientConnection> *ready)
{
    // The provider of a connection made before refers to secrets that may be gone: drop it
    // before its connection is replaced.
    client->setAuthProvider(nullptr);
    *ready = ConnectionFactory::build(resolved.connection, resolved.secrets, nam);
    if (const QString tlsError = client->setConnection(**ready); !tlsError.isEmpty()) {
        printError(tlsProblem(resolved.connection, tlsError));
        return false;
    }
    return true;
}

void readSecretsToSend(SecretStore *keychain, ResolvedConnection *resolved,
    const QList<SecretKind> &kinds, QObject *context, std::function<void()> ready,
    std::function<void(int)> failed)
{
    SecretReadPolicy policy;
    policy.nothingStored = SecretReadPolicy::Then::Stop;
    policy.noKeychain = SecretReadPolicy::Then::Stop;
    const QString profile = resolved->connection.profileName;
    readProfileSecrets(keychain, profile, kinds, policy, context,
        [resolved, profile, ready = std::move(ready), failed = std::move(failed)](
            const SecretReadResult &read) {
            if (const std::optional<int> code = reportSecretProblem(read, profile)) {
                failed(*code);
                return;
            }
            resolved->secrets = read.secrets;
            ready();
        });
}

std::optional<Profile> profileFromArguments(const ProfileAddArguments &arguments, QString *error)
{
    Profile profile;
    profile.name = arguments.name;
    profile.apiAddress = arguments.baseUrl;
    profile.authKind = arguments.auth;
    profile.username = arguments.username;
    profile.clientId = arguments.clientId;
    profile.tokenUrl = arguments.tokenUrl;
    profile.audience = arguments.audience;
    profile.scope = arguments.scope;
    profile.environment = arguments.environment;
    profile.colour = arguments.colour;
    profile.tenantId = arguments.tenant;
    // TLS files are read at every request, from wherever the CLI or the window runs.
    const struct
    {
        const QString &given;
        QString &stored;
        const char *option;
    } files[] = {{arguments.caBundle, profile.caBundlePath, "--ca-bundle"},
        {arguments.clientCertificate, profile.clientCertPath, "--client-cert"},
        {arguments.clientKey, profile.clientKeyPath, "--client-key"}};
    for (const auto &file : files) {
        if (file.given.isEmpty())
            continue;
        const QFileInfo info(file.given);
        if (!info.isFile() || !info.isReadable()) {
            *error = QStringLiteral("%1: '%2' is not a readable file")
                         .arg(QLatin1String(file.option), file.given);
            return std::nullopt;
        }
        file.stored = info.absoluteFilePath();
    }
    if (arguments.timeoutSeconds)
        profile.timeoutSeconds = *arguments.timeoutSeconds;
    if (const QString invalid = profile.validationError(); !invalid.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    // The same check the completion makes, so a profile that is saved can also be used.
    if (const JobsClient::ApiRoot root = JobsClient::normalizeApiRoot(profile.apiAddress);
        !root.error.isEmpty()) {
        *error = QStringLiteral("the API address '%1' is not usable: %2")
                     .arg(profile.apiAddress, root.error);
        return std::nullopt;
    }
    return profile;
}

QByteArray secretFromInput(const QByteArray &input)
{
    QByteArray secret = input;
    if (secret.endsWith("\r\n"))
        secret.chop(2);
    else if (secret.endsWith('\n'))
        secret.chop(1);
    return secret;
}

QByteArray formatProfileList(const QList<Profile> &profiles, bool json)
{
    if (json) {
        QJsonArray array;
        for (const Profile &profile : profiles)
            array.append(profile.toJson());
        return QJsonDocument(array).toJson(QJsonDocument::Compact) + '\n';
    }
    QByteArray out;
    for (const Profile &profile : profiles) {
        out += profile.name.toUtf8() + '\t' + profile.apiAddress.toUtf8() + '\t'
            + environmentName(profile.environment).toUtf8() + '\t'
            + authKindName(profile.authKind).toUtf8() + '\n';
    }
    return out;
}

ProfileCommand::ProfileCommand(
    const CommandLine &line, SecretStore *secrets, QIODevice *input, QObject *parent)
    : QObject(parent)
    , m_line(line)
    , m_secrets(secrets)
    , m_input(input)
{
}

ProfileCommand::~ProfileCommand() = default;

SecretStore *ProfileCommand::secretStore()
{
    if (!m_secrets) {
        m_ownSecrets = std::make_unique<KeychainSecretStore>();
        m_secrets = m_ownSecrets.get();
    }
    return m_secrets;
}

std::optional<int> ProfileCommand::start()
{
    switch (m_line.command) {
    case Command::ProfileAdd:
        return add();
    case Command::ProfileList:
        return list();
    case Command::ProfileShow:
        return show();
    case Command::ProfileRemove:
        return remove();
    default:
        return ExitUsage;
    }
}

std::optional<int> ProfileCommand::add()
{
    QString error;
    const std::optional<Profile> profile = profileFromArguments(m_line.profileAdd, &error);
    if (!profile) {
        printError(error);
        return ExitUsage;
    }
    ProfileStore store;
    if (!loadStore(store))
        return ExitUsage;
    if (store.contains(profile->name)) {
        printError(QStringLiteral("a profile named '%1' exists already; remove it first with "
                                  "'jobdesk-cli profile remove %1'")
                       .arg(profile->name));
        return ExitUsage;
    }
    m_profile = *profile;
    const std::optional<SecretKind> kind = mainSecretKind(m_profile.authKind);
    if (!m_line.profileAdd.secretStdin) {
        if (!store.add(m_profile)) {
            printError(
                QStringLiteral("cannot save profile '%1': %2").arg(m_profile.name, store.error()));
            return ExitNoAnswer;
        }
        writeOut("profile '" + m_profile.name.toUtf8() + "' saved\n");
        if (kind)
            writeErr("jobdesk-cli: note: no " + secretKindLabel(*kind).toUtf8()
                + " was stored (use --secret-stdin); the window asks for it, the command "
                  "line cannot use this profile without it\n");
        return ExitOk;
    }

    QIODevice *input = m_input ? m_input : standardInput();
    const QByteArray secret = secretFromInput(input->readAll());
    if (secret.isEmpty()) {
        printError(QStringLiteral("--secret-stdin: standard input is empty; nothing was saved"));
        return ExitUsage;
    }
    // The secret goes first: the profile is saved only once its secret is safely stored.
    secretStore()->write(
        profileSecretKey(m_profile.name, *kind), secret, this, [this, kind](const SecretJob &job) {
            if (job.status() == SecretJob::Status::NoBackend) {
                printError(QStringLiteral("cannot store the %1: no OS keychain (Secret Service) is "
                                          "available; the profile was not saved")
                               .arg(secretKindLabel(*kind)));
                emit finished(ExitNoAnswer);
                return;
            }
            if (job.status() != SecretJob::Status::Ok) {
                printError(QStringLiteral("cannot store the %1 in the OS keychain: %2; the profile "
                                          "was not saved")
                               .arg(secretKindLabel(*kind), job.errorString()));
                emit finished(ExitNoAnswer);
                return;
            }
            ProfileStore again;
            if (!again.load() || !again.add(m_profile)) {
                printError(QStringLiteral("cannot save profile '%1': %2")
                               .arg(m_profile.name, again.error()));
                // Take the secret back out, so no orphan stays in the keychain.
                secretStore()->remove(profileSecretKey(m_profile.name, *kind), this,
                    [this](const SecretJob &) { emit finished(ExitNoAnswer); });
                return;
            }
            writeOut("profile '" + m_profile.name.toUtf8() + "' saved; its "
                + secretKindLabel(*kind).toUtf8() + " is in the OS keychain\n");
            emit finished(ExitOk);
        });
    return std::nullopt;
}

std::optional<int> ProfileCommand::list()
{
    ProfileStore store;
    if (!loadStore(store))
        return ExitUsage;
    writeOut(formatProfileList(store.profiles(), m_line.json));
    return ExitOk;
}

std::optional<int> ProfileCommand::show()
{
    ProfileStore store;
    if (!loadStore(store))
        return ExitUsage;
    const std::optional<Profile> profile = store.find(m_line.name);
    if (!profile) {
        printError(QStringLiteral("unknown profile '%1'").arg(m_line.name));
        return ExitUsage;
    }
    m_profile = *profile;
    const Profile &p = m_profile;
    QByteArray &out = m_output;
    const auto field = [&out](const char *label, const QString &value) {
        if (!value.isEmpty())
            out += QByteArray(label) + ": " + value.toUtf8() + '\n';
    };
    field("name", p.name);
    field("address", p.apiAddress);
    field("environment", environmentName(p.environment));
    field("auth", authKindName(p.authKind));
    field("username", p.username);
    field("client id", p.clientId);
    field("token url", p.tokenUrl);
    field("audience", p.audience);
    field("scope", p.scope);
    field("ca bundle", p.caBundlePath);
    field("client certificate", p.clientCertPath);
    field("client key", p.clientKeyPath);
    field("timeout", QStringLiteral("%1 s").arg(p.timeoutSeconds));
    field("tenant", p.tenantId);
    const QList<SecretKind> kinds = p.secretKinds();
    if (kinds.isEmpty()) {
        writeOut(out);
        return ExitOk;
    }
    // Read only to learn whether something is stored; the values are dropped unseen.
    readProfileSecrets(secretStore(), p.name, kinds, SecretReadPolicy {}, this,
        [this, kinds](const SecretReadResult &read) {
            for (const SecretKind kind : kinds) {
                QByteArray state;
                switch (read.status.value(kind, SecretJob::Status::Failed)) {
                case SecretJob::Status::Ok:
                    state = "stored in the OS keychain";
                    break;
                case SecretJob::Status::NotFound:
                    state = "not stored";
                    break;
                default:
                    state = "unknown (" + read.errors.value(kind).toUtf8() + ')';
                    break;
                }
                m_output += secretKindLabel(kind).toUtf8() + ": " + state + '\n';
            }
            writeOut(m_output);
            emit finished(ExitOk);
        });
    return std::nullopt;
}

std::optional<int> ProfileCommand::remove()
{
    ProfileStore store;
    if (!loadStore(store))
        return ExitUsage;
    const std::optional<Profile> profile = store.find(m_line.name);
    if (!profile) {
        printError(QStringLiteral("unknown profile '%1'").arg(m_line.name));
        return ExitUsage;
    }
    m_profile = *profile;
    // Every secret the profile could ever have had goes; without a keychain there is none.
    removeProfileSecrets(secretStore(), m_profile.name, this, [this](const SecretLoopResult &done) {
        if (!done.ok()) {
            printError(QStringLiteral("cannot remove the %1 of profile '%2' from the OS keychain: "
                                      "%3; the profile was kept")
                           .arg(secretKindLabel(*done.failedKind), m_profile.name, done.error));
            emit finished(ExitNoAnswer);
            return;
        }
        finishRemove();
    });
    return std::nullopt;
}

void ProfileCommand::finishRemove()
{
    ProfileStore store;
    if (!store.load() || !store.remove(m_profile.name)) {
        printError(
            QStringLiteral("cannot remove profile '%1': %2").arg(m_profile.name, store.error()));
        emit finished(ExitNoAnswer);
        return;
    }
    writeOut("profile '" + m_profile.name.toUtf8() + "' removed, with its secrets\n");
    emit finished(ExitOk);
}

} // namespace JobDesk::Cli
