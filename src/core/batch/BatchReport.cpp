// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/batch/BatchReport.h"

#include "core/batch/BatchPlan.h"
#include "core/camunda/ProblemDetails.h"
#include "core/history/HistoryExporter.h"
#include "core/json/Json.h"

#include <QFileInfo>
#include <QSaveFile>

namespace JobDesk {

namespace {

constexpr int kPageSize = 1000;

QByteArray jsonString(const QString &text)
{
    return HistoryExporter::jsonString(text);
}

QByteArray nullableString(const QString &text)
{
    return text.isEmpty() ? QByteArrayLiteral("null") : jsonString(text);
}

/// The problem document as JSON when it is an intact object, else as a string (cut short).
QByteArray problemJson(const QByteArray &problem)
{
    if (problem.trimmed().isEmpty())
        return QByteArrayLiteral("null");
    const Json::ScanResult scan = Json::scan(QString::fromUtf8(problem));
    if (scan.ok() && scan.rootKind == Json::ValueKind::Object)
        return problem.trimmed();
    return jsonString(QString::fromUtf8(problem));
}

/// Calls `each` for every item of the batch, page by page; false with `error` on a failure.
template <typename Each>
bool forEachItem(const BatchJournal &journal, qint64 batchId, QString *error, Each each)
{
    qint64 after = 0;
    for (;;) {
        const std::optional<QList<BatchItem>> page = journal.items(batchId, {}, after, kPageSize);
        if (!page) {
            if (error)
                *error = journal.error();
            return false;
        }
        if (page->isEmpty())
            return true;
        after = page->last().line;
        for (const BatchItem &item : *page) {
            if (!each(item))
                return false;
        }
    }
}

} // namespace

int BatchTotals::exitCode() const
{
    if (undone > 0)
        return 3;
    if (refused > 0 || skipped > skippedHarmless)
        return 1;
    return 0;
}

namespace BatchReport {

Format formatForFile(const QString &fileName)
{
    return QFileInfo(fileName).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0
        ? Format::Json
        : Format::Csv;
}

QByteArray itemJson(const BatchItemOutcome &item)
{
    QByteArray out;
    out.reserve(160 + item.problem.size());
    out += "{\"jobKey\":";
    out += jsonString(item.jobKey);
    out += ",\"outcome\":";
    out += jsonString(item.outcomeName());
    out += ",\"httpStatus\":";
    out += item.httpStatus ? QByteArray::number(*item.httpStatus) : QByteArrayLiteral("null");
    out += ",\"problem\":";
    out += problemJson(item.problem);
    out += ",\"elapsedMs\":";
    out += QByteArray::number(item.elapsedMs);
    out += ",\"attempts\":";
    out += QByteArray::number(item.attempts);
    out += ",\"line\":";
    out += QByteArray::number(item.line);
    out += ",\"state\":";
    out += jsonString(batchItemStateName(item.state));
    out += ",\"note\":";
    out += nullableString(item.note);
    out += ",\"error\":";
    out += nullableString(item.error);
    out += '}';
    return out;
}

QByteArray totalsJson(const BatchTotals &totals)
{
    return QByteArrayLiteral("{\"batch\":{\"id\":") + QByteArray::number(totals.id)
        + ",\"total\":" + QByteArray::number(totals.total)
        + ",\"completed\":" + QByteArray::number(totals.completed) + ",\"skipped\":"
        + QByteArray::number(totals.skipped) + ",\"refused\":" + QByteArray::number(totals.refused)
        + ",\"undone\":" + QByteArray::number(totals.undone)
        + ",\"elapsedMs\":" + QByteArray::number(totals.elapsedMs) + "}}";
}

QByteArray csvHeader()
{
    return QByteArrayLiteral(
        "line,jobKey,state,outcome,httpStatus,attempts,title,detail,error,note\r\n");
}

QByteArray csvRow(const BatchItemOutcome &item)
{
    const ProblemDetails problem = ProblemDetails::parse(item.problem);
    QByteArray out;
    out += QByteArray::number(item.line);
    out += ',';
    out += HistoryExporter::csvKey(item.jobKey);
    out += ',';
    out += HistoryExporter::csvText(batchItemStateName(item.state));
    out += ',';
    out += HistoryExporter::csvText(item.outcomeName());
    out += ',';
    if (item.httpStatus)
        out += QByteArray::number(*item.httpStatus);
    out += ',';
    out += QByteArray::number(item.attempts);
    out += ',';
    out += HistoryExporter::csvText(problem.title());
    out += ',';
    out += HistoryExporter::csvText(problem.detail());
    out += ',';
    out += HistoryExporter::csvText(item.error);
    out += ',';
    out += HistoryExporter::csvText(item.note);
    out += "\r\n";
    return out;
}

std::optional<BatchTotals> totals(const BatchJournal &journal, qint64 batchId, QString *error)
{
    const std::optional<BatchInfo> info = journal.batch(batchId);
    if (!info) {
        if (error)
            *error = journal.error();
        return std::nullopt;
    }
    BatchTotals totals;
    totals.id = batchId;
    totals.elapsedMs = info->created.msecsTo(info->updated);
    const bool ok = forEachItem(journal, batchId, error, [&totals](const BatchItem &item) {
        ++totals.total;
        switch (item.state) {
        case BatchItemState::Planned:
        case BatchItemState::Sending:
            ++totals.undone;
            break;
        case BatchItemState::Skipped: {
            ++totals.skipped;
            const auto verdict = BatchPlanRules::verdictOfNote(item.note);
            if (verdict && planVerdictIsHarmless(*verdict))
                ++totals.skippedHarmless;
            break;
        }
        case BatchItemState::Done:
            if (BatchItemOutcome::fromItem(item).isCompleted())
                ++totals.completed;
            else
                ++totals.refused;
            break;
        }
        return true;
    });
    if (!ok)
        return std::nullopt;
    return totals;
}

bool write(
    const BatchJournal &journal, qint64 batchId, const QString &path, Format format, QString *error)
{
    const std::optional<BatchTotals> sums = totals(journal, batchId, error);
    if (!sums)
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (format == Format::Csv) {
        file.write("\xEF\xBB\xBF");
        file.write(csvHeader());
    } else {
        file.write(totalsJson(*sums).chopped(1));
        file.write(",\"items\":[\n");
    }
    bool first = true;
    const bool ok = forEachItem(journal, batchId, error, [&](const BatchItem &item) {
        const BatchItemOutcome o = BatchItemOutcome::fromItem(item);
        if (format == Format::Csv) {
            file.write(csvRow(o));
        } else {
            if (!first)
                file.write(",\n");
            file.write(itemJson(o));
        }
        first = false;
        return true;
    });
    if (!ok) {
        file.cancelWriting();
        return false;
    }
    if (format == Format::Json)
        file.write("\n]}\n");
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace BatchReport

} // namespace JobDesk
