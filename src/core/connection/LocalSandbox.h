// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace JobDesk {

/// The local sandbox as a child process: `jobdesk-sandbox --port 0 --demo` (the stand-in server
/// that ships with JobDesk), for trying JobDesk without a cluster. Reads the address from the
/// sandbox's first line ("listening on http://127.0.0.1:<port>") and stops the process when it
/// is destroyed.
class LocalSandbox final : public QObject
{
    Q_OBJECT
public:
    explicit LocalSandbox(QObject *parent = nullptr);
    ~LocalSandbox() override;

    /// `jobdesk-sandbox` next to the running program, else the one on PATH; empty if neither.
    static QString defaultProgram();
    void setProgram(const QString &program) { m_program = program; }
    QString program() const { return m_program; }

    /// Starts the sandbox with `arguments` (after `--port 0`); `started` or `failed` follows.
    void start(const QStringList &arguments = {QStringLiteral("--demo")});
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    /// e.g. http://127.0.0.1:40123 once started.
    QUrl address() const { return m_address; }

signals:
    void started(const QUrl &address);
    void failed(const QString &why);

private:
    void onOutput();
    void onError(QProcess::ProcessError error);
    void onFinished();

    Q_DISABLE_COPY_MOVE(LocalSandbox)
    QString m_program;
    QProcess m_process;
    QByteArray m_output;
    QUrl m_address;
    bool m_reported = false;
};

} // namespace JobDesk
