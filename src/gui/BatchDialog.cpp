// SPDX-License-Identifier: GPL-3.0-or-later
// The batch view's Complete jobs tab: input, payload, plan, run, progress, report.
#include "gui/BatchDialog.h"

#include "core/batch/BatchPlan.h"
#include "core/batch/BatchReport.h"
#include "core/camunda/CompletionRequest.h"
#include "core/history/BatchJournal.h"
#include "core/history/HistoryStore.h"
#include "core/json/Json.h"
#include "core/templates/DraftStore.h"
#include "core/templates/TemplateStore.h"
#include "gui/BatchItemsModel.h"
#include "gui/Confirm.h"
#include "gui/FindJobsDialog.h"
#include "gui/JobForm.h"
#include "gui/LogPanel.h"
#include "gui/MainWindow.h"
#include "gui/TemplatesPanel.h"
#include "ui_BatchDialog.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>

namespace JobDesk {

namespace {

/// Rows shown in the CSV/TSV preview.
constexpr int kPreviewRows = 8;
/// Files larger than this are not read into the view (the CLI streams them).
constexpr qint64 kMaxFileBytes = 256LL * 1024 * 1024;

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

BatchDialog::BatchDialog(MainWindow *window)
    : QDialog(window)
    , m_ui(std::make_unique<Ui::BatchDialog>())
    , m_window(window)
    , m_model(new BatchItemsModel(this))
    , m_server(new ServerBatchRunner(window->client(), this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("batchDialog"));
    // On a small screen (or at 200 %) the view scrolls instead of running off the screen.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("batchScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    delete m_ui->mainLayout->replaceWidget(m_ui->tabWidget, scroll);
    scroll->setWidget(m_ui->tabWidget);
    if (const QScreen *screen = window->screen())
        resize(size().boundedTo(screen->availableGeometry().size() * 9 / 10));
    m_ui->itemsView->setModel(m_model);
    m_ui->itemsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_ui->itemsView->setColumnWidth(BatchItemsModel::Line, 60);
    m_ui->itemsView->setColumnWidth(BatchItemsModel::JobKey, 150);
    m_ui->itemsView->setColumnWidth(BatchItemsModel::State, 70);
    m_ui->itemsView->setColumnWidth(BatchItemsModel::Outcome, 110);
    m_ui->itemsView->setColumnWidth(BatchItemsModel::HttpStatus, 50);
    m_ui->itemsView->setColumnWidth(BatchItemsModel::Detail, 240);
    // Uniform rows: the view never asks every row for its height (100,000 rows stay cheap).
    m_ui->itemsView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->itemsView->verticalHeader()->setDefaultSectionSize(
        m_ui->itemsView->fontMetrics().height() + 6);
    m_ui->planTable->setColumnCount(2);
    m_ui->planTable->setHorizontalHeaderLabels({tr("Class"), tr("Jobs")});
    m_ui->failedItemsTable->setColumnCount(3);
    m_ui->failedItemsTable->setHorizontalHeaderLabels(
        {tr("Incident"), tr("Process instance"), tr("Error (as the server says)")});
    m_ui->jobsSplitter->setStretchFactor(0, 2);
    m_ui->jobsSplitter->setStretchFactor(1, 3);
    m_ui->denyReasonLineEdit->setEnabled(false);
    m_ui->payloadMessageLabel->hide();
    m_ui->previewTable->verticalHeader()->hide();
    // Return in a field (the file name, a filter) must not press a button of the view.
    for (QPushButton *button : findChildren<QPushButton *>())
        button->setAutoDefault(false);

    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->sourceComboBox, qOverload<int>(&QComboBox::currentIndexChanged), this,
        [this](int index) {
            m_ui->inputStack->setCurrentIndex(index == 0 ? 0 : (index == 3 ? 2 : 1));
            m_ui->keyColumnComboBox->setEnabled(index == 1);
            m_ui->previewTable->setVisible(index == 1);
            m_ui->previewLabel->setVisible(index == 1);
            if (index == 1 || index == 2)
                readFile();
            if (index == 3) {
                QString error;
                const FindJobsDialog *find = m_window->findJobsDialog();
                const auto search = find ? find->searchRequest(&error) : std::nullopt;
                m_ui->searchLabel->setText(search
                        ? tr("Every job the Find jobs filter finds, read page by page:\n%1")
                              .arg(QString::fromUtf8(search->filter.json(SearchTarget::Jobs)))
                        : tr("Set a filter in Find jobs first (Ctrl+Shift+J)."));
            }
        });
    connect(m_ui->keysEdit, &QPlainTextEdit::textChanged, this, &BatchDialog::updateKeysCount);
    connect(m_ui->browsePushButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Batch input"), QString(),
            tr("Tables and JSON Lines (*.csv *.tsv *.txt *.jsonl *.ndjson);;All files (*)"));
        if (!path.isEmpty())
            setInputFile(path);
    });
    connect(m_ui->fileLineEdit, &QLineEdit::editingFinished, this, &BatchDialog::readFile);
    connect(m_ui->keyColumnComboBox, qOverload<int>(&QComboBox::activated), this,
        [this](int) { updatePreview(); });
    connect(m_ui->findJobsPushButton, &QPushButton::clicked, m_window, &MainWindow::findJobs);
    connect(m_ui->useFormPushButton, &QPushButton::clicked, this, &BatchDialog::useFormPayload);
    connect(m_ui->templateComboBox, qOverload<int>(&QComboBox::activated), this,
        &BatchDialog::applyTemplate);
    connect(
        m_ui->denyCheckBox, &QCheckBox::toggled, m_ui->denyReasonLineEdit, &QWidget::setEnabled);
    connect(
        m_ui->variablesEdit, &QPlainTextEdit::textChanged, this, &BatchDialog::updatePayloadState);
    connect(
        m_ui->correctionsLineEdit, &QLineEdit::textChanged, this, &BatchDialog::updatePayloadState);
    connect(m_ui->denyCheckBox, &QCheckBox::toggled, this, &BatchDialog::updatePayloadState);
    connect(m_ui->planPushButton, &QPushButton::clicked, this, &BatchDialog::plan);
    connect(m_ui->startPushButton, &QPushButton::clicked, this, &BatchDialog::start);
    connect(m_ui->pausePushButton, &QPushButton::clicked, this, &BatchDialog::pause);
    connect(m_ui->resumePushButton, &QPushButton::clicked, this, &BatchDialog::resume);
    connect(m_ui->cancelPushButton, &QPushButton::clicked, this, &BatchDialog::cancelBatch);
    connect(m_ui->exportPushButton, &QPushButton::clicked, this, [this] { exportReport(); });
    connect(m_ui->itemsView, &QAbstractItemView::doubleClicked, this, &BatchDialog::openItemInLog);

    m_drawTimer.setInterval(kRefreshMs);
    connect(&m_drawTimer, &QTimer::timeout, this, &BatchDialog::drawProgress);

    m_ui->templateComboBox->addItem(tr("Template…"));
    if (const TemplatesPanel *panel = m_window->templatesPanel(); panel && panel->store()) {
        for (const Template &t : panel->store()->templates())
            m_ui->templateComboBox->addItem(t.name);
    }
    m_ui->templateComboBox->setEnabled(m_ui->templateComboBox->count() > 1);
    m_ui->previewTable->hide();
    m_ui->previewLabel->hide();
    updateKeysCount();
    setupServerTab();
    updateRunButtons();
    MainWindow::enableClearButtons(this);
}

BatchDialog::~BatchDialog()
{
    // The runner and planner write to the journal: they go first.
    m_runner.reset();
    m_planner.reset();
}

BatchJournal *BatchDialog::journal()
{
    HistoryStore *store = m_window->history();
    if (!store || !store->isOpen())
        return nullptr;
    if (!m_journal)
        m_journal = std::make_unique<BatchJournal>(*store);
    return m_journal.get();
}

HistoryTarget BatchDialog::historyTarget() const
{
    HistoryTarget target;
    HistoryStore *store = m_window->history();
    target.store = store && store->isOpen() ? store : nullptr;
    target.source = HistorySource::Window;
    target.connection = m_window->connection().displayName();
    target.production = m_window->connection().isProduction();
    return target;
}

// -- input

void BatchDialog::setKeysText(const QString &text)
{
    setSource(Source::Keys);
    m_ui->tabWidget->setCurrentWidget(m_ui->jobsTab);
    m_ui->keysEdit->setPlainText(text);
}

void BatchDialog::setInputFile(const QString &path)
{
    m_ui->fileLineEdit->setText(path);
    const bool jsonLines = path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)
        || path.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive);
    setSource(jsonLines ? Source::JsonLines : Source::File);
    readFile();
}

void BatchDialog::setSource(Source source)
{
    m_ui->sourceComboBox->setCurrentIndex(int(source));
}

void BatchDialog::setVariablesText(const QString &text)
{
    m_ui->variablesEdit->setPlainText(text);
}

void BatchDialog::updateKeysCount()
{
    const QByteArray text = m_ui->keysEdit->toPlainText().toUtf8();
    BatchInputReader reader(BatchInputFormat::Keys, text);
    qint64 keys = 0;
    qint64 bad = 0;
    QString firstError;
    BatchRow row;
    BatchInputError error;
    for (;;) {
        const auto status = reader.next(&row, &error);
        if (status == BatchInputReader::Status::End)
            break;
        if (status == BatchInputReader::Status::Row) {
            ++keys;
        } else {
            if (bad++ == 0)
                firstError = tr("line %1: %2").arg(error.line).arg(error.message);
        }
    }
    QString text2 = tr("%Ln key(s)", nullptr, int(keys));
    if (bad)
        text2 += QStringLiteral(" — ")
            + tr("%Ln bad row(s), first: %1", nullptr, int(bad)).arg(firstError);
    m_ui->keysCountLabel->setText(text2);
}

std::optional<BatchInputFormat> BatchDialog::inputFormat() const
{
    switch (m_ui->sourceComboBox->currentIndex()) {
    case 0:
        return BatchInputFormat::Keys;
    case 1:
        return BatchInputReader::guessFormat(m_ui->fileLineEdit->text(), m_fileText)
                == BatchInputFormat::Tsv
            ? BatchInputFormat::Tsv
            : BatchInputFormat::Csv;
    case 2:
        return BatchInputFormat::JsonLines;
    default:
        return std::nullopt;
    }
}

void BatchDialog::readFile()
{
    m_fileText.clear();
    m_ui->keyColumnComboBox->clear();
    m_ui->previewTable->clear();
    m_ui->previewTable->setRowCount(0);
    const QString path = m_ui->fileLineEdit->text().trimmed();
    if (path.isEmpty())
        return;
    QFile file(path);
    if (file.size() > kMaxFileBytes || !file.open(QIODevice::ReadOnly)) {
        m_ui->planLabel->setText(file.size() > kMaxFileBytes
                ? tr("%1 is too large for the window; use jobdesk-cli batch.").arg(path)
                : tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    m_fileText = file.readAll();
    if (m_ui->sourceComboBox->currentIndex() != 1)
        return;
    BatchInputReader reader(*inputFormat(), m_fileText);
    BatchRow row;
    BatchInputError error;
    (void)reader.next(&row, &error); // reads the header
    for (const BatchColumn &column : reader.columns())
        m_ui->keyColumnComboBox->addItem(column.name);
    for (int i = 0; i < reader.columns().size(); ++i) {
        if (reader.columns().at(i).role == BatchColumnRole::Key)
            m_ui->keyColumnComboBox->setCurrentIndex(i);
    }
    updatePreview();
}

void BatchDialog::updatePreview()
{
    if (m_fileText.isEmpty() || !inputFormat())
        return;
    BatchTableOptions options;
    options.keyColumn = m_ui->keyColumnComboBox->currentText();
    BatchInputReader reader(*inputFormat(), m_fileText, options);
    QList<BatchRow> rows;
    QList<BatchInputError> errors;
    for (int n = 0; n < kPreviewRows;) {
        BatchRow row;
        BatchInputError error;
        const auto status = reader.next(&row, &error);
        if (status == BatchInputReader::Status::End)
            break;
        if (status == BatchInputReader::Status::Row) {
            rows.append(row);
            ++n;
        } else {
            errors.append(error);
            if (errors.size() > kPreviewRows)
                break;
        }
    }
    // Columns: the key, then what each row sends as variables (the types as inferred).
    m_ui->previewTable->clear();
    m_ui->previewTable->setColumnCount(3);
    m_ui->previewTable->setHorizontalHeaderLabels(
        {tr("Line"), tr("Job key (text)"), tr("Variables as sent")});
    m_ui->previewTable->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const BatchRow &row = rows.at(r);
        m_ui->previewTable->setItem(r, 0, new QTableWidgetItem(QString::number(row.textLine)));
        m_ui->previewTable->setItem(r, 1, new QTableWidgetItem(row.key.toString()));
        m_ui->previewTable->setItem(r, 2,
            new QTableWidgetItem(
                row.variables.isEmpty() ? tr("(none)") : QString::fromUtf8(row.variables)));
    }
    m_ui->previewTable->resizeColumnsToContents();
    QString text = reader.headerError();
    for (const BatchInputError &e : errors)
        text += (text.isEmpty() ? QString() : QStringLiteral("\n"))
            + tr("line %1: %2").arg(e.line).arg(e.message);
    m_ui->planLabel->setText(text);
}

QString BatchDialog::inputSummary() const
{
    switch (m_ui->sourceComboBox->currentIndex()) {
    case 0:
        return tr("pasted keys");
    case 3:
        return tr("job search");
    default:
        return QFileInfo(m_ui->fileLineEdit->text()).fileName();
    }
}

// -- payload

void BatchDialog::useFormPayload()
{
    const Draft draft = m_window->form()->draft();
    m_ui->variablesEdit->setPlainText(draft.variables);
    m_ui->denyCheckBox->setChecked(draft.denied);
    m_ui->denyReasonLineEdit->setText(draft.deniedReason);
}

void BatchDialog::applyTemplate(int index)
{
    const TemplatesPanel *panel = m_window->templatesPanel();
    if (index <= 0 || !panel || !panel->store())
        return;
    const QString name = m_ui->templateComboBox->itemText(index);
    for (const Template &t : panel->store()->templates()) {
        if (t.name != name)
            continue;
        m_ui->variablesEdit->setPlainText(t.variables);
        m_ui->denyCheckBox->setChecked(t.denied);
        m_ui->denyReasonLineEdit->setText(t.deniedReason);
    }
    m_ui->templateComboBox->setCurrentIndex(0);
}

std::optional<QByteArray> BatchDialog::payloadBody(QString *error) const
{
    const QString variables = m_ui->variablesEdit->toPlainText().trimmed();
    const QString corrections = m_ui->correctionsLineEdit->text().trimmed();
    const bool denied = m_ui->denyCheckBox->isChecked();
    const QString reason = denied ? m_ui->denyReasonLineEdit->text() : QString();
    QByteArray body = "{";
    if (!variables.isEmpty())
        body += "\"variables\":" + variables.toUtf8();
    if (denied || !corrections.isEmpty()) {
        if (body.size() > 1)
            body += ',';
        body += "\"result\":{\"type\":\"userTask\"";
        if (denied)
            body += ",\"denied\":true";
        if (!reason.isEmpty())
            body += ",\"deniedReason\":" + Json::quoteUtf8(reason);
        if (!corrections.isEmpty())
            body += ",\"corrections\":" + corrections.toUtf8();
        body += '}';
    }
    body += '}';
    // The body is checked as a completion body is (the form's rules), then by the batch's own.
    // Checked for some job: the key does not matter to the body's rules.
    static const JobKey anyJob = *JobKey::parse(u"2251799813685249").key;
    const CompletionRequest::ParseResult parsed = CompletionRequest::fromBody(body, anyJob);
    if (!parsed.request) {
        *error = parsed.error;
        return std::nullopt;
    }
    if (const QString invalid = parsed.request->validationError(); !invalid.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    if (!BatchPayload::fromBody(body, error))
        return std::nullopt;
    return body;
}

void BatchDialog::updatePayloadState()
{
    QString error;
    const bool ok = payloadBody(&error).has_value();
    m_ui->payloadMessageLabel->setText(ok ? QString() : error);
    m_ui->payloadMessageLabel->setVisible(!ok);
}

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
}

void BatchDialog::onPlanned(bool ok, const QString &error)
{
    m_planning = false;
    const BatchPlanSummary &summary = m_planner->summary();
    QString text;
    if (!ok) {
        text = tr("Not planned: %1").arg(error);
        if (m_ui->lookUpCheckBox->isChecked() && error.contains(QLatin1String("look")))
            text += QStringLiteral("\n")
                + tr("Plan again when the cluster is less busy, or without looking the jobs up "
                     "(every row is sent; the server's answer says what each job was).");
        for (const BatchInputError &e : summary.errors.mid(0, 20))
            text += QStringLiteral("\n") + tr("line %1: %2").arg(e.line).arg(e.message);
        if (summary.errorCount > 20)
            text += QStringLiteral("\n")
                + tr("… and %Ln more bad row(s)", nullptr, int(summary.errorCount - 20));
        m_batchId = 0;
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
    if (m_runner && m_runner->state() != BatchRunner::State::Finished) {
        text += QStringLiteral("\n")
            + tr("%1 in flight, %2 waiting · %3/s · about %4 left · concurrency %5")
                  .arg(number(p.inFlight), number(p.remaining))
                  .arg(p.ratePerSecond, 0, 'f', 0)
                  .arg(duration(p.etaMs))
                  .arg(p.concurrency);
    }
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
    if (m_runner)
        m_progress = m_runner->progress();
    m_progressDirty = true;
    drawProgress();
    QString why;
    switch (reason) {
    case BatchRunner::EndReason::Completed:
        why = tr("Finished.");
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
