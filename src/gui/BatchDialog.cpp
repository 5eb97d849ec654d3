// SPDX-License-Identifier: GPL-3.0-or-later
// The batch view and its Complete jobs tab's input and payload (the plan and the run:
// BatchDialogRun.cpp; the Resolve incidents tab: BatchDialogServer.cpp).
#include "gui/BatchDialog.h"

#include "core/batch/BatchLease.h"
#include "core/batch/BatchPlan.h"
#include "core/camunda/CompletionRequest.h"
#include "core/history/BatchJournal.h"
#include "core/history/HistoryStore.h"
#include "core/json/Json.h"
#include "core/templates/DraftStore.h"
#include "core/templates/TemplateStore.h"
#include "gui/BatchItemsModel.h"
#include "gui/FindJobsDialog.h"
#include "gui/JobForm.h"
#include "gui/MainWindow.h"
#include "gui/TemplatesPanel.h"
#include "ui_BatchDialog.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QPushButton>
#include <QResizeEvent>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>

namespace JobDesk {

namespace {

/// Rows shown in the CSV/TSV preview.
constexpr int kPreviewRows = 8;
/// Files larger than this are not read into the view (the CLI streams them).
constexpr qint64 kMaxFileBytes = 256LL * 1024 * 1024;

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
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("batchScrollArea"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    delete m_ui->mainLayout->replaceWidget(m_ui->tabWidget, m_scroll);
    m_scroll->setWidget(m_ui->tabWidget);
    m_scroll->viewport()->installEventFilter(this);
    // As large as the screen comfortably allows (a window frame around it): the plan and the
    // run side by side on a laptop's 1280×800, one above the other where that is too narrow.
    if (const QScreen *screen = window->screen()) {
        const QSize available = screen->availableGeometry().size();
        resize(QSize(std::min(1200, available.width() * 9 / 10),
            std::min(760, available.height() * 9 / 10)));
    }
    m_ui->itemsView->setModel(m_model);
    m_ui->countsLabel->setToolTip(
        tr("Sent again: requests the server answered with back-pressure (503, 429), or that a "
           "look-up after an error found not applied, sent once more"));
    // The short columns keep their width, the detail takes what is left (elided, its tool tip
    // has it all): the table fits the view instead of scrolling sideways.
    QHeaderView *header = m_ui->itemsView->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(BatchItemsModel::Detail, QHeaderView::Stretch);
    // Wide enough for their values and for their own header, which is never cut.
    const int digit = m_ui->itemsView->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    const auto fit = [this, header, digit](int column, int digits) {
        m_ui->itemsView->setColumnWidth(
            column, std::max(digits * digit, header->sectionSizeHint(column)));
    };
    fit(BatchItemsModel::Line, 6);
    fit(BatchItemsModel::JobKey, 18);
    fit(BatchItemsModel::State, 8);
    fit(BatchItemsModel::Outcome, 11);
    fit(BatchItemsModel::HttpStatus, 4);
    fit(BatchItemsModel::Attempts, 3);
    // One above the other (a narrow or 200 % screen) the view scrolls down; the editors and the
    // items keep a useful height instead of shrinking to a line.
    const int line = fontMetrics().lineSpacing();
    m_ui->keysEdit->setMinimumHeight(5 * line + 12);
    m_ui->variablesEdit->setMinimumHeight(4 * line + 12);
    m_ui->itemsView->setMinimumHeight(
        7 * (m_ui->itemsView->fontMetrics().height() + 6) + line + 12);
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
    // The runner and planner write to the journal: they go first, the lease after them.
    m_runner.reset();
    m_planner.reset();
    m_lease.reset();
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

bool BatchDialog::takeLease(qint64 batchId)
{
    HistoryStore *store = m_window->history();
    if (!store || !store->isOpen())
        return false;
    if (m_lease && m_lease->batchId() == batchId && m_lease->isHeld())
        return true;
    m_lease = std::make_unique<BatchLease>(store->path(), batchId);
    if (m_lease->acquire())
        return true;
    const auto holder = m_lease->holder();
    m_ui->countsLabel->setText(holder
            ? tr("Batch %1 is being run by another JobDesk program (process %2, %3). Nothing "
                 "was sent; resume it here once that program has ended.")
                  .arg(batchId)
                  .arg(holder->pid)
                  .arg(holder->appName)
            : tr("Batch %1 cannot be taken for this window: %2")
                  .arg(batchId)
                  .arg(m_lease->error()));
    m_lease.reset();
    return false;
}

bool BatchDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        arrangeForWidth(static_cast<QResizeEvent *>(event)->size().width());
    return QDialog::eventFilter(watched, event);
}

void BatchDialog::arrangeForWidth(int width)
{
    // What the tab page around the splitter takes: its margins and the tab widget's frame.
    const QMargins margins = m_ui->jobsLayout->contentsMargins();
    const int chrome = margins.left() + margins.right()
        + 2 * style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, m_ui->tabWidget) + 4;
    const int sideBySide = m_ui->setupWidget->minimumSizeHint().width()
        + m_ui->runWidget->minimumSizeHint().width() + m_ui->jobsSplitter->handleWidth() + chrome;
    const Qt::Orientation wanted = width >= sideBySide ? Qt::Horizontal : Qt::Vertical;
    if (m_ui->jobsSplitter->orientation() != wanted)
        m_ui->jobsSplitter->setOrientation(wanted);
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

} // namespace JobDesk
