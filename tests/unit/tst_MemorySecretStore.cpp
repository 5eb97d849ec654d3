// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/SecretStore.h"

#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <functional>

using namespace JobDesk;

namespace {

// Waits for a job's result and returns a copy of what it reported.
struct Finished
{
    SecretJob::Status status = SecretJob::Status::Failed;
    QByteArray data;
    QString error;
    QString key;
};

Finished wait(SecretJob *job)
{
    Finished result;
    bool done = false;
    QObject::connect(job, &SecretJob::finished, job, [&](SecretJob *j) {
        result = {j->status(), j->data(), j->errorString(), j->key()};
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        result.error = QStringLiteral("timed out");
    return result;
}

} // namespace

class TestMemorySecretStore final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void keysAndKindNames_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name");
        QTest::newRow("password") << int(SecretKind::Password) << QStringLiteral("password");
        QTest::newRow("token") << int(SecretKind::Token) << QStringLiteral("token");
        QTest::newRow("client-secret")
            << int(SecretKind::ClientSecret) << QStringLiteral("client-secret");
        QTest::newRow("key-passphrase")
            << int(SecretKind::KeyPassphrase) << QStringLiteral("key-passphrase");
    }

    void keysAndKindNames()
    {
        QFETCH(int, kind);
        QFETCH(QString, name);
        const auto k = SecretKind(kind);
        QCOMPARE(secretKindName(k), name);
        QCOMPARE(secretKindFromName(name), std::optional<SecretKind>(k));
        QCOMPARE(profileSecretKey(QStringLiteral("prod EU"), k),
            QStringLiteral("profile/prod EU/") + name);
    }

    void unknownKindName() { QVERIFY(!secretKindFromName(QStringLiteral("pin"))); }

    void writeReadOverwriteRemove()
    {
        MemorySecretStore store;
        const QString key = profileSecretKey(QStringLiteral("dev"), SecretKind::Password);

        auto r = wait(store.read(key));
        QCOMPARE(r.status, SecretJob::Status::NotFound);
        QVERIFY(r.data.isEmpty());

        QCOMPARE(
            wait(store.write(key, QByteArray("first\0bytes", 11))).status, SecretJob::Status::Ok);
        r = wait(store.read(key));
        QCOMPARE(r.status, SecretJob::Status::Ok);
        QCOMPARE(r.data, QByteArray("first\0bytes", 11));
        QCOMPARE(r.key, key);

        QCOMPARE(wait(store.write(key, "second")).status, SecretJob::Status::Ok);
        QCOMPARE(wait(store.read(key)).data, QByteArray("second"));
        QCOMPARE(store.size(), 1);

        QCOMPARE(wait(store.remove(key)).status, SecretJob::Status::Ok);
        QCOMPARE(wait(store.read(key)).status, SecretJob::Status::NotFound);
        QCOMPARE(wait(store.remove(key)).status, SecretJob::Status::NotFound);
        QVERIFY(!store.value(key));
    }

    void finishedIsEmittedLaterAndJobDeletesItself()
    {
        MemorySecretStore store;
        SecretJob *job = store.write(QStringLiteral("k"), "v");
        QPointer<SecretJob> guard(job);
        QSignalSpy spy(job, &SecretJob::finished);
        QCOMPARE(spy.count(), 0); // not inside the call
        QVERIFY(spy.wait(5000));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(job->operation(), SecretJob::Operation::Write);
        QVERIFY(job->succeeded());
        QTRY_VERIFY(guard.isNull());
    }

    void callbackOverloads()
    {
        MemorySecretStore store;
        QObject context;
        QList<SecretJob::Status> statuses;
        QByteArray read;
        store.write(QStringLiteral("k"), "secret", &context,
            [&](const SecretJob &job) { statuses.append(job.status()); });
        store.read(QStringLiteral("k"), &context, [&](const SecretJob &job) {
            statuses.append(job.status());
            read = job.data();
        });
        store.remove(QStringLiteral("k"), &context,
            [&](const SecretJob &job) { statuses.append(job.status()); });
        QTRY_COMPARE(statuses.size(), 3);
        QCOMPARE(statuses,
            QList<SecretJob::Status>(
                {SecretJob::Status::Ok, SecretJob::Status::Ok, SecretJob::Status::Ok}));
        QCOMPARE(read, QByteArray("secret"));
    }

    void callbackSkippedWhenContextIsGone()
    {
        MemorySecretStore store;
        bool called = false;
        auto *context = new QObject;
        store.write(QStringLiteral("k"), "v", context, [&](const SecretJob &) { called = true; });
        delete context;
        // A later job's callback proves the queue has run past the first one.
        bool later = false;
        store.read(QStringLiteral("k"), nullptr, [&](const SecretJob &) { later = true; });
        QTRY_VERIFY(later);
        QVERIFY(!called);
        QCOMPARE(store.value(QStringLiteral("k")), std::optional<QByteArray>("v"));
    }

    void unavailableReportsNoBackend()
    {
        MemorySecretStore store;
        store.setAvailable(false);
        // One at a time: a job deletes itself after its finished signal.
        const std::function<SecretJob *()> starts[] = {
            [&] { return store.read(QStringLiteral("k")); },
            [&] { return store.write(QStringLiteral("k"), "v"); },
            [&] { return store.remove(QStringLiteral("k")); },
        };
        for (const auto &start : starts) {
            const auto r = wait(start());
            QCOMPARE(r.status, SecretJob::Status::NoBackend);
            QVERIFY(r.error.contains(QLatin1String("this run only")));
        }
        QCOMPARE(store.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "tst_MemorySecretStore.moc"
