// SPDX-License-Identifier: GPL-3.0-or-later
// jobdesk-cli job show <JOB_KEY> | job search [filters] — [connection options] [output options]
#include "cli/options/CommandFamily.h"

namespace JobDesk::Cli {

namespace {

CommandLine parseShow(const QStringList &arguments, const QString &topic)
{
    const Scan s = scanOptions(arguments, 2, ConnectionOptions::specs() + OutputOptions::specs(),
        topic + QStringLiteral(" show"));
    if (!s.error.isEmpty())
        return usageError(topic, s.error);
    QString error;
    if (!expectPositionals(s, {QStringLiteral("<JOB_KEY>")}, &error))
        return usageError(topic, error);
    CommandLine line;
    line.topic = topic;
    line.command = Command::JobShow;
    JobShowArguments &a = line.jobShow;
    if (!a.ConnectionOptions::read(s, &error))
        return usageError(topic, error);
    a.OutputOptions::read(s);
    a.jobKey = s.positional.at(0);
    return line;
}

CommandLine parseSearch(const QStringList &arguments, const QString &topic)
{
    OptionSpecs specs
        = ConnectionOptions::specs() + OutputOptions::specs() + JobFilterOptions::specs();
    specs += OptionSpecs {{"limit", true}, {"all", false}, {"csv", false}};
    const Scan s = scanOptions(arguments, 2, specs, topic + QStringLiteral(" search"));
    if (!s.error.isEmpty())
        return usageError(topic, s.error);
    QString error;
    if (!expectPositionals(s, {}, &error))
        return usageError(topic, error);
    CommandLine line;
    line.topic = topic;
    line.command = Command::JobSearch;
    JobSearchArguments &a = line.jobSearch;
    if (!a.ConnectionOptions::read(s, &error))
        return usageError(topic, error);
    a.OutputOptions::read(s);
    if (!a.JobFilterOptions::read(s, &error))
        return usageError(topic, error);
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
    a.csv = s.has("csv");
    return line;
}

} // namespace

CommandLine parseJobCommand(const QStringList &arguments)
{
    const QString topic = QStringLiteral("job");
    const QString known = QStringLiteral("show, search, update, fail, error, repair");
    if (arguments.size() < 2)
        return usageError(topic, QStringLiteral("missing a job command (%1)").arg(known));
    const QString sub = arguments.at(1);
    if (sub == QLatin1String("show"))
        return parseShow(arguments, topic);
    if (sub == QLatin1String("search"))
        return parseSearch(arguments, topic);
    if (std::optional<CommandLine> action = parseJobActionCommand(arguments))
        return *action;
    return usageError(topic, QStringLiteral("unknown job command '%1' (%2)").arg(sub, known));
}

QString jobUsage()
{
    return QStringLiteral(
               "  jobdesk-cli job show <JOB_KEY> [--json] [--profile <name> | --base-url <url>]\n"
               "              [--timeout <seconds>] [--dry-run] [--no-history]\n"
               "  jobdesk-cli job search [--type <t>] [--state <s>] [--kind <k>]\n"
               "              [--process-definition-id <id>] [--process-instance-key <k>]\n"
               "              [--element-id <id>] [--worker <w>] [--tenant-id <t>]\n"
               "              [--listener-event-type <e>] [--error-code <c>]\n"
               "              [--limit <n> | --all] [--json | --csv]\n"
               "              [--profile <name> | --base-url <url>] [--timeout <seconds>]\n"
               "              [--dry-run] [--no-history]\n")
        + jobActionUsage();
}

QString jobHelp()
{
    return QStringLiteral(
               "  jobdesk-cli job show <JOB_KEY> [--json] [connection options as for complete]\n"
               "    The job as the server has it now (POST /v2/jobs/search, Camunda 8.8 or "
               "later):\n"
               "    type, kind, state, retries, process, element, its active incident and the\n"
               "    variables it sees. --json prints one object: job (every key as a string),\n"
               "    incident (or null), variables (name → value, exact), error.\n"
               "    Exit 0 found, 1 not found or refused, 2 bad input, 3 no answer.\n"
               "  jobdesk-cli job search [filters] [--limit <n> | --all] [--json | --csv]\n"
               "              [connection options as for complete]\n"
               "    Filters: --type, --state (CREATED, FAILED, ERROR_THROWN, COMPLETED, …), "
               "--kind\n"
               "    (BPMN_ELEMENT, TASK_LISTENER, EXECUTION_LISTENER, AD_HOC_SUB_PROCESS),\n"
               "    --process-definition-id, --process-instance-key, --element-id, --worker,\n"
               "    --tenant-id, --listener-event-type, --error-code. Prints jobs as the pages\n"
               "    arrive: the first 100 unless --limit or --all; --json one job object per "
               "line,\n"
               "    --csv a header and one row per job (keys as text).\n"
               "    Exit 0 answered (also with no match), 1 refused, 2 bad input, 3 no answer.\n")
        + jobActionHelp();
}

} // namespace JobDesk::Cli
