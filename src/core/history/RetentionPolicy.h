// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

class QSettings;

namespace JobDesk {

class HistoryStore;

/// How much history to keep: everything, the newest N entries, or the last D days.
///
/// Stored in the application's QSettings under `history/retention/…` (mode and value only; never
/// anything secret). `apply()` prunes a store; the window runs it on a worker thread with its own
/// HistoryStore connection, at start and whenever the setting changes.
struct RetentionPolicy
{
    enum class Mode { KeepAll, KeepCount, KeepDays };

    Mode mode = Mode::KeepAll;
    int count = 10000; ///< for KeepCount, ≥ 1
    int days = 90; ///< for KeepDays, ≥ 1

    static RetentionPolicy load(const QSettings &settings);
    void save(QSettings &settings) const;

    /// Plain words for the panel, e.g. "Keeping the last 10000 entries".
    QString description() const;
    /// Entries older than this are removed (KeepDays only; invalid otherwise).
    QDateTime cutoff(const QDateTime &now) const;
    /// Prunes the store; returns how many entries were removed (0 for KeepAll), or std::nullopt
    /// with the store's error() on failure. Attempts without an outcome are kept.
    std::optional<int> apply(HistoryStore &store, const QDateTime &now) const;

    friend bool operator==(const RetentionPolicy &a, const RetentionPolicy &b)
    {
        return a.mode == b.mode && a.count == b.count && a.days == b.days;
    }
    friend bool operator!=(const RetentionPolicy &a, const RetentionPolicy &b) { return !(a == b); }
};

} // namespace JobDesk
