// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class SaveTemplateDialog;
}

namespace JobDesk {

/// Asks for a template's name, description and job type. The name is checked as typed: an
/// invalid name is explained at the field, and a name that exists needs "Replace" ticked.
class SaveTemplateDialog final : public QDialog
{
    Q_OBJECT
public:
    /// `exists` tells whether a template of that name is already stored.
    explicit SaveTemplateDialog(
        std::function<bool(const QString &)> exists, QWidget *parent = nullptr);
    ~SaveTemplateDialog() override;

    void setValues(const QString &name, const QString &description, const QString &jobType);
    QString name() const;
    QString description() const;
    QString jobType() const;
    bool replaceExisting() const;

private:
    void validate();

    Q_DISABLE_COPY_MOVE(SaveTemplateDialog)
    const std::unique_ptr<Ui::SaveTemplateDialog> m_ui;
    std::function<bool(const QString &)> m_exists;
};

} // namespace JobDesk
