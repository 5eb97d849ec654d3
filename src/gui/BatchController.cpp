// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/BatchController.h"

#include "core/batch/BatchLease.h"
#include "core/history/BatchJournal.h"
#include "core/history/HistoryStore.h"
#include "gui/BatchDialog.h"
#include "gui/Confirm.h"
#include "gui/JobForm.h"
#include "gui/MainWindow.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMenu>

namespace JobDesk {

BatchController::BatchController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_action(new QAction(tr("&Batch…"), window))
{
    m_action->setObjectName(QStringLiteral("batchAction"));
    m_action->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+B")));
    m_action->setToolTip(tr("Complete many jobs at once, or resolve incidents in bulk"));
    window->addAction(m_action);
    QMenu *menu = window->fileMenu();
    const QList<QAction *> actions = menu->actions();
    // Before the separator that ends the file menu's own entries (Quit stays last).
    menu->insertAction(actions.isEmpty() ? nullptr : actions.constLast(), m_action);
    connect(m_action, &QAction::triggered, this, &BatchController::open);
    connect(window->form(), &JobForm::severalKeysPasted, this, &BatchController::onKeysPasted);
}

BatchController::~BatchController() = default;

BatchDialog *BatchController::dialog()
{
    if (!m_dialog)
        m_dialog = new BatchDialog(m_window);
    return m_dialog;
}

void BatchController::open()
{
    BatchDialog *view = dialog();
    view->show();
    view->raise();
    view->activateWindow();
}

void BatchController::onKeysPasted(const QString &text, qint64 count)
{
    const QString countText = QLocale().toString(count);
    if (!Confirm::ask(m_window, tr("Several job keys"),
            tr("You pasted %1 job keys. One key field takes one job: complete them as a batch "
               "instead (a plan first, nothing is sent before you confirm)?")
                .arg(countText),
            tr("Open as a batch…")))
        return;
    dialog()->setKeysText(text);
    open();
}

void BatchController::offerInterrupted()
{
    if (m_offered)
        return;
    HistoryStore *store = m_window->history();
    if (!store || !store->isOpen())
        return;
    m_offered = true;
    BatchJournal journal(*store);
    const auto batches = journal.batches(20);
    if (!batches)
        return;
    for (const BatchInfo &info : *batches) {
        if (info.state != BatchState::Running && info.state != BatchState::Paused)
            continue;
        // Another program (a CLI, a second window) runs it right now: not ours to offer.
        if (BatchLease::holderOf(store->path(), info.id))
            continue;
        if (info.spec.action == ActionKind::BatchOperation) {
            // The cluster's own operation went on without us: offered to be followed again.
            const QString key = QJsonDocument::fromJson(info.spec.options)
                                    .object()
                                    .value(QLatin1String("batchOperationKey"))
                                    .toString();
            if (key.isEmpty())
                continue;
            const int choice = Confirm::choose(m_window, tr("Batch operation in the cluster"),
                tr("Batch operation %1 (%2) was being followed when JobDesk last ended. It went "
                   "on in the cluster.")
                    .arg(key, info.spec.inputSummary),
                {tr("Show its progress…"), tr("Later")});
            if (choice == 0) {
                dialog()->followServerBatch(key, info.id);
                open();
            }
            return;
        }
        // Running with nobody running it (the program that ran it is gone) or paused, with
        // items left: worth offering.
        if (info.spec.action != ActionKind::Complete)
            continue;
        const qint64 left = info.counts.planned + info.counts.sending;
        if (left == 0)
            continue;
        const QLocale locale;
        const int choice = Confirm::choose(m_window, tr("Unfinished batch"),
            tr("Batch %1 (%2, %3) was %4: %5 of %6 items are not done yet. The items that were "
               "being sent are looked up before anything is sent again.")
                .arg(info.id)
                .arg(info.spec.inputSummary, info.spec.connection,
                    info.state == BatchState::Paused ? tr("paused") : tr("interrupted"),
                    locale.toString(left), locale.toString(info.counts.total())),
            {tr("Show the batch…"), tr("Later")});
        if (choice == 0) {
            dialog()->showBatch(info.id);
            open();
        }
        return; // one offer per start: the newest
    }
}

} // namespace JobDesk
