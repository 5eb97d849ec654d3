// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/HistoryTableView.h"

#include "gui/HistoryModel.h"
#include "gui/OutcomeBadgeDelegate.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMap>

#include <algorithm>

namespace JobDesk {

HistoryTableView::HistoryTableView(QWidget *parent)
    : QTableView(parent)
    , m_emptyLabel(new QLabel(viewport()))
{
    m_emptyLabel->setObjectName(QStringLiteral("historyEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_emptyLabel->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_emptyLabel->hide();
}

HistoryTableView::~HistoryTableView() = default;

void HistoryTableView::setHistoryModel(HistoryModel *model)
{
    m_model = model;
    setModel(model);
    setItemDelegateForColumn(HistoryModel::OutcomeColumn, new OutcomeBadgeDelegate(this));
    QHeaderView *header = horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(HistoryModel::TitleColumn, QHeaderView::Stretch);
    header->setHighlightSections(false);
    // The title last: a narrow table hides the end of a title, never a duration.
    header->moveSection(header->visualIndex(HistoryModel::DurationColumn),
        header->visualIndex(HistoryModel::TitleColumn));
    header->setMinimumSectionSize(fontMetrics().horizontalAdvance(QStringLiteral("Status")));
    QHeaderView *rows = verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 10);

    connect(header, &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_fitting && column != HistoryModel::TitleColumn)
            m_draggedColumns.insert(column);
    });
    connect(model, &QAbstractItemModel::modelReset, this,
        [this] { measure(0, m_model->rowCount() - 1); });
    // Only the new rows are measured: paging through 100,000 rows stays linear.
    connect(model, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &, int first, int last) { measure(first, last); });
    fitColumns();
}

void HistoryTableView::setEmptyText(const QString &text)
{
    m_emptyLabel->setText(text);
    placeEmptyLabel();
    m_emptyLabel->setVisible(!text.isEmpty());
}

QString HistoryTableView::emptyText() const
{
    return m_emptyLabel->isHidden() ? QString() : m_emptyLabel->text();
}

void HistoryTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    placeEmptyLabel();
    fitColumns();
}

void HistoryTableView::placeEmptyLabel()
{
    m_emptyLabel->setGeometry(viewport()->rect().adjusted(12, 12, -12, -12));
}

void HistoryTableView::measure(int first, int last)
{
    if (m_model == nullptr)
        return;
    const QFontMetrics metrics(font());
    for (int row = first; row <= last; ++row) {
        m_widestTime = std::max(m_widestTime,
            metrics.horizontalAdvance(
                m_model->index(row, HistoryModel::TimeColumn).data().toString()));
        m_widestConnection = std::max(m_widestConnection,
            metrics.horizontalAdvance(
                m_model->index(row, HistoryModel::ConnectionColumn).data().toString()));
    }
    fitColumns();
}

void HistoryTableView::fitColumns()
{
    if (m_model == nullptr)
        return;
    const QFontMetrics metrics(font());
    const int pad = metrics.height();
    const auto header = [this, &metrics, pad](int column) {
        return metrics.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString())
            + pad;
    };
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics badge(bold);
    int outcome = 0;
    for (int kind = int(OutcomeKind::Completed); kind <= int(OutcomeKind::Cancelled); ++kind)
        outcome = std::max(outcome, badge.horizontalAdvance(outcomeKindLabel(OutcomeKind(kind))));
    const QFontMetrics mono(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    QMap<int, int> widths;
    widths[HistoryModel::TimeColumn]
        = std::max(header(HistoryModel::TimeColumn), m_widestTime + pad);
    widths[HistoryModel::JobKeyColumn]
        = mono.horizontalAdvance(QStringLiteral("2251799813685249")) + pad;
    // The badge: its label, its rounded ends and the cell's margins (OutcomeBadgeDelegate).
    widths[HistoryModel::OutcomeColumn]
        = std::max(header(HistoryModel::OutcomeColumn), outcome + badge.height() + 14);
    widths[HistoryModel::StatusColumn] = header(HistoryModel::StatusColumn);
    widths[HistoryModel::DurationColumn] = std::max(header(HistoryModel::DurationColumn),
        metrics.horizontalAdvance(HistoryModel::durationText(59900)) + pad);
    // The connection gets what it needs, unless the title would be squeezed below its minimum.
    int others = 0;
    for (auto it = widths.cbegin(); it != widths.cend(); ++it)
        others += m_draggedColumns.contains(it.key()) ? columnWidth(it.key()) : it.value();
    const int titleMinimum = metrics.averageCharWidth() * kMinimumTitleChars + pad;
    const int connectionNeeds
        = std::max(header(HistoryModel::ConnectionColumn), m_widestConnection + pad);
    widths[HistoryModel::ConnectionColumn] = std::max(header(HistoryModel::ConnectionColumn),
        std::min(connectionNeeds, viewport()->width() - others - titleMinimum));

    m_fitting = true;
    for (auto it = widths.cbegin(); it != widths.cend(); ++it) {
        if (!m_draggedColumns.contains(it.key()) && columnWidth(it.key()) != it.value())
            setColumnWidth(it.key(), it.value());
    }
    m_fitting = false;
}

} // namespace JobDesk
