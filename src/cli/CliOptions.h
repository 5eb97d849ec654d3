// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/options/OptionGroups.h"
#include "core/connection/ConnectionKinds.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace JobDesk::Cli {

/// What the command line asks for.
enum class Command {
    Usage, ///< invalid command line: CommandLine::error says why (exit 2)
    Help,
    Version,
    Complete,
    ProfileAdd,
    ProfileList,
    ProfileShow,
    ProfileRemove,
    ProfileTest,
    TemplateSave,
    TemplateList,
    TemplateShow,
    TemplateRemove,
    TemplateExport,
    TemplateImport,
    JobShow,
    JobSearch,
    JobUpdate,
    JobFail,
    JobError,
    JobRepair,
    IncidentResolve,
    IncidentResolveAll, ///< `incident resolve --all`: the cluster's batch operation
    Batch,
    BatchList,
    BatchShow,
    BatchResume,
};

/// `complete <JOB_KEY> …`: the shared option groups and the key.
struct CompleteArguments : ConnectionOptions, PayloadOptions, LeaseOptions, OutputOptions
{
    QString jobKey; ///< as typed; validated by JobKey::parse later
};

/// `job show <JOB_KEY> …`: where to read from, how to show it.
struct JobShowArguments : ConnectionOptions, OutputOptions
{
    QString jobKey; ///< as typed; validated by JobKey::parse later
};

/// `job search [filters] …`
struct JobSearchArguments : ConnectionOptions, OutputOptions, JobFilterOptions
{
    std::optional<int> limit; ///< --limit; neither this nor `all`: the first 100
    bool all = false;
    bool csv = false; ///< --csv (OutputOptions::json is --json)

    static constexpr int kDefaultLimit = 100;
};

/// `job update|fail|error|repair <JOB_KEY> …` and `incident resolve <INCIDENT_KEY> …`: the
/// action's fields as typed (numbers as text: the core's request types check them and name
/// the field), std::nullopt when not given.
struct JobActionArguments : ConnectionOptions, OutputOptions
{
    QString key; ///< the job key (the incident key for `incident resolve`), as typed
    std::optional<QString> retries; ///< update, fail, repair
    std::optional<QString> jobTimeoutMs; ///< update: `--timeout <ms>` (the job's, not the wait)
    std::optional<QString> errorMessage; ///< fail, error
    std::optional<QString> retryBackOffMs; ///< fail
    std::optional<QString> errorCode; ///< error
    std::optional<VariablesArgument> variables; ///< fail, error, repair
    bool localVariables = false; ///< repair: `--local`
    QString then = QStringLiteral("leave"); ///< repair: "leave" or "complete"
};

/// `incident resolve --all [filter] …`: a server-side bulk incident resolution.
struct IncidentBatchArguments : ConnectionOptions, OutputOptions
{
    QString processDefinitionId;
    QStringList processInstanceKeys; ///< as typed; checked by the core's filter
    QString elementId;
    QString retries = QStringLiteral("1"); ///< for jobs with no retries left, raised first
    bool yes = false; ///< needed on a production profile
    bool noWait = false; ///< start it and print its key, do not follow it
};

/// `batch (--keys <file>|- | --csv <file> | --jsonl <file> | --search [filters]) …`,
/// `batch resume <id>`: the input, the payload shared by every item, how to run and report.
struct BatchArguments : ConnectionOptions, PayloadOptions, OutputOptions, JobFilterOptions
{
    enum class Input { None, Keys, Csv, JsonLines, Search };
    Input input = Input::None;
    QString file; ///< --keys/--csv/--jsonl: the file, "-" for standard input
    QString keyColumn; ///< --key-column
    std::optional<qint64> limit; ///< --search: at most this many jobs (--limit); none: all
    std::optional<int> concurrency; ///< --concurrency 1..64; none: the default (4)
    bool stopOnError = false;
    std::optional<qint64> errorBudget; ///< --error-budget <n>: stop after n refusals
    bool yes = false; ///< --yes: run on a production profile without asking
    QString report; ///< --report <file>: CSV, or JSON for a .json name
    qint64 batchId = 0; ///< show, resume
};

/// `profile add <name> …`
struct ProfileAddArguments
{
    QString name;
    QString baseUrl;
    AuthKind auth = AuthKind::None;
    QString username;
    QString clientId;
    QString tokenUrl;
    QString audience;
    QString scope;
    bool secretStdin = false;
    Environment environment = Environment::Dev; ///< prod: the window asks before changes
    QString colour; ///< "#rrggbb"; empty: the environment's colour
    QString caBundle; ///< PEM files, as given (made absolute when the profile is built)
    QString clientCertificate;
    QString clientKey;
    QString tenant; ///< the default tenant id; empty: none
    std::optional<int> timeoutSeconds; ///< empty: the default (30 s)
};

/// `profile test <name> [--timeout <seconds>] [--json]`
struct ProfileTestArguments
{
    QString name;
    std::optional<std::chrono::milliseconds> timeout;
    bool json = false;
};

/// `template save <name> …`: the payload group without --template, and a description.
struct TemplateSaveArguments : PayloadOptions
{
    QString name;
    QString description;
};

/// A parsed command line. Parsing checks the shape (commands, options, values that need no
/// outside knowledge); checks that need files, the environment or the stores come later.
struct CommandLine
{
    Command command = Command::Usage;
    QString error; ///< for Command::Usage: one sentence naming what is wrong
    QString topic; ///< "complete", "job", "profile", "template" or empty: which usage/help to show

    QString name; ///< profile/template name for show, remove, export
    QString file; ///< template export/import file ("-" = stdout/stdin)
    bool all = false; ///< template export --all
    bool overwrite = false; ///< template import --overwrite
    bool json = false; ///< profile list / template list --json

    CompleteArguments complete;
    JobShowArguments jobShow;
    JobSearchArguments jobSearch;
    JobActionArguments jobAction; ///< JobUpdate, JobFail, JobError, JobRepair, IncidentResolve
    IncidentBatchArguments incidentBatch; ///< IncidentResolveAll
    BatchArguments batch; ///< Batch, BatchShow, BatchResume (BatchList: `json`)
    ProfileAddArguments profileAdd;
    ProfileTestArguments profileTest;
    TemplateSaveArguments templateSave;
};

/// Parses the arguments after the program name. Pure: reads no files, no environment.
CommandLine parseCommandLine(const QStringList &arguments);

/// The short usage for a topic ("" for all), printed with usage errors.
QString usageText(const QString &topic = {});
/// The full `--help` text: every command, option and exit code.
QString helpText(const QString &topic = {});

} // namespace JobDesk::Cli
