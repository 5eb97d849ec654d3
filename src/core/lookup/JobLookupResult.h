// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Answers.h"
#include "core/camunda/JobKey.h"
#include "core/camunda/Outcome.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace JobDesk {

/// What a look-up found out.
enum class LookupState {
    Found, ///< the search answered and holds the job (or, for many keys, answered at all)
    NotFound, ///< the search answered without the job
    NoPermission, ///< 401 or 403: the credentials may not read jobs
    SearchUnavailable, ///< the server has no job search (Camunda before 8.8)
    Refused, ///< another error status (400, 5xx, …): see `outcome`
    TransportError, ///< no answer (refused, DNS, TLS, timeout)
    Cancelled, ///< cancelled before it was over
};

/// "found", "not-found", "no-permission", "search-unavailable", "refused", "transport-error",
/// "cancelled" (CLI output, history check text).
QString lookupStateName(LookupState state);

/// What a re-check after a lost answer concluded about the attempt.
enum class RecheckVerdict {
    Applied, ///< the job is in the state the attempt leads to (completed, error thrown)
    NotApplied, ///< the job is still open: sending again is safe
    Unknown, ///< the look-up was impossible or cannot tell
};

/// "applied", "not-applied", "unknown".
QString recheckVerdictName(RecheckVerdict verdict);

/// The verdict of a re-check with its sentence, e.g. "the server did complete it (job state
/// COMPLETED, confirmed by lookup)". `checkText` is the short form kept in the history's check
/// column: "lookup: COMPLETED — applied".
struct RecheckResult
{
    RecheckVerdict verdict = RecheckVerdict::Unknown;
    QString summary;
    QString checkText;
};

/// The answer to "what is this job now?": the state of the look-up, the job with its active
/// incident and the variables it sees, or for many keys the jobs found; the outcome of the
/// request that decided the state (for the problem text of a refusal); when it was looked up.
/// Variables: `variables` are the process instance's (scope = instance key), `localVariables`
/// those of the job's element instance; a failed variables search leaves the job found and says
/// why in `variablesError`.
struct JobLookupResult
{
    LookupState state = LookupState::TransportError;
    JobKey key; ///< the key looked up (single look-ups)
    std::optional<JobRecord> job;
    std::optional<IncidentRecord> incident; ///< the job's ACTIVE incident, if any
    QList<VariableRecord> variables;
    QList<VariableRecord> localVariables;
    bool variablesComplete = true; ///< false when more variables exist than were read
    QString variablesError; ///< why the variables could not be read (job still found)
    QString incidentError; ///< why the incident could not be read (job still found)
    QList<JobRecord> jobs; ///< many keys: the jobs found; neighbours: the candidates
    QList<JobKey> missing; ///< many keys: the keys the search did not return
    Outcome outcome; ///< the request that decided the state (refusals, transport errors)
    QDateTime lookedUpAt; ///< UTC, when the answer arrived
    std::optional<RecheckResult> recheck; ///< set by JobLookup::recheck()

    bool isFound() const { return state == LookupState::Found; }
    /// What the job sees: the instance's variables, the element's local ones over them (by
    /// name), in the instance's order with the element's own ones after.
    QList<VariableRecord> visibleVariables() const;
    /// One sentence for the person: what the state means and what to do next. For NotFound it
    /// names what that can mean (completed or cancelled and gone, never existed, the search
    /// index not caught up yet).
    QString describe() const;
};

/// Pure helpers of the look-up, table-tested.
namespace LookupRules {

/// The look-up state a finished job search means (`found` tells whether the answer held the
/// job). A 404 or 405 to `jobs/search` is a server without the endpoint (8.7).
LookupState stateForSearch(const Outcome &outcome, bool found);

/// True when an attempt's answer was lost after the request may have reached the server, so
/// only a look-up can say what happened: sent with no answer (a time-out or a broken connection
/// after sending), cancelled in flight. A change that never left (TransportError) and every
/// answer need no re-check.
bool needsRecheck(const Outcome &attempt);

/// What the job as looked up says about an attempt of `action` whose answer was lost.
RecheckResult judge(ActionKind action, const JobLookupResult &lookup);

/// The keys that JavaScript (a double, round to nearest even) or a spreadsheet (15 significant
/// digits, the rest zero) could have turned into `key`, ascending, `key` itself excluded, only
/// keys that name a partition (≥ 2^51). Empty when `key` cannot be such a rounding: below 2^53
/// for doubles, or without trailing zeros past the 15th digit for spreadsheets. At most
/// `maxCandidates` keys (the nearest ones).
QList<JobKey> roundedNeighbours(const JobKey &key, int maxCandidates = 1000);

/// Whether roundedNeighbours() has anything to search.
bool mayBeRounded(const JobKey &key);

/// A job state that still accepts commands (CREATED, FAILED with retries, … — anything but
/// COMPLETED, CANCELED, ERROR_THROWN, MIGRATED…). Used to say "still open".
bool isOpenState(const QString &jobState);

} // namespace LookupRules

} // namespace JobDesk

Q_DECLARE_METATYPE(JobDesk::JobLookupResult)
