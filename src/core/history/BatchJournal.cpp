// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/BatchJournal.h"

#include "core/history/EnumNames.h"

#include "core/base/Logging.h"
#include "core/history/HistoryRows.h"
#include "core/history/HistoryStore.h"
#include "core/history/SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace JobDesk {

using EnumNames::nameOf;
using EnumNames::valueOf;

namespace {

constexpr std::array<std::pair<BatchState, const char *>, 6> kBatchStates {{
    {BatchState::Planned, "planned"},
    {BatchState::Running, "running"},
    {BatchState::Paused, "paused"},
    {BatchState::Finished, "finished"},
    {BatchState::Cancelled, "cancelled"},
    {BatchState::Planning, "planning"},
}};
constexpr std::array<std::pair<BatchItemState, const char *>, 4> kItemStates {{
    {BatchItemState::Planned, "planned"},
    {BatchItemState::Sending, "sending"},
    {BatchItemState::Done, "done"},
    {BatchItemState::Skipped, "skipped"},
}};

/// A problem document is kept in the journal for the report; the whole answer is in the
/// history row. Beyond this it is cut (on a character boundary).
constexpr qsizetype kMaxProblemBytes = 16 * 1024;

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QByteArray problemOf(const Outcome &outcome)
{
    if (!outcome.problem.isProblem())
        return {};
    QByteArray body = outcome.rawBody.trimmed();
    if (body.size() > kMaxProblemBytes) {
        qsizetype end = kMaxProblemBytes;
        while (end > 0 && (static_cast<unsigned char>(body.at(end)) & 0xC0) == 0x80)
            --end;
        body.truncate(end);
    }
    return body;
}

qint64 nowMs(const QDateTime &now = {})
{
    return (now.isValid() ? now : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch();
}

const QLatin1String kBatchColumns("id, created_ms, updated_ms, state, source, connection, "
                                  "production, action, input_summary, payload, options");

BatchInfo readBatch(const QSqlQuery &q)
{
    BatchInfo info;
    info.id = q.value(0).toLongLong();
    info.created = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    info.updated = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
    info.state = batchStateFromName(q.value(3).toString()).value_or(BatchState::Planned);
    info.spec.source = historySourceFromName(q.value(4).toString());
    info.spec.connection = q.value(5).toString();
    info.spec.production = q.value(6).toInt() != 0;
    info.spec.action = actionKindFromName(q.value(7).toString()).value_or(ActionKind::Complete);
    info.spec.inputSummary = q.value(8).toString();
    info.spec.payload = q.value(9).toByteArray();
    info.spec.options = q.value(10).toString().toUtf8();
    return info;
}

} // namespace

QString batchStateName(BatchState state)
{
    return nameOf(kBatchStates, state);
}

std::optional<BatchState> batchStateFromName(const QString &name)
{
    return valueOf(kBatchStates, name);
}

QString batchItemStateName(BatchItemState state)
{
    return nameOf(kItemStates, state);
}

std::optional<BatchItemState> batchItemStateFromName(const QString &name)
{
    return valueOf(kItemStates, name);
}

BatchJournal::BatchJournal(HistoryStore &store)
    : m_store(store)
{
}

QString BatchJournal::path() const
{
    return m_store.path();
}

bool BatchJournal::fail(const QString &message) const
{
    m_error = message;
    qCWarning(lcHistory).noquote() << message;
    return false;
}

bool BatchJournal::begin() const
{
    if (!m_store.isOpen())
        return fail(QStringLiteral("The history is not open"));
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    // IMMEDIATE: the write lock at once (busy timeout), never a failed upgrade half-way.
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(QStringLiteral("Cannot write the batch journal: %1").arg(q.lastError().text()));
    return true;
}

bool BatchJournal::commit() const
{
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    if (!q.exec(QStringLiteral("COMMIT")))
        return rollback(
            QStringLiteral("Cannot commit the batch journal: %1").arg(q.lastError().text()));
    return true;
}

bool BatchJournal::rollback(const QString &message) const
{
    QSqlQuery(QSqlDatabase::database(m_store.connectionName(), false))
        .exec(QStringLiteral("ROLLBACK"));
    return fail(message);
}

bool BatchJournal::touch(qint64 batchId) const
{
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("UPDATE batch SET updated_ms = ? WHERE id = ?"));
    q.bindValue(0, nowMs());
    q.bindValue(1, batchId);
    return q.exec() && q.numRowsAffected() == 1;
}

std::optional<qint64> BatchJournal::createBatch(const BatchSpec &spec, const QDateTime &now)
{
    if (!m_store.isOpen()) {
        fail(QStringLiteral("The history is not open"));
        return std::nullopt;
    }
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("INSERT INTO batch (created_ms, updated_ms, state, source, "
                             "connection, production, action, input_summary, payload, options) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 created = nowMs(now);
    q.bindValue(0, created);
    q.bindValue(1, created);
    q.bindValue(2, batchStateName(BatchState::Planned));
    q.bindValue(3, historySourceName(spec.source));
    q.bindValue(4, text(spec.connection));
    q.bindValue(5, spec.production ? 1 : 0);
    q.bindValue(6, actionKindName(spec.action));
    q.bindValue(7, text(spec.inputSummary));
    q.bindValue(8, spec.payload);
    q.bindValue(9, spec.options.isEmpty() ? QStringLiteral("{}") : QString::fromUtf8(spec.options));
    if (!q.exec()) {
        fail(QStringLiteral("Cannot create the batch: %1").arg(q.lastError().text()));
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

bool BatchJournal::addItems(qint64 batchId, const QList<BatchItem> &items)
{
    if (!begin())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    if (!q.prepare(QStringLiteral(
            "INSERT INTO batch_item (batch_id, line, job_key, payload) VALUES (?, ?, ?, ?)")))
        return rollback(QStringLiteral("Cannot add items: %1").arg(q.lastError().text()));
    for (const BatchItem &item : items) {
        q.bindValue(0, batchId);
        q.bindValue(1, item.line);
        q.bindValue(2, text(item.jobKey));
        q.bindValue(3,
            item.payload.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray))
                                   : QVariant(item.payload));
        if (!q.exec())
            return rollback(QStringLiteral("Cannot add line %1 to batch %2: %3")
                                .arg(item.line)
                                .arg(batchId)
                                .arg(q.lastError().text()));
    }
    if (!touch(batchId))
        return rollback(QStringLiteral("There is no batch %1").arg(batchId));
    return commit();
}

bool BatchJournal::setState(qint64 batchId, BatchState state)
{
    if (!m_store.isOpen())
        return fail(QStringLiteral("The history is not open"));
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("UPDATE batch SET state = ?, updated_ms = ? WHERE id = ?"));
    q.bindValue(0, batchStateName(state));
    q.bindValue(1, nowMs());
    q.bindValue(2, batchId);
    if (!q.exec() || q.numRowsAffected() != 1)
        return fail(QStringLiteral("Cannot change batch %1: %2")
                        .arg(batchId)
                        .arg(q.lastError().text().isEmpty() ? QStringLiteral("no such batch")
                                                            : q.lastError().text()));
    return true;
}

bool BatchJournal::removeBatch(qint64 batchId)
{
    if (!begin())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.prepare(QStringLiteral("DELETE FROM batch_item WHERE batch_id = ?"));
    q.bindValue(0, batchId);
    if (!q.exec())
        return rollback(
            QStringLiteral("Cannot remove batch %1: %2").arg(batchId).arg(q.lastError().text()));
    q.prepare(QStringLiteral("DELETE FROM batch WHERE id = ?"));
    q.bindValue(0, batchId);
    if (!q.exec() || q.numRowsAffected() != 1)
        return rollback(QStringLiteral("There is no batch %1").arg(batchId));
    return commit();
}

std::optional<QList<qint64>> BatchJournal::markSending(
    qint64 batchId, const QList<SendingItem> &items)
{
    if (!begin())
        return std::nullopt;
    const QSqlDatabase db = QSqlDatabase::database(m_store.connectionName(), false);
    // Straight on SQLite: two rows per request, thousands of requests a second.
    SqliteStatement insert(
        db, QByteArray(HistoryRows::kInsert.data(), HistoryRows::kInsert.size()));
    SqliteStatement update(db,
        "UPDATE batch_item SET state = 'sending', attempts = attempts + 1, history_id = ? "
        "WHERE batch_id = ? AND line = ? AND state = 'planned'");
    if (!insert.isValid() || !update.isValid()) {
        rollback(QStringLiteral("Cannot mark items as sending: %1")
                     .arg(insert.isValid() ? update.errorText() : insert.errorText()));
        return std::nullopt;
    }
    QList<qint64> historyIds;
    historyIds.reserve(items.size());
    for (const SendingItem &item : items) {
        HistoryEntry pending = item.attempt;
        pending.state = HistoryState::Pending;
        pending.kind = OutcomeKind::TransportError;
        pending.httpStatus.reset();
        pending.batchId = batchId;
        if (!HistoryRows::insertEntry(insert, pending)) {
            rollback(QStringLiteral("Cannot record the attempt of line %1: %2")
                         .arg(item.line)
                         .arg(insert.errorText()));
            return std::nullopt;
        }
        const qint64 historyId = insert.lastInsertId();
        update.bindValue(0, historyId);
        update.bindValue(1, batchId);
        update.bindValue(2, item.line);
        if (!update.exec() || update.numRowsAffected() != 1) {
            // Say which: a second runner, or a result not yet written, are told apart so.
            QSqlQuery state(db);
            state.prepare(
                QStringLiteral("SELECT state FROM batch_item WHERE batch_id = ? AND line = ?"));
            state.bindValue(0, batchId);
            state.bindValue(1, item.line);
            const QString now = state.exec() && state.next() ? state.value(0).toString()
                                                             : QStringLiteral("not in the batch");
            rollback(QStringLiteral("Line %1 of batch %2 cannot be marked as sending: it is %3 "
                                    "%4")
                         .arg(item.line)
                         .arg(batchId)
                         .arg(now, update.errorText())
                         .trimmed());
            return std::nullopt;
        }
        historyIds.append(historyId);
    }
    // No touch() of the batch here: one page less in the commit that every request waits for;
    // the grouped results move `updated` on.
    if (!commit())
        return std::nullopt;
    return historyIds;
}

bool BatchJournal::recordResults(qint64 batchId, const QList<ItemResult> &results)
{
    if (!begin())
        return false;
    const QSqlDatabase db = QSqlDatabase::database(m_store.connectionName(), false);
    // Straight on SQLite, like markSending().
    SqliteStatement finish(
        db, QByteArray(HistoryRows::kFinish.data(), HistoryRows::kFinish.size()));
    SqliteStatement check(db, "UPDATE history SET check_result = ?, checked_ms = ? WHERE id = ?");
    SqliteStatement update(db,
        "UPDATE batch_item SET state = ?, outcome = ?, http_status = ?, problem = ?, "
        "error = ?, note = ? WHERE batch_id = ? AND line = ?");
    for (const SqliteStatement *statement : {&finish, &check, &update}) {
        if (!statement->isValid())
            return rollback(
                QStringLiteral("Cannot record batch results: %1").arg(statement->errorText()));
    }
    for (const ItemResult &result : results) {
        if (result.outcome && result.historyId != 0) {
            const HistoryEntry finished = HistoryEntry::fromOutcome(
                *result.outcome, HistorySource::Cli, QString(), QString(), {});
            if (!HistoryRows::finishEntry(finish, result.historyId, finished))
                return rollback(QStringLiteral("Cannot finish attempt %1 of line %2: %3")
                                    .arg(result.historyId)
                                    .arg(result.line)
                                    .arg(finish.errorText()));
        }
        if (result.check != LookupCheck::None && result.historyId != 0) {
            check.bindValue(0, lookupCheckName(result.check));
            check.bindValue(1, nowMs());
            check.bindValue(2, result.historyId);
            if (!check.exec())
                return rollback(QStringLiteral("Cannot record the look-up of line %1: %2")
                                    .arg(result.line)
                                    .arg(check.errorText()));
        }
        int i = 0;
        update.bindValue(i++, batchItemStateName(result.state));
        update.bindValue(
            i++, result.outcome ? outcomeKindName(result.outcome->kind) : QStringLiteral(""));
        update.bindValue(i++,
            result.outcome && result.outcome->httpStatus ? QVariant(*result.outcome->httpStatus)
                                                         : QVariant(QMetaType(QMetaType::Int)));
        update.bindValue(i++,
            result.outcome ? text(QString::fromUtf8(problemOf(*result.outcome)))
                           : QStringLiteral(""));
        update.bindValue(
            i++, result.outcome ? text(result.outcome->transportError) : QStringLiteral(""));
        update.bindValue(i++, text(result.note));
        update.bindValue(i++, batchId);
        update.bindValue(i, result.line);
        if (!update.exec() || update.numRowsAffected() != 1)
            return rollback(QStringLiteral("Cannot record line %1 of batch %2: %3")
                                .arg(result.line)
                                .arg(batchId)
                                .arg(update.errorText().isEmpty() ? QStringLiteral("no such item")
                                                                  : update.errorText()));
    }
    if (!touch(batchId))
        return rollback(QStringLiteral("There is no batch %1").arg(batchId));
    return commit();
}

std::optional<BatchCounts> BatchJournal::counts(qint64 batchId) const
{
    if (!m_store.isOpen()) {
        fail(QStringLiteral("The history is not open"));
        return std::nullopt;
    }
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT state, count(*) FROM batch_item WHERE batch_id = ? GROUP BY state"));
    q.bindValue(0, batchId);
    if (!q.exec()) {
        fail(QStringLiteral("Cannot read batch %1: %2").arg(batchId).arg(q.lastError().text()));
        return std::nullopt;
    }
    BatchCounts counts;
    while (q.next()) {
        const qint64 n = q.value(1).toLongLong();
        switch (batchItemStateFromName(q.value(0).toString()).value_or(BatchItemState::Planned)) {
        case BatchItemState::Planned:
            counts.planned += n;
            break;
        case BatchItemState::Sending:
            counts.sending += n;
            break;
        case BatchItemState::Done:
            counts.done += n;
            break;
        case BatchItemState::Skipped:
            counts.skipped += n;
            break;
        }
    }
    return counts;
}

std::optional<QList<BatchInfo>> BatchJournal::batches(int limit) const
{
    if (!m_store.isOpen()) {
        fail(QStringLiteral("The history is not open"));
        return std::nullopt;
    }
    QList<BatchInfo> list;
    {
        QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT ") + kBatchColumns
            + QStringLiteral(" FROM batch ORDER BY id DESC LIMIT ?"));
        q.bindValue(0, qMax(0, limit));
        if (!q.exec()) {
            fail(QStringLiteral("Cannot list the batches: %1").arg(q.lastError().text()));
            return std::nullopt;
        }
        while (q.next())
            list.append(readBatch(q));
    }
    for (BatchInfo &info : list) {
        const auto counts = this->counts(info.id);
        if (!counts)
            return std::nullopt;
        info.counts = *counts;
    }
    return list;
}

std::optional<BatchInfo> BatchJournal::batch(qint64 batchId) const
{
    if (!m_store.isOpen()) {
        fail(QStringLiteral("The history is not open"));
        return std::nullopt;
    }
    BatchInfo info;
    {
        QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
        q.prepare(
            QStringLiteral("SELECT ") + kBatchColumns + QStringLiteral(" FROM batch WHERE id = ?"));
        q.bindValue(0, batchId);
        if (!q.exec() || !q.next()) {
            fail(QStringLiteral("There is no batch %1").arg(batchId));
            return std::nullopt;
        }
        info = readBatch(q);
    }
    const auto counts = this->counts(batchId);
    if (!counts)
        return std::nullopt;
    info.counts = *counts;
    return info;
}

std::optional<QList<BatchItem>> BatchJournal::items(
    qint64 batchId, const QList<BatchItemState> &states, qint64 afterLine, int limit) const
{
    if (!m_store.isOpen()) {
        fail(QStringLiteral("The history is not open"));
        return std::nullopt;
    }
    QString sql = QStringLiteral("SELECT line, job_key, payload, state, outcome, http_status, "
                                 "problem, error, note, attempts, history_id FROM batch_item "
                                 "WHERE batch_id = ? AND line > ?");
    if (!states.isEmpty()) {
        QStringList marks;
        for (int i = 0; i < states.size(); ++i)
            marks.append(QStringLiteral("?"));
        sql += QStringLiteral(" AND state IN (") + marks.join(u',') + u')';
    }
    sql += QStringLiteral(" ORDER BY line LIMIT ?");
    // Straight on SQLite: the runner reads every item this way, a page at a time.
    SqliteStatement q(QSqlDatabase::database(m_store.connectionName(), false), sql.toUtf8());
    int i = 0;
    q.bindValue(i++, batchId);
    q.bindValue(i++, afterLine);
    for (const BatchItemState state : states)
        q.bindValue(i++, batchItemStateName(state));
    q.bindValue(i, qMax(0, limit));
    return readItems(q, batchId);
}

std::optional<QList<BatchItem>> BatchJournal::itemsAt(
    qint64 batchId, qint64 offset, int limit) const
{
    if (!m_store.isOpen()) {
        fail(QStringLiteral("The history is not open"));
        return std::nullopt;
    }
    SqliteStatement q(QSqlDatabase::database(m_store.connectionName(), false),
        "SELECT line, job_key, payload, state, outcome, http_status, problem, error, note, "
        "attempts, history_id FROM batch_item WHERE batch_id = ? ORDER BY line LIMIT ? OFFSET ?");
    q.bindValue(0, batchId);
    q.bindValue(1, qMax(0, limit));
    q.bindValue(2, qMax<qint64>(0, offset));
    return readItems(q, batchId);
}

std::optional<QList<qint64>> BatchJournal::pageStarts(qint64 batchId, int pageSize) const
{
    if (!m_store.isOpen()) {
        fail(QStringLiteral("The history is not open"));
        return std::nullopt;
    }
    QSqlQuery q(QSqlDatabase::database(m_store.connectionName(), false));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT line FROM batch_item WHERE batch_id = ? ORDER BY line"));
    q.bindValue(0, batchId);
    if (!q.exec()) {
        fail(QStringLiteral("Cannot read batch %1: %2").arg(batchId).arg(q.lastError().text()));
        return std::nullopt;
    }
    QList<qint64> starts;
    const int step = qMax(1, pageSize);
    for (qint64 n = 0; q.next(); ++n) {
        if (n % step == 0)
            starts.append(q.value(0).toLongLong());
    }
    return starts;
}

std::optional<QList<BatchItem>> BatchJournal::readItems(SqliteStatement &q, qint64 batchId) const
{
    QList<BatchItem> list;
    while (q.next()) {
        BatchItem item;
        item.line = q.int64At(0);
        item.jobKey = q.textAt(1);
        item.payload = q.bytesAt(2);
        item.state = batchItemStateFromName(q.textAt(3)).value_or(BatchItemState::Planned);
        item.outcome = outcomeKindFromName(q.textAt(4));
        if (!q.isNullAt(5))
            item.httpStatus = int(q.int64At(5));
        item.problem = q.textAt(6).toUtf8();
        item.error = q.textAt(7);
        item.note = q.textAt(8);
        item.attempts = int(q.int64At(9));
        item.historyId = q.int64At(10);
        list.append(item);
    }
    if (!q.errorText().isEmpty()) {
        fail(QStringLiteral("Cannot read batch %1: %2").arg(batchId).arg(q.errorText()));
        return std::nullopt;
    }
    return list;
}

} // namespace JobDesk
