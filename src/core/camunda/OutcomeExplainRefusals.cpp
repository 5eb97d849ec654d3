// SPDX-License-Identifier: GPL-3.0-or-later
// The parts of explain() that depend on the action: the server's refusals (404, 409, 400, 403)
// in the engine's own words for each action.
#include "core/camunda/OutcomeExplainParts.h"
#include "core/json/JsonTree.h"

#include <QRegularExpression>

namespace JobDesk::ExplainParts {

namespace {

bool isJobCommand(ActionKind action)
{
    return action == ActionKind::Complete || action == ActionKind::Update
        || action == ActionKind::Fail || action == ActionKind::ThrowError;
}

/// "completed", "failed", … for "it cannot be …".
QString passive(ActionKind action)
{
    switch (action) {
    case ActionKind::Fail:
        return QStringLiteral("failed");
    case ActionKind::ThrowError:
        return QStringLiteral("given an error");
    case ActionKind::Update:
        return QStringLiteral("updated");
    default:
        return QStringLiteral("completed");
    }
}

Json::Document bodyDocument(const Input &in)
{
    return Json::Document::fromUtf8(in.outcome.request.body);
}

/// A FAILED job: in back-off (retries left) or out of retries (an incident)? Only the looked-up
/// job can tell; the engine's text is the same for both.
Explanation failedJob(const Input &in)
{
    const std::optional<JobRecord> &job = in.context.job;
    const QString verb = passive(in.action);
    if (job && job->retries && *job->retries > 0) {
        const QString until = in.context.backOffUntil
            ? in.context.backOffUntil->toUTC().toString(Qt::ISODate)
            : QStringLiteral("the back-off set by its last failure has passed");
        return {QStringLiteral("The job is still in retry back-off: it failed with %1 retries "
                               "left and cannot be %2 until the back-off ends (wait until %3).")
                    .arg(*job->retries)
                    .arg(verb, until),
            QStringLiteral("Wait until %1, then try again; a worker may take the job first.")
                .arg(until)};
    }
    if (job && job->retries) {
        return {QStringLiteral("The job failed with no retries left: an incident is open, so it "
                               "cannot be %1 now.")
                    .arg(verb),
            QStringLiteral("Raise the job's retries and resolve the incident first, then %1.")
                .arg(in.action == ActionKind::Fail ? QStringLiteral("let a worker take it")
                                                   : QStringLiteral("complete"))};
    }
    if (in.action == ActionKind::Fail) {
        return {QStringLiteral("The job is in state FAILED already: it failed before and is out "
                               "of retries (an incident is open) or waits for a retry back-off."),
            QStringLiteral("Nothing to fail. To run it again, raise its retries and resolve the "
                           "incident.")};
    }
    return {QStringLiteral("The job is in state FAILED: it failed and is out of retries (an "
                           "incident is open) or waits for a retry back-off, so it cannot be %1 "
                           "now.")
                .arg(verb),
        QStringLiteral("Raise the job's retries and resolve the incident first, then complete.")};
}

Explanation leaseRefusal(const Input &in)
{
    if (in.detail().contains(QLatin1String("does not match"))) {
        return {QStringLiteral("The lease token does not match the job's current lease: the job "
                               "was activated again (by another worker) since that token was "
                               "issued."),
            QStringLiteral("Look the job up for its current state; only the worker holding the "
                           "current lease can %1 it.")
                .arg(in.action == ActionKind::Fail        ? QStringLiteral("fail")
                        : in.action == ActionKind::Update ? QStringLiteral("update")
                                                          : QStringLiteral("complete"))};
    }
    return {
        QStringLiteral("The job is leased by a worker: %1 it needs that worker's lease "
                       "token, which a request by hand does not have.")
            .arg(in.action == ActionKind::Fail            ? QStringLiteral("failing")
                    : in.action == ActionKind::ThrowError ? QStringLiteral("throwing an error for")
                                                          : QStringLiteral("completing")),
        QStringLiteral("Let the worker complete it, or wait until its lease ends (the job "
                       "times out or is failed) and complete it then; on 8.10 you can also "
                       "send the lease token if you have it.")};
}

/// A request that uses what an older server does not know: the version explains the 400.
std::optional<Explanation> tooNewForServer(const Input &in, const QString &property)
{
    if (in.action != ActionKind::Complete && !isJobCommand(in.action))
        return std::nullopt;
    const Json::Value body = bodyDocument(in).root();
    struct Field
    {
        QStringView name;
        ApiFeature feature;
    };
    const Field fields[] = {{u"result", ApiFeature::CompletionResult},
        {u"leaseToken", ApiFeature::LeaseToken}, {u"businessId", ApiFeature::BusinessId}};
    for (const Field &f : fields) {
        if (!body[f.name].exists())
            continue;
        // A server known to have the field refused something else.
        if (in.context.server.isKnown() && supports(in.context.server, f.feature))
            continue;
        const bool serverTooOld = in.context.server.isKnown();
        const QString name = f.name.toString();
        const bool named = property == name || property.startsWith(name + QLatin1Char('.'));
        // 8.6/8.7 answer an unknown member with a generic text, not its name.
        const bool generic = in.detail().contains(QLatin1String("JSON property was invalid"))
            || in.detail().contains(QLatin1String("Unrecognized field"));
        // A `result` named by the 8.8 parser is a wrong result field: explained further on.
        if (!serverTooOld && !generic && !(named && f.feature != ApiFeature::CompletionResult))
            continue;
        const ApiFeatureInfo &info = apiFeatureInfo(f.feature);
        const QString reports = in.context.server.isKnown()
            ? QStringLiteral(" (this server reports %1)").arg(in.context.server.text())
            : QString();
        return Explanation {
            QStringLiteral("The server does not know `%1`: it exists from Camunda %2.%3 on%4, "
                           "so the request was refused and nothing was %5.")
                .arg(f.name)
                .arg(info.majorVersion)
                .arg(info.minorVersion)
                .arg(reports, passive(in.action)),
            f.feature == ApiFeature::CompletionResult
                ? QStringLiteral("Complete without a result (no denial, corrections or ad-hoc "
                                 "instructions), or use a cluster on Camunda 8.8 or later.")
                : QStringLiteral("Send it without `%1`, or use a cluster on Camunda %2.%3 or "
                                 "later.")
                      .arg(f.name)
                      .arg(info.majorVersion)
                      .arg(info.minorVersion)};
    }
    return std::nullopt;
}

} // namespace

Explanation notFound(const Input &in)
{
    if (!in.outcome.problem.isProblem()) {
        return {QStringLiteral("The address answered 404 without a Camunda problem document: the "
                               "API address is probably wrong, not the %1.")
                    .arg(in.endpoint && !in.endpoint->subject.isEmpty() ? in.endpoint->subject
                                                                        : QStringLiteral("job")),
            QStringLiteral("Check the connection's base URL (host, port and any context path "
                           "before /v2).")};
    }
    const QString detail = in.detail();
    const QString missingElements = capture(detail,
        QStringLiteral("Expected to activate activities for ad-hoc sub-process with key '[^']*', "
                       "but the given elements \\[([^\\]]*)\\] do not exist"));
    if (!missingElements.isEmpty() || detail.contains(QLatin1String("ad-hoc sub-process"))) {
        return {
            QStringLiteral("The job exists, but its ad-hoc sub-process has no element %1: the "
                           "result names elements that are not in it.")
                .arg(missingElements.isEmpty() ? QStringLiteral("of that id") : missingElements),
            QStringLiteral("Use the ids of the elements inside the ad-hoc sub-process, as in the "
                           "BPMN model (not their names).")};
    }
    const QString subject = in.endpoint ? in.endpoint->subject : QStringLiteral("job");
    const bool read = in.action == ActionKind::Lookup;
    const QString lagging = read ? QStringLiteral(" Searches see changes a moment late: if it was "
                                                  "just created, look again.")
                                 : QString();
    if (subject == QLatin1String("incident")) {
        if (!read) {
            return {QStringLiteral("No such incident: it was already resolved, or the key is "
                                   "wrong."),
                QStringLiteral("Search the incidents of the job or process instance to see "
                               "whether one is still active.")};
        }
        return {QStringLiteral("No such incident: the key is wrong.") + lagging,
            QStringLiteral("Search the job's incidents instead.")};
    }
    if (subject == QLatin1String("element instance")) {
        return {QStringLiteral("No such element instance: the scope has finished (completed or "
                               "terminated), or the key is wrong.")
                + lagging,
            QStringLiteral("Use the key of an element instance that is still active, such as the "
                           "job's element instance or its process instance.")};
    }
    if (subject == QLatin1String("process instance")) {
        return {
            QStringLiteral("No such process instance: the key is wrong, or it is gone.") + lagging,
            QStringLiteral("Check the key against the job's processInstanceKey.")};
    }
    if (subject == QLatin1String("variable")) {
        return {QStringLiteral("No such variable: the key is wrong.") + lagging,
            QStringLiteral("Search the variables of the process instance instead.")};
    }
    if (subject == QLatin1String("batch operation")) {
        return {QStringLiteral("No such batch operation: the key is wrong.") + lagging,
            QStringLiteral("Check the key the batch operation was created with.")};
    }
    QString summary = QStringLiteral("No such job: it was already completed, cancelled, or the key "
                                     "is wrong.");
    if (const auto key = in.key(); key && key->partitionId() == 0)
        summary
            += QStringLiteral(" This key points to no partition, so it cannot be a real job key.");
    return {summary,
        QStringLiteral("Search the job by key to see its state; check that you are connected "
                       "to the right cluster and tenant (a job in a tenant you may not access "
                       "also answers 404).")};
}

Explanation invalidState(const Input &in)
{
    const QString detail = in.detail();
    if (isLeaseRefusal(in.outcome))
        return leaseRefusal(in);
    if (detail.contains(QLatin1String("ad-hoc sub-process instance is not active"))) {
        return {QStringLiteral("The ad-hoc sub-process this job belongs to is no longer active, so "
                               "its result cannot be applied."),
            QStringLiteral("Open the process instance to see what happened to the ad-hoc "
                           "sub-process; there is nothing left to complete.")};
    }
    if (detail.contains(QLatin1String("has no retries left"))) {
        return {QStringLiteral("The incident's job has no retries left: resolving the incident now "
                               "would fail the job again at once, so the server refused."),
            QStringLiteral("Raise the job's retries first (update it to 1 or more), then resolve "
                           "the incident again.")};
    }
    const QString noErrorFrom
        = capture(detail, QStringLiteral("Cannot throw BPMN error from ([A-Z_]+) job"));
    if (!noErrorFrom.isEmpty()) {
        return {QStringLiteral("A %1 job cannot throw a BPMN error: only jobs of BPMN elements and "
                               "ad-hoc sub-processes can.")
                    .arg(noErrorFrom),
            QStringLiteral("Fail the job instead, or complete it (a task listener can deny).")};
    }
    if (detail.contains(QLatin1String("Expected to find active element instance"))
        || detail.contains(QLatin1String("event scope that is accepting events"))) {
        return {QStringLiteral("The error cannot be caught now: the element or the scope of its "
                               "catch event is no longer active."),
            QStringLiteral("Look the process instance up to see where it stands.")};
    }
    const QString state = capture(detail, QStringLiteral("in state '([A-Za-z_]+)'"));
    if (state == QLatin1String("FAILED"))
        return failedJob(in);
    if (state == QLatin1String("ERROR_THROWN")) {
        return {QStringLiteral("The job is in state ERROR_THROWN: an error was thrown for it and "
                               "not caught by any boundary event, so an incident is open."),
            QStringLiteral("Resolve the incident (for example in Operate) instead of %1 the job.")
                .arg(in.action == ActionKind::Fail ? QStringLiteral("failing")
                                                   : QStringLiteral("completing"))};
    }
    const QString verb = passive(in.action);
    if (!state.isEmpty()) {
        return {
            QStringLiteral("The job is in state %1, in which it cannot be %2.").arg(state, verb),
            QStringLiteral("Look the job up by key to see why it is %1, then act on that.")
                .arg(state)};
    }
    if (isJobCommand(in.action)) {
        return {QStringLiteral("The job is not in a state that allows it to be %1 (see the "
                               "detail).")
                    .arg(verb),
            QStringLiteral("Look the job up by key to see its state.")};
    }
    return {QStringLiteral("The server refused %1: the %2 is not in a state that allows it (see "
                           "the detail).")
                .arg(in.requestNoun(),
                    in.endpoint && !in.endpoint->subject.isEmpty() ? in.endpoint->subject
                                                                   : QStringLiteral("subject")),
        QStringLiteral("Look it up to see its state, then act on that.")};
}

Explanation rejected(const Input &in)
{
    const QString detail = in.detail();
    const int status = in.outcome.httpStatus.value_or(400);
    const QString property
        = capture(detail, QStringLiteral("Request property \\[([^\\]]+)\\] cannot be parsed"));
    if (const auto tooNew = tooNewForServer(in, property))
        return *tooNew;
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
    if (detail.contains(QLatin1String("while the completion condition is fulfilled"))) {
        return {QStringLiteral("The ad-hoc result activates elements and fulfils the completion "
                               "condition at once, which the engine refuses."),
            QStringLiteral("Send either elements to activate or \"completion condition "
                           "fulfilled\", not both.")};
    }
    if (detail.contains(QLatin1String("corrections would be reverted by the denial"))) {
        return {QStringLiteral("A denial cannot carry corrections: the denial would revert them."),
            QStringLiteral("Remove the corrections, or do not deny.")};
    }
    const QString uncorrectable
        = capture(detail, QStringLiteral("property '([^']+)' cannot be corrected"));
    if (!uncorrectable.isEmpty()) {
        return {
            QStringLiteral("The user task attribute '%1' cannot be corrected.").arg(uncorrectable),
            QStringLiteral("Correct only assignee, candidate users and groups, due date, "
                           "follow-up date or priority.")};
    }
    if (detail.contains(QLatin1String("correcting the assignee on 'CREATING' event"))) {
        return {QStringLiteral("A CREATING listener cannot correct an assignee that the model "
                               "already defines."),
            QStringLiteral("Correct the assignee in an ASSIGNING listener instead.")};
    }
    if (detail.contains(QLatin1String("At least one of ["))) {
        return {QStringLiteral("The update changes nothing: it needs new retries or a new "
                               "timeout."),
            QStringLiteral("Give retries (1 or more) or a timeout in milliseconds.")};
    }
    if (detail.contains(QLatin1String("with a positive amount of retries"))) {
        return {QStringLiteral("An update cannot set the retries below 1."),
            QStringLiteral("Give 1 or more retries; to hand the job back with 0 retries "
                           "(raising an incident), fail it instead.")};
    }
    if (detail.contains(QLatin1String("Expected to update the timeout of job"))) {
        return {QStringLiteral("The job is not activated by a worker, so it has no timeout to "
                               "change."),
            QStringLiteral("Change the timeout only while a worker holds the job.")};
    }
    if (detail.contains(QLatin1String("No errorCode provided"))) {
        return {QStringLiteral("The error needs an error code: the catch event is chosen by it."),
            QStringLiteral("Give the error code of the BPMN error to throw.")};
    }
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
                    .arg(statusText(in.outcome)),
            QStringLiteral("Check the connection's base URL.")};
    }
    return {QStringLiteral("The server rejected the request as invalid (%1); the detail says "
                           "what it did not accept.")
                .arg(statusText(in.outcome)),
        QStringLiteral("Correct the request as the detail says and send it again.")};
}

Explanation forbidden(const Input &in)
{
    const QString detail = in.detail();
    const QString doing = in.endpoint ? in.endpoint->doing : QString();
    const QRegularExpression permission(
        QStringLiteral("operation '([A-Za-z_]+)' on resource '([A-Za-z_]+)'"));
    const QRegularExpressionMatch match = permission.match(detail);
    if (match.hasMatch()) {
        return {
            QStringLiteral("You are signed in but lack the permission %1 on %2%3.")
                .arg(match.captured(1), match.captured(2),
                    doing.isEmpty() ? QString() : QStringLiteral(", which %1 needs").arg(doing)),
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
    if (in.endpoint && !in.endpoint->permissions.isEmpty()) {
        const QString needed = in.endpoint->permissionText();
        return {QStringLiteral("You are signed in but not allowed to do this: %1 needs the "
                               "permission %2.")
                    .arg(doing, needed),
            QStringLiteral("Ask an administrator to grant %1 (for this process, or *) to your "
                           "user or client.")
                .arg(needed)};
    }
    if (in.endpoint) {
        return {QStringLiteral("The server refused %1, which any signed-in client may do: a proxy "
                               "or gateway in front of Camunda probably blocked it.")
                    .arg(doing),
            QStringLiteral("Ask the cluster's operators why the request is refused.")};
    }
    return {QStringLiteral("You are signed in but not allowed to do this."),
        QStringLiteral("Ask an administrator for the permission to complete jobs of this "
                       "process.")};
}

} // namespace JobDesk::ExplainParts
