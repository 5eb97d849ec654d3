// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ConnectionFactory.h"

#include "core/connection/ConnectionSettings.h"
#include "core/http/JobsClient.h"
#include "core/http/OAuthClientCredentialsProvider.h"

#include <QPointer>

namespace JobDesk::ConnectionFactory {

ConnectionConfig configFor(const Profile &profile)
{
    ConnectionConfig config;
    config.profileName = profile.name;
    config.colour = profile.effectiveColor();
    config.production = profile.isProduction();
    if (const QString invalid = profile.validationError(); !invalid.isEmpty()) {
        config.error = QStringLiteral("profile '%1' is not usable: %2").arg(profile.name, invalid);
        return config;
    }
    const JobsClient::ApiRoot root = JobsClient::normalizeApiRoot(profile.apiAddress);
    if (!root.error.isEmpty()) {
        config.error = QStringLiteral("the API address '%1' of profile '%2' is not usable: %3")
                           .arg(profile.apiAddress, profile.name, root.error);
        return config;
    }
    config.apiRoot = root.url;
    config.tls.caBundleFile = profile.caBundlePath;
    config.tls.clientCertificateFile = profile.clientCertPath;
    config.tls.clientKeyFile = profile.clientKeyPath;
    if (profile.timeoutSeconds > 0)
        config.timeout = std::chrono::seconds(profile.timeoutSeconds);
    return config;
}

std::unique_ptr<AuthProvider> createAuthProvider(const Profile &profile,
    const QMap<SecretKind, QByteArray> &secrets, QNetworkAccessManager *nam, const TlsOptions &tls)
{
    AuthSettings auth = authSettingsFor(profile);
    // The authentication secret comes first in secretKinds(), the key passphrase last.
    const QList<SecretKind> kinds = profile.secretKinds();
    if (!kinds.isEmpty() && kinds.constFirst() != SecretKind::KeyPassphrase)
        auth.secret = QString::fromUtf8(secrets.value(kinds.constFirst()));
    std::unique_ptr<AuthProvider> provider = JobDesk::createAuthProvider(auth, nam);
    if (auto *oauth = qobject_cast<OAuthClientCredentialsProvider *>(provider.get()))
        oauth->setTlsOptions(tls);
    return provider;
}

namespace {

void readNext(SecretStore *store, const QString &profileName, QList<SecretKind> pending,
    const ProfileSecrets &sofar, QPointer<QObject> context,
    std::function<void(const ProfileSecrets &)> done)
{
    if (context.isNull())
        return;
    if (pending.isEmpty()) {
        done(sofar);
        return;
    }
    const SecretKind kind = pending.takeFirst();
    store->read(profileSecretKey(profileName, kind), context.data(),
        [store, profileName, pending, sofar, context, done, kind](const SecretJob &job) {
            ProfileSecrets next = sofar;
            switch (job.status()) {
            case SecretJob::Status::Ok:
                next.values.insert(kind, job.data());
                break;
            case SecretJob::Status::NotFound:
                next.missing.append(kind);
                break;
            case SecretJob::Status::NoBackend:
                next.noBackend.append(kind);
                break;
            case SecretJob::Status::AccessDenied:
            case SecretJob::Status::Failed:
                if (next.error.isEmpty())
                    next.error = job.errorString();
                next.missing.append(kind);
                break;
            }
            readNext(store, profileName, pending, next, context, done);
        });
}

} // namespace

void readSecrets(SecretStore *store, const Profile &profile, QObject *context,
    std::function<void(const ProfileSecrets &)> done)
{
    readNext(store, profile.name, profile.secretKinds(), ProfileSecrets {},
        QPointer<QObject>(context), std::move(done));
}

} // namespace JobDesk::ConnectionFactory
