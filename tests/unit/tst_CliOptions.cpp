// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliOptions.h"
#include "core/connection/ConnectionKinds.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk::Cli;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(JobDesk::Cli::Command)

namespace QTest {
template <> char *toString(const JobDesk::AuthKind &kind)
{
    return qstrdup(JobDesk::authKindName(kind).toUtf8().constData());
}
template <> char *toString(const JobDesk::Environment &environment)
{
    return qstrdup(JobDesk::environmentName(environment).toUtf8().constData());
}
} // namespace QTest

class TestCliOptions final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void commands_data();
    void commands();
    void usageErrors_data();
    void usageErrors();
    void completeOptions();
    void adHocAndLeaseOptions();
    void equalsSyntaxAndOptionOrder();
    void doubleDashEndsOptions();
    void variablesSources_data();
    void variablesSources();
    void timeout_data();
    void timeout();
    void profileAdd();
    void profileTest();
    void sharedGroupsReadAlike();
    void templateCommands();
    void helpMentionsEveryCommandAndExitCode();
};

void TestCliOptions::commands_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<Command>("command");
    QTest::addColumn<QString>("topic");

    const auto row
        = [](const char *name, const QStringList &args, Command command, const char *topic = "") {
              QTest::newRow(name) << args << command << QString::fromLatin1(topic);
          };
    const auto L = [](std::initializer_list<const char *> words) {
        QStringList list;
        for (const char *w : words)
            list << QString::fromUtf8(w);
        return list;
    };
    row("version", L({"--version"}), Command::Version);
    row("help", L({"--help"}), Command::Help);
    row("-h", L({"-h"}), Command::Help);
    row("complete help", L({"complete", "--help"}), Command::Help, "complete");
    row("help beats errors", L({"complete", "--bogus", "--help"}), Command::Help, "complete");
    row("profile help", L({"profile", "add", "-h"}), Command::Help, "profile");
    row("complete", L({"complete", "2251799813685249"}), Command::Complete, "complete");
    row("profile add", L({"profile", "add", "dev", "--base-url", "http://h:8080"}),
        Command::ProfileAdd, "profile");
    row("profile list", L({"profile", "list"}), Command::ProfileList, "profile");
    row("profile list json", L({"profile", "list", "--json"}), Command::ProfileList, "profile");
    row("profile test", L({"profile", "test", "dev"}), Command::ProfileTest, "profile");
    row("profile show", L({"profile", "show", "dev"}), Command::ProfileShow, "profile");
    row("profile remove", L({"profile", "remove", "dev"}), Command::ProfileRemove, "profile");
    row("template save", L({"template", "save", "approve", "--variables", "{}"}),
        Command::TemplateSave, "template");
    row("template list", L({"template", "list", "--json"}), Command::TemplateList, "template");
    row("template show", L({"template", "show", "approve"}), Command::TemplateShow, "template");
    row("template remove", L({"template", "remove", "approve"}), Command::TemplateRemove,
        "template");
    row("template export one", L({"template", "export", "approve", "out.json"}),
        Command::TemplateExport, "template");
    row("template export all", L({"template", "export", "--all", "out.json"}),
        Command::TemplateExport, "template");
    row("template import", L({"template", "import", "in.json", "--overwrite"}),
        Command::TemplateImport, "template");
    row("batch keys", L({"batch", "--keys", "k.txt", "--concurrency", "64"}), Command::Batch,
        "batch");
    row("batch keys stdin", L({"batch", "--keys", "-", "--dry-run"}), Command::Batch, "batch");
    row("batch csv", L({"batch", "--csv", "k.csv", "--key-column", "key"}), Command::Batch,
        "batch");
    row("batch jsonl", L({"batch", "--jsonl", "k.jsonl", "--concurrency", "1"}), Command::Batch,
        "batch");
    row("batch search", L({"batch", "--search", "--type", "payment-service", "--all"}),
        Command::Batch, "batch");
    row("batch list", L({"batch", "list", "--json"}), Command::BatchList, "batch");
    row("batch show", L({"batch", "show", "12", "--report", "r.csv"}), Command::BatchShow, "batch");
    row("batch resume", L({"batch", "resume", "12", "--concurrency", "8", "--yes"}),
        Command::BatchResume, "batch");
}

void TestCliOptions::commands()
{
    QFETCH(QStringList, arguments);
    QFETCH(Command, command);
    QFETCH(QString, topic);
    const CommandLine line = parseCommandLine(arguments);
    QCOMPARE(line.error, QString());
    QCOMPARE(line.command, command);
    QCOMPARE(line.topic, topic);
}

void TestCliOptions::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errorContains");

    const auto row
        = [](const char *name, std::initializer_list<const char *> words, const char *contains) {
              QStringList list;
              for (const char *w : words)
                  list << QString::fromUtf8(w);
              QTest::newRow(name) << list << QString::fromUtf8(contains);
          };
    row("nothing", {}, "missing a command");
    row("unknown command", {"finish", "1"}, "unknown command 'finish'");
    row("unknown global option", {"--verbose"}, "unknown option '--verbose'");
    row("version with more", {"--version", "complete"}, "--version takes no other arguments");
    row("missing key", {"complete"}, "missing <JOB_KEY>");
    row("blank key", {"complete", "  "}, "<JOB_KEY> is empty");
    row("two keys", {"complete", "1", "2"}, "unexpected argument '2'");
    row("unknown option", {"complete", "1", "--varaibles", "{}"}, "unknown option '--varaibles'");
    row("short option", {"complete", "1", "-v"}, "unknown option '-v'");
    row("missing value at end", {"complete", "1", "--variables"}, "'--variables' needs a value");
    row("value swallowing a flag", {"complete", "1", "--deny", "--deny-reason", "--json"},
        "'--deny-reason' needs a value");
    row("flag with value", {"complete", "1", "--deny=yes"}, "'--deny' takes no value");
    row("twice", {"complete", "1", "--json", "--json"}, "'--json' is given more than once");
    row("profile and base url", {"complete", "1", "--profile", "p", "--base-url", "http://h"},
        "--profile and --base-url cannot be used together");
    row("reason without deny", {"complete", "1", "--deny-reason", "why"},
        "--deny-reason needs --deny");
    row("empty base url", {"complete", "1", "--base-url", ""},
        "'--base-url' needs a non-empty value");
    row("empty profile", {"complete", "1", "--profile="}, "'--profile' needs a non-empty value");
    row("zero timeout", {"complete", "1", "--timeout", "0"}, "--timeout must be a positive number");
    row("negative timeout", {"complete", "1", "--timeout", "-5"}, "--timeout must be a positive");
    row("word timeout", {"complete", "1", "--timeout", "soon"}, "not 'soon'");
    row("profile no sub", {"profile"}, "missing a profile command");
    row("profile bad sub", {"profile", "edit", "x"}, "unknown profile command 'edit'");
    row("profile add no url", {"profile", "add", "dev"}, "needs --base-url");
    row("profile add bad auth",
        {"profile", "add", "dev", "--base-url", "http://h", "--auth", "kerberos"},
        "--auth must be none, basic, bearer or oauth");
    row("basic without user",
        {"profile", "add", "dev", "--base-url", "http://h", "--auth", "basic"},
        "--auth basic needs --username");
    row("oauth without client",
        {"profile", "add", "p", "--base-url", "http://h", "--auth", "oauth", "--token-url",
            "http://t"},
        "--auth oauth needs --client-id");
    row("oauth without token url",
        {"profile", "add", "p", "--base-url", "http://h", "--auth", "oauth", "--client-id", "c"},
        "--auth oauth needs --token-url");
    row("username with oauth",
        {"profile", "add", "p", "--base-url", "http://h", "--auth", "oauth", "--client-id", "c",
            "--token-url", "http://t", "--username", "u"},
        "--username does not apply to --auth oauth");
    row("secret with none", {"profile", "add", "p", "--base-url", "http://h", "--secret-stdin"},
        "--secret-stdin does not apply to --auth none");
    row("profile add word timeout",
        {"profile", "add", "p", "--base-url", "http://h", "--timeout", "soon"},
        "--timeout must be a whole number of seconds, not 'soon'");
    row("profile add bad environment",
        {"profile", "add", "p", "--base-url", "http://h", "--environment", "staging"},
        "--environment must be dev, test, prod or custom, not 'staging'");
    row("profile test missing name", {"profile", "test"}, "missing <name>");
    row("profile test bad timeout", {"profile", "test", "p", "--timeout", "0"},
        "--timeout must be a positive number");
    row("profile test unknown option", {"profile", "test", "p", "--dry-run"},
        "unknown option '--dry-run' for 'profile test'");
    row("profile add blank environment",
        {"profile", "add", "p", "--base-url", "http://h", "--environment", " "},
        "'--environment' needs a non-empty value");
    row("profile show missing name", {"profile", "show"}, "missing <name>");
    row("profile list extra", {"profile", "list", "x"}, "unexpected argument 'x'");
    row("activate without id", {"complete", "1", "--activate", "=x"}, "has no element id");
    row("activate blank id", {"complete", "1", "--activate", " "}, "has no element id");
    row("activate empty variables", {"complete", "1", "--activate", "A="},
        "needs a JSON object after '='");
    row("activate array variables", {"complete", "1", "--activate", "A=[1]"},
        "the variables of --activate A are not a valid JSON object");
    row("activate broken variables", {"complete", "1", "--activate", "A={\"x\":}"},
        "the variables of --activate A are not a valid JSON object");
    row("activate with fulfilled condition",
        {"complete", "1", "--activate", "A", "--completion-condition-fulfilled"},
        "--activate cannot be combined with --completion-condition-fulfilled");
    row("deny with ad-hoc", {"complete", "1", "--deny", "--cancel-remaining"},
        "cannot be combined with --activate");
    row("reason with ad-hoc",
        {"complete", "1", "--template", "t", "--deny-reason", "x", "--activate", "A"},
        "cannot be combined with --activate");
    row("flag twice", {"complete", "1", "--cancel-remaining", "--cancel-remaining"},
        "'--cancel-remaining' is given more than once");
    row("blank lease token", {"complete", "1", "--lease-token", " "},
        "'--lease-token' needs a non-empty value");
    row("blank business id", {"complete", "1", "--business-id="},
        "'--business-id' needs a non-empty value");
    row("template save lease token", {"template", "save", "t", "--lease-token", "x"},
        "unknown option '--lease-token' for 'template save'");
    row("template save with fulfilled condition",
        {"template", "save", "t", "--activate", "A", "--completion-condition-fulfilled"},
        "--activate cannot be combined with --completion-condition-fulfilled");
    row("template no sub", {"template"}, "missing a template command");
    row("template save reason without deny", {"template", "save", "t", "--deny-reason", "x"},
        "--deny-reason needs --deny");
    row("template export missing file", {"template", "export", "approve"}, "missing <file>");
    row("template export all extra", {"template", "export", "--all", "a", "b"},
        "unexpected argument 'b'");
    row("template import missing", {"template", "import"}, "missing <file>");
    row("template import unknown option", {"template", "import", "f", "--force"},
        "unknown option '--force' for 'template import'");
    row("batch no input", {"batch"}, "--keys <file>|-, --csv <file>, --jsonl <file> or --search");
    row("batch only payload", {"batch", "--variables", "{}"}, "say where the keys come from");
    row("batch keys and csv", {"batch", "--keys", "k.txt", "--csv", "k.csv"},
        "--keys, --csv, --jsonl and --search cannot be used together");
    row("batch jsonl and search", {"batch", "--jsonl", "k.jsonl", "--search", "--type", "t"},
        "cannot be used together");
    row("batch keys missing file", {"batch", "--keys"}, "'--keys' needs a value");
    row("batch blank keys file", {"batch", "--keys", " "}, "'--keys' needs a non-empty value");
    row("batch concurrency 0", {"batch", "--keys", "k.txt", "--concurrency", "0"},
        "--concurrency must be a whole number from 1 to 64, not '0'");
    row("batch concurrency 65", {"batch", "--keys", "k.txt", "--concurrency", "65"},
        "--concurrency must be a whole number from 1 to 64, not '65'");
    row("batch concurrency word", {"batch", "--keys", "k.txt", "--concurrency", "x"},
        "--concurrency must be a whole number from 1 to 64, not 'x'");
    row("batch concurrency negative", {"batch", "--keys", "k.txt", "--concurrency=-4"},
        "--concurrency must be a whole number from 1 to 64");
    row("resume concurrency 65", {"batch", "resume", "3", "--concurrency", "65"},
        "--concurrency must be a whole number from 1 to 64, not '65'");
    row("batch negative error budget", {"batch", "--keys", "k.txt", "--error-budget", "-1"},
        "--error-budget must be a whole number");
    row("batch search without filter", {"batch", "--search"}, "--search needs at least one filter");
    row("batch filter without search", {"batch", "--keys", "k.txt", "--type", "t"},
        "the job filters, --limit and --all only go with --search");
    row("batch key column without csv", {"batch", "--keys", "k.txt", "--key-column", "key"},
        "--key-column only goes with --csv");
    row("batch keys and variables from stdin", {"batch", "--keys", "-", "--variables", "@-"},
        "the keys and the variables cannot both come from standard input");
    row("batch unknown command", {"batch", "start", "3"}, "unknown batch command 'start'");
    row("batch resume without id", {"batch", "resume"}, "missing <id>");
    row("batch resume bad id", {"batch", "resume", "abc"}, "'abc' is not a batch id");
    row("batch show bad id", {"batch", "show", "0x1f"}, "'0x1f' is not a batch id");
}

void TestCliOptions::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errorContains);
    const CommandLine line = parseCommandLine(arguments);
    QCOMPARE(line.command, Command::Usage);
    QVERIFY2(line.error.contains(errorContains), qPrintable(line.error));
}

void TestCliOptions::completeOptions()
{
    const CommandLine line
        = parseCommandLine({QStringLiteral("complete"), QStringLiteral("2251799813685249"),
            QStringLiteral("--variables"), QStringLiteral("{\"a\":1}"), QStringLiteral("--deny"),
            QStringLiteral("--deny-reason"), QStringLiteral("missing document"),
            QStringLiteral("--template"), QStringLiteral("approve"), QStringLiteral("--base-url"),
            QStringLiteral("http://h:8080/"), QStringLiteral("--timeout"), QStringLiteral("2.5"),
            QStringLiteral("--json"), QStringLiteral("--dry-run"), QStringLiteral("--no-history")});
    QCOMPARE(line.command, Command::Complete);
    const CompleteArguments &c = line.complete;
    QCOMPARE(c.jobKey, QStringLiteral("2251799813685249"));
    QVERIFY(c.variables);
    QCOMPARE(c.variables->source, VariablesArgument::Source::Inline);
    QCOMPARE(c.variables->value, QStringLiteral("{\"a\":1}"));
    QVERIFY(c.deny);
    QCOMPARE(c.denyReason, std::optional<QString>(QStringLiteral("missing document")));
    QCOMPARE(c.templateName, QStringLiteral("approve"));
    QCOMPARE(c.baseUrl, std::optional<QString>(QStringLiteral("http://h:8080/")));
    QVERIFY(c.profile.isEmpty());
    QCOMPARE(c.timeout, std::optional<std::chrono::milliseconds>(2500ms));
    QVERIFY(c.json);
    QVERIFY(c.dryRun);
    QVERIFY(c.noHistory);

    const CommandLine plain = parseCommandLine({QStringLiteral("complete"), QStringLiteral("7")});
    QCOMPARE(plain.command, Command::Complete);
    QVERIFY(!plain.complete.variables);
    QVERIFY(!plain.complete.deny);
    QVERIFY(!plain.complete.denyReason);
    QVERIFY(!plain.complete.baseUrl);
    QVERIFY(!plain.complete.timeout);
    QVERIFY(!plain.complete.json && !plain.complete.dryRun && !plain.complete.noHistory);

    // With a template, a reason alone may refine the template's denial (checked after merging).
    const CommandLine refined = parseCommandLine(
        {QStringLiteral("complete"), QStringLiteral("7"), QStringLiteral("--template"),
            QStringLiteral("deny-doc"), QStringLiteral("--deny-reason"), QStringLiteral("other")});
    QCOMPARE(refined.command, Command::Complete);
    QCOMPARE(refined.complete.denyReason, std::optional<QString>(QStringLiteral("other")));
}

void TestCliOptions::adHocAndLeaseOptions()
{
    const CommandLine line = parseCommandLine({QStringLiteral("complete"), QStringLiteral("7"),
        QStringLiteral("--activate"), QStringLiteral("lookup-order"),
        QStringLiteral("--activate=issue-refund={\"amount\": 12.50}"), QStringLiteral("--activate"),
        QStringLiteral(" lookup-order ={\"again\":true}"), QStringLiteral("--cancel-remaining"),
        QStringLiteral("--lease-token"), QStringLiteral("lease-1"),
        QStringLiteral("--business-id=order-4711")});
    QCOMPARE(line.command, Command::Complete);
    const CompleteArguments &c = line.complete;
    QVERIFY(c.hasAdHoc());
    QCOMPARE(c.activate.size(), 3);
    QCOMPARE(c.activate[0].elementId, QStringLiteral("lookup-order"));
    QVERIFY(c.activate[0].variables.isEmpty());
    QCOMPARE(c.activate[1].elementId, QStringLiteral("issue-refund"));
    QCOMPARE(c.activate[1].variables, QStringLiteral("{\"amount\": 12.50}"));
    QCOMPARE(c.activate[2].elementId, QStringLiteral("lookup-order"));
    QCOMPARE(c.activate[2].variables, QStringLiteral("{\"again\":true}"));
    QVERIFY(!c.completionConditionFulfilled);
    QVERIFY(c.cancelRemaining);
    QCOMPARE(c.leaseToken, QStringLiteral("lease-1"));
    QCOMPARE(c.businessId, QStringLiteral("order-4711"));

    const CommandLine fulfilled = parseCommandLine({QStringLiteral("complete"), QStringLiteral("7"),
        QStringLiteral("--completion-condition-fulfilled")});
    QCOMPARE(fulfilled.command, Command::Complete);
    QVERIFY(fulfilled.complete.completionConditionFulfilled);
    QVERIFY(fulfilled.complete.hasAdHoc());
    QVERIFY(fulfilled.complete.leaseToken.isEmpty() && fulfilled.complete.businessId.isEmpty());

    const CommandLine saved = parseCommandLine({QStringLiteral("template"), QStringLiteral("save"),
        QStringLiteral("agent"), QStringLiteral("--activate"), QStringLiteral("A={}"),
        QStringLiteral("--activate"), QStringLiteral("B")});
    QCOMPARE(saved.command, Command::TemplateSave);
    QCOMPARE(saved.templateSave.activate.size(), 2);
    QCOMPARE(saved.templateSave.activate[1].elementId, QStringLiteral("B"));
}

void TestCliOptions::equalsSyntaxAndOptionOrder()
{
    const CommandLine line = parseCommandLine(
        {QStringLiteral("complete"), QStringLiteral("--variables={\"x\":\"a=b\"}"),
            QStringLiteral("--profile=prod eu"), QStringLiteral("42")});
    QCOMPARE(line.command, Command::Complete);
    QCOMPARE(line.complete.jobKey, QStringLiteral("42"));
    QCOMPARE(line.complete.variables->value, QStringLiteral("{\"x\":\"a=b\"}"));
    QCOMPARE(line.complete.profile, QStringLiteral("prod eu"));
    // An empty value given with '=' is a value: blank variables mean "no variables".
    const CommandLine blank = parseCommandLine(
        {QStringLiteral("complete"), QStringLiteral("42"), QStringLiteral("--variables=")});
    QCOMPARE(blank.command, Command::Complete);
    QCOMPARE(blank.complete.variables->value, QString());
}

void TestCliOptions::doubleDashEndsOptions()
{
    const CommandLine line = parseCommandLine({QStringLiteral("template"), QStringLiteral("show"),
        QStringLiteral("--"), QStringLiteral("--odd name")});
    QCOMPARE(line.command, Command::TemplateShow);
    QCOMPARE(line.name, QStringLiteral("--odd name"));
    // "--help" after "--" is a name, not a request for help.
    const CommandLine help = parseCommandLine({QStringLiteral("template"), QStringLiteral("show"),
        QStringLiteral("--"), QStringLiteral("--help")});
    QCOMPARE(help.command, Command::TemplateShow);
    QCOMPARE(help.name, QStringLiteral("--help"));
}

void TestCliOptions::variablesSources_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<int>("source");
    QTest::addColumn<QString>("value");
    QTest::newRow("inline") << QStringLiteral("{\"a\":1}") << int(VariablesArgument::Source::Inline)
                            << QStringLiteral("{\"a\":1}");
    QTest::newRow("file") << QStringLiteral("@vars.json") << int(VariablesArgument::Source::File)
                          << QStringLiteral("vars.json");
    QTest::newRow("stdin") << QStringLiteral("@-") << int(VariablesArgument::Source::Stdin)
                           << QString();
    QTest::newRow("file named -x")
        << QStringLiteral("@-x") << int(VariablesArgument::Source::File) << QStringLiteral("-x");
}

void TestCliOptions::variablesSources()
{
    QFETCH(QString, argument);
    QFETCH(int, source);
    QFETCH(QString, value);
    const VariablesArgument parsed = VariablesArgument::fromArgument(argument);
    QCOMPARE(int(parsed.source), source);
    QCOMPARE(parsed.value, value);
    // "@-" must also survive the command-line scan (it is not an option).
    const CommandLine line = parseCommandLine(
        {QStringLiteral("complete"), QStringLiteral("1"), QStringLiteral("--variables"), argument});
    QCOMPARE(line.command, Command::Complete);
    QCOMPARE(int(line.complete.variables->source), source);
}

void TestCliOptions::timeout_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("milliseconds"); // -1: rejected
    QTest::newRow("integer") << QStringLiteral("30") << qint64(30000);
    QTest::newRow("fraction") << QStringLiteral("0.25") << qint64(250);
    QTest::newRow("tiny rounds up") << QStringLiteral("0.0001") << qint64(1);
    QTest::newRow("one day") << QStringLiteral("86400") << qint64(86400000);
    QTest::newRow("spaces") << QStringLiteral(" 5 ") << qint64(5000);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-1") << qint64(-1);
    QTest::newRow("too long") << QStringLiteral("86401") << qint64(-1);
    QTest::newRow("nan") << QStringLiteral("nan") << qint64(-1);
    QTest::newRow("inf") << QStringLiteral("inf") << qint64(-1);
    QTest::newRow("unit") << QStringLiteral("5s") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
}

void TestCliOptions::timeout()
{
    QFETCH(QString, text);
    QFETCH(qint64, milliseconds);
    QString error;
    const auto parsed = parseTimeout(text, &error);
    if (milliseconds < 0) {
        QVERIFY(!parsed);
        QVERIFY(error.contains(QStringLiteral("--timeout")));
    } else {
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->count(), milliseconds);
    }
}

void TestCliOptions::profileAdd()
{
    const CommandLine line = parseCommandLine({QStringLiteral("profile"), QStringLiteral("add"),
        QStringLiteral("saas"), QStringLiteral("--base-url"),
        QStringLiteral("https://bru-2.zeebe.camunda.io/abc"), QStringLiteral("--auth"),
        QStringLiteral("OAuth"), QStringLiteral("--client-id"), QStringLiteral("cid"),
        QStringLiteral("--token-url"), QStringLiteral("https://login.cloud.camunda.io/oauth/token"),
        QStringLiteral("--audience"), QStringLiteral("zeebe.camunda.io"), QStringLiteral("--scope"),
        QStringLiteral("s1"), QStringLiteral("--secret-stdin")});
    QCOMPARE(line.error, QString());
    QCOMPARE(line.command, Command::ProfileAdd);
    const ProfileAddArguments &p = line.profileAdd;
    QCOMPARE(p.name, QStringLiteral("saas"));
    QCOMPARE(p.baseUrl, QStringLiteral("https://bru-2.zeebe.camunda.io/abc"));
    QCOMPARE(p.auth, JobDesk::AuthKind::OAuth);
    QCOMPARE(p.clientId, QStringLiteral("cid"));
    QCOMPARE(p.tokenUrl, QStringLiteral("https://login.cloud.camunda.io/oauth/token"));
    QCOMPARE(p.audience, QStringLiteral("zeebe.camunda.io"));
    QCOMPARE(p.scope, QStringLiteral("s1"));
    QVERIFY(p.secretStdin);

    const CommandLine basic = parseCommandLine({QStringLiteral("profile"), QStringLiteral("add"),
        QStringLiteral("helm"), QStringLiteral("--base-url"),
        QStringLiteral("http://localhost:8080"), QStringLiteral("--auth"), QStringLiteral("basic"),
        QStringLiteral("--username"), QStringLiteral("demo")});
    QCOMPARE(basic.command, Command::ProfileAdd);
    QCOMPARE(basic.profileAdd.username, QStringLiteral("demo"));
    QVERIFY(!basic.profileAdd.secretStdin);

    const CommandLine none = parseCommandLine(
        {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("local"),
            QStringLiteral("--base-url"), QStringLiteral("http://localhost:8080")});
    QCOMPARE(none.profileAdd.auth, JobDesk::AuthKind::None);
    QCOMPARE(none.profileAdd.environment, JobDesk::Environment::Dev);
    QVERIFY(!none.profileAdd.timeoutSeconds);

    const CommandLine prod = parseCommandLine({QStringLiteral("profile"), QStringLiteral("add"),
        QStringLiteral("prod-eu"), QStringLiteral("--base-url"), QStringLiteral("https://h"),
        QStringLiteral("--environment"), QStringLiteral("PROD"), QStringLiteral("--colour"),
        QStringLiteral("#aa0000"), QStringLiteral("--ca-bundle"), QStringLiteral("ca.pem"),
        QStringLiteral("--client-cert"), QStringLiteral("me.crt"), QStringLiteral("--client-key"),
        QStringLiteral("me.key"), QStringLiteral("--timeout"), QStringLiteral("90")});
    QCOMPARE(prod.error, QString());
    QCOMPARE(prod.profileAdd.environment, JobDesk::Environment::Prod);
    QCOMPARE(prod.profileAdd.colour, QStringLiteral("#aa0000"));
    QCOMPARE(prod.profileAdd.caBundle, QStringLiteral("ca.pem"));
    QCOMPARE(prod.profileAdd.clientCertificate, QStringLiteral("me.crt"));
    QCOMPARE(prod.profileAdd.clientKey, QStringLiteral("me.key"));
    QCOMPARE(prod.profileAdd.timeoutSeconds, std::optional<int>(90));
    QVERIFY(prod.profileAdd.tenant.isEmpty());

    const CommandLine tenant = parseCommandLine({QStringLiteral("profile"), QStringLiteral("add"),
        QStringLiteral("t"), QStringLiteral("--base-url"), QStringLiteral("https://h"),
        QStringLiteral("--tenant"), QStringLiteral(" tenant-a ")});
    QCOMPARE(tenant.error, QString());
    QCOMPARE(tenant.profileAdd.tenant, QStringLiteral("tenant-a"));
}

void TestCliOptions::profileTest()
{
    const CommandLine line = parseCommandLine(
        {QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("prod eu"),
            QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("--json")});
    QCOMPARE(line.error, QString());
    QCOMPARE(line.command, Command::ProfileTest);
    QCOMPARE(line.topic, QStringLiteral("profile"));
    QCOMPARE(line.profileTest.name, QStringLiteral("prod eu"));
    QCOMPARE(line.profileTest.timeout, std::optional<std::chrono::milliseconds>(2000ms));
    QVERIFY(line.profileTest.json);
    const CommandLine plain = parseCommandLine(
        {QStringLiteral("profile"), QStringLiteral("test"), QStringLiteral("dev")});
    QCOMPARE(plain.command, Command::ProfileTest);
    QVERIFY(!plain.profileTest.timeout);
    QVERIFY(!plain.profileTest.json);
}

void TestCliOptions::sharedGroupsReadAlike()
{
    // The option groups: the same option reads the same in every command that takes it.
    Scan scan = scanOptions({QStringLiteral("x"), QStringLiteral("--profile"),
                                QStringLiteral(" p "), QStringLiteral("--timeout=0.5")},
        1, ConnectionOptions::specs(), QStringLiteral("x"));
    QCOMPARE(scan.error, QString());
    ConnectionOptions connection;
    QString error;
    QVERIFY(connection.read(scan, &error));
    QCOMPARE(connection.profile, QStringLiteral("p"));
    QCOMPARE(connection.timeout, std::optional<std::chrono::milliseconds>(500ms));

    scan = scanOptions({QStringLiteral("x"), QStringLiteral("--deny-reason"), QStringLiteral("r")},
        1, PayloadOptions::specs(false), QStringLiteral("x"));
    PayloadOptions payload;
    QVERIFY(!payload.read(scan, &error));
    QCOMPARE(error, QStringLiteral("--deny-reason needs --deny"));
    // Without templates, --template is not an option of the command at all.
    scan = scanOptions({QStringLiteral("x"), QStringLiteral("--template"), QStringLiteral("t")}, 1,
        PayloadOptions::specs(false), QStringLiteral("x"));
    QCOMPARE(scan.error, QStringLiteral("unknown option '--template' for 'x'"));

    scan = scanOptions({QStringLiteral("x"), QStringLiteral("--json")}, 1,
        OutputOptions::specs(OutputOptions::Json), QStringLiteral("x"));
    OutputOptions output;
    output.read(scan);
    QVERIFY(output.json && !output.dryRun && !output.noHistory);
    scan = scanOptions({QStringLiteral("x"), QStringLiteral("--dry-run")}, 1,
        OutputOptions::specs(OutputOptions::Json), QStringLiteral("x"));
    QCOMPARE(scan.error, QStringLiteral("unknown option '--dry-run' for 'x'"));
}

void TestCliOptions::templateCommands()
{
    const CommandLine save = parseCommandLine(
        {QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("deny: missing doc"),
            QStringLiteral("--variables"), QStringLiteral("@-"), QStringLiteral("--deny"),
            QStringLiteral("--deny-reason"), QStringLiteral("document missing"),
            QStringLiteral("--description"), QStringLiteral("for the KYC listener")});
    QCOMPARE(save.command, Command::TemplateSave);
    QCOMPARE(save.templateSave.name, QStringLiteral("deny: missing doc"));
    QCOMPARE(save.templateSave.variables->source, VariablesArgument::Source::Stdin);
    QVERIFY(save.templateSave.deny);
    QCOMPARE(
        save.templateSave.denyReason, std::optional<QString>(QStringLiteral("document missing")));
    QCOMPARE(save.templateSave.description, QStringLiteral("for the KYC listener"));

    const CommandLine one = parseCommandLine({QStringLiteral("template"), QStringLiteral("export"),
        QStringLiteral("approve"), QStringLiteral("-")});
    QCOMPARE(one.command, Command::TemplateExport);
    QVERIFY(!one.all);
    QCOMPARE(one.name, QStringLiteral("approve"));
    QCOMPARE(one.file, QStringLiteral("-"));

    const CommandLine all = parseCommandLine({QStringLiteral("template"), QStringLiteral("export"),
        QStringLiteral("out.json"), QStringLiteral("--all")});
    QCOMPARE(all.command, Command::TemplateExport);
    QVERIFY(all.all);
    QCOMPARE(all.file, QStringLiteral("out.json"));

    const CommandLine import = parseCommandLine(
        {QStringLiteral("template"), QStringLiteral("import"), QStringLiteral("in.json")});
    QCOMPARE(import.command, Command::TemplateImport);
    QCOMPARE(import.file, QStringLiteral("in.json"));
    QVERIFY(!import.overwrite);
}

void TestCliOptions::helpMentionsEveryCommandAndExitCode()
{
    const QString help = helpText();
    for (const char *word : {"complete", "--variables", "--deny", "--deny-reason", "--template",
             "--profile", "--base-url", "--timeout", "--json", "--dry-run", "--no-history",
             "profile add", "profile list", "profile show", "profile remove", "profile test",
             "--secret-stdin", "--tenant", "CAMUNDA_OAUTH_SCOPE", "CAMUNDA_MTLS_CERT_PATH",
             "CAMUNDA_DEFAULT_TENANT_ID", "template save", "template list", "show <name>",
             "remove <name>", "export", "import", "--overwrite", "--version",
             "CAMUNDA_REST_ADDRESS", "ZEEBE_REST_ADDRESS", "CAMUNDA_AUTH_STRATEGY", "Exit codes",
             "  0  ", "  1  ", "  2  ", "  3  "})
        QVERIFY2(help.contains(QLatin1String(word)), word);
    QVERIFY(usageText(QStringLiteral("complete")).contains(QLatin1String("jobdesk-cli complete")));
    QVERIFY(!usageText(QStringLiteral("complete")).contains(QLatin1String("profile add")));
    QVERIFY(usageText().contains(QLatin1String("template import")));
}

QTEST_APPLESS_MAIN(TestCliOptions)
#include "tst_CliOptions.moc"
