// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/Cluster.h"
#include "sandbox/SearchQuery.h"

#include <QJsonObject>
#include <QString>

namespace JobDesk::Sandbox {

/// A time as the API writes it (ISO 8601, UTC, milliseconds).
QString isoTime(qint64 ms);

/// A job as `POST /v2/jobs/search` returns it (JobSearchResult of the version the cluster plays;
/// keys as strings; the members 8.9 added are present, null, on 8.8, so the 9.x SDK's strict
/// response validation accepts them).
QJsonObject jobToJson(const Cluster &cluster, const JobRef &job);

/// The fields of JobFilter and JobSearchQuerySortRequest, with the version each came in.
const std::vector<FieldSpec> &jobFields();
/// A field of a job for filtering and sorting.
Value jobValue(const JobStore &store, const JobRef &job, int field);

/// A search's answer: the body, or the 400's title and detail.
struct SearchResult
{
    QJsonObject body;
    std::optional<QueryError> error;
    bool ok() const { return !error; }
};

/// Runs a JobSearchQuery (filter, sort, page) over what the search sees.
SearchResult searchJobs(Cluster &cluster, const QJsonObject &query);

} // namespace JobDesk::Sandbox
