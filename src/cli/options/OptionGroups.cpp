// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/options/OptionGroups.h"

#include <algorithm>
#include <cmath>

namespace JobDesk::Cli {

VariablesArgument VariablesArgument::fromArgument(const QString &argument)
{
    VariablesArgument result;
    if (argument == QLatin1String("@-")) {
        result.source = Source::Stdin;
    } else if (argument.startsWith(u'@')) {
        result.source = Source::File;
        result.value = argument.mid(1);
    } else {
        result.source = Source::Inline;
        result.value = argument;
    }
    return result;
}

std::optional<std::chrono::milliseconds> parseTimeout(const QString &text, QString *error)
{
    bool ok = false;
    const double seconds = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds <= 0 || seconds > 86400) {
        if (error)
            *error = QStringLiteral("--timeout must be a positive number of seconds (at most "
                                    "86400), not '%1'")
                         .arg(text);
        return std::nullopt;
    }
    const auto ms = static_cast<qint64>(std::ceil(seconds * 1000.0));
    return std::chrono::milliseconds(std::max<qint64>(ms, 1));
}

// ---------------------------------------------------------------------------- ConnectionOptions

OptionSpecs ConnectionOptions::specs(bool withTimeout)
{
    OptionSpecs specs {{"profile", true}, {"base-url", true}};
    if (withTimeout)
        specs.append({"timeout", true});
    return specs;
}

bool ConnectionOptions::read(const Scan &scan, QString *error, bool withTimeout)
{
    if (!requireNonBlank(scan, {"profile", "base-url"}, error))
        return false;
    if (scan.has("profile") && scan.has("base-url")) {
        *error = QStringLiteral("--profile and --base-url cannot be used together");
        return false;
    }
    profile = scan.value("profile").trimmed();
    if (scan.has("base-url"))
        baseUrl = scan.value("base-url").trimmed();
    if (withTimeout && scan.has("timeout")) {
        timeout = parseTimeout(scan.value("timeout"), error);
        if (!timeout)
            return false;
    }
    return true;
}

// ------------------------------------------------------------------------------ PayloadOptions

OptionSpecs PayloadOptions::specs(bool withTemplate)
{
    OptionSpecs specs {{"variables", true}, {"deny", false}, {"deny-reason", true}};
    if (withTemplate)
        specs.append({"template", true});
    return specs;
}

bool PayloadOptions::read(const Scan &scan, QString *error)
{
    if (!requireNonBlank(scan, {"template"}, error))
        return false;
    // With a template the reason may refine the template's deny; checked after merging.
    if (scan.has("deny-reason") && !scan.has("deny") && !scan.has("template")) {
        *error = QStringLiteral("--deny-reason needs --deny");
        return false;
    }
    if (scan.has("variables"))
        variables = VariablesArgument::fromArgument(scan.value("variables"));
    deny = scan.has("deny");
    if (scan.has("deny-reason"))
        denyReason = scan.value("deny-reason");
    templateName = scan.value("template").trimmed();
    return true;
}

// ------------------------------------------------------------------------------- OutputOptions

OptionSpecs OutputOptions::specs(int flags)
{
    OptionSpecs specs;
    if (flags & Json)
        specs.append({"json", false});
    if (flags & DryRun)
        specs.append({"dry-run", false});
    if (flags & NoHistory)
        specs.append({"no-history", false});
    return specs;
}

void OutputOptions::read(const Scan &scan)
{
    json = scan.has("json");
    dryRun = scan.has("dry-run");
    noHistory = scan.has("no-history");
}

} // namespace JobDesk::Cli
