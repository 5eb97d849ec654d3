// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox/SandboxOptions.h"

#include <QHostAddress>

namespace JobDesk::Sandbox {

namespace {

bool parseRate(const QString &text, double *out)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !(value >= 0.0 && value <= 1.0))
        return false;
    *out = value;
    return true;
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
        "A local stand-in for the Camunda 8.8 jobs REST API (/v2), for practice, demos and tests.\n"
        "\n"
        "  --host <address>            address to listen on (default 127.0.0.1)\n"
        "  --port <n>|0                port to listen on; 0 picks a free one (default 8080)\n"
        "  --demo                      load the demo jobs (payments, invoices, listeners, ...)\n"
        "  --generate <n>              add n CREATED jobs with keys (1<<51)+1+i\n"
        "  --jobs-file <file>          load jobs from a JSON file (same format as the demo data)\n"
        "  --auth none|basic|oauth     basic: demo/demo; oauth: POST /oauth/token with client\n"
        "                              jobdesk-sandbox / sandbox-secret (default none)\n"
        "  --token-ttl <s>             lifetime of OAuth tokens in seconds (default 300)\n"
        "  --latency-ms <n>            delay every answer by n milliseconds (default 0)\n"
        "  --backpressure-rate <0..1>  share of API requests answered 503 RESOURCE_EXHAUSTED\n"
        "  --error-rate <0..1>         share of API requests answered 500 INTERNAL\n"
        "  --seed <n>                  seed for the fault dice (deterministic runs)\n"
        "  --help                      show this text\n"
        "  --version                   show the version\n"
        "\n"
        "The first line on stdout is `listening on http://<host>:<port>`.\n");
}

ParsedOptions parseOptions(const QStringList &arguments)
{
    ParsedOptions result;
    SandboxOptions &o = result.options;
    for (int i = 0; i < arguments.size(); ++i) {
        QString flag = arguments.at(i);
        QString value;
        bool hasInlineValue = false;
        const int eq = flag.indexOf(QLatin1Char('='));
        if (flag.startsWith(QLatin1String("--")) && eq > 0) {
            value = flag.mid(eq + 1);
            flag = flag.left(eq);
            hasInlineValue = true;
        }
        const auto takeValue = [&]() -> bool {
            if (hasInlineValue)
                return true;
            if (i + 1 >= arguments.size()) {
                result.error = QStringLiteral("option %1 needs a value").arg(flag);
                return false;
            }
            value = arguments.at(++i);
            return true;
        };
        const auto fail = [&](const QString &what) {
            result.error = QStringLiteral("invalid value for %1: '%2' (%3)").arg(flag, value, what);
            return result;
        };
        const auto noValue = [&]() {
            if (hasInlineValue)
                result.error = QStringLiteral("option %1 takes no value").arg(flag);
            return !hasInlineValue;
        };

        if (flag == QLatin1String("--help") || flag == QLatin1String("-h")) {
            if (!noValue())
                return result;
            o.help = true;
        } else if (flag == QLatin1String("--version")) {
            if (!noValue())
                return result;
            o.version = true;
        } else if (flag == QLatin1String("--demo")) {
            if (!noValue())
                return result;
            o.demo = true;
        } else if (flag == QLatin1String("--host")) {
            if (!takeValue())
                return result;
            QHostAddress address;
            if (!address.setAddress(value) && value != QLatin1String("localhost"))
                return fail(QStringLiteral("expected an IP address"));
            o.host = value;
        } else if (flag == QLatin1String("--port")) {
            if (!takeValue())
                return result;
            bool ok = false;
            const uint port = value.toUInt(&ok);
            if (!ok || port > 65535)
                return fail(QStringLiteral("expected 0..65535"));
            o.port = static_cast<quint16>(port);
        } else if (flag == QLatin1String("--generate")) {
            if (!takeValue())
                return result;
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (!ok || n < 0 || n > 100'000'000)
                return fail(QStringLiteral("expected 0..100000000"));
            o.generate = n;
        } else if (flag == QLatin1String("--jobs-file")) {
            if (!takeValue())
                return result;
            if (value.isEmpty())
                return fail(QStringLiteral("expected a file name"));
            o.jobsFile = value;
        } else if (flag == QLatin1String("--auth")) {
            if (!takeValue())
                return result;
            if (value == QLatin1String("none"))
                o.auth = AuthMode::None;
            else if (value == QLatin1String("basic"))
                o.auth = AuthMode::Basic;
            else if (value == QLatin1String("oauth"))
                o.auth = AuthMode::OAuth;
            else
                return fail(QStringLiteral("expected none, basic or oauth"));
        } else if (flag == QLatin1String("--token-ttl")) {
            if (!takeValue())
                return result;
            bool ok = false;
            const int ttl = value.toInt(&ok);
            if (!ok || ttl < 1)
                return fail(QStringLiteral("expected a positive number of seconds"));
            o.tokenTtlSeconds = ttl;
        } else if (flag == QLatin1String("--latency-ms")) {
            if (!takeValue())
                return result;
            bool ok = false;
            const int ms = value.toInt(&ok);
            if (!ok || ms < 0)
                return fail(QStringLiteral("expected milliseconds >= 0"));
            o.latencyMs = ms;
        } else if (flag == QLatin1String("--backpressure-rate")) {
            if (!takeValue())
                return result;
            if (!parseRate(value, &o.backpressureRate))
                return fail(QStringLiteral("expected a number from 0 to 1"));
        } else if (flag == QLatin1String("--error-rate")) {
            if (!takeValue())
                return result;
            if (!parseRate(value, &o.errorRate))
                return fail(QStringLiteral("expected a number from 0 to 1"));
        } else if (flag == QLatin1String("--seed")) {
            if (!takeValue())
                return result;
            bool ok = false;
            const quint64 seed = value.toULongLong(&ok);
            if (!ok)
                return fail(QStringLiteral("expected a non-negative integer"));
            o.seed = seed;
        } else {
            result.error = QStringLiteral("unknown option: %1").arg(arguments.at(i));
            return result;
        }
    }
    return result;
}

} // namespace JobDesk::Sandbox
