// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ProfileSecrets.h"

#include <QPointer>

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <utility>

namespace JobDesk {

QString secretKindLabel(SecretKind kind)
{
    return secretKindName(kind).replace(u'-', u' ');
}

QList<SecretKind> allSecretKinds()
{
    return {SecretKind::Password, SecretKind::Token, SecretKind::ClientSecret,
        SecretKind::KeyPassphrase};
}

namespace {

// The loop's state lives as long as a pending callback holds it; nothing refers to itself.
struct KindLoop
{
    QList<SecretKind> kinds;
    int index = 0;
    bool hadContext = false;
    QPointer<QObject> context;
    std::function<void(const SecretLoopResult &)> done;
    SecretStep step;

    static void advance(const std::shared_ptr<KindLoop> &loop, const QString &error)
    {
        if (loop->hadContext && loop->context.isNull())
            return;
        if (!error.isEmpty() || loop->index >= loop->kinds.size()) {
            SecretLoopResult result;
            result.error = error;
            if (!error.isEmpty())
                result.failedKind = loop->kinds.at(loop->index - 1);
            if (loop->done)
                std::exchange(loop->done, nullptr)(result);
            return;
        }
        const SecretKind kind = loop->kinds.at(loop->index++);
        loop->step(kind, [loop](const QString &e) { advance(loop, e); });
    }
};

QString failure(const SecretJob &job)
{
    return job.errorString().isEmpty() ? QStringLiteral("The keychain failed") : job.errorString();
}

} // namespace

void forEachSecretKind(const QList<SecretKind> &kinds, QObject *context, SecretStep step,
    std::function<void(const SecretLoopResult &)> done)
{
    auto loop = std::make_shared<KindLoop>();
    loop->kinds = kinds;
    loop->hadContext = context != nullptr;
    loop->context = context;
    loop->done = std::move(done);
    loop->step = std::move(step);
    KindLoop::advance(loop, QString());
}

// ------------------------------------------------------------------------------------ reading

namespace {
QList<SecretKind> kindsWith(const QMap<SecretKind, SecretJob::Status> &status,
    std::initializer_list<SecretJob::Status> wanted)
{
    QList<SecretKind> found;
    for (auto it = status.cbegin(); it != status.cend(); ++it) {
        if (std::find(wanted.begin(), wanted.end(), it.value()) != wanted.end())
            found.append(it.key());
    }
    return found;
}
} // namespace

QList<SecretKind> SecretReadResult::missing() const
{
    return kindsWith(status, {SecretJob::Status::NotFound});
}

QList<SecretKind> SecretReadResult::noKeychain() const
{
    return kindsWith(status, {SecretJob::Status::NoBackend});
}

QList<SecretKind> SecretReadResult::failed() const
{
    return kindsWith(status, {SecretJob::Status::AccessDenied, SecretJob::Status::Failed});
}

std::optional<SecretKind> SecretReadResult::firstProblem() const
{
    for (const SecretKind kind : kinds) {
        if (status.value(kind, SecretJob::Status::Failed) != SecretJob::Status::Ok)
            return kind;
    }
    return std::nullopt;
}

QString SecretReadResult::firstError() const
{
    for (const SecretKind kind : kinds) {
        if (!errors.value(kind).isEmpty())
            return errors.value(kind);
    }
    return QString();
}

void readProfileSecrets(SecretStore *keychain, const QString &profileName,
    const QList<SecretKind> &kinds, const SecretReadPolicy &policy, QObject *context,
    std::function<void(const SecretReadResult &)> done)
{
    auto result = std::make_shared<SecretReadResult>();
    result->kinds = kinds;
    QPointer<SecretStore> store(keychain);
    QPointer<MemorySecretStore> session(policy.session);
    forEachSecretKind(
        kinds, context,
        [=](SecretKind kind, std::function<void(const QString &)> next) {
            if (!store) {
                result->status.insert(kind, SecretJob::Status::Failed);
                return next(QStringLiteral("The secret store is gone"));
            }
            store->read(profileSecretKey(profileName, kind), context, [=](const SecretJob &job) {
                SecretJob::Status status = job.status();
                if (status == SecretJob::Status::Ok) {
                    result->secrets.insert(kind, job.data());
                } else if (const std::optional<QByteArray> kept = session
                        ? session->value(profileSecretKey(profileName, kind))
                        : std::nullopt) {
                    // Kept for this run only: it fills what the keychain does not have.
                    status = SecretJob::Status::Ok;
                    result->secrets.insert(kind, *kept);
                } else if (status != SecretJob::Status::NotFound) {
                    result->errors.insert(kind, failure(job));
                }
                result->status.insert(kind, status);
                const SecretReadPolicy::Then then = status == SecretJob::Status::Ok
                    ? SecretReadPolicy::Then::Continue
                    : status == SecretJob::Status::NotFound ? policy.nothingStored
                                                            : policy.noKeychain;
                // Stopping is the policy's answer, not a failure of the loop.
                next(then == SecretReadPolicy::Then::Stop ? QStringLiteral("stop") : QString());
            });
        },
        [result, done](const SecretLoopResult &) { done(*result); });
}

// ------------------------------------------------------------------------------------ writing

void writeProfileSecrets(SecretStore *keychain, MemorySecretStore *session,
    const QString &profileName, const ConnectionSecrets &secrets, QObject *context,
    std::function<void(const SecretWriteResult &)> done)
{
    auto result = std::make_shared<SecretWriteResult>();
    QPointer<SecretStore> store(keychain);
    QPointer<MemorySecretStore> sessionStore(session);
    forEachSecretKind(
        secrets.values.keys(), context,
        [=](SecretKind kind, std::function<void(const QString &)> next) {
            if (!store) {
                if (result->error.isEmpty())
                    result->error = QStringLiteral("The secret store is gone");
                return next(QString());
            }
            const QString key = profileSecretKey(profileName, kind);
            const QByteArray value = secrets.value(kind);
            store->write(key, value, context, [=](const SecretJob &job) {
                if (job.status() == SecretJob::Status::NoBackend && sessionStore) {
                    result->keptForThisRun.append(kind);
                    sessionStore->write(
                        key, value, context, [next](const SecretJob &) { next(QString()); });
                    return;
                }
                if (job.status() != SecretJob::Status::Ok && result->error.isEmpty())
                    result->error = failure(job);
                next(QString());
            });
        },
        [result, done](const SecretLoopResult &) { done(*result); });
}

void moveProfileSecrets(SecretStore *store, const QString &from, const QString &to,
    QObject *context, std::function<void(const SecretLoopResult &)> done)
{
    QPointer<SecretStore> s(store);
    forEachSecretKind(
        allSecretKinds(), context,
        [=](SecretKind kind, std::function<void(const QString &)> next) {
            if (!s)
                return next(QStringLiteral("The secret store is gone"));
            s->read(profileSecretKey(from, kind), context, [=](const SecretJob &read) {
                if (read.status() == SecretJob::Status::NotFound)
                    return next(QString());
                if (read.status() != SecretJob::Status::Ok || !s)
                    return next(failure(read));
                s->write(
                    profileSecretKey(to, kind), read.data(), context, [=](const SecretJob &write) {
                        if (write.status() != SecretJob::Status::Ok || !s)
                            return next(failure(write));
                        s->remove(
                            profileSecretKey(from, kind), context, [=](const SecretJob &removed) {
                                next(removed.succeeded() ? QString() : failure(removed));
                            });
                    });
            });
        },
        std::move(done));
}

void removeProfileSecrets(SecretStore *store, const QString &profile, QObject *context,
    std::function<void(const SecretLoopResult &)> done)
{
    QPointer<SecretStore> s(store);
    forEachSecretKind(
        allSecretKinds(), context,
        [=](SecretKind kind, std::function<void(const QString &)> next) {
            if (!s)
                return next(QStringLiteral("The secret store is gone"));
            s->remove(profileSecretKey(profile, kind), context, [=](const SecretJob &removed) {
                next(removed.succeeded() || removed.status() == SecretJob::Status::NoBackend
                        ? QString()
                        : failure(removed));
            });
        },
        std::move(done));
}

} // namespace JobDesk
