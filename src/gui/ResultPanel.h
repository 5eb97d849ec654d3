// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Answers.h"
#include "core/camunda/CompletionRequest.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class ResultPanel;
}

namespace JobDesk {

struct Draft;

/// The optional `result` of a completion: Deny with a reason, and the user-task corrections
/// (collapsed by default, with a hint that they only apply to user-task listener jobs).
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

    /// monostate when nothing is set (the body then carries no `result`), else a UserTaskResult.
    CompletionRequest::Result result() const;
    /// Why the panel's input cannot be sent (a date that is not RFC 3339, a priority outside
    /// 0..100, corrections together with Deny), or empty. Also shown under the panel.
    QString validationError() const;

    void writeDraft(Draft &draft) const;
    void readDraft(const Draft &draft);
    /// Fills the panel from a sent result (load into form).
    void setResult(const UserTaskResult &result);
    void clear();

    /// The job as looked up, or std::nullopt when it is unknown (no search, not found): then
    /// everything is offered, as before. A known job is offered Deny only where its listener
    /// event allows a denial and corrections only where its listener takes them; what is
    /// ticked already stays so it can be unticked.
    void setJob(const std::optional<JobRecord> &job);
    /// True when Deny is ticked; true when a correction is ticked.
    bool denies() const;
    bool corrects() const;

    bool correctionsExpanded() const;
    void setCorrectionsExpanded(bool expanded);

    static bool isRfc3339DateTime(const QString &text);

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

    Q_DISABLE_COPY_MOVE(ResultPanel)
    const std::unique_ptr<Ui::ResultPanel> m_ui;
    std::optional<JobRecord> m_job;
};

} // namespace JobDesk
