// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/JobActionCommand.h"

#include "cli/CommandSession.h"
#include "cli/CompletionInput.h"
#include "cli/Console.h"
#include "cli/JobCommand.h"
#include "cli/Output.h"
#include "cli/ProfileCommand.h"
#include "core/actions/ActionSender.h"
#include "core/camunda/JobActions.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"

namespace JobDesk::Cli {

namespace {

/// The variables of `--variables`, or an error; blank when not given.
bool readVariables(const std::optional<VariablesArgument> &argument, QIODevice *stdinDevice,
    VariablesDocument *out, QString *error)
{
    if (!argument)
        return true;
    QByteArray utf8;
    if (!readVariablesText(*argument, stdinDevice, &utf8, error))
        return false;
    *out = VariablesDocument::fromUtf8(utf8);
    if (!out->isValid()) {
        *error = QStringLiteral("--variables is not valid JSON: %1").arg(out->errorMessage());
        return false;
    }
    return true;
}

QByteArray orNull(const QByteArray &json)
{
    return json.isEmpty() ? QByteArrayLiteral("null") : json;
}

QByteArray stepStatusName(RepairStepStatus status)
{
    switch (status) {
    case RepairStepStatus::Waiting:
        return "waiting";
    case RepairStepStatus::Running:
        return "running";
    case RepairStepStatus::Done:
        return "done";
    case RepairStepStatus::Refused:
        return "refused";
    case RepairStepStatus::NotRun:
        return "not-run";
    }
    return "waiting";
}

/// "job K: FAILED, retries 0; incident I (JOB_NO_RETRIES): message"
QString lookedUpLine(const JobLookupResult &lookup)
{
    if (!lookup.job)
        return QStringLiteral("Job %1: %2").arg(lookup.key.toString(), lookup.describe());
    const JobRecord &job = *lookup.job;
    QString text = QStringLiteral("Job %1 (%2): %3, retries %4")
                       .arg(job.jobKey, job.type, job.state,
                           job.retries ? QString::number(*job.retries) : QStringLiteral("-"));
    if (lookup.incident)
        text += QStringLiteral("; incident %1 (%2): %3")
                    .arg(lookup.incident->incidentKey, lookup.incident->errorType,
                        lookup.incident->errorMessage);
    else
        text += QStringLiteral("; no open incident");
    return text;
}

QByteArray lookedUpJson(const JobLookupResult &lookup)
{
    return ",\"job\":" + (lookup.job ? JobOutput::jobJson(*lookup.job) : QByteArray("null"))
        + ",\"incident\":"
        + (lookup.incident ? orNull(lookup.incident->raw) : QByteArrayLiteral("null"));
}

} // namespace

BuiltAction buildJobAction(const CommandLine &line, QIODevice *stdinDevice)
{
    BuiltAction built;
    const JobActionArguments &a = line.jobAction;
    const KeyKind kind
        = line.command == Command::IncidentResolve ? KeyKind::Incident : KeyKind::Job;
    const JobKey::ParseResult parsed = JobKey::parse(a.key, kind);
    if (!parsed.key) {
        built.error = parsed.error;
        return built;
    }
    built.key = *parsed.key;
    VariablesDocument variables;
    if (!readVariables(a.variables, stdinDevice, &variables, &built.error))
        return built;
    switch (line.command) {
    case Command::JobUpdate: {
        UpdateJobRequest update;
        update.jobKey = built.key;
        update.retries = a.retries.value_or(QString());
        update.timeoutMs = a.jobTimeoutMs.value_or(QString());
        built.error = update.validationError();
        built.request = update.toApiRequest();
        break;
    }
    case Command::JobFail: {
        FailJobRequest fail;
        fail.jobKey = built.key;
        fail.retries = a.retries.value_or(QString());
        fail.errorMessage = a.errorMessage.value_or(QString());
        fail.retryBackOffMs = a.retryBackOffMs.value_or(QString());
        fail.variables = variables;
        built.error = fail.validationError();
        built.request = fail.toApiRequest();
        break;
    }
    case Command::JobError: {
        ThrowErrorRequest error;
        error.jobKey = built.key;
        error.errorCode = a.errorCode.value_or(QString());
        error.errorMessage = a.errorMessage.value_or(QString());
        error.variables = variables;
        built.error = error.validationError();
        built.request = error.toApiRequest();
        break;
    }
    case Command::IncidentResolve: {
        ResolveIncidentRequest resolve;
        resolve.incidentKey = built.key;
        built.error = resolve.validationError();
        built.request = resolve.toApiRequest();
        break;
    }
    case Command::JobRepair:
        if (a.retries)
            built.repair.retries = *a.retries;
        built.repair.variables = variables;
        built.repair.localVariables = a.localVariables;
        built.repair.then = repairThenFromName(a.then).value_or(RepairThen::Leave);
        built.error = built.repair.validationError();
        break;
    default:
        built.error = QStringLiteral("not a job action");
        break;
    }
    return built;
}

// -------------------------------------------------------------------------------------- output

QString RepairOutput::resultName(RepairResult result)
{
    switch (result) {
    case RepairResult::Running:
        return QStringLiteral("running");
    case RepairResult::Planned:
        return QStringLiteral("planned");
    case RepairResult::NotPlanned:
        return QStringLiteral("not-planned");
    case RepairResult::Repaired:
        return QStringLiteral("repaired");
    case RepairResult::Refused:
        return QStringLiteral("refused");
    case RepairResult::NoAnswer:
        return QStringLiteral("no-answer");
    case RepairResult::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

QByteArray RepairOutput::dryRun(const RepairPlan &plan, const QList<RequestRecord> &requests,
    const JobLookupResult &lookup, bool json)
{
    if (json) {
        QByteArray out = "{\"dryRun\":true,\"jobKey\":" + jsonString(plan.jobKey.toString());
        out += lookedUpJson(lookup);
        out += ",\"steps\":[";
        for (qsizetype i = 0; i < plan.steps.size(); ++i) {
            if (i > 0)
                out += ',';
            out += "{\"step\":" + QByteArray::number(i + 1)
                + ",\"action\":" + jsonString(actionKindName(plan.steps.at(i).request.action))
                + ",\"title\":" + jsonString(plan.steps.at(i).title)
                + ",\"request\":" + formatDryRun(requests.value(i), true).trimmed() + '}';
        }
        out += "],\"note\":" + (plan.note.isEmpty() ? QByteArray("null") : jsonString(plan.note));
        out += ",\"error\":" + (plan.error.isEmpty() ? QByteArray("null") : jsonString(plan.error));
        return out + "}\n";
    }
    QByteArray out = lookedUpLine(lookup).toUtf8() + '\n';
    if (!plan.error.isEmpty())
        return out + plan.error.toUtf8() + '\n';
    out += "Plan (dry run: nothing is sent):\n";
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        out += QStringLiteral("%1. %2\n").arg(i + 1).arg(plan.steps.at(i).title).toUtf8();
        out += formatDryRun(requests.value(i), false) + '\n';
    }
    if (!plan.note.isEmpty())
        out += "Note: " + plan.note.toUtf8() + '\n';
    return out;
}

QByteArray RepairOutput::report(const RepairRunner &runner, bool json)
{
    const RepairPlan &plan = runner.plan();
    const QList<RepairStepProgress> &progress = runner.progress();
    const RepairResult result = runner.result();
    const QString jobKey = plan.jobKey.toString();
    if (json) {
        QByteArray out = "{\"jobKey\":" + jsonString(jobKey);
        out += ",\"ok\":" + QByteArray(result == RepairResult::Repaired ? "true" : "false");
        out += ",\"result\":" + jsonString(resultName(result));
        out += ",\"linkId\":"
            + (runner.linkId().isEmpty() ? QByteArray("null") : jsonString(runner.linkId()));
        out += lookedUpJson(runner.lookup());
        out += ",\"steps\":[";
        for (qsizetype i = 0; i < plan.steps.size(); ++i) {
            if (i > 0)
                out += ',';
            const RepairStepProgress &step = progress.value(i);
            const bool answered
                = step.status == RepairStepStatus::Done || step.status == RepairStepStatus::Refused;
            out += "{\"step\":" + QByteArray::number(i + 1)
                + ",\"action\":" + jsonString(actionKindName(plan.steps.at(i).request.action))
                + ",\"title\":" + jsonString(plan.steps.at(i).title) + ",\"status\":"
                + jsonString(QString::fromLatin1(stepStatusName(step.status))) + ",\"outcome\":"
                + (answered ? formatJson(
                       step.outcome, step.outcome.request.subjectKey, {}, &step.explanation)
                                  .trimmed()
                            : QByteArray("null"))
                + '}';
        }
        out += "],\"note\":" + (plan.note.isEmpty() ? QByteArray("null") : jsonString(plan.note));
        out += ",\"error\":" + (plan.error.isEmpty() ? QByteArray("null") : jsonString(plan.error));
        return out + "}\n";
    }
    QByteArray out = lookedUpLine(runner.lookup()).toUtf8() + '\n';
    if (!plan.error.isEmpty())
        return out + plan.error.toUtf8() + '\n';
    const qsizetype total = plan.steps.size();
    for (qsizetype i = 0; i < total; ++i) {
        const RepairStepProgress &step = progress.value(i);
        out += QStringLiteral("Step %1/%2: %3")
                   .arg(i + 1)
                   .arg(total)
                   .arg(plan.steps.at(i).title)
                   .toUtf8();
        if (step.status == RepairStepStatus::NotRun || step.status == RepairStepStatus::Waiting) {
            out += " \xE2\x80\x94 not sent\n"; // em dash
            continue;
        }
        out += '\n';
        QByteArray text
            = formatHuman(step.outcome, step.outcome.request.subjectKey, &step.explanation);
        text.replace("\n", "\n  ");
        out += "  " + text.trimmed() + '\n';
    }
    if (!plan.note.isEmpty())
        out += "Note: " + plan.note.toUtf8() + '\n';
    switch (result) {
    case RepairResult::Repaired:
        out += plan.steps.last().kind == RepairStep::Kind::Complete
            ? QStringLiteral("Repaired: job %1 is completed.\n").arg(jobKey).toUtf8()
            : QStringLiteral("Repaired: job %1 can be taken by its worker again.\n")
                  .arg(jobKey)
                  .toUtf8();
        break;
    case RepairResult::Refused:
        out += QStringLiteral("Repair stopped at step %1: the server refused it; the steps after "
                              "it were not sent.\n")
                   .arg(runner.stoppedAt() + 1)
                   .toUtf8();
        break;
    case RepairResult::NoAnswer:
        out += QStringLiteral("Repair stopped at step %1: no answer came (the server may have "
                              "applied it); look the job up before trying again.\n")
                   .arg(runner.stoppedAt() + 1)
                   .toUtf8();
        break;
    default:
        break;
    }
    return out;
}

// ------------------------------------------------------------------------------------- command

JobActionCommand::JobActionCommand(
    const CommandLine &line, const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_line(line)
    , m_arguments(m_line.jobAction)
    , m_environment(environment)
{
}

JobActionCommand::~JobActionCommand()
{
    m_runner.reset();
    m_sender.reset();
    m_session.reset();
}

std::optional<int> JobActionCommand::start()
{
    const int code = prepare();
    if (code >= 0)
        return code;
    m_session->connectToSend([this] { send(); }, [this](int exitCode) { end(exitCode); });
    return std::nullopt;
}

int JobActionCommand::prepare()
{
    m_built = buildJobAction(m_line, standardInput());
    if (!m_built.error.isEmpty()) {
        printError(m_built.error);
        return ExitUsage;
    }
    m_session = std::make_unique<CommandSession>(m_arguments, m_environment);
    if (const std::optional<int> code = m_session->resolve())
        return *code;
    const bool repair = m_line.command == Command::JobRepair;
    if (m_arguments.dryRun && !repair) {
        // Nothing leaves the machine: no token request, no keychain, no history.
        m_session->connectForDryRun();
        writeOut(formatDryRun(m_session->client()->describe(m_built.request), m_arguments.json));
        return ExitOk;
    }
    // A repair's dry run reads the job (to know its incident and scope): a request that changes
    // nothing, but it needs the credentials.
    if (const std::optional<int> code = m_session->checkBeforeSecrets())
        return *code;
    return -1;
}

HistoryTarget JobActionCommand::historyTarget()
{
    return m_session->historyTarget(!m_arguments.noHistory && !m_arguments.dryRun);
}

void JobActionCommand::send()
{
    if (m_line.command == Command::JobRepair)
        startRepair();
    else
        sendOne();
}

void JobActionCommand::sendOne()
{
    m_sender = std::make_unique<ActionSender>(m_session->client());
    m_sender->setHistory(historyTarget());
    connect(m_sender.get(), &ActionSender::finished, this,
        [this](const Outcome &outcome, const Explanation &explanation) {
            if (!m_sender->historyError().isEmpty())
                printError(
                    QStringLiteral("warning: this attempt was not recorded in the history: %1")
                        .arg(m_sender->historyError()));
            const QString key = m_built.key.toString();
            const QByteArray extra
                = ",\"action\":" + jsonString(actionKindName(outcome.request.action))
                + ",\"subjectKey\":" + jsonString(key);
            writeOut(m_arguments.json ? formatJson(outcome, key, extra, &explanation)
                                      : formatHuman(outcome, key, &explanation));
            end(exitCodeFor(outcome));
        });
    m_sender->send(m_built.request);
}

void JobActionCommand::startRepair()
{
    m_runner = std::make_unique<RepairRunner>(m_session->client());
    m_runner->setHistory(historyTarget());
    connect(m_runner.get(), &RepairRunner::finished, this, &JobActionCommand::onRepairFinished);
    if (m_arguments.dryRun) {
        m_runner->start(m_built.key, m_built.repair, RepairRunner::Mode::PlanOnly);
        return;
    }
    m_runner->start(m_built.key, m_built.repair);
}

void JobActionCommand::onRepairFinished(RepairResult result)
{
    if (!m_runner->historyError().isEmpty())
        printError(QStringLiteral("warning: the repair was not fully recorded in the history: %1")
                       .arg(m_runner->historyError()));
    if (result == RepairResult::Planned) {
        QList<RequestRecord> requests;
        for (const RepairStep &step : m_runner->plan().steps)
            requests.append(m_session->client()->describe(step.request));
        writeOut(
            RepairOutput::dryRun(m_runner->plan(), requests, m_runner->lookup(), m_arguments.json));
        end(ExitOk);
        return;
    }
    writeOut(RepairOutput::report(*m_runner, m_arguments.json));
    switch (result) {
    case RepairResult::Repaired:
        end(ExitOk);
        return;
    case RepairResult::NotPlanned: {
        const LookupState state = m_runner->lookup().state;
        end(state == LookupState::TransportError || state == LookupState::Cancelled
                ? ExitNoAnswer
                : ExitHttpError);
        return;
    }
    case RepairResult::Refused:
    case RepairResult::NoAnswer: {
        const int stopped = m_runner->stoppedAt();
        end(stopped >= 0 ? exitCodeFor(m_runner->progress().at(stopped).outcome) : ExitHttpError);
        return;
    }
    default:
        end(ExitNoAnswer);
        return;
    }
}

void JobActionCommand::end(int exitCode)
{
    emit finished(exitCode);
}

} // namespace JobDesk::Cli
