// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/ApiRequest.h"
#include "core/camunda/ProblemDetails.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

namespace JobDesk {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// What happened to one request, in the words a support engineer needs.
enum class OutcomeKind {
    Completed, ///< 2xx
    Denied, ///< 2xx to a completion that denied the transition (a task listener's verdict)
    NotFound, ///< 404
    InvalidState, ///< 409 (job FAILED, ERROR_THROWN, lease mismatch, …)
    Rejected, ///< 400 and other 4xx the request itself caused
    Unauthorized, ///< 401
    Forbidden, ///< 403
    Backpressure, ///< 503 RESOURCE_EXHAUSTED, 429
    ServerError, ///< other 5xx (UNAVAILABLE, INTERNAL, ABORTED, DEADLINE_EXCEEDED, …)
    Redirected, ///< 3xx: not followed, Location reported
    TransportError, ///< no HTTP answer: refused, DNS, TLS, timeout, … (or a read that got none)
    /// A request that changes state went out and no answer came (connection closed or reset,
    /// not HTTP, time ran out): the server may have applied it. It is never sent again by the
    /// transport; look the subject up to learn what happened.
    SentNoAnswer,
    Cancelled, ///< cancelled by the person
};

/// Stable lower-case name, e.g. "not-found", "invalid-state" (used in history, JSON, CSV).
QString outcomeKindName(OutcomeKind kind);
std::optional<OutcomeKind> outcomeKindFromName(const QString &name);
/// Short human label for badges, e.g. "Not found".
QString outcomeKindLabel(OutcomeKind kind);

/// The request as it was sent, secrets already redacted (for history, details, curl, dry-run).
struct RequestRecord
{
    ActionKind action = ActionKind::Complete; ///< what the request does
    QString subjectKey; ///< the job (incident, instance) key acted on, as text; may be empty
    QByteArray method;
    QUrl url;
    HeaderList headers; ///< Authorization and other secrets replaced by "<redacted>"
    QByteArray body;
};

/// The answer of another endpoint than the request's own: the OAuth token endpoint refusing to
/// issue a token, so the request itself was never sent.
struct EndpointAnswer
{
    QUrl url;
    int httpStatus = 0;
    QByteArray reasonPhrase;
    HeaderList headers; ///< secrets known to the request redacted
    QByteArray body; ///< capped; secrets known to the request redacted
};

/// One request's result. Built by JobsClient; pure data. Every text that came from a server
/// (body, headers, reason phrase, problem fields) has the secrets known to the request redacted.
struct Outcome
{
    OutcomeKind kind = OutcomeKind::TransportError;
    std::optional<int> httpStatus;
    QByteArray reasonPhrase;
    HeaderList responseHeaders;
    QByteArray rawBody; ///< capped (see bodyTruncated)
    bool bodyTruncated = false; ///< the body was longer than the cap and was cut
    qint64 bodyTotalBytes = 0; ///< bytes received before the cut (or Content-Length)
    ProblemDetails problem; ///< parsed from rawBody
    qint64 elapsedMs = 0;
    /// For TransportError / SentNoAnswer / Cancelled: what went wrong, plainly; with an
    /// incomplete answer (answerIncomplete) or a token endpoint's refusal (tokenAnswer): why.
    QString transportError;
    /// The status and headers arrived, then the connection broke or time ran out: the kind
    /// follows the status, rawBody holds what arrived.
    bool answerIncomplete = false;
    /// Set when authentication failed because the OAuth token endpoint answered with a refusal
    /// (kind Unauthorized, no httpStatus: the request itself was not sent).
    std::optional<EndpointAnswer> tokenAnswer;
    QString redirectLocation; ///< for Redirected
    RequestRecord request;

    /// The server accepted the request (2xx), a denial included.
    bool ok() const { return kind == OutcomeKind::Completed || kind == OutcomeKind::Denied; }
    QByteArray responseHeader(const QByteArray &name) const; ///< case-insensitive, first match
};

/// A plain-language reading of an outcome: what it means and what to do next.
struct Explanation
{
    QString
        summary; ///< e.g. "No such job: it was already completed, cancelled, or the key is wrong."
    QString nextStep; ///< e.g. "Search the job by key to see its state; …"
};

/// Classifies an HTTP answer (status + parsed problem) into a kind. Pure.
OutcomeKind classifyHttpStatus(int status, const ProblemDetails &problem);
/// Explains an outcome of any action without further context (see OutcomeExplain.h for the
/// overload that knows the job and the server's version). Pure, table-tested.
Explanation explain(const Outcome &outcome);

} // namespace JobDesk

Q_DECLARE_METATYPE(JobDesk::Outcome)
