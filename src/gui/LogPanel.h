// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/HistoryStore.h"

#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QTimer;

namespace Ui {
class LogPanel;
}

namespace JobDesk {

class HistoryController;
class HistoryModel;
class HistoryWorker;

/// The window's log: every attempt, newest first, with a filter, a details pane and actions.
///
/// How the window uses it:
/// - `setStore(store)` once with the open HistoryStore the window appends to (not owned, used
///   on the UI thread). The panel loads the first page and applies the saved retention policy
///   in the background.
/// - After every `store->append(entry)`: `addEntry(id)`. The row appears at the top at once and
///   is selected, so the details pane shows the result. `refresh()` reloads everything;
///   attempts made by `jobdesk-cli` are picked up on their own within a few seconds.
/// - Filtering: without text the store answers from its indexes at once; a text filter (a
///   LIKE scan, ~0.1-0.5 s on 100,000 entries) runs on a worker thread and `filterApplied()`
///   follows, so typing never waits for the database.
/// - The text filter also finds words of the request body (a variable's name or value); when
///   nothing matches, the table says so.
/// - Connect `loadIntoFormRequested(entry)` (a full entry: request body included) to fill the
///   form, and `statusMessage(text)` to the status bar if wanted. The panel's own status line
///   clears itself after kStatusLineMs.
/// - Ctrl+F: call `focusFilter()`.
///
/// Keyboard in the table: Enter loads into the form, Ctrl+C copies the key, Ctrl+Shift+C the
/// ticket text; the context menu has every action. Export and retention are the
/// HistoryController's (`historyController()`).
class LogPanel final : public QWidget
{
    Q_OBJECT
public:
    /// How long a line in the panel's status line stays.
    static constexpr int kStatusLineMs = 8000;

    explicit LogPanel(QWidget *parent = nullptr);
    ~LogPanel() override;
    Q_DISABLE_COPY_MOVE(LogPanel)

    void setStore(HistoryStore *store);
    HistoryStore *store() const { return m_store; }
    HistoryModel *model() const { return m_model; }
    /// Export and retention.
    HistoryController *historyController() const { return m_historyController; }

    /// The selected entry in full (read from the store), or nullopt.
    std::optional<HistoryEntry> selectedEntry() const;
    /// Selects the row of an entry if it is loaded; false otherwise.
    bool selectEntry(qint64 id);

    /// The filter the table shows (after the debounce).
    HistoryFilter currentFilter() const;

signals:
    /// "Load into form": the full entry, request body included. The window connects this.
    void loadIntoFormRequested(const JobDesk::HistoryEntry &entry);
    /// Something worth a line in the status bar (copied, exported, pruned, errors).
    void statusMessage(const QString &message);
    /// The table shows the current filter's rows (text filters are queried off the UI thread).
    void filterApplied();

public slots:
    /// Shows a freshly appended entry at the top and selects it.
    void addEntry(qint64 id);
    /// Reloads from the store, keeping the selection when the entry is still there.
    void refresh();
    /// Focuses and selects the filter text (Ctrl+F).
    void focusFilter();

    void loadSelectedIntoForm();
    void copyKey();
    void copyTicketText();
    void copyCurl();
    /// Asks for a file name, then exports the entries of the current filter.
    void exportWithDialog();

private:
    void setupActions();
    void setupOutcomeFilter();
    void applyFilterNow();
    /// Shows `currentFilter()`: at once when the store can use an index (no text), else from a
    /// worker thread. `force` re-reads even if the filter did not change.
    void runFilter(bool force);
    void finishFilter(std::optional<qint64> reselect);
    std::optional<qint64> currentId() const;
    void showSelected();
    void updateActions();
    void updateCount();
    void showContextMenu(const QPoint &position);
    void pollForNewEntries();
    void report(const QString &message);
    void updateEmptyState();
    void restoreLayout();
    void saveLayout() const;

    const std::unique_ptr<Ui::LogPanel> m_ui;
    HistoryModel *m_model;
    HistoryWorker *m_worker;
    HistoryController *m_historyController;
    HistoryStore *m_store = nullptr;
    QTimer *m_filterTimer;
    QTimer *m_pollTimer;
    QTimer *m_statusTimer;
    HistoryFilter m_requestedFilter;
    quint64 m_filterGeneration = 0;
    quint64 m_countGeneration = 0;
    QAction *m_loadAction = nullptr;
    QAction *m_copyKeyAction = nullptr;
    QAction *m_copyTicketAction = nullptr;
    QAction *m_copyCurlAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_retentionAction = nullptr;
};

} // namespace JobDesk
