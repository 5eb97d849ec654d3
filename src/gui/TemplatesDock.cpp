// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/TemplatesDock.h"

#include "core/templates/TemplateStore.h"
#include "gui/JobForm.h"
#include "gui/MainWindow.h"
#include "gui/TemplateForm.h"
#include "gui/TemplatesPanel.h"

#include <QAction>
#include <QMenu>

namespace JobDesk {

TemplatesDock::TemplatesDock(TemplateStore *store, MainWindow *window)
    : QDockWidget(tr("Templates"), window)
    , m_window(window)
    , m_panel(new TemplatesPanel(store, this))
    , m_saveAction(new QAction(tr("&Save form as template…"), this))
    , m_findAction(new QAction(tr("Find a &template"), this))
{
    setObjectName(QStringLiteral("templatesDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
        | QDockWidget::DockWidgetFloatable);
    m_panel->setObjectName(QStringLiteral("templatesPanel"));
    setWidget(m_panel);
    if (window->isStartupFinished())
        MainWindow::enableClearButtons(m_panel);

    m_saveAction->setObjectName(QStringLiteral("saveTemplateAction"));
    m_saveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    m_saveAction->setToolTip(tr("Save the form's variables and result as a reusable template"));
    m_findAction->setObjectName(QStringLiteral("showTemplatesAction"));
    m_findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_findAction->setToolTip(tr("Show the templates panel and search it"));
    QMenu *menu = window->templatesMenu();
    for (QAction *action : {m_saveAction, m_findAction}) {
        // The shortcuts work wherever the focus is inside the window.
        action->setShortcutContext(Qt::WindowShortcut);
        window->addAction(action);
        menu->addAction(action);
    }
    menu->addSeparator();
    QAction *toggle = toggleViewAction();
    toggle->setText(tr("Show the templates &panel"));
    menu->addAction(toggle);
    menu->menuAction()->setVisible(true);

    connect(m_saveAction, &QAction::triggered, this, &TemplatesDock::saveFormAsTemplate);
    connect(m_findAction, &QAction::triggered, this, &TemplatesDock::showAndSearch);
    connect(m_panel, &TemplatesPanel::saveRequested, this, &TemplatesDock::saveFormAsTemplate);
    connect(m_panel, &TemplatesPanel::applyRequested, this, &TemplatesDock::applyTemplate);
    connect(m_panel, &TemplatesPanel::statusMessage, window, &MainWindow::showStatusMessage);
}

TemplatesDock::~TemplatesDock() = default;

void TemplatesDock::saveFormAsTemplate()
{
    if (!m_window)
        return;
    m_panel->saveFromForm(TemplateForm::fromDraft(m_window->form()->draft()));
    if (isHidden() && !m_panel->store()->templates().isEmpty())
        show(); // where the new template is
}

void TemplatesDock::applyTemplate(const Template &t)
{
    if (!m_window)
        return;
    if (m_window->isSending()) {
        m_window->showStatusMessage(
            tr("A request is in flight: wait for it before applying a template"));
        return;
    }
    JobForm *form = m_window->form();
    form->setDraft(TemplateForm::applied(form->draft(), t));
    form->focusJobKey();
}

void TemplatesDock::showAndSearch()
{
    show();
    raise();
    m_panel->focusSearch();
}

} // namespace JobDesk
