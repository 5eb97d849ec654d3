// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    TemplateSave,
    TemplateList,
    TemplateShow,
    TemplateRemove,
    TemplateExport,
    TemplateImport,
    JobShow,
    JobSearch,
};

/// `--variables <JSON>|@<file>|@-`: where the variables text comes from.
struct VariablesArgument
{
    enum class Source { Inline, File, Stdin };
    Source source = Source::Inline;
    QString value; ///< the JSON text (Inline) or the path (File)

    static VariablesArgument fromArgument(const QString &argument);
};

/// `complete <JOB_KEY> …`
struct CompleteArguments
{
    QString jobKey; ///< as typed; validated by JobKey::parse later
    std::optional<VariablesArgument> variables;
    bool deny = false;
    std::optional<QString> denyReason;
    QString templateName;
    QString profile;
    std::optional<QString> baseUrl;
    std::optional<std::chrono::milliseconds> timeout;
    bool json = false;
    bool dryRun = false;
    bool noHistory = false;
};

/// `--profile`, `--base-url`, `--timeout`: where a command that reads from the server goes.
struct ServerArguments
{
    QString profile;
    std::optional<QString> baseUrl;
    std::optional<std::chrono::milliseconds> timeout;
};

/// `job show <JOB_KEY> …`
struct JobShowArguments
{
    QString jobKey; ///< as typed; validated by JobKey::parse later
    ServerArguments server;
    bool json = false;
    bool dryRun = false;
    bool noHistory = false;
};

/// `job search [filters] …`
struct JobSearchArguments
{
    /// Job filter fields as the API names them (`type`, `state`, `processInstanceKey`, …) with
    /// the values as given; checked against the spec's filter table later.
    QList<QPair<QString, QString>> filters;
    std::optional<int> limit; ///< --limit; neither this nor `all`: the first 100
    bool all = false;
    bool json = false;
    bool csv = false;
    ServerArguments server;
    bool dryRun = false;
    bool noHistory = false;

    static constexpr int kDefaultLimit = 100;
};

/// `profile add <name> …`
struct ProfileAddArguments
{
    QString name;
    QString baseUrl;
    QString auth = QStringLiteral("none"); ///< none, basic, bearer, oauth
    QString username;
    QString clientId;
    QString tokenUrl;
    QString audience;
    QString scope;
    bool secretStdin = false;
    QString environment
        = QStringLiteral("dev"); ///< dev, test, prod, custom (prod: the window asks)
    QString colour; ///< "#rrggbb"; empty: the environment's colour
    QString caBundle; ///< PEM files, as given (made absolute when the profile is built)
    QString clientCertificate;
    QString clientKey;
    std::optional<int> timeoutSeconds; ///< empty: the default (30 s)
};

/// `template save <name> …`
struct TemplateSaveArguments
{
    QString name;
    std::optional<VariablesArgument> variables;
    bool deny = false;
    std::optional<QString> denyReason;
    QString description;
};

/// A parsed command line. Parsing checks the shape (commands, options, values that need no
/// outside knowledge); checks that need files, the environment or the stores come later.
struct CommandLine
{
    Command command = Command::Usage;
    QString error; ///< for Command::Usage: one sentence naming what is wrong
    QString topic; ///< "complete", "profile", "template" or empty: which usage/help to show

    QString name; ///< profile/template name for show, remove, export
    QString file; ///< template export/import file ("-" = stdout/stdin)
    bool all = false; ///< template export --all
    bool overwrite = false; ///< template import --overwrite
    bool json = false; ///< profile list / template list --json

    CompleteArguments complete;
    JobShowArguments jobShow;
    JobSearchArguments jobSearch;
    ProfileAddArguments profileAdd;
    TemplateSaveArguments templateSave;
};

/// Parses the arguments after the program name. Pure: reads no files, no environment.
CommandLine parseCommandLine(const QStringList &arguments);

/// Parses a `--timeout` value: a positive number of seconds (fractions allowed) up to one day.
/// Returns std::nullopt and sets `error` otherwise.
std::optional<std::chrono::milliseconds> parseTimeout(const QString &text, QString *error);

/// The short usage for a topic ("" for all), printed with usage errors.
QString usageText(const QString &topic = {});
/// The full `--help` text: every command, option and exit code.
QString helpText(const QString &topic = {});

} // namespace JobDesk::Cli
