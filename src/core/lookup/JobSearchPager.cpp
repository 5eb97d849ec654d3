// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lookup/JobSearchPager.h"

#include "core/http/JobsClient.h"

namespace JobDesk {

JobSearchPager::JobSearchPager(JobsClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

JobSearchPager::~JobSearchPager()
{
    cancel();
}

void JobSearchPager::cancel()
{
    if (!m_call)
        return;
    ApiCall *call = m_call;
    m_call.clear();
    disconnect(call, nullptr, this, nullptr);
    connect(call, &ApiCall::finished, call, &QObject::deleteLater);
    call->cancel();
}

void JobSearchPager::start(const SearchRequest &search)
{
    cancel();
    m_search = search;
    m_endCursor.clear();
    m_total.reset();
    m_totalIsLowerBound = false;
    m_pages = 0;
    m_hasMore = true;
    request(m_search);
}

void JobSearchPager::fetchNext()
{
    if (m_call || !m_hasMore || m_pages == 0)
        return;
    request(m_search.nextPage(m_endCursor));
}

void JobSearchPager::request(const SearchRequest &search)
{
    if (!m_client) {
        m_hasMore = false;
        return;
    }
    ApiCall *call = m_client->send(search.toApiRequest());
    m_call = call;
    connect(call, &ApiCall::finished, this, [this, call](const Outcome &outcome) {
        call->deleteLater();
        if (m_call != call)
            return;
        m_call.clear();
        m_lastOutcome = outcome;
        QString error;
        std::optional<SearchPage<JobRecord>> page;
        if (outcome.ok())
            page = Answers::jobs(outcome.rawBody, &error);
        if (!page) {
            m_hasMore = false;
            emit failed(outcome, error);
            return;
        }
        ++m_pages;
        m_endCursor = page->page.endCursor;
        m_total = page->page.totalItems;
        m_totalIsLowerBound = page->page.hasMoreTotalItems;
        m_hasMore = !m_endCursor.isEmpty() && !page->items.isEmpty();
        emit pageArrived(page->items, m_pages == 1);
    });
}

} // namespace JobDesk
