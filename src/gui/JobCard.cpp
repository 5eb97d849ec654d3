// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/JobCard.h"

#include "core/json/Json.h"
#include "ui_JobCard.h"

#include <QToolButton>

#include <QDateTime>
#include <QHeaderView>
#include <QTimer>

namespace JobDesk {

namespace {

constexpr int kAgeTickMs = 1000;

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

} // namespace

JobCard::JobCard(QWidget *parent)
    : QFrame(parent)
    , m_ui(std::make_unique<Ui::JobCard>())
    , m_ageTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->refreshToolButton->setShortcut(QKeySequence(Qt::Key_F5));
    m_ui->variablesWidget->hide();
    m_ui->variablesTableWidget->horizontalHeader()->setStretchLastSection(false);
    m_ui->variablesTableWidget->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_ui->variablesTableWidget->verticalHeader()->hide();
    m_ageTimer->setInterval(kAgeTickMs);
    connect(m_ageTimer, &QTimer::timeout, this, &JobCard::updateAge);
    connect(m_ui->refreshToolButton, &QToolButton::clicked, this, &JobCard::refreshRequested);
    connect(m_ui->suggestionsLabel, &QLabel::linkActivated, this, &JobCard::suggestionChosen);
    connect(m_ui->variablesToolButton, &QToolButton::toggled, this, [this](bool open) {
        m_ui->variablesToolButton->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_ui->variablesWidget->setVisible(open);
    });
    connect(m_ui->copySelectedPushButton, &QPushButton::clicked, this,
        [this] { emit copyVariablesRequested(variablesJson(true)); });
    connect(m_ui->copyAllPushButton, &QPushButton::clicked, this,
        [this] { emit copyVariablesRequested(variablesJson(false)); });
    clear();
}

JobCard::~JobCard() = default;

void JobCard::setRepairAction(QAction *repair)
{
    if (!m_repairButton) {
        m_repairButton = new QToolButton(this);
        m_repairButton->setObjectName(QStringLiteral("repairToolButton"));
        m_repairButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
        // Before the refresh button: the card's answer to what it shows.
        m_ui->headerLayout->insertWidget(
            m_ui->headerLayout->indexOf(m_ui->refreshToolButton), m_repairButton);
    }
    m_repairButton->setDefaultAction(repair);
    updateRepairButton();
}

void JobCard::updateRepairButton()
{
    if (!m_repairButton)
        return;
    const bool repairable = m_result && m_result->job
        && (m_result->job->state == QLatin1String("FAILED") || m_result->incident.has_value());
    m_repairButton->setVisible(repairable);
}

void JobCard::clear()
{
    m_result.reset();
    m_lookingUp = false;
    m_ageTimer->stop();
    updateRepairButton();
    hide();
}

void JobCard::showLookingUp(const QString &jobKey)
{
    m_lookingUp = true;
    m_ui->busyProgressBar->show();
    // What was shown stays readable (greyed by the headline) until the answer comes.
    m_ui->headlineLabel->setText(tr("Looking up job %1…").arg(jobKey));
    m_ui->refreshToolButton->setEnabled(false);
    show();
}

void JobCard::showResult(const JobLookupResult &result)
{
    present(result, true);
}

void JobCard::showJobRead(const JobLookupResult &partial)
{
    present(partial, false);
}

void JobCard::present(const JobLookupResult &result, bool complete)
{
    m_lookingUp = !complete;
    m_result = result;
    updateRepairButton();
    m_ui->busyProgressBar->setVisible(!complete);
    m_ui->refreshToolButton->setEnabled(complete);
    // Not found may be the search index not caught up yet: looking again is the next step.
    m_ui->refreshToolButton->setText(
        result.state == LookupState::NotFound ? tr("Look again") : tr("Refresh"));
    m_ui->headlineLabel->setText(headlineFor(result));
    m_ui->headlineLabel->setToolTip(
        result.isFound() ? m_ui->headlineLabel->text() : result.describe());
    if (result.job) {
        showJob(*result.job, result, complete);
    } else {
        m_ui->detailsLabel->setText(result.describe().toHtmlEscaped());
        m_ui->incidentLabel->hide();
        m_ui->variablesToolButton->hide();
        m_ui->variablesWidget->hide();
    }
    QStringList links;
    for (const JobRecord &candidate : result.jobs)
        links.append(tr("<a href=\"%1\">%1</a> (%2, process %3, %4)")
                         .arg(candidate.jobKey, candidate.type.toHtmlEscaped(),
                             candidate.processDefinitionId.toHtmlEscaped(), candidate.state));
    m_ui->suggestionsLabel->setText(links.isEmpty()
            ? QString()
            : tr("This key may have been rounded by JavaScript or a spreadsheet. Did you "
                 "mean %1?")
                  .arg(links.join(tr(" or "))));
    m_ui->suggestionsLabel->setVisible(!links.isEmpty());
    updateAge();
    m_ageTimer->start();
    show();
}

QString JobCard::headlineFor(const JobLookupResult &result) const
{
    switch (result.state) {
    case LookupState::Found: {
        const JobRecord &job = *result.job;
        QString kind = job.kind;
        if (!job.listenerEventType.isEmpty()
            && job.listenerEventType != QLatin1String("UNSPECIFIED"))
            kind += QStringLiteral(" (%1)").arg(job.listenerEventType);
        // The state first: it decides what can be done, and survives a narrow card.
        return tr("%1 · %2 · %3").arg(job.state, job.type, kind);
    }
    case LookupState::NotFound:
        return tr("Job %1 not found by the search").arg(result.key.toString());
    case LookupState::NoPermission:
        return tr("No permission to read jobs (HTTP %1)")
            .arg(result.outcome.httpStatus.value_or(0));
    case LookupState::SearchUnavailable:
        return tr("This server cannot look jobs up (job search needs Camunda 8.8)");
    case LookupState::Refused:
        return tr("The look-up was refused (HTTP %1)").arg(result.outcome.httpStatus.value_or(0));
    case LookupState::TransportError:
        return tr("The job could not be looked up: no answer");
    case LookupState::Cancelled:
        return tr("Look-up cancelled");
    }
    return QString();
}

void JobCard::showJob(const JobRecord &job, const JobLookupResult &result, bool complete)
{
    QString html = QStringLiteral("<table cellspacing=\"0\">");
    html += row(tr("Retries"), job.retries ? QString::number(*job.retries) : tr("—"));
    if (!job.worker.isEmpty())
        html += row(tr("Worker"), job.worker);
    if (!job.deadline.isEmpty())
        html += row(tr("Deadline"), job.deadline);
    if (!job.errorCode.isEmpty() || !job.errorMessage.isEmpty())
        html += row(
            tr("Error"), QStringLiteral("%1 %2").arg(job.errorCode, job.errorMessage).trimmed());
    html += row(
        tr("Process"), tr("%1, instance %2").arg(job.processDefinitionId, job.processInstanceKey));
    html += row(tr("Element"), tr("%1, instance %2").arg(job.elementId, job.elementInstanceKey));
    if (!job.tenantId.isEmpty())
        html += row(tr("Tenant"), job.tenantId);
    for (const auto &[name, value] : job.customHeaders)
        html += row(tr("Header %1").arg(name), value);
    if (job.isDenied.value_or(false))
        html += row(tr("Denied"), job.deniedReason);
    if (!job.creationTime.isEmpty())
        html += row(tr("Created"), job.creationTime);
    if (!job.lastUpdateTime.isEmpty())
        html += row(tr("Last update"), job.lastUpdateTime);
    html += QStringLiteral("</table>");
    m_ui->detailsLabel->setText(html);

    if (!complete) {
        // Only a FAILED job can have an incident: say what is coming only where it matters.
        m_ui->incidentLabel->setText(tr("Reading the incident…"));
        m_ui->incidentLabel->setVisible(job.state == QLatin1String("FAILED"));
    } else if (result.incident) {
        m_ui->incidentLabel->setText(
            tr("Active incident %1: %2 — %3")
                .arg(result.incident->incidentKey, result.incident->errorType,
                    result.incident->errorMessage));
        m_ui->incidentLabel->show();
    } else if (!result.incidentError.isEmpty()) {
        m_ui->incidentLabel->setText(tr("Incident unknown: %1").arg(result.incidentError));
        m_ui->incidentLabel->show();
    } else {
        m_ui->incidentLabel->hide();
    }
    showVariables(result, complete);
}

void JobCard::showVariables(const JobLookupResult &result, bool complete)
{
    if (!complete) {
        // The rows of the previous job must not pass for this one's while the search runs.
        m_ui->variablesTableWidget->setRowCount(0);
        m_ui->variablesToolButton->setText(tr("Variables (reading…)"));
        m_ui->variablesToolButton->setToolTip(QString());
        m_ui->variablesToolButton->show();
        m_ui->variablesMessageLabel->setText(tr("Reading the variables…"));
        m_ui->copySelectedPushButton->setEnabled(false);
        m_ui->copyAllPushButton->setEnabled(false);
        return;
    }
    QTableWidget *table = m_ui->variablesTableWidget;
    table->setRowCount(0);
    const auto add = [table](const VariableRecord &variable, const QString &scope) {
        const int at = table->rowCount();
        table->insertRow(at);
        table->setItem(at, 0, new QTableWidgetItem(variable.name));
        auto *value = new QTableWidgetItem(variable.value);
        if (variable.isTruncated)
            value->setToolTip(tr("The value is cut; refresh reads it whole."));
        table->setItem(at, 1, value);
        table->setItem(at, 2, new QTableWidgetItem(scope));
    };
    for (const VariableRecord &variable : result.localVariables)
        add(variable, tr("local"));
    for (const VariableRecord &variable : result.variables)
        add(variable, tr("instance"));
    const int count = table->rowCount();
    // No variable search (before 8.8) is not "no variables".
    m_ui->variablesToolButton->setText(result.variablesError.isEmpty()
            ? tr("Variables (%n)", nullptr, count)
            : tr("Variables (not available)"));
    m_ui->variablesToolButton->setToolTip(result.variablesError);
    m_ui->variablesToolButton->show();
    if (!result.variablesError.isEmpty())
        m_ui->variablesMessageLabel->setText(result.variablesError);
    else if (!result.variablesComplete)
        m_ui->variablesMessageLabel->setText(tr("More variables exist than are shown."));
    else
        m_ui->variablesMessageLabel->clear();
    m_ui->copySelectedPushButton->setEnabled(count > 0);
    m_ui->copyAllPushButton->setEnabled(count > 0);
}

QString JobCard::variablesJson(bool selectedOnly) const
{
    const QTableWidget *table = m_ui->variablesTableWidget;
    QStringList members;
    QStringList seen;
    for (int at = 0; at < table->rowCount(); ++at) {
        if (selectedOnly && !table->item(at, 0)->isSelected())
            continue;
        const QString name = table->item(at, 0)->text();
        if (seen.contains(name))
            continue; // the local one came first and is what the job sees
        seen.append(name);
        members.append(
            QStringLiteral("  %1: %2").arg(Json::quote(name), table->item(at, 1)->text()));
    }
    return members.isEmpty() ? QStringLiteral("{}")
                             : QStringLiteral("{\n%1\n}").arg(members.join(QStringLiteral(",\n")));
}

void JobCard::updateAge()
{
    if (!m_result || !m_result->lookedUpAt.isValid()) {
        m_ui->ageLabel->clear();
        return;
    }
    const qint64 seconds = m_result->lookedUpAt.secsTo(QDateTime::currentDateTimeUtc());
    m_ui->ageLabel->setText(seconds < 60 ? tr("%n s ago", nullptr, int(seconds))
                                         : tr("%n min ago", nullptr, int(seconds / 60)));
}

} // namespace JobDesk
