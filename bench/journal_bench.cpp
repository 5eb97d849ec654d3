// SPDX-License-Identifier: GPL-3.0-or-later
// The batch journal's cost per item, without any network: add N items in chunks, mark them
// "sending" in groups (write-ahead, one commit per group, each with its pending history row),
// record their results in groups (one commit per group, finishing the history rows), and print
// items per second for each phase. `jobdesk-bench-journal --items 300000 --send-group 8
// --result-group 256` is the shape of a batch at concurrency 8; see docs/PERFORMANCE.md.
#include "core/history/BatchJournal.h"
#include "core/history/HistoryStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace JobDesk;

namespace {

QString keyOf(qint64 line)
{
    return QString::number(2251799813685248LL + line);
}

RequestRecord requestFor(qint64 line)
{
    RequestRecord request;
    request.action = ActionKind::Complete;
    request.subjectKey = keyOf(line);
    request.method = "POST";
    request.url = QUrl(
        QStringLiteral("http://127.0.0.1:8080/v2/jobs/%1/completion").arg(request.subjectKey));
    request.headers = {{"Content-Type", "application/json"},
        {"Accept", "application/json, application/problem+json"}, {"User-Agent", "JobDesk/0.1"}};
    request.body = "{\"variables\":{\"approved\":true}}";
    return request;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Batch journal throughput"));
    parser.addHelpOption();
    const QCommandLineOption itemsOption(QStringLiteral("items"),
        QStringLiteral("items in the batch"), QStringLiteral("n"), QStringLiteral("300000"));
    const QCommandLineOption sendOption(QStringLiteral("send-group"),
        QStringLiteral("items marked sending per commit"), QStringLiteral("n"),
        QStringLiteral("8"));
    const QCommandLineOption resultOption(QStringLiteral("result-group"),
        QStringLiteral("results recorded per commit"), QStringLiteral("n"), QStringLiteral("256"));
    const QCommandLineOption dirOption(QStringLiteral("dir"),
        QStringLiteral("folder for the history (default: a temporary one)"),
        QStringLiteral("path"));
    parser.addOptions({itemsOption, sendOption, resultOption, dirOption});
    parser.process(app);
    const qint64 items = parser.value(itemsOption).toLongLong();
    const int sendGroup = qMax(1, parser.value(sendOption).toInt());
    const int resultGroup = qMax(1, parser.value(resultOption).toInt());

    QTemporaryDir temporary;
    const QString folder = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    HistoryStore store;
    if (!store.open(folder + QStringLiteral("/journal-bench.sqlite"))) {
        std::fprintf(stderr, "%s\n", qPrintable(store.error()));
        return 1;
    }
    BatchJournal journal(store);
    const auto fail = [&journal] {
        std::fprintf(stderr, "%s\n", qPrintable(journal.error()));
        return 1;
    };
    BatchSpec spec;
    spec.payload = "{\"variables\":{\"approved\":true}}";
    const std::optional<qint64> batch = journal.createBatch(spec);
    if (!batch)
        return fail();

    QElapsedTimer timer;
    timer.start();
    for (qint64 first = 1; first <= items; first += 5000) {
        QList<BatchItem> chunk;
        for (qint64 line = first; line < first + 5000 && line <= items; ++line)
            chunk.append(
                {line, keyOf(line), {}, BatchItemState::Planned, {}, {}, {}, {}, {}, 0, 0});
        if (!journal.addItems(*batch, chunk))
            return fail();
    }
    const qint64 addMs = qMax<qint64>(1, timer.restart());

    qint64 sendNs = 0;
    qint64 resultNs = 0;
    QElapsedTimer phase;
    QList<ItemResult> results;
    Outcome completed;
    completed.kind = OutcomeKind::Completed;
    completed.httpStatus = 204;
    completed.reasonPhrase = "No Content";
    completed.elapsedMs = 1;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (qint64 line = 1; line <= items; line += sendGroup) {
        QList<SendingItem> group;
        for (qint64 l = line; l < line + sendGroup && l <= items; ++l)
            group.append({l,
                HistoryEntry::forAttempt(
                    requestFor(l), HistorySource::Cli, QStringLiteral("bench"), false, now)});
        phase.start();
        const std::optional<QList<qint64>> ids = journal.markSending(*batch, group);
        sendNs += phase.nsecsElapsed();
        if (!ids)
            return fail();
        for (int i = 0; i < group.size(); ++i) {
            Outcome outcome = completed;
            outcome.request = group.at(i).attempt.request;
            results.append({group.at(i).line, BatchItemState::Done, outcome, ids->at(i), {}});
        }
        if (results.size() >= resultGroup || line + sendGroup > items) {
            phase.start();
            if (!journal.recordResults(*batch, results))
                return fail();
            resultNs += phase.nsecsElapsed();
            results.clear();
        }
    }
    const qint64 totalMs = qMax<qint64>(1, timer.elapsed());
    std::printf("%-36s %10lld\n", "items", items);
    std::printf("%-36s %10.0f items/s\n", "add (chunks of 5000)", double(items) * 1000.0 / addMs);
    std::printf("%-36s %10.0f items/s (groups of %d)\n", "mark sending + pending history row",
        double(items) * 1e9 / double(qMax<qint64>(1, sendNs)), sendGroup);
    std::printf("%-36s %10.0f items/s (groups of %d)\n", "record results + finish history",
        double(items) * 1e9 / double(qMax<qint64>(1, resultNs)), resultGroup);
    std::printf("%-36s %10.0f items/s\n", "whole cycle", double(items) * 1000.0 / totalMs);
    std::printf("%-36s %10.1f us/item\n", "journal time per item",
        double(sendNs + resultNs) / 1000.0 / double(items));
    return 0;
}
