// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace JobDesk {

struct HistoryEntry;

/// A short plain-text summary of one attempt, to paste into a support ticket or a chat.
///
/// One "Label: value" line per fact, in a fixed order: time (UTC, ISO 8601), connection, job
/// key, outcome, HTTP status, title, detail, transport error, duration, for a completion the
/// deny reason (when it denied) and the variables sent (compact, cut after 1000 characters),
/// the request line, and the plain-language explanation and next step from `explain()`. Lines
/// without a value are left out. Never contains request headers, so no credential can leak
/// into a ticket.
QString ticketText(const HistoryEntry &entry);

} // namespace JobDesk
