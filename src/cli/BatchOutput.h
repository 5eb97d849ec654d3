// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/batch/BatchLease.h"
#include "core/batch/BatchPlan.h"
#include "core/batch/BatchReport.h"
#include "core/batch/BatchRunner.h"
#include "core/history/BatchJournal.h"

#include <QByteArray>
#include <QList>

namespace JobDesk::Cli {

/// What `jobdesk-cli batch …` prints, pure (unit-tested): the plan as a table or JSON, bad rows,
/// the progress line, an item for a person, the totals, `batch list` and `batch show`.
namespace BatchOutput {

/// The plan table: one line per verdict with its count, then the first rows of each verdict
/// that is not sent (line, key, why).
QByteArray planHuman(qint64 batchId, const BatchPlanSummary &summary);
/// `{"plan":{"id","rows","willComplete",…,"examples":{…}}}` (dry run with --json).
QByteArray planJson(qint64 batchId, const BatchPlanSummary &summary);
/// "line 7: …" per bad row (at most BatchPlanSummary::kMaxErrors, then how many more).
QByteArray badRows(const BatchPlanSummary &summary);
/// One line for a terminal (no line end): done/total, counts, rate, ETA, concurrency.
QByteArray progressLine(qint64 batchId, const BatchProgress &progress);
/// An item that did not complete, for a person: "line 12 2251799813685249: not-found 404 …".
QByteArray itemHuman(const BatchItemOutcome &item);
/// The end: "batch 12: 10000 items — 9990 completed, 5 skipped, 3 refused, 2 undone (12.3 s)".
QByteArray totalsHuman(const BatchTotals &totals);
/// `batch list`: `statuses[i]` is `batches[i]` as it is now (interrupted, or run by whom). The
/// text shows BatchStatus::stateName() ("interrupted" for a batch whose program died); the
/// JSON keeps `state` the journal's word and adds `interrupted`, and `live` and `pid` for the
/// program holding the batch (false/null when none).
QByteArray listHuman(const QList<BatchInfo> &batches, const QList<BatchStatus> &statuses);
QByteArray listJson(const QList<BatchInfo> &batches, const QList<BatchStatus> &statuses);
/// `batch show`: the batch, its totals and (human) the first items that did not complete.
QByteArray showHuman(const BatchInfo &info, const BatchStatus &status, const BatchTotals &totals,
    const QList<BatchItemOutcome> &notCompleted, bool more);
QByteArray showJson(const BatchInfo &info, const BatchStatus &status, const BatchTotals &totals);

} // namespace BatchOutput

} // namespace JobDesk::Cli
