// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cli/options/OptionScan.h"

#include <QList>
#include <QPair>
#include <QString>

#include <chrono>
#include <optional>

namespace JobDesk::Cli {

/// `--variables <JSON>|@<file>|@-`: where the variables text comes from.
struct VariablesArgument
{
    enum class Source { Inline, File, Stdin };
    Source source = Source::Inline;
    QString value; ///< the JSON text (Inline) or the path (File)

    static VariablesArgument fromArgument(const QString &argument);
};

/// Parses a `--timeout` value: a positive number of seconds (fractions allowed) up to one day.
/// Returns std::nullopt and sets `error` otherwise.
std::optional<std::chrono::milliseconds> parseTimeout(const QString &text, QString *error);

/// The option groups every command that sends shares. A command takes the groups it needs:
/// their specs() go into its scan, their read() fills them from it. Each check of a group lives
/// in its read(), so two commands never differ in how they read the same option.

/// Where requests go: `--profile <name>` | `--base-url <url>`, `--timeout <seconds>`.
struct ConnectionOptions
{
    QString profile; ///< empty: no profile (address only)
    std::optional<QString> baseUrl;
    std::optional<std::chrono::milliseconds> timeout;

    /// `withTimeout` false: a command whose own `--timeout` means something else (job update).
    static OptionSpecs specs(bool withTimeout = true);
    /// Blank values, both --profile and --base-url, a bad timeout: false with `error`.
    bool read(const Scan &scan, QString *error, bool withTimeout = true);
};

/// One `--activate <elementId>[=<JSON>]`: an element of an ad-hoc sub-process to activate.
struct ActivateArgument
{
    QString elementId;
    QString variables; ///< the JSON object text after '=', as typed; empty: none
};

/// What a change carries: `--variables`, the task-listener verdict (`--deny`, `--deny-reason`),
/// the ad-hoc sub-process result (`--activate` (repeatable), `--completion-condition-fulfilled`,
/// `--cancel-remaining`), and (where templates apply) `--template <name>`.
struct PayloadOptions
{
    std::optional<VariablesArgument> variables;
    bool deny = false;
    std::optional<QString> denyReason;
    QList<ActivateArgument> activate; ///< in the order given
    bool completionConditionFulfilled = false;
    bool cancelRemaining = false;
    QString templateName; ///< empty: no template

    /// True when an ad-hoc option is given.
    bool hasAdHoc() const
    {
        return !activate.isEmpty() || completionConditionFulfilled || cancelRemaining;
    }

    static OptionSpecs specs(bool withTemplate = true);
    /// A reason without --deny is refused unless a template may supply the denial; a denial
    /// together with ad-hoc options, an element without an id, element variables that are not
    /// a JSON object, and elements together with a fulfilled completion condition (the engine
    /// refuses the two together) are refused.
    bool read(const Scan &scan, QString *error);
};

/// The 8.10 members of a completion that belong to one job, never to a template:
/// `--lease-token <token>` (the lease of a leased job) and `--business-id <id>`.
struct LeaseOptions
{
    QString leaseToken; ///< empty: not sent
    QString businessId; ///< empty: not sent

    static OptionSpecs specs();
    /// Blank values are refused (an empty token is never what was meant).
    bool read(const Scan &scan, QString *error);
};

/// Which jobs a search finds: `--type`, `--state`, `--kind`, `--process-definition-id`,
/// `--process-instance-key`, `--element-id`, `--worker`, `--tenant-id`,
/// `--listener-event-type`, `--error-code` (`job search`, `batch --search`).
struct JobFilterOptions
{
    /// Job filter fields as the API names them (`type`, `state`, `processInstanceKey`, …) with
    /// the values as given (enum values upper-cased); checked against the spec's filter table
    /// later.
    QList<QPair<QString, QString>> filters;

    static OptionSpecs specs();
    /// Blank values are refused.
    bool read(const Scan &scan, QString *error);
};

/// How results are shown and recorded: `--json`, `--dry-run`, `--no-history`.
struct OutputOptions
{
    enum Flag { Json = 0x1, DryRun = 0x2, NoHistory = 0x4, All = Json | DryRun | NoHistory };

    bool json = false;
    bool dryRun = false;
    bool noHistory = false;

    static OptionSpecs specs(int flags = All);
    void read(const Scan &scan);
};

} // namespace JobDesk::Cli
