// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

/// What one run of jobdesk-cli did.
struct CliRun
{
    int exitCode = -1; ///< -1: did not start or not finish in time; -2: crashed
    QByteArray out;
    QByteArray err;
};

/// Runs the built jobdesk-cli with its XDG folders (config, data, cache) under `home`, without the
/// caller's CAMUNDA_* and ZEEBE_* variables but with `environment` (NAME=value each), `input` on
/// standard input. Waits with the event loop running, so a loopback server living in the test's
/// thread can answer it.
CliRun runCli(const QString &home, const QStringList &arguments, const QByteArray &input = {},
    const QStringList &environment = {}, int timeoutMs = 30000);
