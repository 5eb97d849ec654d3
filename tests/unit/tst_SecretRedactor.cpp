// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets are taken out of what servers send back as whole values, in every form an echo takes
// (percent- and form-encoded, JSON- and HTML-escaped, Base64 of a Basic header), and nothing
// that merely contains a secret is touched.
#include "core/http/SecretRedactor.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

class TestSecretRedactor final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void redact_data();
    void redact();
    void variants();
    void nothingToRedact();
};

void TestSecretRedactor::redact_data()
{
    QTest::addColumn<QList<QByteArray>>("secrets");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("expected");
    const QList<QByteArray> demo {"demo", QByteArray("demo:demo").toBase64()};

    QTest::newRow("json value") << demo << QByteArray(R"({"password":"demo","shop":"demo-shop"})")
                                << QByteArray(R"({"password":"<redacted>","shop":"demo-shop"})");
    QTest::newRow("inside words stays")
        << demo << QByteArray("demonstration demo.example.com my-demo demo_x xdemo")
        << QByteArray("demonstration demo.example.com my-demo demo_x xdemo");
    QTest::newRow("end of a sentence")
        << demo << QByteArray("the password is demo.") << QByteArray("the password is <redacted>.");
    QTest::newRow("url keeps its words")
        << demo << QByteArray(R"({"url":"http://demo-shop.example/v2/"})")
        << QByteArray(R"({"url":"http://demo-shop.example/v2/"})");
    QTest::newRow("basic header echoed")
        << demo << QByteArray("Authorization: Basic ZGVtbzpkZW1v\r\nHost: x")
        << QByteArray("Authorization: Basic <redacted>\r\nHost: x");
    QTest::newRow("form echoed in html")
        << QList<QByteArray> {"s3cr&t +x"}
        << QByteArray("<p>client_id=app&client_secret=s3cr%26t%20%2Bx&audience=zeebe</p>"
                      "<p>client_secret=s3cr%26t+%2Bx</p><p>s3cr&amp;t +x</p>")
        << QByteArray("<p>client_id=app&client_secret=<redacted>&audience=zeebe</p>"
                      "<p>client_secret=<redacted></p><p><redacted></p>");
    QTest::newRow("lower-case percent escapes")
        << QList<QByteArray> {"a/b"} << QByteArray("client_secret=a%2fb&x=1")
        << QByteArray("client_secret=<redacted>&x=1");
    QTest::newRow("json-escaped") << QList<QByteArray> {R"(q"u\o)"}
                                  << QByteArray(R"({"detail":"bad secret q\"u\\o"})")
                                  << QByteArray(R"({"detail":"bad secret <redacted>"})");
    QTest::newRow("longest first")
        << QList<QByteArray> {"ab", "ab-cd"} << QByteArray("x ab-cd ab y")
        << QByteArray("x <redacted> <redacted> y");
    QTest::newRow("jwt token") << QList<QByteArray> {"eyJhbGciOi.eyJzdWIi.c2lnbg"}
                               << QByteArray("invalid token eyJhbGciOi.eyJzdWIi.c2lnbg, expired")
                               << QByteArray("invalid token <redacted>, expired");
    QTest::newRow("several times") << QList<QByteArray> {"pw"} << QByteArray("pw pw;pw")
                                   << QByteArray("<redacted> <redacted>;<redacted>");
    QTest::newRow("utf-8 neighbours")
        << QList<QByteArray> {"pw"}
        << QByteArray("\xC3\xA9pw pw\xC3\xA9 \xE2\x80\x9Cpw\xE2\x80\x9D")
        << QByteArray("\xC3\xA9pw pw\xC3\xA9 \xE2\x80\x9C<redacted>\xE2\x80\x9D");
}

void TestSecretRedactor::redact()
{
    QFETCH(QList<QByteArray>, secrets);
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, expected);
    const SecretRedactor redactor(secrets);
    QCOMPARE(redactor.redact(text), expected);
    QCOMPARE(redactor.redact(QString::fromUtf8(text)), QString::fromUtf8(expected));
}

void TestSecretRedactor::variants()
{
    const QList<QByteArray> forms = SecretRedactor::variants("a b&<c>");
    QVERIFY(forms.contains("a b&<c>"));
    QVERIFY(forms.contains("a%20b%26%3Cc%3E"));
    QVERIFY(forms.contains("a+b%26%3Cc%3E"));
    QVERIFY(forms.contains("a%20b%26%3cc%3e"));
    QVERIFY(forms.contains("a b&amp;&lt;c&gt;"));
    QCOMPARE(SecretRedactor::variants("plain"), QList<QByteArray> {"plain"});
}

void TestSecretRedactor::nothingToRedact()
{
    const SecretRedactor none({QByteArray(), QByteArray()});
    QVERIFY(none.isEmpty());
    QCOMPARE(none.redact(QByteArray("demo")), QByteArray("demo"));
    QVERIFY(!SecretRedactor({"x"}).isEmpty());
}

QTEST_GUILESS_MAIN(TestSecretRedactor)
#include "tst_SecretRedactor.moc"
