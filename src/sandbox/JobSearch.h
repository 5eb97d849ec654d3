// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/JobStore.h"

#include <QJsonObject>
#include <QString>

namespace JobDesk::Sandbox {

/// A job as `POST /v2/jobs/search` returns it (JobSearchResult of the 8.8 spec; keys as strings).
QJsonObject jobToJson(const JobStore &store, const Job &job);

/// The answer to a search: the JobSearchQueryResult body, or why the request is invalid
/// (a 400 with title and detail as the real server words them).
struct SearchResult
{
    QJsonObject body;
    QString errorTitle;
    QString errorDetail;
    bool ok() const { return errorDetail.isEmpty(); }
};

/// Runs a JobSearchQuery (filter, sort, page with from/limit or after/before cursors) over the
/// store. `query` is the parsed request body (empty when there was none).
SearchResult searchJobs(const JobStore &store, const QJsonObject &query);

} // namespace JobDesk::Sandbox
