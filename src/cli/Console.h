// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

namespace JobDesk::Cli {

/// Results go to stdout, usage errors and warnings to stderr; both are flushed at once so the
/// order is right when a caller merges them.
void writeOut(const QByteArray &utf8);
void writeErr(const QByteArray &utf8);
/// "jobdesk-cli: <message>\n" on stderr.
void printError(const QString &message);

/// Standard input as a QIODevice (opened on first use; one per process).
QIODevice *standardInput();

} // namespace JobDesk::Cli
