// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/ApiRequest.h"
#include "core/camunda/Outcome.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace JobDesk {

/// Which front end made an attempt. Stored as "window" / "cli".
enum class HistorySource { Window, Cli };
QString historySourceName(HistorySource source);
/// Unknown names (never written by JobDesk) read as Window.
HistorySource historySourceFromName(const QString &name);

/// Whether an attempt's outcome is known. A row is written Pending before its request leaves
/// (write-ahead) and becomes Finished when the answer, or the certainty that there is none,
/// arrives. A row that stays Pending belongs to a program that was killed or interrupted while
/// the request was in flight: the server may or may not have acted on it.
enum class HistoryState { Pending, Finished };
QString historyStateName(HistoryState state); ///< "pending", "finished"
std::optional<HistoryState> historyStateFromName(const QString &name);

/// What a look-up found about an attempt whose outcome was unknown (a Pending row, or a
/// request that went out and got no answer). Stored as "", "applied", "not-applied",
/// "inconclusive".
enum class LookupCheck {
    None, ///< not looked up (yet)
    Applied, ///< the look-up shows the action took effect (e.g. the job is COMPLETED)
    NotApplied, ///< the look-up shows it did not (the job is still open: safe to retry)
    Inconclusive, ///< the look-up could not tell (not found, no answer, no search)
};
QString lookupCheckName(LookupCheck check);
std::optional<LookupCheck> lookupCheckFromName(const QString &name);

/// One attempt as it is kept: the columns the log table shows and filters on, plus the full
/// request (secrets already redacted) and response for the details pane.
struct HistoryEntry
{
    qint64 id = 0; ///< assigned by the store
    QDateTime time; ///< UTC, when the request was started
    HistorySource source = HistorySource::Window;
    QString connection; ///< profile name, or the API root when there is no profile
    bool production = false; ///< the connection was a production profile
    ActionKind action = ActionKind::Complete;
    HistoryState state = HistoryState::Finished;
    QString jobKey; ///< the key acted on (job, incident, instance), as text
    /// The steps of one repair share it (a UUID from HistoryStore::newLinkId()); empty: alone.
    QString linkId;
    qint64 batchId = 0; ///< the batch (BatchJournal) this attempt belongs to; 0: none
    LookupCheck check = LookupCheck::None;
    QDateTime checkedAt; ///< when `check` was recorded (UTC)
    OutcomeKind kind = OutcomeKind::TransportError; ///< Pending rows: no answer (yet)
    std::optional<int> httpStatus;
    QString title; ///< problem title, or transport error, or reason phrase
    QString detail; ///< problem detail (verbatim)
    qint64 elapsedMs = 0;
    RequestRecord request; ///< redacted
    HeaderList responseHeaders;
    QByteArray responseBody; ///< capped as received
    bool responseBodyTruncated = false;
    qint64 responseBodyTotalBytes = 0;
    QString transportError;
    QString redirectLocation;

    /// The write-ahead row of a request about to leave: Pending, with the request as described
    /// by JobsClient::describe() (secrets redacted), its action and subject key. `time` is now.
    static HistoryEntry forAttempt(const RequestRecord &request, HistorySource source,
        const QString &connection, bool production, const QDateTime &time);
    /// Builds a finished entry from an outcome. `time` is when the request started.
    static HistoryEntry fromOutcome(const Outcome &outcome, HistorySource source,
        const QString &connection, const QString &jobKey, const QDateTime &time);
    /// The outcome again (problem re-parsed from the body), for explain() and the details pane.
    Outcome toOutcome() const;
    /// An attempt whose outcome nobody has settled by a look-up yet: a Pending row (the run
    /// ended with the request in flight) or a finished SentNoAnswer (the request went out, no
    /// answer came) — either way the server may have acted on it.
    bool isUnknownOutcome() const
    {
        return (state == HistoryState::Pending || kind == OutcomeKind::SentNoAnswer)
            && check == LookupCheck::None;
    }
};

/// The log's words for a Pending row, by what a look-up found ("Unknown — look the job up").
QString unknownOutcomeTitle(LookupCheck check);

/// Filter for queries: empty fields match everything.
struct HistoryFilter
{
    QString text; ///< substring of job key, title, detail, connection or request body
    QList<OutcomeKind> kinds; ///< any of these; empty = all
    QList<ActionKind> actions; ///< any of these; empty = all
    std::optional<HistoryState> state;
    QString linkId; ///< the steps of one repair
    qint64 batchId = 0; ///< the attempts of one batch
    bool isEmpty() const
    {
        return text.isEmpty() && kinds.isEmpty() && actions.isEmpty() && !state && linkId.isEmpty()
            && batchId == 0;
    }
};

} // namespace JobDesk
