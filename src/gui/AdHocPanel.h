// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/CompletionRequest.h"
#include "core/templates/DraftStore.h"

#include <QWidget>

#include <memory>

namespace Ui {
class AdHocPanel;
}

namespace JobDesk {

/// The result of an ad-hoc sub-process job: the elements to activate (each with its own
/// variables, a JSON object typed in its cell), "completion condition fulfilled" and "cancel
/// remaining instances".
///
/// Checked as the engine checks, at the field: a cell that cannot be sent is marked and
/// validationError() names it (an element without an id, variables that are not a JSON object,
/// elements together with a fulfilled condition). A row left entirely empty is ignored.
class AdHocPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit AdHocPanel(QWidget *parent = nullptr);
    ~AdHocPanel() override;

    /// What the panel holds (element variables exactly as typed, trimmed).
    AdHocSubProcessResult result() const;
    /// Why the panel cannot be sent, or empty.
    QString validationError() const;

    void setResult(const AdHocSubProcessResult &result);
    void writeDraft(Draft &draft) const;
    void readDraft(const Draft &draft);
    void clear();

    /// Adds an element row (the id cell is edited next).
    void addElement(const QString &elementId = {}, const QString &variables = {});

signals:
    void changed();

private:
    void onEdited();
    void markCells();
    void setRows(const QList<Draft::AdHocElement> &elements);
    QList<Draft::AdHocElement> rows() const;

    Q_DISABLE_COPY_MOVE(AdHocPanel)
    const std::unique_ptr<Ui::AdHocPanel> m_ui;
};

} // namespace JobDesk
