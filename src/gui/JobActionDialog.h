// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/ApiRequest.h"
#include "core/lookup/JobLookupResult.h"

#include <QDialog>

#include <memory>
#include <optional>

namespace Ui {
class JobActionDialog;
}

namespace JobDesk {

class JobsClient;

/// The single-job actions of the Job menu (besides completion and the guided repair).
enum class JobAction {
    Update, ///< retries and/or timeout
    Fail,
    ThrowError,
    ResolveIncident,
    ResolveInstanceIncidents, ///< 8.9+
    SetVariables,
};

/// The small form of one job action: its fields (checked as they are typed, the core's request
/// type naming the field that is wrong), Preview and Copy as curl as for a completion, and OK
/// to send. The keys it needs besides the job's (incident, scope, instance) are filled in from
/// the job as looked up, when known. Sending is the caller's (JobActionsController): the dialog
/// only builds the request.
class JobActionDialog final : public QDialog
{
    Q_OBJECT
public:
    /// `client` (not owned) describes the request for Preview and Copy as curl.
    JobActionDialog(JobAction action, const QString &jobKey,
        const std::optional<JobLookupResult> &lookup, const JobsClient *client,
        QWidget *parent = nullptr);
    ~JobActionDialog() override;

    JobAction action() const { return m_action; }
    /// The request as the fields say, or std::nullopt with the reason in `error`.
    std::optional<ApiRequest> request(QString *error = nullptr) const;
    /// The window title's words for an action, e.g. "Fail job".
    static QString actionTitle(JobAction action);

private:
    void validate();
    void preview();
    void copyCurl();

    Q_DISABLE_COPY_MOVE(JobActionDialog)
    const std::unique_ptr<Ui::JobActionDialog> m_ui;
    JobAction m_action;
    QString m_jobKey;
    const JobsClient *m_client;
};

} // namespace JobDesk
