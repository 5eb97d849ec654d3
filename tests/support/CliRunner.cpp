// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/CliRunner.h"

#include "support/TestPaths.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>

CliRun runCli(const QString &home, const QStringList &arguments, const QByteArray &input,
    const QStringList &environment, int timeoutMs)
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
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProgram(TestPaths::executable(QStringLiteral("jobdesk-cli")));
    process.setArguments(arguments);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start();
    CliRun result;
    if (!process.waitForStarted(10000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
