// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/JobForm.h"

#include "core/batch/BatchInput.h"
#include "core/camunda/JobKey.h"
#include "core/camunda/RequestText.h"
#include "core/json/Json.h"
#include "core/templates/DraftStore.h"
#include "gui/JsonEditor.h"
#include "ui_JobForm.h"

#include <QThreadPool>
#include <QTimer>

namespace JobDesk {

namespace {

enum Severity { Hint = 0, Warning = 1, Error = 2 };

/// What a pasted key usually carries around it: spaces (also inside, from formatted numbers),
/// line breaks, quotes and a trailing comma from JSON.
QString cleanPastedKey(const QString &text)
{
    QString cleaned;
    cleaned.reserve(text.size());
    for (const QChar c : text) {
        if (c.isSpace() || c == u'"' || c == u'\'' || c == u'`')
            continue;
        cleaned.append(c);
    }
    while (cleaned.endsWith(u',') || cleaned.endsWith(u';'))
        cleaned.chop(1);
    return cleaned;
}

/// How many job keys `text` holds when it is several of them in any shape (lines, commas,
/// spaces, quotes, a spreadsheet column), or 0. Every token must be a key that points to a
/// partition (≥ 2^51): "2251 7998 1368 5249" is one key typed in groups, not four keys.
qint64 severalKeys(const QString &text)
{
    BatchInputReader reader(BatchInputFormat::Keys, text.toUtf8());
    qint64 keys = 0;
    BatchRow row;
    BatchInputError error;
    for (;;) {
        const auto status = reader.next(&row, &error);
        if (status == BatchInputReader::Status::End)
            break;
        if (status == BatchInputReader::Status::Error || row.key.partitionId() < 1)
            return 0;
        ++keys;
    }
    return keys >= 2 ? keys : 0;
}

JsonEditor::Marker markerOf(const VariablesDocument::Problem &problem)
{
    return {
        problem.position.line, problem.position.column, problem.position.offset, problem.message};
}

} // namespace

JobForm::JobForm(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::JobForm>())
    , m_validationTimer(new QTimer(this))
    , m_validationPool(std::make_unique<QThreadPool>())
{
    m_validationPool->setMaxThreadCount(1);
    m_ui->setupUi(this);
    m_ui->formatToolButton->setIcon(QIcon(QStringLiteral(":/icons/format.svg")));
    m_ui->compactToolButton->setIcon(QIcon(QStringLiteral(":/icons/compact.svg")));
    m_ui->sendPushButton->setIcon(QIcon(QStringLiteral(":/icons/send.svg")));
    m_ui->cancelPushButton->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    m_ui->copyCurlPushButton->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    m_ui->previewPushButton->setIcon(QIcon(QStringLiteral(":/icons/preview.svg")));
    m_ui->variablesMessageLabel->setTextFormat(Qt::RichText);
    m_ui->variablesMessageLabel->hide();
    m_ui->variablesEditor->setMinimumHeight(120);

    m_validationTimer->setObjectName(QStringLiteral("variablesValidationTimer"));
    m_validationTimer->setSingleShot(true);
    m_validationTimer->setInterval(kValidationDelayMs);
    connect(m_validationTimer, &QTimer::timeout, this, &JobForm::validateVariables);

    connect(m_ui->jobKeyLineEdit, &QLineEdit::textEdited, this, &JobForm::onJobKeyEdited);
    connect(m_ui->jobKeyLineEdit, &QLineEdit::textChanged, this, [this] {
        validateJobKey();
        emit changed();
    });
    connect(m_ui->variablesEditor, &QPlainTextEdit::textChanged, this, [this] {
        ++m_textGeneration;
        m_validationTimer->start();
        emit changed();
    });
    connect(m_ui->variablesMessageLabel, &QLabel::linkActivated, this,
        [this] { m_ui->variablesEditor->goToError(); });
    connect(m_ui->resultPanel, &ResultPanel::changed, this, [this] {
        updateSendState();
        emit changed();
    });
    for (QLineEdit *edit : {m_ui->leaseTokenLineEdit, m_ui->businessIdLineEdit}) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            updateJobExtras();
            updateSendState();
            emit changed();
        });
    }
    m_ui->jobExtrasMessageLabel->hide();
    updateJobExtras();
    connect(m_ui->formatToolButton, &QToolButton::clicked, this, &JobForm::formatVariables);
    connect(m_ui->compactToolButton, &QToolButton::clicked, this, &JobForm::compactVariables);
    connect(m_ui->sendPushButton, &QPushButton::clicked, this, &JobForm::sendRequested);
    connect(m_ui->cancelPushButton, &QPushButton::clicked, this, &JobForm::cancelRequested);
    connect(m_ui->copyCurlPushButton, &QPushButton::clicked, this, &JobForm::copyCurlRequested);
    connect(m_ui->previewPushButton, &QPushButton::clicked, this, &JobForm::previewRequested);
    // Return in the key field looks the job up; sending is Ctrl+Return or the button.
    connect(m_ui->jobKeyLineEdit, &QLineEdit::returnPressed, this, &JobForm::lookUpRequested);

    // Keyboard order: what a person fills in, then the actions, then the editor's tools.
    setTabOrder(m_ui->jobKeyLineEdit, m_ui->variablesEditor);
    setTabOrder(m_ui->variablesEditor, m_ui->resultPanel);
    QWidget *last = m_ui->resultPanel;
    const QList<QWidget *> panelChain = m_ui->resultPanel->findChildren<QWidget *>();
    for (QWidget *child : panelChain) {
        // Not the combo box's popup: it is a window of its own.
        if ((child->focusPolicy() & Qt::TabFocus)
            && child->window() == m_ui->resultPanel->window()) {
            setTabOrder(last, child);
            last = child;
        }
    }
    for (QWidget *next : {static_cast<QWidget *>(m_ui->leaseTokenLineEdit),
             static_cast<QWidget *>(m_ui->businessIdLineEdit),
             static_cast<QWidget *>(m_ui->sendPushButton),
             static_cast<QWidget *>(m_ui->cancelPushButton),
             static_cast<QWidget *>(m_ui->previewPushButton),
             static_cast<QWidget *>(m_ui->copyCurlPushButton),
             static_cast<QWidget *>(m_ui->formatToolButton),
             static_cast<QWidget *>(m_ui->compactToolButton)}) {
        setTabOrder(last, next);
        last = next;
    }

    validateJobKey();
    validateVariables();
}

JobForm::~JobForm()
{
    m_validationPool->waitForDone(); // its result is posted to this form: nobody to take it
}

JsonEditor *JobForm::variablesEditor() const
{
    return m_ui->variablesEditor;
}

void JobForm::setMessage(QLabel *label, const QString &text, int severity)
{
    QPalette pal = palette();
    if (severity == Error)
        pal.setColor(QPalette::WindowText, QColor(0xd6, 0x3b, 0x3b));
    else if (severity == Warning)
        pal.setColor(QPalette::WindowText, QColor(0xc0, 0x7a, 0x00));
    else
        pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    label->setPalette(pal);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void JobForm::onJobKeyEdited(const QString &text)
{
    if (const qint64 keys = severalKeys(text)) {
        // Several keys glued together are no key: the field keeps what it had, and the window
        // offers a batch of them instead.
        m_ui->jobKeyLineEdit->undo();
        emit severalKeysPasted(text, keys);
        return;
    }
    const QString cleaned = cleanPastedKey(text);
    if (cleaned != text) {
        // Paste of "2251 7998 1368 5249", "\"2251799813685249\",\n" and the like.
        m_ui->jobKeyLineEdit->setText(cleaned);
        m_ui->jobKeyLineEdit->setCursorPosition(int(cleaned.size()));
    }
}

void JobForm::validateJobKey()
{
    const QString text = m_ui->jobKeyLineEdit->text();
    const std::optional<JobKey> valid = JobKey::parse(text).key;
    if (valid && valid->toString() != m_lastValidKey) {
        // Deny, reason and corrections were prepared for another job: they never go out
        // silently to this one.
        if (!m_lastValidKey.isEmpty()) {
            m_ui->resultPanel->clear();
            // A lease token and a business id belong to one job too.
            m_ui->leaseTokenLineEdit->clear();
            m_ui->businessIdLineEdit->clear();
            m_leaseSeen = false;
            updateJobExtras();
        }
        m_lastValidKey = valid->toString();
        m_ui->resultPanel->setJob(std::nullopt);
    }
    // The card follows the field: the valid key, or nothing while it is not valid.
    const QString announce = valid ? valid->toString() : QString();
    if (announce != m_announcedKey) {
        m_announcedKey = announce;
        emit jobKeyChanged(announce);
    }
    if (text.trimmed().isEmpty()) {
        m_keyValid = false;
        setMessage(m_ui->jobKeyMessageLabel,
            tr("Paste the key of the job to complete (from Operate, a log or the "
               "incident)."),
            Hint);
    } else {
        const JobKey::ParseResult parsed = JobKey::parse(text);
        m_keyValid = parsed.key.has_value();
        if (!m_keyValid)
            setMessage(m_ui->jobKeyMessageLabel, parsed.error, Error);
        else
            setMessage(m_ui->jobKeyMessageLabel, parsed.key->partitionHint(),
                parsed.key->partitionId() == 0 ? Warning : Hint);
    }
    m_ui->jobKeyLineEdit->setProperty("invalid", !m_keyValid && !text.trimmed().isEmpty());
    updateSendState();
}

void JobForm::validateNow()
{
    // Pending (debounce or a background parse of this very text): parse here and now, the
    // background result is dropped when it arrives.
    if (m_validationTimer->isActive() || m_validatedGeneration != m_textGeneration) {
        m_validationTimer->stop();
        applyVariables(VariablesDocument::fromText(m_ui->variablesEditor->text()));
    }
}

void JobForm::validateVariables()
{
    const QString text = m_ui->variablesEditor->text();
    if (text.size() < kBackgroundValidationChars) {
        applyVariables(VariablesDocument::fromText(text));
        return;
    }
    const quint64 generation = m_textGeneration;
    m_backgroundGeneration = generation;
    // The form outlives the task (~JobForm waits for the pool); the queued call is dropped if
    // the form is destroyed before it is delivered.
    m_validationPool->start([this, generation, text] {
        VariablesDocument document = VariablesDocument::fromText(text);
        QMetaObject::invokeMethod(
            this,
            [this, generation, document = std::move(document)]() mutable {
                onBackgroundValidated(generation, std::move(document));
            },
            Qt::QueuedConnection);
    });
}

void JobForm::onBackgroundValidated(quint64 generation, VariablesDocument document)
{
    if (generation == m_backgroundGeneration)
        m_backgroundGeneration = 0;
    // Edited since (a newer validation is due) or already validated by validateNow(): stale.
    if (generation != m_textGeneration || m_validatedGeneration == generation)
        return;
    applyVariables(std::move(document));
}

void JobForm::applyVariables(VariablesDocument document)
{
    m_variables = std::move(document);
    m_validatedGeneration = m_textGeneration;

    std::optional<JsonEditor::Marker> error;
    if (m_variables.error())
        error = markerOf(*m_variables.error());
    QList<JsonEditor::Marker> duplicates;
    for (const VariablesDocument::Problem &problem : m_variables.duplicateKeys())
        duplicates.append(markerOf(problem));
    m_ui->variablesEditor->setProblems(error, duplicates);

    if (!m_variables.isValid()) {
        const VariablesDocument::Problem &first
            = m_variables.error() ? *m_variables.error() : m_variables.duplicateKeys().constFirst();
        QString more;
        if (!m_variables.error() && m_variables.duplicateKeys().size() > 1)
            more = tr(" (and %n more duplicate keys)", nullptr,
                int(m_variables.duplicateKeys().size() - 1));
        const QString where
            = tr("line %1, column %2").arg(first.position.line).arg(first.position.column);
        const QString html = QStringLiteral("<a href=\"#error\">%1</a>: %2%3")
                                 .arg(where, first.message.toHtmlEscaped(), more.toHtmlEscaped());
        setMessage(m_ui->variablesMessageLabel, html, Error);
    } else if (m_variables.exceedsDefaultMaximum()) {
        setMessage(m_ui->variablesMessageLabel,
            tr("The variables are larger than 4 MiB, Camunda's default maximum message "
               "size: the server will probably refuse them.")
                .toHtmlEscaped(),
            Warning);
    } else {
        setMessage(m_ui->variablesMessageLabel, QString(), Hint);
    }

    const QString size = m_variables.isBlank()
        ? tr("no variables")
        : tr("%1, %n top-level key(s)", nullptr, m_variables.topLevelCount())
              .arg(VariablesDocument::formatSize(m_variables.sizeBytes()));
    m_ui->sizeLabel->setText(
        m_variables.exceedsDefaultMaximum() ? tr("%1 — over 4 MiB").arg(size) : size);
    QPalette pal = palette();
    if (m_variables.exceedsDefaultMaximum())
        pal.setColor(QPalette::WindowText, QColor(0xc0, 0x7a, 0x00));
    else
        pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    m_ui->sizeLabel->setPalette(pal);
    updateSendState();
    emit variablesValidated();
}

bool JobForm::canSend() const
{
    return !m_busy && m_keyValid && m_variables.isValid()
        && m_ui->resultPanel->validationError().isEmpty() && jobExtrasError().isEmpty();
}

QString JobForm::jobExtrasError() const
{
    // Both are sent trimmed; only spaces is "none".
    return RequestText::businessIdError(m_ui->businessIdLineEdit->text().trimmed());
}

void JobForm::setServerVersion(const CamundaVersion &version)
{
    m_server = version;
    updateJobExtras();
}

void JobForm::showLeaseToken()
{
    m_leaseSeen = true;
    updateJobExtras();
}

bool JobForm::isLeaseTokenShown() const
{
    return !m_ui->leaseTokenLineEdit->isHidden();
}

bool JobForm::isBusinessIdShown() const
{
    return !m_ui->businessIdLineEdit->isHidden();
}

void JobForm::updateJobExtras()
{
    // Shown where they can be sent: from 8.10 on (an unknown version shows them only when
    // they hold text, e.g. from a draft), the lease token also for a job that turned out leased.
    const bool v810 = m_server.isAtLeast(8, 10);
    const bool lease = v810 || m_leaseSeen || !m_ui->leaseTokenLineEdit->text().isEmpty();
    const bool business = v810 || !m_ui->businessIdLineEdit->text().isEmpty();
    m_ui->leaseTokenLabel->setVisible(lease);
    m_ui->leaseTokenLineEdit->setVisible(lease);
    m_ui->businessIdLabel->setVisible(business);
    m_ui->businessIdLineEdit->setVisible(business);
    const QString error = jobExtrasError();
    setMessage(m_ui->jobExtrasMessageLabel, error, Error);
}

void JobForm::updateSendState()
{
    const bool valid = canSend();
    m_ui->sendPushButton->setEnabled(valid);
    m_ui->copyCurlPushButton->setEnabled(valid);
    m_ui->previewPushButton->setEnabled(valid);
    m_ui->cancelPushButton->setEnabled(m_busy);
    QString why;
    if (!m_keyValid)
        why = tr("Enter a valid job key first.");
    else if (!m_variables.isValid())
        why = tr("Fix the variables first.");
    else if (!m_ui->resultPanel->validationError().isEmpty())
        why = tr("Fix the result first.");
    else if (!jobExtrasError().isEmpty())
        why = tr("Fix the lease token or business id first.");
    else if (m_busy)
        why = tr("A request is in flight.");
    m_ui->sendPushButton->setToolTip(why.isEmpty()
            ? tr("Complete the job (Ctrl+Return)")
            : tr("Complete the job (Ctrl+Return). %1").arg(why));
}

void JobForm::setBusy(bool inFlight)
{
    m_busy = inFlight;
    m_ui->jobKeyLineEdit->setReadOnly(inFlight);
    m_ui->variablesEditor->setReadOnly(inFlight);
    m_ui->resultPanel->setEnabled(!inFlight);
    m_ui->leaseTokenLineEdit->setReadOnly(inFlight);
    m_ui->businessIdLineEdit->setReadOnly(inFlight);
    updateSendState();
}

std::optional<CompletionRequest> JobForm::request(QString *why)
{
    validateNow();
    auto fail = [why](const QString &message) -> std::optional<CompletionRequest> {
        if (why)
            *why = message;
        return std::nullopt;
    };
    const JobKey::ParseResult parsed = JobKey::parse(m_ui->jobKeyLineEdit->text());
    if (!parsed.key)
        return fail(parsed.error.isEmpty() ? tr("Enter a job key.") : parsed.error);
    if (!m_variables.isValid())
        return fail(m_variables.errorMessage());
    const QString resultError = m_ui->resultPanel->validationError();
    if (!resultError.isEmpty())
        return fail(resultError);
    if (const QString extrasError = jobExtrasError(); !extrasError.isEmpty())
        return fail(extrasError);
    CompletionRequest request;
    request.jobKey = *parsed.key;
    request.variables = m_variables;
    request.result = m_ui->resultPanel->result();
    request.leaseToken = m_ui->leaseTokenLineEdit->text().trimmed();
    request.businessId = m_ui->businessIdLineEdit->text().trimmed();
    const QString error = request.validationError();
    if (!error.isEmpty())
        return fail(error);
    return request;
}

Draft JobForm::draft() const
{
    Draft draft;
    draft.jobKey = m_ui->jobKeyLineEdit->text();
    draft.variables = m_ui->variablesEditor->text();
    m_ui->resultPanel->writeDraft(draft);
    draft.leaseToken = m_ui->leaseTokenLineEdit->text();
    draft.businessId = m_ui->businessIdLineEdit->text();
    return draft;
}

void JobForm::setDraft(const Draft &draft)
{
    // The draft's result was prepared for the draft's key: restoring both is no key change.
    const JobKey::ParseResult parsed = JobKey::parse(draft.jobKey);
    if (parsed.key)
        m_lastValidKey = parsed.key->toString();
    m_ui->jobKeyLineEdit->setText(draft.jobKey);
    m_ui->variablesEditor->setPlainText(draft.variables);
    m_ui->resultPanel->readDraft(draft);
    m_ui->leaseTokenLineEdit->setText(draft.leaseToken);
    m_ui->businessIdLineEdit->setText(draft.businessId);
    validateNow();
}

bool JobForm::loadRequest(const QString &jobKey, const QByteArray &body)
{
    const CompletionRequest::ParseResult parsed = CompletionRequest::fromBody(body);
    if (!parsed.request)
        return false;
    const QByteArray &sent = parsed.request->variables.utf8();
    // Re-indenting keeps every token (digits, escapes, key order) as sent.
    const QString variables = sent.isEmpty()
        ? QString()
        : Json::formatPretty(QString::fromUtf8(sent)).value_or(QString::fromUtf8(sent));
    m_ui->jobKeyLineEdit->setText(jobKey);
    m_ui->variablesEditor->replaceAllText(variables);
    m_ui->resultPanel->clear();
    if (const auto *userTask = std::get_if<UserTaskResult>(&parsed.request->result))
        m_ui->resultPanel->setResult(*userTask);
    else if (const auto *adHoc = std::get_if<AdHocSubProcessResult>(&parsed.request->result))
        m_ui->resultPanel->setResult(*adHoc);
    m_ui->leaseTokenLineEdit->setText(parsed.request->leaseToken);
    m_ui->businessIdLineEdit->setText(parsed.request->businessId);
    validateNow();
    return true;
}

QString JobForm::jobKeyText() const
{
    return m_ui->jobKeyLineEdit->text().trimmed();
}

void JobForm::setJobKey(const QString &key)
{
    m_ui->jobKeyLineEdit->setText(key);
    m_ui->jobKeyLineEdit->setFocus(Qt::OtherFocusReason);
}

void JobForm::setJob(const std::optional<JobRecord> &job)
{
    m_ui->resultPanel->setJob(job);
}

CompletionShape JobForm::shape() const
{
    return {m_ui->resultPanel->denies(), m_ui->resultPanel->corrects(),
        m_variables.topLevelCount() > 0};
}

void JobForm::focusJobKey()
{
    m_ui->jobKeyLineEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->jobKeyLineEdit->selectAll();
}

void JobForm::formatVariables()
{
    validateNow();
    const QString text = m_ui->variablesEditor->text();
    if (text.trimmed().isEmpty())
        return;
    if (const std::optional<QString> pretty = Json::formatPretty(text)) {
        if (*pretty != text)
            m_ui->variablesEditor->replaceAllText(*pretty);
        validateNow();
    } else {
        m_ui->variablesEditor->goToError();
    }
}

void JobForm::compactVariables()
{
    validateNow();
    const QString text = m_ui->variablesEditor->text();
    if (text.trimmed().isEmpty())
        return;
    if (const std::optional<QString> compact = Json::formatCompact(text)) {
        if (*compact != text)
            m_ui->variablesEditor->replaceAllText(*compact);
        validateNow();
    } else {
        m_ui->variablesEditor->goToError();
    }
}

} // namespace JobDesk
