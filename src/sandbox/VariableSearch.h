// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/JobSearch.h"

#include <QJsonObject>

namespace JobDesk::Sandbox {

/// Longer values are truncated in search results (camunda.database.variableSizeThreshold).
constexpr int VariableSizeThreshold = 8191;

/// A variable as `GET /v2/variables/{key}` returns it (VariableResult: the full value).
QJsonObject variableToJson(const Cluster &cluster, const Variable &variable);

/// Runs a VariableSearchQuery (name, value as JSON text, tenantId, isTruncated, variableKey,
/// scopeKey, processInstanceKey; sort; cursor paging). Values longer than the threshold are
/// cut and marked isTruncated unless `truncateValues` is false.
SearchResult searchVariables(Cluster &cluster, const QJsonObject &query, bool truncateValues);

} // namespace JobDesk::Sandbox
