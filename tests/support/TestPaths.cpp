// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/TestPaths.h"

#include <QDir>
#include <QtGlobal>

namespace {
QString fromEnv(const char *name)
{
    const QString value = qEnvironmentVariable(name);
    if (value.isEmpty())
        qFatal("%s is not set: run the tests through ctest", name);
    return value;
}
} // namespace

namespace TestPaths {

QString binDir()
{
    return fromEnv("JOBDESK_BIN_DIR");
}

QString executable(const QString &name)
{
    return QDir(binDir()).filePath(name);
}

QString testData(const QString &relative)
{
    return QDir(fromEnv("JOBDESK_TEST_DATA")).filePath(relative);
}

} // namespace TestPaths
