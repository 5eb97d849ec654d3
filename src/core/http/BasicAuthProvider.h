// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/AuthProvider.h"

namespace JobDesk {

/// HTTP Basic authentication (RFC 7617), as self-managed Camunda (Helm) uses by default.
/// The password comes from the keychain at construction and is never logged.
class BasicAuthProvider final : public AuthProvider
{
    Q_OBJECT
public:
    BasicAuthProvider(const QString &username, const QString &password, QObject *parent = nullptr);
    ~BasicAuthProvider() override;

    QString kind() const override { return QStringLiteral("basic"); }
    void authorize(QObject *context, Callback done) override;
    QList<QByteArray> secrets() const override;
    QByteArray redactedHeaderValue() const override;

    const QString &username() const { return m_username; }

private:
    QString m_username;
    QByteArray m_password;
    QByteArray m_headerValue;
};

} // namespace JobDesk
