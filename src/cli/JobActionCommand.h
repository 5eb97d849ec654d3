// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliOptions.h"
#include "core/actions/RepairPlan.h"
#include "core/actions/RepairRunner.h"
#include "core/camunda/ApiRequest.h"
#include "core/connection/Connection.h"
#include "core/connection/SecretStore.h"

#include <QObject>
#include <QProcessEnvironment>

#include <memory>
#include <optional>

class QIODevice;
class QNetworkAccessManager;

namespace JobDesk {
class ActionSender;
class JobsClient;
struct ClientConnection;
} // namespace JobDesk

namespace JobDesk::Cli {

class CommandSession;

/// What a job action's command line asks to send, or why it cannot (pure, unit-tested).
struct BuiltAction
{
    ApiRequest request; ///< update, fail, error, resolve: the one request
    JobKey key; ///< the job (or incident) key
    RepairOptions repair; ///< job repair
    QString error; ///< non-empty: invalid input (exit 2, nothing sent)
};
/// Builds the request of `job update|fail|error`, `incident resolve`, or the options of
/// `job repair` from `line` (variables from `stdinDevice` for `@-`), checked by the core's
/// request types.
BuiltAction buildJobAction(const CommandLine &line, QIODevice *stdinDevice);

/// The output of `job repair`, pure (unit-tested).
namespace RepairOutput {
/// The plan for --dry-run: every step with its request (method, URL, redacted headers, body).
QByteArray dryRun(const RepairPlan &plan, const QList<RequestRecord> &requests,
    const JobLookupResult &lookup, bool json);
/// What the repair did, step by step, with the server's words and what they mean.
QByteArray report(const RepairRunner &runner, bool json);
/// "repaired", "refused", "no-answer", "not-planned", "cancelled", "planned".
QString resultName(RepairResult result);
} // namespace RepairOutput

/// `jobdesk-cli job update|fail|error|repair` and `incident resolve`: checks the input first
/// (nothing is sent when it is wrong), reads the profile's secrets only when something is
/// really sent, sends each request through the core's ActionSender (or the repair's steps
/// through RepairRunner), each recorded in the history before it leaves unless --no-history,
/// prints the outcome as text or JSON and ends with the contract's exit code.
class JobActionCommand final : public QObject
{
    Q_OBJECT
public:
    JobActionCommand(
        const CommandLine &line, const QProcessEnvironment &environment, QObject *parent = nullptr);
    ~JobActionCommand() override;

    /// The exit code when the command is already over (invalid input, dry run of a single
    /// action); std::nullopt when `finished` will follow from the event loop.
    std::optional<int> start();

signals:
    void finished(int exitCode);

private:
    Q_DISABLE_COPY_MOVE(JobActionCommand)

    int prepare();
    /// The client is connected (CommandSession): one action, or the repair.
    void send();
    void sendOne();
    void startRepair();
    void onRepairFinished(RepairResult result);
    HistoryTarget historyTarget();
    void end(int exitCode);

    CommandLine m_line;
    const JobActionArguments &m_arguments;
    QProcessEnvironment m_environment;
    BuiltAction m_built;
    std::unique_ptr<CommandSession> m_session; ///< connection, client, secrets
    std::unique_ptr<ActionSender> m_sender;
    std::unique_ptr<RepairRunner> m_runner;
};

} // namespace JobDesk::Cli
