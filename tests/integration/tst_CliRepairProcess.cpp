// SPDX-License-Identifier: GPL-3.0-or-later
// `jobdesk-cli job update|fail|error|repair` and `incident resolve` as processes against the
// sandbox: the repair of a FAILED job end to end with its linked history rows, each refusal on
// the way explained, and dry runs that send no change (the sandbox's record says so).
#include "core/history/HistoryStore.h"
#include "support/CliRunner.h"
#include "support/SandboxProcess.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

class TestCliRepairProcess final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void repairsAFailedJobEndToEnd();
    void refusalsOnTheWayAreExplained();
    void repairInBackOffSaysWait();
    void dryRunSendsNothing();
    void singleActions();
    void badInputSendsNothing();

private:
    CliRun cli(const QStringList &arguments);
    QJsonObject cliJson(const QStringList &arguments, int expectedExit);
    /// A job of the demo in `state` (first of the search), with its incident key if any.
    QString firstJob(const QString &state, const QString &type = {});
    QJsonObject get(const QString &path);
    void clearRecord();
    QString historyPath() const;

    QTemporaryDir m_home;
    SandboxProcess m_sandbox;
    QNetworkAccessManager m_network;
};

void TestCliRepairProcess::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_network.setProxy(QNetworkProxy::NoProxy);
    QVERIFY(m_home.isValid());
    QVERIFY2(m_sandbox.start({QStringLiteral("--demo")}), qPrintable(m_sandbox.error()));
}

CliRun TestCliRepairProcess::cli(const QStringList &arguments)
{
    return runCli(m_home.path(),
        arguments + QStringList {QStringLiteral("--base-url"), m_sandbox.baseUrlString()});
}

QJsonObject TestCliRepairProcess::cliJson(const QStringList &arguments, int expectedExit)
{
    const CliRun run = cli(arguments + QStringList {QStringLiteral("--json")});
    if (run.exitCode != expectedExit)
        qWarning("exit %d: %s %s", run.exitCode, run.out.constData(), run.err.constData());
    [&] { QCOMPARE(run.exitCode, expectedExit); }();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", run.out.constData());
    return document.object();
}

QString TestCliRepairProcess::firstJob(const QString &state, const QString &type)
{
    QStringList arguments {QStringLiteral("job"), QStringLiteral("search"),
        QStringLiteral("--state"), state, QStringLiteral("--limit"), QStringLiteral("50"),
        QStringLiteral("--json"), QStringLiteral("--no-history")};
    if (!type.isEmpty())
        arguments += {QStringLiteral("--type"), type};
    const CliRun run = cli(arguments);
    for (const QByteArray &line : run.out.split('\n')) {
        const QJsonObject job = QJsonDocument::fromJson(line).object();
        // Ordinary jobs only; a FAILED one out of retries (with its incident), not one that only
        // waits for its back-off.
        if (job.value(QLatin1String("kind")).toString() != QLatin1String("BPMN_ELEMENT"))
            continue;
        if (state == QLatin1String("FAILED") && job.value(QLatin1String("retries")).toInt() != 0)
            continue;
        return job.value(QLatin1String("jobKey")).toString();
    }
    return QString();
}

QJsonObject TestCliRepairProcess::get(const QString &path)
{
    QUrl url = m_sandbox.baseUrl();
    url.setPath(path);
    QNetworkReply *reply = m_network.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return o;
}

void TestCliRepairProcess::clearRecord()
{
    QUrl url = m_sandbox.baseUrl();
    url.setPath(QStringLiteral("/sandbox/record"));
    QNetworkReply *reply = m_network.deleteResource(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    reply->deleteLater();
}

QString TestCliRepairProcess::historyPath() const
{
    QDirIterator it(m_home.path(), {QStringLiteral("history.sqlite")}, QDir::Files,
        QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

void TestCliRepairProcess::repairsAFailedJobEndToEnd()
{
    const QString key = firstJob(QStringLiteral("FAILED"));
    QVERIFY2(!key.isEmpty(), "no FAILED demo job");
    const QJsonObject o = cliJson({QStringLiteral("job"), QStringLiteral("repair"), key,
                                      QStringLiteral("--then"), QStringLiteral("complete")},
        0);
    QCOMPARE(o.value(QLatin1String("result")).toString(), QStringLiteral("repaired"));
    QCOMPARE(o.value(QLatin1String("jobKey")).toString(), key);
    const QString incident = o.value(QLatin1String("incident"))
                                 .toObject()
                                 .value(QLatin1String("incidentKey"))
                                 .toString();
    QVERIFY(!incident.isEmpty());
    const QJsonArray steps = o.value(QLatin1String("steps")).toArray();
    QCOMPARE(steps.size(), 3);
    const QStringList actions {
        QStringLiteral("update"), QStringLiteral("resolve-incident"), QStringLiteral("complete")};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject step = steps.at(i).toObject();
        QCOMPARE(step.value(QLatin1String("action")).toString(), actions.at(i));
        QCOMPARE(step.value(QLatin1String("status")).toString(), QStringLiteral("done"));
        QCOMPARE(step.value(QLatin1String("outcome")).toObject().value(QLatin1String("httpStatus")),
            QJsonValue(204));
    }

    // Four linked rows: the look-up, then the three steps.
    const QString linkId = o.value(QLatin1String("linkId")).toString();
    QVERIFY(!linkId.isEmpty());
    HistoryStore store;
    QVERIFY2(store.open(historyPath()), qPrintable(store.error()));
    HistoryFilter filter;
    filter.linkId = linkId;
    const auto rows = store.query(filter, 0, 10);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 4);
    QCOMPARE(rows->at(3).action, ActionKind::Lookup);
    QCOMPARE(rows->at(2).action, ActionKind::Update);
    QCOMPARE(rows->at(1).action, ActionKind::ResolveIncident);
    QCOMPARE(rows->at(1).jobKey, incident);
    QCOMPARE(rows->at(0).action, ActionKind::Complete);
    for (const HistoryEntry &row : *rows)
        QCOMPARE(row.source, HistorySource::Cli);

    // The job is done: a second repair finds nothing to repair (the search keeps it COMPLETED).
    const CliRun again = cli({QStringLiteral("job"), QStringLiteral("repair"), key});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.out.contains("nothing to repair"), again.out.constData());
    // Its incident is gone: resolving it again is refused and said so.
    const CliRun resolved = cli({QStringLiteral("incident"), QStringLiteral("resolve"), incident});
    QCOMPARE(resolved.exitCode, 1);
    QVERIFY2(resolved.out.contains("already resolved"), resolved.out.constData());
}

void TestCliRepairProcess::refusalsOnTheWayAreExplained()
{
    const QString key = firstJob(QStringLiteral("CREATED"), QStringLiteral("reserve-stock"));
    QVERIFY(!key.isEmpty());
    // Raise an incident on purpose.
    QCOMPARE(cli({QStringLiteral("job"), QStringLiteral("fail"), key, QStringLiteral("--retries"),
                     QStringLiteral("0"), QStringLiteral("--error-message"),
                     QStringLiteral("warehouse API down")})
                 .exitCode,
        0);
    const QJsonObject show = cliJson(
        {QStringLiteral("job"), QStringLiteral("show"), key, QStringLiteral("--no-history")}, 0);
    const QJsonObject incident = show.value(QLatin1String("incident")).toObject();
    QCOMPARE(
        incident.value(QLatin1String("errorType")).toString(), QStringLiteral("JOB_NO_RETRIES"));
    const QString incidentKey = incident.value(QLatin1String("incidentKey")).toString();

    // Resolving it before the retries are raised: "no retries left", and what it means.
    const CliRun early = cli({QStringLiteral("incident"), QStringLiteral("resolve"), incidentKey});
    QCOMPARE(early.exitCode, 1);
    QVERIFY2(early.out.contains("has no retries left"), early.out.constData());
    QVERIFY2(early.out.contains("Raise the job's retries first"), early.out.constData());
    // Completing it meanwhile: 409 FAILED, raise retries and resolve first.
    const CliRun complete = cli({QStringLiteral("complete"), key});
    QCOMPARE(complete.exitCode, 1);
    QVERIFY2(complete.out.contains("FAILED"), complete.out.constData());

    // By hand, step by step: retries, then the resolution is accepted.
    QCOMPARE(cli({QStringLiteral("job"), QStringLiteral("update"), key, QStringLiteral("--retries"),
                     QStringLiteral("1")})
                 .exitCode,
        0);
    const CliRun resolve
        = cli({QStringLiteral("incident"), QStringLiteral("resolve"), incidentKey});
    QCOMPARE(resolve.exitCode, 0);
    const QByteArray named = QByteArray("incident ") + incidentKey.toUtf8();
    QVERIFY2(resolve.out.contains(named), resolve.out.constData());

    // A BPMN error nobody catches: an incident of type UNHANDLED_ERROR_EVENT; repair resolves it.
    const QString other = firstJob(QStringLiteral("CREATED"), QStringLiteral("check-address"));
    QVERIFY(!other.isEmpty());
    QCOMPARE(cli({QStringLiteral("job"), QStringLiteral("error"), other,
                     QStringLiteral("--error-code"), QStringLiteral("ADDRESS_UNKNOWN")})
                 .exitCode,
        0);
    const QJsonObject thrown = cliJson(
        {QStringLiteral("job"), QStringLiteral("show"), other, QStringLiteral("--no-history")}, 0);
    QCOMPARE(thrown.value(QLatin1String("incident"))
                 .toObject()
                 .value(QLatin1String("errorType"))
                 .toString(),
        QStringLiteral("UNHANDLED_ERROR_EVENT"));
    const QJsonObject repaired
        = cliJson({QStringLiteral("job"), QStringLiteral("repair"), other}, 0);
    QCOMPARE(repaired.value(QLatin1String("result")).toString(), QStringLiteral("repaired"));
}

void TestCliRepairProcess::repairInBackOffSaysWait()
{
    const QString key = firstJob(QStringLiteral("CREATED"), QStringLiteral("send-invoice-email"));
    QVERIFY(!key.isEmpty());
    QCOMPARE(
        cli({QStringLiteral("job"), QStringLiteral("fail"), key, QStringLiteral("--retries"),
                QStringLiteral("3"), QStringLiteral("--retry-backoff"), QStringLiteral("600000")})
            .exitCode,
        0);
    // No incident: the plan sets retries and completes; the completion meets the back-off.
    const CliRun run = cli({QStringLiteral("job"), QStringLiteral("repair"), key,
        QStringLiteral("--then"), QStringLiteral("complete")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains("still in retry back-off"), run.out.constData());
    QVERIFY2(run.out.contains("no open incident"), run.out.constData());
    QVERIFY2(run.out.contains("Repair stopped at step 2"), run.out.constData());
}

void TestCliRepairProcess::dryRunSendsNothing()
{
    const QString failed = firstJob(QStringLiteral("FAILED"));
    QVERIFY(!failed.isEmpty());
    const QString created = firstJob(QStringLiteral("CREATED"));
    clearRecord();
    const QJsonObject plan = cliJson(
        {QStringLiteral("job"), QStringLiteral("repair"), failed, QStringLiteral("--dry-run"),
            QStringLiteral("--variables"), QStringLiteral(R"({"iban":"DE02 1203"})"),
            QStringLiteral("--then"), QStringLiteral("complete")},
        0);
    QCOMPARE(plan.value(QLatin1String("dryRun")), QJsonValue(true));
    const QJsonArray steps = plan.value(QLatin1String("steps")).toArray();
    QCOMPARE(steps.size(), 4);
    QCOMPARE(steps.at(0)
                 .toObject()
                 .value(QLatin1String("request"))
                 .toObject()
                 .value(QLatin1String("method")),
        QJsonValue(QStringLiteral("PUT")));
    QCOMPARE(steps.at(0)
                 .toObject()
                 .value(QLatin1String("request"))
                 .toObject()
                 .value(QLatin1String("body")),
        QJsonValue(QStringLiteral(R"({"variables":{"iban":"DE02 1203"}})")));
    const CliRun human = cli(
        {QStringLiteral("job"), QStringLiteral("repair"), failed, QStringLiteral("--dry-run")});
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.out.contains("PATCH "), human.out.constData());
    QVERIFY2(human.out.contains("/resolution"), human.out.constData());
    for (const QStringList &single :
        {QStringList {QStringLiteral("job"), QStringLiteral("update"), created,
             QStringLiteral("--retries"), QStringLiteral("5")},
            QStringList {QStringLiteral("job"), QStringLiteral("fail"), created},
            QStringList {QStringLiteral("job"), QStringLiteral("error"), created,
                QStringLiteral("--error-code"), QStringLiteral("X")},
            QStringList {QStringLiteral("incident"), QStringLiteral("resolve"), created}}) {
        const CliRun run = cli(single + QStringList {QStringLiteral("--dry-run")});
        QCOMPARE(run.exitCode, 0);
    }
    // The record counts every state-changing request that arrived: none did.
    const QJsonObject record = get(QStringLiteral("/sandbox/record"));
    QVERIFY(record.contains(QLatin1String("totals")));
    QVERIFY2(record.value(QLatin1String("totals")).toObject().isEmpty(),
        QJsonDocument(record).toJson().constData());
    // And none of it is in the history.
    HistoryStore store;
    if (const QString path = historyPath(); !path.isEmpty()) {
        QVERIFY(store.open(path));
        HistoryFilter filter;
        filter.text = failed;
        filter.actions
            = {ActionKind::Update, ActionKind::ResolveIncident, ActionKind::SetVariables};
        QCOMPARE(store.count(filter), 0);
    }
}

void TestCliRepairProcess::singleActions()
{
    const QString key = firstJob(QStringLiteral("CREATED"), QStringLiteral("reserve-stock"));
    QVERIFY(!key.isEmpty());
    const QJsonObject update = cliJson({QStringLiteral("job"), QStringLiteral("update"), key,
                                           QStringLiteral("--retries"), QStringLiteral("7")},
        0);
    QCOMPARE(update.value(QLatin1String("action")).toString(), QStringLiteral("update"));
    QCOMPARE(update.value(QLatin1String("ok")), QJsonValue(true));
    const QJsonObject show = cliJson(
        {QStringLiteral("job"), QStringLiteral("show"), key, QStringLiteral("--no-history")}, 0);
    QCOMPARE(
        show.value(QLatin1String("job")).toObject().value(QLatin1String("retries")), QJsonValue(7));
    // The job's timeout of a job nobody activated: the engine refuses, verbatim.
    const QJsonObject timeout = cliJson({QStringLiteral("job"), QStringLiteral("update"), key,
                                            QStringLiteral("--timeout"), QStringLiteral("60000")},
        1);
    QVERIFY(timeout.value(QLatin1String("problem"))
                .toObject()
                .value(QLatin1String("detail"))
                .toString()
                .contains(QStringLiteral("it is not active")));
    // Unknown job: 404 named for a job.
    const CliRun missing = cli({QStringLiteral("job"), QStringLiteral("fail"),
        QStringLiteral("2251799813999999"), QStringLiteral("--no-history")});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.out.contains("No such job"), missing.out.constData());
}

void TestCliRepairProcess::badInputSendsNothing()
{
    clearRecord();
    const QList<QStringList> bad {
        {QStringLiteral("job"), QStringLiteral("update"), QStringLiteral("1")},
        {QStringLiteral("job"), QStringLiteral("update"), QStringLiteral("2251799813685249"),
            QStringLiteral("--retries"), QStringLiteral("0")},
        {QStringLiteral("job"), QStringLiteral("error"), QStringLiteral("2251799813685249")},
        {QStringLiteral("job"), QStringLiteral("fail"), QStringLiteral("2251799813685249"),
            QStringLiteral("--variables"), QStringLiteral("{oops")},
        {QStringLiteral("job"), QStringLiteral("repair"), QStringLiteral("2251799813685249"),
            QStringLiteral("--then"), QStringLiteral("later")},
        {QStringLiteral("job"), QStringLiteral("repair"), QStringLiteral("9.007e15")},
        {QStringLiteral("incident"), QStringLiteral("resolve")},
        {QStringLiteral("incident"), QStringLiteral("close"), QStringLiteral("5")},
    };
    for (const QStringList &arguments : bad) {
        const CliRun run = cli(arguments);
        QVERIFY2(run.exitCode == 2,
            qPrintable(arguments.join(u' ') + u' ' + QString::fromUtf8(run.err)));
        QVERIFY(!run.err.isEmpty());
    }
    // The record counts every state-changing request that arrived: none did.
    const QJsonObject record = get(QStringLiteral("/sandbox/record"));
    QVERIFY(record.contains(QLatin1String("totals")));
    QVERIFY2(record.value(QLatin1String("totals")).toObject().isEmpty(),
        QJsonDocument(record).toJson().constData());
}

QTEST_MAIN(TestCliRepairProcess)
#include "tst_CliRepairProcess.moc"
