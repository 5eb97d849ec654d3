// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace JobDesk {

class HistoryStore;
struct HistoryEntry;
struct HistoryFilter;

/// Writes (filtered) history to CSV or JSON, atomically with QSaveFile.
///
/// CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheets pick the encoding, CRLF line
/// ends): a header row, then one row per entry, newest first. Every text cell is quoted; text
/// cells that begin with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'` so a
/// spreadsheet never evaluates them as a formula. Job keys are written as `="<digits>"`: a
/// quoted number is still a number to a spreadsheet (2.2518E+15, the last digits lost), the
/// formula gives it the digits as text.
///
/// JSON: an array with one object per entry (one per line): summary fields, the redacted
/// request, the response headers and body, every problem member verbatim (or null) and the
/// explanation. Job keys are strings, never numbers.
///
/// Runs entirely on the calling thread; the window calls it from a worker thread with its own
/// HistoryStore connection.
class HistoryExporter final
{
public:
    enum class Format { Csv, Json };

    struct Result
    {
        bool ok = false;
        int count = 0; ///< entries written
        QString error; ///< why it failed (nothing is written then)
    };

    /// "csv" or "json" from a file name's suffix (case-insensitive).
    static std::optional<Format> formatForFileName(const QString &fileName);

    static Result exportTo(
        const HistoryStore &store, const HistoryFilter &filter, const QString &path, Format format);

    // The pieces, pure, for tests and reuse.
    static QByteArray csvHeader();
    static QByteArray csvRow(const HistoryEntry &entry);
    /// One quoted, formula-safe CSV cell.
    static QByteArray csvText(const QString &text);
    /// A 64-bit key as a cell spreadsheets keep as text: `"=""2251799813685249"""`. Anything
    /// but plain digits is written as csvText().
    static QByteArray csvKey(const QString &key);
    /// One entry as a single-line JSON object.
    static QByteArray jsonObject(const HistoryEntry &entry);
    /// A JSON string literal (quotes included).
    static QByteArray jsonString(const QString &text);
};

} // namespace JobDesk
