// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/CliOptions.h"
#include "cli/Output.h"
#include "cli/TemplateCommand.h"
#include "core/templates/TemplateStore.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;
using namespace JobDesk::Cli;

class TestCliTemplateCommand final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QDir(TemplateStore::defaultDirectory()).removeRecursively(); }

    void templateFromArguments();
    void saveShowRemove();
    void saveExistingNameFails();
    void exportImportRoundTripKeepsDigits();
    void importClashNeedsOverwrite();
    void importBrokenFileFails();
    void loadDefaultsForComplete();
    void adHocTemplateKeepsItsResult();
    void listFormats();

private:
    static int run(const QStringList &arguments, QByteArray stdinData = {});
};

namespace {
const QByteArray kBigVariables = "{\n  \"amount\": 1234567890123456789012345678901234567890,\n  "
                                 "\"z\": 1,\n  \"a\": \"Grüße\"\n}";
}

int TestCliTemplateCommand::run(const QStringList &arguments, QByteArray stdinData)
{
    const CommandLine line = parseCommandLine(arguments);
    if (line.command == Command::Usage) {
        qWarning() << "usage error:" << line.error;
        return ExitUsage;
    }
    QBuffer input(&stdinData);
    input.open(QIODevice::ReadOnly);
    return runTemplateCommand(line, &input);
}

void TestCliTemplateCommand::templateFromArguments()
{
    TemplateSaveArguments arguments;
    arguments.name = QStringLiteral("approve");
    arguments.variables = VariablesArgument::fromArgument(QString::fromUtf8(kBigVariables));
    arguments.description = QStringLiteral("approve the invoice");
    QString error;
    std::optional<Template> t = Cli::templateFromArguments(arguments, nullptr, &error);
    QVERIFY2(t, qPrintable(error));
    QCOMPARE(t->variables.toUtf8(), kBigVariables); // verbatim, spacing included
    QCOMPARE(t->description, QStringLiteral("approve the invoice"));
    QVERIFY(!t->denied);

    arguments.variables = VariablesArgument::fromArgument(QStringLiteral("{\"a\":1,\"a\":2}"));
    QVERIFY(!Cli::templateFromArguments(arguments, nullptr, &error));
    QVERIFY2(error.contains(QLatin1String("duplicate key a")), qPrintable(error));

    arguments.variables.reset();
    arguments.name = QStringLiteral(" padded ");
    QVERIFY(!Cli::templateFromArguments(arguments, nullptr, &error));
    QVERIFY(!error.isEmpty());
}

void TestCliTemplateCommand::saveShowRemove()
{
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("save"),
                     QStringLiteral("deny: missing doc"), QStringLiteral("--variables"),
                     QStringLiteral("@-"), QStringLiteral("--deny"),
                     QStringLiteral("--deny-reason"), QStringLiteral("document missing")},
                 kBigVariables),
        0);
    TemplateStore store;
    QVERIFY(store.reload());
    std::optional<Template> t = store.find(QStringLiteral("deny: missing doc"));
    QVERIFY(t);
    QCOMPARE(t->variables.toUtf8(), kBigVariables);
    QVERIFY(t->denied);
    QCOMPARE(t->deniedReason, QStringLiteral("document missing"));
    QCOMPARE(formatTemplate(*t).right(kBigVariables.size() + 1), kBigVariables + '\n');

    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("show"),
                 QStringLiteral("DENY: MISSING DOC")}),
        0);
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("show"), QStringLiteral("other")}),
        ExitUsage);
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("remove"),
                 QStringLiteral("deny: missing doc")}),
        0);
    QVERIFY(store.reload());
    QVERIFY(store.templates().isEmpty());
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("remove"),
                 QStringLiteral("deny: missing doc")}),
        ExitUsage);
}

void TestCliTemplateCommand::saveExistingNameFails()
{
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("approve"),
                 QStringLiteral("--variables"), QStringLiteral("{\"ok\":true}")}),
        0);
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("Approve"),
                 QStringLiteral("--variables"), QStringLiteral("{\"ok\":false}")}),
        ExitUsage);
    TemplateStore store;
    QVERIFY(store.reload());
    QCOMPARE(store.find(QStringLiteral("approve"))->variables, QStringLiteral("{\"ok\":true}"));
    // Invalid variables never reach the store.
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("broken"),
                 QStringLiteral("--variables"), QStringLiteral("{\"ok\":")}),
        ExitUsage);
    QVERIFY(store.reload());
    QVERIFY(!store.contains(QStringLiteral("broken")));
}

void TestCliTemplateCommand::exportImportRoundTripKeepsDigits()
{
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("approve"),
                 QStringLiteral("--variables"), QString::fromUtf8(kBigVariables),
                 QStringLiteral("--description"), QStringLiteral("approve the invoice")}),
        0);
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("skip"),
                 QStringLiteral("--variables"), QStringLiteral("{\"skip\":true}")}),
        0);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString all = dir.filePath(QStringLiteral("all.json"));
    const QString one = dir.filePath(QStringLiteral("one.json"));
    QCOMPARE(
        run({QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("--all"), all}),
        0);
    QCOMPARE(
        run({QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("approve"), one}),
        0);
    QCOMPARE(
        run({QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("nope"), one}),
        ExitUsage);

    TemplateStore before;
    QVERIFY(before.reload());
    const QList<Template> saved = before.templates();
    QCOMPARE(saved.size(), 2);

    // A fresh data folder: import everything back.
    QDir(TemplateStore::defaultDirectory()).removeRecursively();
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("import"), all}), 0);
    TemplateStore after;
    QVERIFY(after.reload());
    QCOMPARE(after.templates().size(), 2);
    const std::optional<Template> approve = after.find(QStringLiteral("approve"));
    QVERIFY(approve);
    QCOMPARE(approve->variables.toUtf8(), kBigVariables);
    QCOMPARE(approve->description, QStringLiteral("approve the invoice"));

    // The single export holds just the one template.
    QFile file(one);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const std::optional<QList<Template>> parsed
        = TemplateStore::parseExportDocument(file.readAll());
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
    QCOMPARE(parsed->first().name, QStringLiteral("approve"));
}

void TestCliTemplateCommand::importClashNeedsOverwrite()
{
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("approve"),
                 QStringLiteral("--variables"), QStringLiteral("{\"v\":1}")}),
        0);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("approve.json"));
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("approve"),
                 path}),
        0);
    // Change the stored one, then import the old version.
    QCOMPARE(
        run({QStringLiteral("template"), QStringLiteral("remove"), QStringLiteral("approve")}), 0);
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("approve"),
                 QStringLiteral("--variables"), QStringLiteral("{\"v\":2}")}),
        0);
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("import"), path}), ExitUsage);
    TemplateStore store;
    QVERIFY(store.reload());
    QCOMPARE(store.find(QStringLiteral("approve"))->variables, QStringLiteral("{\"v\":2}"));
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("import"), path,
                 QStringLiteral("--overwrite")}),
        0);
    QVERIFY(store.reload());
    QCOMPARE(store.find(QStringLiteral("approve"))->variables, QStringLiteral("{\"v\":1}"));

    // Import from standard input ("-").
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray document = file.readAll();
    QCOMPARE(
        run({QStringLiteral("template"), QStringLiteral("remove"), QStringLiteral("approve")}), 0);
    QCOMPARE(
        run({QStringLiteral("template"), QStringLiteral("import"), QStringLiteral("-")}, document),
        0);
    QVERIFY(store.reload());
    QVERIFY(store.contains(QStringLiteral("approve")));
}

void TestCliTemplateCommand::importBrokenFileFails()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\":\"something-else\"}");
    file.close();
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("import"), path}), ExitUsage);
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("import"),
                 dir.filePath(QStringLiteral("none.json"))}),
        ExitUsage);
    TemplateStore store;
    QVERIFY(store.reload());
    QVERIFY(store.templates().isEmpty());
}

void TestCliTemplateCommand::loadDefaultsForComplete()
{
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("deny"),
                 QStringLiteral("--variables"), QStringLiteral("{\"x\":1}"),
                 QStringLiteral("--deny"), QStringLiteral("--deny-reason"), QStringLiteral("no")}),
        0);
    QString error;
    const std::optional<TemplateDefaults> defaults
        = loadTemplateDefaults(QStringLiteral("DENY"), &error);
    QVERIFY2(defaults, qPrintable(error));
    QCOMPARE(defaults->name, QStringLiteral("deny"));
    QCOMPARE(defaults->variablesUtf8, QByteArray("{\"x\":1}"));
    const auto *verdict = std::get_if<UserTaskResult>(&defaults->result);
    QVERIFY(verdict);
    QVERIFY(verdict->denied);
    QCOMPARE(verdict->deniedReason, QStringLiteral("no"));

    QVERIFY(!loadTemplateDefaults(QStringLiteral("missing"), &error));
    QVERIFY(error.contains(QLatin1String("unknown template 'missing'")));
}

void TestCliTemplateCommand::adHocTemplateKeepsItsResult()
{
    QCOMPARE(run({QStringLiteral("template"), QStringLiteral("save"), QStringLiteral("agent"),
                 QStringLiteral("--activate"), QStringLiteral("lookup-order"),
                 QStringLiteral("--activate"),
                 QStringLiteral("issue-refund={\"amount\": 12.50, \"n\": 98765432109876543210}"),
                 QStringLiteral("--cancel-remaining")}),
        0);
    QString error;
    const std::optional<TemplateDefaults> defaults
        = loadTemplateDefaults(QStringLiteral("agent"), &error);
    QVERIFY2(defaults, qPrintable(error));
    const auto *adHoc = std::get_if<AdHocSubProcessResult>(&defaults->result);
    QVERIFY(adHoc);
    QCOMPARE(adHoc->activateElements.size(), 2);
    QCOMPARE(adHoc->activateElements[0].elementId, QStringLiteral("lookup-order"));
    QVERIFY(adHoc->activateElements[0].variablesJson.isEmpty());
    QCOMPARE(adHoc->activateElements[1].variablesJson,
        QByteArray("{\"amount\": 12.50, \"n\": 98765432109876543210}"));
    QVERIFY(adHoc->isCancelRemainingInstances);
    QVERIFY(!adHoc->isCompletionConditionFulfilled);

    TemplateStore store;
    QVERIFY(store.reload());
    const std::optional<Template> t = store.find(QStringLiteral("agent"));
    QVERIFY(t);
    const QByteArray shown = formatTemplate(*t);
    QVERIFY2(shown.contains("activate: lookup-order\n"), shown.constData());
    QVERIFY2(shown.contains("activate: issue-refund={\"amount\": 12.50, \"n\": "
                            "98765432109876543210}\n"),
        shown.constData());
    QVERIFY(shown.contains("cancel remaining instances: yes\n"));
    QCOMPARE(formatTemplateList({*t}, false), QByteArray("agent\t[ad-hoc]\n"));

    // The engine's rule at saving time: elements and a fulfilled condition do not go together.
    TemplateSaveArguments conflicting;
    conflicting.name = QStringLiteral("conflicting");
    conflicting.activate = {{QStringLiteral("A"), QString()}};
    conflicting.completionConditionFulfilled = true;
    QVERIFY(!Cli::templateFromArguments(conflicting, nullptr, &error));
    QVERIFY2(error.contains(QLatin1String("completion condition is fulfilled")), qPrintable(error));
}

void TestCliTemplateCommand::listFormats()
{
    Template a;
    a.name = QStringLiteral("approve");
    a.description = QStringLiteral("ok");
    a.variables = QStringLiteral("{\"n\":12345678901234567890123}");
    Template d;
    d.name = QStringLiteral("deny");
    d.denied = true;
    QCOMPARE(formatTemplateList({a, d}, false), QByteArray("approve\tok\ndeny\t[deny]\n"));
    const QJsonArray array = QJsonDocument::fromJson(formatTemplateList({a, d}, true)).array();
    QCOMPARE(array.size(), 2);
    QCOMPARE(
        array.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("approve"));
    // The variables are text, so the digits survive JSON tools.
    QVERIFY(formatTemplateList({a}, true).contains("12345678901234567890123"));
}

QTEST_GUILESS_MAIN(TestCliTemplateCommand)
#include "tst_CliTemplateCommand.moc"
