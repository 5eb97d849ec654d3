// SPDX-License-Identifier: GPL-3.0-or-later
// The gateway version, remembered per API root for a while, shared through one file, and a
// corrupt file reported and left in place.
#include "core/connection/GatewayVersionCache.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;
using namespace std::chrono_literals;

class TestGatewayVersionCache final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void remembersPerRootForAWhile()
    {
        QTemporaryDir dir;
        ManualClock clock(QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC));
        GatewayVersionCache cache(dir.filePath(QStringLiteral("v.json")), clock.clock());
        const QUrl a(QStringLiteral("http://a:8080/v2/"));
        const QUrl b(QStringLiteral("https://b.example/ctx/v2/"));
        QVERIFY(!cache.version(a));
        QVERIFY2(cache.remember(a, QStringLiteral(" 8.8.0 ")), qPrintable(cache.error()));
        QVERIFY(cache.remember(b, QStringLiteral("8.10.0-alpha1")));
        QCOMPARE(cache.version(a), std::optional<QString>(QStringLiteral("8.8.0")));
        QCOMPARE(cache.version(b), std::optional<QString>(QStringLiteral("8.10.0-alpha1")));

        clock.advance(std::chrono::duration_cast<std::chrono::milliseconds>(
            GatewayVersionCache::kDefaultMaxAge));
        QVERIFY(cache.version(a)); // exactly the maximum age: still good
        clock.advance(1s);
        QVERIFY(!cache.version(a)); // older: asked again
        QCOMPARE(cache.entry(a)->version, QStringLiteral("8.8.0"));

        QVERIFY(cache.remember(a, QStringLiteral("8.9.0")));
        QCOMPARE(cache.version(a), std::optional<QString>(QStringLiteral("8.9.0")));
        QVERIFY(cache.forget(a));
        QVERIFY(!cache.entry(a));
        QVERIFY(cache.entry(b));
        QVERIFY(!cache.remember(a, QStringLiteral("  "))); // no version is nothing to remember
    }

    void sharedThroughTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.json"));
        GatewayVersionCache window(path);
        GatewayVersionCache cli(path);
        QVERIFY(window.remember(QUrl(QStringLiteral("http://h/v2/")), QStringLiteral("8.8.1")));
        QCOMPARE(cli.version(QUrl(QStringLiteral("http://h/v2/"))),
            std::optional<QString>(QStringLiteral("8.8.1")));
    }

    void corruptFileIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        GatewayVersionCache cache(path);
        QVERIFY(!cache.version(QUrl(QStringLiteral("http://h/v2/"))));
        QVERIFY(!cache.error().isEmpty());
        QVERIFY(!cache.remember(QUrl(QStringLiteral("http://h/v2/")), QStringLiteral("8.8.0")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("{ not json"));
    }

    void clockSetBackIsStale()
    {
        QTemporaryDir dir;
        ManualClock clock(QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC));
        GatewayVersionCache cache(dir.filePath(QStringLiteral("v.json")), clock.clock());
        QVERIFY(cache.remember(QUrl(QStringLiteral("http://h/v2/")), QStringLiteral("8.8.0")));
        clock.advance(-1h);
        QVERIFY(!cache.version(QUrl(QStringLiteral("http://h/v2/"))));
    }

    void defaultPathIsInTheCache()
    {
        QVERIFY(GatewayVersionCache::defaultPath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation)));
    }
};

QTEST_GUILESS_MAIN(TestGatewayVersionCache)
#include "tst_GatewayVersionCache.moc"
