// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliOptions.h"
#include "core/batch/BatchRunner.h"

#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

namespace JobDesk {
class BatchJournal;
class BatchLease;
class BatchPlanner;
class HistoryStore;
} // namespace JobDesk

namespace JobDesk::Cli {

class CliHistory;
class CommandSession;
class VersionGate;

/// `jobdesk-cli batch …`, `batch list|show|resume`: reads and checks the input and the shared
/// payload (nothing sent on a bad row), plans the batch into the journal of the history
/// (BatchPlanner), prints the plan, stops there for --dry-run or a production profile without
/// --yes, then runs it (BatchRunner) with a progress line on a terminal and `--json` lines, and
/// ends with the totals, the report file and the contract's exit code. `batch resume` runs an
/// existing batch again (its items left Sending are looked up first). A payload with a member
/// not every version takes (a result, a lease token, a business id) is checked against the
/// server's version first, as `complete` does (VersionGate): too old → exit 2, nothing planned
/// or sent. The connection lifecycle is CommandSession's. With --no-history the journal lives in
/// a temporary database (the batch cannot be resumed then).
class BatchCommand final : public QObject
{
    Q_OBJECT
public:
    BatchCommand(
        const CommandLine &line, const QProcessEnvironment &environment, QObject *parent = nullptr);
    ~BatchCommand() override;
    Q_DISABLE_COPY_MOVE(BatchCommand)

    /// The exit code when the command is already over; std::nullopt when `finished` follows.
    std::optional<int> start();
    /// A signal: while planning nothing was sent (exit 2); while running, no new requests, those
    /// in flight finish and are recorded, the rest stays for `batch resume` (exit 3).
    void interrupt(int signalNumber);

signals:
    void finished(int exitCode);

private:
    std::optional<int> startNew();
    std::optional<int> startResume();
    int list();
    int show();
    bool openJournal();
    /// The batch `<id>` of `batch show|resume` from the journal; std::nullopt (said) when the
    /// journal cannot be opened or has no such batch.
    std::optional<BatchInfo> namedBatch();
    /// Holds batch `batchId` for this program; false (the reason printed) when another holds it.
    bool takeLease(qint64 batchId);
    /// A payload with a member not every version takes gets a VersionGate and its remembered
    /// version is checked; a plain one gets none. The exit code when the command is over.
    std::optional<int> checkRememberedVersion(const QByteArray &payload);
    /// `next` once the version is known to take the payload (read first when none was
    /// remembered), or the command ends with the refusal.
    void afterVersionCheck(std::function<void()> next);
    void plan();
    void onPlanned(bool ok, const QString &error);
    void run();
    void onItem(const BatchItemOutcome &item);
    void onProgress(const BatchProgress &progress);
    void onRunFinished(BatchRunner::EndReason reason, const QString &error);
    void clearProgressLine();
    /// `--json` item lines: the runner announces items in groups (one per commit), so they are
    /// written once per turn of the event loop, not one write per line.
    void queueOut(const QByteArray &line);
    void flushOut();
    void end(int exitCode);

    CommandLine m_line;
    BatchArguments m_arguments;
    QProcessEnvironment m_environment;
    std::unique_ptr<CommandSession> m_session;
    std::unique_ptr<CliHistory> m_history;
    std::unique_ptr<HistoryStore> m_privateStore; ///< --no-history: a throw-away journal
    std::unique_ptr<QTemporaryDir> m_privateDir;
    HistoryStore *m_store = nullptr;
    std::unique_ptr<BatchJournal> m_journal;
    std::unique_ptr<BatchPlanner> m_planner;
    std::unique_ptr<BatchRunner> m_runner;
    std::unique_ptr<BatchLease> m_lease; ///< held while this program plans or runs the batch
    std::unique_ptr<VersionGate> m_versionGate; ///< only for a payload some versions cannot take
    QByteArray m_payloadBody;
    QByteArray m_input;
    QString m_inputSummary;
    qint64 m_batchId = 0;
    bool m_progressShown = false;
    QByteArray m_queuedOut;
    bool m_flushQueued = false;
    bool m_terminal = false;
    qint64 m_lastProgressMs = -1;
    bool m_interrupted = false;
};

} // namespace JobDesk::Cli
