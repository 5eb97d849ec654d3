// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <initializer_list>

namespace JobDesk::Cli {

/// One long option a command accepts.
struct OptionSpec
{
    const char *name; ///< without the leading "--"
    bool takesValue;
    bool repeatable = false; ///< may be given more than once (every value kept, in order)
};
using OptionSpecs = QList<OptionSpec>;

/// Options and positional arguments of one command, as given.
struct Scan
{
    QStringList positional;
    QHash<QString, QString> options; ///< name (without "--") -> value ("" for flags); the last
                                     ///< value of a repeatable option
    QHash<QString, QStringList> repeated; ///< repeatable options: every value, in order
    QString error;

    bool has(const char *name) const { return options.contains(QLatin1String(name)); }
    QString value(const char *name) const { return options.value(QLatin1String(name)); }
    QStringList values(const char *name) const { return repeated.value(QLatin1String(name)); }
};

/// Splits `arguments[from…]` into options and positionals. `--name value` and `--name=value`
/// are both accepted; `--` ends the options. A value that is missing (end of the line, or the
/// next word is another long option) is an error, so `--deny-reason --json` never swallows a
/// flag. Unknown and short options are errors naming `context` ("profile add"), and so is an
/// option given twice unless its spec is repeatable.
Scan scanOptions(
    const QStringList &arguments, int from, const OptionSpecs &specs, const QString &context);

/// Checks the number of positionals against their names ("<JOB_KEY>"); fills `error` otherwise.
bool expectPositionals(const Scan &scan, const QStringList &names, QString *error);

/// Options whose value must not be blank (names, addresses).
bool requireNonBlank(const Scan &scan, std::initializer_list<const char *> names, QString *error);

} // namespace JobDesk::Cli
