// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class QObject;
class QProcess;

/// What one run of jobdesk-cli did.
struct CliRun
{
    int exitCode = -1; ///< -1: did not start or not finish in time; -2: crashed or killed
    QByteArray out;
    QByteArray err;
};

/// The environment of a jobdesk-cli run: the caller's, without its CAMUNDA_* and ZEEBE_*
/// variables, with the XDG folders (config, data, cache) under `home` and `environment`
/// (NAME=value each; a later one wins) added.
QProcessEnvironment cliEnvironment(const QString &home, const QStringList &environment = {});

/// Starts the built jobdesk-cli (for a test that must act while it runs: signal it, kill it,
/// start others). Standard input stays open. The process belongs to `parent`.
QProcess *startCli(const QString &home, const QStringList &arguments,
    const QStringList &environment, QObject *parent);

/// Waits for a started run with the event loop running (killed when it takes longer than
/// `timeoutMs`) and reads what it wrote.
CliRun finishCli(QProcess *process, int timeoutMs = 30000);

/// Runs the built jobdesk-cli as cliEnvironment() says, `input` on standard input. Waits with
/// the event loop running, so a loopback server living in the test's thread can answer it.
CliRun runCli(const QString &home, const QStringList &arguments, const QByteArray &input = {},
    const QStringList &environment = {}, int timeoutMs = 30000);
