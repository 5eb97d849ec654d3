// SPDX-License-Identifier: GPL-3.0-or-later
// explain(): the plain-language reading of an outcome, built from the real server's titles and
// details (see shared/camunda/problem-examples.json and Zeebe's rejection texts). Pure: no I/O,
// no clock. This file dispatches and explains what is the same for every action; the refusals
// that depend on the action are in OutcomeExplainRefusals.cpp.
#include "core/camunda/OutcomeExplain.h"
#include "core/camunda/OutcomeExplainParts.h"
#include "core/json/JsonTree.h"

#include <QRegularExpression>

namespace JobDesk {

namespace {
/// `text` as the end of a sentence: a stop unless it already ends in one ("… running?" stays).
QString endSentence(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.endsWith(u'.') || trimmed.endsWith(u'?') || trimmed.endsWith(u'!'))
        return trimmed;
    return trimmed + u'.';
}
} // namespace

namespace ExplainParts {

QString capture(const QString &text, const QString &pattern, int group)
{
    const QRegularExpression re(pattern);
    const QRegularExpressionMatch match = re.match(text);
    return match.hasMatch() ? match.captured(group) : QString();
}

QString statusText(const Outcome &outcome)
{
    QString text = QStringLiteral("HTTP %1").arg(outcome.httpStatus.value_or(0));
    if (!outcome.problem.title().isEmpty())
        text += QLatin1Char(' ') + outcome.problem.title();
    return text;
}

std::optional<JobKey> Input::key() const
{
    if (subjectKey.isEmpty())
        return std::nullopt;
    return JobKey::parse(subjectKey).key;
}

QString Input::bodyMember(QStringView name) const
{
    const Json::Document body = Json::Document::fromUtf8(outcome.request.body);
    return body.root()[name].raw().toString();
}

QString Input::requestNoun() const
{
    switch (action) {
    case ActionKind::Complete:
        return QStringLiteral("the completion");
    case ActionKind::Update:
        return QStringLiteral("the update");
    case ActionKind::Fail:
        return QStringLiteral("the failure");
    case ActionKind::ThrowError:
        return QStringLiteral("the error");
    case ActionKind::ResolveIncident:
        return QStringLiteral("the resolution");
    case ActionKind::SetVariables:
        return QStringLiteral("the variables");
    case ActionKind::BatchOperation:
        return QStringLiteral("the batch operation");
    case ActionKind::Lookup:
    case ActionKind::Topology:
        return QStringLiteral("the request");
    }
    return QStringLiteral("the request");
}

} // namespace ExplainParts

namespace {

using namespace ExplainParts;

/// The key in the address: the segment after the resource name ("jobs/<key>/…").
QString keyInPath(const Outcome &outcome)
{
    return capture(outcome.request.url.path(),
        QStringLiteral("/(?:jobs|incidents|element-instances|process-instances|variables|"
                       "batch-operations)/([0-9]+)(?:/|$)"));
}

Explanation explainServerError(const Input &in)
{
    const Outcome &outcome = in.outcome;
    const QString title = outcome.problem.title();
    const QString detail = outcome.problem.detail();
    const int status = outcome.httpStatus.value_or(500);
    const bool reads = in.action == ActionKind::Lookup || in.action == ActionKind::Topology;
    const QString checkFirst = reads
        ? QStringLiteral("Retry in a few seconds; reading changes nothing.")
        : in.action == ActionKind::Complete
        ? QStringLiteral("Check the job before retrying: search it by key; if it no longer "
                         "exists, the completion went through.")
        : QStringLiteral("Check the job before retrying: look it up by key to see whether %1 "
                         "was applied.")
              .arg(in.requestNoun());
    if (status == 503 || title == QLatin1String("UNAVAILABLE")) {
        if (detail.contains(QLatin1String("could not be delivered"))) {
            QString summary
                = QStringLiteral("The request could not be delivered to the %1's "
                                 "partition (UNAVAILABLE).")
                      .arg(in.endpoint && !in.endpoint->subject.isEmpty() ? in.endpoint->subject
                                                                          : QStringLiteral("job"));
            if (const auto key = in.key()) {
                // Camunda answers UNAVAILABLE, not 404, for keys whose partition does not exist.
                if (key->partitionId() == 0)
                    summary
                        += QStringLiteral(" The key points to no partition, so the key is wrong.");
                else if (key->partitionId() > 1)
                    summary
                        += QStringLiteral(" The key belongs to partition %1; if the cluster has "
                                          "fewer partitions, the key is wrong.")
                               .arg(key->partitionId());
            }
            return {summary,
                QStringLiteral("Check the key and the cluster's partitions (topology) before "
                               "retrying; if both are right, retry in a few seconds.")};
        }
        return {QStringLiteral("The %1's partition is temporarily unavailable (UNAVAILABLE), "
                               "typically during a leader change.")
                    .arg(in.endpoint && !in.endpoint->subject.isEmpty() ? in.endpoint->subject
                                                                        : QStringLiteral("job")),
            QStringLiteral("Retry in a few seconds.")};
    }
    if (status == 502 || title == QLatin1String("ABORTED")) {
        return {QStringLiteral("The connection between gateway and broker was cut: %1 may or may "
                               "not have been applied.")
                    .arg(in.requestNoun()),
            checkFirst};
    }
    if (status == 504 || title == QLatin1String("DEADLINE_EXCEEDED")) {
        return {QStringLiteral("The request timed out between gateway and broker: %1 may or may "
                               "not have been applied.")
                    .arg(in.requestNoun()),
            checkFirst};
    }
    return {QStringLiteral("The server failed with an internal error (%1); the request was "
                           "probably not applied.")
                .arg(statusText(outcome)),
        QStringLiteral("Retry once; if it fails again, report it to the cluster's operators "
                       "with these details.")};
}

Explanation explainTransport(const Input &in)
{
    const Outcome &outcome = in.outcome;
    const QString what = outcome.transportError.isEmpty() ? QStringLiteral("no HTTP answer")
                                                          : outcome.transportError;
    if (what.contains(QLatin1String("timed out"), Qt::CaseInsensitive)
        || what.contains(QLatin1String("timeout"), Qt::CaseInsensitive)) {
        QString noun = in.requestNoun();
        noun[0] = noun[0].toUpper();
        return {QStringLiteral("No answer in time: %1 %2 may or may not have reached the server.")
                    .arg(endSentence(what), noun),
            QStringLiteral("Check the job before retrying; raise the timeout if the "
                           "server is slow.")};
    }
    return {QStringLiteral("No answer from the server: %1").arg(endSentence(what)),
        QStringLiteral("Check the address and port, that the cluster is running and "
                       "reachable (VPN, proxy), and its TLS certificate.")};
}

Explanation explainBackpressure(const Outcome &outcome)
{
    QString next = QStringLiteral("Retry later, after a few seconds; if it persists, tell the "
                                  "cluster's operators it is overloaded.");
    const QByteArray retryAfter = outcome.responseHeader(QByteArrayLiteral("Retry-After"));
    if (!retryAfter.isEmpty())
        next = QStringLiteral("Retry later (the server asks to wait %1 seconds).")
                   .arg(QString::fromLatin1(retryAfter.trimmed()));
    return {QStringLiteral("The cluster is under backpressure (RESOURCE_EXHAUSTED): it "
                           "refused the request to protect itself, nothing was applied."),
        next};
}

Explanation explainRedirect(const Outcome &outcome)
{
    const QString location = outcome.redirectLocation.isEmpty()
        ? QString::fromUtf8(outcome.responseHeader(QByteArrayLiteral("Location")))
        : outcome.redirectLocation;
    return {location.isEmpty()
            ? QStringLiteral("The address redirects elsewhere (%1); redirects are not "
                             "followed, so nothing reached Camunda.")
                  .arg(statusText(outcome))
            : QStringLiteral("The address redirects to %1; redirects are not followed, so "
                             "nothing reached Camunda.")
                  .arg(location),
        QStringLiteral("Use the final address as the base URL: probably https instead of "
                       "http, or a missing context path.")};
}

} // namespace

Explanation explain(const Outcome &outcome)
{
    return explain(outcome, ExplainContext {});
}

bool isLeaseRefusal(const Outcome &outcome)
{
    return outcome.httpStatus == 409
        && outcome.problem.detail().contains(QLatin1String("lease token"));
}

Explanation explain(const Outcome &outcome, const ExplainContext &context)
{
    const ApiEndpoint *endpoint
        = findApiEndpoint(outcome.request.method, outcome.request.url.path());
    // The address says what was done; the record's action covers requests to addresses that
    // are not JobDesk's own.
    const ActionKind action = endpoint ? endpoint->action : outcome.request.action;
    const QString key
        = outcome.request.subjectKey.isEmpty() ? keyInPath(outcome) : outcome.request.subjectKey;
    const Input in {outcome, context, action, endpoint, key};

    switch (outcome.kind) {
    case OutcomeKind::Completed:
    case OutcomeKind::Denied:
        return completed(in);
    case OutcomeKind::NotFound:
        return notFound(in);
    case OutcomeKind::InvalidState:
        return invalidState(in);
    case OutcomeKind::Rejected:
        return rejected(in);
    case OutcomeKind::Unauthorized:
        if (outcome.tokenAnswer) {
            return {QStringLiteral("The OAuth token endpoint refused to issue a token (HTTP %1), "
                                   "so the request was not sent.")
                        .arg(outcome.tokenAnswer->httpStatus),
                QStringLiteral("Check the connection's client id, client secret, token URL, "
                               "audience and scope; the token endpoint's answer says which.")};
        }
        if (outcome.problem.detail().contains(QLatin1String("not authorized for that tenant"))) {
            return {QStringLiteral("Your user is not assigned to the tenant of this request."),
                QStringLiteral("Ask an administrator to assign you to the tenant, or use a "
                               "connection for the right tenant.")};
        }
        return {QStringLiteral("The server did not accept the credentials: they are missing, "
                               "wrong or expired."),
            QStringLiteral("Check the connection's authentication (user and password, or "
                           "client id, secret, token URL and audience) and send again.")};
    case OutcomeKind::Forbidden:
        return forbidden(in);
    case OutcomeKind::Backpressure:
        return explainBackpressure(outcome);
    case OutcomeKind::ServerError:
        return explainServerError(in);
    case OutcomeKind::Redirected:
        return explainRedirect(outcome);
    case OutcomeKind::TransportError:
        return explainTransport(in);
    case OutcomeKind::SentNoAnswer:
        return {QStringLiteral("The request was sent but no answer came back (%1): the server "
                               "may have applied it.")
                    .arg(outcome.transportError.isEmpty() ? QStringLiteral("no answer")
                                                          : outcome.transportError),
            QStringLiteral("Look the job up before sending again: if it is gone or completed, "
                           "the request went through. It was not sent a second time.")};
    case OutcomeKind::Cancelled:
        return {QStringLiteral("Cancelled before an answer arrived."),
            action == ActionKind::Lookup || action == ActionKind::Topology
                ? QStringLiteral("Nothing was changed by a read; send it again when ready.")
                : QStringLiteral("The server may still have applied it: check the job before "
                                 "sending again.")};
    }
    return {QString(), QString()};
}

} // namespace JobDesk
