// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Answers.h"
#include "core/camunda/CamundaVersion.h"
#include "core/camunda/Searches.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace JobDesk {

/// Which incidents a server-side bulk repair resolves: the process-instance filter the
/// cluster's `POST /v2/process-instances/incident-resolution` accepts, reduced to what support
/// staff pick (process definition id, instance keys, element id). Every field is optional; an
/// empty filter means every instance with an incident. The incident's error type is not a field
/// of the spec's ProcessInstanceFilter, so it cannot be sent to the cluster and is not offered.
struct ServerBatchFilter
{
    QString processDefinitionId;
    QStringList processInstanceKeys; ///< exact digits
    QString elementId;

    /// Why the filter cannot be used (a key that is not a key), or empty.
    QString validationError() const;
    /// The batch's ProcessInstanceFilter (`hasIncident: true` plus the fields given).
    SearchFilter instanceFilter() const;
    /// The incident searches that find what the batch will resolve: ACTIVE incidents with the
    /// same fields, one search per instance key (8.8 has no `$in` on incidents).
    QList<SearchRequest> incidentSearches(int pageSize = 1000) const;
    /// One line for people: "process order, instances 1, 2, element pay" or "every instance".
    QString describe() const;
    /// The instance filter as JSON (for the history and the journal).
    QByteArray json() const { return instanceFilter().json(SearchTarget::ProcessInstances); }
};

/// What a server-side incident resolution will do, found before anything changes: the ACTIVE
/// incidents the filter matches and, among their jobs, those with no retries left. Because of
/// camunda/camunda#41213 (8.8, 8.9: the batch resolution does not raise job retries, so such
/// incidents fail in the batch), those jobs get `retries` first, each its own update.
struct ServerBatchPlan
{
    ServerBatchFilter filter;
    int retries = 1; ///< what jobs with no retries left are raised to
    CamundaVersion server;
    QList<IncidentRecord> incidents;
    QList<JobRecord> jobsNeedingRetries; ///< retries 0, in the incidents' order
    QString error; ///< non-empty: cannot run (version, refused search, …)

    bool isValid() const { return error.isEmpty(); }
    /// The plan as lines of text: counts, the retries-first step and why, the request.
    QString describe() const;
    /// The plan as one JSON object (`filter`, `incidents`, `jobsNeedingRetries` keys, `retries`,
    /// `note`).
    QByteArray toJson() const;
};

/// Where a server-side batch operation stands: its state, counts per item state, and the failed
/// items with the server's error text verbatim (filled when the batch has ended).
struct ServerBatchProgress
{
    QString batchOperationKey;
    QString state; ///< CREATED, ACTIVE, SUSPENDED, COMPLETED, PARTIALLY_COMPLETED, CANCELED, FAILED
    qint64 total = 0;
    qint64 active = 0;
    qint64 completed = 0;
    qint64 failed = 0;
    qint64 canceled = 0;
    qint64 skipped = 0;
    int retriesRaised = 0; ///< jobs whose retries were raised before the batch
    int retriesRefused = 0; ///< updates refused or unanswered (their incidents will fail)
    QList<BatchOperationItemRecord> failedItems;
    QStringList errors; ///< the operation's own errors (type: message)

    bool isTerminal() const;
    qint64 processed() const { return completed + failed + canceled + skipped; }
    /// One line: "ACTIVE: 40 of 120 — 38 completed, 2 failed".
    QString summary() const;
    /// `{"batchOperationKey", "state", "total", "completed", "failed", "canceled", "skipped",
    /// "active", "retriesRaised", "retriesRefused", "failedItems": [{itemKey,
    /// processInstanceKey, errorMessage}]}`
    QByteArray toJson() const;
};

/// True for the batch operation states after which nothing changes.
bool isTerminalBatchOperationState(const QString &state);

} // namespace JobDesk
