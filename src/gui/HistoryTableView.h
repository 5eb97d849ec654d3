// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QTableView>

class QLabel;

namespace JobDesk {

class HistoryModel;

/// The log's table: the outcome as a badge, columns sized for what they hold, uniform row
/// heights (the view never measures 100,000 rows) and a message over the empty table.
///
/// Columns fit the table's width: time and connection grow to their widest loaded text, the
/// key, outcome, status and duration have the width their content needs, and the title takes
/// what is left (it is last, so a narrow table only hides the end of a title, which the
/// details pane shows in full). The connection is only cut when the title would otherwise go
/// below kMinimumTitleChars. A column the person dragged keeps its width.
class HistoryTableView final : public QTableView
{
    Q_OBJECT
public:
    static constexpr int kMinimumTitleChars = 12;

    explicit HistoryTableView(QWidget *parent = nullptr);
    ~HistoryTableView() override;
    Q_DISABLE_COPY_MOVE(HistoryTableView)

    /// Sets the model (not owned) and sizes the columns for it.
    void setHistoryModel(HistoryModel *model);
    /// Shown over the table while it is empty (empty text: nothing shown).
    void setEmptyText(const QString &text);
    QString emptyText() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    /// Measures rows first..last (widest time and connection so far), then fits the columns.
    void measure(int first, int last);
    void fitColumns();
    void placeEmptyLabel();

    HistoryModel *m_model = nullptr;
    QLabel *m_emptyLabel;
    int m_widestTime = 0;
    int m_widestConnection = 0;
    bool m_fitting = false;
    QSet<int> m_draggedColumns;
};

} // namespace JobDesk
