// SPDX-License-Identifier: GPL-3.0-or-later
// jobdesk-cli: the command-line skin over jobdesk_core. Parsing, commands and output live in
// the jobdesk_cli library so they can be tested; this file only dispatches.
#include "cli/BatchCommand.h"
#include "cli/CliOptions.h"
#include "cli/CompleteCommand.h"
#include "cli/Console.h"
#include "cli/IncidentBatchCommand.h"
#include "cli/Interruption.h"
#include "cli/JobActionCommand.h"
#include "cli/JobCommand.h"
#include "cli/Output.h"
#include "cli/ProfileCommand.h"
#include "cli/ProfileTestCommand.h"
#include "cli/TemplateCommand.h"
#include "core/base/AppInfo.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

using namespace JobDesk;
using namespace JobDesk::Cli;

namespace {

/// Runs an asynchronous command: its exit code at once, or after the event loop.
template <typename CommandT> int runAsync(CommandT &command)
{
    if (const std::optional<int> code = command.start())
        return *code;
    QObject::connect(&command, &CommandT::finished, qApp,
        [](int exitCode) { QCoreApplication::exit(exitCode); });
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    AppInfo::applyToApplication();

    // Qt turns arguments into text replacing bytes that are not UTF-8 with U+FFFD, which would
    // then be sent as if typed: refuse them instead.
    if (const std::optional<QString> invalid = invalidUtf8Argument(argc, argv)) {
        printError(*invalid);
        return ExitUsage;
    }

    const CommandLine line = parseCommandLine(QCoreApplication::arguments().mid(1));
    switch (line.command) {
    case Command::Usage:
        printError(line.error);
        writeErr(usageText(line.topic).toUtf8());
        return ExitUsage;
    case Command::Help:
        writeOut(helpText(line.topic).toUtf8());
        return ExitOk;
    case Command::Version:
        writeOut("jobdesk-cli " + AppInfo::version().toUtf8() + '\n');
        return ExitOk;
    case Command::Complete: {
        // Before the input is read: a signal from now on records and says what is known.
        Interruption interruption;
        CompleteCommand command(line.complete, QProcessEnvironment::systemEnvironment());
        QObject::connect(
            &interruption, &Interruption::interrupted, &command, &CompleteCommand::interrupt);
        return runAsync(command);
    }
    case Command::JobShow:
    case Command::JobSearch: {
        JobCommand command(line, QProcessEnvironment::systemEnvironment());
        return runAsync(command);
    }
    case Command::JobUpdate:
    case Command::JobFail:
    case Command::JobError:
    case Command::JobRepair:
    case Command::IncidentResolve: {
        JobActionCommand command(line, QProcessEnvironment::systemEnvironment());
        return runAsync(command);
    }
    case Command::IncidentResolveAll: {
        IncidentBatchCommand command(line, QProcessEnvironment::systemEnvironment());
        return runAsync(command);
    }
    case Command::Batch:
    case Command::BatchList:
    case Command::BatchShow:
    case Command::BatchResume: {
        Interruption interruption;
        BatchCommand command(line, QProcessEnvironment::systemEnvironment());
        QObject::connect(
            &interruption, &Interruption::interrupted, &command, &BatchCommand::interrupt);
        return runAsync(command);
    }
    case Command::ProfileAdd:
    case Command::ProfileList:
    case Command::ProfileShow:
    case Command::ProfileRemove: {
        ProfileCommand command(line);
        return runAsync(command);
    }
    case Command::ProfileTest: {
        ProfileTestCommand command(line.profileTest);
        return runAsync(command);
    }
    case Command::TemplateSave:
    case Command::TemplateList:
    case Command::TemplateShow:
    case Command::TemplateRemove:
    case Command::TemplateExport:
    case Command::TemplateImport:
        return runTemplateCommand(line);
    }
    return ExitUsage;
}
