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
/// In the search box, Down moves into the list and Return applies the selected template (the
/// first match when none is selected). Import and export dialogs open in the folder last used
/// for templates; an import whose names exist already asks: replace, keep both (the imported
/// ones get the next free "Name (n)"), or cancel (nothing is imported).
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
    /// Imports a templates file; asks when names clash. False when nothing was imported
    /// (an error, shown in the panel, or the person cancelled).
    bool importFile(const QString &path);
    bool exportFile(const QString &path, const QStringList &names);
    /// The file dialogs of the More menu (non-modal; the chosen file is imported or written).
    void importInteractive();
    void exportInteractive(bool selectedOnly);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

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
