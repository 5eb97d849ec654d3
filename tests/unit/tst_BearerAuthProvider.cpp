// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/BearerAuthProvider.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

class TestBearerAuthProvider final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void header_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("error");
        QTest::newRow("jwt") << QByteArray("eyJhbGciOiJSUzI1NiJ9.e30.sig")
                             << QByteArray("Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig") << QString();
        QTest::newRow("pasted with newline")
            << QByteArray("abc123\n") << QByteArray("Bearer abc123") << QString();
        QTest::newRow("empty") << QByteArray() << QByteArray()
                               << QStringLiteral("no bearer token is set for this connection");
        QTest::newRow("whitespace only") << QByteArray(
            " \n") << QByteArray() << QStringLiteral("no bearer token is set for this connection");
        QTest::newRow("two lines")
            << QByteArray("abc\ndef") << QByteArray()
            << QStringLiteral(
                   "the bearer token contains spaces or line breaks — paste only the token itself");
        QTest::newRow("with scheme")
            << QByteArray("Bearer abc") << QByteArray()
            << QStringLiteral(
                   "the bearer token contains spaces or line breaks — paste only the token itself");
    }
    void header()
    {
        QFETCH(QByteArray, token);
        QFETCH(QByteArray, header);
        QFETCH(QString, error);
        BearerAuthProvider auth(token);
        int calls = 0;
        AuthProvider::Result result;
        auth.authorize(nullptr, [&](const AuthProvider::Result &r) {
            result = r;
            ++calls;
        });
        QCOMPARE(calls, 1);
        QCOMPARE(result.headerValue, header);
        QCOMPARE(result.error, error);
    }

    void describesItself()
    {
        BearerAuthProvider auth("tok");
        QCOMPARE(auth.kind(), QStringLiteral("bearer"));
        QVERIFY(!auth.canRefresh());
        QCOMPARE(auth.secrets(), QList<QByteArray> {"tok"});
        QCOMPARE(auth.redactedHeaderValue(), QByteArray("Bearer <redacted>"));
        QVERIFY(BearerAuthProvider(QByteArray()).secrets().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBearerAuthProvider)
#include "tst_BearerAuthProvider.moc"
