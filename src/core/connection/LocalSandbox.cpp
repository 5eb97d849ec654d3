// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/LocalSandbox.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>

namespace JobDesk {

namespace {
constexpr int kStopWaitMs = 3000;
constexpr qsizetype kMaxFirstLine = 4096;
} // namespace

LocalSandbox::LocalSandbox(QObject *parent)
    : QObject(parent)
    , m_program(defaultProgram())
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardErrorFile(QProcess::nullDevice());
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &LocalSandbox::onOutput);
    connect(&m_process, &QProcess::errorOccurred, this, &LocalSandbox::onError);
    connect(&m_process, &QProcess::finished, this, &LocalSandbox::onFinished);
}

LocalSandbox::~LocalSandbox()
{
    m_process.disconnect(this);
    stop();
}

QString LocalSandbox::defaultProgram()
{
    const QString beside
        = QCoreApplication::applicationDirPath() + QStringLiteral("/jobdesk-sandbox");
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(QStringLiteral("jobdesk-sandbox"));
}

void LocalSandbox::start(const QStringList &arguments)
{
    if (isRunning())
        return;
    m_output.clear();
    m_address.clear();
    m_reported = false;
    if (m_program.isEmpty()) {
        m_reported = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                emit failed(QStringLiteral("jobdesk-sandbox was not found next to JobDesk or "
                                           "on PATH"));
            },
            Qt::QueuedConnection);
        return;
    }
    m_process.start(
        m_program, QStringList {QStringLiteral("--port"), QStringLiteral("0")} + arguments);
}

void LocalSandbox::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(kStopWaitMs)) {
        m_process.kill();
        m_process.waitForFinished(kStopWaitMs);
    }
}

void LocalSandbox::onOutput()
{
    if (m_reported) {
        m_process.readAllStandardOutput(); // its later output is not needed
        return;
    }
    m_output += m_process.readAllStandardOutput();
    const qsizetype end = m_output.indexOf('\n');
    if (end < 0) {
        if (m_output.size() > kMaxFirstLine) {
            m_reported = true;
            emit failed(QStringLiteral("jobdesk-sandbox did not say where it listens"));
            stop();
        }
        return;
    }
    const QByteArray line = m_output.left(end).trimmed();
    const QByteArray prefix("listening on ");
    m_reported = true;
    const QUrl address(QString::fromUtf8(line.mid(prefix.size())));
    if (!line.startsWith(prefix) || !address.isValid() || address.port() <= 0) {
        emit failed(QStringLiteral("jobdesk-sandbox said '%1' instead of its address")
                        .arg(QString::fromUtf8(line.left(200))));
        stop();
        return;
    }
    m_address = address;
    emit started(address);
}

void LocalSandbox::onError(QProcess::ProcessError error)
{
    if (m_reported || error != QProcess::FailedToStart)
        return;
    m_reported = true;
    emit failed(
        QStringLiteral("jobdesk-sandbox could not be started: %1").arg(m_process.errorString()));
}

void LocalSandbox::onFinished()
{
    if (m_reported)
        return;
    m_reported = true;
    emit failed(QStringLiteral("jobdesk-sandbox ended before it listened (exit code %1)")
                    .arg(m_process.exitCode()));
}

} // namespace JobDesk
