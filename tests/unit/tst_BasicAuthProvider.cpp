// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/AuthProvider.h"
#include "core/http/BasicAuthProvider.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

namespace {
AuthProvider::Result authorize(AuthProvider &auth)
{
    AuthProvider::Result result;
    int calls = 0;
    auth.authorize(nullptr, [&](const AuthProvider::Result &r) {
        result = r;
        ++calls;
    });
    if (calls != 1)
        result.error = QStringLiteral("callback called %1 times").arg(calls);
    return result;
}
} // namespace

class TestBasicAuthProvider final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void header_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("error");
        // RFC 7617 §2 example, and UTF-8 credentials (§2.1).
        QTest::newRow("rfc 7617") << QStringLiteral("Aladdin") << QStringLiteral("open sesame")
                                  << QByteArray("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==") << QString();
        QTest::newRow("demo") << QStringLiteral("demo") << QStringLiteral("demo")
                              << QByteArray("Basic ZGVtbzpkZW1v") << QString();
        QTest::newRow("utf-8") << QStringLiteral("test") << QStringLiteral("123£")
                               << QByteArray("Basic dGVzdDoxMjPCow==") << QString();
        QTest::newRow("empty password")
            << QStringLiteral("demo") << QString() << QByteArray("Basic ZGVtbzo=") << QString();
        QTest::newRow("no user") << QString() << QStringLiteral("pw") << QByteArray()
                                 << QStringLiteral("basic authentication needs a user name");
        QTest::newRow("colon in user")
            << QStringLiteral("a:b") << QStringLiteral("pw") << QByteArray()
            << QStringLiteral("a basic authentication user name cannot contain ':'");
    }
    void header()
    {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QByteArray, header);
        QFETCH(QString, error);
        BasicAuthProvider auth(user, password);
        const auto result = authorize(auth);
        QCOMPARE(result.headerValue, header);
        QCOMPARE(result.error, error);
    }

    void describesItself()
    {
        BasicAuthProvider auth(QStringLiteral("demo"), QStringLiteral("s3cret"));
        QCOMPARE(auth.kind(), QStringLiteral("basic"));
        QVERIFY(!auth.canRefresh());
        QCOMPARE(auth.redactedHeaderValue(), QByteArray("Basic <redacted>"));
        QCOMPARE(auth.username(), QStringLiteral("demo"));
        // Both the password and the encoded pair are secrets to redact.
        QCOMPARE(
            auth.secrets(), (QList<QByteArray> {"s3cret", QByteArray("demo:s3cret").toBase64()}));
        auth.invalidate(); // nothing cached; still works afterwards
        QCOMPARE(authorize(auth).headerValue, "Basic " + QByteArray("demo:s3cret").toBase64());
    }

    void noAuth()
    {
        NoAuthProvider none;
        QCOMPARE(none.kind(), QStringLiteral("none"));
        const auto result = authorize(none);
        QVERIFY(result.headerValue.isEmpty());
        QVERIFY(result.error.isEmpty());
        QVERIFY(none.secrets().isEmpty());
        QVERIFY(none.redactedHeaderValue().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBasicAuthProvider)
#include "tst_BasicAuthProvider.moc"
