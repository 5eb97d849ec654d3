// SPDX-License-Identifier: GPL-3.0-or-later
// Driver for bench/job-card.sh: against a running sandbox, times what a person waits for when
// the job card and Find jobs answer, next to a reference in the same run (the same search sent
// with a bare QNetworkAccessManager: the floor any client has). Prints "name: value" lines.
//  - key typed → card painted (after the debounce), and the bare search round trip;
//  - the longest stall of the UI thread while look-ups run (a 1 ms timer's largest gap);
//  - Find jobs over the whole sandbox: first page painted, and a scroll to the end of what is
//    loaded fetching the next page.
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "core/templates/DraftStore.h"
#include "gui/FindJobsDialog.h"
#include "gui/JobCard.h"
#include "gui/JobInspector.h"
#include "gui/JobSearchModel.h"
#include "gui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace JobDesk;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values.at(values.size() / 2);
}

void print(const char *name, double ms)
{
    std::printf("%-52s %9.2f ms\n", name, ms);
    std::fflush(stdout);
}

/// Measures the largest gap between ticks of a 1 ms timer: how long the UI thread was busy.
class StallMeter final : public QObject
{
public:
    StallMeter()
    {
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0)
                m_worst = std::max(m_worst, now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_worst = 0;
        m_last = 0;
        m_clock.start();
        m_timer.start();
    }
    double stop()
    {
        m_timer.stop();
        return double(m_worst) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption urlOption(QStringLiteral("base-url"),
        QStringLiteral("The sandbox (started with --generate N)."), QStringLiteral("url"));
    const QCommandLineOption repeatsOption(QStringLiteral("repeats"),
        QStringLiteral("Runs per figure; the median is shown (9)."), QStringLiteral("n"),
        QStringLiteral("9"));
    parser.addOptions({urlOption, repeatsOption});
    parser.process(app);
    const QUrl base(parser.value(urlOption));
    const int repeats = std::max(1, parser.value(repeatsOption).toInt());

    QNetworkAccessManager nam;
    HistoryStore history; // closed: nothing is recorded
    Connection connection;
    connection.apiRoot = JobsClient::normalizeApiRoot(base.toString()).url;
    MainWindow window(connection, &nam, &history, nullptr);
    window.resize(1280, 800);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    auto *key = window.findChild<QLineEdit *>(QStringLiteral("jobKeyLineEdit"));
    JobCard *card = window.jobCard();

    // -- reference: the same search, bare
    QList<double> bare;
    for (int i = 0; i < repeats; ++i) {
        const QString jobKey = QString::number((qint64(1) << 51) + 1 + i);
        QNetworkRequest request(base.resolved(QUrl(QStringLiteral("/v2/jobs/search"))));
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = nam.post(
            request, QStringLiteral(R"({"filter":{"jobKey":"%1"}})").arg(jobKey).toUtf8());
        (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000);
        bare.append(double(timer.nsecsElapsed()) / 1e6);
        reply->deleteLater();
    }
    print("reference: bare POST jobs/search round trip", median(bare));

    // -- key typed → card painted
    QList<double> cardTimes;
    QList<double> stalls;
    StallMeter meter;
    for (int i = 0; i < repeats; ++i) {
        const QString jobKey = QString::number((qint64(1) << 51) + 101 + i);
        key->clear();
        meter.start();
        QTest::keyClicks(key, jobKey);
        QElapsedTimer timer;
        timer.start();
        (void)QTest::qWaitFor(
            [card, &jobKey] {
                return card->isVisible() && !card->isLookingUp() && card->result()
                    && card->result()->key.toString() == jobKey;
            },
            10000);
        card->repaint(); // painted, not only updated
        cardTimes.append(double(timer.nsecsElapsed()) / 1e6 - JobInspector::kDebounceMs);
        stalls.append(meter.stop());
    }
    print("key typed → card painted (minus the debounce)", median(cardTimes));
    print("worst UI-thread stall while typing + looking up",
        *std::max_element(stalls.begin(), stalls.end()));

    // -- Find jobs over everything the sandbox holds
    window.findJobs();
    FindJobsDialog *find = window.findJobsDialog();
    (void)QTest::qWaitForWindowExposed(find);
    auto *table = find->findChild<QTableView *>(QStringLiteral("jobsTableView"));
    QList<double> firstPage;
    QList<double> nextPage;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        find->search();
        (void)QTest::qWaitFor([find] { return find->model()->rowCount() > 0; }, 10000);
        table->viewport()->repaint();
        firstPage.append(double(timer.nsecsElapsed()) / 1e6);
        const int loaded = find->model()->rowCount();
        timer.restart();
        table->scrollToBottom();
        (void)QTest::qWaitFor([find, loaded] { return find->model()->rowCount() > loaded; }, 10000);
        table->viewport()->repaint();
        nextPage.append(double(timer.nsecsElapsed()) / 1e6);
    }
    print("Find jobs: first page painted", median(firstPage));
    print("Find jobs: scroll to the end → next page painted", median(nextPage));
    std::printf("%-52s %9lld\n", "Find jobs: matches reported",
        static_cast<long long>(find->model()->total().value_or(-1)));
    return 0;
}
