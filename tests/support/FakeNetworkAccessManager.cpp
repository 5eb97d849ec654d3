// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/FakeNetworkAccessManager.h"

#include <QTimer>

#include <algorithm>

/// A canned answer, delivered step by step through the event loop.
class FakeReply final : public QNetworkReply
{
    Q_OBJECT
public:
    FakeReply(FakeNetworkAccessManager *manager, QNetworkAccessManager::Operation op,
        const QNetworkRequest &request, const QByteArray &method,
        const FakeNetworkAccessManager::Response &response)
        : QNetworkReply(manager)
        , m_manager(manager)
        , m_response(response)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        if (op == QNetworkAccessManager::CustomOperation)
            setAttribute(QNetworkRequest::CustomVerbAttribute, method);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        // As Qt does once the request is written to a connection (not when none was made).
        QTimer::singleShot(0, this, [this] {
            if (!m_done && !failsBeforeSending(m_response.error))
                emit requestSent();
        });
        if (!response.neverAnswer)
            QTimer::singleShot(0, this, &FakeReply::respond);
    }

    void abort() override
    {
        if (isFinished())
            return;
        ++m_manager->m_aborted;
        m_done = true;
        setError(OperationCanceledError, QStringLiteral("Operation canceled"));
        setFinished(true);
        emit errorOccurred(OperationCanceledError);
        emit finished();
    }
    qint64 bytesAvailable() const override { return m_buffer.size() + QIODevice::bytesAvailable(); }
    bool isSequential() const override { return true; }

#if QT_CONFIG(ssl)
    void ignoreSslErrors() override
    {
        ++m_manager->m_ignoredSsl;
    }
#endif

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_buffer.size());
        std::copy_n(m_buffer.constData(), n, data);
        m_buffer.remove(0, n);
        return n;
    }

private:
    void respond()
    {
        if (m_done)
            return;
        const auto &r = m_response;
        if (r.error != NoError) {
#if QT_CONFIG(ssl)
            if (!r.sslErrors.isEmpty())
                emit sslErrors(r.sslErrors);
#endif
            if (m_done)
                return;
            m_done = true;
            setError(r.error,
                r.errorString.isEmpty() ? QStringLiteral("fake network error") : r.errorString);
            setFinished(true);
            emit errorOccurred(r.error);
            emit finished();
            return;
        }
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, r.status);
        setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, r.reason);
        bool hasLength = false;
        for (const auto &[name, value] : r.headers) {
            setRawHeader(name, value);
            hasLength = hasLength || name.compare("Content-Length", Qt::CaseInsensitive) == 0;
        }
        if (!hasLength)
            setHeader(QNetworkRequest::ContentLengthHeader, r.body.size());
        if (r.status >= 300 && r.status < 400) {
            const QByteArray location = rawHeader("Location");
            if (!location.isEmpty())
                setAttribute(
                    QNetworkRequest::RedirectionTargetAttribute, QUrl::fromEncoded(location));
        }
        // The same mapping Qt applies to error statuses, so status errors look real.
        if (r.status >= 400)
            setError(errorForStatus(r.status), QStringLiteral("HTTP %1").arg(r.status));
        emit metaDataChanged();
        m_remaining = r.body;
        QTimer::singleShot(0, this, &FakeReply::deliverChunk);
    }

    void deliverChunk()
    {
        if (m_done)
            return;
        if (!m_remaining.isEmpty()) {
            const qsizetype size
                = m_response.chunkSize > 0 ? m_response.chunkSize : m_remaining.size();
            m_buffer += m_remaining.left(size);
            m_remaining.remove(0, std::min(size, m_remaining.size()));
            emit readyRead();
            if (m_done)
                return;
            emit downloadProgress(
                m_response.body.size() - m_remaining.size(), m_response.body.size());
            QTimer::singleShot(0, this, &FakeReply::deliverChunk);
            return;
        }
        m_done = true;
        setFinished(true);
        if (error() != NoError)
            emit errorOccurred(error());
        emit finished();
    }

    static bool failsBeforeSending(NetworkError error)
    {
        switch (error) {
        case ConnectionRefusedError:
        case HostNotFoundError:
        case SslHandshakeFailedError:
        case ProxyConnectionRefusedError:
        case ProxyNotFoundError:
        case ProxyTimeoutError:
        case ProxyAuthenticationRequiredError:
        case UnknownProxyError:
        case ProtocolUnknownError:
        case TemporaryNetworkFailureError:
        case TimeoutError:
            return true;
        default:
            return false;
        }
    }

    static NetworkError errorForStatus(int status)
    {
        switch (status) {
        case 401:
            return AuthenticationRequiredError;
        case 403:
            return ContentAccessDenied;
        case 404:
            return ContentNotFoundError;
        case 405:
            return ContentOperationNotPermittedError;
        case 409:
            return ContentConflictError;
        case 410:
            return ContentGoneError;
        case 500:
            return InternalServerError;
        case 501:
            return OperationNotImplementedError;
        case 503:
            return ServiceUnavailableError;
        default:
            return status >= 500 ? UnknownServerError : UnknownContentError;
        }
    }

    FakeNetworkAccessManager *m_manager;
    FakeNetworkAccessManager::Response m_response;
    QByteArray m_buffer;
    QByteArray m_remaining;
    bool m_done = false;
};

// ------------------------------------------------------------------------------------------------

QByteArray FakeNetworkAccessManager::Recorded::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool FakeNetworkAccessManager::Recorded::hasHeader(const QByteArray &name) const
{
    return std::any_of(headers.cbegin(), headers.cend(),
        [&name](const auto &pair) { return pair.first.compare(name, Qt::CaseInsensitive) == 0; });
}

using Response = FakeNetworkAccessManager::Response;

Response Response::json(int status, const QByteArray &body)
{
    Response r;
    r.status = status;
    r.body = body;
    if (!body.isEmpty())
        r.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return r;
}

Response Response::problem(int status, const QByteArray &body)
{
    Response r;
    r.status = status;
    r.body = body;
    r.headers.append(
        {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/problem+json")});
    return r;
}

Response Response::redirect(int status, const QByteArray &location)
{
    Response r;
    r.status = status;
    r.headers.append({QByteArrayLiteral("Location"), location});
    return r;
}

Response Response::networkError(QNetworkReply::NetworkError error, const QString &text)
{
    Response r;
    r.error = error;
    r.errorString = text;
    return r;
}

Response Response::hang()
{
    Response r;
    r.neverAnswer = true;
    return r;
}

Response &Response::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

FakeNetworkAccessManager::FakeNetworkAccessManager(QObject *parent)
    : QNetworkAccessManager(parent)
{
}

FakeNetworkAccessManager::~FakeNetworkAccessManager() = default;

int FakeNetworkAccessManager::countPath(const QString &suffix) const
{
    return static_cast<int>(std::count_if(m_requests.cbegin(), m_requests.cend(),
        [&suffix](const Recorded &r) { return r.url.path().endsWith(suffix); }));
}

QNetworkReply *FakeNetworkAccessManager::createRequest(
    Operation op, const QNetworkRequest &request, QIODevice *outgoingData)
{
    Recorded recorded;
    switch (op) {
    case HeadOperation:
        recorded.method = QByteArrayLiteral("HEAD");
        break;
    case GetOperation:
        recorded.method = QByteArrayLiteral("GET");
        break;
    case PutOperation:
        recorded.method = QByteArrayLiteral("PUT");
        break;
    case PostOperation:
        recorded.method = QByteArrayLiteral("POST");
        break;
    case DeleteOperation:
        recorded.method = QByteArrayLiteral("DELETE");
        break;
    default:
        recorded.method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        break;
    }
    recorded.url = request.url();
    for (const QByteArray &name : request.rawHeaderList())
        recorded.headers.append({name, request.rawHeader(name)});
    if (outgoingData)
        recorded.body = outgoingData->readAll();
    recorded.request = request;
    m_requests.append(recorded);

    Response response;
    if (!m_queue.isEmpty())
        response = m_queue.takeFirst();
    else if (m_handler)
        response = m_handler(recorded);
    else
        response = Response::problem(599,
            QByteArrayLiteral(
                R"({"title":"FAKE_NO_ANSWER","detail":"the test queued no answer for this request"})"));
    return new FakeReply(this, op, request, recorded.method, response);
}

#include "FakeNetworkAccessManager.moc"
