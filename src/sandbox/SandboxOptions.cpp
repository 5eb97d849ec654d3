// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/SandboxOptions.h"

#include <QHostAddress>

#include <functional>
#include <vector>

namespace JobDesk::Sandbox {

namespace {

/// Applies a flag's value; returns what was expected when the value does not fit.
using Apply = std::function<std::optional<QString>(SandboxOptions &, const QString &)>;

struct Flag
{
    const char *name;
    bool takesValue;
    Apply apply;
};

std::optional<QString> integer(const QString &text, qint64 min, qint64 max, const QString &what,
    const std::function<void(qint64)> &set)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok || n < min || n > max)
        return what;
    set(n);
    return std::nullopt;
}

std::optional<QString> rate(const QString &text, double *out)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !(value >= 0.0 && value <= 1.0))
        return QStringLiteral("expected a number from 0 to 1");
    *out = value;
    return std::nullopt;
}

const std::vector<Flag> &flags()
{
    using O = SandboxOptions;
    static const std::vector<Flag> table {
        {"--help", false,
            [](O &o, const QString &) -> std::optional<QString> {
                o.help = true;
                return std::nullopt;
            }},
        {"-h", false,
            [](O &o, const QString &) -> std::optional<QString> {
                o.help = true;
                return std::nullopt;
            }},
        {"--version", false,
            [](O &o, const QString &) -> std::optional<QString> {
                o.version = true;
                return std::nullopt;
            }},
        {"--demo", false,
            [](O &o, const QString &) -> std::optional<QString> {
                o.demo = true;
                return std::nullopt;
            }},
        {"--host", true,
            [](O &o, const QString &v) -> std::optional<QString> {
                QHostAddress address;
                if (!address.setAddress(v) && v != QLatin1String("localhost"))
                    return QStringLiteral("expected an IP address");
                o.host = v;
                return std::nullopt;
            }},
        {"--port", true,
            [](O &o, const QString &v) {
                return integer(v, 0, 65535, QStringLiteral("expected 0..65535"),
                    [&](qint64 n) { o.port = quint16(n); });
            }},
        {"--generate", true,
            [](O &o, const QString &v) {
                return integer(v, 0, 100'000'000, QStringLiteral("expected 0..100000000"),
                    [&](qint64 n) { o.generate = n; });
            }},
        {"--jobs-file", true,
            [](O &o, const QString &v) -> std::optional<QString> {
                if (v.isEmpty())
                    return QStringLiteral("expected a file name");
                o.jobsFile = v;
                return std::nullopt;
            }},
        {"--auth", true,
            [](O &o, const QString &v) -> std::optional<QString> {
                for (AuthMode mode : {AuthMode::None, AuthMode::Basic, AuthMode::OAuth}) {
                    if (v == authModeName(mode)) {
                        o.auth = mode;
                        return std::nullopt;
                    }
                }
                return QStringLiteral("expected none, basic or oauth");
            }},
        {"--token-ttl", true,
            [](O &o, const QString &v) {
                return integer(v, 1, 86'400 * 365,
                    QStringLiteral("expected a positive number of seconds"),
                    [&](qint64 n) { o.tokenTtlSeconds = int(n); });
            }},
        {"--latency-ms", true,
            [](O &o, const QString &v) {
                return integer(v, 0, 3'600'000, QStringLiteral("expected milliseconds >= 0"),
                    [&](qint64 n) { o.latencyMs = int(n); });
            }},
        {"--backpressure-rate", true,
            [](O &o, const QString &v) { return rate(v, &o.backpressureRate); }},
        {"--error-rate", true, [](O &o, const QString &v) { return rate(v, &o.errorRate); }},
        {"--gateway-error-rate", true,
            [](O &o, const QString &v) { return rate(v, &o.gatewayErrorRate); }},
        {"--forbidden-rate", true,
            [](O &o, const QString &v) { return rate(v, &o.forbiddenRate); }},
        {"--gateway-version", true,
            [](O &o, const QString &v) -> std::optional<QString> {
                const auto version = gatewayVersionFromName(v);
                if (!version)
                    return QStringLiteral("expected 8.7, 8.8, 8.9 or 8.10");
                o.gatewayVersion = *version;
                return std::nullopt;
            }},
        {"--search-delay-ms", true,
            [](O &o, const QString &v) {
                return integer(v, 0, 3'600'000, QStringLiteral("expected milliseconds >= 0"),
                    [&](qint64 n) { o.searchDelayMs = int(n); });
            }},
        {"--batch-step-ms", true,
            [](O &o, const QString &v) {
                return integer(v, 1, 3'600'000, QStringLiteral("expected milliseconds >= 1"),
                    [&](qint64 n) { o.batchStepMs = int(n); });
            }},
        {"--worker", true,
            [](O &o, const QString &v) -> std::optional<QString> {
                const QStringList types = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
                if (types.isEmpty())
                    return QStringLiteral("expected job types, separated by commas");
                o.workerTypes.append(types);
                return std::nullopt;
            }},
        {"--seed", true,
            [](O &o, const QString &v) -> std::optional<QString> {
                bool ok = false;
                const quint64 seed = v.toULongLong(&ok);
                if (!ok)
                    return QStringLiteral("expected a non-negative integer");
                o.seed = seed;
                return std::nullopt;
            }},
    };
    return table;
}

} // namespace

QString authModeName(AuthMode mode)
{
    switch (mode) {
    case AuthMode::None:
        return QStringLiteral("none");
    case AuthMode::Basic:
        return QStringLiteral("basic");
    case AuthMode::OAuth:
        return QStringLiteral("oauth");
    }
    return {};
}

QString usageText()
{
    return QStringLiteral(
        "Usage: jobdesk-sandbox [options]\n"
        "A local stand-in for the Camunda 8 REST API (/v2) for practice, demos and tests: jobs,\n"
        "incidents, variables, process and element instances, batch operations, as Camunda\n"
        "8.7 to 8.10 answer them.\n"
        "\n"
        "  --host <address>            address to listen on (default 127.0.0.1)\n"
        "  --port <n>|0                port to listen on; 0 picks a free one (default 8080)\n"
        "  --demo                      load the demo jobs (every kind and state, incidents,\n"
        "                              variables, keys above 2^53 with JavaScript-rounded\n"
        "                              neighbours)\n"
        "  --generate <n>              add n CREATED jobs with keys (1<<51)+1+i\n"
        "  --jobs-file <file>          load jobs from a JSON file (same format as the demo data)\n"
        "  --gateway-version <v>       8.7, 8.8, 8.9 or 8.10: the version to behave as (default "
        "8.8)\n"
        "  --search-delay-ms <n>       searches see changes only after n ms, as secondary\n"
        "                              storage does (default 0)\n"
        "  --auth none|basic|oauth     basic: demo/demo; oauth: POST /oauth/token with client\n"
        "                              jobdesk-sandbox / sandbox-secret (default none)\n"
        "  --token-ttl <s>             lifetime of OAuth tokens in seconds (default 300)\n"
        "  --latency-ms <n>            delay every answer by n milliseconds (default 0)\n"
        "  --backpressure-rate <0..1>  share of API requests answered 503 RESOURCE_EXHAUSTED\n"
        "  --error-rate <0..1>         share of API requests answered 500 INTERNAL\n"
        "  --gateway-error-rate <0..1> share of API requests answered 502 ABORTED (not applied)\n"
        "                              or 504 DEADLINE_EXCEEDED (applied, the answer lost)\n"
        "  --forbidden-rate <0..1>     share of commands answered 403 FORBIDDEN\n"
        "  --worker <type>[,<type>]    a built-in worker completes new jobs of these types\n"
        "  --batch-step-ms <n>         how often batch operations advance (default 100)\n"
        "  --seed <n>                  seed for the fault dice (deterministic runs)\n"
        "  --help                      show this text\n"
        "  --version                   show the version\n"
        "\n"
        "The first line on stdout is `listening on http://<host>:<port>`.\n"
        "GET /sandbox/record (outside the API, no auth) counts per key the state-changing\n"
        "requests that arrived and were applied; DELETE /sandbox/record clears it.\n");
}

ParsedOptions parseOptions(const QStringList &arguments)
{
    ParsedOptions result;
    for (int i = 0; i < arguments.size(); ++i) {
        QString name = arguments.at(i);
        QString value;
        bool inlineValue = false;
        const int eq = name.indexOf(QLatin1Char('='));
        if (name.startsWith(QLatin1String("--")) && eq > 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            inlineValue = true;
        }
        const auto flag = std::find_if(flags().begin(), flags().end(),
            [&](const Flag &f) { return name == QLatin1String(f.name); });
        if (flag == flags().end()) {
            result.error = QStringLiteral("unknown option: %1").arg(arguments.at(i));
            return result;
        }
        if (!flag->takesValue && inlineValue) {
            result.error = QStringLiteral("option %1 takes no value").arg(name);
            return result;
        }
        if (flag->takesValue && !inlineValue) {
            if (i + 1 >= arguments.size()) {
                result.error = QStringLiteral("option %1 needs a value").arg(name);
                return result;
            }
            value = arguments.at(++i);
        }
        if (const auto expected = flag->apply(result.options, value)) {
            result.error
                = QStringLiteral("invalid value for %1: '%2' (%3)").arg(name, value, *expected);
            return result;
        }
    }
    return result;
}

} // namespace JobDesk::Sandbox
