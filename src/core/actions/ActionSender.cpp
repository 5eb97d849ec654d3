// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/actions/ActionSender.h"

#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"

#include <QDateTime>

namespace JobDesk {

ActionSender::ActionSender(JobsClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

ActionSender::~ActionSender()
{
    if (m_call)
        m_call->disconnect(this);
}

bool ActionSender::send(const ApiRequest &request, const QString &linkId)
{
    if (isBusy() || !m_client)
        return false;
    m_historyId = 0;
    m_historyError.clear();
    if (m_history.store) {
        // Write-ahead: the row exists before the request leaves, so a run that dies while it is
        // in flight still leaves "unknown — look the job up" behind.
        HistoryEntry attempt
            = HistoryEntry::forAttempt(m_client->describe(request), m_history.source,
                m_history.connection, m_history.production, QDateTime::currentDateTimeUtc());
        attempt.linkId = linkId;
        if (const std::optional<qint64> id = m_history.store->beginAttempt(attempt))
            m_historyId = *id;
        else
            m_historyError = m_history.store->error();
    }
    m_call = m_client->send(request);
    connect(m_call, &ApiCall::finished, this, [this](const Outcome &outcome) {
        if (m_call)
            m_call->deleteLater();
        m_call.clear();
        onFinished(outcome);
    });
    return true;
}

void ActionSender::cancel()
{
    if (m_call)
        m_call->cancel();
}

void ActionSender::onFinished(const Outcome &outcome)
{
    if (m_historyId != 0 && m_history.store
        && !m_history.store->finishAttempt(m_historyId, outcome))
        m_historyError = m_history.store->error();
    emit finished(outcome, explain(outcome, m_context));
}

} // namespace JobDesk
