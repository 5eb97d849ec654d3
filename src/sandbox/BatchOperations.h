// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sandbox/Cluster.h"
#include "sandbox/SearchQuery.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace JobDesk::Sandbox {

enum class BatchState { Created, Active, Suspended, Completed, Canceled };
enum class BatchItemState { Active, Completed, Canceled, Failed };

/// One incident a batch resolves.
struct BatchItem
{
    qint64 itemKey = 0; ///< the incident
    qint64 processInstanceKey = 0;
    BatchItemState state = BatchItemState::Active;
    qint64 processedMs = 0;
    QString errorMessage;
};

/// A server-side batch operation (8.8+): so far the incident resolution of
/// `POST /v2/process-instances/incident-resolution` and, on 8.9, of one instance.
struct BatchOperation
{
    qint64 key = 0;
    BatchState state = BatchState::Created;
    qint64 startMs = 0;
    qint64 endMs = 0;
    SearchQuery instanceFilter; ///< which process instances (their ACTIVE incidents)
    bool collected = false; ///< items gathered (when it first ran)
    std::vector<BatchItem> items;
    std::size_t next = 0; ///< first item not yet processed
};

/// The cluster's batch operations, advanced by a timer as the engine's scheduler advances them:
/// a new batch gathers its items (the ACTIVE incidents of the matching instances, as search
/// sees them) on its first step, then resolves a few per step. Modelled as Camunda 8.8/8.9
/// behave (camunda/camunda#41213): the batch resolution does NOT raise job retries, so an
/// incident whose job has no retries left fails ("... has no retries left ...") and the batch
/// still ends COMPLETED, with the failure counted and kept on the item.
class BatchOperations final
{
public:
    explicit BatchOperations(Cluster *cluster);
    Q_DISABLE_COPY_MOVE(BatchOperations)

    /// The ProcessInstanceFilter a batch accepts (the fields the sandbox can derive).
    static const std::vector<FieldSpec> &instanceFields();

    /// Starts an incident resolution for the instances the filter matches; returns its key.
    qint64 resolveIncidents(const SearchQuery &instanceFilter);

    /// One step of the background work: gathers the items of new batches and processes up to
    /// `itemsPerStep` items of each running one.
    void advance(int itemsPerStep = 10);
    bool busy() const;

    const BatchOperation *find(qint64 key) const;

    /// Suspend, resume, cancel: nullopt when done, else the rejection (code and reason).
    std::optional<Cluster::Rejection> suspend(qint64 key);
    std::optional<Cluster::Rejection> resume(qint64 key);
    std::optional<Cluster::Rejection> cancel(qint64 key);

    QJsonObject toJson(const BatchOperation &batch) const;
    /// Runs a BatchOperationItemSearchQuery.
    std::optional<QueryError> searchItems(const QJsonObject &query, QJsonObject *body) const;

private:
    BatchOperation *findMutable(qint64 key);
    void collect(BatchOperation &batch);
    void finish(BatchOperation &batch, BatchState state);

    Cluster *m_cluster;
    std::vector<BatchOperation> m_batches;
};

QString batchStateName(BatchState state);

} // namespace JobDesk::Sandbox
