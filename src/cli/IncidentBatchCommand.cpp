// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/IncidentBatchCommand.h"

#include "cli/CommandSession.h"
#include "cli/Console.h"
#include "cli/Output.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/json/Json.h"

#include <cstdio>
#include <unistd.h>

namespace JobDesk::Cli {

namespace IncidentBatchOutput {

int exitCode(ServerBatchResult result)
{
    switch (result) {
    case ServerBatchResult::Completed:
    case ServerBatchResult::Planned:
        return ExitOk;
    case ServerBatchResult::NoAnswer:
        return ExitNoAnswer;
    default:
        return ExitHttpError;
    }
}

QByteArray report(const ServerBatchRunner &runner, bool json)
{
    const ServerBatchProgress &p = runner.progress();
    if (json) {
        QByteArray out = "{\"result\":" + Json::quoteUtf8(serverBatchResultName(runner.result()));
        out += ",\"batchOperation\":" + p.toJson();
        out += ",\"error\":"
            + (runner.error().isEmpty() ? QByteArray("null") : Json::quoteUtf8(runner.error()));
        if (runner.startOutcome().httpStatus)
            out += ",\"httpStatus\":" + QByteArray::number(*runner.startOutcome().httpStatus);
        return out + "}\n";
    }
    QString text;
    if (!p.batchOperationKey.isEmpty()) {
        text += QStringLiteral("Batch operation %1: %2\n").arg(p.batchOperationKey, p.summary());
        if (p.retriesRaised || p.retriesRefused)
            text += QStringLiteral("  retries raised first: %1 (refused or unanswered: %2)\n")
                        .arg(p.retriesRaised)
                        .arg(p.retriesRefused);
        for (const BatchOperationItemRecord &item : p.failedItems)
            text += QStringLiteral("  failed: incident %1 (instance %2): %3\n")
                        .arg(item.itemKey, item.processInstanceKey, item.errorMessage);
        for (const QString &error : p.errors)
            text += QStringLiteral("  error: %1\n").arg(error);
    }
    if (!runner.error().isEmpty())
        text += runner.error() + QLatin1Char('\n');
    return escapeControls(text).toUtf8();
}

} // namespace IncidentBatchOutput

IncidentBatchCommand::IncidentBatchCommand(
    const CommandLine &line, const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_arguments(line.incidentBatch)
    , m_environment(environment)
    , m_terminal(::isatty(STDERR_FILENO) == 1)
{
}

IncidentBatchCommand::~IncidentBatchCommand()
{
    // The runner uses the session's client: it goes first.
    m_runner.reset();
    m_session.reset();
}

std::optional<int> IncidentBatchCommand::start()
{
    m_filter.processDefinitionId = m_arguments.processDefinitionId;
    m_filter.elementId = m_arguments.elementId;
    for (const QString &key : m_arguments.processInstanceKeys) {
        const auto parsed = JobKey::parse(key, KeyKind::ProcessInstance);
        if (!parsed.key) {
            printError(parsed.error);
            return ExitUsage;
        }
        m_filter.processInstanceKeys.append(parsed.key->toString());
    }
    m_session = std::make_unique<CommandSession>(m_arguments, m_environment);
    if (const std::optional<int> code = m_session->resolve())
        return *code;
    // Planning reads the cluster (incidents, jobs), so even --dry-run needs the credentials.
    if (const std::optional<int> code = m_session->checkBeforeSecrets())
        return *code;
    m_session->connectToSend([this] { send(); }, [this](int exitCode) { end(exitCode); });
    return std::nullopt;
}

HistoryTarget IncidentBatchCommand::historyTarget()
{
    return m_session->historyTarget(!m_arguments.noHistory && !m_arguments.dryRun);
}

void IncidentBatchCommand::send()
{
    m_runner = std::make_unique<ServerBatchRunner>(m_session->client());
    connect(m_runner.get(), &ServerBatchRunner::planned, this, &IncidentBatchCommand::onPlanned);
    connect(m_runner.get(), &ServerBatchRunner::progressChanged, this,
        &IncidentBatchCommand::onProgress);
    connect(m_runner.get(), &ServerBatchRunner::finished, this, &IncidentBatchCommand::onFinished);
    connect(m_runner.get(), &ServerBatchRunner::retriesProgress, this, [this](int done, int total) {
        if (!m_terminal || m_arguments.json)
            return;
        writeErr(QStringLiteral("\rraising retries: %1 of %2").arg(done).arg(total).toUtf8());
        m_progressShown = true;
    });
    connect(m_runner.get(), &ServerBatchRunner::started, this, [this] {
        if (m_progressShown)
            writeErr("\n");
        m_progressShown = false;
        if (!m_arguments.json)
            writeOut(QStringLiteral("Started batch operation %1.\n")
                         .arg(m_runner->progress().batchOperationKey)
                         .toUtf8());
        if (m_arguments.noWait) {
            if (m_arguments.json)
                writeOut(IncidentBatchOutput::report(*m_runner, true));
            m_runner->stop();
        }
    });
    m_runner->plan(m_filter, m_arguments.retries.toInt());
}

void IncidentBatchCommand::onPlanned()
{
    const ServerBatchPlan &plan = m_runner->currentPlan();
    if (m_arguments.json)
        writeOut(plan.toJson() + '\n');
    else if (plan.isValid())
        writeOut(escapeControls(plan.describe()).toUtf8());
    if (!plan.isValid()) {
        // Nothing was changed. A server without batch operations is told by the version table
        // (exit 2, as every request the server's version cannot take); a refused search is the
        // server's answer (1).
        const bool tooOld
            = plan.server.isKnown() && !supports(plan.server, ApiFeature::BatchOperations);
        if (!m_arguments.json)
            printError(tooOld ? plan.error + QStringLiteral(" Nothing was sent.") : plan.error);
        end(tooOld ? ExitUsage : ExitHttpError);
        return;
    }
    if (m_arguments.dryRun) {
        end(ExitOk);
        return;
    }
    if (plan.incidents.isEmpty()) {
        if (!m_arguments.json)
            writeOut("Nothing to resolve: no active incident matches.\n");
        end(ExitOk);
        return;
    }
    if (m_session->connection().isProduction() && !m_arguments.yes) {
        printError(QStringLiteral("'%1' is a production connection: %2 incidents would be "
                                  "resolved. Run again with --yes to start it; nothing was "
                                  "changed.")
                       .arg(m_session->connection().displayName())
                       .arg(plan.incidents.size()));
        end(ExitUsage);
        return;
    }
    m_runner->setHistory(historyTarget());
    m_runner->run();
}

void IncidentBatchCommand::onProgress()
{
    if (!m_terminal || m_arguments.json || m_arguments.noWait)
        return;
    writeErr("\r" + escapeControls(m_runner->progress().summary(), false).toUtf8() + "\x1b[K");
    m_progressShown = true;
}

void IncidentBatchCommand::onFinished(ServerBatchResult result)
{
    if (m_progressShown)
        writeErr("\n");
    m_progressShown = false;
    if (!m_runner->historyError().isEmpty())
        printError(QStringLiteral("warning: the batch was not fully recorded in the history: %1")
                       .arg(m_runner->historyError()));
    if (m_arguments.noWait && !m_runner->progress().batchOperationKey.isEmpty()) {
        end(ExitOk); // started: following it was not asked for
        return;
    }
    writeOut(IncidentBatchOutput::report(*m_runner, m_arguments.json));
    end(IncidentBatchOutput::exitCode(result));
}

void IncidentBatchCommand::end(int exitCode)
{
    emit finished(exitCode);
}

} // namespace JobDesk::Cli
