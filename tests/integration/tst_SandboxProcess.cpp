// SPDX-License-Identifier: GPL-3.0-or-later
// The jobdesk-sandbox program as other tests and people use it: first line with the real port,
// flags, exit code 2 for bad flags, --jobs-file, clean exit on SIGTERM.
#include "support/SandboxProcess.h"
#include "support/TestPaths.h"

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

class tst_SandboxProcess final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstLineAndServe();
    void badFlags_data();
    void badFlags();
    void helpAndVersion();
    void jobsFile();
    void authFlag();
    void versionAndRecord();
    void terminatesCleanly();

private:
    struct Answer
    {
        int status = 0;
        QJsonObject json;
    };
    Answer request(const QUrl &base, const QByteArray &method, const QString &path,
        const QByteArray &body = {}, const QByteArray &authorization = {});
    QNetworkAccessManager m_network;
};

void tst_SandboxProcess::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_network.setProxy(QNetworkProxy::NoProxy);
}

tst_SandboxProcess::Answer tst_SandboxProcess::request(const QUrl &base, const QByteArray &method,
    const QString &path, const QByteArray &body, const QByteArray &authorization)
{
    QUrl url = base;
    url.setPath(path);
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!authorization.isEmpty())
        req.setRawHeader("Authorization", authorization);
    QNetworkReply *reply = m_network.sendCustomRequest(req, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

void tst_SandboxProcess::firstLineAndServe()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--demo")}), qPrintable(sandbox.error()));
    QCOMPARE(sandbox.baseUrl().scheme(), QStringLiteral("http"));
    QCOMPARE(sandbox.baseUrl().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(sandbox.baseUrl().port() > 0);
    const Answer topology = request(sandbox.baseUrl(), "GET", QStringLiteral("/v2/topology"));
    QCOMPARE(topology.status, 200);
    QVERIFY(topology.json.value(QLatin1String("gatewayVersion"))
                .toString()
                .startsWith(QLatin1String("8.8")));
    const Answer search = request(sandbox.baseUrl(), "POST", QStringLiteral("/v2/jobs/search"),
        R"({"filter":{"state":"CREATED","kind":"BPMN_ELEMENT"}})");
    QCOMPARE(search.status, 200);
    const QJsonArray items = search.json.value(QLatin1String("items")).toArray();
    QVERIFY(items.size() >= 20);
    const QString key = items.at(0).toObject().value(QLatin1String("jobKey")).toString();
    QCOMPARE(request(sandbox.baseUrl(), "POST", QStringLiteral("/v2/jobs/%1/completion").arg(key))
                 .status,
        204);
    const Answer again
        = request(sandbox.baseUrl(), "POST", QStringLiteral("/v2/jobs/%1/completion").arg(key));
    QCOMPARE(again.status, 404);
    QCOMPARE(again.json.value(QLatin1String("title")).toString(), QStringLiteral("NOT_FOUND"));
}

void tst_SandboxProcess::badFlags_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown") << QStringList {QStringLiteral("--colour"), QStringLiteral("red")};
    QTest::newRow("auth") << QStringList {QStringLiteral("--auth"), QStringLiteral("kerberos")};
    QTest::newRow("rate") << QStringList {
        QStringLiteral("--backpressure-rate"), QStringLiteral("2")};
    QTest::newRow("port") << QStringList {QStringLiteral("--port"), QStringLiteral("-1")};
    QTest::newRow("version") << QStringList {
        QStringLiteral("--gateway-version"), QStringLiteral("8.6")};
    QTest::newRow("delay") << QStringList {
        QStringLiteral("--search-delay-ms"), QStringLiteral("-1")};
    QTest::newRow("gateway errors")
        << QStringList {QStringLiteral("--gateway-error-rate"), QStringLiteral("1.1")};
    QTest::newRow("forbidden") << QStringList {
        QStringLiteral("--forbidden-rate"), QStringLiteral("x")};
    QTest::newRow("worker") << QStringList {QStringLiteral("--worker"), QStringLiteral(",")};
    QTest::newRow("missing jobs file")
        << QStringList {QStringLiteral("--jobs-file"), QStringLiteral("/nonexistent/jobs.json")};
}

void tst_SandboxProcess::badFlags()
{
    QFETCH(QStringList, arguments);
    QProcess process;
    process.start(TestPaths::executable(QStringLiteral("jobdesk-sandbox")), arguments);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    QVERIFY(process.readAllStandardError().startsWith("jobdesk-sandbox: "));
}

void tst_SandboxProcess::helpAndVersion()
{
    QProcess process;
    process.start(
        TestPaths::executable(QStringLiteral("jobdesk-sandbox")), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray help = process.readAllStandardOutput();
    for (const char *flag : {"--host", "--port", "--demo", "--generate", "--jobs-file", "--auth",
             "--token-ttl", "--latency-ms", "--backpressure-rate", "--error-rate",
             "--gateway-version", "--search-delay-ms", "--gateway-error-rate", "--forbidden-rate",
             "--worker", "--batch-step-ms", "--seed", "/sandbox/record"})
        QVERIFY2(help.contains(flag), flag);
    process.start(
        TestPaths::executable(QStringLiteral("jobdesk-sandbox")), {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().startsWith("jobdesk-sandbox "));
}

void tst_SandboxProcess::jobsFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("jobs.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"jobs":[
        {"jobKey":"4503599627370501","type":"ship-parcel","processDefinitionId":"shipping","elementId":"ship",
         "customHeaders":{"carrier":"dhl"},"variables":{"parcelId":"P-1"}},
        {"jobKey":"4503599627370502","type":"ship-parcel","state":"FAILED","retries":0,"errorMessage":"carrier down"}]})");
    file.close();
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--jobs-file"), file.fileName()}),
        qPrintable(sandbox.error()));
    const Answer search = request(sandbox.baseUrl(), "POST", QStringLiteral("/v2/jobs/search"),
        R"({"filter":{"type":"ship-parcel"}})");
    QCOMPARE(search.json.value(QLatin1String("page"))
                 .toObject()
                 .value(QLatin1String("totalItems"))
                 .toInt(),
        2);
    QCOMPARE(
        request(sandbox.baseUrl(), "POST", QStringLiteral("/v2/jobs/4503599627370502/completion"))
            .status,
        409);
    QCOMPARE(
        request(sandbox.baseUrl(), "POST", QStringLiteral("/v2/jobs/4503599627370501/completion"))
            .status,
        204);

    QFile broken(dir.filePath(QStringLiteral("broken.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"jobs\": [");
    broken.close();
    QProcess process;
    process.start(TestPaths::executable(QStringLiteral("jobdesk-sandbox")),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--jobs-file"),
            broken.fileName()});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("broken.json"));
}

void tst_SandboxProcess::authFlag()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--auth"), QStringLiteral("basic"),
                 QStringLiteral("--generate"), QStringLiteral("5")}),
        qPrintable(sandbox.error()));
    const QString path = QStringLiteral("/v2/jobs/2251799813685249/completion");
    const Answer refused = request(sandbox.baseUrl(), "POST", path);
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.json.value(QLatin1String("title")).toString(), QStringLiteral("Unauthorized"));
    QCOMPARE(
        request(sandbox.baseUrl(), "POST", path, {}, "Basic " + QByteArray("demo:demo").toBase64())
            .status,
        204);
}

void tst_SandboxProcess::versionAndRecord()
{
    SandboxProcess sandbox;
    QVERIFY2(sandbox.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version=8.10"),
                 QStringLiteral("--search-delay-ms"), QStringLiteral("0")}),
        qPrintable(sandbox.error()));
    QCOMPARE(request(sandbox.baseUrl(), "GET", QStringLiteral("/v2/topology"))
                 .json.value(QLatin1String("gatewayVersion"))
                 .toString(),
        QStringLiteral("8.10.0"));
    // A leased demo job wants its token on 8.10.
    QCOMPARE(
        request(sandbox.baseUrl(), "POST", QStringLiteral("/v2/jobs/4503599627423131/completion"))
            .status,
        409);
    const Answer record = request(sandbox.baseUrl(), "GET", QStringLiteral("/sandbox/record"));
    QCOMPARE(record.status, 200);
    const QJsonObject complete = record.json.value(QLatin1String("keys"))
                                     .toObject()
                                     .value(QLatin1String("4503599627423131"))
                                     .toObject()
                                     .value(QLatin1String("complete"))
                                     .toObject();
    QCOMPARE(complete.value(QLatin1String("received")).toInt(), 1);
    QCOMPARE(complete.value(QLatin1String("applied")).toInt(), 0);
}

void tst_SandboxProcess::terminatesCleanly()
{
    QProcess process;
    process.start(TestPaths::executable(QStringLiteral("jobdesk-sandbox")),
        {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--generate"),
            QStringLiteral("10")});
    QVERIFY(process.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
    const QByteArray line = process.readLine();
    QVERIFY2(line.startsWith("listening on http://127.0.0.1:"), line.constData());
    QVERIFY(!line.trimmed().endsWith(":0"));
    process.terminate();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_SandboxProcess)
#include "tst_SandboxProcess.moc"
