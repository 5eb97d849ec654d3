// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/RetentionPolicy.h"

#include <QDialog>

#include <memory>

namespace Ui {
class RetentionDialog;
}

namespace JobDesk {

/// Asks how much history to keep (everything, the last N entries, the last D days).
/// The caller saves and applies the policy; the dialog only edits it.
class RetentionDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit RetentionDialog(QWidget *parent = nullptr);
    ~RetentionDialog() override;
    Q_DISABLE_COPY_MOVE(RetentionDialog)

    void setPolicy(const RetentionPolicy &policy);
    RetentionPolicy policy() const;

private:
    void updateEnabled();

    const std::unique_ptr<Ui::RetentionDialog> m_ui;
};

} // namespace JobDesk
