// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Answers.h"
#include "core/camunda/CamundaVersion.h"
#include "core/camunda/Outcome.h"

#include <QDateTime>

#include <optional>

namespace JobDesk {

/// What is known besides the outcome itself, so an explanation can speak of the job as it is
/// rather than of what was sent: the job as last looked up, the server's version, and when a
/// retry back-off ends. Everything is optional; explain() without it says what the outcome
/// alone allows.
struct ExplainContext
{
    std::optional<JobRecord> job; ///< the job the request acted on, as looked up
    CamundaVersion server; ///< from the topology; unknown when not read
    std::optional<QDateTime> backOffUntil; ///< when a failed job's retry back-off ends
};

/// Explains the outcome of any action (the request's action and address say which), with the
/// server's real texts: "no retries left", "still in retry back-off", "incident already
/// resolved", not found per subject, the ad-hoc 404 for unknown elements, the 8.10 lease
/// refusal, 8.7's refusal of `result`, and a 403 with the permission the endpoint needs. Pure.
Explanation explain(const Outcome &outcome, const ExplainContext &context);

/// True for the 8.10 refusal of a leased job's command: no lease token, or not the current one
/// (409 naming the lease token). The window then offers the lease token field.
bool isLeaseRefusal(const Outcome &outcome);

} // namespace JobDesk
