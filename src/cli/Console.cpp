// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/Console.h"

#include <QFile>

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

} // namespace JobDesk::Cli
