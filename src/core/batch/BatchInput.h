// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/CamundaVersion.h"
#include "core/camunda/JobKey.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace JobDesk {

/// The shapes a batch's input comes in.
enum class BatchInputFormat {
    Keys, ///< keys in any shape: lines, commas, semicolons, spaces, quotes, a spreadsheet column
    Csv, ///< a header row, a key column, a `variables` column or columns mapped to variables
    Tsv, ///< as Csv, separated by tabs (a range copied from a spreadsheet)
    JsonLines, ///< one `{"jobKey":"…","variables":{…}}` per line
};

/// "keys", "csv", "tsv", "jsonl".
QString batchInputFormatName(BatchInputFormat format);

/// One row of a batch's input: the key (always text, never through a double) and the row's own
/// variables as a JSON object text (exactly as written, or built from mapped columns with their
/// cells' text kept), empty when the row has none.
struct BatchRow
{
    /// Unique within the input, in input order: the line where the row starts (CSV, TSV, JSON
    /// Lines), or the key's position in the list (Keys, where one line may hold several). The
    /// batch journal keys its items by it.
    qint64 line = 0;
    qint64 textLine = 0; ///< the physical line (1-based) where the row starts, for messages
    JobKey key;
    QByteArray variables;
};

/// A row that cannot be used: where it is and why (a sentence for the person).
struct BatchInputError
{
    qint64 line = 0; ///< the physical line (1-based)
    QString message;
};

/// What a CSV or TSV column is used for.
enum class BatchColumnRole {
    Key, ///< the job key
    Variables, ///< a JSON object of variables
    Variable, ///< a variable named by the header, its type inferred as JSON would read the cell
    Ignored, ///< not used (an empty header)
};

struct BatchColumn
{
    QString name; ///< the header cell
    BatchColumnRole role = BatchColumnRole::Ignored;
};

/// How CSV/TSV columns are read.
struct BatchTableOptions
{
    /// The key column's header (case-insensitive); empty: `jobKey`, `job_key`, `job key` or
    /// `key`, else the only column.
    QString keyColumn;
    /// When set, only these columns become variables (besides a `variables` column); empty: every
    /// other named column does, unless a `variables` column exists (then only it).
    QStringList variableColumns;
};

/// Reads a batch's input row by row (streaming: rows are produced as asked, nothing is kept),
/// so 100,000 keys never live in memory at once.
///
/// Keys: tokens separated by white space, commas or semicolons, each optionally quoted; a
/// first token that is a header word (`jobKey`, `key`, …) is skipped; everything else must be a
/// valid key (JobKey::parse — a spreadsheet's `2.2518E+15` is named as a rounded key).
/// CSV/TSV (RFC 4180 quoting, CRLF or LF, a UTF-8 BOM skipped; the separator of a `.csv` may
/// also be `;`, detected from the header): the header names the columns (see BatchColumnRole);
/// a cell mapped to a variable is a JSON number, `true`, `false`, `null`, a quoted JSON string,
/// object or array when it reads as one, otherwise a string (so `00123` and `12 kg` stay text);
/// an empty cell sets nothing. A `variables` cell must be a JSON object (duplicate keys are
/// errors) and is merged over the mapped columns by name. JSON Lines: `jobKey` a string or an
/// integer (its digits, exact), `variables` an object or absent; blank lines are skipped.
class BatchInputReader final
{
public:
    enum class Status { Row, Error, End };

    /// `text` is the whole input (a file or standard input, read or mapped by the caller).
    BatchInputReader(
        BatchInputFormat format, const QByteArray &text, const BatchTableOptions &options = {});

    /// The next row or error. Errors do not stop the reader: the rows after a bad one are read.
    Status next(BatchRow *row, BatchInputError *error);

    /// CSV/TSV: the header's columns with their roles (a preview), after the first next();
    /// empty for the other formats.
    const QList<BatchColumn> &columns() const { return m_columns; }
    /// A problem with the whole input (no key column, empty header), or empty. When set, next()
    /// returns End after reporting it once as an Error on line 1.
    QString headerError() const { return m_headerError; }

    /// Guesses the format from a file name (`.csv`, `.tsv`, `.jsonl`/`.ndjson`) or, failing
    /// that, from the text: a first non-blank line starting with `{` is JSON Lines, one holding a
    /// tab and a non-key header word is TSV, otherwise keys.
    static BatchInputFormat guessFormat(const QString &fileName, const QByteArray &text);

private:
    bool readHeader(BatchInputError *error);
    bool nextRecord(QList<QByteArray> *cells, qint64 *startLine, QString *error);
    Status nextKey(BatchRow *row, BatchInputError *error);
    Status nextTableRow(BatchRow *row, BatchInputError *error);
    Status nextJsonLine(BatchRow *row, BatchInputError *error);

    BatchInputFormat m_format;
    QByteArray m_text;
    BatchTableOptions m_options;
    qsizetype m_pos = 0;
    qint64 m_line = 1; ///< the physical line at m_pos
    qint64 m_ordinal = 0; ///< keys read so far (Keys)
    char m_separator = ',';
    bool m_headerRead = false;
    bool m_firstToken = true;
    QList<BatchColumn> m_columns;
    int m_keyColumn = -1;
    QString m_headerError;
};

/// The text a CSV/TSV cell means as a JSON value (see BatchInputReader): the cell itself when it
/// is a JSON number, literal, string, object or array, otherwise the cell quoted as a string.
QByteArray inferJsonValue(const QByteArray &cell);

/// The payload shared by every item of a batch (a completion body: variables, result, …) and
/// the per-item body built from it without re-reading it: `{"variables":<merged>…}` is spliced
/// from bytes prepared once.
///
/// A row's variables are merged over the shared variables by top-level name, textually exact:
/// the shared members the row does not name keep their text and order, then the row's members
/// in its order. mergeVariables() does that once per row (when the input is read); bodyFor()
/// then only concatenates.
class BatchPayload final
{
public:
    BatchPayload() = default;
    /// From a completion body as CompletionRequest::body() writes it (also a batch's stored
    /// BatchSpec::payload); empty means `{}`. std::nullopt with `error` when it is no such body.
    static std::optional<BatchPayload> fromBody(const QByteArray &body, QString *error);

    /// The shared body, exactly.
    const QByteArray &body() const { return m_body; }
    /// The body of an item: the shared one when `itemVariables` is empty, otherwise the shared
    /// body with its variables replaced by `itemVariables` (an object text, already merged).
    QByteArray bodyFor(const QByteArray &itemVariables) const;
    /// `rowVariables` (a valid JSON object text) merged over the shared variables; empty when
    /// `rowVariables` is empty (the item uses the shared body).
    QByteArray mergeVariables(const QByteArray &rowVariables) const;

    bool hasVariables() const { return !m_variables.isEmpty(); }
    bool denies() const { return m_denies; }
    bool hasCorrections() const { return m_corrections; }
    /// What of the shared body not every Camunda version takes (`result`, `leaseToken`,
    /// `businessId`), by CompletionRequest::features()' rule: every item carries it, so
    /// versionProblem() with these says before anything is sent whether a server can take the
    /// batch.
    const QList<ApiFeature> &features() const { return m_features; }

private:
    QByteArray m_body = "{}";
    QByteArray m_variables; ///< the shared variables object, or empty
    QByteArray m_tail; ///< what follows the variables' value in a body that has variables
    struct Member
    {
        QString name;
        QByteArray text; ///< `"name":value` as written
    };
    QList<Member> m_members; ///< of the shared variables
    bool m_denies = false;
    bool m_corrections = false;
    QList<ApiFeature> m_features;
};

} // namespace JobDesk
