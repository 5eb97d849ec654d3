// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/JobSearch.h"

#include <QJsonObject>

namespace JobDesk::Sandbox {

/// An incident as `POST /v2/incidents/search` and `GET /v2/incidents/{key}` return it.
QJsonObject incidentToJson(const Cluster &cluster, const Incident &incident);

/// Runs an IncidentSearchQuery over what the search sees: every filter field of the version
/// (8.8 takes plain values, 8.9 the advanced operators), sort, cursor paging.
SearchResult searchIncidents(Cluster &cluster, const QJsonObject &query);

} // namespace JobDesk::Sandbox
