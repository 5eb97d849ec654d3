// SPDX-License-Identifier: GPL-3.0-or-later
// The batch view's Resolve incidents tab: the cluster's batch operation (ServerBatchRunner).
#include "gui/BatchDialog.h"

#include "gui/Confirm.h"
#include "gui/MainWindow.h"
#include "ui_BatchDialog.h"

#include <QLocale>
#include <QRegularExpression>

using namespace std::chrono_literals;

namespace JobDesk {

void BatchDialog::setupServerTab()
{
    connect(m_ui->serverPlanPushButton, &QPushButton::clicked, this, &BatchDialog::planServer);
    connect(m_ui->serverStartPushButton, &QPushButton::clicked, this, &BatchDialog::startServer);
    connect(m_ui->serverSuspendPushButton, &QPushButton::clicked, m_server,
        &ServerBatchRunner::suspend);
    connect(
        m_ui->serverResumePushButton, &QPushButton::clicked, m_server, &ServerBatchRunner::resume);
    connect(m_ui->serverCancelPushButton, &QPushButton::clicked, this, [this] {
        if (Confirm::ask(this, tr("Cancel the batch operation"),
                tr("Cancel batch operation %1 in the cluster? Incidents not resolved yet stay.")
                    .arg(m_server->progress().batchOperationKey),
                tr("Cancel the operation")))
            m_server->cancelOperation();
    });
    connect(m_server, &ServerBatchRunner::planned, this, &BatchDialog::onServerPlanned);
    connect(m_server, &ServerBatchRunner::progressChanged, this, &BatchDialog::drawServerProgress);
    connect(m_server, &ServerBatchRunner::retriesProgress, this, [this](int done, int total) {
        m_ui->serverCountsLabel->setText(
            tr("Raising retries first: %1 of %2").arg(done).arg(total));
    });
    connect(m_server, &ServerBatchRunner::started, this, &BatchDialog::updateServerButtons);
    connect(m_server, &ServerBatchRunner::finished, this, &BatchDialog::onServerFinished);
    connect(m_server, &ServerBatchRunner::lifecycleFinished, this,
        [this](
            BatchOperationRequest::Kind, const Outcome &outcome, const Explanation &explanation) {
            if (!outcome.ok())
                m_ui->serverCountsLabel->setText(m_server->progress().summary()
                    + QStringLiteral("\n")
                    + tr("Refused: %1 %2").arg(outcome.problem.detail(), explanation.summary));
            updateServerButtons();
        });
    updateServerButtons();
}

void BatchDialog::planServer()
{
    if (m_server->isBusy())
        return;
    ServerBatchFilter filter;
    filter.processDefinitionId = m_ui->processDefinitionIdLineEdit->text().trimmed();
    filter.elementId = m_ui->elementIdLineEdit->text().trimmed();
    static const QRegularExpression separators(QStringLiteral("[\\s,;\"']+"));
    const QStringList keys
        = m_ui->instanceKeysLineEdit->text().split(separators, Qt::SkipEmptyParts);
    for (const QString &key : keys) {
        const auto parsed = JobKey::parse(key, KeyKind::ProcessInstance);
        filter.processInstanceKeys.append(parsed.key ? parsed.key->toString() : key);
    }
    m_server->setServerVersion(m_window->serverVersion());
    m_ui->serverPlanEdit->setPlainText(tr("Planning: looking for the incidents…"));
    m_ui->failedItemsTable->setRowCount(0);
    m_server->plan(filter, m_ui->retriesSpinBox->value());
    updateServerButtons();
}

void BatchDialog::followServerBatch(const QString &key, qint64 journalId)
{
    m_ui->tabWidget->setCurrentWidget(m_ui->serverTab);
    if (m_server->isBusy())
        return;
    m_server->setServerVersion(m_window->serverVersion());
    m_server->setHistory(historyTarget());
    m_ui->serverPlanEdit->setPlainText(
        tr("Following batch operation %1, started earlier; it went on in the cluster.").arg(key));
    m_ui->failedItemsTable->setRowCount(0);
    m_server->follow(key, journalId);
    updateServerButtons();
}

void BatchDialog::onServerPlanned()
{
    const ServerBatchPlan &plan = m_server->currentPlan();
    m_ui->serverPlanEdit->setPlainText(plan.isValid() ? plan.describe() : plan.error);
    updateServerButtons();
    emit serverPlanned(plan.isValid());
}

void BatchDialog::startServer()
{
    const ServerBatchPlan &plan = m_server->currentPlan();
    if (m_server->isBusy() || !plan.isValid() || plan.incidents.isEmpty())
        return;
    const HistoryTarget target = historyTarget();
    const int count = int(plan.incidents.size());
    QString question = target.production
        ? tr("Resolve %Ln incident(s) on the PRODUCTION connection “%1”?", nullptr, count)
              .arg(target.connection)
        : tr("Resolve %Ln incident(s) on “%1”?", nullptr, count).arg(target.connection);
    if (!plan.jobsNeedingRetries.isEmpty())
        question += QStringLiteral("\n")
            + tr("The retries of %Ln job(s) are raised to %1 first.", nullptr,
                int(plan.jobsNeedingRetries.size()))
                  .arg(plan.retries);
    if (!Confirm::ask(this, tr("Start the batch operation"), question,
            tr("Resolve %Ln incident(s)", nullptr, count)))
        return;
    m_server->setHistory(target);
    m_server->run();
    m_ui->serverProgressBar->setMaximum(std::max(1, count));
    m_ui->serverProgressBar->setValue(0);
    updateServerButtons();
}

void BatchDialog::drawServerProgress()
{
    const ServerBatchProgress &p = m_server->progress();
    m_ui->serverProgressBar->setMaximum(int(std::max<qint64>(1, p.total)));
    m_ui->serverProgressBar->setValue(int(p.processed()));
    QString text = p.batchOperationKey.isEmpty()
        ? QString()
        : tr("Batch operation %1: %2").arg(p.batchOperationKey, p.summary());
    if (p.retriesRaised || p.retriesRefused)
        text += QStringLiteral("\n")
            + tr("Retries raised first: %1 (refused: %2)")
                  .arg(p.retriesRaised)
                  .arg(p.retriesRefused);
    m_ui->serverCountsLabel->setText(text);
    m_ui->failedItemsTable->setRowCount(int(p.failedItems.size()));
    for (int r = 0; r < p.failedItems.size(); ++r) {
        const BatchOperationItemRecord &item = p.failedItems.at(r);
        m_ui->failedItemsTable->setItem(r, 0, new QTableWidgetItem(item.itemKey));
        m_ui->failedItemsTable->setItem(r, 1, new QTableWidgetItem(item.processInstanceKey));
        m_ui->failedItemsTable->setItem(r, 2, new QTableWidgetItem(item.errorMessage));
    }
    updateServerButtons();
}

void BatchDialog::onServerFinished(ServerBatchResult result)
{
    drawServerProgress();
    QString text = m_ui->serverCountsLabel->text();
    if (!text.isEmpty())
        text += QStringLiteral("\n");
    switch (result) {
    case ServerBatchResult::Completed:
        text += tr("Every incident was resolved.");
        break;
    case ServerBatchResult::Failed:
        text
            += QStringLiteral("\n") + tr("Some incidents were not resolved: see the errors below.");
        break;
    case ServerBatchResult::Cancelled:
        text += tr("Cancelled.");
        break;
    default:
        break;
    }
    if (!m_server->error().isEmpty())
        text += m_server->error();
    m_ui->serverCountsLabel->setText(text);
    updateServerButtons();
    emit serverFinished(result);
}

void BatchDialog::updateServerButtons()
{
    const bool busy = m_server->isBusy();
    const bool following = busy && !m_server->progress().batchOperationKey.isEmpty();
    const QString &state = m_server->progress().state;
    const ServerBatchPlan &plan = m_server->currentPlan();
    m_ui->serverPlanPushButton->setEnabled(!busy);
    m_ui->serverStartPushButton->setEnabled(!busy
        && m_server->result() == ServerBatchResult::Planned && plan.isValid()
        && !plan.incidents.isEmpty());
    m_ui->serverSuspendPushButton->setEnabled(
        following && (state == QLatin1String("ACTIVE") || state == QLatin1String("CREATED")));
    m_ui->serverResumePushButton->setEnabled(following && state == QLatin1String("SUSPENDED"));
    m_ui->serverCancelPushButton->setEnabled(following);
}

} // namespace JobDesk
