// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliOptions.h"

#include <QHash>
#include <QList>

#include <algorithm>
#include <cmath>

namespace JobDesk::Cli {

namespace {

struct OptionSpec
{
    const char *name; ///< without the leading "--"
    bool takesValue;
};

/// Options and positional arguments of one command, as given.
struct Scan
{
    QStringList positional;
    QHash<QString, QString> options; ///< name (without "--") -> value ("" for flags)
    QString error;

    bool has(const char *name) const { return options.contains(QLatin1String(name)); }
    QString value(const char *name) const { return options.value(QLatin1String(name)); }
};

const OptionSpec *findSpec(const QList<OptionSpec> &specs, const QString &name)
{
    for (const OptionSpec &spec : specs) {
        if (name == QLatin1String(spec.name))
            return &spec;
    }
    return nullptr;
}

/// Splits `arguments[from…]` into options and positionals. `--name value` and `--name=value`
/// are both accepted; `--` ends the options. A value that is missing (end of the line, or the
/// next word is another long option) is an error, so `--deny-reason --json` never swallows a flag.
Scan scan(
    const QStringList &arguments, int from, const QList<OptionSpec> &specs, const QString &context)
{
    Scan result;
    bool optionsEnded = false;
    for (int i = from; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (optionsEnded || argument == QLatin1String("-") || !argument.startsWith(u'-')) {
            result.positional.append(argument);
            continue;
        }
        if (argument == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        if (!argument.startsWith(QLatin1String("--"))) {
            result.error = QStringLiteral("unknown option '%1' for '%2'").arg(argument, context);
            return result;
        }
        const qsizetype equals = argument.indexOf(u'=');
        const QString name = argument.mid(2, equals < 0 ? -1 : equals - 2);
        const OptionSpec *spec = findSpec(specs, name);
        if (!spec) {
            result.error = QStringLiteral("unknown option '--%1' for '%2'").arg(name, context);
            return result;
        }
        if (result.options.contains(name)) {
            result.error = QStringLiteral("option '--%1' is given more than once").arg(name);
            return result;
        }
        QString value;
        if (spec->takesValue) {
            if (equals >= 0) {
                value = argument.mid(equals + 1);
            } else if (i + 1 < arguments.size()
                && !arguments.at(i + 1).startsWith(QLatin1String("--"))) {
                value = arguments.at(++i);
            } else {
                result.error = QStringLiteral("option '--%1' needs a value").arg(name);
                return result;
            }
        } else if (equals >= 0) {
            result.error = QStringLiteral("option '--%1' takes no value").arg(name);
            return result;
        }
        result.options.insert(name, value);
    }
    return result;
}

CommandLine usageError(const QString &topic, const QString &error)
{
    CommandLine line;
    line.command = Command::Usage;
    line.topic = topic;
    line.error = error;
    return line;
}

/// Checks the number of positionals; fills `error` otherwise.
bool expectPositionals(const Scan &scan, const QStringList &names, QString *error)
{
    if (scan.positional.size() < names.size()) {
        *error = QStringLiteral("missing %1").arg(names.at(scan.positional.size()));
        return false;
    }
    if (scan.positional.size() > names.size()) {
        *error = QStringLiteral("unexpected argument '%1'").arg(scan.positional.at(names.size()));
        return false;
    }
    for (int i = 0; i < names.size(); ++i) {
        if (scan.positional.at(i).trimmed().isEmpty()) {
            *error = QStringLiteral("%1 is empty").arg(names.at(i));
            return false;
        }
    }
    return true;
}

/// A value that must not be blank (names, addresses).
bool requireNonBlank(const Scan &scan, const char *name, QString *error)
{
    if (scan.has(name) && scan.value(name).trimmed().isEmpty()) {
        *error = QStringLiteral("option '--%1' needs a non-empty value").arg(QLatin1String(name));
        return false;
    }
    return true;
}

CommandLine parseComplete(const QStringList &arguments)
{
    static const QList<OptionSpec> specs {
        {"variables", true},
        {"deny", false},
        {"deny-reason", true},
        {"template", true},
        {"profile", true},
        {"base-url", true},
        {"timeout", true},
        {"json", false},
        {"dry-run", false},
        {"no-history", false},
    };
    const QString topic = QStringLiteral("complete");
    const Scan s = scan(arguments, 1, specs, topic);
    if (!s.error.isEmpty())
        return usageError(topic, s.error);
    QString error;
    if (!expectPositionals(s, {QStringLiteral("<JOB_KEY>")}, &error))
        return usageError(topic, error);
    for (const char *name : {"template", "profile", "base-url"}) {
        if (!requireNonBlank(s, name, &error))
            return usageError(topic, error);
    }
    if (s.has("profile") && s.has("base-url"))
        return usageError(
            topic, QStringLiteral("--profile and --base-url cannot be used together"));
    // With a template the reason may refine the template's deny; checked after merging.
    if (s.has("deny-reason") && !s.has("deny") && !s.has("template"))
        return usageError(topic, QStringLiteral("--deny-reason needs --deny"));

    CommandLine line;
    line.command = Command::Complete;
    line.topic = topic;
    CompleteArguments &c = line.complete;
    c.jobKey = s.positional.at(0);
    if (s.has("variables"))
        c.variables = VariablesArgument::fromArgument(s.value("variables"));
    c.deny = s.has("deny");
    if (s.has("deny-reason"))
        c.denyReason = s.value("deny-reason");
    c.templateName = s.value("template").trimmed();
    c.profile = s.value("profile").trimmed();
    if (s.has("base-url"))
        c.baseUrl = s.value("base-url").trimmed();
    if (s.has("timeout")) {
        c.timeout = parseTimeout(s.value("timeout"), &error);
        if (!c.timeout)
            return usageError(topic, error);
    }
    c.json = s.has("json");
    c.dryRun = s.has("dry-run");
    c.noHistory = s.has("no-history");
    return line;
}

/// `--profile`, `--base-url`, `--timeout` of a command that reads from the server.
bool parseServer(const Scan &s, ServerArguments *server, QString *error)
{
    for (const char *name : {"profile", "base-url"}) {
        if (!requireNonBlank(s, name, error))
            return false;
    }
    if (s.has("profile") && s.has("base-url")) {
        *error = QStringLiteral("--profile and --base-url cannot be used together");
        return false;
    }
    server->profile = s.value("profile").trimmed();
    if (s.has("base-url"))
        server->baseUrl = s.value("base-url").trimmed();
    if (s.has("timeout")) {
        server->timeout = parseTimeout(s.value("timeout"), error);
        if (!server->timeout)
            return false;
    }
    return true;
}

CommandLine parseJob(const QStringList &arguments)
{
    const QString topic = QStringLiteral("job");
    if (arguments.size() < 2)
        return usageError(topic, QStringLiteral("missing a job command (show, search)"));
    const QString sub = arguments.at(1);
    const QString context = topic + u' ' + sub;
    const QList<OptionSpec> serverSpecs {
        {"profile", true},
        {"base-url", true},
        {"timeout", true},
        {"dry-run", false},
        {"no-history", false},
    };
    CommandLine line;
    line.topic = topic;
    QString error;
    if (sub == QLatin1String("show")) {
        QList<OptionSpec> specs = serverSpecs;
        specs.append({"json", false});
        const Scan s = scan(arguments, 2, specs, context);
        if (!s.error.isEmpty())
            return usageError(topic, s.error);
        if (!expectPositionals(s, {QStringLiteral("<JOB_KEY>")}, &error))
            return usageError(topic, error);
        JobShowArguments &a = line.jobShow;
        if (!parseServer(s, &a.server, &error))
            return usageError(topic, error);
        a.jobKey = s.positional.at(0);
        a.json = s.has("json");
        a.dryRun = s.has("dry-run");
        a.noHistory = s.has("no-history");
        line.command = Command::JobShow;
        return line;
    }
    if (sub == QLatin1String("search")) {
        // Option name → the job filter field it sets.
        static const QList<QPair<const char *, const char *>> filterOptions {
            {"type", "type"},
            {"state", "state"},
            {"kind", "kind"},
            {"process-definition-id", "processDefinitionId"},
            {"process-instance-key", "processInstanceKey"},
            {"element-id", "elementId"},
            {"worker", "worker"},
            {"tenant-id", "tenantId"},
            {"listener-event-type", "listenerEventType"},
            {"error-code", "errorCode"},
        };
        QList<OptionSpec> specs = serverSpecs;
        for (const auto &[option, field] : filterOptions)
            specs.append({option, true});
        specs
            += QList<OptionSpec> {{"limit", true}, {"all", false}, {"json", false}, {"csv", false}};
        const Scan s = scan(arguments, 2, specs, context);
        if (!s.error.isEmpty())
            return usageError(topic, s.error);
        if (!expectPositionals(s, {}, &error))
            return usageError(topic, error);
        JobSearchArguments &a = line.jobSearch;
        if (!parseServer(s, &a.server, &error))
            return usageError(topic, error);
        for (const auto &[option, field] : filterOptions) {
            if (!s.has(option))
                continue;
            if (!requireNonBlank(s, option, &error))
                return usageError(topic, error);
            QString value = s.value(option).trimmed();
            // Enum values as the API spells them: `--state created` means CREATED.
            if (qstrcmp(field, "state") == 0 || qstrcmp(field, "kind") == 0
                || qstrcmp(field, "listenerEventType") == 0)
                value = value.toUpper().replace(u'-', u'_');
            a.filters.append({QLatin1String(field), value});
        }
        if (s.has("limit") && s.has("all"))
            return usageError(topic, QStringLiteral("--limit and --all cannot be used together"));
        if (s.has("json") && s.has("csv"))
            return usageError(topic, QStringLiteral("--json and --csv cannot be used together"));
        if (s.has("limit")) {
            bool ok = false;
            const int limit = s.value("limit").trimmed().toInt(&ok);
            if (!ok || limit <= 0)
                return usageError(topic,
                    QStringLiteral("--limit must be a positive whole number, not '%1'")
                        .arg(s.value("limit")));
            a.limit = limit;
        }
        a.all = s.has("all");
        a.json = s.has("json");
        a.csv = s.has("csv");
        a.dryRun = s.has("dry-run");
        a.noHistory = s.has("no-history");
        line.command = Command::JobSearch;
        return line;
    }
    return usageError(topic, QStringLiteral("unknown job command '%1' (show, search)").arg(sub));
}

CommandLine parseProfile(const QStringList &arguments)
{
    const QString topic = QStringLiteral("profile");
    if (arguments.size() < 2)
        return usageError(
            topic, QStringLiteral("missing a profile command (add, list, show, remove)"));
    const QString sub = arguments.at(1);
    const QString context = topic + u' ' + sub;
    CommandLine line;
    line.topic = topic;
    QString error;
    if (sub == QLatin1String("add")) {
        static const QList<OptionSpec> specs {
            {"base-url", true},
            {"auth", true},
            {"username", true},
            {"client-id", true},
            {"token-url", true},
            {"audience", true},
            {"scope", true},
            {"secret-stdin", false},
            {"environment", true},
            {"colour", true},
            {"ca-bundle", true},
            {"client-cert", true},
            {"client-key", true},
            {"timeout", true},
        };
        const Scan s = scan(arguments, 2, specs, context);
        if (!s.error.isEmpty())
            return usageError(topic, s.error);
        if (!expectPositionals(s, {QStringLiteral("<name>")}, &error))
            return usageError(topic, error);
        if (!s.has("base-url"))
            return usageError(topic, QStringLiteral("profile add needs --base-url <url>"));
        for (const char *name : {"base-url", "auth", "username", "client-id", "token-url",
                 "environment", "ca-bundle", "client-cert", "client-key", "timeout"}) {
            if (!requireNonBlank(s, name, &error))
                return usageError(topic, error);
        }
        ProfileAddArguments &p = line.profileAdd;
        p.name = s.positional.at(0).trimmed();
        p.baseUrl = s.value("base-url").trimmed();
        if (s.has("auth"))
            p.auth = s.value("auth").trimmed().toLower();
        p.username = s.value("username");
        p.clientId = s.value("client-id").trimmed();
        p.tokenUrl = s.value("token-url").trimmed();
        p.audience = s.value("audience").trimmed();
        p.scope = s.value("scope").trimmed();
        p.secretStdin = s.has("secret-stdin");
        if (s.has("environment"))
            p.environment = s.value("environment").trimmed().toLower();
        p.colour = s.value("colour").trimmed();
        p.caBundle = s.value("ca-bundle");
        p.clientCertificate = s.value("client-cert");
        p.clientKey = s.value("client-key");
        if (s.has("timeout")) {
            bool ok = false;
            const int seconds = s.value("timeout").trimmed().toInt(&ok);
            if (!ok)
                return usageError(topic,
                    QStringLiteral("--timeout must be a whole number of seconds, not '%1'")
                        .arg(s.value("timeout")));
            p.timeoutSeconds = seconds;
        }

        static const QStringList kinds {QStringLiteral("none"), QStringLiteral("basic"),
            QStringLiteral("bearer"), QStringLiteral("oauth")};
        if (!kinds.contains(p.auth))
            return usageError(topic,
                QStringLiteral("--auth must be none, basic, bearer or oauth, not '%1'")
                    .arg(s.value("auth")));
        // Options that do not belong to the chosen kind are mistakes, not harmless extras.
        QList<const char *> allowed;
        if (p.auth == QLatin1String("basic"))
            allowed = {"username", "secret-stdin"};
        else if (p.auth == QLatin1String("bearer"))
            allowed = {"secret-stdin"};
        else if (p.auth == QLatin1String("oauth"))
            allowed = {"client-id", "token-url", "audience", "scope", "secret-stdin"};
        for (const char *name :
            {"username", "client-id", "token-url", "audience", "scope", "secret-stdin"}) {
            const bool isAllowed = std::any_of(allowed.cbegin(), allowed.cend(),
                [name](const char *a) { return qstrcmp(a, name) == 0; });
            if (s.has(name) && !isAllowed)
                return usageError(topic,
                    QStringLiteral("--%1 does not apply to --auth %2")
                        .arg(QLatin1String(name), p.auth));
        }
        if (p.auth == QLatin1String("basic") && p.username.isEmpty())
            return usageError(topic, QStringLiteral("--auth basic needs --username <u>"));
        if (p.auth == QLatin1String("oauth") && p.clientId.isEmpty())
            return usageError(topic, QStringLiteral("--auth oauth needs --client-id <id>"));
        if (p.auth == QLatin1String("oauth") && p.tokenUrl.isEmpty())
            return usageError(topic, QStringLiteral("--auth oauth needs --token-url <url>"));
        line.command = Command::ProfileAdd;
        return line;
    }
    if (sub == QLatin1String("list")) {
        const Scan s = scan(arguments, 2, {{"json", false}}, context);
        if (!s.error.isEmpty())
            return usageError(topic, s.error);
        if (!expectPositionals(s, {}, &error))
            return usageError(topic, error);
        line.command = Command::ProfileList;
        line.json = s.has("json");
        return line;
    }
    if (sub == QLatin1String("show") || sub == QLatin1String("remove")) {
        const Scan s = scan(arguments, 2, {}, context);
        if (!s.error.isEmpty())
            return usageError(topic, s.error);
        if (!expectPositionals(s, {QStringLiteral("<name>")}, &error))
            return usageError(topic, error);
        line.command = sub == QLatin1String("show") ? Command::ProfileShow : Command::ProfileRemove;
        line.name = s.positional.at(0).trimmed();
        return line;
    }
    return usageError(
        topic, QStringLiteral("unknown profile command '%1' (add, list, show, remove)").arg(sub));
}

CommandLine parseTemplate(const QStringList &arguments)
{
    const QString topic = QStringLiteral("template");
    if (arguments.size() < 2)
        return usageError(topic,
            QStringLiteral(
                "missing a template command (save, list, show, remove, export, import)"));
    const QString sub = arguments.at(1);
    const QString context = topic + u' ' + sub;
    CommandLine line;
    line.topic = topic;
    QString error;
    if (sub == QLatin1String("save")) {
        static const QList<OptionSpec> specs {
            {"variables", true},
            {"deny", false},
            {"deny-reason", true},
            {"description", true},
        };
        const Scan s = scan(arguments, 2, specs, context);
        if (!s.error.isEmpty())
            return usageError(topic, s.error);
        if (!expectPositionals(s, {QStringLiteral("<name>")}, &error))
            return usageError(topic, error);
        if (s.has("deny-reason") && !s.has("deny"))
            return usageError(topic, QStringLiteral("--deny-reason needs --deny"));
        TemplateSaveArguments &t = line.templateSave;
        t.name = s.positional.at(0).trimmed();
        if (s.has("variables"))
            t.variables = VariablesArgument::fromArgument(s.value("variables"));
        t.deny = s.has("deny");
        if (s.has("deny-reason"))
            t.denyReason = s.value("deny-reason");
        t.description = s.value("description");
        line.command = Command::TemplateSave;
        return line;
    }
    if (sub == QLatin1String("list")) {
        const Scan s = scan(arguments, 2, {{"json", false}}, context);
        if (!s.error.isEmpty())
            return usageError(topic, s.error);
        if (!expectPositionals(s, {}, &error))
            return usageError(topic, error);
        line.command = Command::TemplateList;
        line.json = s.has("json");
        return line;
    }
    if (sub == QLatin1String("show") || sub == QLatin1String("remove")) {
        const Scan s = scan(arguments, 2, {}, context);
        if (!s.error.isEmpty())
            return usageError(topic, s.error);
        if (!expectPositionals(s, {QStringLiteral("<name>")}, &error))
            return usageError(topic, error);
        line.command
            = sub == QLatin1String("show") ? Command::TemplateShow : Command::TemplateRemove;
        line.name = s.positional.at(0).trimmed();
        return line;
    }
    if (sub == QLatin1String("export")) {
        const Scan s = scan(arguments, 2, {{"all", false}}, context);
        if (!s.error.isEmpty())
            return usageError(topic, s.error);
        line.all = s.has("all");
        const QStringList names = line.all
            ? QStringList {QStringLiteral("<file>")}
            : QStringList {QStringLiteral("<name>"), QStringLiteral("<file>")};
        if (!expectPositionals(s, names, &error))
            return usageError(topic, error);
        if (!line.all)
            line.name = s.positional.at(0).trimmed();
        line.file = s.positional.last();
        line.command = Command::TemplateExport;
        return line;
    }
    if (sub == QLatin1String("import")) {
        const Scan s = scan(arguments, 2, {{"overwrite", false}}, context);
        if (!s.error.isEmpty())
            return usageError(topic, s.error);
        if (!expectPositionals(s, {QStringLiteral("<file>")}, &error))
            return usageError(topic, error);
        line.file = s.positional.at(0);
        line.overwrite = s.has("overwrite");
        line.command = Command::TemplateImport;
        return line;
    }
    return usageError(topic,
        QStringLiteral("unknown template command '%1' (save, list, show, remove, export, import)")
            .arg(sub));
}

} // namespace

VariablesArgument VariablesArgument::fromArgument(const QString &argument)
{
    VariablesArgument result;
    if (argument == QLatin1String("@-")) {
        result.source = Source::Stdin;
    } else if (argument.startsWith(u'@')) {
        result.source = Source::File;
        result.value = argument.mid(1);
    } else {
        result.source = Source::Inline;
        result.value = argument;
    }
    return result;
}

std::optional<std::chrono::milliseconds> parseTimeout(const QString &text, QString *error)
{
    bool ok = false;
    const double seconds = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds > 86400) {
        if (error)
            *error = QStringLiteral("--timeout must be a positive number of seconds (at most "
                                    "86400), not '%1'")
                         .arg(text);
        return std::nullopt;
    }
    const auto ms = static_cast<qint64>(std::ceil(seconds * 1000.0));
    return std::chrono::milliseconds(std::max<qint64>(ms, 1));
}

CommandLine parseCommandLine(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return usageError({}, QStringLiteral("missing a command"));

    static const QStringList topics {QStringLiteral("complete"), QStringLiteral("job"),
        QStringLiteral("profile"), QStringLiteral("template")};
    const QString first = arguments.at(0);
    const QString topic = topics.contains(first) ? first : QString();

    // --help wins over everything else on the line (before a "--").
    for (const QString &argument : arguments) {
        if (argument == QLatin1String("--"))
            break;
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            CommandLine line;
            line.command = Command::Help;
            line.topic = topic;
            return line;
        }
    }
    if (first == QLatin1String("--version")) {
        if (arguments.size() > 1)
            return usageError({}, QStringLiteral("--version takes no other arguments"));
        CommandLine line;
        line.command = Command::Version;
        return line;
    }
    if (first == QLatin1String("complete"))
        return parseComplete(arguments);
    if (first == QLatin1String("job"))
        return parseJob(arguments);
    if (first == QLatin1String("profile"))
        return parseProfile(arguments);
    if (first == QLatin1String("template"))
        return parseTemplate(arguments);
    if (first.startsWith(u'-'))
        return usageError({}, QStringLiteral("unknown option '%1'").arg(first));
    return usageError({}, QStringLiteral("unknown command '%1'").arg(first));
}

QString usageText(const QString &topic)
{
    const QString complete = QStringLiteral(
        "  jobdesk-cli complete <JOB_KEY> [--variables <JSON>|@<file>|@-] [--deny]\n"
        "              [--deny-reason <text>] [--template <name>]\n"
        "              [--profile <name> | --base-url <url>] [--timeout <seconds>]\n"
        "              [--json] [--dry-run] [--no-history]\n");
    const QString job = QStringLiteral(
        "  jobdesk-cli job show <JOB_KEY> [--json] [--profile <name> | --base-url <url>]\n"
        "              [--timeout <seconds>] [--dry-run] [--no-history]\n"
        "  jobdesk-cli job search [--type <t>] [--state <s>] [--kind <k>]\n"
        "              [--process-definition-id <id>] [--process-instance-key <k>]\n"
        "              [--element-id <id>] [--worker <w>] [--tenant-id <t>]\n"
        "              [--listener-event-type <e>] [--error-code <c>]\n"
        "              [--limit <n> | --all] [--json | --csv]\n"
        "              [--profile <name> | --base-url <url>] [--timeout <seconds>]\n"
        "              [--dry-run] [--no-history]\n");
    const QString profile = QStringLiteral(
        "  jobdesk-cli profile add <name> --base-url <url> [--auth none|basic|bearer|oauth]\n"
        "              [--username <u>] [--client-id <id>] [--token-url <url>]\n"
        "              [--audience <a>] [--scope <s>] [--secret-stdin]\n"
        "              [--environment dev|test|prod|custom] [--colour <#rrggbb>]\n"
        "              [--ca-bundle <file>] [--client-cert <file> --client-key <file>]\n"
        "              [--timeout <seconds>]\n"
        "  jobdesk-cli profile list [--json] | show <name> | remove <name>\n");
    const QString templates = QStringLiteral(
        "  jobdesk-cli template save <name> [--variables <JSON>|@<file>|@-] [--deny]\n"
        "              [--deny-reason <text>] [--description <text>]\n"
        "  jobdesk-cli template list [--json] | show <name> | remove <name>\n"
        "  jobdesk-cli template export <name> <file> | export --all <file>\n"
        "  jobdesk-cli template import <file> [--overwrite]\n");
    QString text = QStringLiteral("Usage:\n");
    if (topic == QLatin1String("complete"))
        text += complete;
    else if (topic == QLatin1String("job"))
        text += job;
    else if (topic == QLatin1String("profile"))
        text += profile;
    else if (topic == QLatin1String("template"))
        text += templates;
    else
        text += complete + job + profile + templates
            + QStringLiteral("  jobdesk-cli --version | --help\n");
    text += QStringLiteral("Run 'jobdesk-cli --help' for details.\n");
    return text;
}

QString helpText(const QString &topic)
{
    Q_UNUSED(topic)
    return QStringLiteral(
        "jobdesk-cli: complete Camunda 8 jobs through the REST API "
        "(POST /v2/jobs/{jobKey}/completion).\n"
        "\n"
        "Usage:\n"
        "  jobdesk-cli complete <JOB_KEY> [options]\n"
        "    --variables <JSON>|@<file>|@-  variables as a JSON object: inline, from a file, or\n"
        "                                   from standard input; sent exactly as written\n"
        "    --deny                         deny the task-listener job (result.denied = true)\n"
        "    --deny-reason <text>           reason for the denial (needs --deny, or a template\n"
        "                                   that denies)\n"
        "    --template <name>              start from a saved template; the options above\n"
        "                                   override its fields (--variables replaces them)\n"
        "    --profile <name>               connection from a saved profile (secret from the\n"
        "                                   OS keychain)\n"
        "    --base-url <url>               API address, e.g. http://localhost:8080\n"
        "                                   (default: $CAMUNDA_REST_ADDRESS, else\n"
        "                                   $ZEEBE_REST_ADDRESS, else http://localhost:8080)\n"
        "    --timeout <seconds>            give up waiting after this long (default 30)\n"
        "    --json                         print one JSON object instead of text\n"
        "    --dry-run                      print the request (secrets redacted), send nothing\n"
        "    --no-history                   do not record the attempt in the history\n"
        "  Without --profile, authentication comes from the Camunda SDK variables:\n"
        "    CAMUNDA_AUTH_STRATEGY (NONE, BASIC, OAUTH, BEARER; inferred when unset),\n"
        "    CAMUNDA_BASIC_AUTH_USERNAME, CAMUNDA_BASIC_AUTH_PASSWORD,\n"
        "    CAMUNDA_CLIENT_ID, CAMUNDA_CLIENT_SECRET, CAMUNDA_OAUTH_URL,\n"
        "    CAMUNDA_TOKEN_AUDIENCE, CAMUNDA_TOKEN_SCOPE, CAMUNDA_OAUTH_TOKEN (bearer).\n"
        "  When a request went out and no answer came (timeout, connection lost), the job is\n"
        "  looked up before deciding: found COMPLETED: exit 0, \"confirmed by lookup\"; still\n"
        "  open: exit 3, \"safe to retry\"; look-up impossible: exit 3. A 404 on a key that\n"
        "  JavaScript or a spreadsheet could have rounded names the existing keys it could\n"
        "  have come from (\"did you mean …\"; `suggestions` in --json).\n"
        "\n"
        "  jobdesk-cli job show <JOB_KEY> [--json] [connection options as for complete]\n"
        "    The job as the server has it now (POST /v2/jobs/search, Camunda 8.8 or later):\n"
        "    type, kind, state, retries, process, element, its active incident and the\n"
        "    variables it sees. --json prints one object: job (every key as a string),\n"
        "    incident (or null), variables (name → value, exact), error.\n"
        "    Exit 0 found, 1 not found or refused, 2 bad input, 3 no answer.\n"
        "  jobdesk-cli job search [filters] [--limit <n> | --all] [--json | --csv]\n"
        "              [connection options as for complete]\n"
        "    Filters: --type, --state (CREATED, FAILED, ERROR_THROWN, COMPLETED, …), --kind\n"
        "    (BPMN_ELEMENT, TASK_LISTENER, EXECUTION_LISTENER, AD_HOC_SUB_PROCESS),\n"
        "    --process-definition-id, --process-instance-key, --element-id, --worker,\n"
        "    --tenant-id, --listener-event-type, --error-code. Prints jobs as the pages\n"
        "    arrive: the first 100 unless --limit or --all; --json one job object per line,\n"
        "    --csv a header and one row per job (keys as text).\n"
        "    Exit 0 answered (also with no match), 1 refused, 2 bad input, 3 no answer.\n"
        "\n"
        "  jobdesk-cli profile add <name> --base-url <url> [--auth none|basic|bearer|oauth]\n"
        "              [--username <u>] [--client-id <id>] [--token-url <url>]\n"
        "              [--audience <a>] [--scope <s>] [--secret-stdin]\n"
        "              [--environment dev|test|prod|custom] [--colour <#rrggbb>]\n"
        "              [--ca-bundle <file>] [--client-cert <file> --client-key <file>]\n"
        "              [--timeout <seconds>]\n"
        "    Saves a connection. --secret-stdin reads the password, token or client secret\n"
        "    from standard input and stores it in the OS keychain only. --environment prod\n"
        "    marks a production cluster (the window asks before every change; default dev).\n"
        "    TLS files (PEM) must exist; they are saved as absolute paths. A passphrase for\n"
        "    the client key is set in the window (Manage profiles).\n"
        "  jobdesk-cli profile list [--json]     list profiles\n"
        "  jobdesk-cli profile show <name>       show one profile (never its secret)\n"
        "  jobdesk-cli profile remove <name>     remove a profile and its secret\n"
        "\n"
        "  jobdesk-cli template save <name> [--variables …] [--deny] [--deny-reason <text>]\n"
        "              [--description <text>]\n"
        "  jobdesk-cli template list [--json] | show <name> | remove <name>\n"
        "  jobdesk-cli template export <name> <file> | export --all <file>   ('-' = stdout)\n"
        "  jobdesk-cli template import <file> [--overwrite]                 ('-' = stdin)\n"
        "    Importing a name that exists fails unless --overwrite is given.\n"
        "\n"
        "  jobdesk-cli --version | --help\n"
        "\n"
        "Every completion attempt is recorded in the same history as the window's\n"
        "(history.sqlite), unless --no-history or --dry-run.\n"
        "\n"
        "Exit codes:\n"
        "  0  the job was completed (HTTP 2xx); other commands: done\n"
        "  1  the server answered with an error status (3xx, 4xx, 5xx), including an OAuth\n"
        "     token endpoint that refused the credentials\n"
        "  2  invalid input or usage; nothing was sent\n"
        "  3  no HTTP answer (connection refused, DNS, TLS, timeout, token endpoint\n"
        "     unreachable), or the OS keychain could not be reached; nothing was stored\n");
}

} // namespace JobDesk::Cli
