// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryStore.h"
#include "support/HistoryFixtures.h"
#include "support/TestPaths.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace JobDesk;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

HistoryEntry makeEntry(const QString &key, OutcomeKind kind, const QDateTime &time,
    const QString &title = {}, const QString &detail = {},
    const QString &connection = QStringLiteral("dev"))
{
    HistoryEntry e;
    e.time = time;
    e.source = HistorySource::Window;
    e.connection = connection;
    e.jobKey = key;
    e.kind = kind;
    e.title = title;
    e.detail = detail;
    return e;
}

const QDateTime kBase(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);

} // namespace

class TestHistoryStore final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QVERIFY(m_dir.isValid()); }

    void defaultPathIsInAppData()
    {
        QVERIFY(HistoryStore::defaultPath().endsWith(QLatin1String("/history.sqlite")));
        QVERIFY(HistoryStore::defaultPath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }

    void openCreatesSchemaWithWal()
    {
        const QString path = m_dir.filePath(QStringLiteral("sub/dir/h.sqlite"));
        HistoryStore store;
        QVERIFY2(store.open(path), qPrintable(store.error()));
        QVERIFY(store.isOpen());
        QCOMPARE(store.count().value_or(-1), 0);
        QCOMPARE(store.lastId(), 0);
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), HistoryStore::kSchemaVersion);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("peek1"));
        // Opening again is fine (no second schema creation).
        HistoryStore again;
        QVERIFY2(again.open(path), qPrintable(again.error()));
    }

    void fullEntryRoundTripAndRedaction()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("rt.sqlite"))));
        HistoryEntry e = makeEntry(QStringLiteral("2251799813685249"), OutcomeKind::InvalidState,
            kBase.addMSecs(123), QStringLiteral("INVALID_STATE"), QStringLiteral("Job is FAILED"));
        e.source = HistorySource::Cli;
        e.httpStatus = 409;
        e.elapsedMs = 87;
        e.request.method = "POST";
        e.request.url
            = QUrl(QStringLiteral("https://user:pw@h.example/v2/jobs/2251799813685249/completion"));
        e.request.headers = {{"Content-Type", "application/json"},
            {"authorization", "Bearer eyJsecret-token"}, {"X-Bytes", QByteArray("\xe9\x01", 2)}};
        e.request.body = "{\"variables\":{\"n\":123456789012345678901234567890}}";
        e.responseHeaders = {{"Content-Type", "application/problem+json"}};
        e.responseBody = QByteArray("{\"title\":\"INVALID_STATE\"}\0tail", 30);
        e.responseBodyTruncated = true;
        e.responseBodyTotalBytes = 5000000;
        e.transportError = QStringLiteral("none really");
        e.redirectLocation = QStringLiteral("https://elsewhere/");
        const qint64 id = store.append(e).value_or(0);
        QVERIFY2(id > 0, qPrintable(store.error()));
        QCOMPARE(store.lastId(), id);

        const auto back = store.entry(id);
        QVERIFY(back);
        QCOMPARE(back->id, id);
        QCOMPARE(back->time, e.time);
        QCOMPARE(back->time.timeSpec(), Qt::UTC);
        QCOMPARE(back->source, e.source);
        QCOMPARE(back->connection, e.connection);
        QCOMPARE(back->jobKey, e.jobKey);
        QCOMPARE(back->kind, e.kind);
        QCOMPARE(back->httpStatus, std::optional<int>(409));
        QCOMPARE(back->title, e.title);
        QCOMPARE(back->detail, e.detail);
        QCOMPARE(back->elapsedMs, e.elapsedMs);
        QCOMPARE(back->request.method, e.request.method);
        QCOMPARE(back->request.body, e.request.body);
        QCOMPARE(back->request.headers.size(), 3);
        QCOMPARE(back->request.headers.at(0), e.request.headers.at(0));
        QCOMPARE(back->request.headers.at(1).first, QByteArray("authorization"));
        QCOMPARE(back->request.headers.at(1).second, QByteArray("<redacted>"));
        QCOMPARE(back->request.headers.at(2), e.request.headers.at(2));
        QVERIFY(!back->request.url.toString().contains(QLatin1String("pw")));
        QCOMPARE(back->request.url.path(), e.request.url.path());
        QCOMPARE(back->responseHeaders, e.responseHeaders);
        QCOMPARE(back->responseBody, e.responseBody);
        QCOMPARE(back->responseBodyTruncated, true);
        QCOMPARE(back->responseBodyTotalBytes, qint64(5000000));
        QCOMPARE(back->transportError, e.transportError);
        QCOMPARE(back->redirectLocation, e.redirectLocation);

        // The secret is nowhere in the database file (nor its WAL).
        store.pruneToCount(1000).value_or(
            -1); // any statement; the WAL holds the row until checkpoint
        QByteArray all;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile f(m_dir.filePath(QStringLiteral("rt.sqlite")) + suffix);
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        QVERIFY(all.contains("2251799813685249"));
        QVERIFY(!all.contains("eyJsecret-token"));

        // A status-less entry keeps its null status.
        const qint64 id2
            = store.append(makeEntry(QStringLiteral("1"), OutcomeKind::TransportError, kBase))
                  .value_or(0);
        QCOMPARE(store.entry(id2)->httpStatus, std::optional<int>());
        QVERIFY(!store.entry(id2 + 100));
    }

    void missingTimeMeansNow()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("now.sqlite"))));
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const qint64 id
            = store.append(makeEntry(QStringLiteral("1"), OutcomeKind::Completed, QDateTime()))
                  .value_or(0);
        QVERIFY(id > 0);
        const QDateTime stored = store.entry(id)->time;
        QVERIFY(stored >= before.addMSecs(-1));
        QVERIFY(stored <= QDateTime::currentDateTimeUtc());
    }

    void queryNewestFirstWithPaging()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("page.sqlite"))));
        // Appended out of time order: the newest time comes first, ties by id descending.
        for (int i : {3, 1, 4, 0, 2})
            QVERIFY(store
                        .append(makeEntry(
                            QString::number(100 + i), OutcomeKind::Completed, kBase.addSecs(i)))
                        .value_or(0));
        QVERIFY(
            store.append(makeEntry(QStringLiteral("999"), OutcomeKind::Completed, kBase.addSecs(4)))
                .value_or(0));
        const auto all = store.query({}, 0, 100).value();
        QStringList keys;
        for (const auto &e : all)
            keys.append(e.jobKey);
        QCOMPARE(keys,
            QStringList({QStringLiteral("999"), QStringLiteral("104"), QStringLiteral("103"),
                QStringLiteral("102"), QStringLiteral("101"), QStringLiteral("100")}));
        const auto page = store.query({}, 2, 2).value();
        QCOMPARE(page.size(), 2);
        QCOMPARE(page.at(0).jobKey, QStringLiteral("103"));
        QCOMPARE(page.at(1).jobKey, QStringLiteral("102"));
        QCOMPARE(store.query({}, 6, 10).value().size(), 0);
        QCOMPARE(store.query({}, 0, 0).value().size(), 0);
        // Summary rows carry no request/response.
        QVERIFY(all.at(0).request.method.isEmpty());
    }

    void filterText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expectedKeys");
        QTest::newRow("key substring")
            << QStringLiteral("5551") << QStringList {QStringLiteral("5551")};
        QTest::newRow("title, any case")
            << QStringLiteral("not_found") << QStringList {QStringLiteral("7002")};
        QTest::newRow("detail") << QStringLiteral("state 'FAILED'")
                                << QStringList {QStringLiteral("7003")};
        QTest::newRow("connection")
            << QStringLiteral("prod-eu") << QStringList {QStringLiteral("7004")};
        QTest::newRow("percent is literal")
            << QStringLiteral("100%") << QStringList {QStringLiteral("7005")};
        QTest::newRow("underscore is literal")
            << QStringLiteral("a_b") << QStringList {QStringLiteral("7006")};
        QTest::newRow("backslash is literal")
            << QStringLiteral("c:\\x") << QStringList {QStringLiteral("7007")};
        QTest::newRow("no match") << QStringLiteral("zzz") << QStringList {};
    }

    void filterText()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expectedKeys);
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("filter-%1.sqlite")
                                              .arg(QLatin1String(QTest::currentDataTag()))
                                              .replace(u' ', u'-'))));
        store.append(makeEntry(QStringLiteral("5551"), OutcomeKind::Completed, kBase)).value_or(0);
        store
            .append(makeEntry(
                QStringLiteral("7002"), OutcomeKind::NotFound, kBase, QStringLiteral("NOT_FOUND")))
            .value_or(0);
        store
            .append(makeEntry(QStringLiteral("7003"), OutcomeKind::InvalidState, kBase,
                QStringLiteral("INVALID_STATE"), QStringLiteral("it is in state 'FAILED'")))
            .value_or(0);
        store
            .append(makeEntry(QStringLiteral("7004"), OutcomeKind::Completed, kBase, {}, {},
                QStringLiteral("prod-eu")))
            .value_or(0);
        store
            .append(makeEntry(
                QStringLiteral("7005"), OutcomeKind::Rejected, kBase, QStringLiteral("100% wrong")))
            .value_or(0);
        store
            .append(makeEntry(
                QStringLiteral("7006"), OutcomeKind::Rejected, kBase, QStringLiteral("a_b")))
            .value_or(0);
        store
            .append(makeEntry(
                QStringLiteral("7007"), OutcomeKind::Rejected, kBase, QStringLiteral("path c:\\x")))
            .value_or(0);
        store
            .append(makeEntry(QStringLiteral("7008"), OutcomeKind::Rejected, kBase,
                QStringLiteral("100 percent, aXb, c:x")))
            .value_or(0);
        HistoryFilter filter;
        filter.text = text;
        QStringList keys;
        for (const auto &e : store.query(filter, 0, 100).value_or(QList<HistoryEntry>()))
            keys.append(e.jobKey);
        QCOMPARE(keys, expectedKeys);
        QCOMPARE(store.count(filter).value_or(-1), expectedKeys.size());
    }

    void filterKindsAndCombined()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("kinds.sqlite"))));
        const OutcomeKind kinds[] = {OutcomeKind::Completed, OutcomeKind::NotFound,
            OutcomeKind::Backpressure, OutcomeKind::NotFound};
        for (int i = 0; i < 4; ++i)
            store.append(makeEntry(QString::number(10 + i), kinds[i], kBase.addSecs(i)))
                .value_or(0);
        HistoryFilter filter;
        filter.kinds = {OutcomeKind::NotFound};
        QCOMPARE(store.count(filter).value_or(-1), 2);
        QCOMPARE(store.query(filter, 0, 10).value().at(0).jobKey, QStringLiteral("13"));
        filter.kinds = {OutcomeKind::NotFound, OutcomeKind::Completed};
        QCOMPARE(store.count(filter).value_or(-1), 3);
        filter.text = QStringLiteral("11");
        QCOMPARE(store.count(filter).value_or(-1), 1);
        QCOMPARE(store.query(filter, 0, 10).value().at(0).kind, OutcomeKind::NotFound);
        QCOMPARE(store.count().value_or(-1), 4);
    }

    void prune()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("prune.sqlite"))));
        for (int i = 0; i < 10; ++i)
            store.append(makeEntry(QString::number(i), OutcomeKind::Completed, kBase.addDays(i)))
                .value_or(0);
        QCOMPARE(store.pruneOlderThan(kBase.addDays(3)).value_or(-1), 3);
        QCOMPARE(store.count().value_or(-1), 7);
        QCOMPARE(store.query({}, 6, 1).value().at(0).jobKey, QStringLiteral("3"));
        QCOMPARE(store.pruneToCount(4).value_or(-1), 3);
        QCOMPARE(store.count().value_or(-1), 4);
        QCOMPARE(store.query({}, 3, 1).value().at(0).jobKey, QStringLiteral("6"));
        QCOMPARE(store.query({}, 0, 1).value().at(0).jobKey, QStringLiteral("9"));
        QCOMPARE(store.pruneToCount(10).value_or(-1), 0);
        QCOMPARE(store.pruneToCount(0).value_or(-1), 4);
        QCOMPARE(store.count().value_or(-1), 0);
    }

    void forEachVisitsAllInOrderAcrossBatches()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("each.sqlite"))));
        QList<HistoryEntry> many;
        for (int i = 0; i < 1234; ++i)
            many.append(HistoryFixtures::syntheticEntry(i, kBase));
        // Same second for a few rows to exercise the (time, id) keyset.
        many[10].time = many[11].time;
        QVERIFY(HistoryFixtures::appendMany(store, many));
        QCOMPARE(store.count().value_or(-1), 1234);
        QList<qint64> ids;
        QDateTime previous;
        bool ordered = true;
        bool full = true;
        QVERIFY(store.forEach({}, [&](const HistoryEntry &e) {
            if (previous.isValid() && e.time > previous)
                ordered = false;
            previous = e.time;
            full = full && !e.request.method.isEmpty();
            ids.append(e.id);
        }));
        QCOMPARE(ids.size(), 1234);
        QVERIFY(ordered);
        QVERIFY(full);
        QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), 1234);
        HistoryFilter filter;
        filter.kinds = {OutcomeKind::NotFound};
        int visited = 0;
        QVERIFY(store.forEach(filter, [&](const HistoryEntry &e) {
            QCOMPARE(e.kind, OutcomeKind::NotFound);
            ++visited;
        }));
        QCOMPARE(visited, store.count(filter).value_or(-1));
        QVERIFY(visited > 100);
    }

    void twoConnectionsWriteConcurrently()
    {
        const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
        HistoryStore window;
        HistoryStore cli;
        QVERIFY(window.open(path));
        QVERIFY(cli.open(path));
        for (int i = 0; i < 50; ++i) {
            QVERIFY(window
                        .append(makeEntry(QStringLiteral("w%1").arg(i), OutcomeKind::Completed,
                            kBase.addSecs(2 * i)))
                        .value_or(0));
            QVERIFY(cli.append(makeEntry(QStringLiteral("c%1").arg(i), OutcomeKind::NotFound,
                                   kBase.addSecs(2 * i + 1)))
                        .value_or(0));
        }
        // A reader holding an open read transaction does not block the writer (WAL).
        QSqlDatabase reader
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        reader.setDatabaseName(path);
        QVERIFY(reader.open());
        {
            QSqlQuery q(reader);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM history")) && q.next());
            QCOMPARE(q.value(0).toInt(), 100);
            QVERIFY(cli.append(makeEntry(QStringLiteral("late"), OutcomeKind::Completed,
                                   kBase.addSecs(1000)))
                        .value_or(0));
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
        }
        reader.close();
        reader = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("reader"));
        QCOMPARE(window.count().value_or(-1), 101);
        QCOMPARE(window.query({}, 0, 1).value().at(0).jobKey, QStringLiteral("late"));
        QCOMPARE(window.lastId(), cli.lastId());
        QCOMPARE(window.query({}, 1, 1).value().at(0).jobKey, QStringLiteral("c49"));
    }

    void writerWaitsForAnotherWritersLock()
    {
        const QString path = m_dir.filePath(QStringLiteral("busy.sqlite"));
        HistoryStore first;
        QVERIFY(first.open(path));
        // Another program holds the write lock (an open write transaction).
        QSqlDatabase holder
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        holder.setDatabaseName(path);
        QVERIFY(holder.open());
        QSqlQuery hold(holder);
        QVERIFY(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));
        QVERIFY(hold.exec(QStringLiteral("DELETE FROM history")));

        // The CLI appends meanwhile, from its own connection (here: its own thread).
        std::atomic<bool> started {false};
        std::atomic<qint64> appendedId {-1};
        QString threadError;
        QThread *cli = QThread::create([&] {
            HistoryStore store;
            if (!store.open(path)) {
                threadError = store.error();
                appendedId = 0;
                return;
            }
            started = true;
            appendedId
                = store.append(makeEntry(QStringLiteral("from-cli"), OutcomeKind::Completed, kBase))
                      .value_or(0);
            threadError = store.error();
        });
        cli->start();
        QTRY_VERIFY(started || appendedId == 0);
        if (!started) {
            cli->wait();
            delete cli;
            QFAIL(qPrintable(threadError));
        }
        // Release the lock: the waiting append goes through (busy timeout), it does not fail.
        QVERIFY(hold.exec(QStringLiteral("COMMIT")));
        QVERIFY(cli->wait(10000));
        delete cli;
        hold.finish();
        holder.close();
        holder = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        QVERIFY2(appendedId > 0, qPrintable(threadError));
        QCOMPARE(first.count().value_or(-1), 1);
        QCOMPARE(first.query({}, 0, 1).value().at(0).jobKey, QStringLiteral("from-cli"));
    }

    void corruptFileIsReportedAndLeftUntouched()
    {
        const QString path = m_dir.filePath(QStringLiteral("corrupt.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray garbage(8192, 'x');
        garbage.prepend("this is not an SQLite database at all\n");
        file.write(garbage);
        file.close();
        const QByteArray before = fileHash(path);
        HistoryStore store;
        QVERIFY(!store.open(path));
        QVERIFY(!store.isOpen());
        QVERIFY(store.error().contains(QLatin1String("untouched")));
        QCOMPARE(
            store.append(makeEntry(QStringLiteral("1"), OutcomeKind::Completed, kBase)).value_or(0),
            0);
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void foreignDatabaseIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("foreign.sqlite"));
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("CREATE TABLE notes(x TEXT)"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
        const QByteArray before = fileHash(path);
        HistoryStore store;
        QVERIFY(!store.open(path));
        QVERIFY(store.error().contains(QLatin1String("another program")));
        QCOMPARE(fileHash(path), before);
    }

    void newerSchemaIsRefusedAndLeftUntouched()
    {
        const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
        {
            HistoryStore store;
            QVERIFY(store.open(path));
            QVERIFY(store.append(makeEntry(QStringLiteral("1"), OutcomeKind::Completed, kBase))
                        .value_or(0));
        }
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bump"));
        const QByteArray before = fileHash(path);
        HistoryStore store;
        QVERIFY(!store.open(path));
        QVERIFY(store.error().contains(QLatin1String("newer")));
        QVERIFY(store.error().contains(QLatin1String("99")));
        QCOMPARE(fileHash(path), before);
    }

    void outcomeRoundTrip()
    {
        Outcome outcome;
        outcome.kind = OutcomeKind::NotFound;
        outcome.httpStatus = 404;
        outcome.reasonPhrase = "Not Found";
        outcome.responseHeaders = {{"Content-Type", "application/problem+json; charset=utf-8"}};
        outcome.rawBody = "{\"type\":\"about:blank\",\"title\":\"NOT_FOUND\",\"status\":404,"
                          "\"detail\":\"no such job\",\"instance\":\"/v2/jobs/1/completion\","
                          "\"traceId\":12345678901234567890}";
        outcome.problem
            = ProblemDetails::parse(outcome.rawBody, outcome.responseHeaders.at(0).second);
        outcome.elapsedMs = 42;
        outcome.request.method = "POST";
        outcome.request.url = QUrl(QStringLiteral("http://h/v2/jobs/1/completion"));
        const HistoryEntry e = HistoryEntry::fromOutcome(
            outcome, HistorySource::Cli, QStringLiteral("dev"), QStringLiteral("1"), kBase);
        QCOMPARE(e.title, QStringLiteral("NOT_FOUND"));
        QCOMPARE(e.detail, QStringLiteral("no such job"));
        QCOMPARE(e.source, HistorySource::Cli);
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("outcome.sqlite"))));
        const auto back = store.entry(store.append(e).value_or(0));
        QVERIFY(back);
        const Outcome again = back->toOutcome();
        QCOMPARE(again.kind, OutcomeKind::NotFound);
        QCOMPARE(again.httpStatus, std::optional<int>(404));
        QVERIFY(again.problem.isProblem());
        QCOMPARE(again.problem.title(), QStringLiteral("NOT_FOUND"));
        QCOMPARE(again.problem.detail(), QStringLiteral("no such job"));
        QCOMPARE(again.problem.extensionMembers().size(), 1);
        QCOMPARE(
            again.problem.extensionMembers().at(0).rawJson, QByteArray("12345678901234567890"));
        QCOMPARE(again.elapsedMs, qint64(42));
        QCOMPARE(again.request.url, outcome.request.url);

        // Without a problem body the reason phrase is kept as the title.
        Outcome plain;
        plain.kind = OutcomeKind::ServerError;
        plain.httpStatus = 502;
        plain.reasonPhrase = "Bad Gateway";
        plain.rawBody = "<html>bad gateway</html>";
        plain.responseHeaders = {{"content-type", "text/html"}};
        const HistoryEntry p = HistoryEntry::fromOutcome(
            plain, HistorySource::Window, {}, QStringLiteral("2"), kBase);
        QCOMPARE(p.title, QStringLiteral("Bad Gateway"));
        QCOMPARE(p.toOutcome().reasonPhrase, QByteArray("Bad Gateway"));
        QVERIFY(!p.toOutcome().problem.isProblem());
    }

    void hundredThousandEntries()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("big.sqlite"))));
        QList<HistoryEntry> entries;
        entries.reserve(100000);
        for (int i = 0; i < 100000; ++i)
            entries.append(HistoryFixtures::syntheticEntry(i, kBase));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(HistoryFixtures::appendMany(store, entries));
        qInfo("appendMany(100000): %lld ms", timer.restart());
        QCOMPARE(store.count().value_or(-1), 100000);
        qInfo("count(): %lld ms", timer.restart());
        const auto first = store.query({}, 0, 200).value();
        qInfo("query(0, 200): %lld ms", timer.restart());
        QCOMPARE(first.size(), 200);
        QCOMPARE(first.at(0).jobKey, QStringLiteral("2251799813685249"));
        const auto last = store.query({}, 99990, 200).value();
        qInfo("query(99990, 200): %lld ms", timer.restart());
        QCOMPARE(last.size(), 10);
        QCOMPARE(last.last().jobKey, QString::number(2251799813685249LL + 99999));
        HistoryFilter filter;
        filter.kinds = {OutcomeKind::InvalidState};
        const int invalid = store.count(filter).value_or(-1);
        qInfo("count(kind): %lld ms", timer.restart());
        QCOMPARE(invalid, 100000 / 9 + (100000 % 9 > 4 ? 1 : 0));
        filter.kinds.clear();
        filter.text = QStringLiteral("2251799813735249");
        QCOMPARE(store.count(filter).value_or(-1), 1);
        qInfo("count(text): %lld ms", timer.restart());
        const qint64 id
            = store
                  .append(makeEntry(QStringLiteral("1"), OutcomeKind::Completed, kBase.addSecs(10)))
                  .value_or(0);
        qInfo("append(one more): %lld ms", timer.restart());
        QCOMPARE(store.query({}, 0, 1).value().at(0).id, id);
        QCOMPARE(store.pruneToCount(50000).value_or(-1), 50001);
        qInfo("pruneToCount(50000): %lld ms", timer.restart());
        QCOMPARE(store.count().value_or(-1), 50000);
    }

    // --- schema 2: migration, write-ahead, links, concurrency -------------------------------

    void migratesAVersionOneFileInPlace()
    {
        // tests/data/history/history-v1.sqlite was written by JobDesk 0.1 (schema 1): a
        // completion, a 409 with its problem, a CLI attempt and an attempt without an answer.
        const QString path = m_dir.filePath(QStringLiteral("v1.sqlite"));
        QVERIFY(
            QFile::copy(TestPaths::testData(QStringLiteral("history/history-v1.sqlite")), path));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        const QList<HistoryEntry> before = [&] {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1peek"));
            db.setDatabaseName(path);
            db.open();
            QSqlQuery q(db);
            QList<HistoryEntry> rows;
            q.exec(QStringLiteral("PRAGMA user_version"));
            q.next();
            if (q.value(0).toInt() != 1)
                return rows;
            q.exec(QStringLiteral("SELECT id, job_key, kind, title FROM history ORDER BY id"));
            while (q.next()) {
                HistoryEntry e;
                e.id = q.value(0).toLongLong();
                e.jobKey = q.value(1).toString();
                e.title = q.value(3).toString();
                rows.append(e);
            }
            q.finish();
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("v1peek"));
            return rows;
        }();
        QVERIFY2(before.size() >= 4, "the committed file is a version 1 history with rows");

        HistoryStore store;
        QVERIFY2(store.open(path), qPrintable(store.error()));
        QCOMPARE(store.count().value_or(-1), before.size());
        for (const HistoryEntry &old : before) {
            const std::optional<HistoryEntry> e = store.entry(old.id);
            QVERIFY(e);
            QCOMPARE(e->jobKey, old.jobKey);
            QCOMPARE(e->title, old.title);
            QCOMPARE(e->action, ActionKind::Complete); // v1 knew only completions
            QCOMPARE(e->state, HistoryState::Finished);
            QVERIFY(!e->production);
            QVERIFY(e->linkId.isEmpty());
            QCOMPARE(e->batchId, 0);
            QCOMPARE(e->check, LookupCheck::None);
            QVERIFY(!e->request.method.isEmpty());
        }
        HistoryFilter cli;
        cli.text = QStringLiteral("2251799813685251");
        QCOMPARE(store.query(cli, 0, 1).value().at(0).source, HistorySource::Cli);
        HistoryFilter conflicts;
        conflicts.kinds = {OutcomeKind::InvalidState};
        const QList<HistoryEntry> conflict = store.query(conflicts, 0, 10).value();
        QCOMPARE(conflict.size(), 1);
        QVERIFY(store.entry(conflict.first().id)->toOutcome().problem.isProblem());
        // Migrated once, for good: written as version 2, and new rows go in.
        {
            QSqlQuery q(QSqlDatabase::database(store.connectionName(), false));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), 2);
        }
        HistoryEntry fresh = makeEntry(QStringLiteral("9"), OutcomeKind::Completed, kBase);
        fresh.action = ActionKind::Update;
        QVERIFY(store.append(fresh));
        HistoryStore again;
        QVERIFY(again.open(path));
        QCOMPARE(again.count().value_or(-1), before.size() + 1);
    }

    void writeAheadRowIsPendingUntilItsOutcome()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("ahead.sqlite"))));
        RequestRecord request;
        request.action = ActionKind::Complete;
        request.subjectKey = QStringLiteral("2251799813685249");
        request.method = "POST";
        request.url = QUrl(QStringLiteral("http://h/v2/jobs/2251799813685249/completion"));
        request.headers = {{"Authorization", "Basic ZGVtbzpkZW1v"}};
        request.body = "{\"variables\":{\"n\":123456789012345678901234567890}}";
        const QDateTime started = QDateTime::currentDateTimeUtc();
        HistoryEntry attempt = HistoryEntry::forAttempt(
            request, HistorySource::Cli, QStringLiteral("prod-eu"), true, started);
        attempt.linkId = HistoryStore::newLinkId();
        const std::optional<qint64> id = store.beginAttempt(attempt);
        QVERIFY2(id, qPrintable(store.error()));

        // Another connection (the window, after a kill -9 of the CLI) sees it at once.
        HistoryStore other;
        QVERIFY(other.open(store.path()));
        std::optional<HistoryEntry> pending = other.entry(*id);
        QVERIFY(pending);
        QCOMPARE(pending->state, HistoryState::Pending);
        QVERIFY(pending->isUnknownOutcome());
        QCOMPARE(pending->title, unknownOutcomeTitle(LookupCheck::None));
        QVERIFY(pending->title.contains(QLatin1String("look the job up")));
        QCOMPARE(pending->jobKey, request.subjectKey);
        QCOMPARE(pending->action, ActionKind::Complete);
        QCOMPARE(pending->source, HistorySource::Cli);
        QVERIFY(pending->production);
        QCOMPARE(pending->linkId, attempt.linkId);
        QCOMPARE(pending->request.body, request.body);
        QCOMPARE(pending->request.headers.at(0).second, QByteArray("<redacted>"));
        QCOMPARE(pending->httpStatus, std::optional<int>());
        const QList<HistoryEntry> unknown = other.unknownOutcomes().value();
        QCOMPARE(unknown.size(), 1);
        QCOMPARE(unknown.first().id, *id);
        // Rows younger than the caller's own start are left out (they may be in flight).
        QCOMPARE(other.unknownOutcomes(started.addSecs(-1)).value().size(), 0);

        Outcome outcome;
        outcome.kind = OutcomeKind::Completed;
        outcome.httpStatus = 204;
        outcome.reasonPhrase = "No Content";
        outcome.elapsedMs = 31;
        outcome.request = request;
        outcome.request.headers.append(qMakePair(QByteArray("X-Sent"), QByteArray("yes")));
        QVERIFY2(store.finishAttempt(*id, outcome), qPrintable(store.error()));
        const std::optional<HistoryEntry> done = other.entry(*id);
        QCOMPARE(done->state, HistoryState::Finished);
        QCOMPARE(done->kind, OutcomeKind::Completed);
        QCOMPARE(done->httpStatus, std::optional<int>(204));
        QCOMPARE(done->title, QStringLiteral("No Content"));
        QCOMPARE(done->elapsedMs, 31);
        QCOMPARE(done->time, pending->time); // when it started
        QCOMPARE(done->request.headers.size(), 2); // as sent
        QCOMPARE(done->linkId, attempt.linkId);
        QVERIFY(other.unknownOutcomes().value().isEmpty());
        QVERIFY(!store.finishAttempt(*id + 1000, outcome));
    }

    void interruptedAttemptStaysUnknownUntilLookedUp()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("interrupted.sqlite"))));
        HistoryEntry attempt = makeEntry(QStringLiteral("77"), OutcomeKind::Completed, kBase);
        const qint64 id = store.beginAttempt(attempt).value_or(0);
        QVERIFY(id > 0);
        QVERIFY(store.entry(id)->state == HistoryState::Pending); // whatever the entry said
        QVERIFY(store.markInterrupted(id, QStringLiteral("interrupted (SIGTERM)"), 1200));
        std::optional<HistoryEntry> e = store.entry(id);
        QCOMPARE(e->state, HistoryState::Pending);
        QCOMPARE(e->transportError, QStringLiteral("interrupted (SIGTERM)"));
        QCOMPARE(e->elapsedMs, 1200);
        QVERIFY(e->title.contains(QLatin1String("look the job up")));
        QCOMPARE(store.unknownOutcomes().value().size(), 1);
        HistoryFilter pending;
        pending.state = HistoryState::Pending;
        QCOMPARE(store.count(pending).value_or(-1), 1);

        const QDateTime checked(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        QVERIFY(store.recordCheck(id, LookupCheck::Applied, checked));
        e = store.entry(id);
        QCOMPARE(e->check, LookupCheck::Applied);
        QCOMPARE(e->checkedAt, checked);
        QCOMPARE(e->title, unknownOutcomeTitle(LookupCheck::Applied));
        QVERIFY(!e->isUnknownOutcome());
        QVERIFY(store.unknownOutcomes().value().isEmpty());
        // Once finished it can no longer be marked interrupted.
        QVERIFY(!store.markInterrupted(store.append(attempt).value_or(0), QStringLiteral("x"), 1));
        QVERIFY(!store.recordCheck(9999, LookupCheck::NotApplied, checked));
    }

    void sentNoAnswerIsFinishedAsAnUnknownOutcome()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("sent-no-answer.sqlite"))));
        const qint64 id
            = store.beginAttempt(makeEntry(QStringLiteral("78"), OutcomeKind::Completed, kBase))
                  .value_or(0);
        QVERIFY(id > 0);
        Outcome outcome;
        outcome.kind = OutcomeKind::SentNoAnswer;
        outcome.transportError = QStringLiteral("the connection closed before an answer came");
        outcome.elapsedMs = 40;
        QVERIFY2(store.finishAttempt(id, outcome), qPrintable(store.error()));
        std::optional<HistoryEntry> e = store.entry(id);
        // Finished (the run knows it got no answer), kept as sent-no-answer, not as a plain
        // transport error: the server may have applied it, so it waits for a look-up.
        QCOMPARE(e->state, HistoryState::Finished);
        QCOMPARE(e->kind, OutcomeKind::SentNoAnswer);
        QCOMPARE(e->title, outcome.transportError);
        QVERIFY(e->isUnknownOutcome());
        QList<HistoryEntry> unknown = store.unknownOutcomes().value();
        QCOMPARE(unknown.size(), 1);
        QCOMPARE(unknown.first().id, id);
        QCOMPARE(store.unknownOutcomes({}, 10, QStringLiteral("78")).value().size(), 1);
        QCOMPARE(store.unknownOutcomes({}, 10, QStringLiteral("79")).value().size(), 0);

        // A plain transport error (nothing went out) is no unknown outcome.
        Outcome refused;
        refused.kind = OutcomeKind::TransportError;
        refused.transportError = QStringLiteral("connection refused");
        const qint64 other
            = store.beginAttempt(makeEntry(QStringLiteral("79"), OutcomeKind::Completed, kBase))
                  .value_or(0);
        QVERIFY(store.finishAttempt(other, refused));
        QVERIFY(!store.entry(other)->isUnknownOutcome());
        QCOMPARE(store.unknownOutcomes().value().size(), 1);

        QVERIFY(store.recordCheck(id, LookupCheck::NotApplied, kBase.addSecs(60)));
        QVERIFY(!store.entry(id)->isUnknownOutcome());
        QVERIFY(store.unknownOutcomes().value().isEmpty());
    }

    void retentionNeverPrunesUnknownOutcomes()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("keep-pending.sqlite"))));
        const qint64 old
            = store.beginAttempt(makeEntry(QStringLiteral("old"), OutcomeKind::Completed, kBase))
                  .value_or(0);
        for (int i = 1; i <= 5; ++i)
            QVERIFY(store.append(
                makeEntry(QString::number(i), OutcomeKind::Completed, kBase.addDays(i))));
        // An attempt whose answer was lost is finished, yet as unknown as a pending one.
        const qint64 lost
            = store.beginAttempt(makeEntry(QStringLiteral("lost"), OutcomeKind::Completed, kBase))
                  .value_or(0);
        Outcome noAnswer;
        noAnswer.kind = OutcomeKind::SentNoAnswer;
        noAnswer.transportError = QStringLiteral("the connection closed before an answer came");
        QVERIFY(store.finishAttempt(lost, noAnswer));
        QCOMPARE(store.pruneToCount(2).value_or(-1), 3);
        QCOMPARE(store.pruneOlderThan(kBase.addDays(100)).value_or(-1), 2);
        QCOMPARE(store.count().value_or(-1), 2);
        QVERIFY(store.entry(old));
        QVERIFY(store.entry(lost));

        // Once a look-up settled it, it is an ordinary row again.
        QVERIFY(store.recordCheck(lost, LookupCheck::Applied, kBase.addSecs(60)));
        QCOMPARE(store.pruneOlderThan(kBase.addDays(100)).value_or(-1), 1);
        QVERIFY(!store.entry(lost));
        QVERIFY(store.entry(old));
    }

    void filterByActionStateLinkAndBatch()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("actions.sqlite"))));
        const QString link = HistoryStore::newLinkId();
        QVERIFY(link != HistoryStore::newLinkId());
        const ActionKind steps[]
            = {ActionKind::Update, ActionKind::ResolveIncident, ActionKind::Complete};
        for (int i = 0; i < 3; ++i) {
            HistoryEntry e
                = makeEntry(QStringLiteral("5"), OutcomeKind::Completed, kBase.addSecs(i));
            e.action = steps[i];
            e.linkId = link;
            QVERIFY(store.append(e));
        }
        HistoryEntry batchItem = makeEntry(QStringLiteral("6"), OutcomeKind::Completed, kBase);
        batchItem.batchId = 42;
        QVERIFY(store.append(batchItem));
        QVERIFY(store.beginAttempt(makeEntry(QStringLiteral("7"), OutcomeKind::Completed, kBase)));

        HistoryFilter filter;
        filter.linkId = link;
        const QList<HistoryEntry> repair = store.query(filter, 0, 10).value();
        QCOMPARE(repair.size(), 3);
        QCOMPARE(repair.first().action, ActionKind::Complete);
        QCOMPARE(repair.last().action, ActionKind::Update);
        filter = {};
        filter.actions = {ActionKind::ResolveIncident, ActionKind::Update};
        QCOMPARE(store.count(filter).value_or(-1), 2);
        filter = {};
        filter.batchId = 42;
        QCOMPARE(store.query(filter, 0, 10).value().first().jobKey, QStringLiteral("6"));
        filter = {};
        filter.state = HistoryState::Finished;
        QCOMPARE(store.count(filter).value_or(-1), 4);
        filter.state = HistoryState::Pending;
        QCOMPARE(store.query(filter, 0, 10).value().first().jobKey, QStringLiteral("7"));
        QVERIFY(!filter.isEmpty());
    }

    void enumNamesAreStable()
    {
        QCOMPARE(historySourceName(HistorySource::Window), QStringLiteral("window"));
        QCOMPARE(historySourceName(HistorySource::Cli), QStringLiteral("cli"));
        QCOMPARE(historySourceFromName(QStringLiteral("cli")), HistorySource::Cli);
        QCOMPARE(historySourceFromName(QStringLiteral("")), HistorySource::Window);
        QCOMPARE(historyStateName(HistoryState::Pending), QStringLiteral("pending"));
        QCOMPARE(historyStateFromName(QStringLiteral("finished")), HistoryState::Finished);
        for (const LookupCheck check : {LookupCheck::None, LookupCheck::Applied,
                 LookupCheck::NotApplied, LookupCheck::Inconclusive})
            QCOMPARE(lookupCheckFromName(lookupCheckName(check)), check);
    }

    void freshFileOpenedByManyAtOnce()
    {
        // Several programs starting on an empty data folder at the same moment: each one opens
        // the same new file; all must agree on one schema, none may call it foreign.
        constexpr int kRounds = 15;
        constexpr int kOpeners = 8;
        for (int round = 0; round < kRounds; ++round) {
            const QString path
                = m_dir.filePath(QStringLiteral("race-%1/history.sqlite").arg(round));
            std::atomic<int> ready {0};
            std::atomic<bool> go {false};
            QStringList errors;
            QMutex errorsLock;
            QList<QThread *> threads;
            for (int i = 0; i < kOpeners; ++i) {
                threads.append(QThread::create([&, i] {
                    ++ready;
                    while (!go)
                        QThread::yieldCurrentThread();
                    HistoryStore store;
                    QString error;
                    if (!store.open(path))
                        error = store.error();
                    else if (!store.append(
                                 makeEntry(QString::number(i), OutcomeKind::Completed, kBase)))
                        error = store.error();
                    if (!error.isEmpty()) {
                        const QMutexLocker locker(&errorsLock);
                        errors.append(error);
                    }
                }));
                threads.last()->start();
            }
            QTRY_COMPARE(ready.load(), kOpeners);
            go = true;
            for (QThread *thread : threads) {
                QVERIFY(thread->wait(30000));
                delete thread;
            }
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
            HistoryStore check;
            QVERIFY(check.open(path));
            QCOMPARE(check.count().value_or(-1), kOpeners);
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_HistoryStore.moc"
