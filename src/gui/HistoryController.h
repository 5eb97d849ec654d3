// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/HistoryExporter.h"
#include "core/history/HistoryStore.h"
#include "core/history/RetentionPolicy.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace JobDesk {

class HistoryWorker;

/// What the log does with the history as a whole rather than with one attempt: export it
/// (CSV or JSON, the entries of a filter) and keep it to the retention policy.
///
/// Both run off the UI thread (HistoryWorker). The policy is kept in WindowSettings and applied
/// when a store is set and whenever it changes; pruning at start is quiet unless something was
/// removed. The export dialog opens in the folder last used for exports.
class HistoryController final : public QObject
{
    Q_OBJECT
public:
    /// `dialogParent` (not owned) parents the export and retention dialogs.
    explicit HistoryController(QWidget *dialogParent);
    ~HistoryController() override;
    Q_DISABLE_COPY_MOVE(HistoryController)

    /// The open store the window appends to (not owned), or nullptr. Applies the policy.
    void setStore(HistoryStore *store);

    RetentionPolicy retentionPolicy() const { return m_retention; }
    /// Saves the policy and applies it in the background.
    void setRetentionPolicy(const RetentionPolicy &policy);

    /// The file name the export dialog suggests: jobdesk-history-<yyyyMMdd-HHmm>.csv.
    static QString suggestedExportName(const QDateTime &now);

public slots:
    /// Applies the retention policy now, in the background.
    void applyRetention();
    /// Opens the retention dialog (non-modal to the event loop: no nested exec()).
    void editRetention();
    /// Exports the entries matching `filter`, in the background (no dialog).
    void exportTo(const QString &path, JobDesk::HistoryExporter::Format format,
        const JobDesk::HistoryFilter &filter);
    /// Asks for a file name (in the folder last used), then exportTo().
    void exportWithDialog(const JobDesk::HistoryFilter &filter);

signals:
    /// After an export finished (ok or not); `count` entries were written.
    void exportFinished(bool ok, int count, const QString &message);
    /// After retention ran; `removed` entries were deleted (-1 on error).
    void retentionApplied(int removed);
    /// Entries were removed: views of the history must reload.
    void pruned();
    /// Something worth a line in the status bar (exported, pruned, errors).
    void statusMessage(const QString &message);

private:
    void runRetention(bool announce);

    QPointer<QWidget> m_dialogParent;
    HistoryWorker *m_worker;
    HistoryStore *m_store = nullptr;
    RetentionPolicy m_retention;
    bool m_retentionRunning = false;
    bool m_retentionAgain = false;
    bool m_announceAgain = false;
};

} // namespace JobDesk
