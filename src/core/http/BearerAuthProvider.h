// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/AuthProvider.h"

namespace JobDesk {

/// A fixed bearer token (e.g. issued to a proxy in front of the cluster). It cannot be refreshed:
/// a 401 is reported as it is. The token is never logged.
class BearerAuthProvider final : public AuthProvider
{
    Q_OBJECT
public:
    explicit BearerAuthProvider(const QByteArray &token, QObject *parent = nullptr);
    ~BearerAuthProvider() override;

    QString kind() const override { return QStringLiteral("bearer"); }
    void authorize(QObject *context, Callback done) override;
    QList<QByteArray> secrets() const override;
    QByteArray redactedHeaderValue() const override;

private:
    QByteArray m_token;
};

} // namespace JobDesk
