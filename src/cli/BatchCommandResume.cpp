// SPDX-License-Identifier: GPL-3.0-or-later
// `batch resume`: an existing batch run again, where and as it was planned unless told otherwise.
#include "cli/BatchCommand.h"

#include "cli/BatchOutput.h"
#include "cli/CommandSession.h"
#include "cli/Console.h"
#include "cli/Interruption.h"
#include "cli/Output.h"
#include "core/batch/BatchReport.h"
#include "core/connection/ProfileStore.h"
#include "core/history/BatchJournal.h"

namespace JobDesk::Cli {

std::optional<int> BatchCommand::startResume()
{
    const std::optional<BatchInfo> info = namedBatch();
    if (!info)
        return ExitUsage;
    m_batchId = info->id;
    // Before anything else: a batch another program runs is that program's (a second runner
    // would send its items again before the journal stops it).
    if (!takeLease(m_batchId))
        return ExitUsage;
    if (info->state == BatchState::Planning) {
        printError(QStringLiteral("batch %1 was never fully planned (the run that read its input "
                                  "ended first); start it again from its input; nothing was sent")
                       .arg(m_batchId));
        return ExitUsage;
    }
    if (info->counts.planned + info->counts.sending == 0) {
        QString error;
        const std::optional<BatchTotals> totals
            = BatchReport::totals(*m_journal, m_batchId, &error);
        writeErr(QByteArray("jobdesk-cli: batch ") + QByteArray::number(m_batchId)
            + " has nothing left to send\n");
        if (!totals)
            return ExitUsage;
        writeOut(m_arguments.json ? BatchReport::totalsJson(*totals) + '\n'
                                  : BatchOutput::totalsHuman(*totals));
        return totals->exitCode();
    }
    // Where it ran, unless told otherwise: the profile of that name, else that address.
    ConnectionOptions connection = m_arguments;
    if (connection.profile.isEmpty() && !connection.baseUrl) {
        ProfileStore profiles;
        if (profiles.load() && profiles.find(info->spec.connection))
            connection.profile = info->spec.connection;
        else
            connection.baseUrl = info->spec.connection;
    }
    m_session = std::make_unique<CommandSession>(connection, m_environment);
    if (const std::optional<int> code = m_session->resolve())
        return code;
    // Planned against one server, resumed against another (or the same one downgraded).
    if (const std::optional<int> code = checkRememberedVersion(info->spec.payload))
        return code;
    const bool production = info->spec.production || m_session->connection().isProduction();
    const qint64 left = info->counts.planned + info->counts.sending;
    if (m_arguments.dryRun) {
        writeOut(QByteArray("batch ") + QByteArray::number(m_batchId) + ": "
            + QByteArray::number(info->counts.planned) + " items to send, "
            + QByteArray::number(info->counts.sending)
            + " to look up first (they were being sent); nothing was sent\n");
        return ExitOk;
    }
    if (production && !m_arguments.yes) {
        printError(QStringLiteral("batch %1 runs on a production connection (%2): %3 jobs are "
                                  "left; nothing was sent. Run it with --yes.")
                       .arg(m_batchId)
                       .arg(info->spec.connection)
                       .arg(left));
        return ExitUsage;
    }
    if (const std::optional<int> code = m_session->checkBeforeSecrets())
        return code;
    Interruption::deferToEventLoop();
    m_session->connectToSend(
        [this] { afterVersionCheck([this] { run(); }); }, [this](int code) { end(code); });
    return std::nullopt;
}

} // namespace JobDesk::Cli
