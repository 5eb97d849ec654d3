// SPDX-License-Identifier: GPL-3.0-or-later
// A tiny HTTP client for the sandbox's in-process tests: real requests over loopback with
// QNetworkAccessManager, waited for with QSignalSpy (no fixed sleeps).
#pragma once

#include "sandbox/SandboxServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

struct HttpAnswer
{
    int status = 0;
    QByteArray contentType;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

/// Starts a SandboxServer on a free loopback port and talks to it.
class SandboxHarness
{
public:
    explicit SandboxHarness(JobDesk::Sandbox::SandboxOptions options)
    {
        options.host = QStringLiteral("127.0.0.1");
        options.port = 0;
        m_server = std::make_unique<JobDesk::Sandbox::SandboxServer>(options);
        QString error;
        m_loaded = m_server->loadJobs(&error) && m_server->start(&error) != 0;
        m_error = error;
        m_network.setProxy(QNetworkProxy::NoProxy);
    }

    bool ok() const { return m_loaded; }
    QString error() const { return m_error; }
    JobDesk::Sandbox::SandboxServer &server() { return *m_server; }
    QNetworkAccessManager &network() { return m_network; }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path));
    }

    QNetworkReply *start(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(url(path));
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &h : headers)
            request.setRawHeader(h.first, h.second);
        return m_network.sendCustomRequest(request, method, body);
    }

    static HttpAnswer finish(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QSignalSpy spy(reply, &QNetworkReply::finished);
            spy.wait(15000);
        }
        HttpAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        answer.body = reply->readAll();
        answer.headers = reply->rawHeaderPairs();
        answer.error = reply->error();
        reply->deleteLater();
        return answer;
    }

    HttpAnswer send(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return finish(start(method, path, body, headers));
    }

    HttpAnswer post(const QString &path, const QByteArray &body = {})
    {
        return send(QByteArrayLiteral("POST"), path, body);
    }

    /// The first job of the store matching `predicate` (demo data), or nullptr.
    template <typename Predicate> const JobDesk::Sandbox::Job *findJob(Predicate predicate)
    {
        for (const auto &job : m_server->store().jobs()) {
            if (predicate(job))
                return &job;
        }
        return nullptr;
    }

private:
    std::unique_ptr<JobDesk::Sandbox::SandboxServer> m_server;
    QNetworkAccessManager m_network;
    bool m_loaded = false;
    QString m_error;
};

inline QString completionPath(qint64 key)
{
    return QStringLiteral("/v2/jobs/%1/completion").arg(key);
}
