// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

// What every fuzz target shares: a Qt application object (some readers ask for paths or
// translations), a scratch folder for the readers that take a file, and FUZZ_CHECK for the
// properties a target asserts beyond "does not crash" (a failed check is a crash to libFuzzer).
namespace FuzzSupport {

inline void initialise()
{
    static int argc = 1;
    static char name[] = "jobdesk-fuzz";
    static char *argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
}

/// A file that holds the input of the current run, in a folder of its own.
class ScratchFile final
{
public:
    explicit ScratchFile(const QString &fileName)
        : m_path(m_dir.filePath(fileName))
    {
    }
    Q_DISABLE_COPY_MOVE(ScratchFile)

    QString directory() const { return m_dir.path(); }
    /// Replaces the file's content with `data`; returns its path.
    const QString &write(const QByteArray &data)
    {
        QFile file(m_path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(data) != data.size()) {
            std::fprintf(stderr, "fuzz: cannot write %s\n", qPrintable(m_path));
            std::abort();
        }
        return m_path;
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace FuzzSupport

#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(                                                                          \
                stderr, "%s:%d: FUZZ_CHECK failed: %s\n", __FILE__, __LINE__, #condition);         \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
