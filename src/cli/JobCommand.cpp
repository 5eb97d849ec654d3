// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/JobCommand.h"

#include "cli/CliHistory.h"
#include "cli/CommandSession.h"
#include "cli/Console.h"
#include "cli/Output.h"
#include "cli/ProfileCommand.h"
#include "core/history/HistoryExporter.h"
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/json/JsonTree.h"
#include "core/lookup/JobLookup.h"
#include "core/lookup/JobSearchPager.h"

#include <QTimer>

#include <algorithm>

namespace JobDesk::Cli {

namespace {

constexpr int kSearchPageSize = 1000;

QByteArray orNull(const QString &text)
{
    return text.isNull() ? QByteArrayLiteral("null") : jsonString(text);
}

/// The members of the job object of the answer, each key member as a string.
QByteArray keysAsStrings(const QByteArray &rawObject)
{
    const Json::Document document = Json::Document::fromUtf8(rawObject);
    if (!document.isValid() || !document.root().isObject())
        return "null";
    QByteArray out = "{";
    bool first = true;
    for (const auto &[name, value] : document.root().members()) {
        if (!first)
            out += ',';
        first = false;
        out += jsonString(name) + ':';
        if (name.endsWith(QLatin1String("Key")) && value.isNumber() && !value.keyText().isEmpty())
            out += jsonString(value.keyText());
        else
            out += value.rawUtf8();
    }
    return out + '}';
}

QByteArray line(const char *label, const QString &value)
{
    return QByteArray("  ") + QByteArray(label).leftJustified(16, ' ') + value.toUtf8() + '\n';
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

int exitCodeForLookup(LookupState state)
{
    switch (state) {
    case LookupState::Found:
        return ExitOk;
    case LookupState::TransportError:
    case LookupState::Cancelled:
        return ExitNoAnswer;
    case LookupState::NotFound:
    case LookupState::NoPermission:
    case LookupState::SearchUnavailable:
    case LookupState::Refused:
        break;
    }
    return ExitHttpError;
}

} // namespace

// -------------------------------------------------------------------------------------- output

QByteArray JobOutput::jobJson(const JobRecord &job)
{
    return keysAsStrings(job.raw);
}

QByteArray JobOutput::suggestionsJson(const QList<JobRecord> &candidates)
{
    QByteArrayList keys;
    for (const JobRecord &job : candidates)
        keys.append(jsonString(job.jobKey));
    return '[' + keys.join(',') + ']';
}

QByteArray JobOutput::suggestionsHuman(const QList<JobRecord> &candidates)
{
    QByteArray out;
    for (const JobRecord &job : candidates)
        out += QStringLiteral("did you mean %1 (%2, process %3, %4)?\n")
                   .arg(job.jobKey, orDash(job.type), orDash(job.processDefinitionId),
                       orDash(job.state))
                   .toUtf8();
    if (!out.isEmpty())
        out.prepend("The key may have been rounded by JavaScript or a spreadsheet:\n");
    return out;
}

QByteArray JobOutput::showJson(const JobLookupResult &result)
{
    QByteArray out = "{\"job\":";
    out += result.job ? jobJson(*result.job) : QByteArrayLiteral("null");
    out += ",\"incident\":";
    out += result.incident ? keysAsStrings(result.incident->raw) : QByteArrayLiteral("null");
    out += ",\"variables\":{";
    bool first = true;
    for (const VariableRecord &variable : result.visibleVariables()) {
        if (!first)
            out += ',';
        first = false;
        // The value is the variable's JSON text as the server keeps it, digit for digit.
        const QByteArray value = variable.value.trimmed().toUtf8();
        out += jsonString(variable.name) + ':' + (value.isEmpty() ? QByteArray("null") : value);
    }
    out += '}';
    const QString error = result.isFound() ? QString() : result.describe();
    out += ",\"error\":" + orNull(error);
    out += ",\"state\":" + jsonString(lookupStateName(result.state));
    out += ",\"suggestions\":" + suggestionsJson(result.jobs);
    out += ",\"variablesComplete\":"
        + QByteArray(
            result.variablesComplete && result.variablesError.isEmpty() ? "true" : "false");
    out += ",\"variablesError\":"
        + orNull(result.variablesError.isEmpty() ? QString() : result.variablesError);
    out += "}\n";
    return out;
}

QByteArray JobOutput::showHuman(const JobLookupResult &result)
{
    if (!result.job) {
        QByteArray out
            = QStringLiteral("Job %1: %2\n").arg(result.key.toString(), result.describe()).toUtf8();
        return out + suggestionsHuman(result.jobs);
    }
    const JobRecord &job = *result.job;
    QByteArray out = QStringLiteral("Job %1\n").arg(job.jobKey).toUtf8();
    out += line("type", job.type);
    QString kind = orDash(job.kind);
    if (!job.listenerEventType.isEmpty() && job.listenerEventType != QLatin1String("UNSPECIFIED"))
        kind += QStringLiteral(" (%1)").arg(job.listenerEventType);
    out += line("kind", kind);
    out += line("state", orDash(job.state));
    out += line("retries", job.retries ? QString::number(*job.retries) : QStringLiteral("-"));
    out += line("worker", orDash(job.worker));
    out += line("deadline", orDash(job.deadline));
    out += line("process",
        QStringLiteral("%1 (instance %2)")
            .arg(orDash(job.processDefinitionId), orDash(job.processInstanceKey)));
    out += line("element",
        QStringLiteral("%1 (instance %2)")
            .arg(orDash(job.elementId), orDash(job.elementInstanceKey)));
    out += line("tenant", orDash(job.tenantId));
    if (!job.errorCode.isEmpty() || !job.errorMessage.isEmpty())
        out += line(
            "error", QStringLiteral("%1 %2").arg(job.errorCode, job.errorMessage).trimmed());
    if (job.isDenied.value_or(false))
        out += line("denied", orDash(job.deniedReason));
    if (!job.creationTime.isEmpty())
        out += line("created", job.creationTime);
    if (!job.lastUpdateTime.isEmpty())
        out += line("updated", job.lastUpdateTime);
    for (const auto &[name, value] : job.customHeaders)
        out += line("header", QStringLiteral("%1 = %2").arg(name, value));
    if (result.incident)
        out += line("incident",
            QStringLiteral("%1 %2: %3")
                .arg(result.incident->incidentKey, result.incident->errorType,
                    result.incident->errorMessage));
    else
        out += line("incident",
            result.incidentError.isEmpty()
                ? QStringLiteral("none")
                : QStringLiteral("unknown (%1)").arg(result.incidentError));
    const QList<VariableRecord> variables = result.visibleVariables();
    if (!result.variablesError.isEmpty()) {
        out += line("variables", QStringLiteral("unknown (%1)").arg(result.variablesError));
    } else {
        out += line("variables",
            variables.isEmpty() ? QStringLiteral("none") : QString::number(variables.size()));
        for (const VariableRecord &variable : variables)
            out += "    " + variable.name.toUtf8() + " = " + variable.value.toUtf8() + '\n';
        if (!result.variablesComplete)
            out += "    … (more variables than were read)\n";
    }
    return out;
}

QByteArray JobOutput::searchCsvHeader()
{
    return "jobKey,type,kind,listenerEventType,state,retries,worker,processDefinitionId,"
           "processDefinitionKey,processInstanceKey,elementId,elementInstanceKey,tenantId,"
           "deadline,errorCode,errorMessage,hasFailedWithRetriesLeft\r\n";
}

QByteArray JobOutput::searchCsvRow(const JobRecord &job)
{
    const auto text = [](const QString &value) { return HistoryExporter::csvText(value); };
    const auto key = [](const QString &value) { return HistoryExporter::csvKey(value); };
    QByteArrayList cells {
        key(job.jobKey),
        text(job.type),
        text(job.kind),
        text(job.listenerEventType),
        text(job.state),
        job.retries ? QByteArray::number(*job.retries) : QByteArray(),
        text(job.worker),
        text(job.processDefinitionId),
        key(job.processDefinitionKey),
        key(job.processInstanceKey),
        text(job.elementId),
        key(job.elementInstanceKey),
        text(job.tenantId),
        text(job.deadline),
        text(job.errorCode),
        text(job.errorMessage),
        job.hasFailedWithRetriesLeft ? QByteArray(*job.hasFailedWithRetriesLeft ? "true" : "false")
                                     : QByteArray(),
    };
    return cells.join(',') + "\r\n";
}

QByteArray JobOutput::searchHumanHeader()
{
    return "KEY\tTYPE\tKIND\tSTATE\tRETRIES\tPROCESS\tELEMENT\tINSTANCE\n";
}

QByteArray JobOutput::searchHumanRow(const JobRecord &job)
{
    QString kind = orDash(job.kind);
    if (!job.listenerEventType.isEmpty() && job.listenerEventType != QLatin1String("UNSPECIFIED"))
        kind += u'/' + job.listenerEventType;
    const QStringList cells {job.jobKey, orDash(job.type), kind, orDash(job.state),
        job.retries ? QString::number(*job.retries) : QStringLiteral("-"),
        orDash(job.processDefinitionId), orDash(job.elementId), orDash(job.processInstanceKey)};
    // A tab or newline inside a value would break the columns.
    QString row = cells.join(u'\t');
    return row.toUtf8() + '\n';
}

// ------------------------------------------------------------------------------------- command

JobCommand::JobCommand(
    const CommandLine &line, const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_line(line)
    , m_environment(environment)
{
}

JobCommand::~JobCommand()
{
    m_history.reset();
    m_pager.reset();
    m_lookup.reset();
    m_session.reset();
}

std::optional<int> JobCommand::start()
{
    const bool isShow = m_line.command == Command::JobShow;
    const int code = isShow ? prepareShow() : prepareSearch();
    if (code >= 0)
        return code;
    m_session->connectToSend([this] { send(); }, [this](int exitCode) { end(exitCode); });
    const bool noHistory = isShow ? m_line.jobShow.noHistory : m_line.jobSearch.noHistory;
    if (!noHistory) {
        QTimer::singleShot(0, this, [this] {
            if (!m_history)
                m_history = std::make_unique<CliHistory>();
            m_history->open();
        });
    }
    return std::nullopt;
}

int JobCommand::prepareShow()
{
    const JobShowArguments &a = m_line.jobShow;
    const JobKey::ParseResult parsed = JobKey::parse(a.jobKey);
    if (!parsed.key) {
        printError(parsed.error);
        return ExitUsage;
    }
    m_key = *parsed.key;
    if (const int code = prepareConnection(a, a.dryRun); code >= 0)
        return code;
    if (a.dryRun) {
        const SearchRequest request = SearchRequest::jobByKey(m_key);
        writeOut(formatDryRun(m_session->client()->describe(request.toApiRequest()), a.json));
        return ExitOk;
    }
    return -1;
}

int JobCommand::prepareSearch()
{
    const JobSearchArguments &a = m_line.jobSearch;
    m_search.target = SearchTarget::Jobs;
    for (const auto &[field, value] : a.filters) {
        if (field.endsWith(QLatin1String("Key"))) {
            const JobKey::ParseResult parsed = JobKey::parse(value, KeyKind::ProcessInstance);
            if (!parsed.key) {
                printError(parsed.error);
                return ExitUsage;
            }
            m_search.filter.exact(field, parsed.key->toString());
        } else {
            m_search.filter.exact(field, value);
        }
    }
    if (const QString error = m_search.filter.validationError(SearchTarget::Jobs);
        !error.isEmpty()) {
        printError(error);
        return ExitUsage;
    }
    m_wanted = a.all ? -1 : a.limit.value_or(JobSearchArguments::kDefaultLimit);
    m_search.limit = static_cast<int>(
        m_wanted < 0 ? kSearchPageSize : std::min<qint64>(m_wanted, kSearchPageSize));
    if (const int code = prepareConnection(a, a.dryRun); code >= 0)
        return code;
    if (a.dryRun) {
        writeOut(formatDryRun(m_session->client()->describe(m_search.toApiRequest()), a.json));
        return ExitOk;
    }
    return -1;
}

int JobCommand::prepareConnection(const ConnectionOptions &options, bool dryRun)
{
    m_session = std::make_unique<CommandSession>(options, m_environment);
    if (const std::optional<int> code = m_session->resolve())
        return *code;
    if (dryRun) {
        // Nothing leaves the machine: no keychain; the headers are shown redacted anyway.
        m_session->connectForDryRun();
        return -1;
    }
    if (const std::optional<int> code = m_session->checkBeforeSecrets())
        return *code;
    return -1;
}

void JobCommand::send()
{
    m_startedAt = QDateTime::currentDateTimeUtc();
    if (m_line.command == Command::JobShow)
        show();
    else
        search();
}

void JobCommand::show()
{
    m_lookup = std::make_unique<JobLookup>(m_session->client());
    JobLookup::Options options;
    options.fullValues = true; // the exact values, not the search's cut ones
    JobLookupCall *call = m_lookup->lookUp(m_key, options);
    connect(call, &JobLookupCall::finished, this, [this, call](const JobLookupResult &result) {
        call->deleteLater();
        record(result.outcome, m_key.toString());
        writeOut(m_line.jobShow.json ? JobOutput::showJson(result) : JobOutput::showHuman(result));
        end(exitCodeForLookup(result.state));
    });
}

void JobCommand::search()
{
    m_pager = std::make_unique<JobSearchPager>(m_session->client());
    connect(m_pager.get(), &JobSearchPager::pageArrived, this, &JobCommand::onPage);
    connect(m_pager.get(), &JobSearchPager::failed, this, &JobCommand::onSearchFailed);
    m_pager->start(m_search);
}

void JobCommand::onSearchFailed(const Outcome &outcome, const QString &error)
{
    if (m_pager->pagesRead() == 0)
        record(outcome, QString());
    JobLookupResult failed;
    failed.state
        = outcome.ok() ? LookupState::Refused : LookupRules::stateForSearch(outcome, false);
    failed.outcome = outcome;
    printError(outcome.ok() ? QStringLiteral("the answer could not be read: %1").arg(error)
                            : failed.describe());
    end(outcome.ok() ? ExitHttpError : exitCodeFor(outcome));
}

void JobCommand::onPage(const QList<JobRecord> &jobs, bool first)
{
    const JobSearchArguments &a = m_line.jobSearch;
    if (first) {
        record(m_pager->lastOutcome(), QString());
        if (a.csv)
            writeOut(JobOutput::searchCsvHeader());
        else if (!a.json)
            writeOut(JobOutput::searchHumanHeader());
    }
    QByteArray out;
    for (const JobRecord &job : jobs) {
        if (m_wanted >= 0 && m_printed >= m_wanted)
            break;
        if (a.json)
            out += JobOutput::jobJson(job) + '\n';
        else if (a.csv)
            out += JobOutput::searchCsvRow(job);
        else
            out += JobOutput::searchHumanRow(job);
        ++m_printed;
    }
    writeOut(out); // each page as it arrives
    if (m_pager->hasMore() && (m_wanted < 0 || m_printed < m_wanted)) {
        m_pager->fetchNext();
        return;
    }
    const qint64 total = m_pager->total().value_or(m_printed);
    if (!a.json && !a.csv && m_wanted >= 0 && m_pager->hasMore() && total > m_printed)
        writeErr(QStringLiteral("jobdesk-cli: %1 of %2%3 matching jobs shown; use --limit <n> or "
                                "--all for more\n")
                     .arg(m_printed)
                     .arg(total)
                     .arg(m_pager->totalIsLowerBound() ? QStringLiteral("+") : QString())
                     .toUtf8());
    end(ExitOk);
}

void JobCommand::record(const Outcome &outcome, const QString &jobKey)
{
    const bool noHistory = m_line.command == Command::JobShow ? m_line.jobShow.noHistory
                                                              : m_line.jobSearch.noHistory;
    if (noHistory || !outcome.request.url.isValid())
        return;
    if (!m_history)
        m_history = std::make_unique<CliHistory>();
    if (!m_history->append(HistoryEntry::fromOutcome(outcome, HistorySource::Cli,
            m_session->connection().displayName(), jobKey, m_startedAt)))
        printError(QStringLiteral("warning: this look-up was not recorded in the history (%1): %2")
                       .arg(HistoryStore::defaultPath(), m_history->error()));
}

void JobCommand::end(int exitCode)
{
    emit finished(exitCode);
}

} // namespace JobDesk::Cli
