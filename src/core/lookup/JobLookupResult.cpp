// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lookup/JobLookupResult.h"

#include <QtAlgorithms>

#include <algorithm>
#include <limits>

namespace JobDesk {

namespace {

constexpr qint64 kTwoTo51 = qint64(1) << 51; // the first key of partition 1
constexpr qint64 kTwoTo53 = qint64(1) << 53; // above this a double cannot hold every integer
constexpr int kSpreadsheetDigits = 15; // spreadsheets keep 15 significant digits

bool addWithoutOverflow(qint64 a, qint64 b, qint64 *sum)
{
    if (b > 0 && a > std::numeric_limits<qint64>::max() - b)
        return false;
    if (b < 0 && a < std::numeric_limits<qint64>::min() - b)
        return false;
    *sum = a + b;
    return true;
}

/// Keys whose double is the key's double (round to nearest even, as JavaScript's Number()).
QList<qint64> doubleNeighbours(qint64 value)
{
    QList<qint64> found;
    if (value < kTwoTo53)
        return found;
    const double asDouble = static_cast<double>(value);
    if (asDouble >= 9223372036854775808.0) // 2^63: beyond every key
        return found;
    if (static_cast<qint64>(asDouble) != value)
        return found; // not what a double holds: nobody rounded it to this
    const int topBit = 63 - static_cast<int>(qCountLeadingZeroBits(quint64(value)));
    const qint64 ulp = qint64(1) << (topBit - 52);
    // Everything within half a step either side (and at the step's bounds when ties go here).
    for (qint64 delta = -ulp; delta <= ulp; ++delta) {
        qint64 candidate = 0;
        if (delta == 0 || !addWithoutOverflow(value, delta, &candidate))
            continue;
        if (static_cast<double>(candidate) == asDouble)
            found.append(candidate);
    }
    return found;
}

/// Keys a spreadsheet shows as this key: digits after the 15th cut to zero (truncated, as Excel
/// does) or rounded (as others do).
QList<qint64> spreadsheetNeighbours(const JobKey &key)
{
    QList<qint64> found;
    const QString &digits = key.toString();
    const qsizetype cut = digits.size() - kSpreadsheetDigits;
    if (cut <= 0)
        return found;
    for (qsizetype i = kSpreadsheetDigits; i < digits.size(); ++i) {
        if (digits.at(i) != u'0')
            return found;
    }
    qint64 span = 1;
    for (qsizetype i = 0; i < cut; ++i)
        span *= 10;
    for (qint64 delta = -span / 2; delta < span; ++delta) {
        qint64 candidate = 0;
        if (delta != 0 && addWithoutOverflow(key.value(), delta, &candidate))
            found.append(candidate);
    }
    return found;
}

} // namespace

QString lookupStateName(LookupState state)
{
    switch (state) {
    case LookupState::Found:
        return QStringLiteral("found");
    case LookupState::NotFound:
        return QStringLiteral("not-found");
    case LookupState::NoPermission:
        return QStringLiteral("no-permission");
    case LookupState::SearchUnavailable:
        return QStringLiteral("search-unavailable");
    case LookupState::Refused:
        return QStringLiteral("refused");
    case LookupState::TransportError:
        return QStringLiteral("transport-error");
    case LookupState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

QString recheckVerdictName(RecheckVerdict verdict)
{
    switch (verdict) {
    case RecheckVerdict::Applied:
        return QStringLiteral("applied");
    case RecheckVerdict::NotApplied:
        return QStringLiteral("not-applied");
    case RecheckVerdict::Unknown:
        return QStringLiteral("unknown");
    }
    return QString();
}

QList<VariableRecord> JobLookupResult::visibleVariables() const
{
    QList<VariableRecord> merged = variables;
    for (const VariableRecord &local : localVariables) {
        const auto same = std::find_if(merged.begin(), merged.end(),
            [&local](const VariableRecord &v) { return v.name == local.name; });
        if (same != merged.end())
            *same = local;
        else
            merged.append(local);
    }
    return merged;
}

QString JobLookupResult::describe() const
{
    switch (state) {
    case LookupState::Found:
        if (job)
            return QStringLiteral("Job %1 is %2.").arg(job->jobKey, job->state);
        return QStringLiteral("The search answered.");
    case LookupState::NotFound:
        return QStringLiteral(
            "The job search does not know this key: the job may never have existed (a mistyped "
            "or rounded key), or the search index has not caught up with a job that was just "
            "created — look again in a moment.");
    case LookupState::NoPermission:
        return QStringLiteral("The credentials may not read jobs (HTTP %1): ask for the "
                              "permission to read process instances, or use another profile.")
            .arg(outcome.httpStatus.value_or(0));
    case LookupState::SearchUnavailable:
        return QStringLiteral("This server has no job search (Camunda 8.8 or later has it): the "
                              "job cannot be looked up, completing it works as before.");
    case LookupState::Refused: {
        const QString title = outcome.problem.title().isEmpty()
            ? QString::fromUtf8(outcome.reasonPhrase)
            : outcome.problem.title();
        QString text = QStringLiteral("The search was refused (HTTP %1 %2)")
                           .arg(outcome.httpStatus.value_or(0))
                           .arg(title);
        if (!outcome.problem.detail().isEmpty())
            text += QStringLiteral(": ") + outcome.problem.detail();
        return text + u'.';
    }
    case LookupState::TransportError:
        return QStringLiteral("The job could not be looked up: %1.").arg(outcome.transportError);
    case LookupState::Cancelled:
        return QStringLiteral("The look-up was cancelled.");
    }
    return QString();
}

namespace LookupRules {

LookupState stateForSearch(const Outcome &outcome, bool found)
{
    if (outcome.kind == OutcomeKind::Cancelled)
        return LookupState::Cancelled;
    if (!outcome.httpStatus)
        return LookupState::TransportError;
    const int status = *outcome.httpStatus;
    if (status >= 200 && status < 300)
        return found ? LookupState::Found : LookupState::NotFound;
    if (status == 401 || status == 403)
        return LookupState::NoPermission;
    // A server without the endpoint: Spring's "No static resource" 404, or 8.7's 405 for POST
    // on a path another route owns.
    if (status == 404 || status == 405)
        return LookupState::SearchUnavailable;
    return LookupState::Refused;
}

bool needsRecheck(const Outcome &attempt)
{
    if (!changesState(attempt.request.action))
        return false; // a read that lost its answer is simply read again
    switch (attempt.kind) {
    case OutcomeKind::SentNoAnswer: // went out, no answer: the server may have applied it
    case OutcomeKind::Cancelled: // cancelled in flight: it may have reached the server
        return true;
    default:
        // TransportError on a change means it never left (JobsClient tells them apart).
        return false;
    }
}

bool isOpenState(const QString &jobState)
{
    static const QStringList closed {
        QStringLiteral("COMPLETED"), QStringLiteral("CANCELED"), QStringLiteral("ERROR_THROWN")};
    return !jobState.isEmpty() && !closed.contains(jobState);
}

RecheckResult judge(ActionKind action, const JobLookupResult &lookup)
{
    RecheckResult result;
    if (lookup.state != LookupState::Found || !lookup.job) {
        result.verdict = RecheckVerdict::Unknown;
        switch (lookup.state) {
        case LookupState::NotFound:
            result.summary = QStringLiteral(
                "unknown: the job search does not know the job (yet), so whether the server "
                "applied the request cannot be told");
            break;
        case LookupState::SearchUnavailable:
            result.summary
                = QStringLiteral("unknown: this server has no job search to check what happened");
            break;
        default:
            result.summary = QStringLiteral("unknown: the job could not be looked up (%1)")
                                 .arg(lookup.describe());
            break;
        }
        result.checkText
            = QStringLiteral("lookup: %1 — unknown").arg(lookupStateName(lookup.state));
        return result;
    }
    const JobRecord &job = *lookup.job;
    const QString state = job.state;
    const auto applied = [&](const QString &what) {
        result.verdict = RecheckVerdict::Applied;
        result.summary = QStringLiteral("%1 (job state %2, confirmed by lookup)").arg(what, state);
    };
    const auto stillOpen = [&] {
        result.verdict = RecheckVerdict::NotApplied;
        result.summary = QStringLiteral(
            "the job is still open (state %1): the request was not applied, so sending it again "
            "is safe to retry")
                             .arg(state);
    };
    switch (action) {
    case ActionKind::Complete:
        if (state == QLatin1String("COMPLETED"))
            applied(job.isDenied.value_or(false)
                    ? QStringLiteral("the server did complete it, with the denial")
                    : QStringLiteral("the server did complete it"));
        else if (isOpenState(state))
            stillOpen();
        break;
    case ActionKind::ThrowError:
        if (state == QLatin1String("ERROR_THROWN"))
            applied(QStringLiteral("the server did throw the error"));
        else if (isOpenState(state) && state != QLatin1String("FAILED"))
            stillOpen();
        break;
    case ActionKind::Fail:
        if (state == QLatin1String("FAILED"))
            applied(QStringLiteral("the server did fail the job"));
        break;
    default:
        break;
    }
    if (result.summary.isEmpty()) {
        result.verdict = RecheckVerdict::Unknown;
        result.summary = QStringLiteral("unknown: the job is %1 now, which does not tell whether "
                                        "this request was applied")
                             .arg(state);
    }
    result.checkText
        = QStringLiteral("lookup: %1 — %2").arg(state, recheckVerdictName(result.verdict));
    return result;
}

bool mayBeRounded(const JobKey &key)
{
    return !roundedNeighbours(key, 1).isEmpty();
}

QList<JobKey> roundedNeighbours(const JobKey &key, int maxCandidates)
{
    QList<JobKey> keys;
    if (!key.isValid() || maxCandidates <= 0)
        return keys;
    QList<qint64> values = doubleNeighbours(key.value()) + spreadsheetNeighbours(key);
    const qint64 origin = key.value();
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    values.erase(std::remove_if(values.begin(), values.end(),
                     [origin](qint64 v) { return v < kTwoTo51 || v == origin; }),
        values.end());
    // The nearest first when there are more than asked for.
    std::stable_sort(values.begin(), values.end(), [origin](qint64 a, qint64 b) {
        const quint64 da = a > origin ? quint64(a - origin) : quint64(origin - a);
        const quint64 db = b > origin ? quint64(b - origin) : quint64(origin - b);
        return da < db;
    });
    if (values.size() > maxCandidates)
        values.resize(maxCandidates);
    std::sort(values.begin(), values.end());
    for (const qint64 value : std::as_const(values)) {
        if (const auto parsed = JobKey::parse(QString::number(value)).key)
            keys.append(*parsed);
    }
    return keys;
}

} // namespace LookupRules

} // namespace JobDesk
