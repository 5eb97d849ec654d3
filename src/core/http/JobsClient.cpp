// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/JobsClient.h"

#include "core/base/AppInfo.h"
#include "core/base/Logging.h"
#include "core/camunda/CompletionRequest.h"
#include "core/http/ClientConnection.h"
#include "core/http/SecretRedactor.h"

#include <QTimer>

namespace JobDesk {

namespace {

QByteArray acceptHeader()
{
    return QByteArrayLiteral("application/json, application/problem+json");
}

QString withoutLeadingSlashes(QString path)
{
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    return path;
}

} // namespace

// ---------------------------------------------------------------------------------------- ApiCall

ApiCall::ApiCall(QObject *parent)
    : QObject(parent)
{
}

ApiCall::~ApiCall()
{
    detachExchange();
}

void ApiCall::detachExchange()
{
    if (HttpExchange *exchange = m_exchange) {
        m_exchange.clear();
        QObject::disconnect(exchange, nullptr, this, nullptr);
        delete exchange; // aborts what is still on the wire
    }
}

void ApiCall::emitFinished()
{
    if (m_finished)
        return;
    m_finished = true;
    m_authorization.clear();
    detachExchange();
    m_outcome.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    const RequestRecord &record = m_outcome.request;
    if (m_outcome.httpStatus)
        qCInfo(lcApi).noquote() << record.method << record.url.toString() << "→ HTTP"
                                << *m_outcome.httpStatus << outcomeKindName(m_outcome.kind) << "in"
                                << m_outcome.elapsedMs << "ms";
    else
        qCInfo(lcApi).noquote() << record.method << record.url.toString() << "→"
                                << outcomeKindName(m_outcome.kind) << m_outcome.transportError
                                << "in" << m_outcome.elapsedMs << "ms";
    emit finished(m_outcome);
}

void ApiCall::cancel()
{
    if (m_finished)
        return;
    if (HttpExchange *exchange = m_exchange)
        exchange->cancel(); // finishes the call right here
    if (!m_finished) {
        m_outcome.kind = OutcomeKind::Cancelled;
        m_outcome.transportError = QStringLiteral("cancelled before an answer arrived");
        emitFinished();
    }
}

// ------------------------------------------------------------------------------------- JobsClient

JobsClient::JobsClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
}

JobsClient::~JobsClient() = default;

QByteArray JobsClient::userAgent()
{
    // Every request names it: formatted once.
    static const QByteArray agent
        = QStringLiteral("%1/%2 (Qt %3)")
              .arg(AppInfo::name(), AppInfo::version(), QString::fromLatin1(qVersion()))
              .toUtf8();
    return agent;
}

QString JobsClient::setConnection(const ClientConnection &connection)
{
    setApiRoot(connection.apiRoot);
    setTimeout(connection.timeout);
    setAuthProvider(connection.auth.get());
    return setTlsOptions(connection.tls);
}

void JobsClient::setApiRoot(const QUrl &root)
{
    const ApiRoot normalized = normalizeApiRoot(root.toString());
    m_apiRoot = normalized.error.isEmpty() ? normalized.url : root;
    m_apiRootError = normalized.error;
}

QString JobsClient::setTlsOptions(const TlsOptions &options)
{
    m_tls = options;
    return options.validate();
}

void JobsClient::setAuthProvider(AuthProvider *auth)
{
    m_auth = auth;
}

RequestRecord JobsClient::describe(
    const QByteArray &method, const QString &relativePath, const QByteArray &body) const
{
    ApiRequest request;
    request.action = ActionKind::Lookup;
    request.method = method;
    request.relativePath = relativePath;
    request.body = body;
    return describe(request);
}

RequestRecord JobsClient::describe(const ApiRequest &request) const
{
    RequestRecord record;
    record.action = request.action;
    record.subjectKey = request.subjectKey;
    record.method = request.method.toUpper();
    // The URL and the body are recorded exactly as they go out: only header values carry secrets.
    record.url = m_apiRoot.resolved(QUrl(withoutLeadingSlashes(request.relativePath)));
    if (!request.body.isEmpty() || record.method == "POST" || record.method == "PUT"
        || record.method == "PATCH")
        record.headers.append(
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    record.headers.append({QByteArrayLiteral("Accept"), acceptHeader()});
    record.headers.append({QByteArrayLiteral("User-Agent"), userAgent()});
    if (m_auth && !m_auth->redactedHeaderValue().isEmpty())
        record.headers.append({QByteArrayLiteral("Authorization"), m_auth->redactedHeaderValue()});
    record.body = request.body;
    return record;
}

RequestRecord JobsClient::describeCompletion(const CompletionRequest &request) const
{
    return describe(request.toApiRequest());
}

ApiCall *JobsClient::complete(const CompletionRequest &request)
{
    ApiCall *call = createCall(request.toApiRequest());
    if (const QString invalid = request.validationError(); !invalid.isEmpty())
        failLater(call, OutcomeKind::TransportError, QStringLiteral("not sent: %1").arg(invalid));
    else
        QTimer::singleShot(0, call, [this, call] { start(call); });
    return call;
}

ApiCall *JobsClient::topology()
{
    ApiRequest request;
    request.action = ActionKind::Topology;
    request.method = QByteArrayLiteral("GET");
    request.relativePath = QStringLiteral("topology");
    return send(request);
}

ApiCall *JobsClient::send(
    const QByteArray &method, const QString &relativePath, const QByteArray &body)
{
    ApiRequest request;
    request.action = ActionKind::Lookup;
    request.method = method;
    request.relativePath = relativePath;
    request.body = body;
    return send(request);
}

ApiCall *JobsClient::send(const ApiRequest &request)
{
    ApiCall *call = createCall(request);
    QTimer::singleShot(0, call, [this, call] { start(call); });
    return call;
}

ApiCall *JobsClient::createCall(const ApiRequest &request)
{
    auto *call = new ApiCall(this);
    call->m_clock.start();
    call->m_limits = m_limits;
    call->m_request = request;
    call->m_request.method = request.method.toUpper();
    call->m_outcome.request = describe(request);
    call->m_url = call->m_outcome.request.url; // recorded exactly as it goes out
    return call;
}

void JobsClient::failLater(ApiCall *call, OutcomeKind kind, const QString &message)
{
    // Finish after the caller has had the chance to connect to `finished`.
    QTimer::singleShot(0, call, [call, kind, message] {
        if (call->m_finished)
            return;
        call->m_outcome.kind = kind;
        call->m_outcome.transportError = message;
        call->emitFinished();
    });
}

void JobsClient::start(ApiCall *call)
{
    if (call->m_finished)
        return;
    if (m_apiRoot.isEmpty()) {
        call->m_outcome.transportError = QStringLiteral("not sent: no API address is set");
        call->emitFinished();
        return;
    }
    if (!m_apiRootError.isEmpty()) {
        call->m_outcome.transportError = QStringLiteral("not sent: %1").arg(m_apiRootError);
        call->emitFinished();
        return;
    }
    if (!m_auth) {
        dispatch(call, {});
        return;
    }
    m_auth->authorize(call, [this, call](const AuthProvider::Result &result) {
        if (call->m_finished)
            return;
        if (!result.error.isEmpty()) {
            failAuthentication(call, result);
            return;
        }
        dispatch(call, result.headerValue);
    });
}

void JobsClient::failAuthentication(ApiCall *call, const AuthProvider::Result &result)
{
    Outcome &outcome = call->m_outcome;
    const SecretRedactor redactor(m_auth ? m_auth->secrets() : QList<QByteArray> {});
    outcome.transportError
        = QStringLiteral("not sent: authentication failed: %1").arg(redactor.redact(result.error));
    if (result.refusal) {
        // The token endpoint answered: its refusal is an answer, not a lost connection.
        EndpointAnswer refusal = *result.refusal;
        refusal.reasonPhrase = redactor.redact(refusal.reasonPhrase);
        for (auto &header : refusal.headers)
            header.second = redactor.redact(header.second);
        refusal.body = redactor.redact(refusal.body);
        outcome.kind = OutcomeKind::Unauthorized;
        outcome.tokenAnswer = refusal;
    } else {
        outcome.kind = OutcomeKind::TransportError;
    }
    call->emitFinished();
}

void JobsClient::dispatch(ApiCall *call, const QByteArray &authorization)
{
    HttpRequest request;
    request.method = call->m_request.method;
    request.url = call->m_url;
    for (const auto &[name, value] : std::as_const(call->m_outcome.request.headers)) {
        if (name != "Authorization")
            request.headers.append({name, value});
    }
    call->m_authorization = authorization;
    if (!authorization.isEmpty())
        request.headers.append({QByteArrayLiteral("Authorization"), authorization});
    request.body = call->m_request.body;
    request.sendOnce = call->m_request.changesState();

    qCDebug(lcApi).noquote() << "sending" << request.method << request.url.toString()
                             << request.body.size() << "bytes";
    auto *exchange = new HttpExchange(m_nam, request, call->m_limits, m_tls, call);
    call->m_exchange = exchange;
    connect(exchange, &HttpExchange::finished, call,
        [this, call](const HttpResult &result) { onExchangeFinished(call, result); });
    exchange->start();
}

void JobsClient::onExchangeFinished(ApiCall *call, const HttpResult &result)
{
    if (call->m_finished)
        return;
    if (HttpExchange *exchange = call->m_exchange) {
        call->m_exchange.clear();
        exchange->deleteLater();
    }
    const bool answered
        = result.ending == HttpEnding::Answered || result.ending == HttpEnding::PartialAnswer;
    if (answered && result.status == 401 && !call->m_retriedAfter401 && m_auth) {
        // A 401 means nothing was applied: asking again with fresh credentials is safe.
        m_auth->rejected(call->m_authorization);
        if (m_auth->canRefresh()) {
            qCInfo(lcApi) << "401: refreshing the credentials and retrying once";
            call->m_retriedAfter401 = true;
            start(call);
            return;
        }
    }

    Outcome &outcome = call->m_outcome;
    // Whatever the server sent back may echo a secret of the request: redact it everywhere.
    const SecretRedactor redactor(m_auth ? m_auth->secrets() : QList<QByteArray> {});
    switch (result.ending) {
    case HttpEnding::Answered:
    case HttpEnding::PartialAnswer: {
        const int status = result.status.value_or(0);
        outcome.httpStatus = status;
        outcome.reasonPhrase = redactor.redact(result.reasonPhrase);
        outcome.responseHeaders.clear();
        for (const auto &[name, value] : result.headers)
            outcome.responseHeaders.append({name, redactor.redact(value)});
        outcome.rawBody = redactor.redact(result.body);
        outcome.bodyTotalBytes = result.bodyTotalBytes;
        outcome.bodyTruncated = result.bodyTruncated;
        outcome.problem = ProblemDetails::parse(
            outcome.rawBody, outcome.responseHeader(QByteArrayLiteral("Content-Type")));
        outcome.answerIncomplete = result.ending == HttpEnding::PartialAnswer;
        outcome.transportError
            = outcome.answerIncomplete ? redactor.redact(result.error) : QString();
        if (status >= 300 && status < 400) {
            outcome.kind = OutcomeKind::Redirected;
            outcome.redirectLocation = result.redirectTarget.isEmpty()
                ? QString()
                : redactor.redact(result.redirectTarget.toString());
        } else {
            outcome.kind = classifyHttpStatus(status, outcome.problem);
        }
        break;
    }
    case HttpEnding::SentNoAnswer:
        // A change that may have been applied; a read that got no answer is just that.
        outcome.kind = call->m_request.changesState() ? OutcomeKind::SentNoAnswer
                                                      : OutcomeKind::TransportError;
        outcome.transportError = redactor.redact(result.error);
        break;
    case HttpEnding::NotSent:
        outcome.kind = OutcomeKind::TransportError;
        outcome.transportError = redactor.redact(result.error);
        break;
    case HttpEnding::Cancelled:
        outcome.kind = OutcomeKind::Cancelled;
        outcome.transportError = QStringLiteral("cancelled before an answer arrived");
        break;
    }
    call->emitFinished();
}

} // namespace JobDesk
