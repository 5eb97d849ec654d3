// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/CamundaVersion.h"
#include "core/camunda/Searches.h"

#include <QDialog>

#include <memory>

namespace Ui {
class FindJobsDialog;
}

namespace JobDesk {

class JobSearchModel;
class JobsClient;

/// Find jobs: filter by type, state, kind, process definition id, process instance key, element
/// id, worker, tenant, "failed with retries left", error message and — on Camunda 8.9 or later
/// — creation and last-update time; sort; the results page in as the list scrolls
/// (JobSearchModel). One job opens in the form; the selected keys are kept for batch work and
/// can be copied.
class FindJobsDialog final : public QDialog
{
    Q_OBJECT
public:
    FindJobsDialog(JobsClient *client, const CamundaVersion &server, QWidget *parent = nullptr);
    ~FindJobsDialog() override;

    /// The search the filters describe, or std::nullopt with the reason in *error.
    std::optional<SearchRequest> searchRequest(QString *error = nullptr) const;
    /// The keys of the selected rows, in list order.
    QStringList selectedKeys() const;
    JobSearchModel *model() const { return m_model; }

public slots:
    void search();

signals:
    /// Open this job in the form.
    void jobChosen(const QString &jobKey);
    /// The selection changed (kept for batch work).
    void selectionChanged(const QStringList &jobKeys);

private:
    void updateStatus();
    void openSelected();

    Q_DISABLE_COPY_MOVE(FindJobsDialog)
    const std::unique_ptr<Ui::FindJobsDialog> m_ui;
    JobSearchModel *m_model;
    CamundaVersion m_server;
    QString m_error;
};

} // namespace JobDesk
