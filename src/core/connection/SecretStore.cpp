// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/SecretStore.h"

#include "core/base/Logging.h"

#include <QMetaObject>
#include <QPointer>

#include <iterator>
#include <memory>
#include <utility>

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

namespace {
const SecretKind kAllKinds[] = {
    SecretKind::Password, SecretKind::Token, SecretKind::ClientSecret, SecretKind::KeyPassphrase};

using Next = std::function<void(const QString &)>;
using Step = std::function<void(SecretKind, Next)>;

// Runs `step(kind, next)` for each kind in turn; a step calls next(error) when it is done. The
// state lives as long as a pending callback holds it; nothing refers to itself.
struct KindChain
{
    int index = 0;
    bool hadContext = false;
    QPointer<QObject> context;
    std::function<void(const QString &)> done;
    Step step;

    static void advance(const std::shared_ptr<KindChain> &chain, const QString &error)
    {
        if (chain->hadContext && chain->context.isNull())
            return;
        if (!error.isEmpty() || chain->index >= int(std::size(kAllKinds))) {
            if (chain->done)
                std::exchange(chain->done, nullptr)(error);
            return;
        }
        const SecretKind kind = kAllKinds[chain->index++];
        chain->step(kind, [chain](const QString &e) { advance(chain, e); });
    }
};

void forEachKind(QObject *context, std::function<void(const QString &)> done, Step step)
{
    auto chain = std::make_shared<KindChain>();
    chain->hadContext = context != nullptr;
    chain->context = context;
    chain->done = std::move(done);
    chain->step = std::move(step);
    KindChain::advance(chain, QString());
}

QString failure(const SecretJob &job)
{
    return job.errorString().isEmpty() ? QStringLiteral("The keychain failed") : job.errorString();
}
} // namespace

void moveProfileSecrets(SecretStore *store, const QString &from, const QString &to,
    QObject *context, std::function<void(const QString &error)> done)
{
    QPointer<SecretStore> s(store);
    forEachKind(context, std::move(done), [=](SecretKind kind, Next next) {
        if (!s)
            return next(QStringLiteral("The secret store is gone"));
        s->read(profileSecretKey(from, kind), context, [=](const SecretJob &read) {
            if (read.status() == SecretJob::Status::NotFound)
                return next(QString());
            if (read.status() != SecretJob::Status::Ok || !s)
                return next(failure(read));
            s->write(profileSecretKey(to, kind), read.data(), context, [=](const SecretJob &write) {
                if (write.status() != SecretJob::Status::Ok || !s)
                    return next(failure(write));
                s->remove(profileSecretKey(from, kind), context, [=](const SecretJob &removed) {
                    next(removed.succeeded() ? QString() : failure(removed));
                });
            });
        });
    });
}

void removeProfileSecrets(SecretStore *store, const QString &profile, QObject *context,
    std::function<void(const QString &error)> done)
{
    QPointer<SecretStore> s(store);
    forEachKind(context, std::move(done), [=](SecretKind kind, Next next) {
        if (!s)
            return next(QStringLiteral("The secret store is gone"));
        s->remove(profileSecretKey(profile, kind), context, [=](const SecretJob &removed) {
            next(removed.succeeded() ? QString() : failure(removed));
        });
    });
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
