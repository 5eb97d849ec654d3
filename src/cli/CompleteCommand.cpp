// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CompleteCommand.h"

#include "cli/CliHistory.h"
#include "cli/CommandSession.h"
#include "cli/Console.h"
#include "cli/Interruption.h"
#include "cli/JobCommand.h"
#include "cli/Output.h"
#include "cli/ProfileCommand.h"
#include "cli/TemplateCommand.h"
#include "cli/VersionGate.h"
#include "core/camunda/Answers.h"
#include "core/connection/ConnectionFactory.h"
#include "core/connection/Profile.h"
#include "core/connection/ProfileSecrets.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/lookup/JobLookup.h"

namespace JobDesk::Cli {

CompleteCommand::CompleteCommand(
    const CompleteArguments &arguments, const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_arguments(arguments)
    , m_environment(environment)
{
}

CompleteCommand::~CompleteCommand()
{
    m_history.reset();
    m_lookup.reset();
    m_session.reset();
}

std::optional<int> CompleteCommand::start()
{
    const int code = prepare();
    if (code >= 0)
        return code;
    // The input is read and checked: from now on a signal is the command's to handle (it may
    // have to record a request in flight), not an immediate end.
    Interruption::deferToEventLoop();
    m_session->connectToSend([this] { send(); }, [this](int exitCode) { end(exitCode); });
    return std::nullopt;
}

int CompleteCommand::prepare()
{
    std::optional<TemplateDefaults> defaults;
    if (!m_arguments.templateName.isEmpty()) {
        QString error;
        defaults = loadTemplateDefaults(m_arguments.templateName, &error);
        if (!defaults) {
            printError(error);
            return ExitUsage;
        }
    }
    m_built = buildCompletionRequest(m_arguments, defaults, standardInput());
    if (!m_built.error.isEmpty()) {
        printError(m_built.error);
        return ExitUsage;
    }

    m_session = std::make_unique<CommandSession>(m_arguments, m_environment);
    if (const std::optional<int> code = m_session->resolve())
        return *code;
    const Connection &connection = m_session->connection();
    for (const QString &warning : std::as_const(m_built.warnings))
        writeErr("jobdesk-cli: " + warning.toUtf8() + '\n');

    // Only a request with a member not every version takes looks at the version: a plain
    // completion reads no file and waits for nothing.
    if (!m_built.request.features().isEmpty()) {
        m_versionGate = std::make_unique<VersionGate>(
            connection.apiRoot, m_built.request.features(), m_arguments.dryRun);
        if (const std::optional<int> code = m_versionGate->checkRemembered())
            return *code;
    }

    if (m_arguments.dryRun) {
        // Nothing leaves the machine: no token request, no keychain, no history.
        m_session->connectForDryRun();
        writeOut(formatDryRun(
            m_session->client()->describeCompletion(m_built.request), m_arguments.json));
        return ExitOk;
    }
    if (const std::optional<int> code = m_session->checkBeforeSecrets())
        return *code;
    return -1;
}

void CompleteCommand::send()
{
    if (m_versionGate && m_versionGate->needsRead())
        m_versionGate->read(
            m_session->client(), [this] { sendCompletion(); }, [this](int code) { end(code); });
    else
        sendCompletion();
}

void CompleteCommand::sendCompletion()
{
    m_startedAt = QDateTime::currentDateTimeUtc();
    if (!m_arguments.noHistory) {
        // Write-ahead: the attempt is committed before the request leaves, so a run killed
        // while it is in flight still leaves its row ("unknown — look the job up").
        if (!m_history)
            m_history = std::make_unique<CliHistory>();
        // An earlier attempt on this job whose outcome is unknown (its run ended with the
        // request in flight, or it was sent and no answer came): say so (the job may be
        // completed already), as the window does at its start.
        const QString jobKey = m_built.request.jobKey.toString();
        for (const HistoryEntry &earlier : m_history->unknownOutcomesFor(jobKey))
            printError(
                QStringLiteral("note: an earlier attempt on job %1 (%2, %3) has no recorded "
                               "outcome (%4); the job may be completed already")
                    .arg(jobKey,
                        earlier.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                        historySourceName(earlier.source),
                        earlier.state == HistoryState::Pending
                            ? QStringLiteral("its run ended while the request was in flight")
                            : QStringLiteral("it was sent and no answer came")));
        if (!m_history->begin(
                HistoryEntry::forAttempt(m_session->client()->describeCompletion(m_built.request),
                    HistorySource::Cli, m_session->connection().displayName(),
                    m_session->connection().isProduction(), m_startedAt)))
            warnNotRecorded(m_history->error());
    }
    m_call = m_session->client()->complete(m_built.request);
    connect(m_call, &ApiCall::finished, this, [this](const Outcome &outcome) {
        if (m_call)
            m_call->deleteLater();
        onFinished(outcome);
    });
}

void CompleteCommand::warnNotRecorded(const QString &why)
{
    printError(QStringLiteral("warning: this attempt was not recorded in the history (%1): %2")
                   .arg(HistoryStore::defaultPath(), why));
}

void CompleteCommand::interrupt(int signalNumber)
{
    const QString name = Interruption::signalName(signalNumber);
    if (m_lookup) {
        // The completion's outcome is already recorded; only the look-up after it is cut short.
        printError(QStringLiteral("interrupted (%1) while looking the job up after the answer "
                                  "was lost; the outcome is unknown — look the job up before "
                                  "sending it again")
                       .arg(name));
        end(ExitNoAnswer);
        return;
    }
    if (!m_call || m_call->isFinished()) {
        if (m_versionGate)
            m_versionGate->cancel(); // the completion must not follow
        printError(QStringLiteral("interrupted (%1); nothing was sent").arg(name));
        end(ExitUsage);
        return;
    }
    m_interruption = name;
    m_call->cancel(); // finished follows at once: onFinished() records and says what is known
}

void CompleteCommand::onFinished(const Outcome &answer)
{
    const QString jobKey = m_built.request.jobKey.toString();
    Outcome outcome = answer;
    // Interrupted with the request on its way: the server may or may not have completed the
    // job. The history row stays "unknown — look the job up"; the exit code says "no answer".
    const bool interrupted = !m_interruption.isEmpty() && answer.kind == OutcomeKind::Cancelled;
    if (interrupted)
        outcome.transportError
            = QStringLiteral("interrupted (%1) after the completion was sent, before an answer "
                             "came; the outcome is unknown — look the job up before sending it "
                             "again")
                  .arg(m_interruption);
    if (!m_arguments.noHistory && m_history && m_history->hasPendingAttempt()) {
        // Recorded before anything is printed, so a run ended meanwhile still leaves its trace.
        const bool recorded = interrupted
            ? m_history->markInterrupted(outcome.transportError, outcome.elapsedMs)
            : m_history->finish(outcome);
        if (!recorded)
            warnNotRecorded(m_history->error());
    }
    if (interrupted) {
        writeOut(m_arguments.json ? formatJson(outcome, jobKey) : formatHuman(outcome, jobKey));
        // An interrupted run heard nothing from the server: 3 like any answer that never came.
        end(ExitNoAnswer);
        return;
    }
    const bool lostAnswer = LookupRules::needsRecheck(outcome);
    const bool maybeRounded = outcome.kind == OutcomeKind::NotFound
        && LookupRules::mayBeRounded(m_built.request.jobKey);
    if (lostAnswer || maybeRounded) {
        lookUpAfter(outcome);
        return;
    }
    report(outcome, nullptr);
}

void CompleteCommand::lookUpAfter(const Outcome &outcome)
{
    m_lookup = std::make_unique<JobLookup>(m_session->client());
    JobLookupCall *call = nullptr;
    if (outcome.kind == OutcomeKind::NotFound) {
        JobLookup::Options options;
        options.incident = false;
        options.variables = false;
        call = m_lookup->lookUp(m_built.request.jobKey, options);
    } else {
        call = m_lookup->recheck(outcome);
    }
    connect(
        call, &JobLookupCall::finished, this, [this, call, outcome](const JobLookupResult &result) {
            call->deleteLater();
            report(outcome, &result);
        });
}

void CompleteCommand::report(const Outcome &outcome, const JobLookupResult *lookup)
{
    const QString jobKey = m_built.request.jobKey.toString();
    const std::optional<RecheckResult> recheck
        = lookup ? lookup->recheck : std::optional<RecheckResult>();
    // Suggestions only when the key itself is unknown to the search.
    const QList<JobRecord> suggestions
        = lookup && !lookup->job && !recheck ? lookup->jobs : QList<JobRecord>();
    if (recheck && recheck->verdict != RecheckVerdict::Unknown && !m_arguments.noHistory
        && m_history) {
        // A verdict goes with the attempt's row, so the history says what became of it. A
        // look-up that could not tell leaves the row unknown: the next run still warns.
        const LookupCheck check = recheck->verdict == RecheckVerdict::Applied
            ? LookupCheck::Applied
            : LookupCheck::NotApplied;
        if (!m_history->recordCheck(check, QDateTime::currentDateTimeUtc()))
            warnNotRecorded(m_history->error());
    }
    if (m_arguments.json) {
        QByteArray extra = ",\"suggestions\":" + JobOutput::suggestionsJson(suggestions);
        if (recheck) {
            extra += ",\"recheck\":{\"verdict\":" + jsonString(recheckVerdictName(recheck->verdict))
                + ",\"summary\":" + jsonString(recheck->summary) + ",\"jobState\":"
                + (lookup->job ? jsonString(lookup->job->state) : QByteArray("null")) + '}';
            extra += ",\"confirmedByLookup\":"
                + QByteArray(recheck->verdict == RecheckVerdict::Applied ? "true" : "false");
        }
        writeOut(formatJson(outcome, jobKey, extra));
    } else {
        QByteArray text = formatHuman(outcome, jobKey);
        if (recheck) {
            text += "Checked by lookup: " + recheck->summary.toUtf8() + ".\n";
            if (recheck->verdict == RecheckVerdict::Applied)
                text += "The completion was confirmed by lookup.\n";
        }
        text += JobOutput::suggestionsHuman(suggestions);
        writeOut(text);
    }

    int code = exitCodeFor(outcome);
    // A lost answer is settled by the look-up: completed → 0; still open or unknown → 3.
    if (recheck)
        code = recheck->verdict == RecheckVerdict::Applied ? ExitOk : ExitNoAnswer;
    end(code);
}

void CompleteCommand::end(int exitCode)
{
    emit finished(exitCode);
}

} // namespace JobDesk::Cli
