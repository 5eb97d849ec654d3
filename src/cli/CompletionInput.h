// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliOptions.h"
#include "core/camunda/CompletionRequest.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

class QIODevice;

namespace JobDesk::Cli {

/// The most `--variables` may hold: Camunda's default maximum message size (4 MiB) and room for
/// clusters configured above it. Beyond it nothing is read further and nothing is sent.
inline constexpr qint64 kMaxVariablesBytes = 16 * 1024 * 1024;

/// Reads the text of `--variables`: the inline JSON, the file after '@', or all of `stdinDevice`
/// for '@-', never more than kMaxVariablesBytes. False with a sentence in `error` when the file
/// or stdin cannot be read, is too large, or is empty (blank): an empty source never means "no
/// variables" — `{}` does.
bool readVariablesText(
    const VariablesArgument &argument, QIODevice *stdinDevice, QByteArray *utf8, QString *error);

/// The fields of a saved template a completion starts from.
struct TemplateDefaults
{
    QString name;
    QByteArray variablesUtf8; ///< as saved (may be blank)
    CompletionRequest::Result result;
};

/// The request to send, or why there is none.
struct BuiltRequest
{
    CompletionRequest request;
    QStringList warnings; ///< for stderr, e.g. a payload above Camunda's default maximum
    QString error; ///< non-empty: invalid input (exit 2, nothing sent)
};

/// Builds the completion from `complete` arguments and an optional template: the options override
/// the template's fields (`--variables` replaces its variables, `--deny` / `--deny-reason` its
/// verdict, its corrections stay; `--activate` replaces its ad-hoc elements, the ad-hoc flags
/// are added to its ad-hoc result); `--lease-token` and `--business-id` are taken as given. A
/// reason without a denial is an error, as are an invalid key or variables (with line and column)
/// and anything CompletionRequest::validationError() rejects.
BuiltRequest buildCompletionRequest(const CompleteArguments &arguments,
    const std::optional<TemplateDefaults> &templateDefaults, QIODevice *stdinDevice);

} // namespace JobDesk::Cli
