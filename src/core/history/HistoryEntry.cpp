// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryEntry: the names of its enums, conversion from and to Outcome.
#include "core/history/HistoryEntry.h"

#include "core/history/EnumNames.h"

namespace JobDesk {

using EnumNames::nameOf;
using EnumNames::valueOf;

namespace {

constexpr std::array<std::pair<HistorySource, const char *>, 2> kSources {{
    {HistorySource::Window, "window"},
    {HistorySource::Cli, "cli"},
}};
constexpr std::array<std::pair<HistoryState, const char *>, 2> kStates {{
    {HistoryState::Pending, "pending"},
    {HistoryState::Finished, "finished"},
}};
constexpr std::array<std::pair<LookupCheck, const char *>, 4> kChecks {{
    {LookupCheck::None, ""},
    {LookupCheck::Applied, "applied"},
    {LookupCheck::NotApplied, "not-applied"},
    {LookupCheck::Inconclusive, "inconclusive"},
}};

} // namespace

QString historySourceName(HistorySource source)
{
    return nameOf(kSources, source);
}

HistorySource historySourceFromName(const QString &name)
{
    return valueOf(kSources, name).value_or(HistorySource::Window);
}

QString historyStateName(HistoryState state)
{
    return nameOf(kStates, state);
}

std::optional<HistoryState> historyStateFromName(const QString &name)
{
    return valueOf(kStates, name);
}

QString lookupCheckName(LookupCheck check)
{
    return nameOf(kChecks, check);
}

std::optional<LookupCheck> lookupCheckFromName(const QString &name)
{
    return valueOf(kChecks, name);
}

QString unknownOutcomeTitle(LookupCheck check)
{
    switch (check) {
    case LookupCheck::None:
        return QStringLiteral("Unknown \u2014 look the job up");
    case LookupCheck::Applied:
        return QStringLiteral("Unknown at the time \u2014 a look-up found it done");
    case LookupCheck::NotApplied:
        return QStringLiteral("Not done \u2014 a look-up found the job unchanged; safe to retry");
    case LookupCheck::Inconclusive:
        return QStringLiteral("Unknown \u2014 the look-up could not tell");
    }
    return {};
}

HistoryEntry HistoryEntry::forAttempt(const RequestRecord &request, HistorySource source,
    const QString &connection, bool production, const QDateTime &time)
{
    HistoryEntry entry;
    entry.time = time.toUTC();
    entry.source = source;
    entry.connection = connection;
    entry.production = production;
    entry.action = request.action;
    entry.state = HistoryState::Pending;
    entry.jobKey = request.subjectKey;
    entry.kind = OutcomeKind::TransportError;
    entry.request = request;
    return entry;
}

HistoryEntry HistoryEntry::fromOutcome(const Outcome &outcome, HistorySource source,
    const QString &connection, const QString &jobKey, const QDateTime &time)
{
    HistoryEntry entry;
    entry.time = time.toUTC();
    entry.source = source;
    entry.connection = connection;
    entry.action = outcome.request.action;
    entry.state = HistoryState::Finished;
    entry.jobKey = jobKey;
    entry.kind = outcome.kind;
    entry.httpStatus = outcome.httpStatus;
    if (!outcome.problem.title().isEmpty())
        entry.title = outcome.problem.title();
    else if (!outcome.transportError.isEmpty())
        entry.title = outcome.transportError;
    else
        entry.title = QString::fromLatin1(outcome.reasonPhrase);
    entry.detail = outcome.problem.detail();
    entry.elapsedMs = outcome.elapsedMs;
    entry.request = outcome.request;
    entry.responseHeaders = outcome.responseHeaders;
    entry.responseBody = outcome.rawBody;
    entry.responseBodyTruncated = outcome.bodyTruncated;
    entry.responseBodyTotalBytes = outcome.bodyTotalBytes;
    entry.transportError = outcome.transportError;
    entry.redirectLocation = outcome.redirectLocation;
    return entry;
}

Outcome HistoryEntry::toOutcome() const
{
    Outcome outcome;
    outcome.kind = kind;
    outcome.httpStatus = httpStatus;
    outcome.responseHeaders = responseHeaders;
    outcome.rawBody = responseBody;
    outcome.bodyTruncated = responseBodyTruncated;
    outcome.bodyTotalBytes = responseBodyTotalBytes;
    outcome.elapsedMs = elapsedMs;
    outcome.transportError = transportError;
    outcome.redirectLocation = redirectLocation;
    outcome.request = request;
    QByteArray contentType;
    for (const auto &header : responseHeaders) {
        if (header.first.compare("content-type", Qt::CaseInsensitive) == 0) {
            contentType = header.second;
            break;
        }
    }
    outcome.problem = ProblemDetails::parse(responseBody, contentType);
    // Without a problem document the title column held the reason phrase (see fromOutcome);
    // a denial's title says what was decided instead.
    if (httpStatus && transportError.isEmpty() && outcome.problem.title().isEmpty()
        && kind != OutcomeKind::Denied)
        outcome.reasonPhrase = title.toLatin1();
    return outcome;
}

} // namespace JobDesk
