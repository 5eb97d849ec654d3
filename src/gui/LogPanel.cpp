// SPDX-License-Identifier: GPL-3.0-or-later
#include "LogPanel.h"

#include "HistoryDetailsView.h"
#include "HistoryModel.h"
#include "HistoryWorker.h"
#include "JobsClient.h"
#include "Logging.h"
#include "OutcomeBadgeDelegate.h"
#include "RetentionDialog.h"
#include "TicketText.h"
#include "ui_LogPanel.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>
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
    OutcomeKind::Completed,   OutcomeKind::NotFound,       OutcomeKind::InvalidState,
    OutcomeKind::Rejected,    OutcomeKind::Unauthorized,   OutcomeKind::Forbidden,
    OutcomeKind::Backpressure, OutcomeKind::ServerError,   OutcomeKind::Redirected,
    OutcomeKind::TransportError, OutcomeKind::Cancelled,
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
    m_ui->historyTableView->setItemDelegateForColumn(HistoryModel::OutcomeColumn,
                                                     new OutcomeBadgeDelegate(this));
    QHeaderView *header = m_ui->historyTableView->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(HistoryModel::TitleColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
    const QFontMetrics metrics(font());
    const QFontMetrics mono(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const int pad = metrics.height();
    m_ui->historyTableView->setColumnWidth(HistoryModel::TimeColumn,
                                           metrics.horizontalAdvance(QStringLiteral("2026-12-31 23:59:59")) + pad);
    m_ui->historyTableView->setColumnWidth(HistoryModel::ConnectionColumn,
                                           metrics.horizontalAdvance(QLatin1Char('x')) * 16 + pad);
    m_ui->historyTableView->setColumnWidth(HistoryModel::JobKeyColumn,
                                           mono.horizontalAdvance(QStringLiteral("2251799813685249")) + pad);
    m_ui->historyTableView->setColumnWidth(HistoryModel::OutcomeColumn,
                                           metrics.horizontalAdvance(QStringLiteral("Transport error")) + 3 * pad);
    m_ui->historyTableView->setColumnWidth(HistoryModel::StatusColumn,
                                           metrics.horizontalAdvance(QStringLiteral("Status")) + pad);
    m_ui->historyTableView->setColumnWidth(HistoryModel::DurationColumn,
                                           metrics.horizontalAdvance(QStringLiteral("Duration")) + pad);
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
    connect(m_ui->historyFilterLineEdit, &QLineEdit::returnPressed, this, &LogPanel::applyFilterNow);
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

    connect(m_ui->loadIntoFormPushButton, &QPushButton::clicked, this, &LogPanel::loadSelectedIntoForm);
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
        combo->addItem(outcomeKindLabel(kind), QStringList { outcomeKindName(kind) });
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
    m_copyTicketAction = make(tr("Copy as ticket text"), QKeySequence(tr("Ctrl+Shift+C")),
                              &LogPanel::copyTicketText);
    m_copyCurlAction = make(tr("Copy as curl"), {}, &LogPanel::copyCurl);
    m_exportAction = make(tr("Export filtered history…"), {}, &LogPanel::exportWithDialog);
    m_retentionAction = make(tr("Retention…"), {}, &LogPanel::editRetention);
}

void LogPanel::setStore(HistoryStore *store)
{
    m_store = (store != nullptr && store->isOpen()) ? store : nullptr;
    m_model->setStore(m_store);
    m_lastSeenId = m_store != nullptr ? m_store->lastId() : 0;
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
    m_filterTimer->stop();
    const HistoryFilter filter = currentFilter();
    if (filter.text == m_model->filter().text && filter.kinds == m_model->filter().kinds)
        return;
    const std::optional<qint64> selected = [this]() -> std::optional<qint64> {
        if (const HistoryEntry *entry = m_model->entryAt(m_ui->historyTableView->currentIndex().row()))
            return entry->id;
        return std::nullopt;
    }();
    m_model->setFilter(filter);
    if (selected)
        selectEntry(*selected);
    updateCount();
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
    m_lastSeenId = std::max(m_lastSeenId, id);
    if (m_model->addEntry(id) >= 0)
        selectEntry(id);
    updateCount();
}

void LogPanel::refresh()
{
    const std::optional<HistoryEntry> selected = selectedEntry();
    m_model->reload();
    if (m_store != nullptr)
        m_lastSeenId = m_store->lastId();
    if (selected)
        selectEntry(selected->id);
    updateCount();
}

void LogPanel::pollForNewEntries()
{
    if (m_store == nullptr || !isVisible())
        return;
    const qint64 last = m_store->lastId();
    if (last == m_lastSeenId)
        return;
    m_lastSeenId = last;
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
    const bool hasSelection = m_model->entryAt(m_ui->historyTableView->currentIndex().row()) != nullptr;
    for (QWidget *widget : std::initializer_list<QWidget *> {
             m_ui->loadIntoFormPushButton, m_ui->copyKeyToolButton, m_ui->copyTicketToolButton,
             m_ui->copyCurlToolButton })
        widget->setEnabled(hasSelection);
    for (QAction *action : { m_loadAction, m_copyKeyAction, m_copyTicketAction, m_copyCurlAction })
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
    const QLocale locale;
    const HistoryFilter filter = m_model->filter();
    const int total = m_store->count();
    if (filter.isEmpty()) {
        m_ui->historyCountLabel->setText(tr("%1 attempts").arg(locale.toString(total)));
    } else {
        // Known without another query once every match is loaded.
        const int shown = m_model->isComplete() ? m_model->rowCount() : m_store->count(filter);
        m_ui->historyCountLabel->setText(
            tr("%1 of %2 attempts").arg(locale.toString(shown), locale.toString(total)));
    }
}

void LogPanel::loadSelectedIntoForm()
{
    if (const std::optional<HistoryEntry> entry = selectedEntry()) {
        emit loadIntoFormRequested(*entry);
        report(tr("Loaded job %1 into the form").arg(entry->jobKey));
    }
}

void LogPanel::copyKey()
{
    if (const HistoryEntry *entry = m_model->entryAt(m_ui->historyTableView->currentIndex().row())) {
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
    if (m_store == nullptr)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("jobdesk-history-%1.csv")
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    auto *dialog = new QFileDialog(this, tr("Export history"), QDir(folder).filePath(name));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    const QString csvFilter = tr("CSV for spreadsheets (*.csv)");
    const QString jsonFilter = tr("JSON with full requests and responses (*.json)");
    dialog->setNameFilters({ csvFilter, jsonFilter });
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    connect(dialog, &QFileDialog::filterSelected, dialog, [dialog, jsonFilter](const QString &filter) {
        dialog->setDefaultSuffix(filter == jsonFilter ? QStringLiteral("json") : QStringLiteral("csv"));
    });
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog, jsonFilter](const QString &path) {
        std::optional<HistoryExporter::Format> format = HistoryExporter::formatForFileName(path);
        if (!format) {
            format = dialog->selectedNameFilter() == jsonFilter ? HistoryExporter::Format::Json
                                                                : HistoryExporter::Format::Csv;
        }
        exportTo(path, *format);
    });
    dialog->open();
}

void LogPanel::exportTo(const QString &path, HistoryExporter::Format format)
{
    if (m_store == nullptr) {
        emit exportFinished(false, 0, tr("No history to export"));
        return;
    }
    const HistoryFilter filter = currentFilter();
    report(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    m_worker->run(
        m_store->path(),
        [filter, path, format](HistoryStore &store) {
            const HistoryExporter::Result result = HistoryExporter::exportTo(store, filter, path, format);
            return HistoryWorker::Result { result.ok, result.count, result.error };
        },
        [this, path](const HistoryWorker::Result &result) {
            const QString message = result.ok
                ? tr("Exported %1 attempts to %2").arg(result.count).arg(QDir::toNativeSeparators(path))
                : tr("Export failed: %1").arg(result.error);
            report(message);
            emit exportFinished(result.ok, result.count, message);
        });
}

void LogPanel::setRetentionPolicy(const RetentionPolicy &policy)
{
    m_retention = policy;
    QSettings settings;
    policy.save(settings);
    applyRetention();
}

void LogPanel::editRetention()
{
    auto *dialog = new RetentionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPolicy(m_retention);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setRetentionPolicy(dialog->policy()); });
    dialog->open();
}

void LogPanel::applyRetention()
{
    if (m_store == nullptr)
        return;
    if (m_retention.mode == RetentionPolicy::Mode::KeepAll) {
        report(m_retention.description());
        emit retentionApplied(0);
        return;
    }
    if (m_retentionRunning) {
        m_retentionAgain = true; // the policy changed meanwhile: run once more afterwards
        return;
    }
    m_retentionRunning = true;
    const RetentionPolicy policy = m_retention;
    m_worker->run(
        m_store->path(),
        [policy](HistoryStore &store) {
            const int removed = policy.apply(store, QDateTime::currentDateTimeUtc());
            const bool ok = store.error().isEmpty();
            return HistoryWorker::Result { ok, removed, store.error() };
        },
        [this](const HistoryWorker::Result &result) {
            m_retentionRunning = false;
            if (!result.ok) {
                report(tr("Could not apply the retention setting: %1").arg(result.error));
            } else {
                if (result.count > 0)
                    refresh();
                report(result.count > 0
                           ? tr("%1; removed %2 older attempts").arg(m_retention.description()).arg(result.count)
                           : m_retention.description());
            }
            emit retentionApplied(result.ok ? result.count : -1);
            if (m_retentionAgain) {
                m_retentionAgain = false;
                applyRetention();
            }
        });
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
}

} // namespace JobDesk
