// SPDX-License-Identifier: GPL-3.0-or-later
// jobdesk-cli profile add|list|show|remove|test
#include "cli/options/CommandFamily.h"

#include <algorithm>

namespace JobDesk::Cli {

namespace {

CommandLine parseAdd(const QStringList &arguments, CommandLine line)
{
    const QString topic = line.topic;
    static const OptionSpecs specs {
        {"base-url", true},
        {"auth", true},
        {"username", true},
        {"client-id", true},
        {"token-url", true},
        {"audience", true},
        {"scope", true},
        {"secret-stdin", false},
        {"environment", true},
        {"colour", true},
        {"ca-bundle", true},
        {"client-cert", true},
        {"client-key", true},
        {"tenant", true},
        {"timeout", true},
    };
    const Scan s = scanOptions(arguments, 2, specs, topic + QStringLiteral(" add"));
    if (!s.error.isEmpty())
        return usageError(topic, s.error);
    QString error;
    if (!expectPositionals(s, {QStringLiteral("<name>")}, &error))
        return usageError(topic, error);
    if (!s.has("base-url"))
        return usageError(topic, QStringLiteral("profile add needs --base-url <url>"));
    if (!requireNonBlank(s,
            {"base-url", "auth", "username", "client-id", "token-url", "environment", "ca-bundle",
                "client-cert", "client-key", "tenant", "timeout"},
            &error))
        return usageError(topic, error);
    ProfileAddArguments &p = line.profileAdd;
    p.name = s.positional.at(0).trimmed();
    p.baseUrl = s.value("base-url").trimmed();
    if (s.has("auth")) {
        const std::optional<AuthKind> kind = authKindFromName(s.value("auth"), false);
        if (!kind)
            return usageError(topic,
                QStringLiteral("--auth must be none, basic, bearer or oauth, not '%1'")
                    .arg(s.value("auth")));
        p.auth = *kind;
    }
    p.username = s.value("username");
    p.clientId = s.value("client-id").trimmed();
    p.tokenUrl = s.value("token-url").trimmed();
    p.audience = s.value("audience").trimmed();
    p.scope = s.value("scope").trimmed();
    p.secretStdin = s.has("secret-stdin");
    if (s.has("environment")) {
        const std::optional<Environment> environment
            = environmentFromName(s.value("environment").trimmed());
        if (!environment)
            return usageError(topic,
                QStringLiteral("--environment must be dev, test, prod or custom, not '%1'")
                    .arg(s.value("environment")));
        p.environment = *environment;
    }
    p.colour = s.value("colour").trimmed();
    p.caBundle = s.value("ca-bundle");
    p.clientCertificate = s.value("client-cert");
    p.clientKey = s.value("client-key");
    p.tenant = s.value("tenant").trimmed();
    if (s.has("timeout")) {
        bool ok = false;
        const int seconds = s.value("timeout").trimmed().toInt(&ok);
        if (!ok)
            return usageError(topic,
                QStringLiteral("--timeout must be a whole number of seconds, not '%1'")
                    .arg(s.value("timeout")));
        p.timeoutSeconds = seconds;
    }

    // Options that do not belong to the chosen kind are mistakes, not harmless extras.
    QList<const char *> allowed;
    switch (p.auth) {
    case AuthKind::None:
        break;
    case AuthKind::Basic:
        allowed = {"username", "secret-stdin"};
        break;
    case AuthKind::Bearer:
        allowed = {"secret-stdin"};
        break;
    case AuthKind::OAuth:
        allowed = {"client-id", "token-url", "audience", "scope", "secret-stdin"};
        break;
    }
    for (const char *name :
        {"username", "client-id", "token-url", "audience", "scope", "secret-stdin"}) {
        const bool isAllowed = std::any_of(allowed.cbegin(), allowed.cend(),
            [name](const char *a) { return qstrcmp(a, name) == 0; });
        if (s.has(name) && !isAllowed)
            return usageError(topic,
                QStringLiteral("--%1 does not apply to --auth %2")
                    .arg(QLatin1String(name), authKindName(p.auth)));
    }
    if (p.auth == AuthKind::Basic && p.username.isEmpty())
        return usageError(topic, QStringLiteral("--auth basic needs --username <u>"));
    if (p.auth == AuthKind::OAuth && p.clientId.isEmpty())
        return usageError(topic, QStringLiteral("--auth oauth needs --client-id <id>"));
    if (p.auth == AuthKind::OAuth && p.tokenUrl.isEmpty())
        return usageError(topic, QStringLiteral("--auth oauth needs --token-url <url>"));
    line.command = Command::ProfileAdd;
    return line;
}

CommandLine parseTest(const QStringList &arguments, CommandLine line)
{
    const QString topic = line.topic;
    OptionSpecs specs = OutputOptions::specs(OutputOptions::Json);
    specs.append({"timeout", true});
    const Scan s = scanOptions(arguments, 2, specs, topic + QStringLiteral(" test"));
    if (!s.error.isEmpty())
        return usageError(topic, s.error);
    QString error;
    if (!expectPositionals(s, {QStringLiteral("<name>")}, &error))
        return usageError(topic, error);
    ProfileTestArguments &t = line.profileTest;
    t.name = s.positional.at(0).trimmed();
    t.json = s.has("json");
    if (s.has("timeout")) {
        t.timeout = parseTimeout(s.value("timeout"), &error);
        if (!t.timeout)
            return usageError(topic, error);
    }
    line.command = Command::ProfileTest;
    return line;
}

} // namespace

CommandLine parseProfileCommand(const QStringList &arguments)
{
    const QString topic = QStringLiteral("profile");
    if (arguments.size() < 2)
        return usageError(
            topic, QStringLiteral("missing a profile command (add, list, show, remove, test)"));
    const QString sub = arguments.at(1);
    CommandLine line;
    line.topic = topic;
    if (sub == QLatin1String("add"))
        return parseAdd(arguments, line);
    if (sub == QLatin1String("test"))
        return parseTest(arguments, line);
    if (sub == QLatin1String("list"))
        return parseListCommand(arguments, topic, Command::ProfileList);
    if (sub == QLatin1String("show"))
        return parseNameCommand(arguments, topic, Command::ProfileShow);
    if (sub == QLatin1String("remove"))
        return parseNameCommand(arguments, topic, Command::ProfileRemove);
    return usageError(topic,
        QStringLiteral("unknown profile command '%1' (add, list, show, remove, test)").arg(sub));
}

QString profileUsage()
{
    return QStringLiteral(
        "  jobdesk-cli profile add <name> --base-url <url> [--auth none|basic|bearer|oauth]\n"
        "              [--username <u>] [--client-id <id>] [--token-url <url>]\n"
        "              [--audience <a>] [--scope <s>] [--secret-stdin]\n"
        "              [--environment dev|test|prod|custom] [--colour <#rrggbb>]\n"
        "              [--ca-bundle <file>] [--client-cert <file> --client-key <file>]\n"
        "              [--tenant <id>] [--timeout <seconds>]\n"
        "  jobdesk-cli profile list [--json] | show <name> | remove <name>\n"
        "  jobdesk-cli profile test <name> [--timeout <seconds>] [--json]\n");
}

QString profileHelp()
{
    return QStringLiteral(
        "  jobdesk-cli profile add <name> --base-url <url> [--auth none|basic|bearer|oauth]\n"
        "              [--username <u>] [--client-id <id>] [--token-url <url>]\n"
        "              [--audience <a>] [--scope <s>] [--secret-stdin]\n"
        "              [--environment dev|test|prod|custom] [--colour <#rrggbb>]\n"
        "              [--ca-bundle <file>] [--client-cert <file> --client-key <file>]\n"
        "              [--tenant <id>] [--timeout <seconds>]\n"
        "    Saves a connection. --secret-stdin reads the password, token or client secret\n"
        "    from standard input and stores it in the OS keychain only. --environment prod\n"
        "    marks a production cluster (the window asks before every change; default dev).\n"
        "    TLS files (PEM) must exist; they are saved as absolute paths. A passphrase for\n"
        "    the client key is set in the window (Manage profiles). --tenant records the\n"
        "    default tenant (as CAMUNDA_DEFAULT_TENANT_ID does).\n"
        "  jobdesk-cli profile list [--json]     list profiles\n"
        "  jobdesk-cli profile show <name>       show one profile (never its secret)\n"
        "  jobdesk-cli profile remove <name>     remove a profile and its secret\n"
        "  jobdesk-cli profile test <name> [--timeout <seconds>] [--json]\n"
        "    Tests a profile: GET /v2/topology (gateway version, partitions, brokers), then\n"
        "    the credentials with GET /v2/authentication/me (Camunda 8.8+: who you are).\n"
        "    Exit 0 connected and accepted, 1 refused (401, 403, token endpoint), 2 unknown\n"
        "    or unusable profile or no stored secret, 3 no answer or no keychain.\n");
}

} // namespace JobDesk::Cli
