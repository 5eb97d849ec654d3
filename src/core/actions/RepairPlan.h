// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/ApiRequest.h"
#include "core/camunda/JobKey.h"
#include "core/json/VariablesDocument.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace JobDesk {

struct JobLookupResult;

/// What happens to the job once its incident is resolved.
enum class RepairThen {
    Leave, ///< leave it to its worker (it can be activated again)
    Complete, ///< complete it by hand, without variables
};
QString repairThenName(RepairThen then); ///< "leave", "complete"
std::optional<RepairThen> repairThenFromName(const QString &name);

/// What a person chooses for a repair: the new retries (default 1), variables to set on the
/// job's scope first (optional), and what then.
struct RepairOptions
{
    QString retries = QStringLiteral("1"); ///< as typed: 1..2147483647
    VariablesDocument variables; ///< blank: no set-variables step
    bool localVariables = false; ///< set them on the job's element instance only
    RepairThen then = RepairThen::Leave;

    /// A sentence naming the field that is wrong, or empty.
    QString validationError() const;
};

/// One step of a repair: its own request, recorded and explained on its own.
struct RepairStep
{
    enum class Kind { SetVariables, SetRetries, ResolveIncident, Complete };
    Kind kind = Kind::SetRetries;
    QString title; ///< e.g. "Set the retries of job 2251799813685249 to 1"
    ApiRequest request;
};

/// The documented recipe for a FAILED job (or one whose thrown error nobody caught), as steps:
/// optionally set variables on the job's scope → set its retries → resolve its incident → then
/// leave it to its worker or complete it by hand. Made from a look-up of the job (its state,
/// scope and ACTIVE incident), so every key in it is what the server said. Pure value.
///
/// A job that is not found, or open with nothing to repair (not FAILED, no incident), gives no
/// steps and an error() that says why. A FAILED job without an incident (it failed with retries
/// left and waits for its back-off) gets no resolve step; note() says so.
struct RepairPlan
{
    JobKey jobKey;
    QString incidentKey; ///< the incident the plan resolves; empty: none
    QList<RepairStep> steps;
    QString note; ///< what the plan leaves out and why; may be empty
    QString error; ///< why there is no plan; empty when there is one

    bool isValid() const { return error.isEmpty() && !steps.isEmpty(); }

    static RepairPlan build(const JobLookupResult &lookup, const RepairOptions &options);
    /// "1. Set the retries of job … to 1" lines, one per step.
    QStringList stepLines() const;
};

} // namespace JobDesk
