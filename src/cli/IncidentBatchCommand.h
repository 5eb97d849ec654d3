// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliOptions.h"
#include "core/batch/ServerBatchRunner.h"

#include <QObject>
#include <QProcessEnvironment>

#include <memory>
#include <optional>

namespace JobDesk::Cli {

class CommandSession;

/// The output of `incident resolve --all`, pure (unit-tested through the process tests).
namespace IncidentBatchOutput {
/// The final report: the operation's key, state, counts per item state, and every failed item
/// with the server's error text verbatim; with `json` one object (`plan`, `batchOperation`,
/// `result`).
QByteArray report(const ServerBatchRunner &runner, bool json);
/// 0 every item completed, 1 refused or items failed, 3 no answer.
int exitCode(ServerBatchResult result);
} // namespace IncidentBatchOutput

/// `jobdesk-cli incident resolve --all …`: the server-side bulk incident resolution through the
/// core's ServerBatchRunner. Plans (reads only), prints the plan; `--dry-run` stops there; a
/// production profile needs `--yes`; then raises the retries of jobs with none left, starts the
/// cluster's batch operation and follows it (progress on standard error, only on a terminal)
/// unless `--no-wait`.
class IncidentBatchCommand final : public QObject
{
    Q_OBJECT
public:
    IncidentBatchCommand(
        const CommandLine &line, const QProcessEnvironment &environment, QObject *parent = nullptr);
    ~IncidentBatchCommand() override;
    Q_DISABLE_COPY_MOVE(IncidentBatchCommand)

    /// The exit code when the command is already over (invalid input); std::nullopt when
    /// `finished` will follow.
    std::optional<int> start();

signals:
    void finished(int exitCode);

private:
    void send();
    void onPlanned();
    void onProgress();
    void onFinished(ServerBatchResult result);
    HistoryTarget historyTarget();
    void end(int exitCode);

    IncidentBatchArguments m_arguments;
    QProcessEnvironment m_environment;
    ServerBatchFilter m_filter;
    std::unique_ptr<CommandSession> m_session;
    std::unique_ptr<ServerBatchRunner> m_runner;
    bool m_progressShown = false;
    bool m_terminal = false;
};

} // namespace JobDesk::Cli
