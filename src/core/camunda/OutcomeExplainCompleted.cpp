// SPDX-License-Identifier: GPL-3.0-or-later
// The part of explain() for a success: what it means, per action, from what was sent and (when
// known) what the job is.
#include "core/camunda/OutcomeExplainParts.h"
#include "core/json/JsonTree.h"

namespace JobDesk::ExplainParts {

Explanation completed(const Input &in)
{
    const Json::Value body = Json::Document::fromUtf8(in.outcome.request.body).root();
    switch (in.action) {
    case ActionKind::Complete: {
        const Json::Value result = body[u"result"];
        if (result[u"denied"].toBool().value_or(false)) {
            const std::optional<JobRecord> &job = in.context.job;
            if (job && !job->kind.isEmpty() && !job->isTaskListener()) {
                return {QStringLiteral("Completed, but the denial had no effect: this is a %1 "
                                       "job, not a task listener's, so the server completed it "
                                       "and the process moved on.")
                            .arg(job->kind),
                    QStringLiteral("If the work should have been refused, the process instance "
                                   "has to be corrected now (for example in Operate).")};
            }
            return {QStringLiteral("Completed with a denial: the task listener's job is done and "
                                   "the user task stays active."),
                QStringLiteral("Nothing more to do; the task's assignee can work on it again.")};
        }
        QStringList activated;
        for (const Json::Value &e : result[u"activateElements"].elements())
            activated.append(e[u"elementId"].text());
        if (!activated.isEmpty()) {
            return {QStringLiteral("Completed: the ad-hoc sub-process activates %1.")
                        .arg(activated.join(QStringLiteral(", "))),
                QStringLiteral("Nothing more to do; the activated elements run next.")};
        }
        if (result[u"isCompletionConditionFulfilled"].toBool().value_or(false)) {
            return {QStringLiteral("Completed: the ad-hoc sub-process's completion condition is "
                                   "fulfilled, so the ad-hoc sub-process completes%1.")
                        .arg(result[u"isCancelRemainingInstances"].toBool().value_or(false)
                                ? QStringLiteral(" and its remaining instances are cancelled")
                                : QString()),
                QStringLiteral("Nothing more to do; the process continues after the ad-hoc "
                               "sub-process.")};
        }
        return {QStringLiteral("Completed: the server accepted the completion."),
            QStringLiteral("Nothing more to do; the process continues after this job.")};
    }
    case ActionKind::Update: {
        const Json::Value changes = body[u"changeset"];
        QStringList what;
        for (const auto &[name, value] : changes.members())
            what.append(QStringLiteral("%1 to %2").arg(name, value.raw()));
        return {QStringLiteral("Updated: the server set the job's %1.")
                    .arg(what.isEmpty() ? QStringLiteral("attributes")
                                        : what.join(QStringLiteral(" and "))),
            QStringLiteral("If the job has an open incident, resolve it now so a worker can take "
                           "the job again.")};
    }
    case ActionKind::Fail: {
        const qint64 retries = body[u"retries"].toInt64().value_or(0);
        const qint64 backOff = body[u"retryBackOff"].toInt64().value_or(0);
        if (retries <= 0) {
            return {QStringLiteral("Failed with no retries left: the job is FAILED and an incident "
                                   "was raised."),
                QStringLiteral("When the job should run again, raise its retries and resolve the "
                               "incident.")};
        }
        return {backOff > 0
                ? QStringLiteral("Failed with %1 retries left: a worker can take the job again "
                                 "after the back-off of %2 ms.")
                      .arg(retries)
                      .arg(backOff)
                : QStringLiteral("Failed with %1 retries left: a worker can take the job again "
                                 "right away.")
                      .arg(retries),
            QStringLiteral("Nothing more to do; the job's worker retries it.")};
    }
    case ActionKind::ThrowError:
        return {QStringLiteral("The BPMN error %1 was thrown: a catch event for it takes the "
                               "process on; without one, an incident (UNHANDLED_ERROR_EVENT) was "
                               "raised.")
                    .arg(body[u"errorCode"].raw()),
            QStringLiteral("Look at the process instance to see which of the two happened.")};
    case ActionKind::ResolveIncident:
        if (in.endpoint && in.endpoint->subject == QLatin1String("process instance")) {
            return {QStringLiteral("Accepted: a batch operation now resolves every incident of "
                                   "process instance %1.")
                        .arg(in.subjectKey),
                QStringLiteral("Follow the batch operation (its key is in the answer) until it "
                               "has completed.")};
        }
        return {QStringLiteral("Resolved: the incident is closed, and the job can be taken by a "
                               "worker again."),
            QStringLiteral("Nothing more to do, or complete the job by hand now.")};
    case ActionKind::SetVariables:
        return {QStringLiteral("Set: the variables are set on scope %1.").arg(in.subjectKey),
            QStringLiteral("If you set them to fix an incident, resolve the incident now.")};
    case ActionKind::BatchOperation:
        return {QStringLiteral("Accepted: %1 was accepted and runs on the server.")
                    .arg(in.endpoint ? in.endpoint->doing : QStringLiteral("the batch operation")),
            QStringLiteral("Follow the batch operation's progress.")};
    case ActionKind::Lookup:
    case ActionKind::Topology:
        break;
    }
    return {QStringLiteral("The server answered."), QString()};
}

} // namespace JobDesk::ExplainParts
