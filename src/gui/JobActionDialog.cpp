// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/JobActionDialog.h"

#include "core/camunda/JobActions.h"
#include "core/http/JobsClient.h"
#include "gui/RequestPreviewDialog.h"
#include "ui_JobActionDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QPushButton>

namespace JobDesk {

namespace {

JobKey parsedKey(const QString &text, KeyKind kind)
{
    return JobKey::parse(text, kind).key.value_or(JobKey());
}

/// The key field's own error first: "The incident key is missing" says more than the request's.
QString keyError(const QString &text, KeyKind kind)
{
    return JobKey::parse(text, kind).error;
}

} // namespace

JobActionDialog::JobActionDialog(JobAction action, const QString &jobKey,
    const std::optional<JobLookupResult> &lookup, const JobsClient *client, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::JobActionDialog>())
    , m_action(action)
    , m_jobKey(jobKey)
    , m_client(client)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("jobActionDialog"));
    setWindowTitle(actionTitle(action));
    const std::optional<JobRecord> job = lookup ? lookup->job : std::nullopt;
    QString subject = tr("Job %1").arg(jobKey);
    if (job)
        subject += tr(" · %1 · %2 · retries %3")
                       .arg(job->type, job->state,
                           job->retries ? QString::number(*job->retries) : QStringLiteral("-"));
    if (lookup && lookup->incident)
        subject += tr("\nIncident %1 (%2): %3")
                       .arg(lookup->incident->incidentKey, lookup->incident->errorType,
                           lookup->incident->errorMessage);
    m_ui->subjectLabel->setText(subject);

    QWidget *pages[] = {m_ui->updatePage, m_ui->failPage, m_ui->errorPage, m_ui->resolvePage,
        m_ui->resolveInstancePage, m_ui->variablesPage};
    m_ui->pagesStackedWidget->setCurrentWidget(pages[int(action)]);
    // The stack is as tall as its tallest page otherwise.
    for (QWidget *page : pages) {
        if (page != m_ui->pagesStackedWidget->currentWidget())
            page->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    }
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit :
        {m_ui->failVariablesEdit, m_ui->errorVariablesEdit, m_ui->setVariablesEdit})
        edit->setFont(fixed);

    if (lookup && lookup->incident)
        m_ui->incidentKeyLineEdit->setText(lookup->incident->incidentKey);
    if (job) {
        m_ui->processInstanceKeyLineEdit->setText(job->processInstanceKey);
        m_ui->scopeKeyLineEdit->setText(job->elementInstanceKey);
    }
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Send"));
    ok->setObjectName(QStringLiteral("sendActionPushButton"));

    for (QLineEdit *edit : findChildren<QLineEdit *>())
        connect(edit, &QLineEdit::textChanged, this, &JobActionDialog::validate);
    for (QPlainTextEdit *edit : findChildren<QPlainTextEdit *>())
        connect(edit, &QPlainTextEdit::textChanged, this, &JobActionDialog::validate);
    connect(m_ui->previewPushButton, &QPushButton::clicked, this, &JobActionDialog::preview);
    connect(m_ui->copyCurlPushButton, &QPushButton::clicked, this, &JobActionDialog::copyCurl);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (request())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    // Focus in the first field of the page.
    if (QWidget *first = m_ui->pagesStackedWidget->currentWidget()->nextInFocusChain())
        first->setFocus();
}

JobActionDialog::~JobActionDialog() = default;

QString JobActionDialog::actionTitle(JobAction action)
{
    switch (action) {
    case JobAction::Update:
        return tr("Update retries or timeout");
    case JobAction::Fail:
        return tr("Fail job");
    case JobAction::ThrowError:
        return tr("Throw BPMN error");
    case JobAction::ResolveIncident:
        return tr("Resolve incident");
    case JobAction::ResolveInstanceIncidents:
        return tr("Resolve all incidents of the instance");
    case JobAction::SetVariables:
        return tr("Set variables");
    }
    return QString();
}

std::optional<ApiRequest> JobActionDialog::request(QString *error) const
{
    QString why;
    ApiRequest api;
    const JobKey job = parsedKey(m_jobKey, KeyKind::Job);
    switch (m_action) {
    case JobAction::Update: {
        UpdateJobRequest r;
        r.jobKey = job;
        r.retries = m_ui->updateRetriesLineEdit->text();
        r.timeoutMs = m_ui->updateTimeoutLineEdit->text();
        why = r.validationError();
        api = r.toApiRequest();
        break;
    }
    case JobAction::Fail: {
        FailJobRequest r;
        r.jobKey = job;
        r.retries = m_ui->failRetriesLineEdit->text();
        r.errorMessage = m_ui->failMessageLineEdit->text();
        r.retryBackOffMs = m_ui->failBackOffLineEdit->text();
        r.variables = VariablesDocument::fromText(m_ui->failVariablesEdit->toPlainText());
        why = r.validationError();
        api = r.toApiRequest();
        break;
    }
    case JobAction::ThrowError: {
        ThrowErrorRequest r;
        r.jobKey = job;
        r.errorCode = m_ui->errorCodeLineEdit->text();
        r.errorMessage = m_ui->errorMessageLineEdit->text();
        r.variables = VariablesDocument::fromText(m_ui->errorVariablesEdit->toPlainText());
        why = r.validationError();
        api = r.toApiRequest();
        break;
    }
    case JobAction::ResolveIncident: {
        const QString text = m_ui->incidentKeyLineEdit->text();
        ResolveIncidentRequest r;
        r.incidentKey = parsedKey(text, KeyKind::Incident);
        why = r.incidentKey.isValid() ? r.validationError() : keyError(text, KeyKind::Incident);
        api = r.toApiRequest();
        break;
    }
    case JobAction::ResolveInstanceIncidents: {
        const QString text = m_ui->processInstanceKeyLineEdit->text();
        ResolveInstanceIncidentsRequest r;
        r.processInstanceKey = parsedKey(text, KeyKind::ProcessInstance);
        why = r.processInstanceKey.isValid() ? r.validationError()
                                             : keyError(text, KeyKind::ProcessInstance);
        api = r.toApiRequest();
        break;
    }
    case JobAction::SetVariables: {
        const QString text = m_ui->scopeKeyLineEdit->text();
        SetVariablesRequest r;
        r.elementInstanceKey = parsedKey(text, KeyKind::ElementInstance);
        r.variables = VariablesDocument::fromText(m_ui->setVariablesEdit->toPlainText());
        r.local = m_ui->setLocalCheckBox->isChecked();
        why = r.elementInstanceKey.isValid() ? r.validationError()
                                             : keyError(text, KeyKind::ElementInstance);
        api = r.toApiRequest();
        break;
    }
    }
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    return api;
}

void JobActionDialog::validate()
{
    QString why;
    const bool ok = request(&why).has_value();
    m_ui->validationLabel->setText(why);
    m_ui->validationLabel->setVisible(!ok);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(ok);
    m_ui->previewPushButton->setEnabled(ok);
    m_ui->copyCurlPushButton->setEnabled(ok);
}

void JobActionDialog::preview()
{
    const std::optional<ApiRequest> api = request();
    if (!api || !m_client)
        return;
    auto *dialog = new RequestPreviewDialog(m_client->describe(*api), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void JobActionDialog::copyCurl()
{
    const std::optional<ApiRequest> api = request();
    if (!api || !m_client)
        return;
    QApplication::clipboard()->setText(JobsClient::toCurl(m_client->describe(*api)));
    m_ui->validationLabel->setText(tr("Copied the curl command."));
    m_ui->validationLabel->setVisible(true);
}

} // namespace JobDesk
