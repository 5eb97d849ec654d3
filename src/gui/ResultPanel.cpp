// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/ResultPanel.h"

#include "core/lookup/JobFit.h"
#include "core/templates/DraftStore.h"
#include "ui_ResultPanel.h"

#include <QResizeEvent>

#include <tuple>

namespace JobDesk {

namespace {

QStringList splitList(const QString &text)
{
    QStringList items;
    const QStringList parts = text.split(u',');
    for (const QString &part : parts) {
        const QString item = part.trimmed();
        if (!item.isEmpty())
            items.append(item);
    }
    return items;
}

void setField(QCheckBox *check, QLineEdit *edit, const Draft::Field &field)
{
    check->setChecked(field.set);
    edit->setText(field.text);
}

Draft::Field fieldOf(const QCheckBox *check, const QLineEdit *edit)
{
    return {check->isChecked(), edit->text()};
}

/// The text of an unticked field is not sent: greyed like a disabled field's, yet editable.
void greyUnlessTicked(const QCheckBox *check, QLineEdit *edit)
{
    QPalette pal = edit->palette();
    const QPalette base = edit->parentWidget() ? edit->parentWidget()->palette() : QPalette();
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        pal.setColor(group, QPalette::Text,
            check->isChecked() ? base.color(group, QPalette::Text)
                               : base.color(QPalette::Disabled, QPalette::Text));
    }
    edit->setPalette(pal);
}

int indexOf(Draft::ResultKind kind)
{
    switch (kind) {
    case Draft::ResultKind::None:
        return 0;
    case Draft::ResultKind::AdHoc:
        return 2;
    case Draft::ResultKind::UserTask:
        break;
    }
    return 1;
}

Draft::ResultKind kindAt(int index)
{
    return index == 0 ? Draft::ResultKind::None
        : index == 2  ? Draft::ResultKind::AdHoc
                      : Draft::ResultKind::UserTask;
}

} // namespace

ResultPanel::ResultPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ResultPanel>())
{
    m_ui->setupUi(this);
    QFont small = m_ui->correctionsHintLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_ui->correctionsHintLabel->setFont(small);
    m_ui->correctionsHintLabel->setForegroundRole(QPalette::PlaceholderText);
    m_ui->correctionsWidget->setVisible(false);
    QPalette messagePalette = m_ui->resultMessageLabel->palette();
    messagePalette.setColor(QPalette::WindowText, QColor(0xd6, 0x3b, 0x3b));
    m_ui->resultMessageLabel->setPalette(messagePalette);

    connect(m_ui->correctionsToolButton, &QToolButton::toggled, this, [this](bool on) {
        m_ui->correctionsWidget->setVisible(on);
        m_ui->correctionsToolButton->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        emit changed();
    });
    const QList<QPair<QCheckBox *, QLineEdit *>> pairs {
        {m_ui->assigneeCheckBox, m_ui->assigneeLineEdit},
        {m_ui->dueDateCheckBox, m_ui->dueDateLineEdit},
        {m_ui->followUpDateCheckBox, m_ui->followUpDateLineEdit},
        {m_ui->candidateUsersCheckBox, m_ui->candidateUsersLineEdit},
        {m_ui->candidateGroupsCheckBox, m_ui->candidateGroupsLineEdit},
        {m_ui->priorityCheckBox, m_ui->priorityLineEdit},
    };
    for (const auto &[check, edit] : pairs) {
        connect(check, &QCheckBox::toggled, this, &ResultPanel::updateState);
        connect(edit, &QLineEdit::textChanged, this, &ResultPanel::updateState);
        // Typing into a correction means "change it": tick the box for the person.
        connect(edit, &QLineEdit::textEdited, check, [check = check] { check->setChecked(true); });
    }
    connect(m_ui->denyCheckBox, &QCheckBox::toggled, this, &ResultPanel::updateState);
    connect(m_ui->deniedReasonLineEdit, &QLineEdit::textChanged, this, &ResultPanel::updateState);
    connect(m_ui->adHocPanel, &AdHocPanel::changed, this, &ResultPanel::updateState);
    m_ui->resultTypeComboBox->setCurrentIndex(indexOf(Draft::ResultKind::UserTask));
    connect(
        m_ui->resultTypeComboBox, &QComboBox::currentIndexChanged, this, &ResultPanel::updateKind);
    updateKind();
}

Draft::ResultKind ResultPanel::resultKind() const
{
    return kindAt(m_ui->resultTypeComboBox->currentIndex());
}

void ResultPanel::setResultKind(Draft::ResultKind kind)
{
    m_ui->resultTypeComboBox->setCurrentIndex(indexOf(kind)); // updateKind() follows
}

void ResultPanel::updateKind()
{
    const Draft::ResultKind kind = resultKind();
    // Deny and its reason share the type's row, so the form is no taller than before.
    m_ui->denyCheckBox->setVisible(kind == Draft::ResultKind::UserTask);
    m_ui->deniedReasonLineEdit->setVisible(kind == Draft::ResultKind::UserTask);
    m_ui->userTaskWidget->setVisible(kind == Draft::ResultKind::UserTask);
    m_ui->adHocPanel->setVisible(kind == Draft::ResultKind::AdHoc);
    updateState();
}

bool ResultPanel::userTaskEmpty() const
{
    return !m_ui->denyCheckBox->isChecked() && m_ui->deniedReasonLineEdit->text().isEmpty()
        && !corrects();
}

bool ResultPanel::adHocEmpty() const
{
    Draft draft;
    m_ui->adHocPanel->writeDraft(draft);
    for (const Draft::AdHocElement &element : std::as_const(draft.adHocElements)) {
        if (!element.elementId.trimmed().isEmpty() || !element.variables.trimmed().isEmpty())
            return false;
    }
    return !draft.adHocConditionFulfilled && !draft.adHocCancelRemaining;
}

ResultPanel::~ResultPanel() = default;

CompletionRequest::Result ResultPanel::result() const
{
    const Draft::ResultKind kind = resultKind();
    if (kind == Draft::ResultKind::None)
        return std::monostate {};
    if (kind == Draft::ResultKind::AdHoc) {
        const AdHocSubProcessResult adHoc = m_ui->adHocPanel->result();
        if (adHoc.isEmpty())
            return std::monostate {};
        return adHoc;
    }
    UserTaskResult result;
    result.denied = m_ui->denyCheckBox->isChecked();
    if (result.denied)
        result.deniedReason = m_ui->deniedReasonLineEdit->text().trimmed();
    UserTaskCorrections &c = result.corrections;
    if (m_ui->assigneeCheckBox->isChecked())
        c.assignee = m_ui->assigneeLineEdit->text().trimmed();
    if (m_ui->dueDateCheckBox->isChecked())
        c.dueDate = m_ui->dueDateLineEdit->text().trimmed();
    if (m_ui->followUpDateCheckBox->isChecked())
        c.followUpDate = m_ui->followUpDateLineEdit->text().trimmed();
    if (m_ui->candidateUsersCheckBox->isChecked())
        c.candidateUsers = splitList(m_ui->candidateUsersLineEdit->text());
    if (m_ui->candidateGroupsCheckBox->isChecked())
        c.candidateGroups = splitList(m_ui->candidateGroupsLineEdit->text());
    if (m_ui->priorityCheckBox->isChecked()) {
        bool ok = false;
        const int priority = m_ui->priorityLineEdit->text().trimmed().toInt(&ok);
        if (ok)
            c.priority = priority;
    }
    if (result.isEmpty())
        return std::monostate {};
    return result;
}

QString ResultPanel::dateMessage(const QString &field)
{
    return tr("%1 must be an RFC 3339 date-time such as 2026-12-31T17:00:00Z "
              "(or empty to clear it).")
        .arg(field);
}

QString ResultPanel::priorityMessage()
{
    return tr("The priority must be a whole number from 0 to 100.");
}

QString ResultPanel::denyWithCorrectionsMessage()
{
    return tr("Corrections cannot be sent together with Deny: a denied transition "
              "changes nothing. Untick Deny or the corrections.");
}

QString ResultPanel::validationError() const
{
    if (resultKind() == Draft::ResultKind::None)
        return {};
    if (resultKind() == Draft::ResultKind::AdHoc)
        return m_ui->adHocPanel->validationError();
    for (const auto &[check, edit, name] :
        {std::tuple {m_ui->dueDateCheckBox, m_ui->dueDateLineEdit, tr("The due date")},
            std::tuple {m_ui->followUpDateCheckBox, m_ui->followUpDateLineEdit,
                tr("The follow-up date")}}) {
        const QString text = edit->text().trimmed();
        if (check->isChecked() && !text.isEmpty() && !JobDesk::isRfc3339DateTime(text))
            return dateMessage(name);
    }
    if (m_ui->priorityCheckBox->isChecked()) {
        bool ok = false;
        const QString text = m_ui->priorityLineEdit->text().trimmed();
        const int priority = text.toInt(&ok);
        if (!ok || priority < 0 || priority > 100)
            return priorityMessage();
    }
    const CompletionRequest::Result current = result();
    if (const auto *task = std::get_if<UserTaskResult>(&current)) {
        if (task->denied && !task->corrections.isEmpty())
            return denyWithCorrectionsMessage();
    }
    return {};
}

void ResultPanel::updateState()
{
    const bool denied = m_ui->denyCheckBox->isChecked();
    m_ui->deniedReasonLineEdit->setEnabled(denied);
    const QString error = validationError();
    m_ui->resultMessageLabel->setText(error);
    for (const auto &[check, edit] : {std::pair {m_ui->assigneeCheckBox, m_ui->assigneeLineEdit},
             std::pair {m_ui->dueDateCheckBox, m_ui->dueDateLineEdit},
             std::pair {m_ui->followUpDateCheckBox, m_ui->followUpDateLineEdit},
             std::pair {m_ui->candidateUsersCheckBox, m_ui->candidateUsersLineEdit},
             std::pair {m_ui->candidateGroupsCheckBox, m_ui->candidateGroupsLineEdit},
             std::pair {m_ui->priorityCheckBox, m_ui->priorityLineEdit}})
        greyUnlessTicked(check, edit);
    // Show how many corrections are ticked while the section is collapsed.
    int ticked = 0;
    for (const QCheckBox *check :
        {m_ui->assigneeCheckBox, m_ui->dueDateCheckBox, m_ui->followUpDateCheckBox,
            m_ui->candidateUsersCheckBox, m_ui->candidateGroupsCheckBox, m_ui->priorityCheckBox})
        ticked += check->isChecked() ? 1 : 0;
    m_ui->correctionsToolButton->setText(ticked == 0
            ? tr("User-task &corrections")
            : tr("User-task &corrections (%n set)", nullptr, ticked));
    updateOffer();
    emit changed();
}

void ResultPanel::setJob(const std::optional<JobRecord> &job)
{
    m_job = job;
    // The type follows the job's kind, once per job (a refresh or the look-up's second answer
    // leaves the person's own choice alone), unless a result of another type is typed already.
    const QString chosenFor
        = job ? QStringList {job->jobKey, job->kind, job->listenerEventType}.join(u' ') : QString();
    if (job && chosenFor != m_kindChosenFor) {
        m_kindChosenFor = chosenFor;
        if (job->isAdHocSubProcess() && userTaskEmpty())
            setResultKind(Draft::ResultKind::AdHoc);
        else if (job->isTaskListener() && adHocEmpty())
            setResultKind(Draft::ResultKind::UserTask);
        else if (!job->isAdHocSubProcess() && !job->isTaskListener() && userTaskEmpty()
            && adHocEmpty())
            setResultKind(Draft::ResultKind::None);
    }
    updateOffer();
}

bool ResultPanel::denies() const
{
    return resultKind() == Draft::ResultKind::UserTask && m_ui->denyCheckBox->isChecked();
}

bool ResultPanel::corrects() const
{
    if (resultKind() != Draft::ResultKind::UserTask)
        return false;
    for (const QCheckBox *check :
        {m_ui->assigneeCheckBox, m_ui->dueDateCheckBox, m_ui->followUpDateCheckBox,
            m_ui->candidateUsersCheckBox, m_ui->candidateGroupsCheckBox, m_ui->priorityCheckBox})
        if (check->isChecked())
            return true;
    return false;
}

void ResultPanel::updateOffer()
{
    const bool denyFits = !m_job || JobFit::allowsDeny(*m_job);
    const bool correctionsFit = !m_job || JobFit::allowsCorrections(*m_job);
    m_ui->denyCheckBox->setEnabled(denyFits || denies());
    m_ui->correctionsToolButton->setEnabled(correctionsFit || corrects());
    m_ui->resultTypeComboBox->setToolTip(m_job
            ? tr("Chosen from the job: %1 (%2).").arg(m_job->kind, m_job->type)
            : tr("What the completion's result says: nothing, a task listener's verdict, or "
                 "what an ad-hoc sub-process does next."));
    if (!m_job) {
        m_ui->denyCheckBox->setToolTip(QString());
        m_ui->correctionsToolButton->setToolTip(QString());
        return;
    }
    const QString what = m_job->isTaskListener()
        ? tr("a task listener on %1").arg(m_job->listenerEventType)
        : tr("a %1 job, not a task listener").arg(m_job->kind);
    m_ui->denyCheckBox->setToolTip(denyFits
            ? QString()
            : tr("This job is %1: it cannot be denied (only task listeners on ASSIGNING, "
                 "UPDATING and COMPLETING can).")
                  .arg(what));
    m_ui->correctionsToolButton->setToolTip(correctionsFit
            ? QString()
            : tr("This job is %1: it takes no user-task corrections.").arg(what));
}

void ResultPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    reserveMessageSpace();
}

void ResultPanel::reserveMessageSpace()
{
    // Every message validationError() can give, at its longest.
    const QStringList messages {
        dateMessage(tr("The follow-up date")),
        priorityMessage(),
        denyWithCorrectionsMessage(),
    };
    QLabel *label = m_ui->resultMessageLabel;
    const int width = std::max(1, label->contentsRect().width());
    const QFontMetrics metrics(label->font());
    int height = metrics.height();
    for (const QString &message : messages)
        height = std::max(height,
            metrics.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, message).height());
    const QMargins margins = label->contentsMargins();
    label->setMinimumHeight(height + margins.top() + margins.bottom());
}

void ResultPanel::writeDraft(Draft &draft) const
{
    draft.denied = m_ui->denyCheckBox->isChecked();
    draft.deniedReason = m_ui->deniedReasonLineEdit->text();
    draft.assignee = fieldOf(m_ui->assigneeCheckBox, m_ui->assigneeLineEdit);
    draft.dueDate = fieldOf(m_ui->dueDateCheckBox, m_ui->dueDateLineEdit);
    draft.followUpDate = fieldOf(m_ui->followUpDateCheckBox, m_ui->followUpDateLineEdit);
    draft.candidateUsers = fieldOf(m_ui->candidateUsersCheckBox, m_ui->candidateUsersLineEdit);
    draft.candidateGroups = fieldOf(m_ui->candidateGroupsCheckBox, m_ui->candidateGroupsLineEdit);
    draft.priority = fieldOf(m_ui->priorityCheckBox, m_ui->priorityLineEdit);
    draft.correctionsExpanded = correctionsExpanded();
    draft.resultKind = resultKind();
    m_ui->adHocPanel->writeDraft(draft);
}

void ResultPanel::readDraft(const Draft &draft)
{
    m_ui->denyCheckBox->setChecked(draft.denied);
    m_ui->deniedReasonLineEdit->setText(draft.deniedReason);
    setField(m_ui->assigneeCheckBox, m_ui->assigneeLineEdit, draft.assignee);
    setField(m_ui->dueDateCheckBox, m_ui->dueDateLineEdit, draft.dueDate);
    setField(m_ui->followUpDateCheckBox, m_ui->followUpDateLineEdit, draft.followUpDate);
    setField(m_ui->candidateUsersCheckBox, m_ui->candidateUsersLineEdit, draft.candidateUsers);
    setField(m_ui->candidateGroupsCheckBox, m_ui->candidateGroupsLineEdit, draft.candidateGroups);
    setField(m_ui->priorityCheckBox, m_ui->priorityLineEdit, draft.priority);
    setCorrectionsExpanded(draft.correctionsExpanded);
    m_ui->adHocPanel->readDraft(draft);
    setResultKind(draft.resultKind);
    updateKind();
}

void ResultPanel::setResult(const UserTaskResult &result)
{
    Draft draft;
    draft.denied = result.denied;
    draft.deniedReason = result.deniedReason;
    const UserTaskCorrections &c = result.corrections;
    if (c.assignee)
        draft.assignee = {true, *c.assignee};
    if (c.dueDate)
        draft.dueDate = {true, *c.dueDate};
    if (c.followUpDate)
        draft.followUpDate = {true, *c.followUpDate};
    if (c.candidateUsers)
        draft.candidateUsers = {true, c.candidateUsers->join(QStringLiteral(", "))};
    if (c.candidateGroups)
        draft.candidateGroups = {true, c.candidateGroups->join(QStringLiteral(", "))};
    if (c.priority)
        draft.priority = {true, QString::number(*c.priority)};
    draft.correctionsExpanded = !c.isEmpty() || correctionsExpanded();
    readDraft(draft);
}

void ResultPanel::setResult(const AdHocSubProcessResult &result)
{
    Draft draft;
    draft.resultKind = Draft::ResultKind::AdHoc;
    draft.correctionsExpanded = correctionsExpanded();
    for (const AdHocActivateElement &element : result.activateElements)
        draft.adHocElements.append({element.elementId, QString::fromUtf8(element.variablesJson)});
    draft.adHocConditionFulfilled = result.isCompletionConditionFulfilled;
    draft.adHocCancelRemaining = result.isCancelRemainingInstances;
    readDraft(draft);
}

void ResultPanel::clear()
{
    m_kindChosenFor.clear();
    readDraft(Draft {});
}

bool ResultPanel::correctionsExpanded() const
{
    return m_ui->correctionsToolButton->isChecked();
}

void ResultPanel::setCorrectionsExpanded(bool expanded)
{
    m_ui->correctionsToolButton->setChecked(expanded);
}

} // namespace JobDesk
