// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QSocketNotifier;

namespace JobDesk::Cli {

/// SIGINT (Ctrl+C), SIGTERM (`kill`, `timeout`) and SIGHUP (a closed terminal) for a command
/// that sends, so an interrupted run records and says what is known instead of vanishing.
///
/// While the command still checks its input (reading a file or standard input, before anything
/// can be sent), a signal ends the process at once from the handler: "interrupted …; nothing
/// was sent", exit 2. Once deferToEventLoop() was called, a signal is delivered as
/// `interrupted()` through the event loop (the handler only writes to a pipe — the only thing a
/// signal handler may safely do), and the command decides: nothing sent yet → exit 2; a request
/// in flight → its history row stays "unknown — look the job up", exit 3. A second signal of the
/// same kind ends the process at once (the default action), should recording hang.
/// SIGPIPE is ignored, so a closed output pipe cannot kill the run before it records.
///
/// One per process; Unix only (elsewhere it does nothing).
class Interruption final : public QObject
{
    Q_OBJECT
public:
    explicit Interruption(QObject *parent = nullptr);
    ~Interruption() override;
    Q_DISABLE_COPY_MOVE(Interruption)

    /// From now on signals arrive as interrupted() instead of ending the process at once. Safe
    /// to call without an Interruption (then it does nothing).
    static void deferToEventLoop();
    /// "SIGINT", "SIGTERM", "SIGHUP", or "signal N".
    static QString signalName(int signalNumber);

signals:
    void interrupted(int signalNumber);

private:
    void readSignals();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace JobDesk::Cli
