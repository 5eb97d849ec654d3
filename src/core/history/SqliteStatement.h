// SPDX-License-Identifier: GPL-3.0-or-later
// A prepared statement straight on SQLite, on the connection of an open QSqlDatabase.
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;
class QSqlDatabase;

namespace JobDesk {

/// A statement prepared on the SQLite connection behind a QSqlDatabase (its driver's handle),
/// for the writes a batch makes thousands of times a second: QSqlQuery spends more on each
/// bound value (a placeholder name formatted and hashed per value, every text converted to
/// UTF-16) than SQLite spends on the row. Values are stored exactly as QSqlQuery stores them
/// (text as TEXT, bytes as a BLOB, a null QString, QByteArray or QVariant as NULL), so what
/// HistoryStore reads back does not depend on which of the two wrote it. It takes part in the
/// connection's open transaction like any QSqlQuery on it.
///
/// The bindValue()/exec()/numRowsAffected() names follow QSqlQuery so that one row writer
/// (HistoryRows) binds either. Finalized when destroyed: keep it shorter-lived than the
/// connection.
class SqliteStatement final
{
public:
    SqliteStatement(const QSqlDatabase &db, const QByteArray &sql);
    ~SqliteStatement();
    Q_DISABLE_COPY_MOVE(SqliteStatement)

    /// The SQLite connection of an open QSqlDatabase whose driver is QSQLITE, or nullptr.
    static sqlite3 *handleOf(const QSqlDatabase &db);

    /// False (with errorText()) when the statement could not be prepared.
    bool isValid() const { return m_statement != nullptr; }

    /// `index` counts from 0, like QSqlQuery's positional placeholders.
    void bindValue(int index, qint64 value);
    void bindValue(int index, int value) { bindValue(index, qint64(value)); }
    void bindValue(int index, const QString &value);
    void bindValue(int index, const QByteArray &value);
    /// Null, integer, boolean, text and bytes, as QSqlQuery binds them.
    void bindValue(int index, const QVariant &value);

    /// Runs the statement once with the values bound, then readies it for the next values.
    bool exec();
    /// For a SELECT: the next row of the result, false at its end (and ready to run again) or
    /// on a failure (errorText() then says which). Read the row with the *At() accessors.
    bool next();
    bool isNullAt(int column) const;
    qint64 int64At(int column) const;
    /// Text as UTF-8 decoded; a NULL (and an empty BLOB) is a null QString, as QSqlQuery reads it.
    QString textAt(int column) const;
    /// The bytes of a BLOB (or the UTF-8 of a TEXT); a NULL (and, as QSqlQuery reads it, an
    /// empty BLOB) is a null QByteArray.
    QByteArray bytesAt(int column) const;

    /// Rows the last exec() changed.
    int numRowsAffected() const { return m_changes; }
    /// The row id the last exec() of an INSERT gave its row.
    qint64 lastInsertId() const { return m_lastInsertId; }
    /// SQLite's message for the first failure ("" when none). A failure sticks: a statement
    /// is not used on after one (its transaction is rolled back).
    QString errorText() const { return m_error; }

private:
    void check(int result);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    int m_changes = 0;
    qint64 m_lastInsertId = 0;
    QString m_error;
};

} // namespace JobDesk
