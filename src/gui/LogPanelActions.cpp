// SPDX-License-Identifier: GPL-3.0-or-later
// LogPanel's actions: load into form, copy (key, ticket text, curl), export, retention.
#include "gui/LogPanel.h"

#include "core/base/Logging.h"
#include "core/base/PrivateFiles.h"
#include "core/history/TicketText.h"
#include "core/http/JobsClient.h"
#include "gui/HistoryDetailsView.h"
#include "gui/HistoryModel.h"
#include "gui/HistoryWorker.h"
#include "gui/RetentionDialog.h"
#include "ui_LogPanel.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>

namespace JobDesk {

void LogPanel::loadSelectedIntoForm()
{
    if (const std::optional<HistoryEntry> entry = selectedEntry()) {
        emit loadIntoFormRequested(*entry);
        report(tr("Loaded job %1 into the form").arg(entry->jobKey));
    }
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
    if (m_store == nullptr)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name
        = QStringLiteral("jobdesk-history-%1.csv")
              .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    auto *dialog = new QFileDialog(this, tr("Export history"), QDir(folder).filePath(name));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    const QString csvFilter = tr("CSV for spreadsheets (*.csv)");
    const QString jsonFilter = tr("JSON with full requests and responses (*.json)");
    dialog->setNameFilters({csvFilter, jsonFilter});
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    connect(
        dialog, &QFileDialog::filterSelected, dialog, [dialog, jsonFilter](const QString &filter) {
            dialog->setDefaultSuffix(
                filter == jsonFilter ? QStringLiteral("json") : QStringLiteral("csv"));
        });
    connect(
        dialog, &QFileDialog::fileSelected, this, [this, dialog, jsonFilter](const QString &path) {
            std::optional<HistoryExporter::Format> format
                = HistoryExporter::formatForFileName(path);
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
            const HistoryExporter::Result result
                = HistoryExporter::exportTo(store, filter, path, format);
            return HistoryWorker::Result {result.ok, result.count, result.error, {}};
        },
        [this, path](const HistoryWorker::Result &result) {
            const QString message = result.ok
                ? tr("Exported %n attempt(s) to %1", nullptr, result.count)
                      .arg(QDir::toNativeSeparators(path))
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
    QString error;
    if (!PrivateFiles::syncPrivately(settings, &error))
        qCWarning(lcUi).noquote() << error;
    applyRetention();
}

void LogPanel::editRetention()
{
    auto *dialog = new RetentionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPolicy(m_retention);
    connect(
        dialog, &QDialog::accepted, this, [this, dialog] { setRetentionPolicy(dialog->policy()); });
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
            const std::optional<int> removed = policy.apply(store, QDateTime::currentDateTimeUtc());
            return HistoryWorker::Result {
                removed.has_value(), removed.value_or(0), removed ? QString() : store.error(), {}};
        },
        [this](const HistoryWorker::Result &result) {
            m_retentionRunning = false;
            if (!result.ok) {
                report(tr("Could not apply the retention setting: %1").arg(result.error));
            } else {
                if (result.count > 0)
                    refresh();
                report(result.count > 0
                        ? tr("%1; removed %n older attempt(s)", nullptr, result.count)
                              .arg(m_retention.description())
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

} // namespace JobDesk
