// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/actions/RepairPlan.h"

#include "core/camunda/CompletionRequest.h"
#include "core/camunda/JobActions.h"
#include "core/camunda/RequestText.h"
#include "core/lookup/JobLookupResult.h"

namespace JobDesk {

QString repairThenName(RepairThen then)
{
    return then == RepairThen::Complete ? QStringLiteral("complete") : QStringLiteral("leave");
}

std::optional<RepairThen> repairThenFromName(const QString &name)
{
    if (name == QLatin1String("complete"))
        return RepairThen::Complete;
    if (name == QLatin1String("leave"))
        return RepairThen::Leave;
    return std::nullopt;
}

QString RepairOptions::validationError() const
{
    if (retries.trimmed().isEmpty())
        return QStringLiteral("Enter the job's new retries: a repair sets them (1 or more) before "
                              "it resolves the incident.");
    if (QString error
        = RequestText::wholeNumberError(u"retries", retries, 1, RequestText::kInt32Max);
        !error.isEmpty())
        return error;
    if (!variables.isBlank() && !variables.isValid())
        return QStringLiteral("The variables to set are not valid JSON: %1")
            .arg(variables.errorMessage());
    return QString();
}

RepairPlan RepairPlan::build(const JobLookupResult &lookup, const RepairOptions &options)
{
    RepairPlan plan;
    plan.jobKey = lookup.key;
    if (const QString error = options.validationError(); !error.isEmpty()) {
        plan.error = error;
        return plan;
    }
    if (!lookup.isFound() || !lookup.job) {
        plan.error = QStringLiteral("Job %1 cannot be repaired: %2")
                         .arg(lookup.key.toString(), lookup.describe());
        return plan;
    }
    const JobRecord &job = *lookup.job;
    const QString jobKey = job.jobKey;
    const bool failed = job.state == QLatin1String("FAILED");
    const bool errorThrown = job.state == QLatin1String("ERROR_THROWN");
    if (!lookup.incident && !lookup.incidentError.isEmpty() && (failed || errorThrown)) {
        plan.error = QStringLiteral("Job %1 is %2, but its incident could not be read: %3")
                         .arg(jobKey, job.state, lookup.incidentError);
        return plan;
    }
    if (!lookup.incident && !failed) {
        plan.error
            = QStringLiteral("Job %1 is %2 and has no open incident: there is nothing to "
                             "repair.%3")
                  .arg(jobKey, job.state,
                      LookupRules::isOpenState(job.state) ? QStringLiteral(" Complete it instead.")
                                                          : QString());
        return plan;
    }

    if (!options.variables.isBlank()) {
        SetVariablesRequest set;
        set.elementInstanceKey = JobKey::parse(job.elementInstanceKey, KeyKind::ElementInstance)
                                     .key.value_or(JobKey());
        set.variables = options.variables;
        set.local = options.localVariables;
        if (!set.elementInstanceKey.isValid()) {
            plan.error = QStringLiteral("Job %1 names no element instance, so the variables have "
                                        "no scope to be set on.")
                             .arg(jobKey);
            return plan;
        }
        plan.steps.append({RepairStep::Kind::SetVariables,
            QStringLiteral("Set the variables on the job's element instance %1%2")
                .arg(job.elementInstanceKey,
                    options.localVariables ? QStringLiteral(" (local)") : QString()),
            set.toApiRequest()});
    }

    UpdateJobRequest update;
    update.jobKey = lookup.key;
    update.retries = options.retries.trimmed();
    plan.steps.append({RepairStep::Kind::SetRetries,
        QStringLiteral("Set the retries of job %1 to %2").arg(jobKey, update.retries),
        update.toApiRequest()});

    if (lookup.incident) {
        ResolveIncidentRequest resolve;
        resolve.incidentKey
            = JobKey::parse(lookup.incident->incidentKey, KeyKind::Incident).key.value_or(JobKey());
        plan.incidentKey = lookup.incident->incidentKey;
        plan.steps.append({RepairStep::Kind::ResolveIncident,
            QStringLiteral("Resolve incident %1 (%2)")
                .arg(lookup.incident->incidentKey, lookup.incident->errorType),
            resolve.toApiRequest()});
    } else {
        plan.note = QStringLiteral("Job %1 has no open incident (it failed with retries left and "
                                   "waits for its retry back-off): there is none to resolve.")
                        .arg(jobKey);
    }

    if (options.then == RepairThen::Complete) {
        CompletionRequest complete;
        complete.jobKey = lookup.key;
        plan.steps.append({RepairStep::Kind::Complete,
            QStringLiteral("Complete job %1 by hand").arg(jobKey), complete.toApiRequest()});
    }
    return plan;
}

QStringList RepairPlan::stepLines() const
{
    QStringList lines;
    for (qsizetype i = 0; i < steps.size(); ++i)
        lines.append(QStringLiteral("%1. %2").arg(i + 1).arg(steps.at(i).title));
    return lines;
}

} // namespace JobDesk
