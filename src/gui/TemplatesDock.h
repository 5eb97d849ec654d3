// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>
#include <QPointer>

class QAction;

namespace JobDesk {

class MainWindow;
class TemplateStore;
class TemplatesPanel;
struct Template;

/// The templates dock of the main window and what ties it to the form: apply a template to
/// the form (never while a request is in flight), save the form as a template (Ctrl+S), find
/// a template (Ctrl+T). Its actions go into the window's Templates menu, which only shows once
/// a dock exists.
///
/// At the first start (no saved dock layout) with no templates the dock stays closed and the
/// log gets the room; Ctrl+T, the menu and the first saved template open it.
class TemplatesDock final : public QDockWidget
{
    Q_OBJECT
public:
    /// `store` is not owned and must outlive the dock; `window` becomes the parent.
    TemplatesDock(TemplateStore *store, MainWindow *window);
    ~TemplatesDock() override;

    TemplatesPanel *panel() const { return m_panel; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *findAction() const { return m_findAction; }

    /// Asks for a name, then saves the form's variables and result (Ctrl+S).
    void saveFormAsTemplate();
    /// The form with the template's variables and result; the job key stays.
    void applyTemplate(const Template &t);
    /// Shows the dock and puts the focus into its search box (Ctrl+T).
    void showAndSearch();

private:
    Q_DISABLE_COPY_MOVE(TemplatesDock)
    QPointer<MainWindow> m_window;
    TemplatesPanel *m_panel;
    QAction *m_saveAction;
    QAction *m_findAction;
};

} // namespace JobDesk
