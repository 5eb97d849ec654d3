// SPDX-License-Identifier: GPL-3.0-or-later
// explain(): the plain-language reading of an outcome, built from the real server's titles and
// details (see shared/camunda/problem-examples.json). Pure: no I/O, no clock.
#include "core/camunda/JobKey.h"
#include "core/camunda/Outcome.h"

#include <QRegularExpression>

namespace JobDesk {

namespace {

QString capture(const QString &text, const QString &pattern, int group = 1)
{
    const QRegularExpression re(pattern);
    const QRegularExpressionMatch match = re.match(text);
    return match.hasMatch() ? match.captured(group) : QString();
}

/// The job key from ".../jobs/<key>/completion", if the request is known.
std::optional<JobKey> requestedKey(const Outcome &outcome)
{
    const QString key = capture(outcome.request.url.path(), QStringLiteral("/jobs/([0-9]+)/"));
    if (key.isEmpty())
        return std::nullopt;
    return JobKey::parse(key).key;
}

QString statusText(const Outcome &outcome)
{
    QString text = QStringLiteral("HTTP %1").arg(outcome.httpStatus.value_or(0));
    if (!outcome.problem.title().isEmpty())
        text += QLatin1Char(' ') + outcome.problem.title();
    return text;
}

Explanation explainCompleted(const Outcome &outcome)
{
    if (outcome.request.body.contains("\"denied\":true")) {
        return {QStringLiteral("Completed with a denial: the task listener's job is done and the "
                               "user task stays active."),
            QStringLiteral("Nothing more to do; the task's assignee can work on it again.")};
    }
    return {QStringLiteral("Completed: the server accepted the completion."),
        QStringLiteral("Nothing more to do; the process continues after this job.")};
}

Explanation explainNotFound(const Outcome &outcome)
{
    if (!outcome.problem.isProblem()) {
        return {QStringLiteral("The address answered 404 without a Camunda problem document: the "
                               "API address is probably wrong, not the job."),
            QStringLiteral("Check the connection's base URL (host, port and any context path "
                           "before /v2).")};
    }
    QString summary = QStringLiteral("No such job: it was already completed, cancelled, or the key "
                                     "is wrong.");
    if (const auto key = requestedKey(outcome); key && key->partitionId() == 0)
        summary
            += QStringLiteral(" This key points to no partition, so it cannot be a real job key.");
    return {summary,
        QStringLiteral("Search the job by key to see its state; check that you are connected "
                       "to the right cluster and tenant (a job in a tenant you may not access "
                       "also answers 404).")};
}

Explanation explainInvalidState(const Outcome &outcome)
{
    const QString detail = outcome.problem.detail();
    if (detail.contains(QLatin1String("lease token"))) {
        return {QStringLiteral("The job is leased by a worker: completing it needs that worker's "
                               "lease token, which a completion by hand does not have."),
            QStringLiteral("Let the worker complete it, or wait until its lease ends (the job "
                           "times out or is failed) and complete it then.")};
    }
    if (detail.contains(QLatin1String("ad-hoc sub-process instance is not active"))) {
        return {QStringLiteral("The ad-hoc sub-process this job belongs to is no longer active, so "
                               "its result cannot be applied."),
            QStringLiteral("Open the process instance to see what happened to the ad-hoc "
                           "sub-process; there is nothing left to complete.")};
    }
    const QString state = capture(detail, QStringLiteral("in state '([A-Za-z_]+)'"));
    if (state == QLatin1String("FAILED")) {
        return {QStringLiteral("The job is in state FAILED: it failed and is out of retries (an "
                               "incident is open) or waits for a retry back-off, so it cannot be "
                               "completed now."),
            QStringLiteral("Raise the job's retries and resolve the incident first, then "
                           "complete.")};
    }
    if (state == QLatin1String("ERROR_THROWN")) {
        return {QStringLiteral("The job is in state ERROR_THROWN: an error was thrown for it and "
                               "not caught by any boundary event, so an incident is open."),
            QStringLiteral("Resolve the incident (for example in Operate) instead of completing "
                           "the job.")};
    }
    if (!state.isEmpty()) {
        return {
            QStringLiteral("The job is in state %1, in which it cannot be completed.").arg(state),
            QStringLiteral("Look the job up by key to see why it is %1, then act on that.")
                .arg(state)};
    }
    return {QStringLiteral("The job is not in a state that allows completion (see the detail)."),
        QStringLiteral("Look the job up by key to see its state.")};
}

Explanation explainRejected(const Outcome &outcome)
{
    const QString detail = outcome.problem.detail();
    const int status = outcome.httpStatus.value_or(400);
    if (detail.contains(QLatin1String("Task Listener job completion with variables"))) {
        return {QStringLiteral("This is a task listener job: completing it with variables is not "
                               "supported."),
            QStringLiteral("Send no variables (leave the variables empty); use corrections to "
                           "change the user task.")};
    }
    const QString deniedFor
        = capture(detail, QStringLiteral("Denying result is not supported for '([A-Za-z_]+)'"));
    if (!deniedFor.isEmpty()) {
        const QString allowed = capture(detail, QStringLiteral("support denying: \\[([^\\]]*)\\]"));
        return {QStringLiteral("Denying is not supported for %1 task listener jobs%2.")
                    .arg(deniedFor,
                        allowed.isEmpty()
                            ? QString()
                            : QStringLiteral("; only %1 listeners can deny").arg(allowed)),
            QStringLiteral("Complete the job without denying it.")};
    }
    const QString property
        = capture(detail, QStringLiteral("Request property \\[([^\\]]+)\\] cannot be parsed"));
    if (!property.isEmpty()) {
        QString next = QStringLiteral("Fix the value of '%1' so it has the type the API expects.")
                           .arg(property);
        if (property == QLatin1String("variables"))
            next = QStringLiteral("Make the variables one JSON object, like {\"approved\": true}.");
        else if (property.startsWith(QLatin1String("result")))
            next = QStringLiteral("Check the result's fields; a server older than 8.8 does not "
                                  "know 'result' at all, so complete without one.");
        return {QStringLiteral("The server could not read the request property '%1': it has the "
                               "wrong type or is not known.")
                    .arg(property),
            next};
    }
    const QRegularExpressionMatch unconvertible = QRegularExpression(
        QStringLiteral("Failed to convert '([A-Za-z]+)' with value: '([^']*)'"))
                                                      .match(detail);
    if (unconvertible.hasMatch()) {
        return {
            QStringLiteral("The server could not read '%1' in the address: '%2' is not a number.")
                .arg(unconvertible.captured(1), unconvertible.captured(2)),
            QStringLiteral("Use the key's digits only.")};
    }
    if (detail.contains(QLatin1String("Required request body is missing"))) {
        return {QStringLiteral("The server received no request body."),
            QStringLiteral("Send the request again; a proxy may have dropped the body.")};
    }
    if (detail.contains(QLatin1String("max size"), Qt::CaseInsensitive) || status == 413) {
        return {QStringLiteral("The request is larger than the server accepts (Camunda's default "
                               "maximum message size is 4 MiB)."),
            QStringLiteral("Send fewer or smaller variables.")};
    }
    if (status == 405 || status == 415) {
        return {QStringLiteral("The address does not accept this request (%1): it is probably not "
                               "a Camunda REST API.")
                    .arg(statusText(outcome)),
            QStringLiteral("Check the connection's base URL.")};
    }
    return {QStringLiteral("The server rejected the request as invalid (%1); the detail says "
                           "what it did not accept.")
                .arg(statusText(outcome)),
        QStringLiteral("Correct the request as the detail says and send it again.")};
}

Explanation explainForbidden(const Outcome &outcome)
{
    const QString detail = outcome.problem.detail();
    const QRegularExpression permission(
        QStringLiteral("operation '([A-Za-z_]+)' on resource '([A-Za-z_]+)'"));
    const QRegularExpressionMatch match = permission.match(detail);
    if (match.hasMatch()) {
        return {QStringLiteral("You are signed in but lack the permission %1 on %2.")
                    .arg(match.captured(1), match.captured(2)),
            QStringLiteral("Ask an administrator to grant %1 on the resource type %2 (for this "
                           "process, or *) to your user or client.")
                .arg(match.captured(1), match.captured(2))};
    }
    if (detail.contains(QLatin1String("secondary storage"))) {
        return {QStringLiteral("This endpoint needs secondary storage, which the cluster does not "
                               "have (it runs headless)."),
            QStringLiteral("Use a cluster with secondary storage for searches; completing jobs "
                           "works without it.")};
    }
    return {QStringLiteral("You are signed in but not allowed to do this."),
        QStringLiteral("Ask an administrator for the permission to complete jobs of this "
                       "process.")};
}

Explanation explainServerError(const Outcome &outcome)
{
    const QString title = outcome.problem.title();
    const QString detail = outcome.problem.detail();
    const int status = outcome.httpStatus.value_or(500);
    if (status == 503 || title == QLatin1String("UNAVAILABLE")) {
        if (detail.contains(QLatin1String("could not be delivered"))) {
            QString summary = QStringLiteral("The request could not be delivered to the job's "
                                             "partition (UNAVAILABLE).");
            if (const auto key = requestedKey(outcome)) {
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
        return {QStringLiteral("The job's partition is temporarily unavailable (UNAVAILABLE), "
                               "typically during a leader change."),
            QStringLiteral("Retry in a few seconds.")};
    }
    if (status == 502 || title == QLatin1String("ABORTED")) {
        return {QStringLiteral("The connection between gateway and broker was cut: the completion "
                               "may or may not have been applied."),
            QStringLiteral("Check the job before retrying: search it by key; if it no longer "
                           "exists, the completion went through.")};
    }
    if (status == 504 || title == QLatin1String("DEADLINE_EXCEEDED")) {
        return {QStringLiteral("The request timed out between gateway and broker: the completion "
                               "may or may not have been applied."),
            QStringLiteral("Check the job before retrying: search it by key; if it no longer "
                           "exists, the completion went through.")};
    }
    return {QStringLiteral("The server failed with an internal error (%1); the request was "
                           "probably not applied.")
                .arg(statusText(outcome)),
        QStringLiteral("Retry once; if it fails again, report it to the cluster's operators "
                       "with these details.")};
}

} // namespace

Explanation explain(const Outcome &outcome)
{
    switch (outcome.kind) {
    case OutcomeKind::Completed:
    case OutcomeKind::Denied:
        return explainCompleted(outcome);
    case OutcomeKind::NotFound:
        return explainNotFound(outcome);
    case OutcomeKind::InvalidState:
        return explainInvalidState(outcome);
    case OutcomeKind::Rejected:
        return explainRejected(outcome);
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
        return explainForbidden(outcome);
    case OutcomeKind::Backpressure: {
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
    case OutcomeKind::ServerError:
        return explainServerError(outcome);
    case OutcomeKind::Redirected: {
        const QString location = outcome.redirectLocation.isEmpty()
            ? QString::fromUtf8(outcome.responseHeader(QByteArrayLiteral("Location")))
            : outcome.redirectLocation;
        return {location.isEmpty()
                ? QStringLiteral("The address redirects elsewhere (%1); redirects are not "
                                 "followed, so nothing was completed.")
                      .arg(statusText(outcome))
                : QStringLiteral("The address redirects to %1; redirects are not followed, so "
                                 "nothing was completed.")
                      .arg(location),
            QStringLiteral("Use the final address as the base URL: probably https instead of "
                           "http, or a missing context path.")};
    }
    case OutcomeKind::TransportError: {
        const QString what = outcome.transportError.isEmpty() ? QStringLiteral("no HTTP answer")
                                                              : outcome.transportError;
        if (what.contains(QLatin1String("timed out"), Qt::CaseInsensitive)
            || what.contains(QLatin1String("timeout"), Qt::CaseInsensitive)) {
            return {QStringLiteral("No answer in time: %1. The completion may or may not have "
                                   "reached the server.")
                        .arg(what),
                QStringLiteral("Check the job before retrying; raise the timeout if the "
                               "server is slow.")};
        }
        return {QStringLiteral("No answer from the server: %1.").arg(what),
            QStringLiteral("Check the address and port, that the cluster is running and "
                           "reachable (VPN, proxy), and its TLS certificate.")};
    }
    case OutcomeKind::SentNoAnswer:
        return {QStringLiteral("The request was sent but no answer came back (%1): the server "
                               "may have applied it.")
                    .arg(outcome.transportError.isEmpty() ? QStringLiteral("no answer")
                                                          : outcome.transportError),
            QStringLiteral("Look the job up before sending again: if it is gone or completed, "
                           "the request went through. It was not sent a second time.")};
    case OutcomeKind::Cancelled:
        return {QStringLiteral("Cancelled before an answer arrived."),
            QStringLiteral("The server may still have applied it: check the job before "
                           "sending again.")};
    }
    return {QString(), QString()};
}

} // namespace JobDesk
