// SPDX-License-Identifier: GPL-3.0-or-later
// Driver for bench/job-card.sh: against a running sandbox, times what a person waits for when
// the job card and Find jobs answer, next to a reference in the same run (the same search sent
// with a bare QNetworkAccessManager: the floor any client has). Prints "name: value" lines.
//  - key typed → card painted with the job, then complete with its incident and variables
//    (after the debounce), and the bare search round trip;
//  - the longest stall of the UI thread while a look-up runs (a 1 ms timer's largest gap, from
//    the look-up's start to the complete card), and the slowest keystroke in the key field;
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

#include "EventLoopMeter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
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
using JobDesk::Bench::StallMeter;
using JobDesk::Bench::waitUntil;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values.at(values.size() / 2);
}

void print(const char *name, double ms)
{
    std::printf("%-60s %9.2f ms\n", name, ms);
    std::fflush(stdout);
}

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
        (void)waitUntil([reply] { return reply->isFinished(); }, 10000);
        bare.append(double(timer.nsecsElapsed()) / 1e6);
        reply->deleteLater();
    }
    print("reference: bare POST jobs/search round trip", median(bare));

    // -- key typed → card painted with the job, then with its incident and variables
    QList<double> cardTimes;
    QList<double> completeTimes;
    QList<double> stalls;
    QList<double> keystrokes;
    StallMeter meter;
    // "After the debounce" is when the inspector starts the look-up: a 250 ms coarse timer may
    // fire a few ms early or late, so subtracting its interval would not be exact.
    auto *inspector = window.findChild<JobInspector *>(QStringLiteral("jobInspector"));
    QElapsedTimer sinceLookUp;
    QObject::connect(inspector, &JobInspector::lookUpStarted, &window, [&sinceLookUp, &meter] {
        sinceLookUp.start();
        meter.start(); // the look-up's own cost to the UI thread, until the whole card
    });
    for (int i = 0; i < repeats; ++i) {
        const QString jobKey = QString::number((qint64(1) << 51) + 101 + i);
        key->clear();
        sinceLookUp.invalidate();
        // One key at a time with the event loop turning in between, as a person types.
        double worstKeystroke = 0;
        for (const QChar digit : jobKey) {
            QElapsedTimer keystroke;
            keystroke.start();
            QTest::keyClick(key, digit.toLatin1());
            worstKeystroke = std::max(worstKeystroke, double(keystroke.nsecsElapsed()) / 1e6);
            QCoreApplication::processEvents();
        }
        keystrokes.append(worstKeystroke);
        (void)waitUntil(
            [card, &jobKey] {
                return card->isVisible() && card->result() && card->result()->job
                    && card->result()->key.toString() == jobKey;
            },
            10000);
        card->repaint(); // painted, not only updated
        cardTimes.append(double(sinceLookUp.nsecsElapsed()) / 1e6);
        (void)waitUntil([card] { return !card->isLookingUp(); }, 10000);
        card->repaint();
        completeTimes.append(double(sinceLookUp.nsecsElapsed()) / 1e6);
        stalls.append(meter.stop());
    }
    print("debounce over → card painted with the job", median(cardTimes));
    print("… and with its incident and variables", median(completeTimes));
    print("worst UI-thread stall while looking up (1 ms timer's largest gap)",
        *std::max_element(stalls.begin(), stalls.end()));
    print("slowest keystroke in the key field",
        *std::max_element(keystrokes.begin(), keystrokes.end()));

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
        (void)waitUntil([find] { return find->model()->rowCount() > 0; }, 10000);
        table->viewport()->repaint();
        firstPage.append(double(timer.nsecsElapsed()) / 1e6);
        const int loaded = find->model()->rowCount();
        timer.restart();
        table->scrollToBottom();
        (void)waitUntil([find, loaded] { return find->model()->rowCount() > loaded; }, 10000);
        table->viewport()->repaint();
        nextPage.append(double(timer.nsecsElapsed()) / 1e6);
    }
    print("Find jobs: first page painted", median(firstPage));
    print("Find jobs: scroll to the end → next page painted", median(nextPage));
    std::printf("%-60s %9lld\n", "Find jobs: matches reported",
        static_cast<long long>(find->model()->total().value_or(-1)));
    return 0;
}
