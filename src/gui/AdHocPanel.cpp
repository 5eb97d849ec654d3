// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/AdHocPanel.h"

#include "core/json/VariablesDocument.h"
#include "ui_AdHocPanel.h"

#include <QHeaderView>
#include <QSignalBlocker>

namespace JobDesk {

namespace {

enum Column { IdColumn = 0, VariablesColumn = 1 };

QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

bool isBlankRow(const Draft::AdHocElement &element)
{
    return element.elementId.trimmed().isEmpty() && element.variables.trimmed().isEmpty();
}

/// Why the variables text of one element cannot be sent, or empty.
QString variablesProblem(const QString &text)
{
    if (text.trimmed().isEmpty())
        return QString();
    const VariablesDocument document = VariablesDocument::fromText(text);
    return document.isValid() ? QString() : document.errorMessage();
}

} // namespace

AdHocPanel::AdHocPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AdHocPanel>())
{
    m_ui->setupUi(this);
    QFont small = m_ui->adHocHintLabel->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_ui->adHocHintLabel->setFont(small);
    m_ui->adHocHintLabel->setForegroundRole(QPalette::PlaceholderText);
    QHeaderView *header = m_ui->elementsTable->horizontalHeader();
    header->setSectionResizeMode(IdColumn, QHeaderView::Interactive);
    header->resizeSection(IdColumn, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    m_ui->elementsTable->setMinimumHeight(header->sizeHint().height() * 4);

    connect(m_ui->elementsTable, &QTableWidget::itemChanged, this, &AdHocPanel::onEdited);
    connect(m_ui->elementsTable, &QTableWidget::itemSelectionChanged, this,
        [this] { m_ui->removeElementButton->setEnabled(m_ui->elementsTable->currentRow() >= 0); });
    connect(m_ui->addElementButton, &QPushButton::clicked, this, [this] { addElement(); });
    connect(m_ui->removeElementButton, &QPushButton::clicked, this, [this] {
        const int row = m_ui->elementsTable->currentRow();
        if (row < 0)
            return;
        m_ui->elementsTable->removeRow(row);
        m_ui->removeElementButton->setEnabled(m_ui->elementsTable->currentRow() >= 0);
        onEdited();
    });
    connect(m_ui->conditionFulfilledCheckBox, &QCheckBox::toggled, this, &AdHocPanel::onEdited);
    connect(m_ui->cancelRemainingCheckBox, &QCheckBox::toggled, this, &AdHocPanel::onEdited);
}

AdHocPanel::~AdHocPanel() = default;

QList<Draft::AdHocElement> AdHocPanel::rows() const
{
    QList<Draft::AdHocElement> list;
    const QTableWidget *table = m_ui->elementsTable;
    for (int row = 0; row < table->rowCount(); ++row)
        list.append({cellText(table, row, IdColumn), cellText(table, row, VariablesColumn)});
    return list;
}

AdHocSubProcessResult AdHocPanel::result() const
{
    AdHocSubProcessResult result;
    const QList<Draft::AdHocElement> elements = rows();
    for (const Draft::AdHocElement &element : elements) {
        if (!isBlankRow(element))
            result.activateElements.append(
                {element.elementId.trimmed(), element.variables.trimmed().toUtf8()});
    }
    result.isCompletionConditionFulfilled = m_ui->conditionFulfilledCheckBox->isChecked();
    result.isCancelRemainingInstances = m_ui->cancelRemainingCheckBox->isChecked();
    return result;
}

QString AdHocPanel::validationError() const
{
    const QList<Draft::AdHocElement> elements = rows();
    bool any = false;
    for (qsizetype i = 0; i < elements.size(); ++i) {
        const Draft::AdHocElement &element = elements[i];
        if (isBlankRow(element))
            continue;
        any = true;
        if (element.elementId.trimmed().isEmpty())
            return tr("Element %1 to activate has no element id.").arg(i + 1);
        if (const QString problem = variablesProblem(element.variables); !problem.isEmpty())
            return tr("The variables of element “%1” are not a JSON object: %2")
                .arg(element.elementId.trimmed(), problem);
    }
    if (any && m_ui->conditionFulfilledCheckBox->isChecked())
        return tr("Elements cannot be activated while the completion condition is fulfilled: "
                  "the engine refuses the two together. Remove the elements or untick "
                  "“Completion condition fulfilled”.");
    return QString();
}

void AdHocPanel::onEdited()
{
    markCells();
    emit changed();
}

void AdHocPanel::markCells()
{
    // Marking changes the items' data: that must not count as an edit.
    const QSignalBlocker blocker(m_ui->elementsTable);
    QColor bad(0xd6, 0x3b, 0x3b);
    bad.setAlpha(60);
    QTableWidget *table = m_ui->elementsTable;
    for (int row = 0; row < table->rowCount(); ++row) {
        const Draft::AdHocElement element
            = {cellText(table, row, IdColumn), cellText(table, row, VariablesColumn)};
        const bool blank = isBlankRow(element);
        const QString idProblem = !blank && element.elementId.trimmed().isEmpty()
            ? tr("The element id is missing: the id of a BPMN element inside the ad-hoc "
                 "sub-process (not its name).")
            : QString();
        const QString variablesError = variablesProblem(element.variables);
        const std::pair<int, QString> cells[] = {{IdColumn, idProblem},
            {VariablesColumn, variablesError.isEmpty() ? QString() : variablesError}};
        for (const auto &[column, problem] : cells) {
            QTableWidgetItem *item = table->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                table->setItem(row, column, item);
            }
            item->setData(Qt::BackgroundRole, problem.isEmpty() ? QVariant() : QVariant(bad));
            item->setToolTip(problem);
        }
    }
}

void AdHocPanel::addElement(const QString &elementId, const QString &variables)
{
    QTableWidget *table = m_ui->elementsTable;
    {
        const QSignalBlocker blocker(table);
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, IdColumn, new QTableWidgetItem(elementId));
        table->setItem(row, VariablesColumn, new QTableWidgetItem(variables));
        table->setCurrentCell(row, IdColumn);
    }
    if (elementId.isEmpty() && isVisible())
        table->editItem(table->item(table->rowCount() - 1, IdColumn));
    m_ui->removeElementButton->setEnabled(true);
    onEdited();
}

void AdHocPanel::setRows(const QList<Draft::AdHocElement> &elements)
{
    QTableWidget *table = m_ui->elementsTable;
    const QSignalBlocker blocker(table);
    table->setRowCount(0);
    for (const Draft::AdHocElement &element : elements) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, IdColumn, new QTableWidgetItem(element.elementId));
        table->setItem(row, VariablesColumn, new QTableWidgetItem(element.variables));
    }
    m_ui->removeElementButton->setEnabled(false);
}

void AdHocPanel::setResult(const AdHocSubProcessResult &result)
{
    Draft draft;
    for (const AdHocActivateElement &element : result.activateElements)
        draft.adHocElements.append({element.elementId, QString::fromUtf8(element.variablesJson)});
    draft.adHocConditionFulfilled = result.isCompletionConditionFulfilled;
    draft.adHocCancelRemaining = result.isCancelRemainingInstances;
    readDraft(draft);
}

void AdHocPanel::writeDraft(Draft &draft) const
{
    draft.adHocElements = rows();
    draft.adHocConditionFulfilled = m_ui->conditionFulfilledCheckBox->isChecked();
    draft.adHocCancelRemaining = m_ui->cancelRemainingCheckBox->isChecked();
}

void AdHocPanel::readDraft(const Draft &draft)
{
    setRows(draft.adHocElements);
    {
        const QSignalBlocker a(m_ui->conditionFulfilledCheckBox);
        const QSignalBlocker b(m_ui->cancelRemainingCheckBox);
        m_ui->conditionFulfilledCheckBox->setChecked(draft.adHocConditionFulfilled);
        m_ui->cancelRemainingCheckBox->setChecked(draft.adHocCancelRemaining);
    }
    onEdited();
}

void AdHocPanel::clear()
{
    readDraft(Draft {});
}

} // namespace JobDesk
