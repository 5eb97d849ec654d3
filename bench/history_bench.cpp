// SPDX-License-Identifier: GPL-3.0-or-later
// Driver for bench/history-100k.sh: fills a history of N entries, then times what a person
// waits for when the log opens and when they filter it. Prints one "name: value" line each.
#include "core/history/HistoryStore.h"
#include "gui/HistoryModel.h"
#include "gui/LogPanel.h"
#include "support/HistoryFixtures.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace JobDesk;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0.0 : values.at(values.size() / 2);
}

/// Runs `work` `repeats` times; returns the median wall time in milliseconds.
double timeIt(int repeats, const std::function<void()> &work)
{
    QList<double> runs;
    for (int i = 0; i < repeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        runs.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return median(runs);
}

QString peakRss()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("n/a");
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return QString::fromLatin1(line.mid(6).simplified());
    }
    return QStringLiteral("n/a");
}

void print(const char *name, double ms)
{
    std::printf("%-44s %9.2f ms\n", name, ms);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("jobdesk-bench-history"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times opening and filtering a large history."));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Entries (100000)."),
        QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
        QStringLiteral("Use (and fill if empty) this file."), QStringLiteral("path"));
    const QCommandLineOption repeatsOption(QStringLiteral("repeats"),
        QStringLiteral("Runs per figure; the median is shown (5)."), QStringLiteral("n"),
        QStringLiteral("5"));
    const QCommandLineOption fillOnlyOption(
        QStringLiteral("fill-only"), QStringLiteral("Only fill --db (e.g. for screenshots)."));
    parser.addOptions({rowsOption, dbOption, repeatsOption, fillOnlyOption});
    parser.process(app);
    const int rows = parser.value(rowsOption).toInt();
    const int repeats = std::max(1, parser.value(repeatsOption).toInt());

    QTemporaryDir dir;
    const QString path = parser.isSet(dbOption) ? parser.value(dbOption)
                                                : dir.filePath(QStringLiteral("history.sqlite"));
    {
        HistoryStore filler;
        if (!filler.open(path)) {
            std::fprintf(
                stderr, "cannot open %s: %s\n", qPrintable(path), qPrintable(filler.error()));
            return 1;
        }
        if (filler.count().value_or(0) < rows) {
            const QDateTime newest = QDateTime::currentDateTimeUtc();
            const int start = filler.count().value_or(0);
            QElapsedTimer timer;
            timer.start();
            QList<HistoryEntry> batch;
            for (int i = rows - 1; i >= start; --i) {
                batch.append(HistoryFixtures::syntheticEntry(i, newest));
                if (batch.size() == 10000 || i == start) {
                    QString error;
                    if (!HistoryFixtures::appendMany(filler, batch, &error)) {
                        std::fprintf(stderr, "fill failed: %s\n", qPrintable(error));
                        return 1;
                    }
                    batch.clear();
                }
            }
            print("fill (appendMany, once)", double(timer.nsecsElapsed()) / 1e6);
        }
        std::printf("%-44s %9d\n", "entries", filler.count().value_or(-1));
        std::printf("%-44s %9lld KiB\n", "database size", QFile(path).size() / 1024);
    }
    if (parser.isSet(fillOnlyOption))
        return 0;

    HistoryStore store;
    print("open store", timeIt(1, [&] { store.open(path); }));

    HistoryModel model;
    print("model: open + first page", timeIt(repeats, [&] {
        model.setStore(nullptr);
        model.setStore(&store);
    }));
    print("model: next page (fetchMore)", timeIt(repeats, [&] {
        model.reload();
        model.fetchMore({});
    }));
    print("count (all)", timeIt(repeats, [&] { store.count(); }));

    const auto filterTime = [&](const char *name, const HistoryFilter &filter) {
        int shown = 0;
        const double ms = timeIt(repeats, [&] {
            model.setFilter({});
            model.setFilter(filter);
            shown = model.rowCount();
        });
        std::printf("%-44s %9.2f ms  (%d rows in first page)\n", name, ms, shown);
        print("  + count of matches", timeIt(repeats, [&] { store.count(filter); }));
    };
    HistoryFilter byKey;
    byKey.text = QString::number(2251799813685249LL + rows / 2); // one match, in the middle
    filterTime("filter: text, one key (scans all)", byKey);
    HistoryFilter byText;
    byText.text = QStringLiteral("prod-eu");
    filterTime("filter: text, a quarter match", byText);
    HistoryFilter byKind;
    byKind.kinds = {OutcomeKind::InvalidState};
    filterTime("filter: outcome invalid-state", byKind);
    HistoryFilter none;
    none.text = QStringLiteral("no such text anywhere");
    filterTime("filter: text, no match (worst case)", none);

    // What the person sees: the panel, shown, with its first page painted.
    model.setStore(nullptr);
    print("panel: create + setStore + show + paint", timeIt(repeats, [&] {
        LogPanel panel;
        panel.resize(1200, 600);
        panel.setStore(&store);
        panel.show();
        QCoreApplication::processEvents();
        panel.grab(); // forces a full paint
    }));
    {
        LogPanel panel;
        panel.resize(1200, 600);
        panel.setStore(&store);
        panel.show();
        QCoreApplication::processEvents();
        auto *edit = panel.findChild<QLineEdit *>(QStringLiteral("historyFilterLineEdit"));
        const auto applyAndWait = [&](const QString &text) {
            // Text filters answer from a worker thread: wait for filterApplied().
            QEventLoop loop;
            const QMetaObject::Connection done
                = QObject::connect(&panel, &LogPanel::filterApplied, &loop, &QEventLoop::quit);
            edit->setText(text);
            QElapsedTimer blocked;
            blocked.start();
            QMetaObject::invokeMethod(edit, "returnPressed");
            const double uiMs = double(blocked.nsecsElapsed()) / 1e6;
            if (!text.isEmpty())
                loop.exec();
            QObject::disconnect(done);
            panel.grab();
            return uiMs;
        };
        QList<double> uiBlocked;
        print("panel: filter one key, until shown", timeIt(repeats, [&] {
            applyAndWait(QString());
            uiBlocked.append(applyAndWait(byKey.text));
        }));
        print("  of which the UI thread was busy", median(uiBlocked));
        print("panel: fetch all rows (scroll to the end)", timeIt(1, [&] {
            edit->setText(QString());
            QMetaObject::invokeMethod(edit, "returnPressed");
            while (panel.model()->canFetchMore({}))
                panel.model()->fetchMore({});
        }));
    }
    std::printf("%-44s %s\n", "peak RSS (VmHWM)", qPrintable(peakRss()));
    return 0;
}
