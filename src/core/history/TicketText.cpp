// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/TicketText.h"

#include "core/camunda/CompletionRequest.h"
#include "core/history/HistoryStore.h"
#include "core/json/Json.h"

#include <QStringList>

#include <variant>

namespace JobDesk {

namespace {

void addLine(QStringList &lines, const QString &label, const QString &value)
{
    if (value.trimmed().isEmpty())
        return;
    // Multi-line values (a detail with line breaks) stay readable: continuation lines indented.
    QString text = value.trimmed();
    text.replace(QLatin1Char('\n'), QStringLiteral("\n             "));
    lines.append(label.leftJustified(13, QLatin1Char(' ')) + text);
}

/// Enough of the variables for a ticket; the rest is in the history.
constexpr qsizetype kMaxVariablesChars = 1000;

/// What a completion body sent: its variables (compact, every token as sent) and its verdict.
struct SentCompletion
{
    QString variables; ///< empty: none
    bool denied = false;
    QString deniedReason;
};

std::optional<SentCompletion> readCompletionBody(const QByteArray &body)
{
    // The one reader of completion bodies; a body it refuses gets no such lines.
    const CompletionRequest::ParseResult parsed = CompletionRequest::fromBody(body);
    if (!parsed.request)
        return std::nullopt;
    SentCompletion sent;
    if (!parsed.request->variables.isBlank()) {
        const QString raw = QString::fromUtf8(parsed.request->variables.utf8());
        sent.variables = Json::formatCompact(raw).value_or(raw);
    }
    if (const auto *task = std::get_if<UserTaskResult>(&parsed.request->result)) {
        sent.denied = task->denied;
        sent.deniedReason = task->deniedReason;
    }
    return sent;
}

} // namespace

QString ticketText(const HistoryEntry &entry)
{
    const Outcome outcome = entry.toOutcome();
    const Explanation explanation = explain(outcome);

    // A row without an outcome says so instead of "No answer": the server may have acted.
    const bool unknown = entry.state == HistoryState::Pending;
    const QString label = unknown ? entry.title : outcomeKindLabel(entry.kind);
    const QString what = entry.action == ActionKind::Complete
        ? QStringLiteral("job completion attempt")
        : QStringLiteral("%1 attempt").arg(actionKindName(entry.action));
    QStringList lines;
    lines.append(QStringLiteral("JobDesk: %1 - %2").arg(what, label));
    addLine(lines, QStringLiteral("Time:"), entry.time.toUTC().toString(Qt::ISODate));
    addLine(lines, QStringLiteral("Connection:"),
        entry.production ? entry.connection + QStringLiteral(" (production)") : entry.connection);
    addLine(lines, QStringLiteral("Job key:"), entry.jobKey);
    addLine(lines, QStringLiteral("Outcome:"),
        unknown ? QStringLiteral("unknown (no outcome was recorded)")
                : QStringLiteral("%1 (%2)").arg(
                    outcomeKindLabel(entry.kind), outcomeKindName(entry.kind)));
    addLine(lines, QStringLiteral("HTTP status:"),
        entry.httpStatus ? QString::number(*entry.httpStatus)
                         : QStringLiteral("none (no HTTP answer)"));
    addLine(lines, QStringLiteral("Title:"), entry.title);
    addLine(lines, QStringLiteral("Detail:"), entry.detail);
    if (entry.transportError != entry.title)
        addLine(lines, QStringLiteral("Error:"), entry.transportError);
    addLine(lines, QStringLiteral("Duration:"), QStringLiteral("%1 ms").arg(entry.elapsedMs));
    if (entry.request.action == ActionKind::Complete) {
        if (const std::optional<SentCompletion> sent = readCompletionBody(entry.request.body)) {
            if (sent->denied)
                addLine(lines, QStringLiteral("Deny reason:"),
                    sent->deniedReason.isEmpty() ? QStringLiteral("(none given)")
                                                 : sent->deniedReason);
            QString variables = sent->variables;
            if (variables.size() > kMaxVariablesChars)
                variables = variables.left(kMaxVariablesChars)
                    + QStringLiteral("… (%1 characters in all)").arg(sent->variables.size());
            addLine(lines, QStringLiteral("Variables:"),
                variables.isEmpty() ? QStringLiteral("none") : variables);
        }
    }
    if (!entry.request.method.isEmpty() || !entry.request.url.isEmpty()) {
        addLine(lines, QStringLiteral("Request:"),
            QString::fromLatin1(entry.request.method) + QLatin1Char(' ')
                + entry.request.url.toDisplayString());
    }
    if (unknown) {
        addLine(lines, QStringLiteral("Next step:"),
            QStringLiteral("Look the job up before sending again: the request was on its way when "
                           "the program ended."));
    } else {
        addLine(lines, QStringLiteral("Explanation:"), explanation.summary);
        addLine(lines, QStringLiteral("Next step:"), explanation.nextStep);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace JobDesk
