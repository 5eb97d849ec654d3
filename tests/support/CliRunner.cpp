// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/CliRunner.h"

#include "support/TestPaths.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>

#include <memory>

QProcessEnvironment cliEnvironment(const QString &home, const QStringList &environment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("CAMUNDA_")) || name.startsWith(QLatin1String("ZEEBE_")))
            env.remove(name);
    }
    const QDir root(home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), root.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), root.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), root.filePath(QStringLiteral("cache")));
    for (const QString &assignment : environment) {
        const qsizetype equals = assignment.indexOf(u'=');
        env.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    return env;
}

QProcess *startCli(const QString &home, const QStringList &arguments,
    const QStringList &environment, QObject *parent)
{
    auto *process = new QProcess(parent);
    process->setProcessEnvironment(cliEnvironment(home, environment));
    process->setProgram(TestPaths::executable(QStringLiteral("jobdesk-cli")));
    process->setArguments(arguments);
    process->start();
    process->waitForStarted(10000);
    return process;
}

CliRun finishCli(QProcess *process, int timeoutMs)
{
    CliRun result;
    QSignalSpy finished(process, &QProcess::finished);
    if (process->state() != QProcess::NotRunning && !finished.wait(timeoutMs)) {
        process->kill();
        process->waitForFinished();
        return result;
    }
    if (process->error() == QProcess::FailedToStart)
        return result;
    result.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -2;
    result.out = process->readAllStandardOutput();
    result.err = process->readAllStandardError();
    return result;
}

CliRun runCli(const QString &home, const QStringList &arguments, const QByteArray &input,
    const QStringList &environment, int timeoutMs)
{
    const std::unique_ptr<QProcess> process(startCli(home, arguments, environment, nullptr));
    process->write(input);
    process->closeWriteChannel();
    return finishCli(process.get(), timeoutMs);
}
