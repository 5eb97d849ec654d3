// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryStore.h"
#include "core/history/RetentionPolicy.h"
#include "support/HistoryFixtures.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace JobDesk;

class tst_RetentionPolicy : public QObject
{
    Q_OBJECT

private:
    static QDateTime newest()
    {
        return QDateTime(QDate(2026, 11, 28), QTime(12, 0), QTimeZone::utc());
    }

    /// `n` entries, one per hour going back from newest().
    static bool fill(HistoryStore &store, int n)
    {
        QList<HistoryEntry> entries;
        for (int i = n - 1; i >= 0; --i) {
            HistoryEntry entry = HistoryFixtures::syntheticEntry(i, newest());
            entry.time = newest().addSecs(-3600LL * i);
            entries.append(entry);
        }
        return HistoryFixtures::appendMany(store, entries);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void settingsRoundTrip_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("days");
        QTest::newRow("all") << int(RetentionPolicy::Mode::KeepAll) << 10000 << 90;
        QTest::newRow("count") << int(RetentionPolicy::Mode::KeepCount) << 500 << 90;
        QTest::newRow("days") << int(RetentionPolicy::Mode::KeepDays) << 10000 << 14;
    }

    void settingsRoundTrip()
    {
        QFETCH(int, mode);
        QFETCH(int, count);
        QFETCH(int, days);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        RetentionPolicy policy;
        policy.mode = RetentionPolicy::Mode(mode);
        policy.count = count;
        policy.days = days;
        policy.save(settings);
        QCOMPARE(RetentionPolicy::load(settings), policy);
    }

    void defaultsAndGarbage()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        QCOMPARE(RetentionPolicy::load(settings), RetentionPolicy());
        QCOMPARE(RetentionPolicy::load(settings).mode, RetentionPolicy::Mode::KeepAll);
        settings.setValue(QStringLiteral("history/retention/mode"), QStringLiteral("count"));
        settings.setValue(QStringLiteral("history/retention/count"), QStringLiteral("-5"));
        const RetentionPolicy policy = RetentionPolicy::load(settings);
        QCOMPARE(policy.mode, RetentionPolicy::Mode::KeepCount);
        QCOMPARE(policy.count, RetentionPolicy().count); // nonsense ignored
    }

    void keepCountKeepsTheNewest()
    {
        QTemporaryDir dir;
        HistoryStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("h.sqlite"))));
        QVERIFY(fill(store, 50));
        RetentionPolicy policy;
        policy.mode = RetentionPolicy::Mode::KeepCount;
        policy.count = 10;
        QCOMPARE(policy.apply(store, newest()).value_or(-1), 40);
        QCOMPARE(store.count().value_or(-1), 10);
        const QList<HistoryEntry> left = store.query({}, 0, 100).value();
        QCOMPARE(left.size(), 10);
        QCOMPARE(left.first().time, newest());
        QCOMPARE(left.last().time, newest().addSecs(-3600 * 9));
        QCOMPARE(policy.apply(store, newest()).value_or(-1), 0); // idempotent
    }

    void keepDaysRemovesOlderEntries()
    {
        QTemporaryDir dir;
        HistoryStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("h.sqlite"))));
        QVERIFY(fill(store, 72)); // three days, hourly
        RetentionPolicy policy;
        policy.mode = RetentionPolicy::Mode::KeepDays;
        policy.days = 1;
        QCOMPARE(policy.cutoff(newest()), newest().addDays(-1));
        // Entries at hours 0..24 before `newest` are within one day (24h exactly is not older).
        QCOMPARE(policy.apply(store, newest()).value_or(-1), 72 - 25);
        QCOMPARE(store.count().value_or(-1), 25);
    }

    void keepAllNeverDeletes()
    {
        QTemporaryDir dir;
        HistoryStore store;
        QVERIFY(store.open(dir.filePath(QStringLiteral("h.sqlite"))));
        QVERIFY(fill(store, 5));
        QCOMPARE(RetentionPolicy().apply(store, newest().addYears(10)).value_or(-1), 0);
        QCOMPARE(store.count().value_or(-1), 5);
    }

    void description()
    {
        RetentionPolicy policy;
        QCOMPARE(policy.description(), QStringLiteral("Keeping all history"));
        policy.mode = RetentionPolicy::Mode::KeepCount;
        policy.count = 500;
        QCOMPARE(policy.description(), QStringLiteral("Keeping the last 500 entries"));
        policy.mode = RetentionPolicy::Mode::KeepDays;
        policy.days = 30;
        QCOMPARE(policy.description(), QStringLiteral("Keeping the last 30 days"));
    }
};

QTEST_GUILESS_MAIN(tst_RetentionPolicy)
#include "tst_RetentionPolicy.moc"
