// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Answers.h"
#include "core/camunda/Outcome.h"
#include "core/camunda/Searches.h"

#include <QObject>
#include <QPointer>

namespace JobDesk {

class ApiCall;
class JobsClient;

/// Reads a job search page by page with the `page.after` cursor, one request at a time and only
/// when asked (fetchNext()), so a list of 100,000 jobs costs only the pages someone looks at.
/// Used by `jobdesk-cli job search` (which asks for the next page as soon as one is printed)
/// and the window's Find jobs view (which asks as the person scrolls).
class JobSearchPager final : public QObject
{
    Q_OBJECT
public:
    explicit JobSearchPager(JobsClient *client, QObject *parent = nullptr);
    ~JobSearchPager() override;

    /// Starts over with this search (its `limit` is the page size); cancels a page in flight.
    /// The first page is asked for at once.
    void start(const SearchRequest &search);
    /// Asks for the next page, unless one is in flight or there is none.
    void fetchNext();
    /// Cancels the page in flight (no signal follows for it).
    void cancel();

    bool isFetching() const { return !m_call.isNull(); }
    /// False after the last page, a failure, or before start().
    bool hasMore() const { return m_hasMore; }
    int pagesRead() const { return m_pages; }
    /// The total the server reported with the last page (a lower bound when `totalIsLowerBound`).
    std::optional<qint64> total() const { return m_total; }
    bool totalIsLowerBound() const { return m_totalIsLowerBound; }
    /// The answer of the last page read (for the history).
    const Outcome &lastOutcome() const { return m_lastOutcome; }

signals:
    /// One page arrived (`first`: the first page of this search).
    void pageArrived(const QList<JobDesk::JobRecord> &jobs, bool first);
    /// A page could not be read: refused, no answer, or an answer that is not a job page
    /// (`error` then says why). No more pages follow.
    void failed(const JobDesk::Outcome &outcome, const QString &error);

private:
    Q_DISABLE_COPY_MOVE(JobSearchPager)

    void request(const SearchRequest &search);

    QPointer<JobsClient> m_client;
    QPointer<ApiCall> m_call;
    SearchRequest m_search;
    QString m_endCursor;
    Outcome m_lastOutcome;
    std::optional<qint64> m_total;
    bool m_totalIsLowerBound = false;
    bool m_hasMore = false;
    int m_pages = 0;
};

} // namespace JobDesk
