// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Console.h"

#include "core/json/Json.h"

#include <QFile>

#include <algorithm>
#include <cstdio>

namespace JobDesk::Cli {

namespace {
void write(FILE *stream, const QByteArray &utf8)
{
    if (!utf8.isEmpty())
        std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stream);
    std::fflush(stream);
}
} // namespace

void writeOut(const QByteArray &utf8)
{
    write(stdout, utf8);
}

void writeErr(const QByteArray &utf8)
{
    write(stderr, utf8);
}

void printError(const QString &message)
{
    writeErr("jobdesk-cli: " + message.toUtf8() + '\n');
}

QIODevice *standardInput()
{
    static QFile input;
    if (!input.isOpen())
        input.open(stdin, QIODevice::ReadOnly);
    return &input;
}

std::optional<QString> invalidUtf8Argument(int argc, const char *const *argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray bytes(argv[i]);
        const qsizetype bad = Json::firstInvalidUtf8(bytes);
        if (bad >= 0)
            return QStringLiteral("argument %1 is not valid UTF-8 (byte %2 cannot be decoded); "
                                  "nothing was sent")
                .arg(i)
                .arg(bad + 1);
    }
    return std::nullopt;
}

QString escapeControls(const QString &text, bool keepLineBreaks)
{
    const auto needsEscape = [keepLineBreaks](char16_t c) {
        if (c == u'\t' || (keepLineBreaks && c == u'\n'))
            return false;
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
            || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
    };
    if (std::none_of(text.cbegin(), text.cend(), [&](QChar c) { return needsEscape(c.unicode()); }))
        return text;
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (!needsEscape(c)) {
            out += ch;
        } else if (c == u'\r') {
            out += QLatin1String("\\r");
        } else if (c == u'\n') {
            out += QLatin1String("\\n");
        } else if (c <= 0xFF) {
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
        } else {
            out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
        }
    }
    return out;
}

} // namespace JobDesk::Cli
