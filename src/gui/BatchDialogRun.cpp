// SPDX-License-Identifier: GPL-3.0-or-later
// The batch view's Complete jobs tab: plan, run, progress, report.
#include "gui/BatchDialog.h"

#include "core/batch/BatchLease.h"
#include "core/batch/BatchPlan.h"
#include "core/batch/BatchReport.h"
#include "core/history/BatchJournal.h"
#include "gui/BatchItemsModel.h"
#include "gui/Confirm.h"
#include "gui/FindJobsDialog.h"
#include "gui/LogPanel.h"
#include "gui/MainWindow.h"
#include "ui_BatchDialog.h"

#include <QFileDialog>
#include <QLocale>

namespace JobDesk {

namespace {

/// Jobs looked up per request while planning in the window: an answer of 1,000 jobs takes the
/// UI thread tens of milliseconds to read; 250 keep each turn short (the CLI reads 1,000).
constexpr int kLookUpChunk = 250;

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString duration(qint64 ms)
{
    if (ms < 0)
        return BatchDialog::tr("unknown");
    const qint64 s = (ms + 999) / 1000;
    if (s < 60)
        return BatchDialog::tr("%n s", nullptr, int(s));
    return BatchDialog::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
}

} // namespace

// -- plan

void BatchDialog::failPlan(const QString &why)
{
    m_ui->planLabel->setText(why);
    // Always from the event loop, as a finished plan is.
    QMetaObject::invokeMethod(
        this, [this] { emit planned(false); }, Qt::QueuedConnection);
}

void BatchDialog::plan()
{
    if (m_planning || (m_runner && m_runner->state() != BatchRunner::State::Finished))
        return;
    BatchJournal *batchJournal = journal();
    if (!batchJournal) {
        failPlan(tr("The history is not open: a batch needs it to remember every item."));
        return;
    }
    QString error;
    const auto body = payloadBody(&error);
    if (!body) {
        failPlan(tr("The payload is not valid: %1").arg(error));
        return;
    }
    BatchSource source;
    if (const auto format = inputFormat()) {
        const QByteArray text = *format == BatchInputFormat::Keys
            ? m_ui->keysEdit->toPlainText().toUtf8()
            : m_fileText;
        BatchTableOptions options;
        if (*format == BatchInputFormat::Csv || *format == BatchInputFormat::Tsv)
            options.keyColumn = m_ui->keyColumnComboBox->currentText();
        source.reader = std::make_shared<BatchInputReader>(*format, text, options);
    } else {
        const FindJobsDialog *find = m_window->findJobsDialog();
        const auto search = find ? find->searchRequest(&error) : std::nullopt;
        if (!search) {
            failPlan(
                error.isEmpty() ? tr("Set a filter in Find jobs first (Ctrl+Shift+J).") : error);
            return;
        }
        source.search = *search;
        source.search->limit = SearchRequest::kMaxLimit / 10;
    }
    BatchSpec spec;
    const HistoryTarget target = historyTarget();
    spec.source = HistorySource::Window;
    spec.connection = target.connection;
    spec.production = target.production;
    spec.action = ActionKind::Complete;
    spec.inputSummary = inputSummary();
    spec.payload = *body;
    BatchRunOptions options;
    options.concurrency = m_ui->concurrencySpinBox->value();
    options.stopOnError = m_ui->stopOnErrorCheckBox->isChecked();
    spec.options = options.toJson();

    m_runner.reset();
    m_planner = std::make_unique<BatchPlanner>(m_window->client(), batchJournal);
    m_planner->setServerVersion(m_window->serverVersion());
    m_planner->setLookUp(m_ui->lookUpCheckBox->isChecked());
    m_planner->setChunkSize(kLookUpChunk);
    connect(m_planner.get(), &BatchPlanner::progress, this, [this](qint64 read, qint64 checked) {
        m_ui->planLabel->setText(
            tr("Planning: %1 rows read, %2 looked up…").arg(number(read), number(checked)));
    });
    connect(m_planner.get(), &BatchPlanner::finished, this, &BatchDialog::onPlanned);
    m_planning = true;
    m_toSend = 0;
    m_model->setBatch(nullptr, 0);
    m_ui->planLabel->setText(tr("Planning…"));
    updateRunButtons();
    m_planner->start(spec, source);
    // The batch exists now: this window holds it until it plans or runs another one.
    if (m_planner->batchId() != 0 && !takeLease(m_planner->batchId()))
        m_planner->cancel();
}

void BatchDialog::onPlanned(bool ok, const QString &error)
{
    m_planning = false;
    const BatchPlanSummary &summary = m_planner->summary();
    QString text;
    if (!ok) {
        text = tr("Not planned: %1").arg(error);
        // Only a look-up that failed is helped by planning without one (a version refusal, bad
        // rows or a failed search are not).
        if (m_planner->failReason() == BatchPlanner::FailReason::LookUpFailed)
            text += QStringLiteral("\n")
                + tr("Plan again when the cluster is less busy, or without looking the jobs up "
                     "(every row is sent; the server's answer says what each job was).");
        for (const BatchInputError &e : summary.errors.mid(0, 20))
            text += QStringLiteral("\n") + tr("line %1: %2").arg(e.line).arg(e.message);
        if (summary.errorCount > 20)
            text += QStringLiteral("\n")
                + tr("… and %Ln more bad row(s)", nullptr, int(summary.errorCount - 20));
        m_batchId = 0;
        m_lease.reset();
    } else {
        m_batchId = m_planner->batchId();
        m_toSend = summary.toSend();
        m_resumable = false;
        text = tr("Batch %1: %2 rows, %3 to complete. Nothing has been sent yet.")
                   .arg(m_batchId)
                   .arg(number(summary.rows), number(m_toSend));
        m_model->setBatch(journal(), m_batchId);
    }
    m_ui->planLabel->setText(text);
    showPlanTable();
    updateRunButtons();
    emit planned(ok);
}

void BatchDialog::showPlanTable()
{
    const BatchPlanSummary &summary = m_planner->summary();
    m_ui->planTable->setRowCount(0);
    for (int v = 0; v < kPlanVerdictCount; ++v) {
        const auto verdict = static_cast<PlanVerdict>(v);
        const qint64 count = summary.count(verdict);
        if (count == 0)
            continue;
        const int row = m_ui->planTable->rowCount();
        m_ui->planTable->insertRow(row);
        auto *label = new QTableWidgetItem(planVerdictLabel(verdict));
        QStringList examples;
        for (const auto &example : summary.examples[v])
            examples.append(
                tr("line %1: %2 %3").arg(example.line).arg(example.jobKey, example.why));
        label->setToolTip(examples.join(QLatin1Char('\n')));
        m_ui->planTable->setItem(row, 0, label);
        m_ui->planTable->setItem(row, 1, new QTableWidgetItem(number(count)));
    }
    if (summary.errorCount) {
        const int row = m_ui->planTable->rowCount();
        m_ui->planTable->insertRow(row);
        m_ui->planTable->setItem(row, 0, new QTableWidgetItem(tr("bad rows (not in the batch)")));
        m_ui->planTable->setItem(row, 1, new QTableWidgetItem(number(summary.errorCount)));
    }
}

// -- run

void BatchDialog::ensureRunner()
{
    m_runner = std::make_unique<BatchRunner>(m_window->client(), journal());
    const HistoryTarget target = historyTarget();
    m_runner->setHistoryIdentity(HistorySource::Window, target.connection, target.production);
    // A batch planned against one server may be resumed against another (or a downgraded one).
    m_runner->setServerVersion(m_window->serverVersion());
    connect(m_runner.get(), &BatchRunner::progressChanged, this, &BatchDialog::onProgress);
    connect(m_runner.get(), &BatchRunner::stateChanged, this, &BatchDialog::updateRunButtons);
    connect(m_runner.get(), &BatchRunner::finished, this, &BatchDialog::onRunFinished);
}

void BatchDialog::start()
{
    if (!m_batchId || !journal() || (m_runner && m_runner->state() != BatchRunner::State::Idle))
        return;
    const HistoryTarget target = historyTarget();
    const QString question = target.production
        ? tr("Complete %Ln job(s) on the PRODUCTION connection “%1”?", nullptr, int(m_toSend))
              .arg(target.connection)
        : tr("Complete %Ln job(s) on “%1”?", nullptr, int(m_toSend)).arg(target.connection);
    if (!Confirm::ask(this, tr("Start the batch"), question,
            tr("Complete %Ln job(s)", nullptr, int(m_toSend))))
        return;
    if (!takeLease(m_batchId))
        return;
    ensureRunner();
    BatchRunOptions options;
    options.concurrency = m_ui->concurrencySpinBox->value();
    options.stopOnError = m_ui->stopOnErrorCheckBox->isChecked();
    m_runner->setOptions(options);
    if (!m_runner->start(m_batchId)) {
        m_ui->countsLabel->setText(tr("The batch could not start: %1").arg(m_runner->error()));
        m_runner.reset();
        return;
    }
    m_ui->planLabel->setText(
        tr("Batch %1: %Ln job(s) to complete.", nullptr, int(m_toSend)).arg(m_batchId));
    m_drawTimer.start();
    updateRunButtons();
}

void BatchDialog::showBatch(qint64 batchId)
{
    BatchJournal *batchJournal = journal();
    if (!batchJournal)
        return;
    const auto info = batchJournal->batch(batchId);
    if (!info)
        return;
    m_runner.reset();
    m_batchId = batchId;
    m_toSend = info->counts.planned + info->counts.sending;
    // A batch that ran before is continued (Resume); one only planned is started (Start).
    m_resumable = info->state != BatchState::Planned;
    m_ui->tabWidget->setCurrentWidget(m_ui->jobsTab);
    m_model->setBatch(batchJournal, batchId);
    m_ui->planLabel->setText(tr("Batch %1 (%2, %3): %4 items, %5 not done yet.")
                                 .arg(batchId)
                                 .arg(info->spec.inputSummary, batchStateName(info->state))
                                 .arg(number(info->counts.total()), number(m_toSend)));
    m_progress = BatchProgress();
    m_progress.total = info->counts.total();
    m_ui->progressBar->setMaximum(int(std::max<qint64>(1, m_progress.total)));
    m_ui->progressBar->setValue(int(info->counts.done + info->counts.skipped));
    updateRunButtons();
}

void BatchDialog::pause()
{
    if (m_runner)
        m_runner->pause();
}

void BatchDialog::resume()
{
    if (m_runner && m_runner->state() == BatchRunner::State::Paused) {
        m_runner->resume();
        return;
    }
    // An interrupted batch (or one left paused by an earlier run): a new runner continues it;
    // the items that were being sent are looked up before anything is sent again.
    if (!m_batchId || (m_runner && m_runner->state() != BatchRunner::State::Finished))
        return;
    if (!takeLease(m_batchId))
        return;
    ensureRunner();
    if (!m_runner->start(m_batchId)) {
        m_ui->countsLabel->setText(tr("The batch could not resume: %1").arg(m_runner->error()));
        m_runner.reset();
        return;
    }
    m_drawTimer.start();
    updateRunButtons();
}

void BatchDialog::cancelBatch()
{
    if (m_runner)
        m_runner->cancel();
}

void BatchDialog::onProgress(const BatchProgress &progress)
{
    // Coalesced: the timer draws at most every kRefreshMs, whatever the rate of answers.
    m_progress = progress;
    m_progressDirty = true;
}

QString BatchDialog::countsText() const
{
    const BatchProgress &p = m_progress;
    QString text = tr("%1 of %2 — %3 completed, %4 skipped, %5 refused, %6 undone")
                       .arg(number(p.finished()), number(p.total), number(p.completed),
                           number(p.skipped), number(p.refused), number(p.undone));
    const BatchRunner::State state = m_runner ? m_runner->state() : BatchRunner::State::Idle;
    if (state == BatchRunner::State::Paused || state == BatchRunner::State::Pausing) {
        // No rate or time left while nothing is sent: they would only be guesses.
        text += QStringLiteral("\n")
            + (state == BatchRunner::State::Paused
                    ? tr("Paused · %1 waiting").arg(number(p.remaining))
                    : tr("Pausing: %1 in flight finish first, %2 waiting")
                          .arg(number(p.inFlight), number(p.remaining)));
    } else if (m_runner && state != BatchRunner::State::Finished) {
        text += QStringLiteral("\n")
            + tr("%1 in flight, %2 waiting · %3/s · about %4 left · concurrency %5")
                  .arg(number(p.inFlight), number(p.remaining))
                  .arg(p.ratePerSecond, 0, 'f', 0)
                  .arg(duration(p.etaMs))
                  .arg(p.concurrency);
    }
    if (p.retries > 0)
        text += QStringLiteral(" · ") + tr("%1 sent again").arg(number(p.retries));
    return text;
}

void BatchDialog::drawProgress()
{
    if (!m_progressDirty)
        return;
    m_progressDirty = false;
    ++m_draws;
    m_ui->progressBar->setMaximum(int(std::max<qint64>(1, m_progress.total)));
    m_ui->progressBar->setValue(int(m_progress.finished()));
    m_ui->countsLabel->setText(countsText());
    m_model->refresh(m_progress.total > 0 ? std::optional<qint64>(m_progress.total) : std::nullopt);
}

void BatchDialog::onRunFinished(BatchRunner::EndReason reason, const QString &error)
{
    m_drawTimer.stop();
    // The run is over: what is left (cancelled, stopped) may be resumed by any program now.
    m_lease.reset();
    if (m_runner)
        m_progress = m_runner->progress();
    m_progressDirty = true;
    drawProgress();
    QString why;
    switch (reason) {
    case BatchRunner::EndReason::Completed:
        why = tr("Finished in %1.").arg(duration(m_progress.elapsedMs));
        break;
    case BatchRunner::EndReason::Cancelled:
        why = tr("Cancelled: the jobs not sent yet stay as they are.");
        break;
    case BatchRunner::EndReason::StoppedOnError:
        why = tr("Stopped at a refusal.");
        break;
    case BatchRunner::EndReason::JournalError:
        why = tr("Stopped: the journal could not be written (%1).").arg(error);
        break;
    }
    m_ui->countsLabel->setText(countsText() + QStringLiteral("\n") + why);
    updateRunButtons();
    emit runFinished(reason);
}

void BatchDialog::updateRunButtons()
{
    const BatchRunner::State state = m_runner ? m_runner->state() : BatchRunner::State::Idle;
    const bool running
        = m_runner && state != BatchRunner::State::Idle && state != BatchRunner::State::Finished;
    const bool finished = m_runner && state == BatchRunner::State::Finished;
    m_ui->planPushButton->setEnabled(!m_planning && !running);
    const bool ready = !m_planning && m_batchId && !m_runner && m_toSend > 0 && !finished;
    m_ui->startPushButton->setEnabled(ready && !m_resumable);
    m_ui->pausePushButton->setEnabled(
        running && state != BatchRunner::State::Paused && state != BatchRunner::State::Pausing);
    m_ui->resumePushButton->setEnabled(
        (running && state == BatchRunner::State::Paused) || (ready && m_resumable));
    m_ui->cancelPushButton->setEnabled(running && state != BatchRunner::State::Stopping);
    m_ui->exportPushButton->setEnabled(m_batchId != 0 && !m_planning);
}

bool BatchDialog::exportReport(const QString &path)
{
    BatchJournal *batchJournal = journal();
    if (!m_batchId || !batchJournal)
        return false;
    QString target = path;
    if (target.isEmpty())
        target = QFileDialog::getSaveFileName(this, tr("Export the batch report"),
            QStringLiteral("batch-%1.csv").arg(m_batchId), tr("CSV (*.csv);;JSON (*.json)"));
    if (target.isEmpty())
        return false;
    QString error;
    const bool ok = BatchReport::write(
        *batchJournal, m_batchId, target, BatchReport::formatForFile(target), &error);
    m_window->showStatusMessage(ok ? tr("Batch report written to %1").arg(target)
                                   : tr("Cannot write the report: %1").arg(error));
    return ok;
}

void BatchDialog::openItemInLog(const QModelIndex &index)
{
    const auto item = m_model->item(index.row());
    if (!item || item->historyId == 0)
        return;
    if (m_window->logPanel()->selectEntry(item->historyId))
        m_window->showStatusMessage(
            tr("The attempt of job %1 is selected in the log").arg(item->jobKey));
    else
        m_window->showStatusMessage(
            tr("Attempt %1 of job %2 is in the history (filter the log by the key to see it)")
                .arg(item->historyId)
                .arg(item->jobKey));
}

} // namespace JobDesk
