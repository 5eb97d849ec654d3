// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/BearerAuthProvider.h"

namespace JobDesk {

BearerAuthProvider::BearerAuthProvider(const QByteArray &token, QObject *parent)
    : AuthProvider(parent)
    , m_token(token.trimmed())
{
}

BearerAuthProvider::~BearerAuthProvider() = default;

void BearerAuthProvider::authorize(QObject *context, Callback done)
{
    Q_UNUSED(context)
    Result result;
    if (m_token.isEmpty())
        result.error = QStringLiteral("no bearer token is set for this connection");
    else if (m_token.contains('\n') || m_token.contains('\r') || m_token.contains(' '))
        result.error = QStringLiteral("the bearer token contains spaces or line breaks — paste "
                                      "only the token itself");
    else
        result.headerValue = QByteArrayLiteral("Bearer ") + m_token;
    done(result);
}

QList<QByteArray> BearerAuthProvider::secrets() const
{
    if (m_token.isEmpty())
        return {};
    return {m_token};
}

QByteArray BearerAuthProvider::redactedHeaderValue() const
{
    return QByteArrayLiteral("Bearer ") + kRedacted;
}

} // namespace JobDesk
