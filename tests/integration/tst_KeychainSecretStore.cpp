// SPDX-License-Identifier: GPL-3.0-or-later
// Against a real Secret Service: run inside a private D-Bus session with an unlocked
// gnome-keyring (scripts/test does; see DEVELOPERS.md for the recipe).
#include "core/base/AppInfo.h"
#include "core/connection/KeychainSecretStore.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace JobDesk;

namespace {

struct Finished
{
    bool done = false;
    SecretJob::Status status = SecretJob::Status::Failed;
    QByteArray data;
    QString error;
};

Finished run(SecretJob *job)
{
    Finished result;
    QObject::connect(job, &SecretJob::finished, job, [&result](SecretJob *j) {
        result = {true, j->status(), j->data(), j->errorString()};
    });
    // The keyring may prompt or be slow on a loaded machine; a failure shows as done == false.
    if (!QTest::qWaitFor([&result] { return result.done; }, 20000))
        result.error = QStringLiteral("timed out waiting for the keychain");
    return result;
}

} // namespace

class TestKeychainSecretStore final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            // scripts/test (and so CI) always provides the keychain: there, missing it fails.
            if (!qEnvironmentVariableIsEmpty("JOBDESK_REQUIRE_KEYCHAIN"))
                QFAIL("No D-Bus session although JOBDESK_REQUIRE_KEYCHAIN is set");
            QSKIP("No D-Bus session: run through scripts/test (private bus + gnome-keyring)");
        }
        // A service of its own, so a developer's real JobDesk entries are never touched.
        m_service = AppInfo::applicationId() + QStringLiteral(".test-")
            + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void serviceDefaultsToApplicationId()
    {
        KeychainSecretStore store;
        QCOMPARE(store.service(), AppInfo::applicationId());
    }

    void writeReadOverwriteRemove()
    {
        KeychainSecretStore store(m_service);
        const QString key = profileSecretKey(QStringLiteral("SaaS prod"), SecretKind::ClientSecret);

        auto r = run(store.read(key));
        QVERIFY2(r.done, qPrintable(r.error));
        QCOMPARE(r.status, SecretJob::Status::NotFound);

        const QByteArray first("s3cr3t \xc3\xa4\0binary", 16);
        r = run(store.write(key, first));
        QVERIFY2(r.done && r.status == SecretJob::Status::Ok, qPrintable(r.error));

        r = run(store.read(key));
        QVERIFY2(r.status == SecretJob::Status::Ok, qPrintable(r.error));
        QCOMPARE(r.data, first);

        r = run(store.write(key, "second"));
        QVERIFY2(r.status == SecretJob::Status::Ok, qPrintable(r.error));
        QCOMPARE(run(store.read(key)).data, QByteArray("second"));

        // Another key of the same profile is independent.
        const QString other
            = profileSecretKey(QStringLiteral("SaaS prod"), SecretKind::KeyPassphrase);
        QCOMPARE(run(store.read(other)).status, SecretJob::Status::NotFound);

        // A second store instance (another program, say the CLI) sees the same entry.
        KeychainSecretStore again(m_service);
        QCOMPARE(run(again.read(key)).data, QByteArray("second"));

        r = run(store.remove(key));
        QVERIFY2(r.status == SecretJob::Status::Ok, qPrintable(r.error));
        QCOMPARE(run(store.read(key)).status, SecretJob::Status::NotFound);
    }

    void removeOfMissingIsNotAFailure()
    {
        KeychainSecretStore store(m_service);
        const auto r = run(store.remove(QStringLiteral("profile/never/password")));
        QVERIFY2(r.done, qPrintable(r.error));
        QVERIFY2(r.status == SecretJob::Status::NotFound || r.status == SecretJob::Status::Ok,
            qPrintable(r.error));
    }

    void otherServiceDoesNotSeeIt()
    {
        KeychainSecretStore store(m_service);
        const QString key = profileSecretKey(QStringLiteral("dev"), SecretKind::Password);
        QCOMPARE(run(store.write(key, "pw")).status, SecretJob::Status::Ok);
        KeychainSecretStore foreign(m_service + QStringLiteral(".other"));
        QCOMPARE(run(foreign.read(key)).status, SecretJob::Status::NotFound);
        QCOMPARE(run(store.remove(key)).status, SecretJob::Status::Ok);
    }

    void finishedComesFromTheEventLoop()
    {
        KeychainSecretStore store(m_service);
        SecretJob *job = store.read(QStringLiteral("profile/x/token"));
        QSignalSpy spy(job, &SecretJob::finished);
        QCOMPARE(spy.count(), 0);
        QVERIFY(spy.wait(20000));
        QCOMPARE(spy.count(), 1);
    }

private:
    QString m_service;
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_KeychainSecretStore.moc"
