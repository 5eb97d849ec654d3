// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/BatchJournal.h"
#include "core/history/BatchJournalWriter.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace JobDesk {

/// The items of one batch as a table, read lazily from the batch journal: the row count comes
/// from the journal's counts, the rows a view asks for are read a small page at a time
/// (BatchJournal::itemsAt) and a few pages are kept. Nothing else of the batch is in memory, so
/// 100,000 items cost what the visible rows cost, and a refresh during a run (refresh(), called
/// at most ~10 times a second) drops the kept pages and reads again only what is on screen.
/// Where every page starts is read once on a thread of its own (BatchJournal::pageStarts()):
/// from then on a page is read by its lines, never by an offset SQLite counts up to (tens of
/// milliseconds deep in 100,000 items, on the UI thread).
class BatchItemsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Line, JobKey, State, Outcome, HttpStatus, Detail, Attempts, ColumnCount };
    static constexpr int kPageSize = 100;
    static constexpr int kPagesKept = 16;

    explicit BatchItemsModel(QObject *parent = nullptr);
    ~BatchItemsModel() override;
    Q_DISABLE_COPY_MOVE(BatchItemsModel)

    /// Shows batch `batchId` of `journal` (not owned; nullptr or 0: nothing).
    void setBatch(BatchJournal *journal, qint64 batchId);
    qint64 batchId() const { return m_batchId; }
    /// Drops the kept pages (the visible rows are read again when drawn) and takes `total` as
    /// the row count (during a run the number of items does not change), or re-reads it.
    void refresh(std::optional<qint64> total = std::nullopt);
    /// The item of a row (read if needed), or std::nullopt.
    std::optional<BatchItem> item(int row) const;
    /// How many journal reads the model made (for tests of its laziness).
    int pagesRead() const { return m_pagesRead; }
    /// How many of those were by offset (before the page starts were known).
    int pagesReadByOffset() const { return m_pagesReadByOffset; }
    /// True once every page's first line is known (after setBatch(), a moment later).
    bool knowsPageStarts() const { return m_startsKnown; }
    int pagesKept() const { return int(m_pages.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const BatchItem *itemAt(int row) const;
    void readPageStarts();

    BatchJournal *m_journal = nullptr;
    qint64 m_batchId = 0;
    int m_rows = 0;
    mutable QHash<int, QList<BatchItem>> m_pages; ///< page index → its items
    mutable QList<int> m_recent; ///< page indexes, most recently used last
    mutable QHash<int, qint64> m_pageFirstLine; ///< page index → the line its first item has
    mutable int m_pagesRead = 0;
    mutable int m_pagesReadByOffset = 0;
    std::unique_ptr<BatchJournalWriter> m_reader; ///< its own connection, for pageStarts()
    QString m_readerPath;
    bool m_startsKnown = false;
    bool m_startsPending = false;
    int m_startsRequested = 0; ///< the row count the last request was made for
};

} // namespace JobDesk
