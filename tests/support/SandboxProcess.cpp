// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/SandboxProcess.h"

#include "support/TestPaths.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>

SandboxProcess::~SandboxProcess()
{
    stop();
}

bool SandboxProcess::start(const QStringList &arguments)
{
    QStringList args {QStringLiteral("--port"), QStringLiteral("0")};
    args += arguments;
    m_process.setProgram(TestPaths::executable(QStringLiteral("jobdesk-sandbox")));
    m_process.setArguments(args);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2")
                      .arg(m_process.program(), m_process.errorString());
        return false;
    }
    QDeadlineTimer deadline(10000);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || m_process.state() != QProcess::Running) {
            m_error = QStringLiteral("the sandbox printed no address; stderr: %1")
                          .arg(QString::fromUtf8(standardError()));
            return false;
        }
        m_process.waitForReadyRead(100);
    }
    const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
    const QString prefix = QStringLiteral("listening on ");
    if (!line.startsWith(prefix)) {
        m_error = QStringLiteral("unexpected first line: %1").arg(line);
        return false;
    }
    m_baseUrl = QUrl(line.mid(prefix.size()));
    return m_baseUrl.isValid();
}

void SandboxProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    // A sanitizer report (ASan/UBSan builds) goes to the test's output, where ctest shows it.
    const QByteArray stderrText = standardError();
    if (stderrText.contains("Sanitizer") || stderrText.contains("runtime error:"))
        qWarning("jobdesk-sandbox stderr:\n%s", stderrText.constData());
}

std::optional<QStringList> SandboxProcess::searchJobKeys(
    const QByteArray &filterJson, const QByteArray &authorization)
{
    QNetworkAccessManager network;
    QNetworkRequest request(m_baseUrl.resolved(QUrl(QStringLiteral("/v2/jobs/search"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    const QByteArray search = "{\"filter\": " + filterJson + ", \"page\": {\"limit\": 100}}";
    QNetworkReply *reply = network.post(request, search);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000)) {
        m_error = QStringLiteral("the job search did not answer within 10 s");
        return std::nullopt;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    if (status != 200) {
        m_error = QStringLiteral("the job search answered %1: %2")
                      .arg(status)
                      .arg(QString::fromUtf8(body));
        return std::nullopt;
    }
    QStringList keys;
    const QJsonArray items
        = QJsonDocument::fromJson(body).object().value(QStringLiteral("items")).toArray();
    for (const QJsonValue &item : items)
        keys.append(item.toObject().value(QStringLiteral("jobKey")).toString());
    return keys;
}

std::optional<QJsonObject> SandboxProcess::record()
{
    QNetworkAccessManager network;
    QNetworkReply *reply
        = network.get(QNetworkRequest(m_baseUrl.resolved(QUrl(QStringLiteral("/sandbox/record")))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000)) {
        m_error = QStringLiteral("the sandbox's record did not answer within 10 s");
        reply->deleteLater();
        return std::nullopt;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    if (status != 200) {
        m_error = QStringLiteral("the sandbox's record answered %1").arg(status);
        return std::nullopt;
    }
    return QJsonDocument::fromJson(body).object();
}

QByteArray SandboxProcess::standardError()
{
    m_stderr += m_process.readAllStandardError();
    return m_stderr;
}
