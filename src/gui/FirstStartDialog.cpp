// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/FirstStartDialog.h"

#include "ui_FirstStartDialog.h"

namespace JobDesk {

FirstStartDialog::FirstStartDialog(
    bool environmentAvailable, bool sandboxAvailable, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::FirstStartDialog>())
{
    m_ui->setupUi(this);
    const std::pair<QPushButton *, Choice> buttons[] = {
        {m_ui->newProfilePushButton, Choice::NewProfile},
        {m_ui->importEnvironmentPushButton, Choice::ImportEnvironment},
        {m_ui->importFilePushButton, Choice::ImportCredentialsFile},
        {m_ui->sandboxPushButton, Choice::LocalSandbox},
        {m_ui->keepDefaultPushButton, Choice::KeepDefault},
    };
    for (const auto &[button, choice] : buttons) {
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, [this, c = choice] { choose(c); });
    }
    m_ui->newProfilePushButton->setDefault(true);
    m_ui->importEnvironmentPushButton->setEnabled(environmentAvailable);
    m_ui->importEnvironmentPushButton->setToolTip(environmentAvailable
            ? tr("Read the Camunda SDK variables (CAMUNDA_REST_ADDRESS, CAMUNDA_CLIENT_ID, …) of "
                 "this session")
            : tr("No Camunda SDK variables (CAMUNDA_…, ZEEBE_…) are set in this session"));
    m_ui->sandboxPushButton->setEnabled(sandboxAvailable);
    m_ui->sandboxPushButton->setToolTip(sandboxAvailable
            ? tr("Start jobdesk-sandbox on this machine with demo jobs; it stops when JobDesk "
                 "quits")
            : tr("jobdesk-sandbox was not found next to JobDesk or on PATH"));
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

FirstStartDialog::~FirstStartDialog() = default;

void FirstStartDialog::choose(Choice choice)
{
    m_choice = choice;
    accept();
}

} // namespace JobDesk
