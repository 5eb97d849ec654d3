// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/options/OptionScan.h"

namespace JobDesk::Cli {

namespace {
const OptionSpec *findSpec(const OptionSpecs &specs, const QString &name)
{
    for (const OptionSpec &spec : specs) {
        if (name == QLatin1String(spec.name))
            return &spec;
    }
    return nullptr;
}
} // namespace

Scan scanOptions(
    const QStringList &arguments, int from, const OptionSpecs &specs, const QString &context)
{
    Scan result;
    bool optionsEnded = false;
    for (int i = from; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (optionsEnded || argument == QLatin1String("-") || !argument.startsWith(u'-')) {
            result.positional.append(argument);
            continue;
        }
        if (argument == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        if (!argument.startsWith(QLatin1String("--"))) {
            result.error = QStringLiteral("unknown option '%1' for '%2'").arg(argument, context);
            return result;
        }
        const qsizetype equals = argument.indexOf(u'=');
        const QString name = argument.mid(2, equals < 0 ? -1 : equals - 2);
        const OptionSpec *spec = findSpec(specs, name);
        if (!spec) {
            result.error = QStringLiteral("unknown option '--%1' for '%2'").arg(name, context);
            return result;
        }
        if (result.options.contains(name) && !spec->repeatable) {
            result.error = QStringLiteral("option '--%1' is given more than once").arg(name);
            return result;
        }
        QString value;
        if (spec->takesValue) {
            if (equals >= 0) {
                value = argument.mid(equals + 1);
            } else if (i + 1 < arguments.size()
                && !arguments.at(i + 1).startsWith(QLatin1String("--"))) {
                value = arguments.at(++i);
            } else {
                result.error = QStringLiteral("option '--%1' needs a value").arg(name);
                return result;
            }
        } else if (equals >= 0) {
            result.error = QStringLiteral("option '--%1' takes no value").arg(name);
            return result;
        }
        result.options.insert(name, value);
        if (spec->repeatable)
            result.repeated[name].append(value);
    }
    return result;
}

bool expectPositionals(const Scan &scan, const QStringList &names, QString *error)
{
    if (scan.positional.size() < names.size()) {
        *error = QStringLiteral("missing %1").arg(names.at(scan.positional.size()));
        return false;
    }
    if (scan.positional.size() > names.size()) {
        *error = QStringLiteral("unexpected argument '%1'").arg(scan.positional.at(names.size()));
        return false;
    }
    for (int i = 0; i < names.size(); ++i) {
        if (scan.positional.at(i).trimmed().isEmpty()) {
            *error = QStringLiteral("%1 is empty").arg(names.at(i));
            return false;
        }
    }
    return true;
}

bool requireNonBlank(const Scan &scan, std::initializer_list<const char *> names, QString *error)
{
    for (const char *name : names) {
        if (scan.has(name) && scan.value(name).trimmed().isEmpty()) {
            *error
                = QStringLiteral("option '--%1' needs a non-empty value").arg(QLatin1String(name));
            return false;
        }
    }
    return true;
}

} // namespace JobDesk::Cli
