// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Answers.h"
#include "core/camunda/CompletionRequest.h"
#include "core/templates/DraftStore.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class ResultPanel;
}

namespace JobDesk {

/// The optional `result` of a completion, by type: none, a task listener's verdict (Deny with a
/// reason, and the user-task corrections, collapsed by default), or an ad-hoc sub-process's
/// (AdHocPanel). The type follows the job once it is known (an ad-hoc sub-process job gets the
/// ad-hoc panel); without a known job the person chooses it.
///
/// What is not sent looks it: the reason of an unticked Deny is disabled, the text of an
/// unticked correction greyed (typing into it ticks it). The line for input errors keeps its
/// room while empty, so the form below does not jump when a message comes or goes.
class ResultPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ResultPanel(QWidget *parent = nullptr);
    ~ResultPanel() override;

    /// monostate when nothing is set (the body then carries no `result`), else the result of
    /// the chosen type.
    CompletionRequest::Result result() const;
    Draft::ResultKind resultKind() const;
    void setResultKind(Draft::ResultKind kind);
    /// Why the panel's input cannot be sent (a date that is not RFC 3339, a priority outside
    /// 0..100, corrections together with Deny), or empty. Also shown under the panel.
    QString validationError() const;

    void writeDraft(Draft &draft) const;
    void readDraft(const Draft &draft);
    /// Fills the panel from a sent result (load into form).
    void setResult(const UserTaskResult &result);
    void setResult(const AdHocSubProcessResult &result);
    void clear();

    /// The job as looked up, or std::nullopt when it is unknown (no search, not found): then
    /// everything is offered, as before. A known job is offered Deny only where its listener
    /// event allows a denial and corrections only where its listener takes them; what is
    /// ticked already stays so it can be unticked.
    void setJob(const std::optional<JobRecord> &job);
    /// True when Deny is ticked; true when a correction is ticked (for a task listener's
    /// verdict; false while another result type is chosen).
    bool denies() const;
    bool corrects() const;

    bool correctionsExpanded() const;
    void setCorrectionsExpanded(bool expanded);

signals:
    void changed();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateState();
    /// Keeps the message line as tall as the longest message needs at the current width.
    void reserveMessageSpace();
    /// The messages validationError() gives (and reserveMessageSpace() measures).
    static QString dateMessage(const QString &field);
    static QString priorityMessage();
    static QString denyWithCorrectionsMessage();

    void updateOffer();
    void updateKind();
    /// Nothing typed in the user-task fields / in the ad-hoc panel.
    bool userTaskEmpty() const;
    bool adHocEmpty() const;

    Q_DISABLE_COPY_MOVE(ResultPanel)
    const std::unique_ptr<Ui::ResultPanel> m_ui;
    std::optional<JobRecord> m_job;
    QString m_kindChosenFor; ///< the job (key, kind, event) that last chose the result type
};

} // namespace JobDesk
