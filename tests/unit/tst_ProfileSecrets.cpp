// SPDX-License-Identifier: GPL-3.0-or-later
// The one secrets loop: every kind in order, asynchronously; reading by a policy for "nothing
// stored" and "no keychain" (with the secrets kept for this run filling gaps); writing with the
// run-only fallback; moving on rename and removing on removal.
#include "core/connection/ProfileSecrets.h"

#include <QObject>
#include <QStandardPaths>
#include <QTest>

#include <optional>

using namespace JobDesk;

namespace {
QString key(const char *profile, SecretKind kind)
{
    return profileSecretKey(QLatin1String(profile), kind);
}

void put(MemorySecretStore &store, const QString &key, const QByteArray &value)
{
    bool done = false;
    store.write(key, value, nullptr, [&done](const SecretJob &) { done = true; });
    QTRY_VERIFY(done);
}
} // namespace

class TestProfileSecrets final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void loopVisitsEveryKindInOrderAndStops()
    {
        QList<SecretKind> seen;
        std::optional<SecretLoopResult> result;
        forEachSecretKind(
            allSecretKinds(), nullptr,
            [&seen](SecretKind kind, std::function<void(const QString &)> next) {
                seen.append(kind);
                next(kind == SecretKind::ClientSecret ? QStringLiteral("broken") : QString());
            },
            [&result](const SecretLoopResult &r) { result = r; });
        QVERIFY(result);
        QCOMPARE(seen,
            QList<SecretKind>({SecretKind::Password, SecretKind::Token, SecretKind::ClientSecret}));
        QCOMPARE(result->error, QStringLiteral("broken"));
        QCOMPARE(result->failedKind, std::optional<SecretKind>(SecretKind::ClientSecret));
    }

    void loopEndsQuietlyWhenTheContextDies()
    {
        MemorySecretStore store;
        auto *context = new QObject;
        bool called = false;
        readProfileSecrets(&store, QStringLiteral("p"), {SecretKind::Password}, SecretReadPolicy {},
            context, [&called](const SecretReadResult &) { called = true; });
        delete context;
        // The job answers from the event loop; with its context gone nothing may be called.
        for (int i = 0; i < 5; ++i)
            QCoreApplication::processEvents();
        QVERIFY(!called);
        QCOMPARE(store.size(), 0);
    }

    void readReportsEachKind()
    {
        MemorySecretStore store;
        put(store, key("p", SecretKind::Password), "pw");
        std::optional<SecretReadResult> read;
        readProfileSecrets(&store, QStringLiteral("p"),
            {SecretKind::Password, SecretKind::KeyPassphrase}, SecretReadPolicy {}, nullptr,
            [&read](const SecretReadResult &r) { read = r; });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->secrets.value(SecretKind::Password), QByteArray("pw"));
        QCOMPARE(read->missing(), QList<SecretKind>({SecretKind::KeyPassphrase}));
        QCOMPARE(read->firstProblem(), std::optional<SecretKind>(SecretKind::KeyPassphrase));
        QVERIFY(read->noKeychain().isEmpty());
    }

    void nothingStoredStopsWhenTold()
    {
        MemorySecretStore store;
        put(store, key("p", SecretKind::KeyPassphrase), "pp");
        SecretReadPolicy policy;
        policy.nothingStored = SecretReadPolicy::Then::Stop;
        std::optional<SecretReadResult> read;
        readProfileSecrets(&store, QStringLiteral("p"),
            {SecretKind::Password, SecretKind::KeyPassphrase}, policy, nullptr,
            [&read](const SecretReadResult &r) { read = r; });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->firstProblem(), std::optional<SecretKind>(SecretKind::Password));
        QVERIFY(!read->status.contains(SecretKind::KeyPassphrase)); // never read
    }

    void noKeychainUsesTheSecretsKeptForThisRun()
    {
        MemorySecretStore keychain;
        keychain.setAvailable(false);
        MemorySecretStore session;
        put(session, key("p", SecretKind::Password), "kept");
        SecretReadPolicy policy;
        policy.session = &session;
        std::optional<SecretReadResult> read;
        readProfileSecrets(&keychain, QStringLiteral("p"),
            {SecretKind::Password, SecretKind::KeyPassphrase}, policy, nullptr,
            [&read](const SecretReadResult &r) { read = r; });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->secrets.value(SecretKind::Password), QByteArray("kept"));
        QCOMPARE(read->status.value(SecretKind::Password), SecretJob::Status::Ok);
        QCOMPARE(read->noKeychain(), QList<SecretKind>({SecretKind::KeyPassphrase}));
        QVERIFY(read->firstError().contains(QLatin1String("this run only")));

        policy.noKeychain = SecretReadPolicy::Then::Stop;
        policy.session = nullptr;
        read.reset();
        readProfileSecrets(&keychain, QStringLiteral("p"),
            {SecretKind::Password, SecretKind::KeyPassphrase}, policy, nullptr,
            [&read](const SecretReadResult &r) { read = r; });
        QTRY_VERIFY(read.has_value());
        QCOMPARE(read->status.size(), 1);
        QCOMPARE(read->status.value(SecretKind::Password), SecretJob::Status::NoBackend);
    }

    void writeFallsBackToThisRunOnly()
    {
        MemorySecretStore keychain;
        MemorySecretStore session;
        ConnectionSecrets secrets;
        secrets.insert(SecretKind::ClientSecret, "cs");
        secrets.insert(SecretKind::KeyPassphrase, "pp");
        std::optional<SecretWriteResult> written;
        writeProfileSecrets(&keychain, &session, QStringLiteral("p"), secrets, nullptr,
            [&written](const SecretWriteResult &r) { written = r; });
        QTRY_VERIFY(written.has_value());
        QVERIFY(written->ok());
        QVERIFY(written->keptForThisRun.isEmpty());
        QCOMPARE(
            keychain.value(key("p", SecretKind::ClientSecret)), std::optional<QByteArray>("cs"));
        QCOMPARE(session.size(), 0);

        keychain.setAvailable(false);
        written.reset();
        writeProfileSecrets(&keychain, &session, QStringLiteral("q"), secrets, nullptr,
            [&written](const SecretWriteResult &r) { written = r; });
        QTRY_VERIFY(written.has_value());
        QCOMPARE(written->keptForThisRun.size(), 2);
        QCOMPARE(
            session.value(key("q", SecretKind::KeyPassphrase)), std::optional<QByteArray>("pp"));
    }

    void moveAndRemoveProfileSecrets()
    {
        MemorySecretStore store;
        put(store, key("old", SecretKind::Password), "pw");
        put(store, key("old", SecretKind::KeyPassphrase), "pp");
        put(store, key("other", SecretKind::Token), "tok");

        QObject context;
        std::optional<SecretLoopResult> result;
        moveProfileSecrets(&store, QStringLiteral("old"), QStringLiteral("new"), &context,
            [&](const SecretLoopResult &r) { result = r; });
        QVERIFY(!result); // asynchronous
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        QCOMPARE(store.value(key("new", SecretKind::Password)), std::optional<QByteArray>("pw"));
        QCOMPARE(
            store.value(key("new", SecretKind::KeyPassphrase)), std::optional<QByteArray>("pp"));
        QVERIFY(!store.value(key("new", SecretKind::Token)));
        QVERIFY(!store.value(key("old", SecretKind::Password)));
        QVERIFY(!store.value(key("old", SecretKind::KeyPassphrase)));
        QCOMPARE(store.size(), 3);

        result.reset();
        removeProfileSecrets(&store, QStringLiteral("new"), &context,
            [&](const SecretLoopResult &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
        QCOMPARE(store.size(), 1);
        QVERIFY(store.value(key("other", SecretKind::Token)));

        store.setAvailable(false);
        result.reset();
        moveProfileSecrets(&store, QStringLiteral("other"), QStringLiteral("x"), &context,
            [&](const SecretLoopResult &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->error.contains(QLatin1String("this run only")));
        QCOMPARE(result->failedKind, std::optional<SecretKind>(SecretKind::Password));

        // Without a keychain nothing can be stored in it: removal is no failure.
        result.reset();
        removeProfileSecrets(&store, QStringLiteral("other"), &context,
            [&](const SecretLoopResult &r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->ok());
    }

    void labels()
    {
        QCOMPARE(secretKindLabel(SecretKind::ClientSecret), QStringLiteral("client secret"));
        QCOMPARE(secretKindLabel(SecretKind::KeyPassphrase), QStringLiteral("key passphrase"));
        QCOMPARE(allSecretKinds().size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestProfileSecrets)
#include "tst_ProfileSecrets.moc"
