// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/CamundaVersion.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace JobDesk {

/// What a request does. The history records it with every attempt, the log filters on it and
/// explain() reads it, so the same words are used everywhere (PRODUCT.md: complete, update, fail,
/// error, resolve-incident, set-variables, lookup).
enum class ActionKind {
    Complete, ///< POST jobs/{key}/completion
    Update, ///< PATCH jobs/{key} (retries, timeout)
    Fail, ///< POST jobs/{key}/failure
    ThrowError, ///< POST jobs/{key}/error
    ResolveIncident, ///< POST incidents/{key}/resolution,
                     ///< process-instances/{key}/incident-resolution
    SetVariables, ///< PUT element-instances/{key}/variables
    Lookup, ///< searches and gets that only read: jobs, incidents, variables, instances
    BatchOperation, ///< server-side batch operations (create, suspend, resume, cancel)
    Topology, ///< GET topology, authentication/me: connection checks
};

/// Stable lower-case name as stored and printed: "complete", "update", "fail", "error",
/// "resolve-incident", "set-variables", "lookup", "batch-operation", "topology".
QString actionKindName(ActionKind kind);
std::optional<ActionKind> actionKindFromName(const QString &name);
/// True for actions that change something on the server. Such a request is put on the wire at
/// most once per user action: the transport never re-sends it (a lost answer is settled by
/// looking the job up, not by sending again).
bool changesState(ActionKind kind);

/// One request to the Camunda REST API as a value: every typed request (completion, update,
/// failure, searches, …) builds one, and JobsClient sends it. The body is the exact bytes that
/// go out (variables as typed, keys as text).
struct ApiRequest
{
    ActionKind action = ActionKind::Lookup;
    QByteArray method; ///< "GET", "POST", "PUT", "PATCH"
    QString relativePath; ///< relative to the API root (which ends in /v2/), e.g. "jobs/search"
    QByteArray body; ///< empty for GET
    QString subjectKey; ///< the job, incident or instance key acted on, as text (history)
    /// What the request uses that not every Camunda version understands (empty for the plain
    /// endpoints every 8.x server has); versionProblem() checks it before sending.
    QList<ApiFeature> features;

    bool changesState() const { return JobDesk::changesState(action); }
    /// Why this request does not fit a server of that version, or empty (see versionProblem()).
    QString versionProblem(const CamundaVersion &server) const
    {
        return JobDesk::versionProblem(server, features);
    }
};

} // namespace JobDesk
