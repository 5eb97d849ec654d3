// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/LogPanel.h"

#include "core/base/Logging.h"
#include "core/history/TicketText.h"
#include "core/http/JobsClient.h"
#include "gui/HistoryController.h"
#include "gui/HistoryDetailsView.h"
#include "gui/HistoryModel.h"
#include "gui/HistoryWorker.h"
#include "gui/WindowSettings.h"
#include "ui_LogPanel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QTimer>

namespace JobDesk {

namespace {
constexpr int kFilterDebounceMs = 200;
constexpr int kPollIntervalMs = 4000;

const QList<OutcomeKind> kAllKinds = {
    OutcomeKind::Completed,
    OutcomeKind::Denied,
    OutcomeKind::NotFound,
    OutcomeKind::InvalidState,
    OutcomeKind::Rejected,
    OutcomeKind::Unauthorized,
    OutcomeKind::Forbidden,
    OutcomeKind::Backpressure,
    OutcomeKind::ServerError,
    OutcomeKind::Redirected,
    OutcomeKind::TransportError,
    OutcomeKind::SentNoAnswer,
    OutcomeKind::Cancelled,
};
} // namespace

LogPanel::LogPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LogPanel>())
    , m_model(new HistoryModel(this))
    , m_worker(new HistoryWorker(this))
    , m_historyController(new HistoryController(this))
    , m_filterTimer(new QTimer(this))
    , m_pollTimer(new QTimer(this))
    , m_statusTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->historyTableView->setHistoryModel(m_model);
    m_ui->historySplitter->setStretchFactor(0, 3);
    m_ui->historySplitter->setStretchFactor(1, 2);

    setupOutcomeFilter();
    setupActions();

    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(kFilterDebounceMs);
    connect(m_filterTimer, &QTimer::timeout, this, &LogPanel::applyFilterNow);
    connect(m_ui->historyFilterLineEdit, &QLineEdit::textChanged, m_filterTimer,
        qOverload<>(&QTimer::start));
    connect(
        m_ui->historyFilterLineEdit, &QLineEdit::returnPressed, this, &LogPanel::applyFilterNow);
    connect(m_ui->outcomeFilterComboBox, qOverload<int>(&QComboBox::currentIndexChanged), this,
        &LogPanel::applyFilterNow);
    connect(m_ui->actionFilterComboBox, qOverload<int>(&QComboBox::currentIndexChanged), this,
        &LogPanel::applyFilterNow);

    connect(m_ui->historyTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this] {
            showSelected();
            updateActions();
        });
    connect(m_ui->historyTableView, &QTableView::activated, this, &LogPanel::loadSelectedIntoForm);
    connect(m_ui->historyTableView, &QWidget::customContextMenuRequested, this,
        &LogPanel::showContextMenu);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        showSelected();
        updateActions();
        updateEmptyState();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        updateActions();
        updateEmptyState();
    });

    connect(
        m_ui->loadIntoFormPushButton, &QPushButton::clicked, this, &LogPanel::loadSelectedIntoForm);
    connect(m_ui->copyKeyToolButton, &QToolButton::clicked, this, &LogPanel::copyKey);
    connect(m_ui->exportToolButton, &QToolButton::clicked, this, &LogPanel::exportWithDialog);
    connect(m_ui->retentionToolButton, &QToolButton::clicked, m_historyController,
        &HistoryController::editRetention);
    connect(m_ui->refreshToolButton, &QToolButton::clicked, this, &LogPanel::refresh);
    connect(m_historyController, &HistoryController::statusMessage, this, &LogPanel::report);
    connect(m_historyController, &HistoryController::pruned, this, &LogPanel::refresh);

    m_pollTimer->setInterval(kPollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &LogPanel::pollForNewEntries);
    // "Copied …" is news for a moment, not a state: the line clears itself.
    m_statusTimer->setObjectName(QStringLiteral("historyStatusTimer"));
    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(kStatusLineMs);
    connect(m_statusTimer, &QTimer::timeout, m_ui->historyStatusLabel, &QLabel::clear);

    restoreLayout();
    updateActions();
    updateCount();
    updateEmptyState();
}

LogPanel::~LogPanel()
{
    saveLayout();
}

void LogPanel::setupOutcomeFilter()
{
    QComboBox *combo = m_ui->outcomeFilterComboBox;
    combo->addItem(tr("All outcomes"), QStringList());
    QStringList problems;
    for (const OutcomeKind kind : kAllKinds) {
        if (kind != OutcomeKind::Completed && kind != OutcomeKind::Denied)
            problems.append(outcomeKindName(kind));
    }
    combo->addItem(tr("Problems only"), problems);
    combo->insertSeparator(combo->count());
    for (const OutcomeKind kind : kAllKinds)
        combo->addItem(outcomeKindLabel(kind), QStringList {outcomeKindName(kind)});

    // The actions a person takes on a job, by the names the history stores.
    QComboBox *actions = m_ui->actionFilterComboBox;
    actions->addItem(tr("All actions"), QString());
    const QList<QPair<ActionKind, QString>> kinds {
        {ActionKind::Complete, tr("Completions")},
        {ActionKind::Update, tr("Updates")},
        {ActionKind::Fail, tr("Failures")},
        {ActionKind::ThrowError, tr("BPMN errors")},
        {ActionKind::ResolveIncident, tr("Incident resolutions")},
        {ActionKind::SetVariables, tr("Variables set")},
        {ActionKind::Lookup, tr("Look-ups")},
    };
    for (const auto &[kind, label] : kinds)
        actions->addItem(label, actionKindName(kind));
}

void LogPanel::setupActions()
{
    QTableView *table = m_ui->historyTableView;
    const auto make = [this, table](const QString &text, const QKeySequence &shortcut,
                          void (LogPanel::*slot)()) {
        auto *action = new QAction(text, this);
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setShortcutContext(Qt::WidgetShortcut);
            table->addAction(action);
        }
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_loadAction = make(tr("Load into form"), {}, &LogPanel::loadSelectedIntoForm);
    m_copyKeyAction = make(tr("Copy key"), QKeySequence::Copy, &LogPanel::copyKey);
    m_copyTicketAction = make(
        tr("Copy as ticket text"), QKeySequence(tr("Ctrl+Shift+C")), &LogPanel::copyTicketText);
    m_copyCurlAction = make(tr("Copy as curl"), {}, &LogPanel::copyCurl);
    m_copyKeyAction->setObjectName(QStringLiteral("copyKeyAction"));
    m_copyTicketAction->setObjectName(QStringLiteral("copyTicketAction"));
    m_copyCurlAction->setObjectName(QStringLiteral("copyCurlAction"));
    // One button for the three copies (the key is the one used most): the row stays narrow
    // enough for a 1280-pixel screen with the templates dock open.
    auto *copyMenu = new QMenu(m_ui->copyKeyToolButton);
    copyMenu->addAction(m_copyKeyAction);
    copyMenu->addAction(m_copyTicketAction);
    copyMenu->addAction(m_copyCurlAction);
    m_ui->copyKeyToolButton->setMenu(copyMenu);
    m_exportAction = make(tr("Export filtered history…"), {}, &LogPanel::exportWithDialog);
    m_retentionAction = new QAction(tr("Retention…"), this);
    connect(m_retentionAction, &QAction::triggered, m_historyController,
        &HistoryController::editRetention);
}

void LogPanel::setStore(HistoryStore *store)
{
    m_store = (store != nullptr && store->isOpen()) ? store : nullptr;
    m_model->setStore(m_store);
    m_requestedFilter = m_model->filter();
    updateCount();
    updateActions();
    updateEmptyState();
    m_historyController->setStore(m_store);
    if (m_store != nullptr)
        m_pollTimer->start();
    else
        m_pollTimer->stop();
}

HistoryFilter LogPanel::currentFilter() const
{
    HistoryFilter filter;
    filter.text = m_ui->historyFilterLineEdit->text().trimmed();
    const QStringList names = m_ui->outcomeFilterComboBox->currentData().toStringList();
    for (const QString &name : names) {
        if (const std::optional<OutcomeKind> kind = outcomeKindFromName(name))
            filter.kinds.append(*kind);
    }
    if (const std::optional<ActionKind> action
        = actionKindFromName(m_ui->actionFilterComboBox->currentData().toString()))
        filter.actions.append(*action);
    return filter;
}

void LogPanel::applyFilterNow()
{
    runFilter(false);
}

void LogPanel::runFilter(bool force)
{
    m_filterTimer->stop();
    const HistoryFilter filter = currentFilter();
    if (!force && filter.text == m_requestedFilter.text && filter.kinds == m_requestedFilter.kinds
        && filter.actions == m_requestedFilter.actions)
        return;
    m_requestedFilter = filter;
    const quint64 generation = ++m_filterGeneration;
    const std::optional<qint64> selected = currentId();
    if (m_store == nullptr || filter.text.isEmpty()) {
        // No text: an index answers at once (0-20 ms on 100,000 entries).
        const HistoryFilter &shown = m_model->filter();
        if (force && filter.text == shown.text && filter.kinds == shown.kinds
            && filter.actions == shown.actions)
            m_model->reload();
        else
            m_model->setFilter(filter);
        finishFilter(selected);
        return;
    }
    m_ui->historyCountLabel->setText(tr("Filtering…"));
    const qint64 newestBefore = m_store->lastId();
    m_worker->run(
        m_store->path(),
        [filter](HistoryStore &store) {
            HistoryWorker::Result result;
            const std::optional<QList<HistoryEntry>> page
                = store.query(filter, 0, HistoryModel::kPageSize);
            result.ok = page.has_value();
            if (page)
                result.entries = *page;
            else
                result.error = store.error();
            return result;
        },
        [this, filter, generation, newestBefore, selected](const HistoryWorker::Result &result) {
            if (generation != m_filterGeneration)
                return; // the filter changed meanwhile; a newer answer is on its way
            if (!result.ok)
                report(tr("Cannot filter the history: %1").arg(result.error));
            m_model->resetWith(filter, result.entries, newestBefore);
            finishFilter(selected);
        });
}

void LogPanel::finishFilter(std::optional<qint64> reselect)
{
    if (reselect)
        selectEntry(*reselect);
    updateCount();
    emit filterApplied();
}

std::optional<qint64> LogPanel::currentId() const
{
    if (const HistoryEntry *entry = m_model->entryAt(m_ui->historyTableView->currentIndex().row()))
        return entry->id;
    return std::nullopt;
}

std::optional<HistoryEntry> LogPanel::selectedEntry() const
{
    const HistoryEntry *summary = m_model->entryAt(m_ui->historyTableView->currentIndex().row());
    if (summary == nullptr || m_store == nullptr)
        return std::nullopt;
    return m_store->entry(summary->id);
}

bool LogPanel::selectEntry(qint64 id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, HistoryModel::TimeColumn);
    m_ui->historyTableView->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_ui->historyTableView->scrollTo(index);
    return true;
}

void LogPanel::addEntry(qint64 id)
{
    if (m_store == nullptr)
        return;
    if (m_model->addEntry(id) >= 0)
        selectEntry(id);
    updateCount();
}

void LogPanel::refresh()
{
    runFilter(true);
}

void LogPanel::pollForNewEntries()
{
    if (m_store == nullptr || !isVisible())
        return;
    m_model->refreshPending(); // attempts in flight elsewhere (the CLI) that have finished since
    if (m_store->lastId() == m_model->newestIdSeen())
        return;
    if (m_model->fetchNewer() > 0)
        updateCount();
}

void LogPanel::focusFilter()
{
    m_ui->historyFilterLineEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->historyFilterLineEdit->selectAll();
}

void LogPanel::showSelected()
{
    m_ui->historyDetailsTextBrowser->showEntry(selectedEntry());
}

void LogPanel::updateActions()
{
    const bool hasSelection
        = m_model->entryAt(m_ui->historyTableView->currentIndex().row()) != nullptr;
    for (QWidget *widget :
        std::initializer_list<QWidget *> {m_ui->loadIntoFormPushButton, m_ui->copyKeyToolButton})
        widget->setEnabled(hasSelection);
    for (QAction *action : {m_loadAction, m_copyKeyAction, m_copyTicketAction, m_copyCurlAction})
        action->setEnabled(hasSelection);
    const bool hasStore = m_store != nullptr;
    // Nothing shown, nothing to export (an empty history, or a filter that matches nothing).
    const bool hasRows = hasStore && m_model->rowCount() > 0;
    m_ui->exportToolButton->setEnabled(hasRows);
    m_exportAction->setEnabled(hasRows);
    m_ui->refreshToolButton->setEnabled(hasStore);
}

void LogPanel::updateEmptyState()
{
    const HistoryFilter filter = m_model->filter();
    QString text;
    if (m_model->rowCount() == 0) {
        if (m_store == nullptr)
            text = tr("No history: attempts are not recorded.");
        else if (!filter.text.isEmpty())
            text = tr("No attempt matches “%1”.").arg(filter.text);
        else if (!filter.kinds.isEmpty() || !filter.actions.isEmpty())
            text = tr("No attempt with this outcome or action.");
        else
            text = tr("No attempts yet: every request you send appears here.");
    }
    m_ui->historyTableView->setEmptyText(text);
}

void LogPanel::updateCount()
{
    if (m_store == nullptr) {
        m_ui->historyCountLabel->setText(tr("No history"));
        return;
    }
    const int total = m_store->count().value_or(0);
    const HistoryFilter filter = m_model->filter();
    const auto show = [this, total, filter](int shown) {
        m_ui->historyCountLabel->setText(filter.isEmpty()
                ? tr("%Ln attempt(s)", nullptr, total)
                : tr("%1 of %Ln attempt(s)", nullptr, total).arg(QLocale().toString(shown)));
    };
    const quint64 generation = ++m_countGeneration;
    if (filter.isEmpty()) {
        show(total);
        return;
    }
    if (m_model->isComplete()) {
        show(m_model->rowCount()); // every match is loaded
        return;
    }
    if (filter.text.isEmpty()) {
        show(m_store->count(filter).value_or(0)); // outcome only: the kind index counts it at once
        return;
    }
    // A text filter with more than a page of matches: count them off the UI thread.
    m_ui->historyCountLabel->setText(
        tr("%1+ of %Ln attempt(s)", nullptr, total).arg(QLocale().toString(m_model->rowCount())));
    m_worker->run(
        m_store->path(),
        [filter](HistoryStore &store) {
            HistoryWorker::Result result;
            const std::optional<int> count = store.count(filter);
            result.ok = count.has_value();
            result.count = count.value_or(0);
            return result;
        },
        [this, generation, show](const HistoryWorker::Result &result) {
            if (generation == m_countGeneration && result.ok)
                show(result.count);
        });
}

void LogPanel::report(const QString &message)
{
    qCInfo(lcUi) << message;
    m_ui->historyStatusLabel->setText(message);
    m_statusTimer->start();
    emit statusMessage(message);
}

void LogPanel::restoreLayout()
{
    const WindowSettings settings;
    // The columns are not restored: they fit their content and the table's width each time.
    const QByteArray splitter = settings.layout(WindowSettings::Layout::LogSplitter);
    if (!splitter.isEmpty())
        m_ui->historySplitter->restoreState(splitter);
}

void LogPanel::saveLayout() const
{
    WindowSettings settings;
    settings.setLayout(WindowSettings::Layout::LogSplitter, m_ui->historySplitter->saveState());
}

void LogPanel::loadSelectedIntoForm()
{
    // The window says whether it could (in its status bar or banner).
    if (const std::optional<HistoryEntry> entry = selectedEntry())
        emit loadIntoFormRequested(*entry);
}

void LogPanel::copyKey()
{
    if (const HistoryEntry *entry
        = m_model->entryAt(m_ui->historyTableView->currentIndex().row())) {
        QGuiApplication::clipboard()->setText(entry->jobKey);
        report(tr("Copied job key %1").arg(entry->jobKey));
    }
}

void LogPanel::copyTicketText()
{
    if (const std::optional<HistoryEntry> entry = selectedEntry()) {
        QGuiApplication::clipboard()->setText(ticketText(*entry));
        report(tr("Copied a summary of the attempt on job %1").arg(entry->jobKey));
    }
}

void LogPanel::copyCurl()
{
    if (const std::optional<HistoryEntry> entry = selectedEntry()) {
        QGuiApplication::clipboard()->setText(
            JobsClient::toCurl(HistoryDetailsView::redacted(entry->request)));
        report(tr("Copied the request as a curl command (secrets redacted)"));
    }
}

void LogPanel::exportWithDialog()
{
    m_historyController->exportWithDialog(currentFilter());
}

void LogPanel::showContextMenu(const QPoint &position)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_loadAction);
    menu->addSeparator();
    menu->addAction(m_copyKeyAction);
    menu->addAction(m_copyTicketAction);
    menu->addAction(m_copyCurlAction);
    menu->addSeparator();
    menu->addAction(m_exportAction);
    menu->addAction(m_retentionAction);
    menu->popup(m_ui->historyTableView->viewport()->mapToGlobal(position));
}

} // namespace JobDesk
