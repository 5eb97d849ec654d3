// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/history/HistoryStore.h"

#include <QTextBrowser>

#include <optional>

namespace JobDesk {

/// The details pane of the log: everything about one attempt, as selectable rich text.
///
/// Top to bottom: outcome, status, time and connection; the explanation and next step
/// (`explain()`); the response (every problem member in document order, extension members
/// included, values verbatim; headers; the raw body with its size and a truncation note); and
/// the request (method, URL, headers with secrets redacted, body). Bodies longer than
/// `kMaxShownBodyBytes` are cut for display only, with a note.
class HistoryDetailsView final : public QTextBrowser
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxShownBodyBytes = 64 * 1024;

    explicit HistoryDetailsView(QWidget *parent = nullptr);
    ~HistoryDetailsView() override;
    Q_DISABLE_COPY_MOVE(HistoryDetailsView)

    /// Shows a full entry (from HistoryStore::entry()), or the empty-state hint for nullopt.
    void showEntry(const std::optional<HistoryEntry> &entry);

    /// The HTML the pane shows for an entry. Pure.
    static QString html(const HistoryEntry &entry);
    static QString emptyHtml();
    /// Header values that are secrets (Authorization, Cookie, API keys, …) replaced by
    /// "<redacted>", whatever the producer already did: a second line of defence for display,
    /// tickets and curl.
    static HeaderList redacted(const HeaderList &headers);
    static RequestRecord redacted(const RequestRecord &request);
};

} // namespace JobDesk
