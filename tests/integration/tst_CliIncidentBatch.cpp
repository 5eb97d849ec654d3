// SPDX-License-Identifier: GPL-3.0-or-later
// `jobdesk-cli incident resolve --all` against a real jobdesk-sandbox: the plan, --dry-run,
// the run with the retries-first step, a production profile without --yes, and a server before
// 8.8 refused with nothing sent.
#include "support/CliRunner.h"
#include "support/SandboxProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr qint64 kFirstKey = (qint64(1) << 51) + 1;

QByteArray request(const SandboxProcess &sandbox, const QByteArray &method, const QString &path,
    const QByteArray &body = {})
{
    QNetworkAccessManager nam;
    QNetworkRequest req(sandbox.baseUrl().resolved(QUrl(path)));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    return answer;
}

/// Fails `n` generated jobs with retries 0 (each gets an incident).
void failJobs(const SandboxProcess &sandbox, int n)
{
    for (int i = 0; i < n; ++i)
        request(sandbox, "POST", QStringLiteral("/v2/jobs/%1/failure").arg(kFirstKey + i),
            R"({"retries":0,"errorMessage":"worker down"})");
}

QJsonObject totals(const SandboxProcess &sandbox)
{
    return QJsonDocument::fromJson(
        request(sandbox, "GET", QStringLiteral("/sandbox/record?totals")))
        .object()
        .value(QLatin1String("totals"))
        .toObject();
}

int applied(const QJsonObject &totals, const char *action)
{
    return totals.value(QLatin1String(action)).toObject().value(QLatin1String("applied")).toInt();
}

} // namespace

class TestCliIncidentBatch final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void dryRunPlansAndSendsNothing();
    void resolvesEveryIncidentRetriesFirst();
    void productionNeedsYes();
    void tooOldServerRefused();
    void usageErrors_data();
    void usageErrors();

private:
    QTemporaryDir m_home;
};

void TestCliIncidentBatch::dryRunPlansAndSendsNothing()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QStringLiteral("50")}),
        qPrintable(sandbox.error()));
    failJobs(sandbox, 7);
    const QJsonObject before = totals(sandbox);
    const CliRun run = runCli(m_home.path(),
        {QStringLiteral("incident"), QStringLiteral("resolve"), QStringLiteral("--all"),
            QStringLiteral("--base-url"), sandbox.baseUrlString(), QStringLiteral("--dry-run"),
            QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject plan
        = QJsonDocument::fromJson(run.out).object().value(QLatin1String("plan")).toObject();
    QCOMPARE(plan.value(QLatin1String("incidents")).toArray().size(), 7);
    QCOMPARE(plan.value(QLatin1String("jobsNeedingRetries")).toArray().size(), 7);
    QCOMPARE(plan.value(QLatin1String("jobsNeedingRetries")).toArray().at(0).toString(),
        QString::number(kFirstKey)); // keys as exact strings
    QCOMPARE(totals(sandbox), before); // nothing changed
}

void TestCliIncidentBatch::resolvesEveryIncidentRetriesFirst()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QStringLiteral("50"),
                 QStringLiteral("--batch-step-ms"), QStringLiteral("20")}),
        qPrintable(sandbox.error()));
    failJobs(sandbox, 12);
    const CliRun run = runCli(m_home.path(),
        {QStringLiteral("incident"), QStringLiteral("resolve"), QStringLiteral("--all"),
            QStringLiteral("--base-url"), sandbox.baseUrlString(),
            QStringLiteral("--process-definition-id"), QStringLiteral("order-fulfilment"),
            QStringLiteral("--retries"), QStringLiteral("2")});
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QVERIFY2(run.out.contains("raise their retries to 2"), run.out.constData());
    QVERIFY2(run.out.contains("COMPLETED: 12 of 12 processed — 12 completed, 0 failed"),
        run.out.constData());
    QVERIFY(run.err.isEmpty()); // not a terminal: no progress line
    const QJsonObject after = totals(sandbox);
    QCOMPARE(applied(after, "update"), 12);
    QCOMPARE(applied(after, "batch-operation"), 1);
    const QByteArray active = request(sandbox, "POST", QStringLiteral("/v2/incidents/search"),
        R"({"filter":{"state":"ACTIVE"}})");
    QCOMPARE(
        QJsonDocument::fromJson(active).object().value(QLatin1String("items")).toArray().size(), 0);
}

void TestCliIncidentBatch::productionNeedsYes()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--generate"), QStringLiteral("20"),
                 QStringLiteral("--batch-step-ms"), QStringLiteral("20")}),
        qPrintable(sandbox.error()));
    failJobs(sandbox, 3);
    QTemporaryDir home;
    const CliRun add = runCli(home.path(),
        {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("live"),
            QStringLiteral("--base-url"), sandbox.baseUrlString(), QStringLiteral("--environment"),
            QStringLiteral("prod")});
    QVERIFY2(add.exitCode == 0, add.err.constData());
    const QStringList args {QStringLiteral("incident"), QStringLiteral("resolve"),
        QStringLiteral("--all"), QStringLiteral("--profile"), QStringLiteral("live")};
    const CliRun refused = runCli(home.path(), args);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("--yes") && refused.err.contains("live")
            && refused.err.contains("3 incidents"),
        refused.err.constData());
    QCOMPARE(applied(totals(sandbox), "update"), 0);
    QCOMPARE(applied(totals(sandbox), "batch-operation"), 0);
    const CliRun run = runCli(home.path(), args + QStringList {QStringLiteral("--yes")});
    QVERIFY2(run.exitCode == 0, QByteArray(run.out + run.err).constData());
    QCOMPARE(applied(totals(sandbox), "batch-operation"), 1);
}

void TestCliIncidentBatch::tooOldServerRefused()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.7")}),
        qPrintable(sandbox.error()));
    const CliRun run = runCli(m_home.path(),
        {QStringLiteral("incident"), QStringLiteral("resolve"), QStringLiteral("--all"),
            QStringLiteral("--base-url"), sandbox.baseUrlString()});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("8.8") && run.err.contains("Nothing was sent"), run.err.constData());
    QVERIFY(totals(sandbox).isEmpty());
}

void TestCliIncidentBatch::usageErrors_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::newRow("bad instance key")
        << QStringList {QStringLiteral("--process-instance-key"), QStringLiteral("12a")};
    QTest::newRow("retries zero") << QStringList {QStringLiteral("--retries"), QStringLiteral("0")};
    QTest::newRow("a key with --all") << QStringList {QStringLiteral("2251799813685249")};
    QTest::newRow("unknown option") << QStringList {QStringLiteral("--deny")};
}

void TestCliIncidentBatch::usageErrors()
{
    QFETCH(QStringList, extra);
    const CliRun run = runCli(m_home.path(),
        QStringList {QStringLiteral("incident"), QStringLiteral("resolve"), QStringLiteral("--all"),
            QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:9")}
            + extra);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliIncidentBatch)
#include "tst_CliIncidentBatch.moc"
