// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/SandboxProcess.h"

#include "support/TestPaths.h"

#include <QDeadlineTimer>

SandboxProcess::~SandboxProcess()
{
    stop();
}

bool SandboxProcess::start(const QStringList &arguments)
{
    QStringList args {QStringLiteral("--port"), QStringLiteral("0")};
    args += arguments;
    m_process.setProgram(TestPaths::executable(QStringLiteral("jobdesk-sandbox")));
    m_process.setArguments(args);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2")
                      .arg(m_process.program(), m_process.errorString());
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("the sandbox printed no address; stderr: %1")
                          .arg(QString::fromUtf8(standardError()));
            return false;
        }
        m_process.waitForReadyRead(100);
    }
    const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
    const QString prefix = QStringLiteral("listening on ");
    if (!line.startsWith(prefix)) {
        m_error = QStringLiteral("unexpected first line: %1").arg(line);
        return false;
    }
    m_baseUrl = QUrl(line.mid(prefix.size()));
    return m_baseUrl.isValid();
}

void SandboxProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QByteArray SandboxProcess::standardError()
{
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}
