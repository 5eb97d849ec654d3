// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <optional>

/// Runs the built `jobdesk-sandbox --port 0 <args>` for a test and reads its address from the
/// first line it prints (`listening on http://127.0.0.1:<port>`). Stops it on destruction.
class SandboxProcess final
{
public:
    SandboxProcess() = default;
    ~SandboxProcess();
    Q_DISABLE_COPY_MOVE(SandboxProcess)

    /// Starts the sandbox and waits (up to 10 s) for its first line. False on failure; see error().
    bool start(const QStringList &arguments = {});
    void stop();

    /// e.g. http://127.0.0.1:40123 (no trailing slash, no /v2).
    QUrl baseUrl() const { return m_baseUrl; }
    QString baseUrlString() const { return m_baseUrl.toString(); }
    QString error() const { return m_error; }
    /// Everything the sandbox wrote to stderr so far (for failure messages).
    QByteArray standardError();

    /// The keys of the jobs `POST /v2/jobs/search` finds with `filterJson` (the search's
    /// "filter" object; first 100), for tests that check what a request did to the jobs.
    /// std::nullopt, with the reason in error(), when the search does not answer 200 in time.
    std::optional<QStringList> searchJobKeys(
        const QByteArray &filterJson, const QByteArray &authorization = {});

    /// `GET /sandbox/record`: per key (and in "totals") how many state-changing requests of each
    /// kind arrived ("received") and were applied; std::nullopt, with error(), when it does not
    /// answer 200 in time.
    std::optional<QJsonObject> record();

private:
    QProcess m_process;
    QUrl m_baseUrl;
    QString m_error;
    QByteArray m_stderr;
};
