// SPDX-License-Identifier: GPL-3.0-or-later
// TLS settings: files checked with clear errors, and a real HTTPS round trip over loopback
// (QSslServer) showing that an untrusted certificate is named and never ignored, that a CA
// bundle makes it trusted, and that a client certificate is presented for mTLS.
#include "core/camunda/CompletionRequest.h"
#include "core/http/JobsClient.h"
#include "core/http/TlsOptions.h"
#include "support/TlsFixtures.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

namespace {

QString tls(const QString &name)
{
    return TlsFixtures::path(name);
}

/// A tiny HTTPS server answering every request with 204; remembers the client certificate.
class HttpsServer final : public QSslServer
{
public:
    explicit HttpsServer(bool requireClientCertificate)
    {
        setSslConfiguration(
            TlsFixtures::server(QStringLiteral("server"), requireClientCertificate));
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                auto *ssl = static_cast<QSslSocket *>(socket); // QSslServer hands out QSslSockets
                clientCommonName
                    = ssl->peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0);
                connect(ssl, &QSslSocket::readyRead, ssl, [ssl] {
                    if (!ssl->readAll().isEmpty())
                        ssl->write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: "
                                   "close\r\n\r\n");
                    ssl->disconnectFromHost();
                });
            }
        });
    }
    QString clientCommonName;
};

CompletionRequest completion()
{
    CompletionRequest request;
    request.jobKey = *JobKey::parse(u"2251799813685249").key;
    return request;
}

std::optional<Outcome> run(JobsClient &client)
{
    QObject guard;
    std::optional<Outcome> result;
    QObject::connect(client.complete(completion()), &ApiCall::finished, &guard,
        [&result](const Outcome &o) { result = o; });
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, 10000);
    return result;
}

} // namespace

class TestTlsOptions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Without a TLS backend no https connection can work: that is a broken install, not a
        // reason to skip the checks below.
        QVERIFY2(QSslSocket::supportsSsl(), "no TLS backend (Qt's OpenSSL plugin is missing)");
    }
    void validate_data();
    void validate();
    void appliesOnlyToHttps();
    void untrustedCertificateIsNamed();
    void caBundleMakesItTrusted();
    void clientCertificateForMutualTls();
    void inlinePemForMutualTls();
};

void TestTlsOptions::validate_data()
{
    QTest::addColumn<QString>("ca");
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<QString>("error");
    const QString ca = tls(QStringLiteral("ca.pem"));
    const QString cert = tls(QStringLiteral("client.pem"));
    const QString key = tls(QStringLiteral("client.key"));
    const QString encrypted = tls(QStringLiteral("client-encrypted.key"));
    const QString missing = tls(QStringLiteral("missing.pem"));
    QTest::newRow("nothing") << QString() << QString() << QString() << QByteArray() << QString();
    QTest::newRow("ca") << ca << QString() << QString() << QByteArray() << QString();
    QTest::newRow("mtls") << ca << cert << key << QByteArray() << QString();
    QTest::newRow("mtls encrypted key")
        << QString() << cert << encrypted << QByteArray("test-pass") << QString();
    QTest::newRow("missing ca") << missing << QString() << QString() << QByteArray()
                                << QStringLiteral("cannot read the CA bundle '%1'").arg(missing);
    QTest::newRow("ca is a key")
        << key << QString() << QString() << QByteArray()
        << QStringLiteral("the CA bundle '%1' contains no PEM certificate").arg(key);
    QTest::newRow("cert without key")
        << QString() << cert << QString() << QByteArray()
        << QStringLiteral("a client certificate needs both the certificate file and its key file");
    QTest::newRow("wrong passphrase")
        << QString() << cert << encrypted << QByteArray("nope")
        << QStringLiteral("the client key '%1' could not be read — not a PEM private key, or the "
                          "passphrase is wrong")
               .arg(encrypted);
    QTest::newRow("key is a cert")
        << QString() << cert << cert << QByteArray()
        << QStringLiteral("the client key '%1' could not be read").arg(cert);
}

void TestTlsOptions::validate()
{
    QFETCH(QString, ca);
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QByteArray, passphrase);
    QFETCH(QString, error);
    const TlsOptions options {ca, cert, key, passphrase};
    const QString actual = options.validate();
    if (error.isEmpty())
        QCOMPARE(actual, QString());
    else
        QVERIFY2(actual.startsWith(error), qPrintable(actual));
}

void TestTlsOptions::appliesOnlyToHttps()
{
    const TlsOptions options {tls(QStringLiteral("ca.pem")), {}, {}, {}};
    QNetworkRequest plain(QUrl(QStringLiteral("http://h/")));
    QCOMPARE(options.applyTo(plain), QString());
    QVERIFY(plain.sslConfiguration().caCertificates()
        == QSslConfiguration::defaultConfiguration().caCertificates());
    QNetworkRequest secure(QUrl(QStringLiteral("https://h/")));
    QCOMPARE(options.applyTo(secure), QString());
    const auto testCa = QSslCertificate::fromData(TlsFixtures::read(QStringLiteral("ca.pem")));
    QVERIFY(secure.sslConfiguration().caCertificates().contains(testCa.first()));
    QCOMPARE(secure.sslConfiguration().peerVerifyMode(), QSslSocket::VerifyPeer);
}

void TestTlsOptions::untrustedCertificateIsNamed()
{
    HttpsServer server(false);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())));
    const auto outcome = run(client);
    QVERIFY(outcome);
    QCOMPARE(outcome->kind, OutcomeKind::TransportError);
    QVERIFY2(outcome->transportError.startsWith(
                 QStringLiteral("the TLS handshake with 127.0.0.1:%1 failed: ")
                     .arg(server.serverPort())),
        qPrintable(outcome->transportError));
    // The certificate problem is named, not a generic "handshake failed".
    QVERIFY2(outcome->transportError.contains(
                 QSslError(QSslError::UnableToGetLocalIssuerCertificate).errorString())
            || outcome->transportError.contains(
                QSslError(QSslError::UnableToVerifyFirstCertificate).errorString()),
        qPrintable(outcome->transportError));
    QVERIFY(outcome->transportError.contains(QStringLiteral("add its CA bundle to the profile")));
}

void TestTlsOptions::caBundleMakesItTrusted()
{
    HttpsServer server(false);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())));
    QCOMPARE(
        client.setTlsOptions(TlsOptions {tls(QStringLiteral("ca.pem")), {}, {}, {}}), QString());
    const auto outcome = run(client);
    QVERIFY(outcome);
    QVERIFY2(outcome->kind == OutcomeKind::Completed, qPrintable(outcome->transportError));
    QCOMPARE(outcome->httpStatus, std::optional<int>(204));
}

void TestTlsOptions::clientCertificateForMutualTls()
{
    HttpsServer server(true);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())));
    QCOMPARE(client.setTlsOptions(
                 TlsOptions {tls(QStringLiteral("ca.pem")), tls(QStringLiteral("client.pem")),
                     tls(QStringLiteral("client-encrypted.key")), "test-pass"}),
        QString());
    const auto outcome = run(client);
    QVERIFY(outcome);
    QVERIFY2(outcome->kind == OutcomeKind::Completed, qPrintable(outcome->transportError));
    QCOMPARE(server.clientCommonName, QStringLiteral("jobdesk-client"));
}

void TestTlsOptions::inlinePemForMutualTls()
{
    // The SDK's CAMUNDA_MTLS_CA / _CERT / _KEY: the same material as text, no file anywhere.
    HttpsServer server(true);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QNetworkAccessManager nam;
    JobsClient client(&nam);
    client.setApiRoot(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())));
    TlsOptions options;
    options.caBundlePem = TlsFixtures::read(QStringLiteral("ca.pem"));
    options.clientCertificatePem = TlsFixtures::read(QStringLiteral("client.pem"));
    options.clientKeyPem = TlsFixtures::read(QStringLiteral("client-encrypted.key"));
    options.clientKeyPassphrase = "test-pass";
    // Inline wins over a file that does not even exist.
    options.caBundleFile = tls(QStringLiteral("missing.pem"));
    QVERIFY(!options.isEmpty());
    QCOMPARE(client.setTlsOptions(options), QString());
    const auto outcome = run(client);
    QVERIFY(outcome);
    QVERIFY2(outcome->kind == OutcomeKind::Completed, qPrintable(outcome->transportError));
    QCOMPARE(server.clientCommonName, QStringLiteral("jobdesk-client"));

    TlsOptions broken;
    broken.clientCertificatePem = "not a certificate";
    broken.clientKeyPem = options.clientKeyPem;
    QCOMPARE(broken.validate(),
        QStringLiteral("the client certificate given inline contains no PEM certificate"));
}

QTEST_GUILESS_MAIN(TestTlsOptions)
#include "tst_TlsOptions.moc"
