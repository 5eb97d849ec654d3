// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/ApiRequest.h"
#include "core/camunda/JobKey.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace JobDesk {

/// What a search looks for (and whose filter fields apply).
enum class SearchTarget {
    Jobs, ///< POST jobs/search (8.8+)
    Incidents, ///< POST incidents/search
    Variables, ///< POST variables/search (8.8+)
    BatchOperationItems, ///< POST batch-operation-items/search (8.8+)
    ProcessInstances, ///< POST process-instances/search; also the filter of batch operations
};

/// The operators of the spec's advanced filters; Exact is the plain `"field": value` form.
enum class FilterOp { Exact, Eq, Neq, Exists, Gt, Gte, Lt, Lte, In, NotIn, Like };

struct FilterCondition
{
    QString field;
    FilterOp op = FilterOp::Exact;
    QStringList values; ///< one for most operators, many for In/NotIn, "true"/"false" for Exists
};

/// The filter of one search: conditions on the target's fields, checked against the spec's
/// table for that target (field names, value types, operators, enum values, and from which
/// Camunda version a field or operator exists).
///
/// Values are given as text and written typed: keys, strings, dates and enums as JSON strings
/// (so 64-bit keys stay exact), integers as numbers, booleans as true/false. Several operators
/// on one field combine (`{"$gte":…,"$lt":…}`); Exact stands alone.
class SearchFilter final
{
public:
    SearchFilter &exact(const QString &field, const QString &value);
    SearchFilter &where(const QString &field, FilterOp op, const QString &value);
    /// In or NotIn with a list of values.
    SearchFilter &in(const QString &field, const QStringList &values, FilterOp op = FilterOp::In);
    SearchFilter &exists(const QString &field, bool exists = true);

    bool isEmpty() const { return m_conditions.isEmpty(); }
    const QList<FilterCondition> &conditions() const { return m_conditions; }

    /// Why this filter does not fit the target (unknown field, wrong value, operator the field
    /// does not have), naming the field; empty when it fits.
    QString validationError(SearchTarget target) const;
    /// The filter object, e.g. `{"type":"payment","retries":{"$gt":0}}` (`{}` when empty).
    QByteArray json(SearchTarget target) const;
    /// Fields and operators that need a newer Camunda than the search itself.
    QList<ApiFeature> features(SearchTarget target) const;

    /// The filter fields of a target, in the spec's order.
    static QStringList fieldNames(SearchTarget target);

private:
    QList<FilterCondition> m_conditions;
};

struct SortField
{
    QString field;
    bool descending = false;
};

/// One search request: target, filter, sort and page (limit plus the `after`/`before` cursor of
/// the previous page's `endCursor`/`startCursor`). Variables can be asked for untruncated
/// (`?truncateValues=false`). jobsByKeys() looks many jobs up in chunks with `jobKey.$in`.
struct SearchRequest
{
    static constexpr int kMaxLimit = 10000;

    SearchTarget target = SearchTarget::Jobs;
    SearchFilter filter;
    QList<SortField> sort;
    int limit = 0; ///< 1..10000; 0: the server's default (100)
    QString after; ///< the endCursor of the previous page
    QString before; ///< the startCursor of the next page
    bool truncateValues = true; ///< variables only: false asks for full values

    QString relativePath() const;
    QByteArray body() const;
    QString validationError() const;
    QList<ApiFeature> features() const;
    ApiRequest toApiRequest() const;
    /// The same search for the page after the one that ended at `endCursor`.
    SearchRequest nextPage(const QString &endCursor) const;

    /// The sort fields a target accepts (the newest spec's list).
    static QStringList sortFieldNames(SearchTarget target);
    /// One job by key.
    static SearchRequest jobByKey(const JobKey &key);
    /// The jobs with these keys, `chunkSize` keys per request (`jobKey: {"$in": […]}`).
    static QList<SearchRequest> jobsByKeys(const QList<JobKey> &keys, int chunkSize = 100);
};

/// The plain reads: `GET topology`, `GET authentication/me`, and one variable, element instance,
/// process instance or incident by key.
struct LookupRequest
{
    enum class Target {
        Topology,
        AuthenticationMe,
        Variable,
        ElementInstance,
        ProcessInstance,
        Incident,
    };

    Target target = Target::Topology;
    JobKey key; ///< the variable, element instance, process instance or incident key

    QString relativePath() const;
    QString validationError() const;
    QList<ApiFeature> features() const;
    ApiRequest toApiRequest() const;
};

/// Server-side batch operations (8.8+): start an incident resolution for every process instance
/// a filter matches, read one batch operation, or suspend, resume or cancel it. The items of a
/// batch operation are a search (SearchTarget::BatchOperationItems).
struct BatchOperationRequest
{
    enum class Kind { ResolveIncidents, Get, Suspend, Resume, Cancel };

    Kind kind = Kind::Get;
    QString batchOperationKey; ///< Get, Suspend, Resume, Cancel: a key or a legacy id
    SearchFilter filter; ///< ResolveIncidents: a process instance filter (required, not empty)
    QString operationReference; ///< ResolveIncidents (8.9 spec): 1..9223372036854775807

    QString relativePath() const;
    QByteArray method() const;
    QByteArray body() const;
    QString validationError() const;
    QList<ApiFeature> features() const;
    ApiRequest toApiRequest() const;
};

} // namespace JobDesk
