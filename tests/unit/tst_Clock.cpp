// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/Clock.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;
using namespace std::chrono_literals;

class TestClock final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void systemClockIsUtcNow()
    {
        const Clock clock;
        QVERIFY(clock.isSystem());
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QDateTime now = clock.now();
        QVERIFY(now >= before);
        QCOMPARE(now.timeSpec(), Qt::UTC);
    }

    void lambdasAndFixedClocks()
    {
        const QDateTime t(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        const Clock fromLambda([t] { return t; });
        QVERIFY(!fromLambda.isSystem());
        QCOMPARE(fromLambda(), t);
        QCOMPARE(Clock::fixed(t).now(), t);
    }

    void manualClockMovesEveryCopy()
    {
        const QDateTime start(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
        ManualClock manual(start);
        const Clock a = manual.clock();
        const Clock b = a; // a copy shares the time too
        manual.advance(90s);
        QCOMPARE(a.now(), start.addSecs(90));
        QCOMPARE(b.now(), start.addSecs(90));
        manual.set(start);
        QCOMPARE(b.now(), start);
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_Clock.moc"
