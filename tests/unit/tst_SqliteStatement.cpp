// SPDX-License-Identifier: GPL-3.0-or-later
// SqliteStatement writes what QSqlQuery writes: the same storage class and bytes for every kind
// of value HistoryRows binds, so a history row reads back the same whichever of the two wrote it;
// it takes part in the connection's transaction; failures are reported, not swallowed.
#include "core/history/HistoryRows.h"
#include "core/history/HistoryStore.h"
#include "core/history/SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace JobDesk;

class TestSqliteStatement final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void storesWhatQSqlQueryStores_data();
    void storesWhatQSqlQueryStores();
    void historyRowReadsBackTheSameFromEitherWriter();
    void readsWhatQSqlQueryReads();
    void takesPartInTheOpenTransaction();
    void reportsWhatFails();
    void noHandleWithoutAnOpenSqliteDatabase();

private:
    /// (typeof, value as text, value as hex) of row `id` of table t.
    QStringList stored(qint64 id);

    QTemporaryDir m_dir;
    QString m_connection;
};

void TestSqliteStatement::init()
{
    QVERIFY(m_dir.isValid());
    m_connection = QStringLiteral("tst_SqliteStatement");
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_dir.filePath(QStringLiteral("t.sqlite")));
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("DROP TABLE IF EXISTS t")));
    QVERIFY(q.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v, n TEXT NOT NULL)")));
}

void TestSqliteStatement::cleanup()
{
    QSqlDatabase::database(m_connection, false).close();
    QSqlDatabase::removeDatabase(m_connection);
}

QStringList TestSqliteStatement::stored(qint64 id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT typeof(v), CAST(v AS TEXT), hex(v) FROM t WHERE id = ?"));
    q.bindValue(0, id);
    if (!q.exec() || !q.next())
        return {QStringLiteral("missing")};
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()};
}

void TestSqliteStatement::storesWhatQSqlQueryStores_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::newRow("text") << QVariant(QStringLiteral("completed"));
    QTest::newRow("text, not ASCII") << QVariant(QStringLiteral("Ünïcødé ✓ 😀"));
    QTest::newRow("empty text") << QVariant(QStringLiteral(""));
    QTest::newRow("null text") << QVariant(QString());
    QTest::newRow("bytes") << QVariant(QByteArray("{\"a\":1}\x00\xff", 9));
    QTest::newRow("empty bytes") << QVariant(QByteArray(""));
    QTest::newRow("null bytes") << QVariant(QByteArray());
    QTest::newRow("int") << QVariant(-204);
    QTest::newRow("64-bit") << QVariant(std::numeric_limits<qint64>::max());
    QTest::newRow("bool") << QVariant(true);
    QTest::newRow("null int") << QVariant(QMetaType(QMetaType::Int));
    QTest::newRow("null 64-bit") << QVariant(QMetaType(QMetaType::LongLong));
}

void TestSqliteStatement::storesWhatQSqlQueryStores()
{
    QFETCH(QVariant, value);
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery viaQt(db);
    QVERIFY(viaQt.prepare(QStringLiteral("INSERT INTO t (id, v, n) VALUES (1, ?, '')")));
    viaQt.bindValue(0, value);
    QVERIFY2(viaQt.exec(), qPrintable(viaQt.lastError().text()));

    SqliteStatement direct(db, "INSERT INTO t (id, v, n) VALUES (2, ?, '')");
    QVERIFY2(direct.isValid(), qPrintable(direct.errorText()));
    direct.bindValue(0, value);
    QVERIFY2(direct.exec(), qPrintable(direct.errorText()));
    QCOMPARE(direct.numRowsAffected(), 1);
    QCOMPARE(direct.lastInsertId(), 2);
    QCOMPARE(stored(2), stored(1));

    // The typed overloads HistoryRows uses store the same as the QVariant they come from.
    SqliteStatement typed(db, "INSERT INTO t (id, v, n) VALUES (3, ?, '')");
    switch (value.metaType().id()) {
    case QMetaType::QString:
        typed.bindValue(0, value.toString());
        break;
    case QMetaType::QByteArray:
        typed.bindValue(0, value.toByteArray());
        break;
    case QMetaType::Int:
    case QMetaType::Bool:
        if (value.isNull())
            typed.bindValue(0, value);
        else
            typed.bindValue(0, value.toInt());
        break;
    default:
        if (value.isNull())
            typed.bindValue(0, value);
        else
            typed.bindValue(0, value.toLongLong());
        break;
    }
    QVERIFY2(typed.exec(), qPrintable(typed.errorText()));
    QCOMPARE(stored(3), stored(1));
}

void TestSqliteStatement::historyRowReadsBackTheSameFromEitherWriter()
{
    HistoryStore store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("history.sqlite"))));
    const QSqlDatabase db = QSqlDatabase::database(store.connectionName(), false);

    RequestRecord request;
    request.action = ActionKind::Complete;
    request.subjectKey = QStringLiteral("9223372036854775807");
    request.method = "POST";
    request.url = QUrl(QStringLiteral("https://user:pw@example.org/v2/jobs/9223372036854775807/"
                                      "completion"));
    request.headers = {{"Content-Type", "application/json"}, {"Authorization", "Bearer secret"}};
    request.body = "{\"variables\":{\"amount\":12345678901234567890.10}}";
    HistoryEntry entry = HistoryEntry::forAttempt(request, HistorySource::Cli,
        QStringLiteral("prod ✓"), true, QDateTime::fromMSecsSinceEpoch(1764547200123, Qt::UTC));
    entry.batchId = 7;

    Outcome outcome;
    outcome.request = request;
    outcome.kind = OutcomeKind::NotFound;
    outcome.httpStatus = 404;
    outcome.elapsedMs = 12;
    outcome.responseHeaders = {{"Content-Type", "application/problem+json"}};
    outcome.rawBody = "{\"title\":\"NOT_FOUND\",\"status\":404,\"detail\":\"Ünïcødé\"}";
    outcome.problem = ProblemDetails::parse(outcome.rawBody, "application/problem+json");
    const HistoryEntry finished
        = HistoryEntry::fromOutcome(outcome, HistorySource::Cli, QString(), QString(), {});

    const auto kInsert = QByteArray(HistoryRows::kInsert.data(), HistoryRows::kInsert.size());
    const auto kFinish = QByteArray(HistoryRows::kFinish.data(), HistoryRows::kFinish.size());
    QSqlQuery qtInsert(db);
    QVERIFY(qtInsert.prepare(HistoryRows::kInsert));
    QVERIFY(HistoryRows::insertEntry(qtInsert, entry));
    const qint64 qtId = qtInsert.lastInsertId().toLongLong();
    SqliteStatement directInsert(db, kInsert);
    QVERIFY(HistoryRows::insertEntry(directInsert, entry));
    const qint64 directId = directInsert.lastInsertId();
    QVERIFY(directId != qtId);

    const auto row = [&](qint64 id) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("SELECT %1 FROM history WHERE id = ?").arg(HistoryRows::kFullColumns));
        q.bindValue(0, id);
        if (!q.exec() || !q.next())
            return QStringList {QStringLiteral("missing")};
        QStringList values;
        for (int i = 1; i < q.record().count(); ++i) // all but the id
            values.append(
                QString::fromLatin1(q.value(i).typeName()) + u':' + q.value(i).toString());
        QSqlQuery types(db);
        types.prepare(QStringLiteral("SELECT typeof(request_body), typeof(response_body), "
                                     "typeof(http_status), typeof(checked_ms) FROM history "
                                     "WHERE id = ?"));
        types.bindValue(0, id);
        if (types.exec() && types.next()) {
            for (int i = 0; i < 4; ++i)
                values.append(types.value(i).toString());
        }
        return values;
    };
    QCOMPARE(row(directId), row(qtId));

    QSqlQuery qtFinish(db);
    QVERIFY(qtFinish.prepare(HistoryRows::kFinish));
    QVERIFY(HistoryRows::finishEntry(qtFinish, qtId, finished));
    SqliteStatement directFinish(db, kFinish);
    QVERIFY(HistoryRows::finishEntry(directFinish, directId, finished));
    QCOMPARE(row(directId), row(qtId));
    // A row that is not there is not "finished".
    QVERIFY(!HistoryRows::finishEntry(directFinish, directId + 1000, finished));

    // And the store's own reader sees the two alike.
    const std::optional<HistoryEntry> viaQt = store.entry(qtId);
    const std::optional<HistoryEntry> viaDirect = store.entry(directId);
    QVERIFY(viaQt && viaDirect);
    QCOMPARE(viaDirect->request.url, viaQt->request.url);
    QCOMPARE(viaDirect->request.headers, viaQt->request.headers);
    QCOMPARE(viaDirect->request.body, viaQt->request.body);
    QCOMPARE(viaDirect->responseBody, viaQt->responseBody);
    QCOMPARE(viaDirect->httpStatus, viaQt->httpStatus);
    QCOMPARE(viaDirect->connection, viaQt->connection);
    QVERIFY(!viaDirect->request.headers.isEmpty());
}

void TestSqliteStatement::readsWhatQSqlQueryReads()
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const QList<QVariant> values {QVariant(QStringLiteral("Ünïcødé ✓")), QVariant(QString()),
        QVariant(QStringLiteral("")), QVariant(QByteArray("a\x00b", 3)), QVariant(QByteArray("")),
        QVariant(std::numeric_limits<qint64>::min()), QVariant(QMetaType(QMetaType::Int))};
    QSqlQuery insert(db);
    QVERIFY(insert.prepare(QStringLiteral("INSERT INTO t (id, v, n) VALUES (?, ?, '')")));
    for (int id = 0; id < values.size(); ++id) {
        insert.bindValue(0, id);
        insert.bindValue(1, values[id]);
        QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
    }
    QSqlQuery viaQt(db);
    QVERIFY(viaQt.exec(QStringLiteral("SELECT id, v FROM t ORDER BY id")));
    SqliteStatement direct(db, "SELECT id, v FROM t WHERE id >= ? ORDER BY id");
    direct.bindValue(0, qint64(0));
    int rows = 0;
    while (viaQt.next()) {
        QVERIFY2(direct.next(), qPrintable(direct.errorText()));
        const QVariant v = viaQt.value(1);
        QCOMPARE(direct.int64At(0), viaQt.value(0).toLongLong());
        QCOMPARE(direct.isNullAt(1), v.isNull());
        QCOMPARE(direct.textAt(1), v.toString());
        QVERIFY2(direct.textAt(1).isNull() == v.toString().isNull(),
            qPrintable(QString::number(direct.int64At(0))));
        QCOMPARE(direct.bytesAt(1), v.toByteArray());
        QCOMPARE(direct.bytesAt(1).isNull(), v.toByteArray().isNull());
        if (!v.isNull() && v.metaType().id() == QMetaType::LongLong)
            QCOMPARE(direct.int64At(1), v.toLongLong());
        ++rows;
    }
    QCOMPARE(rows, values.size());
    QVERIFY(!direct.next()); // the end, not a failure
    QVERIFY(direct.errorText().isEmpty());
    // Ready to run again.
    QVERIFY(direct.next());
    QCOMPARE(direct.int64At(0), 0);
}

void TestSqliteStatement::takesPartInTheOpenTransaction()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QVERIFY(db.transaction());
    SqliteStatement insert(db, "INSERT INTO t (id, v, n) VALUES (?, ?, '')");
    insert.bindValue(0, qint64(10));
    insert.bindValue(1, QStringLiteral("rolled back"));
    QVERIFY(insert.exec());
    QVERIFY(db.rollback());
    QCOMPARE(stored(10), QStringList {QStringLiteral("missing")});

    QVERIFY(db.transaction());
    insert.bindValue(0, qint64(11));
    insert.bindValue(1, QStringLiteral("kept"));
    QVERIFY(insert.exec());
    QVERIFY(db.commit());
    QCOMPARE(stored(11).value(1), QStringLiteral("kept"));
}

void TestSqliteStatement::reportsWhatFails()
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    SqliteStatement bad(db, "INSERT INTO no_such_table VALUES (?)");
    QVERIFY(!bad.isValid());
    QVERIFY(bad.errorText().contains(QLatin1String("no_such_table")));
    QVERIFY(!bad.exec());

    // NOT NULL: the row is refused, and said so.
    SqliteStatement insert(db, "INSERT INTO t (id, v, n) VALUES (?, 1, ?)");
    QVERIFY(insert.isValid());
    insert.bindValue(0, qint64(20));
    insert.bindValue(1, QString());
    QVERIFY(!insert.exec());
    QVERIFY2(
        insert.errorText().contains(QLatin1String("NOT NULL")), qPrintable(insert.errorText()));
    QCOMPARE(insert.numRowsAffected(), 0);
    QCOMPARE(stored(20), QStringList {QStringLiteral("missing")});

    // An UPDATE that finds nothing is no error, and changes no row.
    SqliteStatement update(db, "UPDATE t SET v = 2 WHERE id = ?");
    update.bindValue(0, qint64(12345));
    QVERIFY(update.exec());
    QCOMPARE(update.numRowsAffected(), 0);
}

void TestSqliteStatement::noHandleWithoutAnOpenSqliteDatabase()
{
    QVERIFY(SqliteStatement::handleOf(QSqlDatabase::database(m_connection, false)));
    QVERIFY(!SqliteStatement::handleOf(QSqlDatabase()));
    QSqlDatabase closed = QSqlDatabase::database(m_connection, false);
    closed.close();
    QVERIFY(!SqliteStatement::handleOf(closed));
    SqliteStatement none(closed, "SELECT 1");
    QVERIFY(!none.isValid());
    QVERIFY(!none.errorText().isEmpty());
}

QTEST_GUILESS_MAIN(TestSqliteStatement)
#include "tst_SqliteStatement.moc"
