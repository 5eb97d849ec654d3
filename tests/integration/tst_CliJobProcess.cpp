// SPDX-License-Identifier: GPL-3.0-or-later
// `jobdesk-cli job show`, `job search`, and what `complete` learns by looking the job up (the
// re-check after a lost answer, "did you mean" after a 404), as processes against the sandbox.
#include "support/SandboxProcess.h"
#include "support/TestPaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

/// --generate N makes keys (1<<51) + 1 + i.
QString generatedKey(int index)
{
    return QString::number((qint64(1) << 51) + 1 + index);
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCliJobProcess final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void showFound();
    void showNotFoundSuggestsRoundedNeighbours();
    void showWithoutAnswerExitsThree();
    void showBadKeySendsNothing();
    void searchStreamsJson();
    void searchCsvAndHuman();
    void searchAllPagesThrough();
    void searchBadFilterSendsNothing();
    void completeAfterLostAnswerIsConfirmedByLookup();
    void completeWithoutAnyAnswerIsUnknown();
    void complete404SuggestsNeighbours();
    void javascriptRoundedKey();
    void withoutJobSearch();

private:
    Run run(const QStringList &arguments, const QString &baseUrl);

    QTemporaryDir m_home;
    SandboxProcess m_sandbox; ///< --generate 1000
    SandboxProcess m_slow; ///< answers after 1.5 s
};

void TestCliJobProcess::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
    QVERIFY2(m_sandbox.start({QStringLiteral("--generate"), QStringLiteral("1000")}),
        qPrintable(m_sandbox.error()));
    QVERIFY2(m_slow.start({QStringLiteral("--generate"), QStringLiteral("10"),
                 QStringLiteral("--latency-ms"), QStringLiteral("1500")}),
        qPrintable(m_slow.error()));
}

Run TestCliJobProcess::run(const QStringList &arguments, const QString &baseUrl)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("CAMUNDA_")) || name.startsWith(QLatin1String("ZEEBE_")))
            env.remove(name);
    }
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProgram(TestPaths::executable(QStringLiteral("jobdesk-cli")));
    process.setArguments(arguments + QStringList {QStringLiteral("--base-url"), baseUrl});
    process.start();
    Run result;
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void TestCliJobProcess::showFound()
{
    const QString key = generatedKey(7);
    const Run json
        = run({QStringLiteral("job"), QStringLiteral("show"), key, QStringLiteral("--json")},
            m_sandbox.baseUrlString());
    QCOMPARE(json.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    const QJsonObject job = o.value(QLatin1String("job")).toObject();
    QCOMPARE(job.value(QLatin1String("jobKey")).toString(), key);
    QVERIFY(job.value(QLatin1String("processInstanceKey")).isString());
    QCOMPARE(job.value(QLatin1String("state")).toString(), QStringLiteral("CREATED"));
    QVERIFY(o.contains(QLatin1String("incident")));
    QVERIFY(o.value(QLatin1String("variables")).isObject());
    QVERIFY(o.value(QLatin1String("error")).isNull());

    const Run human
        = run({QStringLiteral("job"), QStringLiteral("show"), key}, m_sandbox.baseUrlString());
    QCOMPARE(human.exitCode, 0);
    for (const char *text : {"type", "reserve-stock", "kind", "state", "CREATED", "retries",
             "process", "element", "incident"})
        QVERIFY2(human.out.contains(text), human.out.constData());
}

void TestCliJobProcess::showNotFoundSuggestsRoundedNeighbours()
{
    // 2251799813686250 does not exist (the last generated key is …6248); a spreadsheet shows
    // …6245 to …6249 as …6250.
    const Run r = run({QStringLiteral("job"), QStringLiteral("show"),
                          QStringLiteral("2251799813686250"), QStringLiteral("--json")},
        m_sandbox.baseUrlString());
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QVERIFY(o.value(QLatin1String("job")).isNull());
    QVERIFY(!o.value(QLatin1String("error")).toString().isEmpty());
    QCOMPARE(o.value(QLatin1String("suggestions")).toVariant().toStringList(),
        (QStringList {QStringLiteral("2251799813686245"), QStringLiteral("2251799813686246"),
            QStringLiteral("2251799813686247"), QStringLiteral("2251799813686248")}));
}

void TestCliJobProcess::showWithoutAnswerExitsThree()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const Run r = run({QStringLiteral("job"), QStringLiteral("show"), generatedKey(1)},
        QStringLiteral("http://127.0.0.1:%1").arg(port));
    QCOMPARE(r.exitCode, 3);
}

void TestCliJobProcess::showBadKeySendsNothing()
{
    const Run r = run(
        {QStringLiteral("job"), QStringLiteral("show"), QStringLiteral("9.007199254745552e15")},
        QStringLiteral("http://127.0.0.1:1"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
}

void TestCliJobProcess::searchStreamsJson()
{
    const Run r = run({QStringLiteral("job"), QStringLiteral("search"), QStringLiteral("--type"),
                          QStringLiteral("payment-service"), QStringLiteral("--limit"),
                          QStringLiteral("3"), QStringLiteral("--json")},
        m_sandbox.baseUrlString());
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    for (const QByteArray &line : lines) {
        const QJsonObject job = QJsonDocument::fromJson(line).object();
        QCOMPARE(job.value(QLatin1String("type")).toString(), QStringLiteral("payment-service"));
        QVERIFY(job.value(QLatin1String("jobKey")).isString());
    }
}

void TestCliJobProcess::searchCsvAndHuman()
{
    const Run csv = run({QStringLiteral("job"), QStringLiteral("search"), QStringLiteral("--state"),
                            QStringLiteral("created"), QStringLiteral("--limit"),
                            QStringLiteral("2"), QStringLiteral("--csv")},
        m_sandbox.baseUrlString());
    QCOMPARE(csv.exitCode, 0);
    const QList<QByteArray> rows = csv.out.trimmed().split('\n');
    QCOMPARE(rows.size(), 3);
    QVERIFY(rows.at(0).startsWith("jobKey,"));
    QVERIFY2(rows.at(1).startsWith("\"=\"\"22517998136"), rows.at(1).constData());

    const Run human = run({QStringLiteral("job"), QStringLiteral("search"),
                              QStringLiteral("--limit"), QStringLiteral("2")},
        m_sandbox.baseUrlString());
    QCOMPARE(human.exitCode, 0);
    QCOMPARE(human.out.trimmed().split('\n').size(), 3);
    QVERIFY2(human.err.contains("--all"), human.err.constData()); // more match than shown
}

void TestCliJobProcess::searchAllPagesThrough()
{
    const Run r = run({QStringLiteral("job"), QStringLiteral("search"), QStringLiteral("--all"),
                          QStringLiteral("--json")},
        m_sandbox.baseUrlString());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.trimmed().split('\n').size() >= 1000);
}

void TestCliJobProcess::searchBadFilterSendsNothing()
{
    const Run r = run({QStringLiteral("job"), QStringLiteral("search"), QStringLiteral("--state"),
                          QStringLiteral("sleeping")},
        QStringLiteral("http://127.0.0.1:1"));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("state"), r.err.constData());
}

void TestCliJobProcess::completeAfterLostAnswerIsConfirmedByLookup()
{
    // The slow sandbox completes at once and answers after 1.5 s; the client gives up after
    // 0.5 s, then looks the job up (waiting longer) and finds it COMPLETED.
    const Run r
        = run({QStringLiteral("complete"), generatedKey(0), QStringLiteral("--timeout"),
                  QStringLiteral("0.5"), QStringLiteral("--json"), QStringLiteral("--no-history")},
            m_slow.baseUrlString());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("confirmedByLookup")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("recheck")).toObject().value(QLatin1String("jobState")),
        QJsonValue(QStringLiteral("COMPLETED")));

    const Run human = run({QStringLiteral("complete"), generatedKey(1), QStringLiteral("--timeout"),
                              QStringLiteral("0.5"), QStringLiteral("--no-history")},
        m_slow.baseUrlString());
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.out.contains("confirmed by lookup"), human.out.constData());
}

void TestCliJobProcess::completeWithoutAnyAnswerIsUnknown()
{
    // A server that takes the request and never answers: the look-up gets no answer either, so
    // what happened is unknown: exit 3 (tst_JobLookup covers "still open: safe to retry").
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const Run r = run({QStringLiteral("complete"), generatedKey(2), QStringLiteral("--timeout"),
                          QStringLiteral("0.3"), QStringLiteral("--no-history")},
        QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.out.contains("Checked by lookup: unknown"), r.out.constData());
}

void TestCliJobProcess::complete404SuggestsNeighbours()
{
    const Run r = run({QStringLiteral("complete"), QStringLiteral("2251799813686250"),
                          QStringLiteral("--json"), QStringLiteral("--no-history")},
        m_sandbox.baseUrlString());
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QLatin1String("httpStatus")).toInt(), 404);
    QCOMPARE(o.value(QLatin1String("suggestions")).toArray().size(), 4);

    const Run human = run({QStringLiteral("complete"), QStringLiteral("2251799813686250"),
                              QStringLiteral("--no-history")},
        m_sandbox.baseUrlString());
    QCOMPARE(human.exitCode, 1);
    QVERIFY2(human.out.contains("did you mean 2251799813686245"), human.out.constData());
}

void TestCliJobProcess::javascriptRoundedKey()
{
    SandboxProcess demo;
    QVERIFY2(demo.start({QStringLiteral("--demo")}), qPrintable(demo.error()));
    const Run r = run({QStringLiteral("complete"), QStringLiteral("9007199254745552"),
                          QStringLiteral("--json"), QStringLiteral("--no-history")},
        demo.baseUrlString());
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QVERIFY2(o.value(QLatin1String("suggestions"))
                 .toVariant()
                 .toStringList()
                 .contains(QStringLiteral("9007199254745551")),
        r.out.constData());
}

void TestCliJobProcess::withoutJobSearch()
{
    SandboxProcess old;
    QVERIFY2(old.start({QStringLiteral("--demo"), QStringLiteral("--gateway-version"),
                 QStringLiteral("8.7")}),
        qPrintable(old.error()));
    const Run show = run({QStringLiteral("job"), QStringLiteral("show"),
                             QStringLiteral("2251799823685402"), QStringLiteral("--json")},
        old.baseUrlString());
    QCOMPARE(show.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(show.out).object();
    QCOMPARE(o.value(QLatin1String("state")).toString(), QStringLiteral("search-unavailable"));
    // Completion works as it always did.
    const Run complete = run({QStringLiteral("complete"), QStringLiteral("2251799823685402"),
                                 QStringLiteral("--no-history")},
        old.baseUrlString());
    QCOMPARE(complete.exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliJobProcess)
#include "tst_CliJobProcess.moc"
