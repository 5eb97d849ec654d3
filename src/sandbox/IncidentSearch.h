// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/JobSearch.h"
#include "sandbox/JobStore.h"

#include <QJsonObject>

namespace JobDesk::Sandbox {

/// An incident as `POST /v2/incidents/search` and `GET /v2/incidents/{key}` return it.
QJsonObject incidentToJson(const JobStore &store, const Incident &incident);

/// Runs an IncidentSearchQuery: exact (or $eq / $in) filters on incidentKey, jobKey, state,
/// errorType, processInstanceKey, elementId, tenantId; sort by incidentKey, jobKey or
/// creationTime; offset paging. So a FAILED job's incident key can be found as on a real cluster.
SearchResult searchIncidents(const JobStore &store, const QJsonObject &query);

} // namespace JobDesk::Sandbox
