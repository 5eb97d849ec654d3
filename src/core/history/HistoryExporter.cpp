// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryExporter.h"

#include "core/base/Logging.h"
#include "core/history/HistoryStore.h"

#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace JobDesk {

namespace {

const QByteArray kCrLf = QByteArrayLiteral("\r\n");

QByteArray timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs).toUtf8();
}

QByteArray jsonHeaders(const HeaderList &headers)
{
    QByteArray out = QByteArrayLiteral("[");
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (i > 0)
            out += ',';
        out += '[' + HistoryExporter::jsonString(QString::fromLatin1(headers.at(i).first)) + ','
            + HistoryExporter::jsonString(QString::fromUtf8(headers.at(i).second)) + ']';
    }
    out += ']';
    return out;
}

QByteArray jsonProblem(const ProblemDetails &problem)
{
    if (!problem.isProblem())
        return QByteArrayLiteral("null");
    QByteArray out = QByteArrayLiteral("{");
    bool first = true;
    for (const ProblemDetails::Member &member : problem.members()) {
        if (!first)
            out += ',';
        first = false;
        // The member's value exactly as the server sent it (numbers keep every digit).
        out += HistoryExporter::jsonString(member.name) + ':' + member.rawJson.trimmed();
    }
    out += '}';
    return out;
}

QByteArray jsonOptionalString(const QString &text)
{
    return text.isEmpty() ? QByteArrayLiteral("null") : HistoryExporter::jsonString(text);
}

} // namespace

std::optional<HistoryExporter::Format> HistoryExporter::formatForFileName(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return Format::Csv;
    if (suffix == QLatin1String("json"))
        return Format::Json;
    return std::nullopt;
}

QByteArray HistoryExporter::csvHeader()
{
    return QByteArrayLiteral("id,time,source,connection,jobKey,outcome,httpStatus,title,detail,"
                             "elapsedMs,method,url,error,action,state,production,linkId,batchId,"
                             "check")
        + kCrLf;
}

QByteArray HistoryExporter::csvText(const QString &text)
{
    QString cell = text;
    if (!cell.isEmpty()) {
        const QChar c = cell.front();
        if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-')
            || c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
            cell.prepend(QLatin1Char('\''));
    }
    cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + cell.toUtf8() + '"';
}

QByteArray HistoryExporter::csvKey(const QString &key)
{
    const bool digits = !key.isEmpty() && std::all_of(key.cbegin(), key.cend(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
    if (!digits)
        return csvText(key);
    return "\"=\"\"" + key.toLatin1() + "\"\"\"";
}

QByteArray HistoryExporter::csvRow(const HistoryEntry &entry)
{
    const QByteArray status
        = entry.httpStatus ? QByteArray::number(*entry.httpStatus) : QByteArray();
    QByteArrayList cells {
        QByteArray::number(entry.id),
        csvText(QString::fromLatin1(timeText(entry.time))),
        csvText(historySourceName(entry.source)),
        csvText(entry.connection),
        csvKey(entry.jobKey),
        csvText(outcomeKindName(entry.kind)),
        status,
        csvText(entry.title),
        csvText(entry.detail),
        QByteArray::number(entry.elapsedMs),
        csvText(QString::fromLatin1(entry.request.method)),
        csvText(entry.request.url.toString()),
        csvText(entry.transportError),
        csvText(actionKindName(entry.action)),
        csvText(historyStateName(entry.state)),
        entry.production ? QByteArrayLiteral("true") : QByteArrayLiteral("false"),
        csvText(entry.linkId),
        entry.batchId != 0 ? QByteArray::number(entry.batchId) : QByteArray(),
        csvText(lookupCheckName(entry.check)),
    };
    return cells.join(',') + kCrLf;
}

QByteArray HistoryExporter::jsonString(const QString &text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out += '"';
    qsizetype runStart = 0; // characters that need no escaping are copied as one UTF-8 run,
                            // so surrogate pairs stay together
    const auto flush = [&](qsizetype end) {
        if (end > runStart)
            out += QStringView(text).mid(runStart, end - runStart).toUtf8();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text.at(i).unicode();
        const char *escape = nullptr;
        switch (u) {
        case u'"':
            escape = "\\\"";
            break;
        case u'\\':
            escape = "\\\\";
            break;
        case u'\n':
            escape = "\\n";
            break;
        case u'\r':
            escape = "\\r";
            break;
        case u'\t':
            escape = "\\t";
            break;
        case u'\b':
            escape = "\\b";
            break;
        case u'\f':
            escape = "\\f";
            break;
        default:
            break;
        }
        if (escape == nullptr && u >= 0x20)
            continue;
        flush(i);
        runStart = i + 1;
        if (escape != nullptr)
            out += escape;
        else
            out += "\\u00" + QByteArray::number(u, 16).rightJustified(2, '0');
    }
    flush(text.size());
    out += '"';
    return out;
}

QByteArray HistoryExporter::jsonObject(const HistoryEntry &entry)
{
    const Outcome outcome = entry.toOutcome();
    const Explanation explanation = explain(outcome);
    QByteArray out;
    out += "{\"id\":" + QByteArray::number(entry.id);
    out += ",\"time\":" + jsonString(QString::fromLatin1(timeText(entry.time)));
    out += ",\"source\":" + jsonString(historySourceName(entry.source));
    out += ",\"connection\":" + jsonString(entry.connection);
    out += ",\"production\":" + QByteArray(entry.production ? "true" : "false");
    out += ",\"action\":" + jsonString(actionKindName(entry.action));
    out += ",\"state\":" + jsonString(historyStateName(entry.state));
    out += ",\"linkId\":" + jsonOptionalString(entry.linkId);
    out += ",\"batchId\":"
        + (entry.batchId != 0 ? QByteArray::number(entry.batchId) : QByteArrayLiteral("null"));
    out += ",\"check\":" + jsonOptionalString(lookupCheckName(entry.check));
    out += ",\"jobKey\":" + jsonString(entry.jobKey);
    out += ",\"outcome\":" + jsonString(outcomeKindName(entry.kind));
    out += ",\"httpStatus\":"
        + (entry.httpStatus ? QByteArray::number(*entry.httpStatus) : QByteArrayLiteral("null"));
    out += ",\"title\":" + jsonString(entry.title);
    out += ",\"detail\":" + jsonString(entry.detail);
    out += ",\"elapsedMs\":" + QByteArray::number(entry.elapsedMs);
    out += ",\"request\":{\"method\":" + jsonString(QString::fromLatin1(entry.request.method))
        + ",\"url\":" + jsonString(entry.request.url.toString())
        + ",\"headers\":" + jsonHeaders(entry.request.headers)
        + ",\"body\":" + jsonString(QString::fromUtf8(entry.request.body)) + '}';
    out += ",\"response\":{\"headers\":" + jsonHeaders(entry.responseHeaders)
        + ",\"body\":" + jsonString(QString::fromUtf8(entry.responseBody))
        + ",\"bodyTruncated\":" + (entry.responseBodyTruncated ? "true" : "false")
        + ",\"bodyTotalBytes\":" + QByteArray::number(entry.responseBodyTotalBytes) + '}';
    out += ",\"problem\":" + jsonProblem(outcome.problem);
    out += ",\"transportError\":" + jsonOptionalString(entry.transportError);
    out += ",\"redirectLocation\":" + jsonOptionalString(entry.redirectLocation);
    out += ",\"explanation\":{\"summary\":" + jsonString(explanation.summary)
        + ",\"nextStep\":" + jsonString(explanation.nextStep) + "}}";
    return out;
}

HistoryExporter::Result HistoryExporter::exportTo(
    const HistoryStore &store, const HistoryFilter &filter, const QString &path, Format format)
{
    Result result;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return result;
    }
    bool writeFailed = false;
    const auto write = [&](const QByteArray &bytes) {
        if (!writeFailed && file.write(bytes) != bytes.size())
            writeFailed = true;
    };

    if (format == Format::Csv) {
        write(QByteArrayLiteral("\xEF\xBB\xBF") + csvHeader());
    } else {
        write(QByteArrayLiteral("["));
    }
    const bool visited = store.forEach(filter, [&](const HistoryEntry &entry) {
        if (format == Format::Csv) {
            write(csvRow(entry));
        } else {
            write((result.count == 0 ? QByteArrayLiteral("\n") : QByteArrayLiteral(",\n"))
                + jsonObject(entry));
        }
        ++result.count;
    });
    if (format == Format::Json)
        write(QByteArrayLiteral("\n]\n"));

    if (!visited) {
        file.cancelWriting();
        result.count = 0;
        result.error = QStringLiteral("Cannot read the history: %1").arg(store.error());
        return result;
    }
    if (writeFailed || !file.commit()) {
        result.count = 0;
        result.error = QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
        return result;
    }
    qCInfo(lcHistory) << "exported" << result.count << "entries to" << path;
    result.ok = true;
    return result;
}

} // namespace JobDesk
