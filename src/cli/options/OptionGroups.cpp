// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/options/OptionGroups.h"

#include "core/json/VariablesDocument.h"

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
    OptionSpecs specs {{"variables", true}, {"deny", false}, {"deny-reason", true},
        {"activate", true, true}, {"completion-condition-fulfilled", false},
        {"cancel-remaining", false}};
    if (withTemplate)
        specs.append({"template", true});
    return specs;
}

namespace {

/// `<elementId>[=<JSON object>]`; false with `error` for a blank id or variables that are not a
/// JSON object (with line and column).
bool parseActivate(const QString &argument, ActivateArgument *out, QString *error)
{
    const qsizetype equals = argument.indexOf(u'=');
    out->elementId = (equals < 0 ? argument : argument.left(equals)).trimmed();
    out->variables = equals < 0 ? QString() : argument.mid(equals + 1);
    if (out->elementId.isEmpty()) {
        *error = QStringLiteral("--activate '%1' has no element id (give --activate "
                                "<elementId>[=<JSON object>])")
                     .arg(argument);
        return false;
    }
    if (equals < 0)
        return true;
    if (out->variables.trimmed().isEmpty()) {
        *error = QStringLiteral("--activate %1= needs a JSON object after '=' (or no '=' for "
                                "no variables)")
                     .arg(out->elementId);
        return false;
    }
    const VariablesDocument document = VariablesDocument::fromUtf8(out->variables.toUtf8());
    if (!document.isValid()) {
        *error = QStringLiteral("the variables of --activate %1 are not a valid JSON object: %2")
                     .arg(out->elementId, document.errorMessage());
        return false;
    }
    return true;
}

} // namespace

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
    const QStringList activations = scan.values("activate");
    for (const QString &argument : activations) {
        ActivateArgument element;
        if (!parseActivate(argument, &element, error))
            return false;
        activate.append(element);
    }
    completionConditionFulfilled = scan.has("completion-condition-fulfilled");
    cancelRemaining = scan.has("cancel-remaining");
    // One result per completion: a task listener's verdict or an ad-hoc sub-process's.
    if (hasAdHoc() && (deny || denyReason)) {
        *error = QStringLiteral("--deny and --deny-reason (a task listener's verdict) cannot be "
                                "combined with --activate, --completion-condition-fulfilled or "
                                "--cancel-remaining (an ad-hoc sub-process's result)");
        return false;
    }
    if (!activate.isEmpty() && completionConditionFulfilled) {
        *error = QStringLiteral("--activate cannot be combined with "
                                "--completion-condition-fulfilled: the engine refuses to activate "
                                "elements while the completion condition is fulfilled");
        return false;
    }
    return true;
}

// -------------------------------------------------------------------------------- LeaseOptions

OptionSpecs LeaseOptions::specs()
{
    return {{"lease-token", true}, {"business-id", true}};
}

bool LeaseOptions::read(const Scan &scan, QString *error)
{
    if (!requireNonBlank(scan, {"lease-token", "business-id"}, error))
        return false;
    leaseToken = scan.value("lease-token");
    businessId = scan.value("business-id");
    return true;
}

// ------------------------------------------------------------------------------- OutputOptions

namespace {

/// Option name → the job filter field it sets.
const QList<QPair<const char *, const char *>> &filterOptions()
{
    static const QList<QPair<const char *, const char *>> options {
        {"type", "type"},
        {"state", "state"},
        {"kind", "kind"},
        {"process-definition-id", "processDefinitionId"},
        {"process-instance-key", "processInstanceKey"},
        {"element-id", "elementId"},
        {"worker", "worker"},
        {"tenant-id", "tenantId"},
        {"listener-event-type", "listenerEventType"},
        {"error-code", "errorCode"},
    };
    return options;
}

} // namespace

OptionSpecs JobFilterOptions::specs()
{
    OptionSpecs specs;
    for (const auto &[option, field] : filterOptions())
        specs.append({option, true});
    return specs;
}

bool JobFilterOptions::read(const Scan &scan, QString *error)
{
    filters.clear();
    for (const auto &[option, field] : filterOptions()) {
        if (!scan.has(option))
            continue;
        if (!requireNonBlank(scan, {option}, error))
            return false;
        QString value = scan.value(option).trimmed();
        // Enum values as the API spells them: `--state created` means CREATED.
        if (qstrcmp(field, "state") == 0 || qstrcmp(field, "kind") == 0
            || qstrcmp(field, "listenerEventType") == 0)
            value = value.toUpper().replace(u'-', u'_');
        filters.append({QLatin1String(field), value});
    }
    return true;
}

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
