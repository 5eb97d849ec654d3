// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/CliOptions.h"
#include "cli/CompletionInput.h"
#include "core/templates/Template.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

class QIODevice;

namespace JobDesk::Cli {

/// The saved template `name` (case-insensitive) for `complete --template`, or std::nullopt with
/// a sentence in `error` (unknown name; broken files are mentioned).
std::optional<TemplateDefaults> loadTemplateDefaults(const QString &name, QString *error);

/// The template a `template save` command describes (variables read and validated), or
/// std::nullopt with a sentence in `error`.
std::optional<Template> templateFromArguments(
    const TemplateSaveArguments &arguments, QIODevice *stdinDevice, QString *error);

/// `template list` as text (name, tab, description) or a JSON array of the templates.
QByteArray formatTemplateList(const QList<Template> &templates, bool json);
/// `template show`: every field, the variables verbatim at the end.
QByteArray formatTemplate(const Template &t);

/// `jobdesk-cli template save|list|show|remove|export|import`; returns the exit code:
/// 0 done; 2 invalid input, unknown template, name taken, import clash without --overwrite,
/// unreadable import file or templates folder; 3 a template or the export file could not be
/// written.
/// `stdinDevice` serves `--variables @-` and `import -` (standard input when null).
int runTemplateCommand(const CommandLine &line, QIODevice *stdinDevice = nullptr);

} // namespace JobDesk::Cli
