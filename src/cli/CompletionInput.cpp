// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CompletionInput.h"

#include <QFile>
#include <QIODevice>

namespace JobDesk::Cli {

namespace {

/// Reads `device` (a file or standard input: blocking) to its end, but never more than `cap`
/// bytes: /dev/zero or an endless pipe must not fill the memory. False when there is more (or a
/// read fails).
bool readCapped(QIODevice *device, qint64 cap, QByteArray *out, bool *tooLarge)
{
    out->clear();
    *tooLarge = false;
    constexpr qint64 kChunk = 64 * 1024;
    for (;;) {
        const qint64 room = cap + 1 - out->size(); // one byte more tells "too large"
        const qsizetype before = out->size();
        out->resize(before + qsizetype(qMin(kChunk, room)));
        const qint64 n = device->read(out->data() + before, out->size() - before);
        if (n < 0) {
            out->resize(before);
            return false;
        }
        out->resize(before + qsizetype(n));
        if (out->size() > cap) {
            *tooLarge = true;
            return false;
        }
        if (n == 0) // files and standard input block: nothing read is the end
            return true;
    }
}

QString tooLargeMessage(const QString &origin)
{
    return QStringLiteral("%1 are larger than %2 (Camunda's default maximum message size is "
                          "%3); nothing was sent")
        .arg(origin, VariablesDocument::formatSize(kMaxVariablesBytes),
            VariablesDocument::formatSize(VariablesDocument::kDefaultMaxMessageBytes));
}

} // namespace

bool readVariablesText(
    const VariablesArgument &argument, QIODevice *stdinDevice, QByteArray *utf8, QString *error)
{
    QString origin;
    switch (argument.source) {
    case VariablesArgument::Source::Inline:
        origin = QStringLiteral("the variables given with --variables");
        *utf8 = argument.value.toUtf8();
        if (utf8->size() > kMaxVariablesBytes) {
            *error = tooLargeMessage(origin);
            return false;
        }
        break;
    case VariablesArgument::Source::Stdin: {
        origin = QStringLiteral("the variables on standard input");
        if (!stdinDevice || !stdinDevice->isReadable()) {
            *error = QStringLiteral("cannot read the variables from standard input");
            return false;
        }
        bool tooLarge = false;
        if (!readCapped(stdinDevice, kMaxVariablesBytes, utf8, &tooLarge)) {
            *error = tooLarge ? tooLargeMessage(origin)
                              : QStringLiteral("cannot read the variables from standard input: %1")
                                    .arg(stdinDevice->errorString());
            return false;
        }
        break;
    }
    case VariablesArgument::Source::File: {
        if (argument.value.isEmpty()) {
            *error = QStringLiteral("--variables @<file> needs a file name after '@'");
            return false;
        }
        origin = QStringLiteral("the variables in '%1'").arg(argument.value);
        QFile file(argument.value);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the variables file '%1': %2")
                         .arg(argument.value, file.errorString());
            return false;
        }
        bool tooLarge = false;
        if (!readCapped(&file, kMaxVariablesBytes, utf8, &tooLarge)) {
            *error = tooLarge ? tooLargeMessage(origin)
                              : QStringLiteral("cannot read the variables file '%1': %2")
                                    .arg(argument.value, file.errorString());
            return false;
        }
        break;
    }
    }
    // An empty source is a mistake far more often than a wish (a closed pipe, an empty file, an
    // unset shell variable): completing the job with no variables cannot be undone.
    if (utf8->trimmed().isEmpty()) {
        *error = QStringLiteral("%1 are empty; nothing was sent (to complete without variables, "
                                "give --variables '{}')")
                     .arg(origin);
        return false;
    }
    return true;
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

    if (arguments.hasAdHoc()) {
        if (const auto *task = std::get_if<UserTaskResult>(&request.result);
            task && !task->isEmpty()) {
            built.error = QStringLiteral("--activate, --completion-condition-fulfilled and "
                                         "--cancel-remaining cannot be combined with template "
                                         "'%1', which has a task listener's verdict")
                              .arg(templateDefaults ? templateDefaults->name : QString());
            return built;
        }
        AdHocSubProcessResult adHoc;
        if (const auto *fromTemplate = std::get_if<AdHocSubProcessResult>(&request.result))
            adHoc = *fromTemplate;
        if (!arguments.activate.isEmpty()) {
            adHoc.activateElements.clear();
            for (const ActivateArgument &element : arguments.activate)
                adHoc.activateElements.append({element.elementId, element.variables.toUtf8()});
        }
        if (arguments.completionConditionFulfilled)
            adHoc.isCompletionConditionFulfilled = true;
        if (arguments.cancelRemaining)
            adHoc.isCancelRemainingInstances = true;
        request.result = adHoc;
    }
    request.leaseToken = arguments.leaseToken;
    request.businessId = arguments.businessId;

    const QString invalid = request.validationError();
    if (!invalid.isEmpty())
        built.error = invalid;
    return built;
}

} // namespace JobDesk::Cli
