// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace JobDesk {

/// Which secret of a profile: one keychain entry each.
enum class SecretKind {
    Password, ///< basic auth password
    Token, ///< bearer token
    ClientSecret, ///< OAuth2 client secret
    KeyPassphrase, ///< passphrase of the mTLS client key
};

/// "password", "token", "client-secret", "key-passphrase".
QString secretKindName(SecretKind kind);
std::optional<SecretKind> secretKindFromName(const QString &name);
/// The keychain key of a profile's secret: "profile/<name>/<kind>".
QString profileSecretKey(const QString &profileName, SecretKind kind);

/// One read, write or remove in flight. Emits `finished` exactly once, always from the event
/// loop (never inside the call that created it), and deletes itself afterwards.
class SecretJob : public QObject
{
    Q_OBJECT
public:
    enum class Operation { Read, Write, Remove };
    enum class Status {
        Ok, ///< done (for Read: data() holds the secret)
        NotFound, ///< nothing stored under this key yet (Read/Remove); not a failure
        NoBackend, ///< no keychain on this system: keep the secret for this run only
        AccessDenied, ///< the keychain refused (locked, or the person said no)
        Failed, ///< anything else; see errorString()
    };
    Q_ENUM(Status)

    ~SecretJob() override;

    Operation operation() const { return m_operation; }
    QString key() const { return m_key; }
    Status status() const { return m_status; }
    /// Ok, or NotFound (which means "nothing stored", not an error).
    bool succeeded() const { return m_status == Status::Ok || m_status == Status::NotFound; }
    /// For a successful Read: the secret. Never log it.
    QByteArray data() const { return m_data; }
    /// A sentence for the person when status() is NoBackend, AccessDenied or Failed.
    QString errorString() const { return m_errorString; }

signals:
    void finished(JobDesk::SecretJob *job);

protected:
    SecretJob(Operation operation, const QString &key, QObject *parent);
    /// Implementations call this once; emission is queued to the event loop.
    void finish(Status status, const QByteArray &data = {}, const QString &errorString = {});

private:
    Q_DISABLE_COPY_MOVE(SecretJob)
    void emitFinished();

    Operation m_operation;
    QString m_key;
    Status m_status = Status::Failed;
    QByteArray m_data;
    QString m_errorString;
    bool m_finishing = false;
};

/// Asynchronous storage of secrets (passwords, tokens, client secrets) by key.
///
/// Every call returns a job at once; connect to its `finished` signal (it is emitted later,
/// from the event loop) or pass a callback to the convenience overloads. Keys are built with
/// profileSecretKey(). The real implementation is KeychainSecretStore (OS keychain, never a
/// file); MemorySecretStore serves tests and the "no keychain: this run only" fallback.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretJob &)>;

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    virtual SecretJob *read(const QString &key) = 0;
    virtual SecretJob *write(const QString &key, const QByteArray &secret) = 0;
    virtual SecretJob *remove(const QString &key) = 0;

    /// Convenience: runs `done` when the job finishes, unless `context` was destroyed first.
    void read(const QString &key, QObject *context, Callback done);
    void write(const QString &key, const QByteArray &secret, QObject *context, Callback done);
    void remove(const QString &key, QObject *context, Callback done);

private:
    Q_DISABLE_COPY_MOVE(SecretStore)
};

/// Secrets in memory only: for unit tests, and for keeping a secret "for this run only" when
/// no keychain is available. `setAvailable(false)` makes every job fail with NoBackend, so the
/// window's fallback path can be tested.
class MemorySecretStore final : public SecretStore
{
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override;

    using SecretStore::read;
    using SecretStore::remove;
    using SecretStore::write;
    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QByteArray &secret) override;
    SecretJob *remove(const QString &key) override;

    void setAvailable(bool available) { m_available = available; }
    bool isAvailable() const { return m_available; }
    /// Synchronous peek for tests and the session fallback.
    std::optional<QByteArray> value(const QString &key) const;
    int size() const { return int(m_secrets.size()); }

private:
    Q_DISABLE_COPY_MOVE(MemorySecretStore)
    QHash<QString, QByteArray> m_secrets;
    bool m_available = true;
};

} // namespace JobDesk
