// SPDX-License-Identifier: GPL-3.0-or-later
// The command line's entry: global options (--help, --version) and the dispatch to the command
// families in cli/options/ (one file each), with the usage and help texts they contribute.
#include "cli/CliOptions.h"

#include "cli/options/CommandFamily.h"

namespace JobDesk::Cli {

const QList<CommandFamily> &commandFamilies()
{
    static const QList<CommandFamily> families {
        {"complete", &parseCompleteCommand, &completeUsage, &completeHelp},
        {"job", &parseJobCommand, &jobUsage, &jobHelp},
        {"incident", &parseIncidentCommand, &incidentUsage, &incidentHelp},
        {"batch", &parseBatchCommand, &batchUsage, &batchHelp},
        {"profile", &parseProfileCommand, &profileUsage, &profileHelp},
        {"template", &parseTemplateCommand, &templateUsage, &templateHelp},
    };
    return families;
}

CommandLine usageError(const QString &topic, const QString &error)
{
    CommandLine line;
    line.command = Command::Usage;
    line.topic = topic;
    line.error = error;
    return line;
}

CommandLine parseListCommand(const QStringList &arguments, const QString &topic, Command command)
{
    const Scan s = scanOptions(
        arguments, 2, OutputOptions::specs(OutputOptions::Json), topic + u' ' + arguments.at(1));
    QString error;
    if (!s.error.isEmpty() || !expectPositionals(s, {}, &error))
        return usageError(topic, s.error.isEmpty() ? error : s.error);
    CommandLine line;
    line.topic = topic;
    line.command = command;
    line.json = s.has("json");
    return line;
}

CommandLine parseNameCommand(const QStringList &arguments, const QString &topic, Command command)
{
    const Scan s = scanOptions(arguments, 2, {}, topic + u' ' + arguments.at(1));
    QString error;
    if (!s.error.isEmpty() || !expectPositionals(s, {QStringLiteral("<name>")}, &error))
        return usageError(topic, s.error.isEmpty() ? error : s.error);
    CommandLine line;
    line.topic = topic;
    line.command = command;
    line.name = s.positional.at(0).trimmed();
    return line;
}

namespace {
const CommandFamily *findFamily(const QString &name)
{
    for (const CommandFamily &family : commandFamilies()) {
        if (name == QLatin1String(family.name))
            return &family;
    }
    return nullptr;
}
} // namespace

CommandLine parseCommandLine(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return usageError({}, QStringLiteral("missing a command"));

    const QString first = arguments.at(0);
    const CommandFamily *family = findFamily(first);
    const QString topic = family ? first : QString();

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
    if (family)
        return family->parse(arguments);
    if (first.startsWith(u'-'))
        return usageError({}, QStringLiteral("unknown option '%1'").arg(first));
    return usageError({}, QStringLiteral("unknown command '%1'").arg(first));
}

QString usageText(const QString &topic)
{
    QString text = QStringLiteral("Usage:\n");
    if (const CommandFamily *family = findFamily(topic)) {
        text += family->usage();
    } else {
        for (const CommandFamily &each : commandFamilies())
            text += each.usage();
        text += QStringLiteral("  jobdesk-cli --version | --help\n");
    }
    text += QStringLiteral("Run 'jobdesk-cli --help' for details.\n");
    return text;
}

QString helpText(const QString &topic)
{
    Q_UNUSED(topic)
    QString text = QStringLiteral("jobdesk-cli: complete Camunda 8 jobs through the REST API "
                                  "(POST /v2/jobs/{jobKey}/completion).\n"
                                  "\n"
                                  "Usage:\n");
    for (const CommandFamily &family : commandFamilies())
        text += family.help() + u'\n';
    text += QStringLiteral(
        "  jobdesk-cli --version | --help\n"
        "\n"
        "Every attempt (completions, job actions, repairs, look-ups) is recorded in the\n"
        "same history as the window's\n"
        "(history.sqlite), unless --no-history or --dry-run.\n"
        "\n"
        "Exit codes:\n"
        "  0  the job was completed (HTTP 2xx); other commands: done\n"
        "  1  the server answered with an error status (3xx, 4xx, 5xx), including an OAuth\n"
        "     token endpoint that refused the credentials\n"
        "  2  invalid input or usage; nothing was sent\n"
        "  3  no HTTP answer (connection refused, DNS, TLS, timeout, token endpoint\n"
        "     unreachable), or the OS keychain could not be reached; nothing was stored\n");
    return text;
}

} // namespace JobDesk::Cli
