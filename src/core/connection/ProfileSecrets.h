// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/Connection.h"
#include "core/connection/SecretStore.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace JobDesk {

/// "password", "token", "client secret", "key passphrase": a secret kind read aloud.
QString secretKindLabel(SecretKind kind);
/// Every kind, in the order the loops visit them.
QList<SecretKind> allSecretKinds();

/// How a loop over secret kinds ended: fine, or the kind it stopped at and why.
struct SecretLoopResult
{
    std::optional<SecretKind> failedKind;
    QString error; ///< empty: every step went through

    bool ok() const { return error.isEmpty(); }
};

/// The one loop "for each secret kind, asynchronously": runs `step(kind, next)` for each of
/// `kinds` in order; a step calls `next("")` to go on or `next(reason)` to stop there. `done`
/// runs once at the end, unless `context` (if given) is destroyed first. Every secret operation
/// of the program (read, write, move on rename, remove) is built on it.
using SecretStep = std::function<void(SecretKind kind, std::function<void(const QString &)> next)>;
void forEachSecretKind(const QList<SecretKind> &kinds, QObject *context, SecretStep step,
    std::function<void(const SecretLoopResult &)> done);

/// What to do when a secret cannot be had.
struct SecretReadPolicy
{
    enum class Then { Continue, Stop };
    /// A kind with nothing stored: read the rest (the window warns and sends without), or stop
    /// (the command line refuses to send).
    Then nothingStored = Then::Continue;
    /// No keychain on this system, or it refused: read the rest, or stop.
    Then noKeychain = Then::Continue;
    /// Secrets kept for this run only (no keychain): they fill what the keychain does not have
    /// before the rules above apply. Not owned; may be null.
    MemorySecretStore *session = nullptr;
};

/// What a read found, kind by kind.
struct SecretReadResult
{
    QList<SecretKind> kinds; ///< the kinds asked for, in reading order
    ConnectionSecrets secrets; ///< the values found
    QMap<SecretKind, SecretJob::Status> status; ///< per kind read (absent: not read, stopped)
    QMap<SecretKind, QString> errors; ///< the keychain's sentence for NoBackend/AccessDenied/Failed

    /// Nothing stored (NotFound).
    QList<SecretKind> missing() const;
    /// No keychain on this system (NoBackend).
    QList<SecretKind> noKeychain() const;
    /// Refused or failed (AccessDenied, Failed).
    QList<SecretKind> failed() const;
    /// The first kind in reading order that was not read fine (stopped, missing, failed).
    std::optional<SecretKind> firstProblem() const;
    /// The first keychain sentence, if any.
    QString firstError() const;
};

/// Reads the secrets `kinds` of profile `profileName`, one after the other, by the policy; `done`
/// runs once unless `context` is destroyed first.
void readProfileSecrets(SecretStore *keychain, const QString &profileName,
    const QList<SecretKind> &kinds, const SecretReadPolicy &policy, QObject *context,
    std::function<void(const SecretReadResult &)> done);

/// How writing ended.
struct SecretWriteResult
{
    QList<SecretKind> keptForThisRun; ///< no keychain: written to the session store instead
    QString error; ///< the first failure (later kinds are still written)

    bool ok() const { return error.isEmpty(); }
};

/// Writes each of `secrets` to the keychain; where there is none (NoBackend) and `session` is
/// given, to it instead — for this run only, never to a file.
void writeProfileSecrets(SecretStore *keychain, MemorySecretStore *session,
    const QString &profileName, const ConnectionSecrets &secrets, QObject *context,
    std::function<void(const SecretWriteResult &)> done);

/// For a profile rename: moves every secret of profile `from` to `to` (read, write, then
/// remove, kind by kind; kinds with nothing stored are skipped). Stops at the first failure.
void moveProfileSecrets(SecretStore *store, const QString &from, const QString &to,
    QObject *context, std::function<void(const SecretLoopResult &)> done);
/// For a profile removal: removes every secret the profile may have (all kinds). Without a
/// keychain (NoBackend) there is nothing to remove: that is no failure.
void removeProfileSecrets(SecretStore *store, const QString &profile, QObject *context,
    std::function<void(const SecretLoopResult &)> done);

} // namespace JobDesk
