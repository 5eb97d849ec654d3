// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Outcome.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace JobDesk {

/// Supplies the `Authorization` header for API requests.
///
/// `authorize()` may be asynchronous (OAuth2 fetches a token first) and calls `done` exactly once,
/// on the object's thread, unless `context` is destroyed first. After a 401 the client calls
/// `invalidate()` and, when `canRefresh()` is true, asks again and retries the request once.
/// Implementations never log secrets; `secrets()` lists the values to redact wherever requests
/// are shown (history, details pane, curl export, --dry-run).
class AuthProvider : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        QByteArray headerValue; ///< e.g. "Bearer eyJ…"; empty for no auth
        QString error; ///< non-empty: authorization failed, the request is not sent
        /// With an error: the answer of the endpoint that refused (the OAuth token endpoint's
        /// status and body, secrets redacted), when one answered.
        std::optional<EndpointAnswer> refusal;

        static Result granted(const QByteArray &headerValue)
        {
            Result result;
            result.headerValue = headerValue;
            return result;
        }
        static Result failed(const QString &error)
        {
            Result result;
            result.error = error;
            return result;
        }
    };
    using Callback = std::function<void(const Result &)>;

    explicit AuthProvider(QObject *parent = nullptr);
    ~AuthProvider() override;

    /// "none", "basic", "bearer", "oauth".
    virtual QString kind() const = 0;
    virtual void authorize(QObject *context, Callback done) = 0;
    /// Drop any cached credential (a token the server refused).
    virtual void invalidate() { }
    /// The server answered 401 to a request sent with `headerValue`. The default invalidates;
    /// a provider that has meanwhile replaced that credential keeps the newer one, so several
    /// requests refused for the same old token cause one refresh, not one each.
    virtual void rejected(const QByteArray &headerValue)
    {
        Q_UNUSED(headerValue)
        invalidate();
    }
    virtual bool canRefresh() const { return false; }
    /// Secret values that must never be shown (passwords, tokens, client secrets).
    virtual QList<QByteArray> secrets() const { return {}; }
    /// The Authorization value as shown in records and previews, e.g. "Bearer <redacted>";
    /// empty when no Authorization header is sent.
    virtual QByteArray redactedHeaderValue() const { return {}; }

    static constexpr const char *kRedacted = "<redacted>";

private:
    Q_DISABLE_COPY_MOVE(AuthProvider)
};

/// No Authorization header.
class NoAuthProvider final : public AuthProvider
{
    Q_OBJECT
public:
    using AuthProvider::AuthProvider;
    QString kind() const override { return QStringLiteral("none"); }
    void authorize(QObject *context, Callback done) override;
};

} // namespace JobDesk
