// SPDX-License-Identifier: GPL-3.0-or-later
// jobdesk-cli complete <JOB_KEY> [payload options] [connection options] [output options]
#include "cli/options/CommandFamily.h"

namespace JobDesk::Cli {

CommandLine parseCompleteCommand(const QStringList &arguments)
{
    const QString topic = QStringLiteral("complete");
    const Scan s = scanOptions(arguments, 1,
        PayloadOptions::specs() + LeaseOptions::specs() + ConnectionOptions::specs()
            + OutputOptions::specs(),
        topic);
    if (!s.error.isEmpty())
        return usageError(topic, s.error);
    QString error;
    if (!expectPositionals(s, {QStringLiteral("<JOB_KEY>")}, &error))
        return usageError(topic, error);
    CommandLine line;
    line.command = Command::Complete;
    line.topic = topic;
    CompleteArguments &c = line.complete;
    if (!c.ConnectionOptions::read(s, &error) || !c.PayloadOptions::read(s, &error)
        || !c.LeaseOptions::read(s, &error))
        return usageError(topic, error);
    c.OutputOptions::read(s);
    c.jobKey = s.positional.at(0);
    return line;
}

QString completeUsage()
{
    return QStringLiteral(
        "  jobdesk-cli complete <JOB_KEY> [--variables <JSON>|@<file>|@-] [--deny]\n"
        "              [--deny-reason <text>] [--activate <elementId>[=<JSON>]]...\n"
        "              [--completion-condition-fulfilled] [--cancel-remaining]\n"
        "              [--lease-token <token>] [--business-id <id>] [--template <name>]\n"
        "              [--profile <name> | --base-url <url>] [--timeout <seconds>]\n"
        "              [--json] [--dry-run] [--no-history]\n");
}

QString completeHelp()
{
    return QStringLiteral(
        "  jobdesk-cli complete <JOB_KEY> [options]\n"
        "    --variables <JSON>|@<file>|@-  variables as a JSON object: inline, from a file, or\n"
        "                                   from standard input; sent exactly as written\n"
        "    --deny                         deny the task-listener job (result.denied = true)\n"
        "    --deny-reason <text>           reason for the denial (needs --deny, or a template\n"
        "                                   that denies)\n"
        "    --activate <elementId>[=<JSON>]\n"
        "                                   ad-hoc sub-process job: activate this element, with\n"
        "                                   its own variables (a JSON object) after '=';\n"
        "                                   repeat for more elements, in order\n"
        "    --completion-condition-fulfilled\n"
        "                                   ad-hoc sub-process job: its completion condition is\n"
        "                                   fulfilled (not together with --activate)\n"
        "    --cancel-remaining             ad-hoc sub-process job: cancel its remaining\n"
        "                                   instances\n"
        "    --lease-token <token>          the lease of a leased job (Camunda 8.10+)\n"
        "    --business-id <id>             the business id for the root process instance\n"
        "                                   (Camunda 8.10+, 1 to 256 characters)\n"
        "    --template <name>              start from a saved template; the options above\n"
        "                                   override its fields (--variables replaces them,\n"
        "                                   --activate replaces its elements)\n"
        "    --profile <name>               connection from a saved profile (secret from the\n"
        "                                   OS keychain)\n"
        "    --base-url <url>               API address, e.g. http://localhost:8080\n"
        "                                   (default: $CAMUNDA_REST_ADDRESS, else\n"
        "                                   $ZEEBE_REST_ADDRESS, else http://localhost:8080)\n"
        "    --timeout <seconds>            give up waiting after this long (default 30)\n"
        "    --json                         print one JSON object instead of text\n"
        "    --dry-run                      print the request (secrets redacted), send nothing\n"
        "    --no-history                   do not record the attempt in the history\n"
        "  Without --profile, the connection comes from the Camunda SDK variables, as the\n"
        "  official SDK reads them:\n"
        "    CAMUNDA_AUTH_STRATEGY (NONE, BASIC, OAUTH, BEARER; inferred when unset),\n"
        "    CAMUNDA_BASIC_AUTH_USERNAME, CAMUNDA_BASIC_AUTH_PASSWORD,\n"
        "    CAMUNDA_CLIENT_ID, CAMUNDA_CLIENT_SECRET, CAMUNDA_OAUTH_URL,\n"
        "    CAMUNDA_TOKEN_AUDIENCE, CAMUNDA_OAUTH_SCOPE, CAMUNDA_OAUTH_TIMEOUT_MS,\n"
        "    CAMUNDA_OAUTH_TOKEN (bearer), CAMUNDA_MTLS_CA_PATH, CAMUNDA_MTLS_CERT_PATH,\n"
        "    CAMUNDA_MTLS_KEY_PATH, CAMUNDA_MTLS_KEY_PASSPHRASE (or inline PEM in\n"
        "    CAMUNDA_MTLS_CA, _CERT, _KEY), CAMUNDA_DEFAULT_TENANT_ID; the legacy ZEEBE_*\n"
        "    names of the Console credentials file are fallbacks. Every variable and what\n"
        "    JobDesk does with it: docs/sdk-environment.md.\n"
        "  What the server's version cannot take is refused before sending (exit 2, nothing\n"
        "  sent): a result below 8.8, --lease-token or --business-id below 8.10. The version\n"
        "  comes from the window's or 'profile test''s last read of GET /v2/topology (kept an\n"
        "  hour); without one, a completion that carries any of them reads it first. A plain\n"
        "  completion never waits for it; unknown and newer versions get what was asked.\n"
        "  When a request went out and no answer came (timeout, connection lost), the job is\n"
        "  looked up before deciding: found COMPLETED: exit 0, \"confirmed by lookup\"; still\n"
        "  open: exit 3, \"safe to retry\"; look-up impossible: exit 3. A 404 on a key that\n"
        "  JavaScript or a spreadsheet could have rounded names the existing keys it could\n"
        "  have come from (\"did you mean …\"; `suggestions` in --json).\n");
}

} // namespace JobDesk::Cli
