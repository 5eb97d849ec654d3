// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/KeychainSecretStore.h"

#include "core/base/AppInfo.h"
#include "core/base/Logging.h"

#include <qt6keychain/keychain.h>

namespace JobDesk {

namespace {

class KeychainSecretJob final : public SecretJob
{
public:
    KeychainSecretJob(Operation operation, const QString &key, QObject *parent)
        : SecretJob(operation, key, parent)
    {
    }
    using SecretJob::finish;
};

const char *operationName(SecretJob::Operation operation)
{
    switch (operation) {
    case SecretJob::Operation::Read:
        return "read";
    case SecretJob::Operation::Write:
        return "write";
    case SecretJob::Operation::Remove:
        return "remove";
    }
    return "?";
}

// On Linux, QtKeychain reports a missing D-Bus session or Secret Service as OtherError; for the
// person that is the same as no keychain at all.
bool looksLikeNoKeychain(const QString &error)
{
    return error.contains(QLatin1String("Could not connect"), Qt::CaseInsensitive)
        || error.contains(QLatin1String("ServiceUnknown"))
        || error.contains(QLatin1String("was not provided by any .service files"))
        || error.contains(QLatin1String("Cannot autolaunch D-Bus"), Qt::CaseInsensitive);
}

// Starts a QtKeychain job and turns its single `finished` into our job's result. The keychain job
// has no parent and deletes itself: if our job goes away first, the connection simply drops.
void run(QKeychain::Job *keychainJob, KeychainSecretJob *job)
{
    keychainJob->setAutoDelete(true);
    // Never write secrets to a plain file, whatever QtKeychain's default is on this platform.
    keychainJob->setInsecureFallback(false);
    keychainJob->setKey(job->key());
    QObject::connect(keychainJob, &QKeychain::Job::finished, job, [job](QKeychain::Job *done) {
        const QString key = job->key();
        const char *what = operationName(job->operation());
        switch (done->error()) {
        case QKeychain::NoError: {
            QByteArray data;
            if (auto *readJob = qobject_cast<QKeychain::ReadPasswordJob *>(done))
                data = readJob->binaryData();
            qCDebug(lcSecrets) << what << key << "ok";
            job->finish(SecretJob::Status::Ok, data);
            return;
        }
        case QKeychain::EntryNotFound:
            qCDebug(lcSecrets) << what << key << "nothing stored";
            job->finish(SecretJob::Status::NotFound);
            return;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
            qCWarning(lcSecrets) << what << key << "no keychain:" << done->errorString();
            job->finish(SecretJob::Status::NoBackend, {},
                QStringLiteral("No keychain is available (%1): the secret is kept for "
                               "this run only.")
                    .arg(done->errorString()));
            return;
        case QKeychain::AccessDenied:
        case QKeychain::AccessDeniedByUser:
            qCWarning(lcSecrets) << what << key << "access denied:" << done->errorString();
            job->finish(SecretJob::Status::AccessDenied, {},
                QStringLiteral("The keychain refused access: %1").arg(done->errorString()));
            return;
        case QKeychain::CouldNotDeleteEntry:
        case QKeychain::OtherError:
            if (looksLikeNoKeychain(done->errorString())) {
                qCWarning(lcSecrets) << what << key << "no keychain:" << done->errorString();
                job->finish(SecretJob::Status::NoBackend, {},
                    QStringLiteral("No keychain is available (%1): the secret is kept "
                                   "for this run only.")
                        .arg(done->errorString()));
                return;
            }
            break;
        }
        qCWarning(lcSecrets) << what << key << "failed:" << done->errorString();
        job->finish(SecretJob::Status::Failed, {},
            QStringLiteral("The keychain failed: %1").arg(done->errorString()));
    });
    keychainJob->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(AppInfo::applicationId(), parent)
{
}

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{
}

KeychainSecretStore::~KeychainSecretStore() = default;

SecretJob *KeychainSecretStore::read(const QString &key)
{
    auto *job = new KeychainSecretJob(SecretJob::Operation::Read, key, this);
    run(new QKeychain::ReadPasswordJob(m_service), job);
    return job;
}

SecretJob *KeychainSecretStore::write(const QString &key, const QByteArray &secret)
{
    auto *job = new KeychainSecretJob(SecretJob::Operation::Write, key, this);
    auto *keychainJob = new QKeychain::WritePasswordJob(m_service);
    keychainJob->setBinaryData(secret);
    run(keychainJob, job);
    return job;
}

SecretJob *KeychainSecretStore::remove(const QString &key)
{
    auto *job = new KeychainSecretJob(SecretJob::Operation::Remove, key, this);
    run(new QKeychain::DeletePasswordJob(m_service), job);
    return job;
}

} // namespace JobDesk
