// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CompletionInput.h"

#include "cli/Console.h"

#include <QBuffer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;
using namespace JobDesk::Cli;

class TestCliCompletionInput final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void bodies_data();
    void bodies();
    void invalidInput_data();
    void invalidInput();
    void variablesFromFileAndStdin();
    void templateFieldsAndOverrides();
    void adHocResultAndLease();
    void oversizeVariablesWarn();
    void emptySourcesAreRefused();
    void endlessSourcesAreCapped();
    void invalidUtf8IsRefused();
    void invalidUtf8Arguments();
};

namespace {
CompleteArguments arguments(
    const QString &key, const std::optional<QString> &variables = std::nullopt)
{
    CompleteArguments a;
    a.jobKey = key;
    if (variables)
        a.variables = VariablesArgument::fromArgument(*variables);
    return a;
}
} // namespace

void TestCliCompletionInput::bodies_data()
{
    QTest::addColumn<QString>("variables"); // null: option absent
    QTest::addColumn<bool>("deny");
    QTest::addColumn<QString>("reason"); // null: option absent
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("no variables") << QString() << false << QString() << QByteArray("{}");
    QTest::newRow("empty object on purpose")
        << QStringLiteral("{}") << false << QString() << QByteArray("{\"variables\":{}}");
    QTest::newRow("40 digits verbatim")
        << QStringLiteral("{\"n\": 1234567890123456789012345678901234567890}") << false << QString()
        << QByteArray("{\"variables\":{\"n\": 1234567890123456789012345678901234567890}}");
    QTest::newRow("key order and unicode")
        << QStringLiteral("{\"z\":1,\"a\":\"Grüße\"}") << false << QString()
        << QByteArray("{\"variables\":{\"z\":1,\"a\":\"Gr\xC3\xBC\xC3\x9F"
                      "e\"}}");
    QTest::newRow("deny") << QString() << true << QString()
                          << QByteArray("{\"result\":{\"type\":\"userTask\",\"denied\":true}}");
    QTest::newRow("deny with reason")
        << QStringLiteral("{}") << true << QStringLiteral("missing document")
        << QByteArray("{\"variables\":{},\"result\":{\"type\":\"userTask\",\"denied\":true,"
                      "\"deniedReason\":\"missing document\"}}");
}

void TestCliCompletionInput::bodies()
{
    QFETCH(QString, variables);
    QFETCH(bool, deny);
    QFETCH(QString, reason);
    QFETCH(QByteArray, body);
    CompleteArguments a = arguments(QStringLiteral(" 2251799813685249 "),
        variables.isNull() ? std::nullopt : std::optional<QString>(variables));
    a.deny = deny;
    if (!reason.isNull())
        a.denyReason = reason;
    const BuiltRequest built = buildCompletionRequest(a, std::nullopt, nullptr);
    QVERIFY2(built.error.isEmpty(), qPrintable(built.error));
    QCOMPARE(built.request.jobKey.toString(), QStringLiteral("2251799813685249"));
    QCOMPARE(built.request.body(), body);
    QVERIFY(built.warnings.isEmpty());
}

void TestCliCompletionInput::invalidInput_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("key with letters")
        << QStringLiteral("12a") << QString() << QStringLiteral("invalid job key '12a'");
    QTest::newRow("rounded key") << QStringLiteral("2.2517998136852e+15") << QString()
                                 << QStringLiteral("invalid job key");
    QTest::newRow("zero key") << QStringLiteral("0") << QString()
                              << QStringLiteral("invalid job key");
    QTest::newRow("array") << QStringLiteral("1") << QStringLiteral("[1,2]")
                           << QStringLiteral("not a valid JSON object");
    QTest::newRow("broken json with position")
        << QStringLiteral("1") << QStringLiteral("{\n  \"a\": 1,\n}")
        << QStringLiteral("line 2, column 9");
    QTest::newRow("duplicate key") << QStringLiteral("1") << QStringLiteral("{\"a\":1,\"a\":2}")
                                   << QStringLiteral("duplicate key a");
    QTest::newRow("missing file") << QStringLiteral("1")
                                  << QStringLiteral("@/nonexistent/vars.json")
                                  << QStringLiteral(
                                         "cannot read the variables file '/nonexistent/vars.json'");
    QTest::newRow("file without name")
        << QStringLiteral("1") << QStringLiteral("@") << QStringLiteral("needs a file name");
}

void TestCliCompletionInput::invalidInput()
{
    QFETCH(QString, key);
    QFETCH(QString, variables);
    QFETCH(QString, errorContains);
    const BuiltRequest built = buildCompletionRequest(
        arguments(key, variables.isNull() ? std::nullopt : std::optional<QString>(variables)),
        std::nullopt, nullptr);
    QVERIFY2(built.error.contains(errorContains), qPrintable(built.error));
}

void TestCliCompletionInput::variablesFromFileAndStdin()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("vars.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"big\": 98765432109876543210987654321098765432}\n");
    file.close();
    const BuiltRequest fromFile = buildCompletionRequest(
        arguments(QStringLiteral("7"), QStringLiteral("@") + path), std::nullopt, nullptr);
    QVERIFY2(fromFile.error.isEmpty(), qPrintable(fromFile.error));
    QCOMPARE(fromFile.request.body(),
        QByteArray("{\"variables\":{\"big\": 98765432109876543210987654321098765432}}"));

    QByteArray input("{\"fromStdin\":true}");
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const BuiltRequest fromStdin = buildCompletionRequest(
        arguments(QStringLiteral("7"), QStringLiteral("@-")), std::nullopt, &buffer);
    QVERIFY2(fromStdin.error.isEmpty(), qPrintable(fromStdin.error));
    QCOMPARE(fromStdin.request.body(), QByteArray("{\"variables\":{\"fromStdin\":true}}"));

    QByteArray bad("{oops}");
    QBuffer badBuffer(&bad);
    QVERIFY(badBuffer.open(QIODevice::ReadOnly));
    const BuiltRequest badStdin = buildCompletionRequest(
        arguments(QStringLiteral("7"), QStringLiteral("@-")), std::nullopt, &badBuffer);
    QVERIFY2(badStdin.error.contains(QLatin1String("standard input")), qPrintable(badStdin.error));
}

void TestCliCompletionInput::templateFieldsAndOverrides()
{
    TemplateDefaults deny;
    deny.name = QStringLiteral("deny: missing doc");
    deny.variablesUtf8 = "{\"checked\":false}";
    UserTaskResult verdict;
    verdict.denied = true;
    verdict.deniedReason = QStringLiteral("document missing");
    deny.result = verdict;

    // The template alone.
    BuiltRequest built = buildCompletionRequest(arguments(QStringLiteral("5")), deny, nullptr);
    QVERIFY2(built.error.isEmpty(), qPrintable(built.error));
    QCOMPARE(built.request.body(),
        QByteArray("{\"variables\":{\"checked\":false},\"result\":{\"type\":\"userTask\","
                   "\"denied\":true,\"deniedReason\":\"document missing\"}}"));

    // --variables replaces the template's variables; --deny-reason refines its reason.
    CompleteArguments a = arguments(QStringLiteral("5"), QStringLiteral("{\"checked\":true}"));
    a.denyReason = QStringLiteral("wrong document");
    built = buildCompletionRequest(a, deny, nullptr);
    QVERIFY2(built.error.isEmpty(), qPrintable(built.error));
    QCOMPARE(built.request.body(),
        QByteArray("{\"variables\":{\"checked\":true},\"result\":{\"type\":\"userTask\","
                   "\"denied\":true,\"deniedReason\":\"wrong document\"}}"));

    // A reason for a template that does not deny is refused, naming the template.
    TemplateDefaults approve;
    approve.name = QStringLiteral("approve");
    approve.variablesUtf8 = "{\"approved\":true}";
    CompleteArguments reasonOnly = arguments(QStringLiteral("5"));
    reasonOnly.denyReason = QStringLiteral("why");
    built = buildCompletionRequest(reasonOnly, approve, nullptr);
    QVERIFY2(built.error.contains(QLatin1String("template 'approve' does not deny")),
        qPrintable(built.error));

    // --deny on a plain template.
    CompleteArguments denyIt = arguments(QStringLiteral("5"));
    denyIt.deny = true;
    built = buildCompletionRequest(denyIt, approve, nullptr);
    QVERIFY2(built.error.isEmpty(), qPrintable(built.error));
    QCOMPARE(built.request.body(),
        QByteArray("{\"variables\":{\"approved\":true},\"result\":{\"type\":\"userTask\","
                   "\"denied\":true}}"));

    // Broken variables in a template are reported as the template's.
    TemplateDefaults broken;
    broken.name = QStringLiteral("old");
    broken.variablesUtf8 = "{\"a\":";
    built = buildCompletionRequest(arguments(QStringLiteral("5")), broken, nullptr);
    QVERIFY2(built.error.contains(QLatin1String("template 'old'")), qPrintable(built.error));
}

void TestCliCompletionInput::adHocResultAndLease()
{
    // Elements in order, each with its variables exactly as typed; the flags; lease and id.
    CompleteArguments a = arguments(QStringLiteral("2251799823685613"));
    a.activate = {{QStringLiteral("lookup-order"), QString()},
        {QStringLiteral("issue-refund"),
            QStringLiteral("{\"amount\": 12.50, \"n\": 12345678901234567890}")}};
    a.cancelRemaining = true;
    a.leaseToken = QStringLiteral("lease-1");
    a.businessId = QStringLiteral("order-4711");
    BuiltRequest built = buildCompletionRequest(a, std::nullopt, nullptr);
    QVERIFY2(built.error.isEmpty(), qPrintable(built.error));
    QCOMPARE(built.request.body(),
        QByteArray("{\"result\":{\"type\":\"adHocSubProcess\",\"activateElements\":["
                   "{\"elementId\":\"lookup-order\"},{\"elementId\":\"issue-refund\","
                   "\"variables\":{\"amount\": 12.50, \"n\": 12345678901234567890}}],"
                   "\"isCancelRemainingInstances\":true},\"leaseToken\":\"lease-1\","
                   "\"businessId\":\"order-4711\"}"));
    QCOMPARE(built.request.features(),
        (QList<ApiFeature> {
            ApiFeature::CompletionResult, ApiFeature::LeaseToken, ApiFeature::BusinessId}));

    // Only the condition.
    CompleteArguments done = arguments(QStringLiteral("5"));
    done.completionConditionFulfilled = true;
    built = buildCompletionRequest(done, std::nullopt, nullptr);
    QCOMPARE(built.request.body(),
        QByteArray("{\"result\":{\"type\":\"adHocSubProcess\","
                   "\"isCompletionConditionFulfilled\":true}}"));

    // A template's ad-hoc result: --activate replaces its elements, a flag is added.
    TemplateDefaults agent;
    agent.name = QStringLiteral("agent");
    AdHocSubProcessResult saved;
    saved.activateElements = {{QStringLiteral("escalate-to-human"), QByteArray("{\"p\":1}")}};
    agent.result = saved;
    built = buildCompletionRequest(arguments(QStringLiteral("5")), agent, nullptr);
    QCOMPARE(built.request.body(),
        QByteArray("{\"result\":{\"type\":\"adHocSubProcess\",\"activateElements\":["
                   "{\"elementId\":\"escalate-to-human\",\"variables\":{\"p\":1}}]}}"));
    CompleteArguments other = arguments(QStringLiteral("5"));
    other.activate = {{QStringLiteral("lookup-order"), QString()}};
    other.cancelRemaining = true;
    built = buildCompletionRequest(other, agent, nullptr);
    QVERIFY2(built.error.isEmpty(), qPrintable(built.error));
    QCOMPARE(built.request.body(),
        QByteArray("{\"result\":{\"type\":\"adHocSubProcess\",\"activateElements\":["
                   "{\"elementId\":\"lookup-order\"}],\"isCancelRemainingInstances\":true}}"));

    // The template's elements with a fulfilled condition: the engine refuses the two together.
    CompleteArguments conflicting = arguments(QStringLiteral("5"));
    conflicting.completionConditionFulfilled = true;
    built = buildCompletionRequest(conflicting, agent, nullptr);
    QVERIFY2(built.error.contains(QLatin1String("completion condition is fulfilled")),
        qPrintable(built.error));

    // Ad-hoc options on a template with a task listener's verdict; --deny on an ad-hoc one.
    TemplateDefaults deny;
    deny.name = QStringLiteral("deny");
    UserTaskResult verdict;
    verdict.denied = true;
    deny.result = verdict;
    built = buildCompletionRequest(other, deny, nullptr);
    QVERIFY2(built.error.contains(QLatin1String("template 'deny'")), qPrintable(built.error));
    CompleteArguments denyIt = arguments(QStringLiteral("5"));
    denyIt.deny = true;
    built = buildCompletionRequest(denyIt, agent, nullptr);
    QVERIFY2(built.error.contains(QLatin1String("ad-hoc")), qPrintable(built.error));

    // A business id over 256 characters is refused before sending.
    CompleteArguments longId = arguments(QStringLiteral("5"));
    longId.businessId = QString(257, u'x');
    built = buildCompletionRequest(longId, std::nullopt, nullptr);
    QVERIFY2(built.error.contains(QLatin1String("businessId")), qPrintable(built.error));
}

void TestCliCompletionInput::oversizeVariablesWarn()
{
    QByteArray big
        = "{\"blob\":\"" + QByteArray(VariablesDocument::kDefaultMaxMessageBytes, 'x') + "\"}";
    QBuffer buffer(&big);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const BuiltRequest built = buildCompletionRequest(
        arguments(QStringLiteral("7"), QStringLiteral("@-")), std::nullopt, &buffer);
    QVERIFY2(built.error.isEmpty(), qPrintable(built.error));
    QCOMPARE(built.warnings.size(), 1);
    QVERIFY(built.warnings.first().contains(QLatin1String("4 MiB")));
}

void TestCliCompletionInput::emptySourcesAreRefused()
{
    // An empty source is never "no variables": a closed pipe or an empty file must not complete
    // the job with {}.
    QTemporaryDir dir;
    const QString emptyFile = dir.filePath(QStringLiteral("empty.json"));
    QFile file(emptyFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(" \n");
    file.close();
    QByteArray nothing;
    QBuffer closedStdin(&nothing);
    QVERIFY(closedStdin.open(QIODevice::ReadOnly));
    const QList<QPair<QString, QIODevice *>> cases {{QStringLiteral(""), nullptr},
        {QStringLiteral("  \t"), nullptr}, {u'@' + emptyFile, nullptr},
        {QStringLiteral("@-"), &closedStdin}};
    for (const auto &[variables, input] : cases) {
        const BuiltRequest built = buildCompletionRequest(
            arguments(QStringLiteral("7"), variables), std::nullopt, input);
        QVERIFY2(built.error.contains(QLatin1String("are empty")), qPrintable(built.error));
        QVERIFY2(built.error.contains(QLatin1String("--variables '{}'")), qPrintable(built.error));
    }
    // A template saved without variables still means {} (it was saved that way on purpose).
    TemplateDefaults blank;
    blank.name = QStringLiteral("blank");
    const BuiltRequest fromTemplate
        = buildCompletionRequest(arguments(QStringLiteral("7")), blank, nullptr);
    QVERIFY2(fromTemplate.error.isEmpty(), qPrintable(fromTemplate.error));
    QCOMPARE(fromTemplate.request.body(), QByteArray("{}"));
}

void TestCliCompletionInput::endlessSourcesAreCapped()
{
    const BuiltRequest zero = buildCompletionRequest(
        arguments(QStringLiteral("7"), QStringLiteral("@/dev/zero")), std::nullopt, nullptr);
    QVERIFY2(zero.error.contains(QLatin1String("larger than 16.0 MiB")), qPrintable(zero.error));
    QVERIFY2(zero.error.contains(QLatin1String("nothing was sent")), qPrintable(zero.error));

    QByteArray justAbove(kMaxVariablesBytes + 1, ' ');
    justAbove[0] = '{';
    QBuffer buffer(&justAbove);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const BuiltRequest big = buildCompletionRequest(
        arguments(QStringLiteral("7"), QStringLiteral("@-")), std::nullopt, &buffer);
    QVERIFY2(big.error.contains(QLatin1String("standard input are larger")), qPrintable(big.error));
    // Exactly at the cap it is read (and then judged as JSON, with the size warning).
    QByteArray atCap(kMaxVariablesBytes, ' ');
    atCap[0] = '{';
    atCap[atCap.size() - 1] = '}';
    QBuffer capBuffer(&atCap);
    QVERIFY(capBuffer.open(QIODevice::ReadOnly));
    const BuiltRequest fits = buildCompletionRequest(
        arguments(QStringLiteral("7"), QStringLiteral("@-")), std::nullopt, &capBuffer);
    QVERIFY2(fits.error.isEmpty(), qPrintable(fits.error));
    QCOMPARE(fits.warnings.size(), 1);
}

void TestCliCompletionInput::invalidUtf8IsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("latin1.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"name\":\"Gr\xFC\xDF\"}");
    file.close();
    const BuiltRequest fromFile = buildCompletionRequest(
        arguments(QStringLiteral("7"), u'@' + path), std::nullopt, nullptr);
    QVERIFY2(fromFile.error.contains(QLatin1String("not valid UTF-8")), qPrintable(fromFile.error));
    QByteArray latin1("{\"name\":\"Gr\xFC\xDF\"}");
    QBuffer buffer(&latin1);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const BuiltRequest fromStdin = buildCompletionRequest(
        arguments(QStringLiteral("7"), QStringLiteral("@-")), std::nullopt, &buffer);
    QVERIFY2(
        fromStdin.error.contains(QLatin1String("not valid UTF-8")), qPrintable(fromStdin.error));
    // A lone surrogate escape is refused like any invalid JSON.
    const BuiltRequest surrogate = buildCompletionRequest(
        arguments(QStringLiteral("7"), QStringLiteral("{\"a\":\"\\ud800\"}")), std::nullopt,
        nullptr);
    QVERIFY2(surrogate.error.contains(QLatin1String("surrogate")), qPrintable(surrogate.error));
}

void TestCliCompletionInput::invalidUtf8Arguments()
{
    const char *valid[] = {"jobdesk-cli", "complete", "1", "--variables", "{\"a\":\"Gr\xC3\xBC\"}"};
    QCOMPARE(invalidUtf8Argument(5, valid), std::optional<QString>());
    const char *invalid[] = {"jobdesk-cli", "complete", "1", "--variables", "{\"a\":\"\xFF\"}"};
    const std::optional<QString> why = invalidUtf8Argument(5, invalid);
    QVERIFY(why);
    QVERIFY2(
        why->contains(QLatin1String("argument 4 is not valid UTF-8 (byte 7")), qPrintable(*why));
    const char *overlong[] = {"jobdesk-cli", "\xC0\xAF"};
    QVERIFY(invalidUtf8Argument(2, overlong));
}

QTEST_APPLESS_MAIN(TestCliCompletionInput)
#include "tst_CliCompletionInput.moc"
