// SPDX-License-Identifier: GPL-3.0-or-later
// The reference for `jobdesk-cli batch` (bench/batch.sh): a bare QNetworkAccessManager loop that
// completes a range of `jobdesk-sandbox --generate N` keys, keeping `--concurrency` completions in
// flight — the same Qt stack JobDesk is built on, without a plan, a journal, a history or any
// output per key. It prints one line: completions, 204s, other answers, transport errors, wall
// time, completions per second and CPU time per completion (getrusage, user + system).
// `--send-once` uploads each body as JobDesk does (a sequential device Qt cannot rewind, with
// DoNotBufferUploadDataAttribute), so Qt can never send a completion twice — and, as a
// consequence, never reuses a keep-alive connection it is unsure of for it.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QIODevice>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

#include <sys/resource.h>

#include <cstdio>
#include <cstring>

namespace {

/// A body Qt can read once and never rewind (what `--send-once` uploads).
class OnceDevice final : public QIODevice
{
public:
    OnceDevice(QByteArray data, QObject *parent)
        : QIODevice(parent)
        , m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return (m_data.size() - m_position) + QIODevice::bytesAvailable();
    }
    bool atEnd() const override { return m_position >= m_data.size() && QIODevice::atEnd(); }
    bool reset() override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min(maxSize, m_data.size() - m_position);
        if (n <= 0)
            return -1;
        std::memcpy(data, m_data.constData() + m_position, static_cast<size_t>(n));
        m_position += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long peakRssKiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

/// Keeps `concurrency` completions in flight until `count` were answered.
class Loop final : public QObject
{
public:
    Loop(QString apiRoot, qint64 firstKey, qint64 count, int concurrency, QByteArray body,
        bool sendOnce)
        : m_apiRoot(std::move(apiRoot))
        , m_firstKey(firstKey)
        , m_count(count)
        , m_concurrency(concurrency)
        , m_body(std::move(body))
        , m_sendOnce(sendOnce)
    {
        m_manager.setAutoDeleteReplies(true);
    }

    void start()
    {
        m_timer.start();
        m_cpuAtStart = cpuSeconds();
        for (int i = 0; i < m_concurrency && m_next < m_count; ++i)
            sendNext();
    }

private:
    void sendNext()
    {
        const QString key = QString::number(m_firstKey + m_next++);
        QNetworkRequest request(
            QUrl(m_apiRoot + QStringLiteral("/jobs/") + key + QStringLiteral("/completion")));
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Accept", "application/json, application/problem+json");
        QNetworkReply *reply = nullptr;
        if (m_sendOnce) {
            request.setHeader(QNetworkRequest::ContentLengthHeader, m_body.size());
            request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
            auto *device = new OnceDevice(m_body, nullptr);
            reply = m_manager.post(request, device);
            device->setParent(reply);
        } else {
            reply = m_manager.post(request, m_body);
        }
        connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    }

    void onFinished(QNetworkReply *reply)
    {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->readAll();
        if (status == 204)
            ++m_ok;
        else if (status != 0)
            ++m_other;
        else
            ++m_errors;
        ++m_answered;
        if (m_next < m_count)
            sendNext();
        else if (m_answered == m_count)
            finish();
    }

    void finish()
    {
        const double wall = static_cast<double>(m_timer.nsecsElapsed()) / 1e9;
        const double cpu = cpuSeconds() - m_cpuAtStart;
        std::printf("%s completions %lld  204 %lld  other %lld  errors %lld  wall %.3f s  "
                    "%.0f /s  cpu %.1f us/completion  peak-rss %ld KiB\n",
            m_sendOnce ? "bare-qnam-send-once" : "bare-qnam", static_cast<long long>(m_answered),
            static_cast<long long>(m_ok), static_cast<long long>(m_other),
            static_cast<long long>(m_errors), wall, static_cast<double>(m_answered) / wall,
            cpu * 1e6 / static_cast<double>(m_answered), peakRssKiB());
        std::fflush(stdout);
        QCoreApplication::exit(m_ok == m_count ? 0 : 1);
    }

    QNetworkAccessManager m_manager;
    QElapsedTimer m_timer;
    QString m_apiRoot;
    qint64 m_firstKey = 0;
    qint64 m_count = 0;
    int m_concurrency = 1;
    QByteArray m_body;
    bool m_sendOnce = false;
    qint64 m_next = 0;
    qint64 m_answered = 0;
    qint64 m_ok = 0;
    qint64 m_other = 0;
    qint64 m_errors = 0;
    double m_cpuAtStart = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Completes generated sandbox jobs with a bare QNetworkAccessManager loop"));
    parser.addHelpOption();
    const QCommandLineOption urlOption(QStringLiteral("base-url"),
        QStringLiteral("API root, e.g. http://127.0.0.1:8080/v2"), QStringLiteral("url"));
    const QCommandLineOption firstOption(QStringLiteral("first-key"),
        QStringLiteral("first job key (default: the first generated job)"), QStringLiteral("key"),
        QStringLiteral("2251799813685249"));
    const QCommandLineOption countOption(
        QStringLiteral("count"), QStringLiteral("jobs to complete"), QStringLiteral("n"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
        QStringLiteral("completions in flight"), QStringLiteral("n"), QStringLiteral("8"));
    const QCommandLineOption bodyOption(QStringLiteral("body"),
        QStringLiteral("request body (default: the batch benchmark's variables)"),
        QStringLiteral("json"), QStringLiteral("{\"variables\":{\"approved\":true}}"));
    const QCommandLineOption sendOnceOption(QStringLiteral("send-once"),
        QStringLiteral("upload each body as JobDesk does: once, never rewound or resent"));
    parser.addOptions(
        {urlOption, firstOption, countOption, concurrencyOption, bodyOption, sendOnceOption});
    parser.process(app);
    bool ok = false;
    const qint64 firstKey = parser.value(firstOption).toLongLong(&ok);
    const qint64 count = parser.value(countOption).toLongLong();
    const int concurrency = parser.value(concurrencyOption).toInt();
    if (!parser.isSet(urlOption) || !ok || count <= 0 || concurrency <= 0) {
        std::fprintf(stderr,
            "usage: bench-batch-qnam --base-url <url> --count <n> "
            "[--first-key <key>] [--concurrency <n>] [--send-once]\n");
        return 2;
    }
    Loop loop(parser.value(urlOption), firstKey, count, concurrency,
        parser.value(bodyOption).toUtf8(), parser.isSet(sendOnceOption));
    loop.start();
    return QCoreApplication::exec();
}
