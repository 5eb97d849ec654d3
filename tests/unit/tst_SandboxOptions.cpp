// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox's command line, exactly the flags of PRODUCT.md.
#include "sandbox/SandboxOptions.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk::Sandbox;

class tst_SandboxOptions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void defaults();
    void valid();
    void invalid_data();
    void invalid();
};

void tst_SandboxOptions::defaults()
{
    const ParsedOptions parsed = parseOptions({});
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.options.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(parsed.options.port, quint16(8080));
    QCOMPARE(parsed.options.auth, AuthMode::None);
    QCOMPARE(parsed.options.tokenTtlSeconds, 300);
    QVERIFY(!parsed.options.seed);
}

void tst_SandboxOptions::valid()
{
    const ParsedOptions parsed = parseOptions({QStringLiteral("--host"),
        QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
        QStringLiteral("--demo"), QStringLiteral("--generate"), QStringLiteral("1000000"),
        QStringLiteral("--jobs-file"), QStringLiteral("jobs.json"), QStringLiteral("--auth"),
        QStringLiteral("oauth"), QStringLiteral("--token-ttl"), QStringLiteral("5"),
        QStringLiteral("--latency-ms=250"), QStringLiteral("--backpressure-rate"),
        QStringLiteral("0.25"), QStringLiteral("--error-rate"), QStringLiteral("1"),
        QStringLiteral("--seed"), QStringLiteral("7")});
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const SandboxOptions &o = parsed.options;
    QCOMPARE(o.port, quint16(0));
    QVERIFY(o.demo);
    QCOMPARE(o.generate, 1000000);
    QCOMPARE(o.jobsFile, QStringLiteral("jobs.json"));
    QCOMPARE(o.auth, AuthMode::OAuth);
    QCOMPARE(o.tokenTtlSeconds, 5);
    QCOMPARE(o.latencyMs, 250);
    QCOMPARE(o.backpressureRate, 0.25);
    QCOMPARE(o.errorRate, 1.0);
    QCOMPARE(*o.seed, quint64(7));
}

void tst_SandboxOptions::invalid_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown flag") << QStringList {QStringLiteral("--colour")}
                                  << "unknown option: --colour";
    QTest::newRow("missing value")
        << QStringList {QStringLiteral("--port")} << "option --port needs a value";
    QTest::newRow("port too big") << QStringList {QStringLiteral("--port"), QStringLiteral("70000")}
                                  << "--port";
    QTest::newRow("port text") << QStringList {QStringLiteral("--port"), QStringLiteral("http")}
                               << "--port";
    QTest::newRow("auth mode") << QStringList {QStringLiteral("--auth"), QStringLiteral("bearer")}
                               << "none, basic or oauth";
    QTest::newRow("rate above 1") << QStringList {QStringLiteral("--backpressure-rate"),
        QStringLiteral("1.5")} << "0 to 1";
    QTest::newRow("negative rate")
        << QStringList {QStringLiteral("--error-rate"), QStringLiteral("-0.1")} << "0 to 1";
    QTest::newRow("negative latency")
        << QStringList {QStringLiteral("--latency-ms"), QStringLiteral("-5")} << "--latency-ms";
    QTest::newRow("zero ttl") << QStringList {QStringLiteral("--token-ttl"), QStringLiteral("0")}
                              << "--token-ttl";
    QTest::newRow("generate text")
        << QStringList {QStringLiteral("--generate"), QStringLiteral("many")} << "--generate";
    QTest::newRow("host name") << QStringList {QStringLiteral("--host"),
        QStringLiteral("not a host")}
                               << "--host";
    QTest::newRow("demo with value")
        << QStringList {QStringLiteral("--demo=yes")} << "takes no value";
}

void tst_SandboxOptions::invalid()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const ParsedOptions parsed = parseOptions(arguments);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error.contains(message), qPrintable(parsed.error));
}

QTEST_APPLESS_MAIN(tst_SandboxOptions)
#include "tst_SandboxOptions.moc"
