// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/base/Clock.h"
#include "core/history/HistoryStore.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QSet>

#include <functional>

namespace JobDesk {

/// The log table: history entries newest first, read lazily from a HistoryStore.
///
/// Rows come in pages of `kPageSize` through `canFetchMore()`/`fetchMore()`, each page one
/// `HistoryStore::query()` with OFFSET/LIMIT, so 100,000 entries open as fast as 200. The filter
/// is applied by the store (a LIMITed query), never by loading everything. Only summary columns
/// are held; the full entry is read from the store when one is selected.
///
/// New attempts: call `addEntry(id)` right after `HistoryStore::append()`; the entry appears at
/// the top if it matches the filter. `fetchNewer()` picks up entries another process (the CLI)
/// appended, by id. `reload()` starts over (after pruning). `setFilter()` queries on the calling
/// thread; `resetWith()` takes a first page queried elsewhere (LogPanel does that for text).
class HistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ConnectionColumn,
        JobKeyColumn,
        OutcomeColumn,
        StatusColumn,
        TitleColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role {
        EntryIdRole = Qt::UserRole + 1, ///< qint64
        OutcomeKindRole, ///< int(OutcomeKind)
        JobKeyRole, ///< QString
        ActionRole, ///< QString: "complete", "update", … (actionKindName)
        LinkIdRole, ///< QString: the repair the row is a step of, or empty
        ProductionRole, ///< bool: the attempt went to a production profile
    };
    static constexpr int kPageSize = 200;

    explicit HistoryModel(QObject *parent = nullptr);
    ~HistoryModel() override;
    Q_DISABLE_COPY_MOVE(HistoryModel)

    /// Not owned; must be open and used from this thread. nullptr empties the model.
    void setStore(const HistoryStore *store);
    const HistoryStore *store() const { return m_store; }

    void setFilter(const HistoryFilter &filter);
    const HistoryFilter &filter() const { return m_filter; }

    /// Time source for "today" in the time column (tests inject one).
    void setClock(Clock clock);

    /// Drops all rows and loads the first page again.
    void reload();
    /// Shows a freshly appended entry at the top (if it matches the filter), or shows an entry
    /// already there as it is now (a write-ahead row that got its outcome). Returns its row or -1.
    int addEntry(qint64 id);
    /// Re-reads the rows that had no outcome yet (HistoryState::Pending) when they were read:
    /// another program may have finished them since. Returns how many changed.
    int refreshPending();
    /// Looks at every entry appended since the model last looked (by id, e.g. by the CLI) and
    /// inserts those that match. Returns how many rows were inserted.
    int fetchNewer();
    /// The highest store id the model has considered (rows up to it are shown if they match).
    qint64 newestIdSeen() const { return m_newestIdSeen; }
    /// Replaces filter and rows with a first page read elsewhere (a worker thread, so a slow
    /// text filter never blocks the UI). `newestIdBefore` is the store's lastId() from before
    /// that page was read; anything newer is picked up at once.
    void resetWith(
        const HistoryFilter &filter, const QList<HistoryEntry> &firstPage, qint64 newestIdBefore);

    /// Summary of the entry in `row` (no request/response), or nullptr.
    const HistoryEntry *entryAt(int row) const;
    int rowOfId(qint64 id) const;
    /// True once every matching entry has been loaded.
    bool isComplete() const { return m_complete; }

    /// What the filter means for one entry (same rules as the store's query; the request body
    /// is only searched in a full entry, as insertIfMatches() reads one).
    static bool matches(const HistoryEntry &entry, const HistoryFilter &filter);
    /// "14:03:07" today, "11-28 14:03:07" earlier this year, "2025-11-28 14:03" before (local
    /// time; the tooltip has the full time in local time and UTC).
    static QString timeText(const QDateTime &time, const QDateTime &now);
    static QString durationText(qint64 elapsedMs);
    /// The connection column: a profile name as is, an API root without scheme and "/v2/"
    /// ("127.0.0.1:8080"); the tooltip keeps the full text.
    static QString connectionText(const QString &connection);
    /// The title column: the title, after the action's name unless a completion, and "repair ·"
    /// for the steps of a repair.
    static QString titleText(const HistoryEntry &entry);
    /// The background shared by the rows of one repair.
    static QVariant linkTint(const QString &linkId);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    int insertIfMatches(qint64 id);
    /// Re-reads row `row` from the store; true (and dataChanged) when its state changed.
    bool refreshRow(int row);
    /// Queries the page after the loaded rows; updates m_complete; drops rows already shown.
    QList<HistoryEntry> nextPage();

    const HistoryStore *m_store = nullptr;
    HistoryFilter m_filter;
    QList<HistoryEntry> m_rows;
    QSet<qint64> m_ids;
    bool m_complete = true;
    bool m_fetching = false;
    qint64 m_newestIdSeen = 0;
    Clock m_clock;
};

} // namespace JobDesk
