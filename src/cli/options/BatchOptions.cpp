// SPDX-License-Identifier: GPL-3.0-or-later
// jobdesk-cli batch (--keys <file>|- | --csv <file> | --jsonl <file> | --search [filters]) …
//             | batch list | batch show <id> | batch resume <id>
#include "cli/options/CommandFamily.h"

namespace JobDesk::Cli {

namespace {

/// How a batch runs and reports: shared by `batch …` and `batch resume`.
OptionSpecs runSpecs()
{
    return {{"concurrency", true}, {"stop-on-error", false}, {"error-budget", true}, {"yes", false},
        {"report", true}};
}

bool readRun(const Scan &s, BatchArguments *a, QString *error)
{
    if (s.has("concurrency")) {
        bool ok = false;
        const int n = s.value("concurrency").trimmed().toInt(&ok);
        if (!ok || n < 1 || n > 64) {
            *error = QStringLiteral("--concurrency must be a whole number from 1 to 64, not '%1'")
                         .arg(s.value("concurrency"));
            return false;
        }
        a->concurrency = n;
    }
    if (s.has("error-budget")) {
        bool ok = false;
        const qint64 n = s.value("error-budget").trimmed().toLongLong(&ok);
        if (!ok || n < 0) {
            *error = QStringLiteral("--error-budget must be a whole number of refusals (0 or "
                                    "more), not '%1'")
                         .arg(s.value("error-budget"));
            return false;
        }
        a->errorBudget = n;
    }
    if (!requireNonBlank(s, {"report"}, error))
        return false;
    a->stopOnError = s.has("stop-on-error");
    a->yes = s.has("yes");
    a->report = s.value("report");
    return true;
}

std::optional<qint64> batchIdOf(const QString &text)
{
    bool ok = false;
    const qint64 id = text.trimmed().toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}

CommandLine parseRun(const QStringList &arguments, const QString &topic)
{
    OptionSpecs specs = ConnectionOptions::specs() + PayloadOptions::specs()
        + OutputOptions::specs() + JobFilterOptions::specs() + runSpecs();
    specs += OptionSpecs {{"keys", true}, {"csv", true}, {"jsonl", true}, {"search", false},
        {"key-column", true}, {"limit", true}, {"all", false}};
    const Scan s = scanOptions(arguments, 1, specs, topic);
    if (!s.error.isEmpty())
        return usageError(topic, s.error);
    QString error;
    if (!expectPositionals(s, {}, &error))
        return usageError(topic, error);
    CommandLine line;
    line.topic = topic;
    line.command = Command::Batch;
    BatchArguments &a = line.batch;
    if (!a.ConnectionOptions::read(s, &error) || !a.PayloadOptions::read(s, &error)
        || !a.JobFilterOptions::read(s, &error) || !readRun(s, &a, &error))
        return usageError(topic, error);
    a.OutputOptions::read(s);

    int inputs = 0;
    for (const auto &[option, input] : {std::pair {"keys", BatchArguments::Input::Keys},
             std::pair {"csv", BatchArguments::Input::Csv},
             std::pair {"jsonl", BatchArguments::Input::JsonLines}}) {
        if (!s.has(option))
            continue;
        ++inputs;
        if (!requireNonBlank(s, {option}, &error))
            return usageError(topic, error);
        a.input = input;
        a.file = s.value(option);
    }
    if (s.has("search")) {
        ++inputs;
        a.input = BatchArguments::Input::Search;
    }
    if (inputs != 1)
        return usageError(topic,
            inputs == 0 ? QStringLiteral("say where the keys come from: --keys <file>|-, --csv "
                                         "<file>, --jsonl <file> or --search <filters>")
                        : QStringLiteral("--keys, --csv, --jsonl and --search cannot be used "
                                         "together"));
    if (s.has("key-column")) {
        if (a.input != BatchArguments::Input::Csv)
            return usageError(topic, QStringLiteral("--key-column only goes with --csv"));
        if (!requireNonBlank(s, {"key-column"}, &error))
            return usageError(topic, error);
        a.keyColumn = s.value("key-column").trimmed();
    }
    if (a.input != BatchArguments::Input::Search
        && (!a.filters.isEmpty() || s.has("limit") || s.has("all")))
        return usageError(
            topic, QStringLiteral("the job filters, --limit and --all only go with --search"));
    if (a.input == BatchArguments::Input::Search && a.filters.isEmpty())
        return usageError(topic,
            QStringLiteral("--search needs at least one filter (e.g. --type <t> --state "
                           "CREATED): a batch over every job is never what was meant"));
    if (s.has("limit") && s.has("all"))
        return usageError(topic, QStringLiteral("--limit and --all cannot be used together"));
    if (s.has("limit")) {
        bool ok = false;
        const qint64 limit = s.value("limit").trimmed().toLongLong(&ok);
        if (!ok || limit <= 0)
            return usageError(topic,
                QStringLiteral("--limit must be a positive whole number, not '%1'")
                    .arg(s.value("limit")));
        a.limit = limit;
    }
    const int stdinUsers = (a.file == QLatin1String("-") ? 1 : 0)
        + (a.variables && a.variables->source == VariablesArgument::Source::Stdin ? 1 : 0);
    if (stdinUsers > 1)
        return usageError(topic,
            QStringLiteral("the keys and the variables cannot both come from standard input"));
    return line;
}

CommandLine parseResume(const QStringList &arguments, const QString &topic)
{
    const OptionSpecs specs = ConnectionOptions::specs()
        + OutputOptions::specs(OutputOptions::Json | OutputOptions::DryRun) + runSpecs();
    const Scan s = scanOptions(arguments, 2, specs, topic + QStringLiteral(" resume"));
    if (!s.error.isEmpty())
        return usageError(topic, s.error);
    QString error;
    if (!expectPositionals(s, {QStringLiteral("<id>")}, &error))
        return usageError(topic, error);
    CommandLine line;
    line.topic = topic;
    line.command = Command::BatchResume;
    BatchArguments &a = line.batch;
    if (!a.ConnectionOptions::read(s, &error) || !readRun(s, &a, &error))
        return usageError(topic, error);
    a.OutputOptions::read(s);
    const std::optional<qint64> id = batchIdOf(s.positional.at(0));
    if (!id)
        return usageError(topic,
            QStringLiteral("'%1' is not a batch id (batch list shows them)")
                .arg(s.positional.at(0)));
    a.batchId = *id;
    return line;
}

CommandLine parseShow(const QStringList &arguments, const QString &topic)
{
    const Scan s = scanOptions(
        arguments, 2, {{"json", false}, {"report", true}}, topic + QStringLiteral(" show"));
    if (!s.error.isEmpty())
        return usageError(topic, s.error);
    QString error;
    if (!expectPositionals(s, {QStringLiteral("<id>")}, &error))
        return usageError(topic, error);
    CommandLine line;
    line.topic = topic;
    line.command = Command::BatchShow;
    line.json = s.has("json");
    line.batch.json = line.json;
    if (!requireNonBlank(s, {"report"}, &error))
        return usageError(topic, error);
    line.batch.report = s.value("report");
    const std::optional<qint64> id = batchIdOf(s.positional.at(0));
    if (!id)
        return usageError(topic,
            QStringLiteral("'%1' is not a batch id (batch list shows them)")
                .arg(s.positional.at(0)));
    line.batch.batchId = *id;
    return line;
}

} // namespace

CommandLine parseBatchCommand(const QStringList &arguments)
{
    const QString topic = QStringLiteral("batch");
    const QString sub = arguments.value(1);
    if (sub == QLatin1String("list")) {
        CommandLine line = parseListCommand(arguments, topic, Command::BatchList);
        line.batch.json = line.json;
        return line;
    }
    if (sub == QLatin1String("show"))
        return parseShow(arguments, topic);
    if (sub == QLatin1String("resume"))
        return parseResume(arguments, topic);
    if (!sub.isEmpty() && !sub.startsWith(QLatin1String("--")))
        return usageError(topic,
            QStringLiteral("unknown batch command '%1' (list, show, resume, or the options of a "
                           "new batch)")
                .arg(sub));
    return parseRun(arguments, topic);
}

QString batchUsage()
{
    return QStringLiteral(
        "  jobdesk-cli batch (--keys <file>|- | --csv <file> [--key-column <name>]\n"
        "              | --jsonl <file> | --search <job filters> [--limit <n> | --all])\n"
        "              [--variables <JSON>|@<file>|@-] [--deny] [--deny-reason <text>]\n"
        "              [--template <name>] [--concurrency <n>] [--stop-on-error]\n"
        "              [--error-budget <n>] [--dry-run] [--yes] [--json] [--report <file>]\n"
        "              [--profile <name> | --base-url <url>] [--timeout <seconds>]\n"
        "              [--no-history]\n"
        "  jobdesk-cli batch list [--json] | batch show <id> [--json] [--report <file>]\n"
        "  jobdesk-cli batch resume <id> [--concurrency <n>] [--stop-on-error] [--yes]\n"
        "              [--json] [--report <file>] [--profile <name> | --base-url <url>]\n");
}

QString batchHelp()
{
    return QStringLiteral(
        "  jobdesk-cli batch <input> [payload options of complete] [run options]\n"
        "    Completes many jobs: plans first, then runs. Inputs: --keys <file>|- (keys in\n"
        "    any shape: lines, commas, spaces, quotes, a spreadsheet column); --csv <file>\n"
        "    (a header row; the key column is jobKey/key or --key-column; a 'variables'\n"
        "    column holds a JSON object, otherwise every other column becomes a variable,\n"
        "    typed as JSON reads the cell; .tsv files and ';' work too); --jsonl <file>\n"
        "    ({\"jobKey\":\"…\",\"variables\":{…}} per line); --search with the filters of\n"
        "    job search (--type, --state, …), read page by page. The payload options\n"
        "    (--variables, --template, --deny, --deny-reason, --activate, …) apply to\n"
        "    every job; a row's variables are merged over them by name.\n"
        "    Plan: every row is validated (bad rows named with their line numbers: exit 2,\n"
        "    nothing sent) and every job looked up in chunks: will complete, already\n"
        "    completed, not found, failed (needs repair), cannot be completed, kind does\n"
        "    not fit the payload, duplicate row. --dry-run stops after the plan. On a\n"
        "    production profile the batch runs only with --yes.\n"
        "    Run: --concurrency <n> requests in flight (default 4, at most 64), lowered\n"
        "    on back-pressure (503 RESOURCE_EXHAUSTED, 429) and raised again; a lost\n"
        "    answer is settled by looking the job up, never by sending blind;\n"
        "    --stop-on-error stops at the first refusal, --error-budget <n> after n.\n"
        "    Every item is journalled in the history before its request leaves; a\n"
        "    batch that was killed or stopped continues with batch resume <id>.\n"
        "    Output: a progress line on standard error (on a terminal only); --json one\n"
        "    object per item as it finishes (jobKey, outcome, httpStatus, problem,\n"
        "    elapsedMs, attempts) and a last line {\"batch\":{\"id\",\"total\",\"completed\",\n"
        "    \"skipped\",\"refused\",\"undone\",\"elapsedMs\"}}; --report <file> writes every\n"
        "    item as CSV (or JSON for a .json name).\n"
        "    Exit 0 every item completed (or skipped as already completed), 1 some\n"
        "    refused or skipped, 2 bad input (nothing sent), 3 transport failures left\n"
        "    items undone.\n"
        "  jobdesk-cli batch list [--json]\n"
        "    The batches in the history, newest first, with their state and counts.\n"
        "  jobdesk-cli batch show <id> [--json] [--report <file>]\n"
        "    One batch: its input, connection, counts, and the items not completed.\n"
        "  jobdesk-cli batch resume <id> [run options]\n"
        "    Continues an interrupted or stopped batch: items that were being sent are\n"
        "    looked up first; no key is completed twice.\n");
}

} // namespace JobDesk::Cli
