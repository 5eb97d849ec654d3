// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Answers.h"
#include "core/camunda/Searches.h"

#include <QAbstractTableModel>

#include <optional>

namespace JobDesk {

class JobSearchPager;
class JobsClient;

/// The rows of a job search for the Find jobs view, read lazily: the first page when the search
/// starts, the next one through canFetchMore()/fetchMore() when the view scrolls near the end
/// (and one page ahead of it), so 100,000 matches cost only what is looked at. Keys are kept as
/// text. Each row keeps only the columns shown.
class JobSearchModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        KeyColumn,
        TypeColumn,
        KindColumn,
        StateColumn,
        RetriesColumn,
        ProcessColumn,
        ElementColumn,
        InstanceColumn,
        WorkerColumn,
        ColumnCount
    };
    /// Jobs per request.
    static constexpr int kPageSize = 500;

    explicit JobSearchModel(JobsClient *client, QObject *parent = nullptr);
    ~JobSearchModel() override;

    /// Starts over with this search (its page size is set here).
    void search(SearchRequest request);
    QString jobKey(int row) const;
    bool isFetching() const;
    std::optional<qint64> total() const;
    bool totalIsLowerBound() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    /// A page arrived (rows were added) or the search failed (`error` not empty).
    void pageLoaded();
    void searchFailed(const QString &error);

private:
    struct Row
    {
        QString key;
        QString type;
        QString kind;
        QString state;
        QString retries;
        QString process;
        QString element;
        QString instance;
        QString worker;
    };
    void append(const QList<JobRecord> &jobs, bool first);

    Q_DISABLE_COPY_MOVE(JobSearchModel)
    JobSearchPager *m_pager;
    QList<Row> m_rows;
};

} // namespace JobDesk
