// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Outcome.h"

#include <QByteArray>
#include <QString>

namespace JobDesk::Cli {

/// Exit codes of the CLI contract (PRODUCT.md).
enum ExitCode : int {
    ExitOk = 0, ///< completed (2xx), or the command did what it was asked
    ExitHttpError = 1, ///< the server (or the OAuth token endpoint) answered with an error status
    ExitUsage = 2, ///< invalid input or usage: nothing was sent
    ExitNoAnswer = 3, ///< no HTTP answer (refused, DNS, TLS, timeout) / keychain unreachable
};

/// 0 for a completion, 1 when the server answered with an error status, 3 without an answer.
int exitCodeFor(const Outcome &outcome);

/// Longest body snippet in the human output and longest `rawBody` in `--json`.
inline constexpr qsizetype kHumanBodySnippetChars = 2000;
inline constexpr qsizetype kJsonRawBodyBytes = 64 * 1024;

/// The text a person reads: one line with the outcome (status, title), the problem's detail and
/// every other member verbatim (or a snippet of a body that is not a problem document), then
/// what it means and what to do next from explain() (or `explanation`, when the caller knew
/// more: the job as looked up). The key is named by what the request acted on (job, incident,
/// element instance). Ends with a newline.
QByteArray formatHuman(
    const Outcome &outcome, const QString &jobKey, const Explanation *explanation = nullptr);

/// One JSON object: jobKey, ok, outcome, httpStatus, problem (every member with its raw JSON, so
/// big numbers survive), rawBody (capped at kJsonRawBodyBytes on a UTF-8 boundary),
/// rawBodyTruncated, elapsedMs, error, redirectLocation, explanation, nextStep, then
/// `extraMembers` as given (`,"name":value…`). Ends with "\n". `explanation` as for
/// formatHuman().
QByteArray formatJson(const Outcome &outcome, const QString &jobKey,
    const QByteArray &extraMembers = {}, const Explanation *explanation = nullptr);

/// `--dry-run`: method, URL, headers (already redacted) and body, as text or one JSON object.
QByteArray formatDryRun(const RequestRecord &request, bool json);

/// `text` as a JSON string literal, quotes included (control characters escaped, the rest
/// UTF-8 as is).
QByteArray jsonString(const QString &text);
QByteArray jsonString(const QByteArray &utf8);

/// The longest prefix of `utf8` of at most `maxBytes` bytes that does not cut a character.
QByteArray truncateUtf8(const QByteArray &utf8, qsizetype maxBytes);

} // namespace JobDesk::Cli
