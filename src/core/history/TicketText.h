// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace JobDesk {

struct HistoryEntry;

/// A short plain-text summary of one attempt, to paste into a support ticket or a chat.
///
/// One "Label: value" line per fact, in a fixed order: time (UTC, ISO 8601), connection, job
/// key, outcome, HTTP status, title, detail, transport error, duration, request line, and the
/// plain-language explanation and next step from `explain()`. Lines without a value are left
/// out. Never contains request headers or bodies, so no secret can leak into a ticket.
QString ticketText(const HistoryEntry &entry);

} // namespace JobDesk
