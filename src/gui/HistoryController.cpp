// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/HistoryController.h"

#include "core/base/Logging.h"
#include "gui/HistoryWorker.h"
#include "gui/RetentionDialog.h"
#include "gui/WindowSettings.h"

#include <QDir>
#include <QFileDialog>

namespace JobDesk {

HistoryController::HistoryController(QWidget *dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
    , m_worker(new HistoryWorker(this))
    , m_retention(WindowSettings().retentionPolicy())
{
}

HistoryController::~HistoryController() = default;

void HistoryController::setStore(HistoryStore *store)
{
    m_store = (store != nullptr && store->isOpen()) ? store : nullptr;
    if (m_store != nullptr)
        runRetention(false);
}

void HistoryController::setRetentionPolicy(const RetentionPolicy &policy)
{
    m_retention = policy;
    WindowSettings().setRetentionPolicy(policy);
    applyRetention();
}

QString HistoryController::suggestedExportName(const QDateTime &now)
{
    return QStringLiteral("jobdesk-history-%1.csv")
        .arg(now.toString(QStringLiteral("yyyyMMdd-HHmm")));
}

void HistoryController::applyRetention()
{
    runRetention(true);
}

void HistoryController::runRetention(bool announce)
{
    if (m_store == nullptr)
        return;
    if (m_retention.mode == RetentionPolicy::Mode::KeepAll) {
        // Nothing to do; at start (the default policy) not even worth a word.
        if (announce)
            emit statusMessage(m_retention.description());
        emit retentionApplied(0);
        return;
    }
    if (m_retentionRunning) {
        m_retentionAgain = true; // the policy changed meanwhile: run once more afterwards
        m_announceAgain = m_announceAgain || announce;
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
        [this, announce](const HistoryWorker::Result &result) {
            m_retentionRunning = false;
            if (!result.ok) {
                emit statusMessage(
                    tr("Could not apply the retention setting: %1").arg(result.error));
            } else {
                if (result.count > 0) {
                    emit pruned();
                    emit statusMessage(tr("%1; removed %n older attempt(s)", nullptr, result.count)
                                           .arg(m_retention.description()));
                } else if (announce) {
                    emit statusMessage(m_retention.description());
                }
            }
            emit retentionApplied(result.ok ? result.count : -1);
            if (m_retentionAgain) {
                m_retentionAgain = false;
                const bool again = m_announceAgain;
                m_announceAgain = false;
                runRetention(again);
            }
        });
}

void HistoryController::editRetention()
{
    auto *dialog = new RetentionDialog(m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPolicy(m_retention);
    connect(
        dialog, &QDialog::accepted, this, [this, dialog] { setRetentionPolicy(dialog->policy()); });
    dialog->open();
}

void HistoryController::exportWithDialog(const HistoryFilter &filter)
{
    if (m_store == nullptr)
        return;
    const QString folder = WindowSettings().folder(WindowSettings::Folder::HistoryExport);
    auto *dialog = new QFileDialog(m_dialogParent, tr("Export history"),
        QDir(folder).filePath(suggestedExportName(QDateTime::currentDateTime())));
    dialog->setObjectName(QStringLiteral("historyExportFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    const QString csvFilter = tr("CSV for spreadsheets (*.csv)");
    const QString jsonFilter = tr("JSON with full requests and responses (*.json)");
    dialog->setNameFilters({csvFilter, jsonFilter});
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    connect(
        dialog, &QFileDialog::filterSelected, dialog, [dialog, jsonFilter](const QString &chosen) {
            dialog->setDefaultSuffix(
                chosen == jsonFilter ? QStringLiteral("json") : QStringLiteral("csv"));
        });
    connect(dialog, &QFileDialog::fileSelected, this,
        [this, dialog, jsonFilter, filter](const QString &path) {
            WindowSettings().rememberFolder(WindowSettings::Folder::HistoryExport, path);
            std::optional<HistoryExporter::Format> format
                = HistoryExporter::formatForFileName(path);
            if (!format) {
                format = dialog->selectedNameFilter() == jsonFilter ? HistoryExporter::Format::Json
                                                                    : HistoryExporter::Format::Csv;
            }
            exportTo(path, *format, filter);
        });
    dialog->open();
}

void HistoryController::exportTo(
    const QString &path, HistoryExporter::Format format, const HistoryFilter &filter)
{
    if (m_store == nullptr) {
        emit exportFinished(false, 0, tr("No history to export"));
        return;
    }
    emit statusMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
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
            qCInfo(lcUi) << message;
            emit statusMessage(message);
            emit exportFinished(result.ok, result.count, message);
        });
}

} // namespace JobDesk
