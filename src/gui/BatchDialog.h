// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/batch/BatchInput.h"
#include "core/batch/BatchRunner.h"
#include "core/batch/ServerBatchRunner.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>

#include <memory>

class QScrollArea;

namespace Ui {
class BatchDialog;
}

namespace JobDesk {

class BatchItemsModel;
class BatchJournal;
class BatchLease;
class BatchPlanner;
class MainWindow;

/// The window's batch view (File → Batch…), over the core's batch engine.
///
/// "Complete jobs": the input (keys pasted in any shape, a CSV/TSV file with its key column and
/// a preview of how each cell is read, JSON Lines, or the Find jobs filter as a job search), one
/// payload for all (variables — the form's or a template's —, deny and reason, user-task
/// corrections), Plan (BatchPlanner: every row checked, counts per class in a table, bad rows
/// with their line numbers), one confirmation (on production it names the profile and the
/// count), then the run (BatchRunner) with a progress bar, counts per outcome, rate and ETA,
/// pause, resume, cancel and the report's export (CSV/JSON). The items table is a lazy model
/// over the journal (BatchItemsModel); a row opens its attempt in the log. The progress is
/// drawn at most 10 times a second, whatever the rate.
///
/// "Resolve incidents (server-side)": the filter, Plan, Start, Suspend, Resume, Cancel of a
/// ServerBatchRunner, its progress drawn like a local batch's and the failed items with the
/// server's words.
class BatchDialog final : public QDialog
{
    Q_OBJECT
public:
    enum class Source { Keys, File, JsonLines, Search };
    /// How often the progress is drawn during a run.
    static constexpr int kRefreshMs = 100;

    explicit BatchDialog(MainWindow *window);
    ~BatchDialog() override;
    Q_DISABLE_COPY_MOVE(BatchDialog)

    /// Pasted keys: the Complete jobs tab with this text as its input.
    void setKeysText(const QString &text);
    /// A CSV/TSV or JSON Lines file as the input (chosen by its name and contents).
    void setInputFile(const QString &path);
    /// The input of the Complete jobs tab.
    void setSource(Source source);
    void setVariablesText(const QString &text);
    /// Shows a batch planned or run earlier (an interrupted one: Resume continues it).
    void showBatch(qint64 batchId);
    /// The Resolve incidents tab following the cluster's batch operation `key` (started by an
    /// earlier run; `journalId` its batch in the journal).
    void followServerBatch(const QString &key, qint64 journalId);

    qint64 batchId() const { return m_batchId; }
    BatchItemsModel *itemsModel() const { return m_model; }
    BatchRunner *runner() const { return m_runner.get(); }
    ServerBatchRunner *serverRunner() const { return m_server; }
    /// What the last plan found (valid after `planned`).
    qint64 plannedToSend() const { return m_toSend; }
    /// The progress line as shown ("1,234 of 10,000 — 1,200 completed, …").
    QString countsText() const;
    /// How many times the progress was drawn (tests check the coalescing).
    int progressDraws() const { return m_draws; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

public slots:
    void plan();
    /// Asks once (production: names the profile and the count), then runs the planned batch.
    void start();
    void pause();
    void resume();
    void cancelBatch();
    /// Writes the report (CSV, or JSON for a `.json` name); asks for the file when empty.
    bool exportReport(const QString &path = {});
    void planServer();
    void startServer();

signals:
    /// The plan is made (`ok`) or failed (the plan label says why).
    void planned(bool ok);
    void runFinished(JobDesk::BatchRunner::EndReason reason);
    void serverPlanned(bool ok);
    void serverFinished(JobDesk::ServerBatchResult result);

private:
    // Complete jobs (BatchDialog.cpp)
    void readFile();
    void updatePreview();
    void updateKeysCount();
    void updatePayloadState();
    void useFormPayload();
    void applyTemplate(int index);
    std::optional<QByteArray> payloadBody(QString *error) const;
    std::optional<BatchInputFormat> inputFormat() const;
    QString inputSummary() const;
    void failPlan(const QString &why);
    void onPlanned(bool ok, const QString &error);
    void showPlanTable();
    void ensureRunner();
    void onProgress(const BatchProgress &progress);
    void drawProgress();
    void onRunFinished(BatchRunner::EndReason reason, const QString &error);
    void updateRunButtons();
    /// Setup and run side by side when the view is wide enough for both, else one above the
    /// other (a small screen, 200 %): the view then scrolls down, never sideways.
    void arrangeForWidth(int width);
    void openItemInLog(const QModelIndex &index);
    HistoryTarget historyTarget() const;
    BatchJournal *journal();
    /// Holds batch `batchId` for this window (see BatchLease); false with the reason shown when
    /// another program runs it.
    bool takeLease(qint64 batchId);
    // Resolve incidents (BatchDialogServer.cpp)
    void setupServerTab();
    void onServerPlanned();
    void drawServerProgress();
    void onServerFinished(ServerBatchResult result);
    void updateServerButtons();

    const std::unique_ptr<Ui::BatchDialog> m_ui;
    MainWindow *m_window;
    std::unique_ptr<BatchJournal> m_journal;
    QScrollArea *m_scroll = nullptr;
    BatchItemsModel *m_model;
    std::unique_ptr<BatchPlanner> m_planner;
    std::unique_ptr<BatchRunner> m_runner;
    std::unique_ptr<BatchLease> m_lease; ///< the batch this window plans or runs
    ServerBatchRunner *m_server;
    QTimer m_drawTimer;
    QByteArray m_fileText;
    BatchProgress m_progress;
    bool m_progressDirty = false;
    qint64 m_batchId = 0;
    qint64 m_toSend = 0;
    int m_draws = 0;
    bool m_planning = false;
    bool m_resumable = false; ///< the batch shown ran before: Resume continues it
};

} // namespace JobDesk
