// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/SecretStore.h"

#include "core/base/Logging.h"

#include <QMetaObject>

namespace JobDesk {

QString secretKindName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::Password:
        return QStringLiteral("password");
    case SecretKind::Token:
        return QStringLiteral("token");
    case SecretKind::ClientSecret:
        return QStringLiteral("client-secret");
    case SecretKind::KeyPassphrase:
        return QStringLiteral("key-passphrase");
    }
    return QString();
}

std::optional<SecretKind> secretKindFromName(const QString &name)
{
    for (const SecretKind kind : {SecretKind::Password, SecretKind::Token, SecretKind::ClientSecret,
             SecretKind::KeyPassphrase}) {
        if (secretKindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString profileSecretKey(const QString &profileName, SecretKind kind)
{
    return QStringLiteral("profile/") + profileName + u'/' + secretKindName(kind);
}

SecretJob::SecretJob(Operation operation, const QString &key, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_key(key)
{
}

SecretJob::~SecretJob() = default;

void SecretJob::finish(Status status, const QByteArray &data, const QString &errorString)
{
    if (m_finishing)
        return;
    m_finishing = true;
    m_status = status;
    m_data = data;
    m_errorString = errorString;
    // Always later, from the event loop: the caller connects after the call returns.
    QMetaObject::invokeMethod(this, &SecretJob::emitFinished, Qt::QueuedConnection);
}

void SecretJob::emitFinished()
{
    emit finished(this);
    m_data.fill('\0');
    deleteLater();
}

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

namespace {
void whenFinished(SecretJob *job, QObject *context, const SecretStore::Callback &done)
{
    QObject::connect(job, &SecretJob::finished, context ? context : job,
        [done](SecretJob *finishedJob) { done(*finishedJob); });
}

// SecretJob's constructor and finish() are for implementations; this one is the memory store's.
class MemorySecretJob final : public SecretJob
{
public:
    MemorySecretJob(Operation operation, const QString &key, QObject *parent)
        : SecretJob(operation, key, parent)
    {
    }
    using SecretJob::finish;
};

QString noBackendMessage()
{
    return QStringLiteral("No keychain is available on this system: the secret is kept for this "
                          "run only.");
}
} // namespace

void SecretStore::read(const QString &key, QObject *context, Callback done)
{
    whenFinished(read(key), context, done);
}

void SecretStore::write(
    const QString &key, const QByteArray &secret, QObject *context, Callback done)
{
    whenFinished(write(key, secret), context, done);
}

void SecretStore::remove(const QString &key, QObject *context, Callback done)
{
    whenFinished(remove(key), context, done);
}

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent)
{
}

MemorySecretStore::~MemorySecretStore() = default;

SecretJob *MemorySecretStore::read(const QString &key)
{
    auto *job = new MemorySecretJob(SecretJob::Operation::Read, key, this);
    if (!m_available)
        job->finish(SecretJob::Status::NoBackend, {}, noBackendMessage());
    else if (const auto it = m_secrets.constFind(key); it != m_secrets.constEnd())
        job->finish(SecretJob::Status::Ok, *it);
    else
        job->finish(SecretJob::Status::NotFound);
    return job;
}

SecretJob *MemorySecretStore::write(const QString &key, const QByteArray &secret)
{
    auto *job = new MemorySecretJob(SecretJob::Operation::Write, key, this);
    if (!m_available) {
        job->finish(SecretJob::Status::NoBackend, {}, noBackendMessage());
    } else {
        m_secrets.insert(key, secret);
        job->finish(SecretJob::Status::Ok);
    }
    return job;
}

SecretJob *MemorySecretStore::remove(const QString &key)
{
    auto *job = new MemorySecretJob(SecretJob::Operation::Remove, key, this);
    if (!m_available)
        job->finish(SecretJob::Status::NoBackend, {}, noBackendMessage());
    else
        job->finish(m_secrets.remove(key) ? SecretJob::Status::Ok : SecretJob::Status::NotFound);
    return job;
}

std::optional<QByteArray> MemorySecretStore::value(const QString &key) const
{
    if (const auto it = m_secrets.constFind(key); it != m_secrets.constEnd())
        return *it;
    return std::nullopt;
}

} // namespace JobDesk
