// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/lookup/JobLookupResult.h"

#include <QFrame>

#include <memory>
#include <optional>

class QAction;
class QTimer;
class QToolButton;

namespace Ui {
class JobCard;
}

namespace JobDesk {

/// The job at hand, as the server has it now: shown above the form when the key field holds a
/// valid key. A headline (looking up with a spinner that never blocks typing, or type · kind ·
/// state, or what "not found", "no permission" and "search not available" mean), the result's
/// age with a refresh (F5), the fields support staff check (retries, worker, deadline, error,
/// process and element with their instance keys, tenant, custom headers, 8.9+ times), the
/// active incident, "did you mean …" links for a rounded key, and a read-only variables panel
/// that copies a selection or all of them into the editor.
class JobCard final : public QFrame
{
    Q_OBJECT
public:
    explicit JobCard(QWidget *parent = nullptr);
    ~JobCard() override;

    /// Nothing to show (no valid key): the card hides.
    void clear();
    void showLookingUp(const QString &jobKey);
    void showResult(const JobLookupResult &result);
    /// The job found, its incident and variables still being read: shown at once, the card
    /// stays "looking up" until showResult().
    void showJobRead(const JobLookupResult &partial);
    /// The result shown, if any.
    const std::optional<JobLookupResult> &result() const { return m_result; }
    bool isLookingUp() const { return m_lookingUp; }

    /// Offers `repair` (not owned; the Job menu's Repair…) on the card while it shows a FAILED
    /// job or one with an open incident.
    void setRepairAction(QAction *repair);

    /// `{"name": value, …}` of the rows (all or the selected ones), values as the server keeps
    /// them.
    QString variablesJson(bool selectedOnly) const;

signals:
    void refreshRequested();
    /// A "did you mean" link: put this key into the form.
    void suggestionChosen(const QString &jobKey);
    /// Copy into the editor: the JSON object text.
    void copyVariablesRequested(const QString &json);

private:
    void present(const JobLookupResult &result, bool complete);
    void showJob(const JobRecord &job, const JobLookupResult &result, bool complete);
    void showVariables(const JobLookupResult &result, bool complete);
    void updateAge();
    QString headlineFor(const JobLookupResult &result) const;

    Q_DISABLE_COPY_MOVE(JobCard)
    const std::unique_ptr<Ui::JobCard> m_ui;
    QTimer *m_ageTimer;
    std::optional<JobLookupResult> m_result;
    bool m_lookingUp = false;
    QToolButton *m_repairButton = nullptr;
    void updateRepairButton();
};

} // namespace JobDesk
