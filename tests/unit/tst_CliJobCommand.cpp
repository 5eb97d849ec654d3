// SPDX-License-Identifier: GPL-3.0-or-later
// `job show` and `job search`: their command lines and their output, without a server.
#include "cli/CliOptions.h"
#include "cli/JobCommand.h"
#include "core/json/JsonTree.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;
using namespace JobDesk::Cli;

namespace {

JobRecord job(const QByteArray &raw)
{
    return JobRecord::fromJson(Json::Document::fromUtf8(raw).root());
}

const QByteArray kJob
    = R"({"jobKey":2251799813685249,"type":"payment","kind":"TASK_LISTENER",)"
      R"("listenerEventType":"COMPLETING","state":"CREATED","retries":3,"worker":"w",)"
      R"("processDefinitionId":"order","processInstanceKey":"2251799813685001",)"
      R"("elementId":"review","elementInstanceKey":9007199254745551,"tenantId":"<default>",)"
      R"("customHeaders":{"team":"billing"}})";

} // namespace

class TestCliJobCommand final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parseShow()
    {
        const CommandLine line = parseCommandLine(
            {QStringLiteral("job"), QStringLiteral("show"), QStringLiteral("2251799813685249"),
                QStringLiteral("--json"), QStringLiteral("--base-url"),
                QStringLiteral("http://h:8080"), QStringLiteral("--timeout"), QStringLiteral("2")});
        QCOMPARE(line.command, Command::JobShow);
        QCOMPARE(line.jobShow.jobKey, QStringLiteral("2251799813685249"));
        QVERIFY(line.jobShow.json);
        QCOMPARE(line.jobShow.baseUrl.value_or(QString()), QStringLiteral("http://h:8080"));
        QCOMPARE(line.jobShow.timeout.value_or(std::chrono::milliseconds(0)).count(), 2000);
    }

    void parseSearch()
    {
        const CommandLine line = parseCommandLine({QStringLiteral("job"), QStringLiteral("search"),
            QStringLiteral("--type"), QStringLiteral("payment"), QStringLiteral("--state"),
            QStringLiteral("created"), QStringLiteral("--kind"), QStringLiteral("task-listener"),
            QStringLiteral("--process-instance-key"), QStringLiteral("2251799813685001"),
            QStringLiteral("--limit"), QStringLiteral("5"), QStringLiteral("--csv")});
        QCOMPARE(line.command, Command::JobSearch);
        const JobSearchArguments &a = line.jobSearch;
        const QList<QPair<QString, QString>> expected {
            {QStringLiteral("type"), QStringLiteral("payment")},
            {QStringLiteral("state"), QStringLiteral("CREATED")},
            {QStringLiteral("kind"), QStringLiteral("TASK_LISTENER")},
            {QStringLiteral("processInstanceKey"), QStringLiteral("2251799813685001")},
        };
        QCOMPARE(a.filters, expected);
        QCOMPARE(a.limit.value_or(0), 5);
        QVERIFY(a.csv);
        QVERIFY(!a.json);
        QVERIFY(!a.all);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        const auto row = [](const char *name, const QStringList &args, const char *says) {
            QTest::newRow(name) << args << QString::fromUtf8(says);
        };
        row("no sub-command", {QStringLiteral("job")}, "show, search");
        row("unknown sub-command", {QStringLiteral("job"), QStringLiteral("peek")}, "peek");
        row("show without key", {QStringLiteral("job"), QStringLiteral("show")}, "<JOB_KEY>");
        row("limit and all",
            {QStringLiteral("job"), QStringLiteral("search"), QStringLiteral("--limit"),
                QStringLiteral("3"), QStringLiteral("--all")},
            "--limit and --all");
        row("json and csv",
            {QStringLiteral("job"), QStringLiteral("search"), QStringLiteral("--json"),
                QStringLiteral("--csv")},
            "--json and --csv");
        row("bad limit",
            {QStringLiteral("job"), QStringLiteral("search"), QStringLiteral("--limit"),
                QStringLiteral("0")},
            "--limit");
        row("profile and base url",
            {QStringLiteral("job"), QStringLiteral("show"), QStringLiteral("1"),
                QStringLiteral("--profile"), QStringLiteral("p"), QStringLiteral("--base-url"),
                QStringLiteral("http://h")},
            "cannot be used together");
        row("unknown filter",
            {QStringLiteral("job"), QStringLiteral("search"), QStringLiteral("--colour"),
                QStringLiteral("red")},
            "--colour");
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const CommandLine line = parseCommandLine(arguments);
        QCOMPARE(line.command, Command::Usage);
        QVERIFY2(line.error.contains(says), qPrintable(line.error));
        QCOMPARE(line.topic, QStringLiteral("job"));
    }

    void helpNamesTheJobCommands()
    {
        const QString help = helpText();
        for (const char *text : {"job show", "job search", "--process-definition-id",
                 "--process-instance-key", "--element-id", "--worker", "--all", "--csv",
                 "confirmed by lookup", "safe to retry", "did you mean"})
            QVERIFY2(help.contains(QLatin1String(text)), text);
        QVERIFY(usageText(QStringLiteral("job")).contains(QLatin1String("job search")));
    }

    void jobJson_keysAsStrings()
    {
        const QByteArray json = JobOutput::jobJson(job(kJob));
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        QCOMPARE(o.value(QLatin1String("jobKey")).toString(), QStringLiteral("2251799813685249"));
        QCOMPARE(o.value(QLatin1String("elementInstanceKey")).toString(),
            QStringLiteral("9007199254745551"));
        QCOMPARE(o.value(QLatin1String("retries")).toInt(), 3); // not a key: stays a number
        QVERIFY(json.contains("\"customHeaders\":{\"team\":\"billing\"}"));
    }

    void showJson_contract()
    {
        JobLookupResult result;
        result.state = LookupState::Found;
        result.key = *JobKey::parse(u"2251799813685249").key;
        result.job = job(kJob);
        VariableRecord big;
        big.name = QStringLiteral("amount");
        big.value = QStringLiteral("123456789012345678901234567890");
        VariableRecord shadowed;
        shadowed.name = QStringLiteral("note");
        shadowed.value = QStringLiteral("\"instance\"");
        VariableRecord local;
        local.name = QStringLiteral("note");
        local.value = QStringLiteral("\"local\"");
        result.variables = {big, shadowed};
        result.localVariables = {local};
        const QByteArray out = JobOutput::showJson(result);
        QVERIFY(out.endsWith('\n'));
        // Exact digits, whatever a double would make of them.
        QVERIFY2(out.contains("\"variables\":{\"amount\":123456789012345678901234567890,"
                              "\"note\":\"local\"}"),
            out.constData());
        const QJsonObject o = QJsonDocument::fromJson(out).object();
        QCOMPARE(o.value(QLatin1String("job")).toObject().value(QLatin1String("jobKey")).toString(),
            QStringLiteral("2251799813685249"));
        QVERIFY(o.value(QLatin1String("incident")).isNull());
        QVERIFY(o.value(QLatin1String("error")).isNull());
    }

    void showJson_notFoundWithSuggestions()
    {
        JobLookupResult result;
        result.state = LookupState::NotFound;
        result.key = *JobKey::parse(u"9007199254745552").key;
        result.jobs = {job(R"({"jobKey":"9007199254745551","type":"payment","state":"CREATED"})")};
        const QJsonObject o = QJsonDocument::fromJson(JobOutput::showJson(result)).object();
        QVERIFY(o.value(QLatin1String("job")).isNull());
        QVERIFY(!o.value(QLatin1String("error")).toString().isEmpty());
        QCOMPARE(o.value(QLatin1String("suggestions")).toVariant().toStringList(),
            QStringList {QStringLiteral("9007199254745551")});
        const QByteArray human = JobOutput::showHuman(result);
        QVERIFY2(human.contains("did you mean 9007199254745551 (payment"), human.constData());
    }

    void showHuman_namesTheFields()
    {
        JobLookupResult result;
        result.state = LookupState::Found;
        result.job = job(kJob);
        IncidentRecord incident;
        incident.incidentKey = QStringLiteral("2251799813685777");
        incident.errorType = QStringLiteral("JOB_NO_RETRIES");
        incident.errorMessage = QStringLiteral("boom");
        result.incident = incident;
        const QByteArray out = JobOutput::showHuman(result);
        for (const char *text : {"type", "payment", "kind", "TASK_LISTENER (COMPLETING)", "state",
                 "CREATED", "retries", "process", "order (instance 2251799813685001)", "element",
                 "review (instance 9007199254745551)", "incident",
                 "2251799813685777 JOB_NO_RETRIES: boom", "team = billing"})
            QVERIFY2(out.contains(text), text);
    }

    void csv_keysAsText()
    {
        const QByteArray header = JobOutput::searchCsvHeader();
        QVERIFY(header.startsWith("jobKey,type,kind"));
        const QByteArray row = JobOutput::searchCsvRow(job(kJob));
        QVERIFY2(row.startsWith(R"("=""2251799813685249""","payment","TASK_LISTENER")"),
            row.constData());
        QVERIFY(row.endsWith("\r\n"));
        QCOMPARE(row.count(',') + 0, header.count(','));
    }
};

QTEST_GUILESS_MAIN(TestCliJobCommand)
#include "tst_CliJobCommand.moc"
