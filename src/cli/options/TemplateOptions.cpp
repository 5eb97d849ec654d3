// SPDX-License-Identifier: GPL-3.0-or-later
// jobdesk-cli template save|list|show|remove|export|import
#include "cli/options/CommandFamily.h"

namespace JobDesk::Cli {

namespace {

CommandLine parseSave(const QStringList &arguments, CommandLine line)
{
    const QString topic = line.topic;
    OptionSpecs specs = PayloadOptions::specs(false);
    specs.append({"description", true});
    const Scan s = scanOptions(arguments, 2, specs, topic + QStringLiteral(" save"));
    if (!s.error.isEmpty())
        return usageError(topic, s.error);
    QString error;
    if (!expectPositionals(s, {QStringLiteral("<name>")}, &error))
        return usageError(topic, error);
    TemplateSaveArguments &t = line.templateSave;
    if (!t.PayloadOptions::read(s, &error))
        return usageError(topic, error);
    t.name = s.positional.at(0).trimmed();
    t.description = s.value("description");
    line.command = Command::TemplateSave;
    return line;
}

} // namespace

CommandLine parseTemplateCommand(const QStringList &arguments)
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
    if (sub == QLatin1String("save"))
        return parseSave(arguments, line);
    if (sub == QLatin1String("list"))
        return parseListCommand(arguments, topic, Command::TemplateList);
    if (sub == QLatin1String("show"))
        return parseNameCommand(arguments, topic, Command::TemplateShow);
    if (sub == QLatin1String("remove"))
        return parseNameCommand(arguments, topic, Command::TemplateRemove);
    if (sub == QLatin1String("export")) {
        const Scan s = scanOptions(arguments, 2, {{"all", false}}, context);
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
        const Scan s = scanOptions(arguments, 2, {{"overwrite", false}}, context);
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

QString templateUsage()
{
    return QStringLiteral(
        "  jobdesk-cli template save <name> [--variables <JSON>|@<file>|@-] [--deny]\n"
        "              [--deny-reason <text>] [--activate <elementId>[=<JSON>]]...\n"
        "              [--completion-condition-fulfilled] [--cancel-remaining]\n"
        "              [--description <text>]\n"
        "  jobdesk-cli template list [--json] | show <name> | remove <name>\n"
        "  jobdesk-cli template export <name> <file> | export --all <file>\n"
        "  jobdesk-cli template import <file> [--overwrite]\n");
}

QString templateHelp()
{
    return QStringLiteral(
        "  jobdesk-cli template save <name> [--variables …] [--deny] [--deny-reason <text>]\n"
        "              [--activate <elementId>[=<JSON>]]... [--completion-condition-fulfilled]\n"
        "              [--cancel-remaining] [--description <text>]\n"
        "    The payload options are those of complete; a lease token and a business id\n"
        "    belong to one job and are given to complete, never kept in a template.\n"
        "  jobdesk-cli template list [--json] | show <name> | remove <name>\n"
        "  jobdesk-cli template export <name> <file> | export --all <file>   ('-' = stdout)\n"
        "  jobdesk-cli template import <file> [--overwrite]                 ('-' = stdin)\n"
        "    Importing a name that exists fails unless --overwrite is given.\n");
}

} // namespace JobDesk::Cli
