// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/FindJobsDialog.h"

#include "core/camunda/JobKey.h"
#include "gui/JobSearchModel.h"
#include "ui_FindJobsDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>

namespace JobDesk {

namespace {

const QStringList kStates {QStringLiteral("CREATED"), QStringLiteral("FAILED"),
    QStringLiteral("ERROR_THROWN"), QStringLiteral("RETRIES_UPDATED"), QStringLiteral("TIMED_OUT"),
    QStringLiteral("MIGRATED"), QStringLiteral("COMPLETED"), QStringLiteral("CANCELED")};
const QStringList kKinds {QStringLiteral("BPMN_ELEMENT"), QStringLiteral("TASK_LISTENER"),
    QStringLiteral("EXECUTION_LISTENER"), QStringLiteral("AD_HOC_SUB_PROCESS")};

} // namespace

FindJobsDialog::FindJobsDialog(JobsClient *client, const CamundaVersion &server, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::FindJobsDialog>())
    , m_model(new JobSearchModel(client, this))
    , m_server(server)
{
    m_ui->setupUi(this);
    m_ui->stateComboBox->addItem(tr("any"), QString());
    for (const QString &state : kStates)
        m_ui->stateComboBox->addItem(state, state);
    m_ui->kindComboBox->addItem(tr("any"), QString());
    for (const QString &kind : kKinds)
        m_ui->kindComboBox->addItem(kind, kind);
    m_ui->sortComboBox->addItem(tr("none (the server's order)"), QString());
    for (const QString &field : SearchRequest::sortFieldNames(SearchTarget::Jobs))
        m_ui->sortComboBox->addItem(field, field);
    // 8.9 added the time filters; an unknown version may have them (the server says if not).
    const bool times = supports(server, ApiFeature::JobSearchTimes);
    for (QWidget *widget : {static_cast<QWidget *>(m_ui->createdAfterLineEdit),
             static_cast<QWidget *>(m_ui->updatedAfterLineEdit)}) {
        widget->setEnabled(times);
        if (!times)
            widget->setToolTip(
                tr("Needs Camunda 8.9 or later; this server reports %1.").arg(server.text()));
    }

    m_ui->jobsTableView->setModel(m_model);
    m_ui->jobsTableView->verticalHeader()->hide();
    // Fixed row heights: scrolling a long list never measures rows.
    m_ui->jobsTableView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_ui->jobsTableView->horizontalHeader()->setStretchLastSection(true);
    // One line per job: long names are elided, not wrapped into taller rows.
    m_ui->jobsTableView->setWordWrap(false);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_ui->jobsTableView->setColumnWidth(JobSearchModel::KeyColumn, 20 * digit);
    m_ui->jobsTableView->setColumnWidth(JobSearchModel::TypeColumn, 22 * digit);
    m_ui->jobsTableView->setColumnWidth(JobSearchModel::KindColumn, 26 * digit);
    m_ui->jobsTableView->setColumnWidth(JobSearchModel::StateColumn, 15 * digit);
    m_ui->jobsTableView->setColumnWidth(JobSearchModel::RetriesColumn, 8 * digit);
    m_ui->jobsTableView->setColumnWidth(JobSearchModel::InstanceColumn, 20 * digit);

    connect(m_ui->searchPushButton, &QPushButton::clicked, this, &FindJobsDialog::search);
    connect(m_ui->closePushButton, &QPushButton::clicked, this, &QDialog::close);
    connect(m_ui->openPushButton, &QPushButton::clicked, this, &FindJobsDialog::openSelected);
    connect(m_ui->jobsTableView, &QTableView::doubleClicked, this, &FindJobsDialog::openSelected);
    connect(m_ui->copyKeysPushButton, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(selectedKeys().join(u'\n')); });
    connect(m_model, &JobSearchModel::pageLoaded, this, [this] {
        m_error.clear();
        updateStatus();
    });
    connect(m_model, &JobSearchModel::searchFailed, this, [this](const QString &error) {
        m_error = error;
        updateStatus();
    });
    connect(m_ui->jobsTableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this] {
            const QStringList keys = selectedKeys();
            m_ui->selectionLabel->setText(tr("%n job(s) selected", nullptr, int(keys.size())));
            m_ui->openPushButton->setEnabled(keys.size() == 1);
            m_ui->copyKeysPushButton->setEnabled(!keys.isEmpty());
            emit selectionChanged(keys);
        });
    m_ui->openPushButton->setEnabled(false);
    m_ui->copyKeysPushButton->setEnabled(false);
    updateStatus();
}

FindJobsDialog::~FindJobsDialog() = default;

std::optional<SearchRequest> FindJobsDialog::searchRequest(QString *error) const
{
    SearchRequest request;
    request.target = SearchTarget::Jobs;
    const auto text = [](const QLineEdit *edit) { return edit->text().trimmed(); };
    const QList<QPair<QString, QLineEdit *>> plain {
        {QStringLiteral("type"), m_ui->typeLineEdit},
        {QStringLiteral("processDefinitionId"), m_ui->processDefinitionIdLineEdit},
        {QStringLiteral("elementId"), m_ui->elementIdLineEdit},
        {QStringLiteral("worker"), m_ui->workerLineEdit},
        {QStringLiteral("tenantId"), m_ui->tenantIdLineEdit},
        {QStringLiteral("errorMessage"), m_ui->errorMessageLineEdit},
    };
    for (const auto &[field, edit] : plain) {
        if (!text(edit).isEmpty())
            request.filter.exact(field, text(edit));
    }
    if (!text(m_ui->processInstanceKeyLineEdit).isEmpty()) {
        const JobKey::ParseResult key
            = JobKey::parse(text(m_ui->processInstanceKeyLineEdit), KeyKind::ProcessInstance);
        if (!key.key) {
            if (error)
                *error = key.error;
            return std::nullopt;
        }
        request.filter.exact(QStringLiteral("processInstanceKey"), key.key->toString());
    }
    if (const QString state = m_ui->stateComboBox->currentData().toString(); !state.isEmpty())
        request.filter.exact(QStringLiteral("state"), state);
    if (const QString kind = m_ui->kindComboBox->currentData().toString(); !kind.isEmpty())
        request.filter.exact(QStringLiteral("kind"), kind);
    if (m_ui->failedWithRetriesLeftCheckBox->isChecked())
        request.filter.exact(QStringLiteral("hasFailedWithRetriesLeft"), QStringLiteral("true"));
    if (m_ui->createdAfterLineEdit->isEnabled() && !text(m_ui->createdAfterLineEdit).isEmpty())
        request.filter.where(
            QStringLiteral("creationTime"), FilterOp::Gte, text(m_ui->createdAfterLineEdit));
    if (m_ui->updatedAfterLineEdit->isEnabled() && !text(m_ui->updatedAfterLineEdit).isEmpty())
        request.filter.where(
            QStringLiteral("lastUpdateTime"), FilterOp::Gte, text(m_ui->updatedAfterLineEdit));
    if (const QString sort = m_ui->sortComboBox->currentData().toString(); !sort.isEmpty())
        request.sort = {SortField {sort, m_ui->descendingCheckBox->isChecked()}};
    request.limit = 1; // checked with a page size; the model sets its own
    if (const QString invalid = request.validationError(); !invalid.isEmpty()) {
        if (error)
            *error = invalid;
        return std::nullopt;
    }
    if (const QString tooNew = request.toApiRequest().versionProblem(m_server); !tooNew.isEmpty()) {
        if (error)
            *error = tooNew;
        return std::nullopt;
    }
    return request;
}

void FindJobsDialog::search()
{
    QString error;
    const std::optional<SearchRequest> request = searchRequest(&error);
    if (!request) {
        m_error = error;
        updateStatus();
        return;
    }
    m_error.clear();
    m_model->search(*request);
    updateStatus();
}

void FindJobsDialog::updateStatus()
{
    if (!m_error.isEmpty()) {
        m_ui->statusLabel->setText(m_error);
        return;
    }
    if (m_model->isFetching() && m_model->rowCount() == 0) {
        m_ui->statusLabel->setText(tr("Searching…"));
        return;
    }
    const std::optional<qint64> total = m_model->total();
    if (!total) {
        m_ui->statusLabel->setText(tr("Set filters and search."));
        return;
    }
    if (!m_model->canFetchMore({}) && !m_model->isFetching()) {
        m_ui->statusLabel->setText(tr("%n matching job(s)", nullptr, m_model->rowCount()));
        return;
    }
    m_ui->statusLabel->setText(
        tr("%1 of %2%3 matching jobs loaded; scroll for more")
            .arg(m_model->rowCount())
            .arg(*total)
            .arg(m_model->totalIsLowerBound() ? QStringLiteral("+") : QString()));
}

QStringList FindJobsDialog::selectedKeys() const
{
    QStringList keys;
    QModelIndexList rows = m_ui->jobsTableView->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    for (const QModelIndex &index : rows)
        keys.append(m_model->jobKey(index.row()));
    return keys;
}

void FindJobsDialog::openSelected()
{
    const QStringList keys = selectedKeys();
    if (keys.size() == 1)
        emit jobChosen(keys.first());
}

} // namespace JobDesk
