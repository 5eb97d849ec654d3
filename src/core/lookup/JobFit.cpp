// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lookup/JobFit.h"

#include "core/lookup/JobLookupResult.h"

namespace JobDesk::JobFit {

bool allowsDeny(const JobRecord &job)
{
    static const QStringList events {
        QStringLiteral("ASSIGNING"), QStringLiteral("UPDATING"), QStringLiteral("COMPLETING")};
    return job.isTaskListener() && events.contains(job.listenerEventType);
}

bool allowsCorrections(const JobRecord &job)
{
    return job.isTaskListener() && job.listenerEventType != QLatin1String("CANCELING");
}

bool acceptsVariables(const JobRecord &job)
{
    return !job.isTaskListener();
}

QList<Misfit> misfits(const JobRecord &job, const CompletionShape &form)
{
    QList<Misfit> found;
    if (form.deny && !job.isTaskListener())
        found.append(Misfit::DenyNotTaskListener);
    else if (form.deny && !allowsDeny(job))
        found.append(Misfit::DenyEventNotAllowed);
    if (form.corrections && !job.isTaskListener())
        found.append(Misfit::CorrectionsNotTaskListener);
    else if (form.corrections && !allowsCorrections(job))
        found.append(Misfit::CorrectionsEventNotAllowed);
    if (form.variables && !acceptsVariables(job))
        found.append(Misfit::VariablesOnTaskListener);
    if (!job.state.isEmpty() && !LookupRules::isOpenState(job.state))
        found.append(Misfit::JobNotOpen);
    return found;
}

} // namespace JobDesk::JobFit
