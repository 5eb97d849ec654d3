// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/JobSearchModel.h"

#include "core/lookup/JobLookupResult.h"
#include "core/lookup/JobSearchPager.h"

namespace JobDesk {

JobSearchModel::JobSearchModel(JobsClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_pager(new JobSearchPager(client, this))
{
    connect(m_pager, &JobSearchPager::pageArrived, this, &JobSearchModel::append);
    connect(m_pager, &JobSearchPager::failed, this,
        [this](const Outcome &outcome, const QString &error) {
            JobLookupResult failed;
            failed.outcome = outcome;
            failed.state
                = outcome.ok() ? LookupState::Refused : LookupRules::stateForSearch(outcome, false);
            emit searchFailed(error.isEmpty() ? failed.describe() : error);
        });
}

JobSearchModel::~JobSearchModel() = default;

void JobSearchModel::search(SearchRequest request)
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    request.limit = kPageSize;
    m_pager->start(request);
}

void JobSearchModel::append(const QList<JobRecord> &jobs, bool first)
{
    Q_UNUSED(first)
    if (!jobs.isEmpty()) {
        const int from = int(m_rows.size());
        beginInsertRows({}, from, from + int(jobs.size()) - 1);
        for (const JobRecord &job : jobs) {
            QString kind = job.kind;
            if (!job.listenerEventType.isEmpty()
                && job.listenerEventType != QLatin1String("UNSPECIFIED"))
                kind += QStringLiteral(" (%1)").arg(job.listenerEventType);
            m_rows.append({job.jobKey, job.type, kind, job.state,
                job.retries ? QString::number(*job.retries) : QString(), job.processDefinitionId,
                job.elementId, job.processInstanceKey, job.worker});
        }
        endInsertRows();
    }
    emit pageLoaded();
}

QString JobSearchModel::jobKey(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).key : QString();
}

bool JobSearchModel::isFetching() const
{
    return m_pager->isFetching();
}

std::optional<qint64> JobSearchModel::total() const
{
    return m_pager->total();
}

bool JobSearchModel::totalIsLowerBound() const
{
    return m_pager->totalIsLowerBound();
}

int JobSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobSearchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobSearchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const Row &row = m_rows.at(index.row());
    switch (index.column()) {
    case KeyColumn:
        return row.key;
    case TypeColumn:
        return row.type;
    case KindColumn:
        return row.kind;
    case StateColumn:
        return row.state;
    case RetriesColumn:
        return row.retries;
    case ProcessColumn:
        return row.process;
    case ElementColumn:
        return row.element;
    case InstanceColumn:
        return row.instance;
    case WorkerColumn:
        return row.worker;
    default:
        return {};
    }
}

QVariant JobSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Job key");
    case TypeColumn:
        return tr("Type");
    case KindColumn:
        return tr("Kind");
    case StateColumn:
        return tr("State");
    case RetriesColumn:
        return tr("Retries");
    case ProcessColumn:
        return tr("Process");
    case ElementColumn:
        return tr("Element");
    case InstanceColumn:
        return tr("Instance");
    case WorkerColumn:
        return tr("Worker");
    default:
        return {};
    }
}

bool JobSearchModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_pager->hasMore() && !m_pager->isFetching();
}

void JobSearchModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        m_pager->fetchNext();
}

} // namespace JobDesk
