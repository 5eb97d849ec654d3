// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/TemplateForm.h"

#include <QStringList>

namespace JobDesk::TemplateForm {

namespace {
std::optional<QString> textOf(const Draft::Field &field)
{
    return field.set ? std::optional<QString>(field.text) : std::nullopt;
}

std::optional<QStringList> listOf(const Draft::Field &field)
{
    if (!field.set)
        return std::nullopt;
    QStringList items;
    for (const QString &part : field.text.split(u',')) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            items << item;
    }
    return items;
}

Draft::Field fieldOf(const std::optional<QString> &value)
{
    return value ? Draft::Field {true, *value} : Draft::Field {};
}

Draft::Field fieldOf(const std::optional<QStringList> &value)
{
    return value ? Draft::Field {true, value->join(QStringLiteral(", "))} : Draft::Field {};
}
} // namespace

Template fromDraft(const Draft &draft)
{
    Template t;
    t.variables = draft.variables;
    if (draft.resultKind == Draft::ResultKind::None)
        return t;
    if (draft.resultKind == Draft::ResultKind::AdHoc) {
        for (const Draft::AdHocElement &element : draft.adHocElements)
            t.adHoc.activateElements.append(
                {element.elementId.trimmed(), element.variables.trimmed().toUtf8()});
        t.adHoc.isCompletionConditionFulfilled = draft.adHocConditionFulfilled;
        t.adHoc.isCancelRemainingInstances = draft.adHocCancelRemaining;
        return t;
    }
    t.denied = draft.denied;
    t.deniedReason = draft.denied ? draft.deniedReason : QString();
    UserTaskCorrections &c = t.corrections;
    c.assignee = textOf(draft.assignee);
    c.dueDate = textOf(draft.dueDate);
    c.followUpDate = textOf(draft.followUpDate);
    c.candidateUsers = listOf(draft.candidateUsers);
    c.candidateGroups = listOf(draft.candidateGroups);
    if (draft.priority.set) {
        bool ok = false;
        const int priority = draft.priority.text.trimmed().toInt(&ok);
        if (ok)
            c.priority = priority;
    }
    return t;
}

Draft applied(Draft form, const Template &t)
{
    form.variables = t.variables;
    form.denied = t.denied;
    form.deniedReason = t.deniedReason;
    const UserTaskCorrections &c = t.corrections;
    form.assignee = fieldOf(c.assignee);
    form.dueDate = fieldOf(c.dueDate);
    form.followUpDate = fieldOf(c.followUpDate);
    form.candidateUsers = fieldOf(c.candidateUsers);
    form.candidateGroups = fieldOf(c.candidateGroups);
    form.priority
        = c.priority ? Draft::Field {true, QString::number(*c.priority)} : Draft::Field {};
    form.correctionsExpanded = !c.isEmpty();
    form.adHocElements.clear();
    for (const AdHocActivateElement &element : t.adHoc.activateElements)
        form.adHocElements.append({element.elementId, QString::fromUtf8(element.variablesJson)});
    form.adHocConditionFulfilled = t.adHoc.isCompletionConditionFulfilled;
    form.adHocCancelRemaining = t.adHoc.isCancelRemainingInstances;
    // The result type follows the template's result; a template without one leaves the choice
    // (it follows the job). The lease token and business id belong to the job: they stay.
    if (!t.adHoc.isEmpty())
        form.resultKind = Draft::ResultKind::AdHoc;
    else if (t.hasResult())
        form.resultKind = Draft::ResultKind::UserTask;
    return form;
}

} // namespace JobDesk::TemplateForm
