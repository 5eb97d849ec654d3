// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/BatchItemsModel.h"

#include "core/camunda/ProblemDetails.h"

#include <QBrush>
#include <QColor>

namespace JobDesk {

BatchItemsModel::BatchItemsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

BatchItemsModel::~BatchItemsModel() = default;

void BatchItemsModel::setBatch(BatchJournal *journal, qint64 batchId)
{
    beginResetModel();
    m_journal = journal;
    m_batchId = batchId;
    m_pages.clear();
    m_recent.clear();
    m_pageFirstLine.clear();
    m_rows = 0;
    m_startsKnown = false;
    m_startsRequested = 0;
    if (m_reader && (!m_journal || m_readerPath != m_journal->path()))
        m_reader.reset(); // its answers for the batch shown before are dropped with it
    m_startsPending = false;
    if (m_journal && m_batchId) {
        if (const auto counts = m_journal->counts(m_batchId))
            m_rows = int(counts->total());
    }
    endResetModel();
    readPageStarts();
}

void BatchItemsModel::readPageStarts()
{
    if (!m_journal || !m_batchId || m_rows <= m_startsRequested || m_startsPending)
        return;
    if (!m_reader) {
        m_reader = std::make_unique<BatchJournalWriter>();
        if (!m_reader->open(m_journal->path())) {
            m_reader.reset(); // pages are read by offset, as before
            return;
        }
        m_readerPath = m_journal->path();
    }
    m_startsRequested = m_rows;
    m_startsPending = true;
    const qint64 batchId = m_batchId;
    using Starts = std::optional<QList<qint64>>;
    m_reader->read<Starts>(
        [batchId](const BatchJournal *journal) {
            return journal ? journal->pageStarts(batchId, kPageSize) : Starts();
        },
        [this, batchId](const Starts &starts) {
            if (batchId != m_batchId)
                return;
            m_startsPending = false;
            if (!starts)
                return;
            for (int page = 0; page < starts->size(); ++page)
                m_pageFirstLine.insert(page, starts->at(page));
            m_startsKnown = qint64(starts->size()) * kPageSize >= m_rows;
        });
}

void BatchItemsModel::refresh(std::optional<qint64> total)
{
    if (!m_journal || !m_batchId)
        return;
    int rows = m_rows;
    if (total) {
        rows = int(*total);
    } else if (const auto counts = m_journal->counts(m_batchId)) {
        rows = int(counts->total());
    }
    // The items' lines never change: where each page starts stays known (m_pageFirstLine).
    m_pages.clear();
    m_recent.clear();
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    if (m_rows > 0)
        emit dataChanged(index(0, 0), index(m_rows - 1, ColumnCount - 1));
    readPageStarts(); // rows added since (while planning)
}

const BatchItem *BatchItemsModel::itemAt(int row) const
{
    if (!m_journal || row < 0 || row >= m_rows)
        return nullptr;
    const int page = row / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        // A page read before is read again by its first line (the primary key: a few rows
        // touched); only a page never seen is found by its offset.
        const auto first = m_pageFirstLine.constFind(page);
        const auto items = first != m_pageFirstLine.constEnd()
            ? m_journal->items(m_batchId, {}, *first - 1, kPageSize)
            : m_journal->itemsAt(m_batchId, qint64(page) * kPageSize, kPageSize);
        ++m_pagesRead;
        if (first == m_pageFirstLine.constEnd())
            ++m_pagesReadByOffset;
        if (!items)
            return nullptr;
        if (!items->isEmpty())
            m_pageFirstLine.insert(page, items->constFirst().line);
        if (m_pages.size() >= kPagesKept && !m_recent.isEmpty())
            m_pages.remove(m_recent.takeFirst());
        it = m_pages.insert(page, *items);
    }
    m_recent.removeOne(page);
    m_recent.append(page);
    const int offset = row % kPageSize;
    return offset < it->size() ? &it->at(offset) : nullptr;
}

std::optional<BatchItem> BatchItemsModel::item(int row) const
{
    const BatchItem *found = itemAt(row);
    return found ? std::optional<BatchItem>(*found) : std::nullopt;
}

int BatchItemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int BatchItemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

QString stateText(const BatchItem &item)
{
    switch (item.state) {
    case BatchItemState::Planned:
        return BatchItemsModel::tr("waiting");
    case BatchItemState::Sending:
        return BatchItemsModel::tr("sending");
    case BatchItemState::Done:
        return BatchItemsModel::tr("done");
    case BatchItemState::Skipped:
        return BatchItemsModel::tr("skipped");
    }
    return {};
}

QString detailText(const BatchItem &item)
{
    if (!item.problem.isEmpty()) {
        const ProblemDetails problem = ProblemDetails::parse(item.problem);
        const QString text = problem.detail().isEmpty() ? problem.title() : problem.detail();
        if (!text.isEmpty())
            return text;
        return QString::fromUtf8(item.problem.left(300));
    }
    if (!item.error.isEmpty())
        return item.error;
    return item.note;
}

} // namespace

QVariant BatchItemsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()
        || (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole))
        return {};
    const BatchItem *item = itemAt(index.row());
    if (!item)
        return role == Qt::DisplayRole && index.column() == Line ? tr("…") : QVariant();
    if (role == Qt::ForegroundRole) {
        if (index.column() != Outcome && index.column() != State)
            return {};
        if (item->outcome && *item->outcome != OutcomeKind::Completed
            && *item->outcome != OutcomeKind::Denied && item->state == BatchItemState::Done)
            return QBrush(QColor(0xd6, 0x3b, 0x3b));
        return {};
    }
    switch (index.column()) {
    case Line:
        return QString::number(item->line);
    case JobKey:
        return item->jobKey;
    case State:
        return stateText(*item);
    case Outcome:
        return item->outcome ? outcomeKindName(*item->outcome) : QString();
    case HttpStatus:
        return item->httpStatus ? QString::number(*item->httpStatus) : QString();
    case Detail:
        return role == Qt::ToolTipRole && !item->problem.isEmpty()
            ? QString::fromUtf8(item->problem)
            : detailText(*item);
    case Attempts:
        return item->attempts ? QString::number(item->attempts) : QString();
    default:
        return {};
    }
}

QVariant BatchItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == Detail)
        return tr("The problem the server answered with, or why the item was skipped, or how "
                  "its outcome was confirmed");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Line:
        return tr("Line");
    case JobKey:
        return tr("Job key");
    case State:
        return tr("State");
    case Outcome:
        return tr("Outcome");
    case HttpStatus:
        return tr("HTTP");
    case Detail:
        // Short: at 1280×800 the column gets what the others leave (its tool tip says more).
        return tr("Details");
    case Attempts:
        return tr("Attempts");
    default:
        return {};
    }
}

} // namespace JobDesk
