// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/SecretStore.h"

namespace JobDesk {

/// Secrets in the OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS,
/// Credential Manager on Windows).
///
/// The insecure fallback (a plain-text file) is always switched off: without a keychain every
/// job finishes with SecretJob::Status::NoBackend and the window keeps the secret for this run
/// only. QtKeychain's EntryNotFound becomes Status::NotFound ("nothing stored yet"). The service
/// name is AppInfo::applicationId() unless another is given (tests use their own). Secrets are
/// never logged; only keys and outcomes go to `jobdesk.secrets`.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject *parent = nullptr);
    explicit KeychainSecretStore(const QString &service, QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    QString service() const { return m_service; }

    using SecretStore::read;
    using SecretStore::remove;
    using SecretStore::write;
    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QByteArray &secret) override;
    SecretJob *remove(const QString &key) override;

private:
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)
    QString m_service;
};

} // namespace JobDesk
