// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/ApiRequest.h"
#include "core/camunda/OutcomeExplain.h"
#include "core/history/HistoryEntry.h"

#include <QObject>
#include <QPointer>

namespace JobDesk {

class ApiCall;
class HistoryStore;
class JobsClient;

/// Where and as whom attempts are recorded: the open history (not owned; nullptr: not recorded),
/// the front end, and the connection's name and production mark that every row carries.
struct HistoryTarget
{
    HistoryStore *store = nullptr;
    HistorySource source = HistorySource::Window;
    QString connection;
    bool production = false;
};

/// Sends one job action (update, fail, throw error, resolve incident, set variables, complete)
/// as the window and the CLI both do: the attempt is recorded in the history (Pending, with its
/// link id) **before** the request leaves, its outcome recorded when it comes, and the outcome
/// explained with what is known of the job and the server (explain() with an ExplainContext).
///
/// One request at a time; `finished` comes exactly once per send(), always from the event loop.
/// A history that cannot be written does not stop the request: historyError() says why, so the
/// front end can warn (the outcome is never lost).
class ActionSender final : public QObject
{
    Q_OBJECT
public:
    explicit ActionSender(JobsClient *client, QObject *parent = nullptr);
    ~ActionSender() override;
    Q_DISABLE_COPY_MOVE(ActionSender)

    void setHistory(const HistoryTarget &target) { m_history = target; }
    const HistoryTarget &history() const { return m_history; }
    /// What explain() knows besides the outcome (the job as looked up, the server's version).
    void setContext(const ExplainContext &context) { m_context = context; }
    const ExplainContext &context() const { return m_context; }

    /// Records, then sends `request` (which must be valid). `linkId` groups the steps of one
    /// repair in the history (empty: a single action). False (nothing sent) while another
    /// request is in flight.
    bool send(const ApiRequest &request, const QString &linkId = {});
    /// Aborts the request in flight; `finished` follows with OutcomeKind::Cancelled.
    void cancel();
    bool isBusy() const { return !m_call.isNull(); }

    /// The history row of the last send() (0: not recorded), and why not.
    qint64 historyId() const { return m_historyId; }
    QString historyError() const { return m_historyError; }

signals:
    /// The outcome is in the history already (unless historyError() says otherwise).
    void finished(const JobDesk::Outcome &outcome, const JobDesk::Explanation &explanation);

private:
    void onFinished(const Outcome &outcome);

    QPointer<JobsClient> m_client;
    HistoryTarget m_history;
    ExplainContext m_context;
    QPointer<ApiCall> m_call;
    qint64 m_historyId = 0;
    QString m_historyError;
};

} // namespace JobDesk
