// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/LogPanel.h"

#include "core/base/Logging.h"
#include "core/base/PrivateFiles.h"
#include "gui/HistoryDetailsView.h"
#include "gui/HistoryModel.h"
#include "gui/HistoryWorker.h"
#include "gui/OutcomeBadgeDelegate.h"
#include "ui_LogPanel.h"

#include <QAction>
#include <QDir>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

namespace JobDesk {

namespace {
constexpr int kFilterDebounceMs = 200;
constexpr int kPollIntervalMs = 4000;
const QString kSplitterKey = QStringLiteral("logPanel/splitter");
const QString kHeaderKey = QStringLiteral("logPanel/header");

const QList<OutcomeKind> kAllKinds = {
    OutcomeKind::Completed,
    OutcomeKind::NotFound,
    OutcomeKind::InvalidState,
    OutcomeKind::Rejected,
    OutcomeKind::Unauthorized,
    OutcomeKind::Forbidden,
    OutcomeKind::Backpressure,
    OutcomeKind::ServerError,
    OutcomeKind::Redirected,
    OutcomeKind::TransportError,
    OutcomeKind::Cancelled,
};
} // namespace

LogPanel::LogPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LogPanel>())
    , m_model(new HistoryModel(this))
    , m_worker(new HistoryWorker(this))
    , m_filterTimer(new QTimer(this))
    , m_pollTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->historyTableView->setModel(m_model);
    m_ui->historyTableView->setItemDelegateForColumn(
        HistoryModel::OutcomeColumn, new OutcomeBadgeDelegate(this));
    QHeaderView *header = m_ui->historyTableView->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(HistoryModel::TitleColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
    const QFontMetrics metrics(font());
    const QFontMetrics mono(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const int pad = metrics.height();
    m_ui->historyTableView->setColumnWidth(HistoryModel::TimeColumn,
        metrics.horizontalAdvance(QStringLiteral("2026-12-31 23:59")) + pad);
    m_ui->historyTableView->setColumnWidth(
        HistoryModel::ConnectionColumn, metrics.horizontalAdvance(QLatin1Char('x')) * 12 + pad);
    m_ui->historyTableView->setColumnWidth(HistoryModel::JobKeyColumn,
        mono.horizontalAdvance(QStringLiteral("2251799813685249")) + pad);
    m_ui->historyTableView->setColumnWidth(HistoryModel::OutcomeColumn,
        metrics.horizontalAdvance(QStringLiteral("Transport error")) * 6 / 5 + 3 * pad);
    m_ui->historyTableView->setColumnWidth(
        HistoryModel::StatusColumn, metrics.horizontalAdvance(QStringLiteral("Status")) + pad);
    m_ui->historyTableView->setColumnWidth(
        HistoryModel::DurationColumn, metrics.horizontalAdvance(QStringLiteral("Duration")) + pad);
    // Uniform row heights: the view never measures 100,000 rows.
    QHeaderView *rows = m_ui->historyTableView->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(metrics.height() + 10);
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
    });

    connect(
        m_ui->loadIntoFormPushButton, &QPushButton::clicked, this, &LogPanel::loadSelectedIntoForm);
    connect(m_ui->copyKeyToolButton, &QToolButton::clicked, this, &LogPanel::copyKey);
    connect(m_ui->copyTicketToolButton, &QToolButton::clicked, this, &LogPanel::copyTicketText);
    connect(m_ui->copyCurlToolButton, &QToolButton::clicked, this, &LogPanel::copyCurl);
    connect(m_ui->exportToolButton, &QToolButton::clicked, this, &LogPanel::exportWithDialog);
    connect(m_ui->retentionToolButton, &QToolButton::clicked, this, &LogPanel::editRetention);
    connect(m_ui->refreshToolButton, &QToolButton::clicked, this, &LogPanel::refresh);

    m_pollTimer->setInterval(kPollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &LogPanel::pollForNewEntries);

    m_retention = RetentionPolicy::load(QSettings());
    restoreLayout();
    updateActions();
    updateCount();
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
        if (kind != OutcomeKind::Completed)
            problems.append(outcomeKindName(kind));
    }
    combo->addItem(tr("Everything but completed"), problems);
    combo->insertSeparator(combo->count());
    for (const OutcomeKind kind : kAllKinds)
        combo->addItem(outcomeKindLabel(kind), QStringList {outcomeKindName(kind)});
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
    m_exportAction = make(tr("Export filtered history…"), {}, &LogPanel::exportWithDialog);
    m_retentionAction = make(tr("Retention…"), {}, &LogPanel::editRetention);
}

void LogPanel::setStore(HistoryStore *store)
{
    m_store = (store != nullptr && store->isOpen()) ? store : nullptr;
    m_model->setStore(m_store);
    m_requestedFilter = m_model->filter();
    updateCount();
    if (m_store != nullptr) {
        m_pollTimer->start();
        applyRetention();
    } else {
        m_pollTimer->stop();
    }
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
    if (!force && filter.text == m_requestedFilter.text && filter.kinds == m_requestedFilter.kinds)
        return;
    m_requestedFilter = filter;
    const quint64 generation = ++m_filterGeneration;
    const std::optional<qint64> selected = currentId();
    if (m_store == nullptr || filter.text.isEmpty()) {
        // No text: an index answers at once (0-20 ms on 100,000 entries).
        const HistoryFilter &shown = m_model->filter();
        if (force && filter.text == shown.text && filter.kinds == shown.kinds)
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
    for (QWidget *widget : std::initializer_list<QWidget *> {m_ui->loadIntoFormPushButton,
             m_ui->copyKeyToolButton, m_ui->copyTicketToolButton, m_ui->copyCurlToolButton})
        widget->setEnabled(hasSelection);
    for (QAction *action : {m_loadAction, m_copyKeyAction, m_copyTicketAction, m_copyCurlAction})
        action->setEnabled(hasSelection);
    const bool hasStore = m_store != nullptr;
    m_ui->exportToolButton->setEnabled(hasStore);
    m_exportAction->setEnabled(hasStore);
    m_ui->refreshToolButton->setEnabled(hasStore);
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
    emit statusMessage(message);
}

void LogPanel::restoreLayout()
{
    const QSettings settings;
    const QByteArray splitter = settings.value(kSplitterKey).toByteArray();
    if (!splitter.isEmpty())
        m_ui->historySplitter->restoreState(splitter);
    const QByteArray header = settings.value(kHeaderKey).toByteArray();
    if (!header.isEmpty())
        m_ui->historyTableView->horizontalHeader()->restoreState(header);
}

void LogPanel::saveLayout() const
{
    QSettings settings;
    settings.setValue(kSplitterKey, m_ui->historySplitter->saveState());
    settings.setValue(kHeaderKey, m_ui->historyTableView->horizontalHeader()->saveState());
    QString error;
    if (!PrivateFiles::syncPrivately(settings, &error))
        qCWarning(lcUi).noquote() << error;
}

} // namespace JobDesk
