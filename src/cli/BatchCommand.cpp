// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/BatchCommand.h"

#include "cli/BatchOutput.h"
#include "cli/CliHistory.h"
#include "cli/CommandSession.h"
#include "cli/CompletionInput.h"
#include "cli/Console.h"
#include "cli/Interruption.h"
#include "cli/Output.h"
#include "cli/TemplateCommand.h"
#include "cli/VersionGate.h"
#include "core/batch/BatchLease.h"
#include "core/batch/BatchPlan.h"
#include "core/batch/BatchReport.h"
#include "core/history/BatchJournal.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

namespace JobDesk::Cli {

namespace {

/// The most a batch's input file may hold (a million rows with variables fit easily).
constexpr qint64 kMaxInputBytes = qint64(1) << 30;

BatchInputFormat formatOf(const BatchArguments &arguments, const QByteArray &text)
{
    switch (arguments.input) {
    case BatchArguments::Input::Csv:
        return BatchInputReader::guessFormat(arguments.file, text) == BatchInputFormat::Tsv
            ? BatchInputFormat::Tsv
            : BatchInputFormat::Csv;
    case BatchArguments::Input::JsonLines:
        return BatchInputFormat::JsonLines;
    default:
        return BatchInputFormat::Keys;
    }
}

} // namespace

BatchCommand::BatchCommand(
    const CommandLine &line, const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_line(line)
    , m_arguments(line.batch)
    , m_environment(environment)
{
    m_terminal = isatty(fileno(stderr)) != 0;
}

BatchCommand::~BatchCommand()
{
    m_runner.reset();
    m_planner.reset();
    m_journal.reset();
    m_versionGate.reset();
    m_session.reset();
    m_lease.reset();
}

std::optional<int> BatchCommand::start()
{
    switch (m_line.command) {
    case Command::BatchList:
        return list();
    case Command::BatchShow:
        return show();
    case Command::BatchResume:
        return startResume();
    default:
        return startNew();
    }
}

bool BatchCommand::openJournal()
{
    if (m_arguments.noHistory) {
        // The journal is what makes a batch safe; without the history it lives for this run.
        m_privateDir = std::make_unique<QTemporaryDir>();
        m_privateStore = std::make_unique<HistoryStore>();
        if (!m_privateDir->isValid()
            || !m_privateStore->open(m_privateDir->filePath(QStringLiteral("batch.sqlite")))) {
            printError(QStringLiteral("cannot make the batch's temporary journal: %1")
                           .arg(m_privateStore->error()));
            return false;
        }
        m_store = m_privateStore.get();
    } else {
        m_history = std::make_unique<CliHistory>();
        m_store = m_history->store();
        if (!m_store) {
            printError(QStringLiteral("cannot open the history (%1), where a batch is journalled: "
                                      "%2; nothing was sent")
                           .arg(HistoryStore::defaultPath(), m_history->error()));
            return false;
        }
    }
    m_journal = std::make_unique<BatchJournal>(*m_store);
    return true;
}

std::optional<int> BatchCommand::startNew()
{
    // The payload shared by every item, checked as `complete` checks it. Its key is each
    // item's own; the placeholder only satisfies the request's checks.
    std::optional<TemplateDefaults> defaults;
    if (!m_arguments.templateName.isEmpty()) {
        QString error;
        defaults = loadTemplateDefaults(m_arguments.templateName, &error);
        if (!defaults) {
            printError(error);
            return ExitUsage;
        }
    }
    CompleteArguments complete;
    static_cast<PayloadOptions &>(complete) = m_arguments;
    complete.jobKey = QStringLiteral("1");
    const BuiltRequest built = buildCompletionRequest(complete, defaults, standardInput());
    if (!built.error.isEmpty()) {
        printError(built.error);
        return ExitUsage;
    }
    for (const QString &warning : built.warnings)
        writeErr("jobdesk-cli: " + warning.toUtf8() + '\n');
    m_payloadBody = built.request.body();

    if (m_arguments.input == BatchArguments::Input::Search) {
        QStringList parts;
        for (const auto &[field, value] : std::as_const(m_arguments.filters))
            parts.append(field + u'=' + value);
        m_inputSummary = QStringLiteral("job search ") + parts.join(u' ');
    } else if (m_arguments.file == QLatin1String("-")) {
        m_input = standardInput()->read(kMaxInputBytes + 1);
        m_inputSummary = QStringLiteral("standard input");
    } else {
        QFile file(m_arguments.file);
        if (!file.open(QIODevice::ReadOnly)) {
            printError(QStringLiteral("cannot read '%1': %2; nothing was sent")
                           .arg(m_arguments.file, file.errorString()));
            return ExitUsage;
        }
        m_input = file.read(kMaxInputBytes + 1);
        m_inputSummary = QFileInfo(m_arguments.file).fileName();
    }
    if (m_input.size() > kMaxInputBytes) {
        printError(QStringLiteral("the input is larger than 1 GiB; split it; nothing was sent"));
        return ExitUsage;
    }
    if (m_arguments.input != BatchArguments::Input::Search)
        m_inputSummary
            += QStringLiteral(" (%1)").arg(batchInputFormatName(formatOf(m_arguments, m_input)));

    m_session = std::make_unique<CommandSession>(m_arguments, m_environment);
    if (const std::optional<int> code = m_session->resolve())
        return code;
    if (const std::optional<int> code = checkRememberedVersion(m_payloadBody))
        return code;
    if (const std::optional<int> code = m_session->checkBeforeSecrets())
        return code;
    if (!openJournal())
        return ExitUsage;
    Interruption::deferToEventLoop();
    m_session->connectToSend(
        [this] { afterVersionCheck([this] { plan(); }); }, [this](int code) { end(code); });
    return std::nullopt;
}

std::optional<int> BatchCommand::checkRememberedVersion(const QByteArray &payload)
{
    // Every item carries the shared payload: what the server's version cannot take is said once,
    // before a batch is planned, instead of by every item's refusal. A plain payload reads no
    // file and waits for nothing.
    const std::optional<BatchPayload> parsed = BatchPayload::fromBody(payload, nullptr);
    if (!parsed || parsed->features().isEmpty())
        return std::nullopt; // an unreadable stored payload: the runner says why
    m_versionGate = std::make_unique<VersionGate>(
        m_session->connection().apiRoot, parsed->features(), m_arguments.dryRun);
    return m_versionGate->checkRemembered();
}

void BatchCommand::afterVersionCheck(std::function<void()> next)
{
    if (m_versionGate && m_versionGate->needsRead())
        m_versionGate->read(m_session->client(), std::move(next), [this](int code) { end(code); });
    else
        next();
}

void BatchCommand::plan()
{
    BatchSpec spec;
    spec.source = HistorySource::Cli;
    spec.connection = m_session->connection().displayName();
    spec.production = m_session->connection().isProduction();
    spec.action = ActionKind::Complete;
    spec.inputSummary = m_inputSummary;
    spec.payload = m_payloadBody;
    BatchRunOptions options;
    options.concurrency = m_arguments.concurrency.value_or(BatchRunOptions::kDefaultConcurrency);
    options.stopOnError = m_arguments.stopOnError;
    options.errorBudget = m_arguments.errorBudget.value_or(-1);
    spec.options = options.toJson();

    BatchSource source;
    if (m_arguments.input == BatchArguments::Input::Search) {
        SearchRequest search;
        search.target = SearchTarget::Jobs;
        for (const auto &[field, value] : std::as_const(m_arguments.filters))
            search.filter.exact(field, value);
        search.limit = static_cast<int>(std::min<qint64>(m_arguments.limit.value_or(1000), 1000));
        if (const QString invalid = search.validationError(); !invalid.isEmpty()) {
            printError(invalid + QStringLiteral("; nothing was sent"));
            end(ExitUsage);
            return;
        }
        source.search = search;
        source.searchLimit = m_arguments.limit.value_or(-1);
    } else {
        BatchTableOptions table;
        table.keyColumn = m_arguments.keyColumn;
        source.reader
            = std::make_shared<BatchInputReader>(formatOf(m_arguments, m_input), m_input, table);
    }

    m_planner = std::make_unique<BatchPlanner>(m_session->client(), m_journal.get());
    // The planner checks the payload against the version too; a dry run was only warned.
    if (m_versionGate && !m_arguments.dryRun)
        m_planner->setServerVersion(m_versionGate->version());
    connect(m_planner.get(), &BatchPlanner::finished, this, &BatchCommand::onPlanned);
    connect(m_planner.get(), &BatchPlanner::rowSkipped, this,
        [this](qint64 line, const QString &jobKey, PlanVerdict verdict, const QString &why) {
            if (!m_arguments.json || m_arguments.dryRun)
                return;
            BatchItemOutcome item;
            item.line = line;
            item.jobKey = jobKey;
            item.state = BatchItemState::Skipped;
            item.note = BatchPlanRules::skipNote(verdict, why);
            queueOut(BatchReport::itemJson(item) + '\n');
        });
    connect(m_planner.get(), &BatchPlanner::progress, this, [this](qint64 read, qint64 checked) {
        if (!m_terminal)
            return;
        writeErr("\rplanning: " + QByteArray::number(read) + " rows read, "
            + QByteArray::number(checked) + " looked up\x1b[K");
        m_progressShown = true;
    });
    m_planner->start(spec, source);
    // The batch exists now (its id is the journal's): this program holds it from here to the
    // end of its run, so that no other program resumes it meanwhile and `batch list` can tell
    // it from a batch whose program died.
    if (m_planner->batchId() != 0 && !takeLease(m_planner->batchId()))
        m_planner->cancel(); // onPlanned follows: nothing was sent
}

bool BatchCommand::takeLease(qint64 batchId)
{
    m_lease = std::make_unique<BatchLease>(m_store->path(), batchId);
    if (m_lease->acquire())
        return true;
    printError(m_lease->error() + QStringLiteral("; nothing was sent"));
    m_lease.reset();
    return false;
}

void BatchCommand::onPlanned(bool ok, const QString &error)
{
    flushOut();
    clearProgressLine();
    const BatchPlanSummary &summary = m_planner->summary();
    if (!ok) {
        if (summary.errorCount > 0)
            writeErr(BatchOutput::badRows(summary));
        printError(error);
        if (m_interrupted || summary.errorCount > 0 || !m_planner->failure())
            end(ExitUsage);
        else
            end(exitCodeFor(*m_planner->failure()));
        return;
    }
    m_batchId = m_planner->batchId();
    if (m_arguments.dryRun && m_arguments.json)
        writeOut(BatchOutput::planJson(m_batchId, summary));
    else if (m_arguments.json)
        writeErr(BatchOutput::planHuman(m_batchId, summary));
    else
        writeOut(BatchOutput::planHuman(m_batchId, summary));
    if (m_arguments.dryRun) {
        // A dry run leaves nothing behind: the plan was the point.
        m_journal->removeBatch(m_batchId);
        end(ExitOk);
        return;
    }
    if (m_session->connection().isProduction() && !m_arguments.yes && summary.toSend() > 0) {
        printError(QStringLiteral("profile '%1' is a production connection: %2 jobs would be "
                                  "completed; nothing was sent. Run it with --yes, or continue "
                                  "this plan with: jobdesk-cli batch resume %3 --yes")
                       .arg(m_session->connection().profileName)
                       .arg(summary.toSend())
                       .arg(m_batchId));
        end(ExitUsage);
        return;
    }
    run();
}

std::optional<BatchInfo> BatchCommand::namedBatch()
{
    if (!openJournal())
        return std::nullopt;
    std::optional<BatchInfo> info = m_journal->batch(m_arguments.batchId);
    if (!info)
        printError(QStringLiteral("there is no batch %1 (batch list shows them)")
                       .arg(m_arguments.batchId));
    return info;
}

void BatchCommand::run()
{
    m_runner = std::make_unique<BatchRunner>(m_session->client(), m_journal.get());
    m_runner->setHistoryIdentity(HistorySource::Cli, m_session->connection().displayName(),
        m_session->connection().isProduction());
    if (m_versionGate)
        m_runner->setServerVersion(m_versionGate->version());
    if (m_line.command == Command::BatchResume) {
        // The batch's own options, with what this command line says over them.
        const std::optional<BatchInfo> info = m_journal->batch(m_batchId);
        BatchRunOptions options
            = BatchRunOptions::fromJson(info ? info->spec.options : QByteArray());
        if (m_arguments.concurrency)
            options.concurrency = *m_arguments.concurrency;
        if (m_arguments.stopOnError)
            options.stopOnError = true;
        if (m_arguments.errorBudget)
            options.errorBudget = *m_arguments.errorBudget;
        m_runner->setOptions(options);
    }
    connect(m_runner.get(), &BatchRunner::itemFinished, this, &BatchCommand::onItem);
    connect(m_runner.get(), &BatchRunner::progressChanged, this, &BatchCommand::onProgress);
    connect(m_runner.get(), &BatchRunner::finished, this, &BatchCommand::onRunFinished);
    if (!m_runner->start(m_batchId)) {
        printError(QStringLiteral("cannot run batch %1: %2; nothing was sent")
                       .arg(m_batchId)
                       .arg(m_runner->error()));
        end(ExitUsage);
    }
}

void BatchCommand::onItem(const BatchItemOutcome &item)
{
    if (m_arguments.json) {
        queueOut(BatchReport::itemJson(item) + '\n');
        return;
    }
    if (item.isCompleted())
        return;
    clearProgressLine();
    writeOut(BatchOutput::itemHuman(item));
}

void BatchCommand::onProgress(const BatchProgress &progress)
{
    if (!m_terminal)
        return;
    writeErr("\r" + BatchOutput::progressLine(m_batchId, progress) + "\x1b[K");
    m_progressShown = true;
}

void BatchCommand::clearProgressLine()
{
    if (!m_progressShown)
        return;
    writeErr("\r\x1b[K");
    m_progressShown = false;
}

void BatchCommand::queueOut(const QByteArray &line)
{
    m_queuedOut += line;
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    QMetaObject::invokeMethod(this, &BatchCommand::flushOut, Qt::QueuedConnection);
}

void BatchCommand::flushOut()
{
    m_flushQueued = false;
    if (!m_queuedOut.isEmpty())
        writeOut(std::exchange(m_queuedOut, {}));
}

void BatchCommand::onRunFinished(BatchRunner::EndReason reason, const QString &error)
{
    flushOut();
    clearProgressLine();
    if (reason == BatchRunner::EndReason::JournalError)
        printError(QStringLiteral("the batch journal cannot be written (%1); nothing more was "
                                  "sent")
                       .arg(error));
    else if (reason == BatchRunner::EndReason::StoppedOnError)
        printError(QStringLiteral("stopped after a refusal (--stop-on-error, --error-budget, "
                                  "or credentials the server refuses); continue with: "
                                  "jobdesk-cli batch resume %1")
                       .arg(m_batchId));
    QString totalsError;
    std::optional<BatchTotals> totals = BatchReport::totals(*m_journal, m_batchId, &totalsError);
    if (!totals) {
        printError(totalsError);
        end(ExitNoAnswer);
        return;
    }
    totals->elapsedMs = m_runner->progress().elapsedMs;
    if (!m_arguments.report.isEmpty()) {
        QString reportError;
        if (!BatchReport::write(*m_journal, m_batchId, m_arguments.report,
                BatchReport::formatForFile(m_arguments.report), &reportError))
            printError(reportError);
    }
    writeOut(m_arguments.json ? BatchReport::totalsJson(*totals) + '\n'
                              : BatchOutput::totalsHuman(*totals));
    int code = totals->exitCode();
    if (reason == BatchRunner::EndReason::JournalError)
        code = ExitNoAnswer;
    end(code);
}

void BatchCommand::interrupt(int signalNumber)
{
    const QString name = Interruption::signalName(signalNumber);
    m_interrupted = true;
    if (m_runner && m_runner->state() != BatchRunner::State::Finished) {
        clearProgressLine();
        printError(QStringLiteral("interrupted (%1): no new requests; those in flight are "
                                  "recorded; continue with: jobdesk-cli batch resume %2")
                       .arg(name)
                       .arg(m_batchId));
        m_runner->cancel();
        return;
    }
    if (m_planner) {
        m_planner->cancel(); // onPlanned follows: nothing was sent
        return;
    }
    if (m_versionGate)
        m_versionGate->cancel(); // neither the plan nor the run may follow
    printError(QStringLiteral("interrupted (%1); nothing was sent").arg(name));
    end(ExitUsage);
}

void BatchCommand::end(int exitCode)
{
    flushOut();
    clearProgressLine();
    emit finished(exitCode);
}

} // namespace JobDesk::Cli
