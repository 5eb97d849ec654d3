// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/RetentionDialog.h"

#include "ui_RetentionDialog.h"

namespace JobDesk {

RetentionDialog::RetentionDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RetentionDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QRadioButton *radio :
        {m_ui->keepAllRadioButton, m_ui->keepCountRadioButton, m_ui->keepDaysRadioButton})
        connect(radio, &QRadioButton::toggled, this, &RetentionDialog::updateEnabled);
    setPolicy({});
}

RetentionDialog::~RetentionDialog() = default;

void RetentionDialog::setPolicy(const RetentionPolicy &policy)
{
    m_ui->keepCountSpinBox->setValue(policy.count);
    m_ui->keepDaysSpinBox->setValue(policy.days);
    switch (policy.mode) {
    case RetentionPolicy::Mode::KeepAll:
        m_ui->keepAllRadioButton->setChecked(true);
        break;
    case RetentionPolicy::Mode::KeepCount:
        m_ui->keepCountRadioButton->setChecked(true);
        break;
    case RetentionPolicy::Mode::KeepDays:
        m_ui->keepDaysRadioButton->setChecked(true);
        break;
    }
    updateEnabled();
}

RetentionPolicy RetentionDialog::policy() const
{
    RetentionPolicy policy;
    policy.count = m_ui->keepCountSpinBox->value();
    policy.days = m_ui->keepDaysSpinBox->value();
    if (m_ui->keepCountRadioButton->isChecked())
        policy.mode = RetentionPolicy::Mode::KeepCount;
    else if (m_ui->keepDaysRadioButton->isChecked())
        policy.mode = RetentionPolicy::Mode::KeepDays;
    return policy;
}

void RetentionDialog::updateEnabled()
{
    m_ui->keepCountSpinBox->setEnabled(m_ui->keepCountRadioButton->isChecked());
    m_ui->keepDaysSpinBox->setEnabled(m_ui->keepDaysRadioButton->isChecked());
}

} // namespace JobDesk
