// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/SaveTemplateDialog.h"

#include "core/templates/Template.h"
#include "ui_SaveTemplateDialog.h"

#include <QPushButton>

#include <algorithm>

namespace JobDesk {

SaveTemplateDialog::SaveTemplateDialog(std::function<bool(const QString &)> exists, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SaveTemplateDialog>())
    , m_exists(std::move(exists))
{
    m_ui->setupUi(this);
    m_ui->nameErrorLabel->setForegroundRole(QPalette::PlaceholderText);
    // Wide enough for every placeholder: a hint that is cut off helps nobody.
    for (QLineEdit *edit : {m_ui->templateNameLineEdit, m_ui->templateDescriptionLineEdit,
             m_ui->templateJobTypeLineEdit}) {
        const int text = edit->fontMetrics().horizontalAdvance(edit->placeholderText());
        edit->setMinimumWidth(std::max(edit->minimumSizeHint().width(), text + 24));
    }
    connect(
        m_ui->templateNameLineEdit, &QLineEdit::textChanged, this, &SaveTemplateDialog::validate);
    connect(m_ui->replaceCheckBox, &QCheckBox::toggled, this, &SaveTemplateDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

SaveTemplateDialog::~SaveTemplateDialog() = default;

void SaveTemplateDialog::setValues(
    const QString &name, const QString &description, const QString &jobType)
{
    m_ui->templateNameLineEdit->setText(name);
    m_ui->templateNameLineEdit->selectAll();
    m_ui->templateDescriptionLineEdit->setText(description);
    m_ui->templateJobTypeLineEdit->setText(jobType);
    validate();
}

QString SaveTemplateDialog::name() const
{
    return m_ui->templateNameLineEdit->text().trimmed();
}

QString SaveTemplateDialog::description() const
{
    return m_ui->templateDescriptionLineEdit->text().trimmed();
}

QString SaveTemplateDialog::jobType() const
{
    return m_ui->templateJobTypeLineEdit->text().trimmed();
}

bool SaveTemplateDialog::replaceExisting() const
{
    return !m_ui->replaceCheckBox->isHidden() && m_ui->replaceCheckBox->isChecked();
}

void SaveTemplateDialog::validate()
{
    const QString n = name();
    QString message = n.isEmpty() ? tr("Give the template a name.") : Template::nameError(n);
    const bool exists = message.isEmpty() && m_exists && m_exists(n);
    m_ui->replaceCheckBox->setVisible(exists);
    if (exists && !m_ui->replaceCheckBox->isChecked())
        message = tr("A template named “%1” exists. Choose another name or tick Replace.").arg(n);
    m_ui->nameErrorLabel->setText(message);
    m_ui->nameErrorLabel->setVisible(!message.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(message.isEmpty());
}

} // namespace JobDesk
