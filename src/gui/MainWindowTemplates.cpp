// SPDX-License-Identifier: GPL-3.0-or-later
// The templates side of the main window: the dock, Ctrl+S and applying a template to the form.
#include "gui/MainWindow.h"

#include "core/templates/TemplateStore.h"
#include "gui/JobForm.h"
#include "gui/TemplateForm.h"
#include "gui/TemplatesPanel.h"
#include "ui_MainWindow.h"

#include <QDockWidget>
#include <QSettings>
#include <QStatusBar>

namespace JobDesk {

void MainWindow::setTemplateStore(TemplateStore *store)
{
    if (m_templatesPanel || !store)
        return;
    auto *dock = new QDockWidget(tr("Templates"), this);
    dock->setObjectName(QStringLiteral("templatesDock"));
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
        | QDockWidget::DockWidgetFloatable);
    m_templatesPanel = new TemplatesPanel(store, dock);
    m_templatesPanel->setObjectName(QStringLiteral("templatesPanel"));
    dock->setWidget(m_templatesPanel);
    if (m_startupFinished)
        enableClearButtons(m_templatesPanel);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {200}, Qt::Horizontal);

    QSettings settings(settingsPath(), QSettings::IniFormat);
    // First start (no saved layout) without templates: the dock stays closed and the log gets
    // the room; Ctrl+T, the Templates menu and the first saved template open it.
    if (!restoreState(settings.value(QStringLiteral("window/docks")).toByteArray())
        && store->templates().isEmpty())
        dock->hide();

    m_ui->saveTemplateAction->setEnabled(true);
    m_ui->showTemplatesAction->setEnabled(true);
    for (QAction *action : {m_ui->saveTemplateAction, m_ui->showTemplatesAction}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }
    m_ui->templatesMenu->addSeparator();
    QAction *toggle = dock->toggleViewAction();
    toggle->setText(tr("Show the templates &panel"));
    m_ui->templatesMenu->addAction(toggle);

    connect(m_ui->saveTemplateAction, &QAction::triggered, this, &MainWindow::saveFormAsTemplate);
    connect(m_ui->showTemplatesAction, &QAction::triggered, this, [this, dock] {
        dock->show();
        dock->raise();
        m_templatesPanel->focusSearch();
    });
    connect(
        m_templatesPanel, &TemplatesPanel::saveRequested, this, &MainWindow::saveFormAsTemplate);
    connect(m_templatesPanel, &TemplatesPanel::applyRequested, this, &MainWindow::applyTemplate);
    connect(m_templatesPanel, &TemplatesPanel::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, 6000); });
}

void MainWindow::saveFormAsTemplate()
{
    if (!m_templatesPanel)
        return;
    m_templatesPanel->saveFromForm(TemplateForm::fromDraft(m_ui->jobForm->draft()));
    auto *dock = qobject_cast<QDockWidget *>(m_templatesPanel->parentWidget());
    if (dock && dock->isHidden() && !m_templatesPanel->store()->templates().isEmpty())
        dock->show(); // where the new template is
}

void MainWindow::applyTemplate(const Template &t)
{
    if (isSending()) {
        statusBar()->showMessage(tr("A request is in flight: wait for it before applying a "
                                    "template"),
            6000);
        return;
    }
    m_ui->jobForm->setDraft(TemplateForm::applied(m_ui->jobForm->draft(), t));
    m_ui->jobForm->focusJobKey();
}

} // namespace JobDesk
