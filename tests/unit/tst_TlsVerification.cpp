// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 6125 name checks and the words for failed handshakes, on generated certificates
// (tests/data/tls/generate.sh) and over real TLS on loopback: a certificate whose common name
// fits but whose alternative names do not is refused before a byte of the request leaves, an
// expired one and one for another host are named with the hint that helps.
#include "core/http/HttpExchange.h"
#include "core/http/TlsVerification.h"
#include "support/FaultServer.h"
#include "support/TlsFixtures.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

namespace {

QSslConfiguration serverConfiguration(const QString &name)
{
    return TlsFixtures::server(name);
}

std::optional<HttpResult> exchange(
    QNetworkAccessManager &nam, const QString &url, const QByteArray &method)
{
    HttpRequest request;
    request.method = method;
    request.url = QUrl(url);
    request.headers = {{"Authorization", "Bearer do-not-leak"}};
    if (method != "GET")
        request.body = R"({"variables":{}})";
    request.sendOnce = method != "GET";
    HttpLimits limits;
    limits.idleTimeout = std::chrono::milliseconds(10000);
    HttpExchange exchange(&nam, request, limits,
        TlsOptions {TlsFixtures::path(QStringLiteral("ca.pem")), {}, {}, {}});
    QSignalSpy finished(&exchange, &HttpExchange::finished);
    exchange.start();
    if (!finished.wait(15000))
        return std::nullopt;
    return exchange.result();
}

} // namespace

class TestTlsVerification final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<JobDesk::HttpResult>();
    }
    void dnsNameMatches_data();
    void dnsNameMatches();
    void hostNameProblem_data();
    void hostNameProblem();
    void commonNameDoesNotCountBesideAlternativeNames_data();
    void commonNameDoesNotCountBesideAlternativeNames();
    void expiredCertificateIsNamed();
    void certificateForAnotherHostIsNamed();
    void trustedCertificatePasses();
};

void TestTlsVerification::dnsNameMatches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("matches");
    QTest::newRow("same") << "camunda.example.com"
                          << "camunda.example.com" << true;
    QTest::newRow("case") << "Camunda.Example.COM"
                          << "camunda.example.com" << true;
    QTest::newRow("trailing dot") << "camunda.example.com."
                                  << "camunda.example.com" << true;
    QTest::newRow("other") << "camunda.example.com"
                           << "operate.example.com" << false;
    QTest::newRow("wildcard") << "*.example.com"
                              << "camunda.example.com" << true;
    QTest::newRow("wildcard is one label") << "*.example.com"
                                           << "a.b.example.com" << false;
    QTest::newRow("wildcard needs a label") << "*.example.com"
                                            << "example.com" << false;
    QTest::newRow("wildcard needs two labels after it") << "*.com"
                                                        << "example.com" << false;
    QTest::newRow("partial wildcard") << "cam*.example.com"
                                      << "camunda.example.com" << false;
    QTest::newRow("wildcard not left-most") << "camunda.*.com"
                                            << "camunda.example.com" << false;
    QTest::newRow("wildcard and idn") << "*.example.com"
                                      << "xn--bcher-kva.example.com" << false;
    QTest::newRow("idn exact") << "xn--bcher-kva.example.com"
                               << "bücher.example.com" << true;
    QTest::newRow("wildcard and address") << "*.0.0.1"
                                          << "127.0.0.1" << false;
    QTest::newRow("empty") << ""
                           << "camunda.example.com" << false;
}

void TestTlsVerification::dnsNameMatches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, host);
    QFETCH(bool, matches);
    QCOMPARE(TlsVerification::dnsNameMatches(pattern, host), matches);
}

void TestTlsVerification::hostNameProblem_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("problem"); // empty: fits; else a part of the sentence
    QTest::newRow("server by address") << "server"
                                       << "127.0.0.1" << QString();
    QTest::newRow("server by name") << "server"
                                    << "localhost" << QString();
    QTest::newRow("server, other name") << "server"
                                        << "camunda.test"
                                        << "its certificate is for 'localhost', '127.0.0.1'";
    QTest::newRow("common name beside alternative names")
        << "san-mismatch"
        << "127.0.0.1"
        << "its certificate is for 'other.example', not for '127.0.0.1' (its common name says "
           "'127.0.0.1', but a certificate with alternative names is only valid for those, RFC "
           "6125)";
    QTest::newRow("alternative name") << "san-mismatch"
                                      << "other.example" << QString();
    QTest::newRow("other host") << "other-host"
                                << "127.0.0.1"
                                << "its certificate is for 'other.example', not for '127.0.0.1'";
}

void TestTlsVerification::hostNameProblem()
{
    QFETCH(QString, certificate);
    QFETCH(QString, host);
    QFETCH(QString, problem);
    const QSslCertificate cert = TlsFixtures::certificate(certificate);
    QVERIFY(!cert.isNull());
    const QString actual = TlsVerification::hostNameProblem(cert, host);
    if (problem.isEmpty())
        QCOMPARE(actual, QString());
    else
        QVERIFY2(actual.startsWith(problem), qPrintable(actual));
}

void TestTlsVerification::commonNameDoesNotCountBesideAlternativeNames_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("GET (no body)") << QByteArray("GET");
    QTest::newRow("POST (sent once)") << QByteArray("POST");
}

void TestTlsVerification::commonNameDoesNotCountBesideAlternativeNames()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    QFETCH(QByteArray, method);
    FaultServer server;
    QVERIFY(server.listenTls(serverConfiguration(QStringLiteral("san-mismatch"))));
    QNetworkAccessManager nam;
    const auto result = exchange(nam, server.baseUrl() + QStringLiteral("/v2/topology"), method);
    QVERIFY(result);
    QCOMPARE(int(result->ending), int(HttpEnding::NotSent));
    QVERIFY2(
        result->error.contains(QStringLiteral("not for '127.0.0.1'")), qPrintable(result->error));
    QVERIFY2(result->error.contains(QStringLiteral("RFC 6125")), qPrintable(result->error));
    QVERIFY2(result->error.contains(QStringLiteral("nothing was sent")), qPrintable(result->error));
    // The TLS session was refused before the request (and its Authorization) was written.
    QCoreApplication::processEvents();
    QCOMPARE(server.requestCount(), 0);
}

void TestTlsVerification::expiredCertificateIsNamed()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    FaultServer server;
    QVERIFY(server.listenTls(serverConfiguration(QStringLiteral("expired"))));
    QNetworkAccessManager nam;
    const auto result = exchange(nam, server.baseUrl() + QStringLiteral("/v2/topology"), "GET");
    QVERIFY(result);
    QCOMPARE(int(result->ending), int(HttpEnding::NotSent));
    const QString &text = result->error;
    QVERIFY2(text.startsWith(
                 QStringLiteral("the TLS handshake with 127.0.0.1:%1 failed: ").arg(server.port())),
        qPrintable(text));
    QVERIFY2(text.contains(QSslError(QSslError::CertificateExpired).errorString()
                 + QStringLiteral(" (on 2020-01-31")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("needs a renewed certificate")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("add its CA bundle")), qPrintable(text));
    QCOMPARE(server.requestCount(), 0);
}

void TestTlsVerification::certificateForAnotherHostIsNamed()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    FaultServer server;
    QVERIFY(server.listenTls(serverConfiguration(QStringLiteral("other-host"))));
    QNetworkAccessManager nam;
    const auto result = exchange(nam, server.baseUrl() + QStringLiteral("/v2/topology"), "GET");
    QVERIFY(result);
    QCOMPARE(int(result->ending), int(HttpEnding::NotSent));
    const QString &text = result->error;
    QVERIFY2(text.contains(QSslError(QSslError::HostNameMismatch).errorString()), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("its certificate is for 'other.example'")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("use a host name the certificate lists")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("add its CA bundle")), qPrintable(text));
    QCOMPARE(server.requestCount(), 0);
}

void TestTlsVerification::trustedCertificatePasses()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");
    FaultServer server;
    QVERIFY(server.listenTls(serverConfiguration(QStringLiteral("server"))));
    QNetworkAccessManager nam;
    for (const QByteArray &method : {QByteArray("GET"), QByteArray("POST")}) {
        const auto result = exchange(nam, server.baseUrl() + QStringLiteral("/v2/x"), method);
        QVERIFY(result);
        QVERIFY2(result->ending == HttpEnding::Answered, qPrintable(result->error));
        QCOMPARE(result->status, std::optional<int>(204));
    }
    QCOMPARE(server.requestCount(), 2);
}

QTEST_GUILESS_MAIN(TestTlsVerification)
#include "tst_TlsVerification.moc"
