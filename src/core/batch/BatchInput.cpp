// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/batch/BatchInput.h"

#include "core/camunda/CompletionRequest.h"
#include "core/json/Json.h"
#include "core/json/JsonTree.h"
#include "core/json/VariablesDocument.h"

#include <QFileInfo>
#include <QSet>

namespace JobDesk {

namespace {

struct ObjectMember
{
    QString name;
    QByteArray text; ///< `"name":value` exactly as written
};

/// The top-level members of a valid JSON object text, each with its exact text.
QList<ObjectMember> membersOf(const QByteArray &objectUtf8)
{
    const QString text = QString::fromUtf8(objectUtf8);
    Json::ScanOptions options;
    options.collectTopLevelMembers = true;
    options.findDuplicates = false;
    const Json::ScanResult scan = Json::scan(text, options);
    QList<ObjectMember> list;
    list.reserve(scan.members.size());
    for (const Json::Member &m : scan.members)
        list.append({m.name,
            QStringView(text)
                .mid(m.nameOffset, m.valueOffset + m.valueLength - m.nameOffset)
                .toUtf8()});
    return list;
}

/// `over`'s members merged over `base`'s by name: base members `over` does not name (their text
/// and order kept), then `over`'s in its order.
QByteArray mergeMembers(const QList<ObjectMember> &base, const QList<ObjectMember> &over)
{
    QSet<QString> names;
    for (const ObjectMember &m : over)
        names.insert(m.name);
    QByteArray out("{");
    bool first = true;
    auto add = [&](const QByteArray &text) {
        if (!first)
            out += ',';
        first = false;
        out += text;
    };
    for (const ObjectMember &m : base) {
        if (!names.contains(m.name))
            add(m.text);
    }
    for (const ObjectMember &m : over)
        add(m.text);
    out += '}';
    return out;
}

bool isHeaderWord(const QString &word)
{
    static const QStringList words {QStringLiteral("jobkey"), QStringLiteral("job_key"),
        QStringLiteral("job-key"), QStringLiteral("job key"), QStringLiteral("key"),
        QStringLiteral("keys"), QStringLiteral("jobkeys")};
    return words.contains(word.trimmed().toLower());
}

bool isKeySeparator(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ';' || c == '['
        || c == ']' || c == '\f' || c == '\v';
}

QString stripQuotes(QString token)
{
    while (token.size() >= 2
        && ((token.front() == u'"' && token.back() == u'"')
            || (token.front() == u'\'' && token.back() == u'\'')
            || (token.front() == u'`' && token.back() == u'`')))
        token = token.mid(1, token.size() - 2).trimmed();
    return token;
}

QString describeColumns(const QList<BatchColumn> &columns)
{
    QStringList names;
    for (const BatchColumn &c : columns)
        names.append(QLatin1Char('"') + c.name + QLatin1Char('"'));
    return names.join(QStringLiteral(", "));
}

} // namespace

QString batchInputFormatName(BatchInputFormat format)
{
    switch (format) {
    case BatchInputFormat::Keys:
        return QStringLiteral("keys");
    case BatchInputFormat::Csv:
        return QStringLiteral("csv");
    case BatchInputFormat::Tsv:
        return QStringLiteral("tsv");
    case BatchInputFormat::JsonLines:
        return QStringLiteral("jsonl");
    }
    return {};
}

QByteArray inferJsonValue(const QByteArray &cell)
{
    const QByteArray trimmed = cell.trimmed();
    if (!trimmed.isEmpty()) {
        Json::ScanOptions options;
        options.findDuplicates = true;
        const Json::ScanResult scan = Json::scan(QString::fromUtf8(trimmed), options);
        if (scan.ok() && scan.duplicates.isEmpty())
            return trimmed;
    }
    return Json::quoteUtf8(QString::fromUtf8(cell));
}

// -- reader

BatchInputReader::BatchInputReader(
    BatchInputFormat format, const QByteArray &text, const BatchTableOptions &options)
    : m_format(format)
    , m_text(text)
    , m_options(options)
{
    if (m_text.startsWith("\xEF\xBB\xBF"))
        m_pos = 3;
    m_separator = format == BatchInputFormat::Tsv ? '\t' : ',';
}

BatchInputFormat BatchInputReader::guessFormat(const QString &fileName, const QByteArray &text)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return BatchInputFormat::Csv;
    if (suffix == QLatin1String("tsv") || suffix == QLatin1String("tab"))
        return BatchInputFormat::Tsv;
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson"))
        return BatchInputFormat::JsonLines;
    qsizetype start = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (start < text.size() && QChar::isSpace(static_cast<uchar>(text.at(start))))
        ++start;
    if (start < text.size() && text.at(start) == '{')
        return BatchInputFormat::JsonLines;
    qsizetype end = text.indexOf('\n', start);
    const QByteArray first = text.mid(start, end < 0 ? -1 : end - start);
    if (first.contains('\t')) {
        for (const QByteArray &cell : first.split('\t')) {
            const QString word = stripQuotes(QString::fromUtf8(cell).trimmed());
            if (!word.isEmpty() && !isHeaderWord(word) && !JobKey::parse(word).key)
                return BatchInputFormat::Tsv;
        }
    }
    return BatchInputFormat::Keys;
}

BatchInputReader::Status BatchInputReader::next(BatchRow *row, BatchInputError *error)
{
    switch (m_format) {
    case BatchInputFormat::Keys:
        return nextKey(row, error);
    case BatchInputFormat::Csv:
    case BatchInputFormat::Tsv:
        return nextTableRow(row, error);
    case BatchInputFormat::JsonLines:
        return nextJsonLine(row, error);
    }
    return Status::End;
}

BatchInputReader::Status BatchInputReader::nextKey(BatchRow *row, BatchInputError *error)
{
    for (;;) {
        while (m_pos < m_text.size() && isKeySeparator(m_text.at(m_pos))) {
            if (m_text.at(m_pos) == '\n')
                ++m_line;
            ++m_pos;
        }
        if (m_pos >= m_text.size())
            return Status::End;
        const qsizetype start = m_pos;
        const char quote = m_text.at(m_pos);
        if (quote == '"' || quote == '\'' || quote == '`') {
            // A quoted token runs to its closing quote on the same line.
            qsizetype close = m_pos + 1;
            while (close < m_text.size() && m_text.at(close) != quote && m_text.at(close) != '\n')
                ++close;
            m_pos = close < m_text.size() && m_text.at(close) == quote ? close + 1 : close;
        }
        while (m_pos < m_text.size() && !isKeySeparator(m_text.at(m_pos)))
            ++m_pos;
        const QString token
            = stripQuotes(QString::fromUtf8(m_text.constData() + start, m_pos - start).trimmed());
        const bool first = m_firstToken;
        m_firstToken = false;
        if (token.isEmpty())
            continue;
        if (first && isHeaderWord(token))
            continue;
        const JobKey::ParseResult parsed = JobKey::parse(token);
        if (!parsed.key) {
            error->line = m_line;
            error->message = QStringLiteral("\"%1\": %2").arg(token.left(40), parsed.error);
            return Status::Error;
        }
        row->line = ++m_ordinal;
        row->textLine = m_line;
        row->key = *parsed.key;
        row->variables.clear();
        return Status::Row;
    }
}

bool BatchInputReader::nextRecord(QList<QByteArray> *cells, qint64 *startLine, QString *error)
{
    cells->clear();
    if (m_pos >= m_text.size())
        return false;
    *startLine = m_line;
    QByteArray cell;
    bool quoted = false;
    bool wasQuoted = false;
    while (m_pos < m_text.size()) {
        const char c = m_text.at(m_pos++);
        if (quoted) {
            if (c == '"') {
                if (m_pos < m_text.size() && m_text.at(m_pos) == '"') {
                    cell += '"';
                    ++m_pos;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++m_line;
                cell += c;
            }
            continue;
        }
        if (c == '"' && cell.isEmpty() && !wasQuoted) {
            quoted = true;
            wasQuoted = true;
        } else if (c == m_separator) {
            cells->append(cell);
            cell.clear();
            wasQuoted = false;
        } else if (c == '\n') {
            ++m_line;
            if (!wasQuoted && cell.endsWith('\r'))
                cell.chop(1);
            cells->append(cell);
            return true;
        } else if (c == '\r' && wasQuoted) {
            // CR after a closing quote: part of CRLF.
        } else {
            cell += c;
        }
    }
    if (quoted) {
        *error = QStringLiteral("a quoted cell is never closed (a \" is missing)");
        cells->append(cell);
        return true;
    }
    if (!wasQuoted && cell.endsWith('\r'))
        cell.chop(1);
    cells->append(cell);
    return true;
}

bool BatchInputReader::readHeader(BatchInputError *error)
{
    m_headerRead = true;
    if (m_format == BatchInputFormat::Csv) {
        // A spreadsheet in a semicolon locale writes `;`; a copied range writes tabs.
        const qsizetype end = m_text.indexOf('\n', m_pos);
        const QByteArray first = m_text.mid(m_pos, end < 0 ? -1 : end - m_pos);
        const qsizetype commas = first.count(',');
        const qsizetype semicolons = first.count(';');
        const qsizetype tabs = first.count('\t');
        if (tabs > commas && tabs > semicolons)
            m_separator = '\t';
        else if (semicolons > commas)
            m_separator = ';';
    }
    QList<QByteArray> cells;
    qint64 line = 1;
    QString recordError;
    while (nextRecord(&cells, &line, &recordError)) {
        if (!(cells.size() == 1 && cells.first().trimmed().isEmpty()))
            break;
        cells.clear();
    }
    if (cells.isEmpty()) {
        m_headerError = QStringLiteral("the input holds no header row and no keys");
        error->line = 1;
        error->message = m_headerError;
        return false;
    }
    for (const QByteArray &cell : std::as_const(cells))
        m_columns.append({QString::fromUtf8(cell).trimmed(), BatchColumnRole::Ignored});

    // One column whose "header" is a key: a plain list of keys without a header.
    if (m_columns.size() == 1 && m_options.keyColumn.isEmpty()
        && JobKey::parse(stripQuotes(m_columns.first().name)).key) {
        m_columns.first().name = QStringLiteral("jobKey");
        m_columns.first().role = BatchColumnRole::Key;
        m_keyColumn = 0;
        m_pos = 0;
        m_line = 1;
        if (m_text.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
        return true;
    }

    auto find = [this](const QString &name) {
        for (int i = 0; i < m_columns.size(); ++i) {
            if (m_columns[i].name.compare(name, Qt::CaseInsensitive) == 0)
                return i;
        }
        return -1;
    };
    if (!m_options.keyColumn.isEmpty()) {
        m_keyColumn = find(m_options.keyColumn);
        if (m_keyColumn < 0)
            m_headerError = QStringLiteral("there is no key column \"%1\"; the columns are %2")
                                .arg(m_options.keyColumn, describeColumns(m_columns));
    } else {
        for (int i = 0; i < m_columns.size() && m_keyColumn < 0; ++i) {
            if (isHeaderWord(m_columns[i].name))
                m_keyColumn = i;
        }
        if (m_keyColumn < 0 && m_columns.size() == 1)
            m_keyColumn = 0;
        if (m_keyColumn < 0)
            m_headerError
                = QStringLiteral("which column holds the job keys? Name it jobKey or choose it "
                                 "with --key-column; the columns are %1")
                      .arg(describeColumns(m_columns));
    }
    if (m_headerError.isEmpty()) {
        m_columns[m_keyColumn].role = BatchColumnRole::Key;
        const int variablesColumn = find(QStringLiteral("variables"));
        if (variablesColumn >= 0 && variablesColumn != m_keyColumn)
            m_columns[variablesColumn].role = BatchColumnRole::Variables;
        if (!m_options.variableColumns.isEmpty()) {
            for (const QString &name : std::as_const(m_options.variableColumns)) {
                const int i = find(name);
                if (i < 0 || i == m_keyColumn) {
                    m_headerError
                        = QStringLiteral("there is no column \"%1\" to map to a variable; the "
                                         "columns are %2")
                              .arg(name, describeColumns(m_columns));
                    break;
                }
                m_columns[i].role = BatchColumnRole::Variable;
            }
        } else if (variablesColumn < 0) {
            for (BatchColumn &column : m_columns) {
                if (column.role == BatchColumnRole::Ignored && !column.name.isEmpty())
                    column.role = BatchColumnRole::Variable;
            }
        }
        QSet<QString> names;
        for (const BatchColumn &column : std::as_const(m_columns)) {
            if (column.role != BatchColumnRole::Variable)
                continue;
            if (names.contains(column.name))
                m_headerError = QStringLiteral("two columns are named \"%1\"").arg(column.name);
            names.insert(column.name);
        }
    }
    if (!m_headerError.isEmpty()) {
        error->line = line;
        error->message = m_headerError;
        return false;
    }
    return true;
}

BatchInputReader::Status BatchInputReader::nextTableRow(BatchRow *row, BatchInputError *error)
{
    if (!m_headerError.isEmpty())
        return Status::End;
    if (!m_headerRead && !readHeader(error))
        return Status::Error;
    QList<QByteArray> cells;
    for (;;) {
        qint64 line = m_line;
        QString recordError;
        if (!nextRecord(&cells, &line, &recordError))
            return Status::End;
        error->line = line;
        if (!recordError.isEmpty()) {
            error->message = recordError;
            return Status::Error;
        }
        bool blank = true;
        for (const QByteArray &cell : std::as_const(cells))
            blank = blank && cell.trimmed().isEmpty();
        if (blank)
            continue;
        if (cells.size() > m_columns.size()) {
            error->message = QStringLiteral("%1 cells, but the header names %2 columns")
                                 .arg(cells.size())
                                 .arg(m_columns.size());
            return Status::Error;
        }
        const QString keyText = m_keyColumn < cells.size()
            ? stripQuotes(QString::fromUtf8(cells[m_keyColumn]).trimmed())
            : QString();
        const JobKey::ParseResult parsed = JobKey::parse(keyText);
        if (!parsed.key) {
            error->message = keyText.isEmpty()
                ? QStringLiteral("no job key in column \"%1\"").arg(m_columns[m_keyColumn].name)
                : QStringLiteral("\"%1\": %2").arg(keyText.left(40), parsed.error);
            return Status::Error;
        }
        QList<ObjectMember> mapped;
        QByteArray objectText;
        for (int i = 0; i < cells.size(); ++i) {
            const BatchColumn &column = m_columns[i];
            if (column.role == BatchColumnRole::Variable && !cells[i].isEmpty()) {
                mapped.append(
                    {column.name, Json::quoteUtf8(column.name) + ':' + inferJsonValue(cells[i])});
            } else if (column.role == BatchColumnRole::Variables && !cells[i].trimmed().isEmpty()) {
                const VariablesDocument document = VariablesDocument::fromUtf8(cells[i]);
                if (!document.isValid() || document.isBlank()) {
                    error->message = QStringLiteral("the variables cell is not a JSON object: %1")
                                         .arg(document.errorMessage());
                    return Status::Error;
                }
                objectText = document.utf8();
            }
        }
        row->line = line;
        row->textLine = line;
        row->key = *parsed.key;
        if (mapped.isEmpty())
            row->variables = objectText;
        else
            row->variables = mergeMembers(
                mapped, objectText.isEmpty() ? QList<ObjectMember>() : membersOf(objectText));
        return Status::Row;
    }
}

BatchInputReader::Status BatchInputReader::nextJsonLine(BatchRow *row, BatchInputError *error)
{
    for (;;) {
        if (m_pos >= m_text.size())
            return Status::End;
        qsizetype end = m_text.indexOf('\n', m_pos);
        if (end < 0)
            end = m_text.size();
        const QByteArray text = m_text.mid(m_pos, end - m_pos).trimmed();
        const qint64 line = m_line;
        m_pos = end + 1;
        ++m_line;
        if (text.isEmpty())
            continue;
        error->line = line;
        const Json::Document document = Json::Document::fromUtf8(text);
        if (!document.isValid()) {
            error->message = QStringLiteral("not JSON: %1").arg(document.errorMessage());
            return Status::Error;
        }
        const Json::Value root = document.root();
        if (!root.isObject()) {
            error->message = QStringLiteral("not a JSON object");
            return Status::Error;
        }
        const Json::Value key = root[u"jobKey"];
        if (!key.exists() || key.isNull()) {
            error->message = QStringLiteral("no \"jobKey\"");
            return Status::Error;
        }
        if (!key.isString() && !key.isNumber()) {
            error->message = QStringLiteral("\"jobKey\" must be a string or an integer, not %1")
                                 .arg(Json::describe(key.kind()));
            return Status::Error;
        }
        const JobKey::ParseResult parsed
            = JobKey::parse(key.isString() ? key.text() : key.raw().toString());
        if (!parsed.key) {
            error->message = parsed.error;
            return Status::Error;
        }
        const Json::Value variables = root[u"variables"];
        QByteArray variablesText;
        if (variables.exists() && !variables.isNull()) {
            if (!variables.isObject()) {
                error->message = QStringLiteral("\"variables\" must be an object, not %1")
                                     .arg(Json::describe(variables.kind()));
                return Status::Error;
            }
            const VariablesDocument parsedVariables
                = VariablesDocument::fromUtf8(variables.rawUtf8());
            if (!parsedVariables.isValid()) {
                error->message
                    = QStringLiteral("\"variables\": %1").arg(parsedVariables.errorMessage());
                return Status::Error;
            }
            variablesText = parsedVariables.utf8();
        }
        row->line = line;
        row->textLine = line;
        row->key = *parsed.key;
        row->variables = variablesText;
        return Status::Row;
    }
}

// -- payload

std::optional<BatchPayload> BatchPayload::fromBody(const QByteArray &body, QString *error)
{
    BatchPayload payload;
    const QByteArray trimmed = body.trimmed();
    const CompletionRequest::ParseResult parsed = CompletionRequest::fromBody(trimmed);
    if (!parsed.request) {
        if (error)
            *error = parsed.error;
        return std::nullopt;
    }
    CompletionRequest request = *parsed.request;
    payload.m_body = trimmed.isEmpty() ? QByteArray("{}") : request.body();
    payload.m_features = request.features(); // the members m_body holds
    if (!request.variables.isBlank()) {
        payload.m_variables = request.variables.utf8();
        for (const ObjectMember &m : membersOf(payload.m_variables))
            payload.m_members.append({m.name, m.text});
    }
    if (const auto *verdict = std::get_if<UserTaskResult>(&request.result)) {
        payload.m_denies = verdict->denied;
        payload.m_corrections = !verdict->corrections.isEmpty();
    }
    request.variables = VariablesDocument::fromUtf8("{}");
    const QByteArray withEmpty = request.body();
    static const QByteArray prefix("{\"variables\":{}");
    if (!withEmpty.startsWith(prefix)) {
        if (error)
            *error = QStringLiteral("the payload cannot carry per-row variables");
        return std::nullopt;
    }
    payload.m_tail = withEmpty.mid(prefix.size());
    return payload;
}

QByteArray BatchPayload::bodyFor(const QByteArray &itemVariables) const
{
    if (itemVariables.isEmpty())
        return m_body;
    QByteArray out;
    out.reserve(13 + itemVariables.size() + m_tail.size());
    out += "{\"variables\":";
    out += itemVariables;
    out += m_tail;
    return out;
}

QByteArray BatchPayload::mergeVariables(const QByteArray &rowVariables) const
{
    if (rowVariables.isEmpty())
        return {};
    if (m_members.isEmpty())
        return rowVariables;
    QList<ObjectMember> base;
    base.reserve(m_members.size());
    for (const Member &m : m_members)
        base.append({m.name, m.text});
    return mergeMembers(base, membersOf(rowVariables));
}

} // namespace JobDesk
