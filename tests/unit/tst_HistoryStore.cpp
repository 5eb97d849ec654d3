// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryStore.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
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
    e.source = QStringLiteral("window");
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
        QCOMPARE(store.count(), 0);
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
        e.source = QStringLiteral("cli");
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
        const qint64 id = store.append(e);
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
        store.pruneToCount(1000); // any statement; the WAL holds the row until checkpoint
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
            = store.append(makeEntry(QStringLiteral("1"), OutcomeKind::TransportError, kBase));
        QCOMPARE(store.entry(id2)->httpStatus, std::optional<int>());
        QVERIFY(!store.entry(id2 + 100));
    }

    void missingTimeMeansNow()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("now.sqlite"))));
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const qint64 id
            = store.append(makeEntry(QStringLiteral("1"), OutcomeKind::Completed, QDateTime()));
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
            QVERIFY(store.append(
                makeEntry(QString::number(100 + i), OutcomeKind::Completed, kBase.addSecs(i))));
        QVERIFY(store.append(
            makeEntry(QStringLiteral("999"), OutcomeKind::Completed, kBase.addSecs(4))));
        const auto all = store.query({}, 0, 100);
        QStringList keys;
        for (const auto &e : all)
            keys.append(e.jobKey);
        QCOMPARE(keys,
            QStringList({QStringLiteral("999"), QStringLiteral("104"), QStringLiteral("103"),
                QStringLiteral("102"), QStringLiteral("101"), QStringLiteral("100")}));
        const auto page = store.query({}, 2, 2);
        QCOMPARE(page.size(), 2);
        QCOMPARE(page.at(0).jobKey, QStringLiteral("103"));
        QCOMPARE(page.at(1).jobKey, QStringLiteral("102"));
        QCOMPARE(store.query({}, 6, 10).size(), 0);
        QCOMPARE(store.query({}, 0, 0).size(), 0);
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
        store.append(makeEntry(QStringLiteral("5551"), OutcomeKind::Completed, kBase));
        store.append(makeEntry(
            QStringLiteral("7002"), OutcomeKind::NotFound, kBase, QStringLiteral("NOT_FOUND")));
        store.append(makeEntry(QStringLiteral("7003"), OutcomeKind::InvalidState, kBase,
            QStringLiteral("INVALID_STATE"), QStringLiteral("it is in state 'FAILED'")));
        store.append(makeEntry(QStringLiteral("7004"), OutcomeKind::Completed, kBase, {}, {},
            QStringLiteral("prod-eu")));
        store.append(makeEntry(
            QStringLiteral("7005"), OutcomeKind::Rejected, kBase, QStringLiteral("100% wrong")));
        store.append(
            makeEntry(QStringLiteral("7006"), OutcomeKind::Rejected, kBase, QStringLiteral("a_b")));
        store.append(makeEntry(
            QStringLiteral("7007"), OutcomeKind::Rejected, kBase, QStringLiteral("path c:\\x")));
        store.append(makeEntry(QStringLiteral("7008"), OutcomeKind::Rejected, kBase,
            QStringLiteral("100 percent, aXb, c:x")));
        HistoryFilter filter;
        filter.text = text;
        QStringList keys;
        for (const auto &e : store.query(filter, 0, 100))
            keys.append(e.jobKey);
        QCOMPARE(keys, expectedKeys);
        QCOMPARE(store.count(filter), expectedKeys.size());
    }

    void filterKindsAndCombined()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("kinds.sqlite"))));
        const OutcomeKind kinds[] = {OutcomeKind::Completed, OutcomeKind::NotFound,
            OutcomeKind::Backpressure, OutcomeKind::NotFound};
        for (int i = 0; i < 4; ++i)
            store.append(makeEntry(QString::number(10 + i), kinds[i], kBase.addSecs(i)));
        HistoryFilter filter;
        filter.kinds = {OutcomeKind::NotFound};
        QCOMPARE(store.count(filter), 2);
        QCOMPARE(store.query(filter, 0, 10).at(0).jobKey, QStringLiteral("13"));
        filter.kinds = {OutcomeKind::NotFound, OutcomeKind::Completed};
        QCOMPARE(store.count(filter), 3);
        filter.text = QStringLiteral("11");
        QCOMPARE(store.count(filter), 1);
        QCOMPARE(store.query(filter, 0, 10).at(0).kind, OutcomeKind::NotFound);
        QCOMPARE(store.count(), 4);
    }

    void prune()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("prune.sqlite"))));
        for (int i = 0; i < 10; ++i)
            store.append(makeEntry(QString::number(i), OutcomeKind::Completed, kBase.addDays(i)));
        QCOMPARE(store.pruneOlderThan(kBase.addDays(3)), 3);
        QCOMPARE(store.count(), 7);
        QCOMPARE(store.query({}, 6, 1).at(0).jobKey, QStringLiteral("3"));
        QCOMPARE(store.pruneToCount(4), 3);
        QCOMPARE(store.count(), 4);
        QCOMPARE(store.query({}, 3, 1).at(0).jobKey, QStringLiteral("6"));
        QCOMPARE(store.query({}, 0, 1).at(0).jobKey, QStringLiteral("9"));
        QCOMPARE(store.pruneToCount(10), 0);
        QCOMPARE(store.pruneToCount(0), 4);
        QCOMPARE(store.count(), 0);
    }

    void forEachVisitsAllInOrderAcrossBatches()
    {
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("each.sqlite"))));
        QList<HistoryEntry> many;
        for (int i = 0; i < 1234; ++i)
            many.append(HistoryStore::syntheticEntry(i, kBase));
        // Same second for a few rows to exercise the (time, id) keyset.
        many[10].time = many[11].time;
        QVERIFY2(store.appendMany(many), qPrintable(store.error()));
        QCOMPARE(store.count(), 1234);
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
        QCOMPARE(visited, store.count(filter));
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
            QVERIFY(window.append(makeEntry(
                QStringLiteral("w%1").arg(i), OutcomeKind::Completed, kBase.addSecs(2 * i))));
            QVERIFY(cli.append(makeEntry(
                QStringLiteral("c%1").arg(i), OutcomeKind::NotFound, kBase.addSecs(2 * i + 1))));
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
            QVERIFY(cli.append(
                makeEntry(QStringLiteral("late"), OutcomeKind::Completed, kBase.addSecs(1000))));
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
        }
        reader.close();
        reader = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("reader"));
        QCOMPARE(window.count(), 101);
        QCOMPARE(window.query({}, 0, 1).at(0).jobKey, QStringLiteral("late"));
        QCOMPARE(window.lastId(), cli.lastId());
        QCOMPARE(window.query({}, 1, 1).at(0).jobKey, QStringLiteral("c49"));
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
            appendedId = store.append(
                makeEntry(QStringLiteral("from-cli"), OutcomeKind::Completed, kBase));
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
        QCOMPARE(first.count(), 1);
        QCOMPARE(first.query({}, 0, 1).at(0).jobKey, QStringLiteral("from-cli"));
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
        QCOMPARE(store.append(makeEntry(QStringLiteral("1"), OutcomeKind::Completed, kBase)), 0);
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
            QVERIFY(store.append(makeEntry(QStringLiteral("1"), OutcomeKind::Completed, kBase)));
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
            outcome, QStringLiteral("cli"), QStringLiteral("dev"), QStringLiteral("1"), kBase);
        QCOMPARE(e.title, QStringLiteral("NOT_FOUND"));
        QCOMPARE(e.detail, QStringLiteral("no such job"));
        QCOMPARE(e.source, QStringLiteral("cli"));
        HistoryStore store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("outcome.sqlite"))));
        const auto back = store.entry(store.append(e));
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
            plain, QStringLiteral("window"), {}, QStringLiteral("2"), kBase);
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
            entries.append(HistoryStore::syntheticEntry(i, kBase));
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(store.appendMany(entries), qPrintable(store.error()));
        qInfo("appendMany(100000): %lld ms", timer.restart());
        QCOMPARE(store.count(), 100000);
        qInfo("count(): %lld ms", timer.restart());
        const auto first = store.query({}, 0, 200);
        qInfo("query(0, 200): %lld ms", timer.restart());
        QCOMPARE(first.size(), 200);
        QCOMPARE(first.at(0).jobKey, QStringLiteral("2251799813685249"));
        const auto last = store.query({}, 99990, 200);
        qInfo("query(99990, 200): %lld ms", timer.restart());
        QCOMPARE(last.size(), 10);
        QCOMPARE(last.last().jobKey, QString::number(2251799813685249LL + 99999));
        HistoryFilter filter;
        filter.kinds = {OutcomeKind::InvalidState};
        const int invalid = store.count(filter);
        qInfo("count(kind): %lld ms", timer.restart());
        QCOMPARE(invalid, 100000 / 9 + (100000 % 9 > 4 ? 1 : 0));
        filter.kinds.clear();
        filter.text = QStringLiteral("2251799813735249");
        QCOMPARE(store.count(filter), 1);
        qInfo("count(text): %lld ms", timer.restart());
        const qint64 id = store.append(
            makeEntry(QStringLiteral("1"), OutcomeKind::Completed, kBase.addSecs(10)));
        qInfo("append(one more): %lld ms", timer.restart());
        QCOMPARE(store.query({}, 0, 1).at(0).id, id);
        QCOMPARE(store.pruneToCount(50000), 50001);
        qInfo("pruneToCount(50000): %lld ms", timer.restart());
        QCOMPARE(store.count(), 50000);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_HistoryStore.moc"
