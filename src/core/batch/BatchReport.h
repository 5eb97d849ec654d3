// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/batch/BatchRunner.h"
#include "core/history/BatchJournal.h"

#include <QByteArray>
#include <QString>

namespace JobDesk {

/// The totals of a batch as `{"batch": …}` and the exit code report them.
struct BatchTotals
{
    qint64 id = 0;
    qint64 total = 0;
    qint64 completed = 0;
    qint64 skipped = 0; ///< skipped on purpose (already completed, duplicate, not found, …)
    qint64 skippedHarmless = 0; ///< of `skipped`: already completed or duplicate
    qint64 refused = 0;
    qint64 undone = 0; ///< planned or sending: no outcome (yet)
    qint64 elapsedMs = 0;

    /// The contract's exit code for the batch as a whole: 0 every item completed or skipped as
    /// already completed (or duplicate), 3 when transport failures left items undone, 1 when any
    /// was refused or skipped for another reason.
    int exitCode() const;
};

/// The report of a batch: per item its outcome with status and problem, as `--json` lines, CSV
/// or a JSON document, and the totals. Reads the journal page by page (never every item at
/// once); pure formatting otherwise.
namespace BatchReport {

enum class Format { Csv, Json };
/// `.json` → Json, anything else → Csv.
Format formatForFile(const QString &fileName);

/// One `--json` line (without the newline): `jobKey`, `outcome`, `httpStatus`, `problem`
/// (the problem object or null), `elapsedMs`, `attempts`, plus `line`, `state`, `note` and
/// `error`.
QByteArray itemJson(const BatchItemOutcome &item);
/// The last `--json` line: `{"batch":{"id","total","completed","skipped","refused","undone",
/// "elapsedMs"}}`.
QByteArray totalsJson(const BatchTotals &totals);
/// `line,jobKey,state,outcome,httpStatus,attempts,title,detail,error,note` and a row per item
/// (keys as text; fields quoted as RFC 4180 wants).
QByteArray csvHeader();
QByteArray csvRow(const BatchItemOutcome &item);

/// Counts the journal's items by final outcome (reads every item once, page by page).
std::optional<BatchTotals> totals(const BatchJournal &journal, qint64 batchId, QString *error);

/// Writes every item of the batch to `path` (QSaveFile: all or nothing), as CSV or as a JSON
/// document `{"batch":{…},"items":[…]}`.
bool write(const BatchJournal &journal, qint64 batchId, const QString &path, Format format,
    QString *error);

} // namespace BatchReport

} // namespace JobDesk
