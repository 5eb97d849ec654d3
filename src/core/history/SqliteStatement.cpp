// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/SqliteStatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>

#include <sqlite3.h>

namespace JobDesk {

sqlite3 *SqliteStatement::handleOf(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

SqliteStatement::SqliteStatement(const QSqlDatabase &db, const QByteArray &sql)
    : m_db(handleOf(db))
{
    if (!m_db) {
        m_error = QStringLiteral("the history database is not an open SQLite database");
        return;
    }
    if (sqlite3_prepare_v2(m_db, sql.constData(), int(sql.size()), &m_statement, nullptr)
        != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::check(int result)
{
    if (result != SQLITE_OK && m_error.isEmpty())
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
}

void SqliteStatement::bindValue(int index, qint64 value)
{
    if (m_statement)
        check(sqlite3_bind_int64(m_statement, index + 1, value));
}

void SqliteStatement::bindValue(int index, const QString &value)
{
    if (!m_statement)
        return;
    if (value.isNull()) {
        check(sqlite3_bind_null(m_statement, index + 1));
        return;
    }
    const QByteArray utf8 = value.toUtf8();
    check(sqlite3_bind_text(
        m_statement, index + 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT));
}

void SqliteStatement::bindValue(int index, const QByteArray &value)
{
    if (!m_statement)
        return;
    if (value.isNull()) {
        check(sqlite3_bind_null(m_statement, index + 1));
        return;
    }
    check(sqlite3_bind_blob(
        m_statement, index + 1, value.constData(), int(value.size()), SQLITE_TRANSIENT));
}

void SqliteStatement::bindValue(int index, const QVariant &value)
{
    if (!m_statement)
        return;
    if (value.isNull()) {
        check(sqlite3_bind_null(m_statement, index + 1));
        return;
    }
    switch (value.metaType().id()) {
    case QMetaType::QString:
        bindValue(index, value.toString());
        break;
    case QMetaType::QByteArray:
        bindValue(index, value.toByteArray());
        break;
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
        bindValue(index, value.toLongLong());
        break;
    default:
        bindValue(index, value.toString());
        break;
    }
}

bool SqliteStatement::exec()
{
    if (!m_statement)
        return false;
    if (!m_error.isEmpty()) {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        return false;
    }
    const int result = sqlite3_step(m_statement);
    const bool ok = result == SQLITE_DONE || result == SQLITE_ROW;
    if (ok) {
        m_changes = sqlite3_changes(m_db);
        m_lastInsertId = sqlite3_last_insert_rowid(m_db);
    } else {
        m_changes = 0;
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return ok;
}

bool SqliteStatement::next()
{
    if (!m_statement || !m_error.isEmpty())
        return false;
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW)
        return true;
    if (result != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_statement);
    return false;
}

bool SqliteStatement::isNullAt(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqliteStatement::int64At(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString SqliteStatement::textAt(int column) const
{
    const int type = sqlite3_column_type(m_statement, column);
    // As QSqlQuery reads them: an empty BLOB as text is a null string too.
    if (type == SQLITE_NULL
        || (type == SQLITE_BLOB && sqlite3_column_bytes(m_statement, column) == 0))
        return {};
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column));
}

QByteArray SqliteStatement::bytesAt(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_NULL:
        return {};
    case SQLITE_BLOB:
        // As QSqlQuery reads it (SQLite gives no pointer for an empty BLOB: a null array).
        return QByteArray(static_cast<const char *>(sqlite3_column_blob(m_statement, column)),
            sqlite3_column_bytes(m_statement, column));
    default:
        return textAt(column).toUtf8();
    }
}

} // namespace JobDesk
