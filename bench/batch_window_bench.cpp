// SPDX-License-Identifier: GPL-3.0-or-later
// Driver for bench/batch-window.sh: the window's batch view running a batch of N generated keys
// against a running sandbox, as a person would — keys pasted, Plan, Start — while a 1 ms timer
// measures how long the UI thread is ever busy (issue 14: never more than 16 ms during a run).
// While the batch runs, the items table is scrolled to a new place every 100 ms, as someone
// dragging its scroll bar would, so the lazy model's page reads are measured too. Prints
// "name value" lines: plan time, run time and rate, worst stall and the number of stalls over
// 16 ms while planning and while running, and the process's peak RSS.
#include "gui/BatchController.h"
#include "gui/BatchDialog.h"
#include "gui/BatchItemsModel.h"
#include "gui/Confirm.h"

#include "EventLoopMeter.h"
#include "support/WindowFixture.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>

#include <sys/resource.h>

#include <cstdio>

using namespace JobDesk;
using JobDesk::Bench::StallMeter;
using JobDesk::Bench::waitUntil;

namespace {

void print(const char *name, double value, const char *unit)
{
    std::printf("%-58s %12.1f %s\n", name, value, unit);
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
    const QCommandLineOption keysOption(QStringLiteral("keys"),
        QStringLiteral("Keys in the batch (100000)."), QStringLiteral("n"),
        QStringLiteral("100000"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
        QStringLiteral("Requests in flight (8)."), QStringLiteral("n"), QStringLiteral("8"));
    parser.addOptions({urlOption, keysOption, concurrencyOption});
    parser.process(app);
    const qint64 keys = std::max<qint64>(1, parser.value(keysOption).toLongLong());

    Test::WindowFixture::removeStoredFiles();
    Test::WindowFixture w(QUrl(parser.value(urlOption)));
    w.window->resize(1280, 800);
    (void)QTest::qWaitForWindowExposed(w.window.get());

    QString text;
    text.reserve(int(keys * 17));
    for (qint64 i = 0; i < keys; ++i) {
        text += QString::number((qint64(1) << 51) + 1 + i);
        text += u'\n';
    }
    w.window->batches()->action()->trigger();
    BatchDialog *dialog = w.window->batches()->dialog();
    (void)QTest::qWaitForWindowExposed(dialog);
    dialog->setKeysText(text);
    dialog->setVariablesText(QStringLiteral("{\"approved\":true}"));
    dialog->findChild<QSpinBox *>(QStringLiteral("concurrencySpinBox"))
        ->setValue(parser.value(concurrencyOption).toInt());

    StallMeter meter;
    bool planned = false;
    bool planOk = false;
    QObject::connect(dialog, &BatchDialog::planned, dialog, [&](bool ok) {
        planned = true;
        planOk = ok;
    });
    QElapsedTimer clock;
    meter.start();
    clock.start();
    dialog->plan();
    if (!waitUntil([&] { return planned; }, 600000) || !planOk) {
        std::fprintf(stderr, "the plan did not succeed\n");
        return 1;
    }
    print("plan: pasted keys looked up and classified", double(clock.elapsed()), "ms");
    print("plan: worst UI-thread stall", meter.stop(), "ms");
    print("plan: UI-thread stalls over 16 ms", double(meter.longGaps()), "");
    print("plan: worst UI-thread work in one stall (its own CPU time)", meter.worstOnCpu(), "ms");
    print("plan: stalls with over 16 ms of UI-thread work", double(meter.longGapsOnCpu()), "");

    bool finished = false;
    QObject::connect(dialog, &BatchDialog::runFinished, dialog,
        [&](BatchRunner::EndReason) { finished = true; });
    auto *view = dialog->findChild<QTableView *>(QStringLiteral("itemsView"));
    QTimer scroller;
    scroller.setInterval(100);
    QObject::connect(&scroller, &QTimer::timeout, view, [view] {
        QScrollBar *bar = view->verticalScrollBar();
        bar->setValue(int(QRandomGenerator::global()->bounded(bar->maximum() + 1)));
    });
    Confirm::setNextAnswer(true);
    meter.start();
    clock.restart();
    dialog->start();
    scroller.start();
    if (!waitUntil([&] { return finished; }, 3600000)) {
        std::fprintf(stderr, "the batch did not finish\n");
        return 1;
    }
    scroller.stop();
    const double runMs = double(clock.elapsed());
    const double worst = meter.stop();
    const BatchProgress progress = dialog->runner()->progress();
    print("run: keys completed", double(progress.completed), "");
    print("run: keys not completed (refused, skipped, undone)",
        double(progress.finished() - progress.completed), "");
    print("run: Start to the last result shown", runMs, "ms");
    print("run: completions per second", double(progress.completed) * 1000.0 / runMs, "/s");
    print("run: worst UI-thread stall (items table scrolled every 100 ms)", worst, "ms");
    print("run: UI-thread stalls over 16 ms", double(meter.longGaps()), "");
    print("run: worst UI-thread work in one stall (its own CPU time)", meter.worstOnCpu(), "ms");
    print("run: stalls with over 16 ms of UI-thread work", double(meter.longGapsOnCpu()), "");
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    print("peak RSS of the window", double(usage.ru_maxrss) / 1024.0, "MiB");
    return progress.finished() == progress.total ? 0 : 1;
}
