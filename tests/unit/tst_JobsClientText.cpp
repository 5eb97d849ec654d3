// SPDX-License-Identifier: GPL-3.0-or-later
// The pure text functions of JobsClient: API root normalisation, curl export, error sentences.
#include "core/http/JobsClient.h"
#include "core/http/NetworkErrorText.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

class TestJobsClientText final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void normalizeApiRoot_data();
    void normalizeApiRoot();
    void curlExactForSimplePost();
    void curlRoundTripsThroughTheShell_data();
    void curlRoundTripsThroughTheShell();
    void curlGetHasNoMethodFlag();
    void noAnswerWithin();
};

void TestJobsClientText::normalizeApiRoot_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("root");
    QTest::addColumn<QString>("error"); // a fragment of the message

    const QString local = QStringLiteral("http://h:8080/v2/");
    QTest::newRow("bare") << QStringLiteral("http://h:8080") << local << QString();
    QTest::newRow("slash") << QStringLiteral("http://h:8080/") << local << QString();
    QTest::newRow("v2") << QStringLiteral("http://h:8080/v2") << local << QString();
    QTest::newRow("v2 slash") << QStringLiteral("http://h:8080/v2/") << local << QString();
    QTest::newRow("whitespace") << QStringLiteral("  http://h:8080/v2//  ") << local << QString();
    QTest::newRow("upper scheme") << QStringLiteral("HTTP://h:8080") << local << QString();
    QTest::newRow("https default port")
        << QStringLiteral("https://camunda.example.com")
        << QStringLiteral("https://camunda.example.com/v2/") << QString();
    QTest::newRow("context path") << QStringLiteral("https://bru-2.zeebe.camunda.io/abc-123")
                                  << QStringLiteral("https://bru-2.zeebe.camunda.io/abc-123/v2/")
                                  << QString();
    QTest::newRow("context path v2")
        << QStringLiteral("https://bru-2.zeebe.camunda.io/abc-123/v2")
        << QStringLiteral("https://bru-2.zeebe.camunda.io/abc-123/v2/") << QString();
    QTest::newRow("ipv6") << QStringLiteral("http://[::1]:8080")
                          << QStringLiteral("http://[::1]:8080/v2/") << QString();
    QTest::newRow("empty") << QString() << QString() << QStringLiteral("no address given");
    QTest::newRow("blank") << QStringLiteral("   ") << QString()
                           << QStringLiteral("no address given");
    QTest::newRow("no scheme") << QStringLiteral("localhost:8080") << QString()
                               << QStringLiteral("has no scheme");
    QTest::newRow("ftp") << QStringLiteral("ftp://h:8080") << QString()
                         << QStringLiteral("only http and https");
    QTest::newRow("spaces") << QStringLiteral("http://h:8080/my path") << QString()
                            << QStringLiteral("contains spaces");
    QTest::newRow("no host") << QStringLiteral("http:///v2") << QString()
                             << QStringLiteral("no host name");
    QTest::newRow("credentials") << QStringLiteral("http://demo:demo@h:8080") << QString()
                                 << QStringLiteral("must not contain a user name or password");
    QTest::newRow("query") << QStringLiteral("http://h:8080/?x=1") << QString()
                           << QStringLiteral("must not contain '?' or '#'");
    QTest::newRow("v1") << QStringLiteral("http://h:8080/v1") << QString()
                        << QStringLiteral("old v1 API");
    QTest::newRow("bad port") << QStringLiteral("http://h:99999") << QString()
                              << QStringLiteral("not a valid address");
}

void TestJobsClientText::normalizeApiRoot()
{
    QFETCH(QString, address);
    QFETCH(QString, root);
    QFETCH(QString, error);
    const JobsClient::ApiRoot result = JobsClient::normalizeApiRoot(address);
    if (error.isEmpty()) {
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.url.toString(), root);
        QVERIFY(result.url.path().endsWith(QLatin1String("/v2/")));
    } else {
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        QVERIFY(result.url.isEmpty());
    }
}

void TestJobsClientText::curlExactForSimplePost()
{
    RequestRecord record;
    record.method = "POST";
    record.url = QUrl(QStringLiteral("http://h:8080/v2/jobs/2251799813685249/completion"));
    record.headers = {{"Content-Type", "application/json"},
        {"Accept", "application/json, application/problem+json"},
        {"User-Agent", "JobDesk/0.1.0 (Qt 6.4.2)"}, {"Authorization", "Bearer <redacted>"}};
    record.body = R"({"variables":{"a":1}})";
    QCOMPARE(JobsClient::toCurl(record),
        QStringLiteral("curl -sS -X POST 'http://h:8080/v2/jobs/2251799813685249/completion' \\\n"
                       "  -H 'Content-Type: application/json' \\\n"
                       "  -H 'Accept: application/json, application/problem+json' \\\n"
                       "  -H \"Authorization: Bearer $CAMUNDA_TOKEN\" \\\n"
                       "  --data-raw '{\"variables\":{\"a\":1}}'"));
}

void TestJobsClientText::curlRoundTripsThroughTheShell_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("heredoc");
    QTest::newRow("quotes") << QByteArray(
        R"({"variables":{"name":"O'Brien","cmd":"$(rm -rf /) `x` \"y\" \\ !"}})")
                            << false;
    QTest::newRow("multi-line") << QByteArray(
        "{\n  \"variables\": {\n    \"a\": \"it's $HOME\"\n  }\n}")
                                << true;
    QTest::newRow("delimiter inside") << QByteArray("{\n\"a\":\n\"x\"\n}\nJSON\n") << false;
    QTest::newRow("unicode") << QByteArray(R"({"variables":{"città":"Zürich €"}})") << false;
}

void TestJobsClientText::curlRoundTripsThroughTheShell()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, heredoc);
    RequestRecord record;
    record.method = "POST";
    record.url = QUrl(QStringLiteral("http://h:8080/v2/jobs/1/completion"));
    record.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer <redacted>"}};
    record.body = body;
    const QString command = JobsClient::toCurl(record);
    QCOMPARE(command.contains(QStringLiteral("<<'JSON'")), heredoc);

    // Run the command with a curl() shell function that prints what curl would have received.
    const QString script
        = QStringLiteral("curl() { for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done; "
                         "for a in \"$@\"; do if [ \"$a\" = @- ]; then printf 'STDIN['; cat; "
                         "printf ']\\n'; fi; done; }\n")
        + command + QLatin1Char('\n');
    QProcess shell;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CAMUNDA_TOKEN"), QStringLiteral("tok-123"));
    shell.setProcessEnvironment(env);
    shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script});
    QVERIFY(shell.waitForFinished(10000));
    QCOMPARE(shell.exitCode(), 0);
    const QByteArray out = shell.readAllStandardOutput();
    QVERIFY2(out.contains("[Authorization: Bearer tok-123]\n"), out.constData());
    QVERIFY(out.contains("[http://h:8080/v2/jobs/1/completion]\n"));
    if (heredoc)
        QVERIFY2(out.contains(QByteArray("STDIN[" + body + "\n]")), out.constData());
    else
        QVERIFY2(out.contains(QByteArray("[--data-raw]\n[" + body + "]\n")), out.constData());
}

void TestJobsClientText::curlGetHasNoMethodFlag()
{
    RequestRecord record;
    record.method = "GET";
    record.url = QUrl(QStringLiteral("https://h/v2/topology"));
    record.headers = {{"Accept", "application/json"}, {"Authorization", "Basic <redacted>"}};
    QCOMPARE(JobsClient::toCurl(record),
        QStringLiteral("curl -sS 'https://h/v2/topology' \\\n"
                       "  -H 'Accept: application/json' \\\n"
                       "  -u \"$CAMUNDA_BASIC_AUTH_USERNAME:$CAMUNDA_BASIC_AUTH_PASSWORD\""));
}

void TestJobsClientText::noAnswerWithin()
{
    using std::chrono::milliseconds;
    QCOMPARE(NetworkErrorText::noAnswerWithin(JobsClient::kDefaultTimeout),
        QStringLiteral("no answer within 30 s"));
    QCOMPARE(NetworkErrorText::noAnswerWithin(milliseconds(1000)),
        QStringLiteral("no answer within 1 s"));
    QCOMPARE(NetworkErrorText::noAnswerWithin(milliseconds(1500)),
        QStringLiteral("no answer within 1.5 s"));
    QCOMPARE(NetworkErrorText::hostAndPort(QUrl(QStringLiteral("https://h/x"))),
        QStringLiteral("h:443"));
    QCOMPARE(NetworkErrorText::hostAndPort(QUrl(QStringLiteral("http://h:8088"))),
        QStringLiteral("h:8088"));
}

QTEST_GUILESS_MAIN(TestJobsClientText)
#include "tst_JobsClientText.moc"
