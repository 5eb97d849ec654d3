// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/json/VariablesDocument.h"

namespace JobDesk {

namespace {

/// Maps a position inside a slice starting at `base` back into the whole text.
TextPosition shifted(const TextPosition &inSlice, const TextPosition &base)
{
    TextPosition p;
    p.line = base.line + inSlice.line - 1;
    p.column = inSlice.line == 1 ? base.column + inSlice.column - 1 : inSlice.column;
    p.offset = base.offset + inSlice.offset;
    return p;
}

} // namespace

VariablesDocument VariablesDocument::fromText(const QString &text)
{
    VariablesDocument doc;
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && text[begin].isSpace())
        ++begin;
    while (end > begin && text[end - 1].isSpace())
        --end;
    if (begin == end)
        return doc;

    const QStringView slice = QStringView(text).mid(begin, end - begin);
    doc.m_blank = false;
    doc.m_utf8 = slice.toUtf8();

    const Json::ScanResult scanned = Json::scan(slice);
    const TextPosition base = begin == 0 ? TextPosition {} : Json::positionAt(text, begin);
    if (scanned.rootKind != Json::ValueKind::Object && scanned.rootKind != Json::ValueKind::None) {
        doc.m_error = Problem {shifted(scanned.rootPosition, base),
            QStringLiteral("variables must be a JSON object like "
                           "{\"approved\": true}; got %1")
                .arg(Json::describe(scanned.rootKind))};
        return doc;
    }
    if (scanned.error)
        doc.m_error = Problem {shifted(scanned.error->position, base), scanned.error->message};
    for (const Json::DuplicateKey &dup : scanned.duplicates) {
        const TextPosition first = shifted(dup.firstPosition, base);
        doc.m_duplicates.append(Problem {shifted(dup.position, base),
            QStringLiteral("duplicate key %1 (first at line %2, column %3)")
                .arg(dup.path)
                .arg(first.line)
                .arg(first.column)});
    }
    doc.m_topLevelCount = scanned.topLevelCount;
    return doc;
}

VariablesDocument VariablesDocument::fromUtf8(const QByteArray &utf8)
{
    QByteArray bytes = utf8;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const qsizetype bad = Json::firstInvalidUtf8(bytes);
    if (bad < 0)
        return fromText(QString::fromUtf8(bytes));

    VariablesDocument doc;
    doc.m_blank = false;
    doc.m_utf8 = bytes.trimmed();
    const QString before = QString::fromUtf8(bytes.constData(), bad);
    doc.m_error = Problem {Json::positionAt(before, before.size()),
        QStringLiteral("the text is not valid UTF-8 (byte %1 cannot be decoded)").arg(bad + 1)};
    return doc;
}

QString VariablesDocument::errorMessage() const
{
    const Problem *problem = m_error ? &*m_error
        : m_duplicates.isEmpty()     ? nullptr
                                     : &m_duplicates.front();
    if (!problem)
        return QString();
    return QStringLiteral("line %1, column %2: %3")
        .arg(problem->position.line)
        .arg(problem->position.column)
        .arg(problem->message);
}

QString VariablesDocument::formatSize(qsizetype bytes)
{
    if (bytes == 1)
        return QStringLiteral("1 byte");
    if (bytes < 1024)
        return QStringLiteral("%1 bytes").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(
            QString::number(static_cast<double>(bytes) / 1024.0, 'f', 1));
    return QStringLiteral("%1 MiB").arg(
        QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1));
}

} // namespace JobDesk
