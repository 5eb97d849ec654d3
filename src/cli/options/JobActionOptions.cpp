// SPDX-License-Identifier: GPL-3.0-or-later
// jobdesk-cli job update|fail|error|repair <JOB_KEY> and incident resolve <INCIDENT_KEY>:
// [action options] [connection options] [output options]
#include "cli/options/CommandFamily.h"

namespace JobDesk::Cli {

namespace {

struct ActionShape
{
    const char *sub;
    Command command;
    OptionSpecs own; ///< the action's options
    bool connectionTimeout; ///< false: `--timeout` is the action's own (job update)
};

/// Reads an optional value that must not be blank when given.
bool readText(const Scan &s, const char *name, std::optional<QString> *out, QString *error)
{
    if (!s.has(name))
        return true;
    if (!requireNonBlank(s, {name}, error))
        return false;
    *out = s.value(name).trimmed();
    return true;
}

CommandLine parseAction(const QStringList &arguments, const QString &topic,
    const ActionShape &shape, const QString &keyName)
{
    const QString context = topic + u' ' + QLatin1String(shape.sub);
    const Scan s = scanOptions(arguments, 2,
        shape.own + ConnectionOptions::specs(shape.connectionTimeout) + OutputOptions::specs(),
        context);
    if (!s.error.isEmpty())
        return usageError(topic, s.error);
    QString error;
    if (!expectPositionals(s, {keyName}, &error))
        return usageError(topic, error);
    CommandLine line;
    line.topic = topic;
    line.command = shape.command;
    JobActionArguments &a = line.jobAction;
    if (!a.ConnectionOptions::read(s, &error, shape.connectionTimeout))
        return usageError(topic, error);
    a.OutputOptions::read(s);
    a.key = s.positional.at(0);
    if (!readText(s, "retries", &a.retries, &error)
        || !readText(s, "retry-backoff", &a.retryBackOffMs, &error)
        || !readText(s, "error-code", &a.errorCode, &error))
        return usageError(topic, error);
    if (!shape.connectionTimeout && !readText(s, "timeout", &a.jobTimeoutMs, &error))
        return usageError(topic, error);
    // A message is sent as typed (spaces included); only a missing value is an error.
    if (s.has("error-message"))
        a.errorMessage = s.value("error-message");
    if (s.has("variables"))
        a.variables = VariablesArgument::fromArgument(s.value("variables"));
    a.localVariables = s.has("local");
    if (s.has("then")) {
        a.then = s.value("then").trimmed().toLower();
        if (a.then != QLatin1String("complete") && a.then != QLatin1String("leave"))
            return usageError(topic,
                QStringLiteral("--then must be 'complete' or 'leave', not '%1'")
                    .arg(s.value("then")));
    }
    if (a.localVariables && !a.variables)
        return usageError(topic, QStringLiteral("--local needs --variables"));
    if (shape.command == Command::JobUpdate && !a.retries && !a.jobTimeoutMs)
        return usageError(
            topic, QStringLiteral("job update needs --retries <n> or --timeout <ms> (or both)"));
    if (shape.command == Command::JobError && !a.errorCode)
        return usageError(topic, QStringLiteral("job error needs --error-code <code>"));
    return line;
}

const QList<ActionShape> &jobActions()
{
    static const QList<ActionShape> shapes {
        {"update", Command::JobUpdate, {{"retries", true}, {"timeout", true}}, false},
        {"fail", Command::JobFail,
            {{"retries", true}, {"error-message", true}, {"retry-backoff", true},
                {"variables", true}},
            true},
        {"error", Command::JobError,
            {{"error-code", true}, {"error-message", true}, {"variables", true}}, true},
        {"repair", Command::JobRepair,
            {{"retries", true}, {"variables", true}, {"local", false}, {"then", true}}, true},
    };
    return shapes;
}

/// `incident resolve --all [--process-definition-id <id>] [--process-instance-key <k>]…
/// [--element-id <id>] [--retries <n>] [--yes] [--no-wait]` and the connection and output
/// options.
CommandLine parseResolveAll(const QStringList &arguments, const QString &topic)
{
    const OptionSpecs own {{"all", false}, {"process-definition-id", true},
        {"process-instance-key", true, true}, {"element-id", true}, {"retries", true},
        {"yes", false}, {"no-wait", false}};
    const Scan s
        = scanOptions(arguments, 2, own + ConnectionOptions::specs() + OutputOptions::specs(),
            QStringLiteral("incident resolve"));
    if (!s.error.isEmpty())
        return usageError(topic, s.error);
    QString error;
    if (!expectPositionals(s, {}, &error))
        return usageError(
            topic, QStringLiteral("incident resolve --all takes no incident key (%1)").arg(error));
    if (!requireNonBlank(s, {"process-definition-id", "element-id", "retries"}, &error))
        return usageError(topic, error);
    CommandLine line;
    line.topic = topic;
    line.command = Command::IncidentResolveAll;
    IncidentBatchArguments &a = line.incidentBatch;
    if (!a.ConnectionOptions::read(s, &error))
        return usageError(topic, error);
    a.OutputOptions::read(s);
    a.processDefinitionId = s.value("process-definition-id").trimmed();
    a.elementId = s.value("element-id").trimmed();
    for (const QString &key : s.values("process-instance-key"))
        a.processInstanceKeys.append(key.trimmed());
    if (s.has("retries")) {
        bool ok = false;
        const int n = s.value("retries").trimmed().toInt(&ok);
        if (!ok || n < 1)
            return usageError(topic,
                QStringLiteral("--retries must be a whole number from 1, not '%1'")
                    .arg(s.value("retries")));
        a.retries = QString::number(n);
    }
    a.yes = s.has("yes");
    a.noWait = s.has("no-wait");
    return line;
}

} // namespace

std::optional<CommandLine> parseJobActionCommand(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    for (const ActionShape &shape : jobActions()) {
        if (sub == QLatin1String(shape.sub))
            return parseAction(
                arguments, QStringLiteral("job"), shape, QStringLiteral("<JOB_KEY>"));
    }
    return std::nullopt;
}

CommandLine parseIncidentCommand(const QStringList &arguments)
{
    const QString topic = QStringLiteral("incident");
    if (arguments.size() < 2)
        return usageError(topic, QStringLiteral("missing an incident command (resolve)"));
    const QString sub = arguments.at(1);
    if (sub == QLatin1String("resolve") && arguments.contains(QLatin1String("--all")))
        return parseResolveAll(arguments, topic);
    if (sub == QLatin1String("resolve"))
        return parseAction(arguments, topic, {"resolve", Command::IncidentResolve, {}, true},
            QStringLiteral("<INCIDENT_KEY>"));
    return usageError(topic, QStringLiteral("unknown incident command '%1' (resolve)").arg(sub));
}

QString jobActionUsage()
{
    return QStringLiteral(
        "  jobdesk-cli job update <JOB_KEY> [--retries <n>] [--timeout <ms>]\n"
        "  jobdesk-cli job fail <JOB_KEY> [--retries <n>] [--error-message <m>]\n"
        "              [--retry-backoff <ms>] [--variables <JSON>|@<file>|@-]\n"
        "  jobdesk-cli job error <JOB_KEY> --error-code <c> [--error-message <m>]\n"
        "              [--variables <JSON>|@<file>|@-]\n"
        "  jobdesk-cli job repair <JOB_KEY> [--retries <n>] [--variables <JSON>|@<file>|@-]\n"
        "              [--local] [--then complete|leave]\n"
        "    each with [--profile <name> | --base-url <url>] [--json] [--dry-run]\n"
        "    [--no-history], and [--timeout <seconds>] except job update\n");
}

QString jobActionHelp()
{
    return QStringLiteral(
        "  jobdesk-cli job update <JOB_KEY> [--retries <n>] [--timeout <ms>]\n"
        "    PATCH /v2/jobs/{key}: new retries (1 or more) and/or a new timeout from now in\n"
        "    milliseconds (only for an activated job). Here --timeout is the job's; the\n"
        "    connection's default wait applies.\n"
        "  jobdesk-cli job fail <JOB_KEY> [--retries <n>] [--error-message <m>]\n"
        "              [--retry-backoff <ms>] [--variables …]\n"
        "    POST /v2/jobs/{key}/failure: hand the job back (retries > 0, after the\n"
        "    back-off) or raise an incident on purpose (retries 0, the default).\n"
        "  jobdesk-cli job error <JOB_KEY> --error-code <c> [--error-message <m>]\n"
        "              [--variables …]\n"
        "    POST /v2/jobs/{key}/error: throw a BPMN error; nothing catches it → an incident\n"
        "    (UNHANDLED_ERROR_EVENT).\n"
        "  jobdesk-cli job repair <JOB_KEY> [--retries <n>] [--variables …] [--local]\n"
        "              [--then complete|leave]\n"
        "    The documented recipe for a FAILED job, one request per step, each recorded\n"
        "    before it leaves: look the job and its incident up → set the variables on the\n"
        "    job's element instance (with --variables; --local: on that scope only) → set\n"
        "    its retries (--retries, default 1) → resolve its incident → leave it to its\n"
        "    worker (default) or complete it by hand (--then complete). Stops at the first\n"
        "    refusal and says what the server's words mean. The history links the rows of\n"
        "    one repair. --dry-run looks the job up (read only, not recorded) and prints\n"
        "    every request of the plan; it sends no change.\n"
        "  Each takes the connection and output options of complete (--profile,\n"
        "  --base-url, --timeout <seconds> except job update, --json, --dry-run,\n"
        "  --no-history). Exit 0 accepted (every step of a repair), 1 refused (or nothing\n"
        "  to repair), 2 bad input (nothing sent), 3 no answer.\n");
}

QString incidentUsage()
{
    return QStringLiteral(
        "  jobdesk-cli incident resolve <INCIDENT_KEY> [--profile <name> | --base-url <url>]\n"
        "              [--timeout <seconds>] [--json] [--dry-run] [--no-history]\n"
        "  jobdesk-cli incident resolve --all [--process-definition-id <id>]\n"
        "              [--process-instance-key <k>]... [--element-id <id>] [--retries <n>]\n"
        "              [--dry-run] [--yes] [--json] [--no-wait] [connection options]\n");
}

QString incidentHelp()
{
    return QStringLiteral(
        "  jobdesk-cli incident resolve <INCIDENT_KEY> [connection options as for complete]\n"
        "    POST /v2/incidents/{key}/resolution. For a job's incident, raise the job's\n"
        "    retries first (job update --retries 1) or the server refuses (\"no retries\n"
        "    left\"); job repair does both. Exit 0 resolved, 1 refused, 2 bad input, 3 no\n"
        "    answer.\n"
        "  jobdesk-cli incident resolve --all [--process-definition-id <id>]\n"
        "              [--process-instance-key <k>]... [--element-id <id>] [--retries <n>]\n"
        "              [--dry-run] [--yes] [--json] [--no-wait]\n"
        "    Every ACTIVE incident of the matching instances, through the cluster's batch\n"
        "    operation (Camunda 8.8+; older servers: refused, nothing sent). Plans first:\n"
        "    finds the incidents and the jobs among them with no retries left, which get\n"
        "    --retries (default 1) first, one update each (the batch resolution does not\n"
        "    raise retries: camunda/camunda#41213); --dry-run stops after the plan. On a\n"
        "    production profile it starts only with --yes. Then POST\n"
        "    /v2/process-instances/incident-resolution and follows the operation (progress\n"
        "    on standard error, only on a terminal) until it ends; --no-wait prints its key\n"
        "    and returns. Prints counts per item state and every failed item with the\n"
        "    server's error; --json one object. Exit 0 every item completed, 1 refused or\n"
        "    items failed, 2 bad input or production without --yes (nothing changed), 3 no\n"
        "    answer.\n");
}

} // namespace JobDesk::Cli
