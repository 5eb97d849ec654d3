// SPDX-License-Identifier: GPL-3.0-or-later
// `batch list` and `batch show`: what the journal holds, with whether a program runs each batch.
#include "cli/BatchCommand.h"

#include "cli/BatchOutput.h"
#include "cli/Console.h"
#include "cli/Output.h"
#include "core/batch/BatchLease.h"
#include "core/batch/BatchReport.h"
#include "core/history/BatchJournal.h"
#include "core/history/HistoryStore.h"

namespace JobDesk::Cli {

int BatchCommand::list()
{
    if (!openJournal())
        return ExitUsage;
    const std::optional<QList<BatchInfo>> batches = m_journal->batches(100);
    if (!batches) {
        printError(m_journal->error());
        return ExitUsage;
    }
    // Whether a batch the journal says runs really does: its program holds the lease.
    QList<BatchStatus> statuses;
    statuses.reserve(batches->size());
    for (const BatchInfo &info : *batches)
        statuses.append(BatchStatus::of(m_store->path(), info));
    writeOut(m_arguments.json ? BatchOutput::listJson(*batches, statuses)
                              : BatchOutput::listHuman(*batches, statuses));
    return ExitOk;
}

int BatchCommand::show()
{
    const std::optional<BatchInfo> info = namedBatch();
    if (!info)
        return ExitUsage;
    QString error;
    const std::optional<BatchTotals> totals = BatchReport::totals(*m_journal, info->id, &error);
    if (!totals) {
        printError(error);
        return ExitUsage;
    }
    if (!m_arguments.report.isEmpty()
        && !BatchReport::write(*m_journal, info->id, m_arguments.report,
            BatchReport::formatForFile(m_arguments.report), &error)) {
        printError(error);
        return ExitUsage;
    }
    const BatchStatus status = BatchStatus::of(m_store->path(), *info);
    if (m_arguments.json) {
        writeOut(BatchOutput::showJson(*info, status, *totals));
        return ExitOk;
    }
    constexpr int kShown = 50;
    QList<BatchItemOutcome> notCompleted;
    bool more = false;
    qint64 after = 0;
    while (!more) {
        const std::optional<QList<BatchItem>> page = m_journal->items(info->id, {}, after, 1000);
        if (!page || page->isEmpty())
            break;
        after = page->last().line;
        for (const BatchItem &item : *page) {
            const BatchItemOutcome outcome = BatchItemOutcome::fromItem(item);
            if (outcome.isCompleted())
                continue;
            if (notCompleted.size() >= kShown) {
                more = true;
                break;
            }
            notCompleted.append(outcome);
        }
    }
    writeOut(BatchOutput::showHuman(*info, status, *totals, notCompleted, more));
    return ExitOk;
}

} // namespace JobDesk::Cli
