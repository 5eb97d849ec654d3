// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Answers.h"

#include <QList>

namespace JobDesk {

/// What a completion form holds, as far as the job's kind cares.
struct CompletionShape
{
    bool deny = false;
    bool corrections = false;
    bool variables = false; ///< a non-empty variables object
};

/// Something in a completion that does not fit the job as looked up.
enum class Misfit {
    DenyNotTaskListener, ///< Deny to a job that is no task listener: the server just completes it
    DenyEventNotAllowed, ///< Deny to a listener event that cannot be denied (CREATING, CANCELING…)
    CorrectionsNotTaskListener, ///< corrections to a job that is no task listener: ignored
    CorrectionsEventNotAllowed, ///< corrections to a listener event that takes none
    VariablesOnTaskListener, ///< task-listener jobs are completed without variables
    JobNotOpen, ///< the job is COMPLETED, CANCELED or ERROR_THROWN: the server will refuse
};

/// The rules of the job kinds for a completion (Camunda's JobCompleteProcessor): Deny and
/// corrections only for task-listener jobs, Deny only on the ASSIGNING, UPDATING and COMPLETING
/// events, corrections not on CANCELING, no variables for task listeners. Pure.
namespace JobFit {
bool allowsDeny(const JobRecord &job);
bool allowsCorrections(const JobRecord &job);
bool acceptsVariables(const JobRecord &job);
/// Every rule the form breaks for this job, in the order above.
QList<Misfit> misfits(const JobRecord &job, const CompletionShape &form);
} // namespace JobFit

} // namespace JobDesk
