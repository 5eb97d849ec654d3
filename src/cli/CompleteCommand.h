// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliOptions.h"
#include "cli/CompletionInput.h"
#include "core/camunda/Outcome.h"
#include "core/connection/Connection.h"
#include "core/connection/SecretStore.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace JobDesk {
class ApiCall;
class JobLookup;
class JobsClient;
struct ClientConnection;
struct JobLookupResult;
} // namespace JobDesk

namespace JobDesk::Cli {

class CliHistory;
class CommandSession;
class VersionGate;

/// `jobdesk-cli complete`: checks everything first (key, variables, template, profile or
/// environment) and sends nothing when something is wrong; reads a profile's secrets from the
/// keychain only when a request is really sent; refuses before sending what the server's version
/// cannot take (a result below 8.8, a lease token or business id below 8.10: the one version
/// table, with the version GatewayVersionCache remembers, read from GET /v2/topology first only
/// when the request carries such a member and none is remembered — a plain completion never
/// waits for it); records the attempt in the history before the request leaves (write-ahead) and
/// its outcome before printing; prints the outcome as text or JSON; ends with the contract's
/// exit code.
class CompleteCommand final : public QObject
{
    Q_OBJECT
public:
    CompleteCommand(const CompleteArguments &arguments, const QProcessEnvironment &environment,
        QObject *parent = nullptr);
    ~CompleteCommand() override;

    /// Does the synchronous part. Returns the exit code when the command is already over
    /// (invalid input, dry run); std::nullopt when `finished` will follow from the event loop.
    std::optional<int> start();
    /// A signal ended the run (Interruption): nothing sent yet → exit 2; a request in flight →
    /// it is cancelled, its history row stays "unknown — look the job up", exit 3.
    void interrupt(int signalNumber);

signals:
    void finished(int exitCode);

private:
    Q_DISABLE_COPY_MOVE(CompleteCommand)

    int prepare();
    /// The client is connected (CommandSession): the version first when needed (VersionGate),
    /// then the completion.
    void send();
    void sendCompletion();
    void onFinished(const Outcome &answer);
    /// After a lost answer: what the job is now (see LookupRules::needsRecheck); after a 404 on
    /// a key that may have been rounded: its neighbours. Then report().
    void lookUpAfter(const Outcome &outcome);
    /// Prints the outcome (with the look-up's verdict or suggestions, if any) and ends.
    void report(const Outcome &outcome, const JobLookupResult *lookup);
    void warnNotRecorded(const QString &why);
    void end(int exitCode);

    CompleteArguments m_arguments;
    QProcessEnvironment m_environment;
    BuiltRequest m_built;
    std::unique_ptr<CommandSession> m_session; ///< connection, client, secrets
    std::unique_ptr<JobLookup> m_lookup;
    std::unique_ptr<CliHistory> m_history;
    QDateTime m_startedAt;
    QPointer<ApiCall> m_call;
    /// Only for a request with a member not every version takes (result, lease token, …).
    std::unique_ptr<VersionGate> m_versionGate;
    QString m_interruption; ///< the signal that ended the run while the request was in flight
};

} // namespace JobDesk::Cli
