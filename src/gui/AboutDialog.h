// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class AboutDialog;
}

namespace JobDesk {

/// Version (from AppInfo, the single version source), Qt versions and licences.
class AboutDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

private:
    Q_DISABLE_COPY_MOVE(AboutDialog)
    const std::unique_ptr<Ui::AboutDialog> m_ui;
};

} // namespace JobDesk
