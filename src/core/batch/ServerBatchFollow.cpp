// SPDX-License-Identifier: GPL-3.0-or-later
// ServerBatchRunner, following the operation: status polls, the items at the end, suspend,
// resume, cancel, and its batch in the journal.
#include "core/batch/ServerBatchRunner.h"

#include "core/history/BatchJournal.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/json/Json.h"

namespace JobDesk {

// -- follow

void ServerBatchRunner::poll()
{
    if (!m_busy || m_call || m_progress.batchOperationKey.isEmpty())
        return; // one read at a time: ticks while one is in flight are coalesced
    BatchOperationRequest get;
    get.kind = BatchOperationRequest::Kind::Get;
    get.batchOperationKey = m_progress.batchOperationKey;
    ApiCall *call = track(m_client->send(get.toApiRequest()));
    connect(call, &ApiCall::finished, this, [this](const Outcome &outcome) {
        m_call.clear();
        onPolled(outcome);
    });
}

void ServerBatchRunner::onPolled(const Outcome &outcome)
{
    if (!m_busy)
        return;
    if (outcome.httpStatus == 404) {
        if (++m_notFoundPolls >= kMaxNotFoundPolls)
            finish(ServerBatchResult::NoAnswer,
                QStringLiteral("Batch operation %1 cannot be read: %2")
                    .arg(m_progress.batchOperationKey, refusalText(outcome)));
        return;
    }
    if (!outcome.ok())
        return; // back-pressure, a lost answer: the next tick asks again
    m_notFoundPolls = 0;
    const auto record = Answers::batchOperation(outcome.rawBody);
    if (!record)
        return;
    m_progress.state = record->state;
    if (record->operationsTotalCount)
        m_progress.total = *record->operationsTotalCount;
    m_progress.completed = record->operationsCompletedCount.value_or(0);
    m_progress.failed = record->operationsFailedCount.value_or(0);
    m_progress.active = std::max<qint64>(0, m_progress.total - m_progress.processed());
    m_progress.errors.clear();
    for (const BatchOperationRecord::Error &e : record->errors)
        m_progress.errors.append(QStringLiteral("%1: %2").arg(e.type, e.message));
    emit progressChanged();
    if (m_progress.isTerminal()) {
        m_pollTimer.stop();
        m_itemsRead = ServerBatchProgress();
        readItems({});
    }
}

void ServerBatchRunner::readItems(const QString &after)
{
    SearchRequest search;
    search.target = SearchTarget::BatchOperationItems;
    search.limit = kPageSize;
    search.filter.exact(QStringLiteral("batchOperationKey"), m_progress.batchOperationKey);
    if (!after.isEmpty())
        search = search.nextPage(after);
    ApiCall *call = track(m_client->send(search.toApiRequest()));
    connect(call, &ApiCall::finished, this, [this](const Outcome &outcome) {
        m_call.clear();
        if (!m_busy)
            return;
        const auto page
            = outcome.ok() ? Answers::batchOperationItems(outcome.rawBody) : std::nullopt;
        if (page) {
            for (const BatchOperationItemRecord &item : page->items) {
                ++m_itemsRead.total;
                if (item.state == QLatin1String("COMPLETED"))
                    ++m_itemsRead.completed;
                else if (item.state == QLatin1String("FAILED")) {
                    ++m_itemsRead.failed;
                    m_itemsRead.failedItems.append(item);
                } else if (item.state == QLatin1String("CANCELED"))
                    ++m_itemsRead.canceled;
                else if (item.state == QLatin1String("SKIPPED"))
                    ++m_itemsRead.skipped;
                else
                    ++m_itemsRead.active;
            }
            if (page->items.size() >= kPageSize && !page->page.endCursor.isEmpty()) {
                readItems(page->page.endCursor);
                return;
            }
            m_progress.total = m_itemsRead.total;
            m_progress.completed = m_itemsRead.completed;
            m_progress.failed = m_itemsRead.failed;
            m_progress.canceled = m_itemsRead.canceled;
            m_progress.skipped = m_itemsRead.skipped;
            m_progress.active = m_itemsRead.active;
            m_progress.failedItems = m_itemsRead.failedItems;
            emit progressChanged();
        }
        // Without the items the operation's own counts stand (and say the same in the end).
        const QString &state = m_progress.state;
        if (state == QLatin1String("CANCELED"))
            finish(ServerBatchResult::Cancelled);
        else if (m_progress.failed > 0 || state != QLatin1String("COMPLETED"))
            finish(ServerBatchResult::Failed);
        else
            finish(ServerBatchResult::Completed);
    });
}

// -- suspend, resume, cancel

bool ServerBatchRunner::lifecycle(BatchOperationRequest::Kind kind)
{
    if (m_progress.batchOperationKey.isEmpty() || m_lifecycle->isBusy() || !m_busy)
        return false;
    BatchOperationRequest request;
    request.kind = kind;
    request.batchOperationKey = m_progress.batchOperationKey;
    m_lifecycleKind = kind;
    return m_lifecycle->send(request.toApiRequest(), m_linkId);
}

bool ServerBatchRunner::suspend()
{
    return lifecycle(BatchOperationRequest::Kind::Suspend);
}

bool ServerBatchRunner::resume()
{
    return lifecycle(BatchOperationRequest::Kind::Resume);
}

bool ServerBatchRunner::cancelOperation()
{
    return lifecycle(BatchOperationRequest::Kind::Cancel);
}

// -- end, journal

void ServerBatchRunner::finish(ServerBatchResult result, const QString &error)
{
    m_pollTimer.stop();
    m_busy = false;
    m_result = result;
    m_error = error;
    closeJournal(result);
    emit finished(result);
}

void ServerBatchRunner::recordJournal()
{
    if (!m_history.store)
        return;
    BatchJournal journal(*m_history.store);
    BatchSpec spec;
    spec.source = m_history.source;
    spec.connection = m_history.connection;
    spec.production = m_history.production;
    spec.action = ActionKind::BatchOperation;
    spec.inputSummary = QStringLiteral("incident resolution %1: %2")
                            .arg(m_progress.batchOperationKey, m_plan.filter.describe());
    spec.payload = m_plan.filter.json();
    spec.options = "{\"batchOperationKey\":" + Json::quoteUtf8(m_progress.batchOperationKey)
        + ",\"filter\":" + m_plan.filter.json() + ",\"linkId\":" + Json::quoteUtf8(m_linkId)
        + ",\"incidents\":" + QByteArray::number(m_plan.incidents.size())
        + ",\"retriesRaised\":" + QByteArray::number(m_progress.retriesRaised) + '}';
    const auto id = journal.createBatch(spec);
    if (!id || !journal.setState(*id, BatchState::Running)) {
        m_historyError = journal.error();
        return;
    }
    m_journalId = *id;
}

void ServerBatchRunner::closeJournal(ServerBatchResult result)
{
    if (!m_history.store || m_journalId == 0)
        return;
    BatchJournal journal(*m_history.store);
    const BatchState state = result == ServerBatchResult::Cancelled && m_progress.isTerminal()
        ? BatchState::Cancelled
        : (m_progress.isTerminal() ? BatchState::Finished : BatchState::Paused);
    if (!journal.setState(m_journalId, state))
        m_historyError = journal.error();
}

} // namespace JobDesk
