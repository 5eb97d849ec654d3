// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CompletionInput.h"

#include <QFile>
#include <QIODevice>

namespace JobDesk::Cli {

bool readVariablesText(
    const VariablesArgument &argument, QIODevice *stdinDevice, QByteArray *utf8, QString *error)
{
    switch (argument.source) {
    case VariablesArgument::Source::Inline:
        *utf8 = argument.value.toUtf8();
        return true;
    case VariablesArgument::Source::Stdin:
        if (!stdinDevice || !stdinDevice->isReadable()) {
            *error = QStringLiteral("cannot read the variables from standard input");
            return false;
        }
        *utf8 = stdinDevice->readAll();
        return true;
    case VariablesArgument::Source::File: {
        if (argument.value.isEmpty()) {
            *error = QStringLiteral("--variables @<file> needs a file name after '@'");
            return false;
        }
        QFile file(argument.value);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the variables file '%1': %2")
                         .arg(argument.value, file.errorString());
            return false;
        }
        *utf8 = file.readAll();
        if (file.error() != QFileDevice::NoError) {
            *error = QStringLiteral("cannot read the variables file '%1': %2")
                         .arg(argument.value, file.errorString());
            return false;
        }
        return true;
    }
    }
    return false;
}

BuiltRequest buildCompletionRequest(const CompleteArguments &arguments,
    const std::optional<TemplateDefaults> &templateDefaults, QIODevice *stdinDevice)
{
    BuiltRequest built;
    const JobKey::ParseResult key = JobKey::parse(arguments.jobKey);
    if (!key.key) {
        built.error = QStringLiteral("invalid job key '%1': %2").arg(arguments.jobKey, key.error);
        return built;
    }
    CompletionRequest &request = built.request;
    request.jobKey = *key.key;

    QByteArray variables;
    QString origin = QStringLiteral("--variables");
    if (arguments.variables) {
        if (!readVariablesText(*arguments.variables, stdinDevice, &variables, &built.error))
            return built;
        if (arguments.variables->source == VariablesArgument::Source::File)
            origin = QStringLiteral("the variables file '%1'").arg(arguments.variables->value);
        else if (arguments.variables->source == VariablesArgument::Source::Stdin)
            origin = QStringLiteral("the variables on standard input");
    } else if (templateDefaults) {
        variables = templateDefaults->variablesUtf8;
        origin = QStringLiteral("the variables of template '%1'").arg(templateDefaults->name);
    }
    request.variables = VariablesDocument::fromUtf8(variables);
    if (!request.variables.isValid()) {
        built.error = QStringLiteral("%1 are not a valid JSON object: %2")
                          .arg(origin, request.variables.errorMessage());
        return built;
    }
    if (request.variables.exceedsDefaultMaximum())
        built.warnings << QStringLiteral(
            "warning: the variables are %1, above Camunda's default maximum "
            "message size of 4 MiB; the server may refuse them")
                              .arg(VariablesDocument::formatSize(request.variables.sizeBytes()));

    if (templateDefaults)
        request.result = templateDefaults->result;

    const bool wantsUserTask = arguments.deny || arguments.denyReason.has_value();
    if (wantsUserTask) {
        if (std::holds_alternative<AdHocSubProcessResult>(request.result)) {
            built.error = QStringLiteral("--deny cannot be combined with template '%1', which "
                                         "completes an ad-hoc sub-process")
                              .arg(templateDefaults ? templateDefaults->name : QString());
            return built;
        }
        UserTaskResult userTask;
        if (const auto *fromTemplate = std::get_if<UserTaskResult>(&request.result))
            userTask = *fromTemplate;
        if (arguments.deny)
            userTask.denied = true;
        if (arguments.denyReason)
            userTask.deniedReason = *arguments.denyReason;
        if (!userTask.denied && !userTask.deniedReason.isEmpty()) {
            built.error = templateDefaults
                ? QStringLiteral("--deny-reason needs --deny (template '%1' does not deny)")
                      .arg(templateDefaults->name)
                : QStringLiteral("--deny-reason needs --deny");
            return built;
        }
        request.result = userTask;
    }

    const QString invalid = request.validationError();
    if (!invalid.isEmpty())
        built.error = invalid;
    return built;
}

} // namespace JobDesk::Cli
