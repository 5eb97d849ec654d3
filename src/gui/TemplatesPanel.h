// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/templates/Template.h"

#include <QWidget>

#include <memory>
#include <optional>

class QListWidgetItem;

namespace Ui {
class TemplatesPanel;
}

namespace JobDesk {

class TemplateStore;

/// The templates dock: search, apply (double-click / Enter), save the form as a template,
/// rename (in place, F2), duplicate, delete (confirmed), import and export JSON files.
///
/// Templates meant for the current job type come first. A corrupt or foreign file in the
/// templates folder is listed as broken, with the reason in its tooltip, and never touched.
/// With no templates at all the panel offers the starter set; nothing is written until the
/// person accepts it.
class TemplatesPanel final : public QWidget
{
    Q_OBJECT
public:
    /// `store` is not owned.
    explicit TemplatesPanel(TemplateStore *store, QWidget *parent = nullptr);
    ~TemplatesPanel() override;

    /// Re-reads the templates folder (the CLI may have changed it) and refills the list.
    void reload();
    /// Templates whose job type equals `type` are listed first, marked "for this job".
    void setPreferredJobType(const QString &type);
    void focusSearch();
    TemplateStore *store() const { return m_store; }

    /// The template selected in the list, if any (broken entries are not templates).
    std::optional<Template> selectedTemplate() const;
    bool selectTemplate(const QString &name);
    /// Names in list order (what the person sees, after search and job-type ordering).
    QStringList visibleNames() const;

    /// Asks for name, description and job type (SaveTemplateDialog), then saves `fromForm`.
    void saveFromForm(const Template &fromForm);
    /// Saves `t` under its name; `replace` allows overwriting a template of that name.
    /// False with the reason in *error.
    bool saveTemplate(const Template &t, bool replace, QString *error = nullptr);
    bool renameTemplate(const QString &oldName, const QString &newName, QString *error = nullptr);
    bool importFile(const QString &path);
    bool exportFile(const QString &path, const QStringList &names);

signals:
    /// Apply this template to the form.
    void applyRequested(const JobDesk::Template &t);
    /// The person wants the current form saved as a template (the window answers with
    /// saveFromForm()).
    void saveRequested();
    /// A short message for the status bar.
    void statusMessage(const QString &text);

private:
    void refill();
    void applyCurrent();
    void onItemChanged(QListWidgetItem *item);
    void deleteSelected();
    void duplicateSelected();
    void importInteractive();
    void exportInteractive(bool selectedOnly);
    void addStarters();
    void updateDetails();
    void showError(const QString &text);

    Q_DISABLE_COPY_MOVE(TemplatesPanel)
    const std::unique_ptr<Ui::TemplatesPanel> m_ui;
    TemplateStore *m_store;
    QString m_preferredJobType;
    bool m_filling = false;
};

} // namespace JobDesk

Q_DECLARE_METATYPE(JobDesk::Template)
