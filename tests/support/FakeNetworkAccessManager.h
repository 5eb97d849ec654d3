// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QPointer>
#include <QUrl>

#include <functional>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

class FakeReply;

/// A QNetworkAccessManager that never touches the network: every request is recorded and answered
/// with a canned reply, ASYNCHRONOUSLY (queued), so the code under test sees the real signal order
/// (requestSent — unless the error is one Qt reports before a connection carried anything —,
/// metaDataChanged, readyRead per chunk, finished). Replies come from a FIFO queue (`enqueue`) or,
/// when it is empty, from a handler (`setHandler`); with neither, the request gets a 599 error.
class FakeNetworkAccessManager final : public QNetworkAccessManager
{
    Q_OBJECT
public:
    using HeaderList = QList<QPair<QByteArray, QByteArray>>;

    struct Recorded
    {
        QByteArray method;
        QUrl url;
        HeaderList headers; ///< exactly the raw headers of the QNetworkRequest
        QByteArray body;
        QNetworkRequest request;
        /// Case-insensitive, empty when not set.
        QByteArray header(const QByteArray &name) const;
        bool hasHeader(const QByteArray &name) const;
    };

    struct Response
    {
        int status = 200;
        QByteArray reason;
        HeaderList headers;
        QByteArray body;
        int chunkSize = 0; ///< > 0: the body arrives in chunks of this size, one readyRead each
        /// A transport failure instead of an HTTP answer (status is then ignored).
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QString errorString;
#if QT_CONFIG(ssl)
        QList<QSslError> sslErrors; ///< emitted before a SslHandshakeFailedError
#endif
        bool neverAnswer = false; ///< stays open until aborted (timeouts, cancel)

        /// `status` with an application/json body (or none).
        static Response json(int status, const QByteArray &body = {});
        /// `status` with an application/problem+json body.
        static Response problem(int status, const QByteArray &body);
        static Response redirect(int status, const QByteArray &location);
        static Response networkError(QNetworkReply::NetworkError error, const QString &text = {});
        static Response hang();
        Response &withHeader(const QByteArray &name, const QByteArray &value);
    };
    using Handler = std::function<Response(const Recorded &)>;

    explicit FakeNetworkAccessManager(QObject *parent = nullptr);
    ~FakeNetworkAccessManager() override;

    void enqueue(const Response &response)
    {
        m_queue.append(response);
    }
    void setHandler(Handler handler)
    {
        m_handler = std::move(handler);
    }

    const QList<Recorded> &requests() const
    {
        return m_requests;
    }
    int requestCount() const
    {
        return static_cast<int>(m_requests.size());
    }
    Recorded lastRequest() const
    {
        return m_requests.isEmpty() ? Recorded {} : m_requests.last();
    }
    /// Requests whose path ends with `suffix`.
    int countPath(const QString &suffix) const;
    /// How many replies were aborted / had ignoreSslErrors() called (must stay 0).
    int abortedCount() const
    {
        return m_aborted;
    }
    int ignoreSslErrorsCount() const
    {
        return m_ignoredSsl;
    }

protected:
    QNetworkReply *createRequest(
        Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    friend class FakeReply;
    QList<Response> m_queue;
    Handler m_handler;
    QList<Recorded> m_requests;
    int m_aborted = 0;
    int m_ignoredSsl = 0;
};

Q_DECLARE_METATYPE(FakeNetworkAccessManager::Response)
