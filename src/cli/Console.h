// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

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

/// Why one of the program's arguments (argv[1…]) is not valid UTF-8 ("argument 3 is not valid
/// UTF-8 (byte 5)…"), or std::nullopt when all are.
std::optional<QString> invalidUtf8Argument(int argc, const char *const *argv);

/// Server-controlled text made safe for a terminal: control characters (C0 but tab and, with
/// `keepLineBreaks`, line feed; DEL; C1) and bidirectional overrides become visible escapes
/// (`\r`, `\x1b`, `\u202e`), so an answer cannot move the cursor, erase its own line or
/// reorder what is shown. Everything else is kept as it is.
QString escapeControls(const QString &text, bool keepLineBreaks = true);

} // namespace JobDesk::Cli
