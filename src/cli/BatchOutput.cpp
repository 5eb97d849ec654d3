// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/BatchOutput.h"

#include "cli/Console.h"
#include "cli/Output.h"
#include "core/camunda/ProblemDetails.h"

namespace JobDesk::Cli::BatchOutput {

namespace {

QByteArray number(qint64 n)
{
    return QByteArray::number(n);
}

QByteArray duration(qint64 ms)
{
    if (ms < 0)
        return QByteArrayLiteral("?");
    const qint64 s = (ms + 999) / 1000;
    if (s < 3600)
        return QString::asprintf("%lld:%02lld", s / 60, s % 60).toUtf8();
    return QString::asprintf("%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60).toUtf8();
}

QByteArray time(const QDateTime &utc)
{
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")).toUtf8();
}

QByteArray safe(const QString &text)
{
    return escapeControls(text, false).toUtf8();
}

/// "  [pid 4711, jobdesk-cli]" for a batch a program holds, nothing otherwise.
QByteArray holderHuman(const BatchStatus &status)
{
    if (!status.holder)
        return {};
    QByteArray out = "  [pid " + number(status.holder->pid);
    if (!status.holder->appName.isEmpty())
        out += ", " + safe(status.holder->appName);
    return out + ']';
}

} // namespace

QByteArray planHuman(qint64 batchId, const BatchPlanSummary &summary)
{
    QByteArray out = "Plan of batch " + number(batchId) + " (" + number(summary.rows)
        + (summary.rows == 1 ? " row):\n" : " rows):\n");
    for (int i = 0; i < kPlanVerdictCount; ++i) {
        const auto verdict = static_cast<PlanVerdict>(i);
        if (summary.counts[i] == 0)
            continue;
        out += "  " + number(summary.counts[i]).rightJustified(9) + "  "
            + planVerdictLabel(verdict).toUtf8() + '\n';
    }
    for (int i = 0; i < kPlanVerdictCount; ++i) {
        const auto verdict = static_cast<PlanVerdict>(i);
        if (summary.examples[i].isEmpty())
            continue;
        out += planVerdictLabel(verdict).toUtf8() + ":\n";
        for (const BatchPlanSummary::Example &e : summary.examples[i])
            out += "  line " + number(e.line) + "  " + e.jobKey.toUtf8() + "  " + safe(e.why)
                + '\n';
        if (summary.counts[i] > summary.examples[i].size())
            out += "  … and " + number(summary.counts[i] - summary.examples[i].size()) + " more\n";
    }
    return out;
}

QByteArray planJson(qint64 batchId, const BatchPlanSummary &summary)
{
    QByteArray out = "{\"plan\":{\"id\":" + number(batchId) + ",\"rows\":" + number(summary.rows)
        + ",\"toSend\":" + number(summary.toSend()) + ",\"counts\":{";
    for (int i = 0; i < kPlanVerdictCount; ++i) {
        if (i > 0)
            out += ',';
        out += jsonString(planVerdictName(static_cast<PlanVerdict>(i))) + ':'
            + number(summary.counts[i]);
    }
    out += "},\"examples\":[";
    bool first = true;
    for (int i = 0; i < kPlanVerdictCount; ++i) {
        for (const BatchPlanSummary::Example &e : summary.examples[i]) {
            if (!first)
                out += ',';
            first = false;
            out += "{\"line\":" + number(e.line) + ",\"jobKey\":" + jsonString(e.jobKey)
                + ",\"verdict\":" + jsonString(planVerdictName(static_cast<PlanVerdict>(i)))
                + ",\"why\":" + jsonString(e.why) + '}';
        }
    }
    out += "]}}\n";
    return out;
}

QByteArray badRows(const BatchPlanSummary &summary)
{
    QByteArray out;
    for (const BatchInputError &e : summary.errors)
        out += "jobdesk-cli: line " + number(e.line) + ": " + safe(e.message) + '\n';
    if (summary.errorCount > summary.errors.size())
        out += "jobdesk-cli: … and " + number(summary.errorCount - summary.errors.size())
            + " more bad rows\n";
    return out;
}

QByteArray progressLine(qint64 batchId, const BatchProgress &p)
{
    QByteArray out = "batch " + number(batchId) + ": " + number(p.finished()) + '/'
        + number(p.total) + "  " + number(p.completed) + " completed";
    if (p.skipped)
        out += ", " + number(p.skipped) + " skipped";
    if (p.refused)
        out += ", " + number(p.refused) + " refused";
    if (p.undone)
        out += ", " + number(p.undone) + " undone";
    if (p.retries)
        out += ", " + number(p.retries) + " sent again";
    out += "  " + QByteArray::number(p.ratePerSecond, 'f', 0) + "/s";
    if (p.etaMs >= 0 && p.remaining + p.inFlight > 0)
        out += "  ETA " + duration(p.etaMs);
    out += "  in flight " + number(p.inFlight) + '/' + number(p.concurrency);
    return out;
}

QByteArray itemHuman(const BatchItemOutcome &item)
{
    QByteArray out = "line " + number(item.line) + "  " + item.jobKey.toUtf8() + "  "
        + item.outcomeName().toUtf8();
    if (item.httpStatus)
        out += ' ' + number(*item.httpStatus);
    if (!item.problem.isEmpty()) {
        const ProblemDetails problem = ProblemDetails::parse(item.problem);
        if (!problem.title().isEmpty())
            out += "  " + safe(problem.title());
        if (!problem.detail().isEmpty())
            out += ": " + safe(problem.detail());
    }
    if (!item.error.isEmpty())
        out += "  " + safe(item.error);
    if (!item.note.isEmpty())
        out += "  (" + safe(item.note) + ')';
    return out + '\n';
}

QByteArray totalsHuman(const BatchTotals &t)
{
    QByteArray out = "batch " + number(t.id) + ": " + number(t.total)
        + (t.total == 1 ? " item — " : " items — ") + number(t.completed) + " completed, "
        + number(t.skipped) + " skipped, " + number(t.refused) + " refused, " + number(t.undone)
        + " undone";
    out += " (" + QByteArray::number(t.elapsedMs / 1000.0, 'f', 1) + " s)\n";
    if (t.undone > 0)
        out += "Items are left undone; continue with: jobdesk-cli batch resume " + number(t.id)
            + '\n';
    return out;
}

QByteArray listHuman(const QList<BatchInfo> &batches, const QList<BatchStatus> &statuses)
{
    if (batches.isEmpty())
        return QByteArrayLiteral("No batches.\n");
    QByteArray out;
    for (qsizetype i = 0; i < batches.size(); ++i) {
        const BatchInfo &b = batches[i];
        const BatchStatus status = statuses.value(i, BatchStatus {b.state, true, std::nullopt});
        out += number(b.id).rightJustified(6) + "  " + time(b.created) + "  "
            + status.stateName().toUtf8().leftJustified(11) + "  " + number(b.counts.total())
            + " items (" + number(b.counts.done) + " done, " + number(b.counts.skipped)
            + " skipped, " + number(b.counts.planned + b.counts.sending) + " left)  "
            + safe(b.spec.connection) + (b.spec.production ? " [production]" : "") + "  "
            + safe(b.spec.inputSummary) + holderHuman(status) + '\n';
    }
    return out;
}

namespace {
QByteArray infoJsonMembers(const BatchInfo &b, const BatchStatus &status)
{
    return "\"id\":" + number(b.id)
        + ",\"created\":" + jsonString(b.created.toString(Qt::ISODateWithMs))
        + ",\"updated\":" + jsonString(b.updated.toString(Qt::ISODateWithMs))
        + ",\"state\":" + jsonString(batchStateName(b.state))
        + ",\"interrupted\":" + (status.interrupted() ? "true" : "false")
        + ",\"live\":" + (status.holder ? "true" : "false")
        + ",\"pid\":" + (status.holder ? number(status.holder->pid) : QByteArray("null"))
        + ",\"source\":" + jsonString(historySourceName(b.spec.source))
        + ",\"connection\":" + jsonString(b.spec.connection)
        + ",\"production\":" + (b.spec.production ? "true" : "false")
        + ",\"action\":" + jsonString(actionKindName(b.spec.action)) + ",\"input\":"
        + jsonString(b.spec.inputSummary) + ",\"items\":{\"planned\":" + number(b.counts.planned)
        + ",\"sending\":" + number(b.counts.sending) + ",\"done\":" + number(b.counts.done)
        + ",\"skipped\":" + number(b.counts.skipped) + ",\"total\":" + number(b.counts.total())
        + '}';
}
} // namespace

QByteArray listJson(const QList<BatchInfo> &batches, const QList<BatchStatus> &statuses)
{
    QByteArray out = "[";
    for (qsizetype i = 0; i < batches.size(); ++i) {
        const BatchInfo &b = batches[i];
        out += i == 0 ? "\n  {" : ",\n  {";
        out += infoJsonMembers(b, statuses.value(i, BatchStatus {b.state, true, std::nullopt}))
            + '}';
    }
    out += batches.isEmpty() ? "]\n" : "\n]\n";
    return out;
}

QByteArray showHuman(const BatchInfo &b, const BatchStatus &status, const BatchTotals &t,
    const QList<BatchItemOutcome> &notCompleted, bool more)
{
    QByteArray out = "Batch " + number(b.id) + " (" + status.stateName().toUtf8() + ")\n";
    if (status.holder)
        out += "  run by      pid " + number(status.holder->pid) + " ("
            + safe(status.holder->appName) + " on " + safe(status.holder->hostName) + ")\n";
    else if (status.interrupted())
        out += "  interrupted its program ended before the batch did: jobdesk-cli batch resume "
            + number(b.id) + " continues it\n";
    out += "  created     " + time(b.created) + "\n  updated     " + time(b.updated) + '\n';
    out += "  connection  " + safe(b.spec.connection)
        + (b.spec.production ? " [production]\n" : "\n");
    out += "  input       " + safe(b.spec.inputSummary) + '\n';
    out += "  payload     " + safe(QString::fromUtf8(b.spec.payload.left(200))) + '\n';
    out += "  items       " + number(t.total) + ": " + number(t.completed) + " completed, "
        + number(t.skipped) + " skipped, " + number(t.refused) + " refused, " + number(t.undone)
        + " undone\n";
    if (!notCompleted.isEmpty()) {
        out += "Not completed:\n";
        for (const BatchItemOutcome &item : notCompleted)
            out += "  " + itemHuman(item);
        if (more)
            out += "  … (all items: jobdesk-cli batch show " + number(b.id) + " --report <file>)\n";
    }
    return out;
}

QByteArray showJson(const BatchInfo &info, const BatchStatus &status, const BatchTotals &t)
{
    return "{\"batch\":{" + infoJsonMembers(info, status)
        + ",\"totals\":{\"total\":" + number(t.total) + ",\"completed\":" + number(t.completed)
        + ",\"skipped\":" + number(t.skipped) + ",\"refused\":" + number(t.refused) + ",\"undone\":"
        + number(t.undone) + "},\"payload\":" + jsonString(QString::fromUtf8(info.spec.payload))
        + ",\"options\":" + (info.spec.options.isEmpty() ? QByteArray("{}") : info.spec.options)
        + "}}\n";
}

} // namespace JobDesk::Cli::BatchOutput
