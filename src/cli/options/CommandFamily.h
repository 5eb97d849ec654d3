// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliOptions.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace JobDesk::Cli {

/// One command family of jobdesk-cli ("complete", "profile", "template", …): its parser, its
/// lines of the short usage and its section of --help. A new family is one file that defines
/// these three and one row in commandFamilies() (CliOptions.cpp); it reuses the option groups
/// of OptionGroups.h for what it shares with the others.
struct CommandFamily
{
    const char *name; ///< the first word on the command line, and the help topic
    CommandLine (*parse)(const QStringList &arguments); ///< arguments start with the name
    QString (*usage)(); ///< "  jobdesk-cli <name> …\n" lines
    QString (*help)(); ///< the family's section of --help
};

/// Every family, in the order --help lists them.
const QList<CommandFamily> &commandFamilies();

/// A usage error of `topic` (exit 2, the topic's usage is printed).
CommandLine usageError(const QString &topic, const QString &error);

/// `<topic> <sub> [--json]` (arguments[1] is `sub`): `command` with CommandLine::json.
CommandLine parseListCommand(const QStringList &arguments, const QString &topic, Command command);
/// `<topic> <sub> <name>`: `command` with CommandLine::name.
CommandLine parseNameCommand(const QStringList &arguments, const QString &topic, Command command);

// The families (one file each in cli/options/).
CommandLine parseCompleteCommand(const QStringList &arguments);
QString completeUsage();
QString completeHelp();
CommandLine parseJobCommand(const QStringList &arguments);
QString jobUsage();
QString jobHelp();
/// `job update|fail|error|repair`: std::nullopt when the sub-command is none of them.
std::optional<CommandLine> parseJobActionCommand(const QStringList &arguments);
QString jobActionUsage();
QString jobActionHelp();
CommandLine parseIncidentCommand(const QStringList &arguments);
QString incidentUsage();
QString incidentHelp();
CommandLine parseBatchCommand(const QStringList &arguments);
QString batchUsage();
QString batchHelp();
CommandLine parseProfileCommand(const QStringList &arguments);
QString profileUsage();
QString profileHelp();
CommandLine parseTemplateCommand(const QStringList &arguments);
QString templateUsage();
QString templateHelp();

} // namespace JobDesk::Cli
