// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/BasicAuthProvider.h"

namespace JobDesk {

BasicAuthProvider::BasicAuthProvider(
    const QString &username, const QString &password, QObject *parent)
    : AuthProvider(parent)
    , m_username(username)
    , m_password(password.toUtf8())
    , m_headerValue(QByteArrayLiteral("Basic ")
          + QByteArray(username.toUtf8() + ':' + password.toUtf8()).toBase64())
{
}

BasicAuthProvider::~BasicAuthProvider() = default;

void BasicAuthProvider::authorize(QObject *context, Callback done)
{
    Q_UNUSED(context)
    Result result;
    if (m_username.isEmpty())
        result.error = QStringLiteral("basic authentication needs a user name");
    else if (m_username.contains(QLatin1Char(':')))
        result.error = QStringLiteral("a basic authentication user name cannot contain ':'");
    else
        result.headerValue = m_headerValue;
    done(result);
}

QList<QByteArray> BasicAuthProvider::secrets() const
{
    QList<QByteArray> list;
    if (!m_password.isEmpty())
        list << m_password;
    list << m_headerValue.mid(6);
    return list;
}

QByteArray BasicAuthProvider::redactedHeaderValue() const
{
    return QByteArrayLiteral("Basic ") + kRedacted;
}

} // namespace JobDesk
