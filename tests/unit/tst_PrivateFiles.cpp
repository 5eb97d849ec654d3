// SPDX-License-Identifier: GPL-3.0-or-later
// Owner-only permissions for everything JobDesk keeps, whatever the umask: the helper itself and
// every writer that uses it (profiles, templates, draft, history with its -wal and -shm).
#include "core/base/AtomicFile.h"
#include "core/base/PrivateFiles.h"
#include "core/connection/ProfileStore.h"
#include "core/history/HistoryStore.h"
#include "core/templates/DraftStore.h"
#include "core/templates/TemplateStore.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace JobDesk;

namespace {

/// The mode bits of a file or folder, e.g. 0600.
int modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

/// Sets the process umask for the lifetime of the object.
class Umask final
{
public:
    explicit Umask(mode_t mask)
        : m_previous(::umask(mask))
    {
    }
    ~Umask() { ::umask(m_previous); }
    Q_DISABLE_COPY_MOVE(Umask)

private:
    mode_t m_previous;
};

Profile sampleProfile(const QString &name)
{
    Profile p;
    p.name = name;
    p.apiAddress = QStringLiteral("http://localhost:8080");
    return p;
}

} // namespace

class TestPrivateFiles final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void ensureFolderMakesNewAndExistingFoldersPrivate()
    {
        QTemporaryDir dir;
        const Umask umask(022);
        const QString deep = dir.filePath(QStringLiteral("a/b/c"));
        QString error;
        QVERIFY2(PrivateFiles::ensureFolder(deep, &error), qPrintable(error));
        QCOMPARE(modeOf(deep), 0700);
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("a"))), 0700); // created here
        QVERIFY(QDir().mkdir(dir.filePath(QStringLiteral("open"))));
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("open"))), 0755);
        QVERIFY(PrivateFiles::ensureFolder(dir.filePath(QStringLiteral("open")), &error));
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("open"))), 0700);
        // A file where the folder should be.
        QFile blocker(dir.filePath(QStringLiteral("file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(!PrivateFiles::ensureFolder(dir.filePath(QStringLiteral("file")), &error));
        QVERIFY(!error.isEmpty());
    }

    void atomicWriteIsPrivateOnlyWhenAsked()
    {
        QTemporaryDir dir;
        const Umask umask(022);
        const QString mine = dir.filePath(QStringLiteral("mine/data.json"));
        QVERIFY(AtomicFile::write(mine, "{}", AtomicFile::Access::Private));
        QCOMPARE(modeOf(mine), 0600);
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("mine"))), 0700);
        // An existing 0644 file becomes 0600 when it is written again.
        QVERIFY(QFile::setPermissions(
            mine, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        QCOMPARE(modeOf(mine), 0644);
        QVERIFY(AtomicFile::write(mine, "{\"a\":1}", AtomicFile::Access::Private));
        QCOMPARE(modeOf(mine), 0600);
        // An export the person chose keeps the usual permissions.
        const QString shared = dir.filePath(QStringLiteral("exports/all.json"));
        QVERIFY(AtomicFile::write(shared, "{}", AtomicFile::Access::Shared));
        QCOMPARE(modeOf(shared), 0644);
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("exports"))), 0755);
    }

    void storesWritePrivateFiles_data()
    {
        QTest::addColumn<int>("mask");
        QTest::newRow("022") << 022;
        QTest::newRow("002") << 002;
        QTest::newRow("000") << 000;
    }
    void storesWritePrivateFiles()
    {
        QFETCH(int, mask);
        QTemporaryDir dir;
        const Umask umask(mode_t(mask & 0777));

        ProfileStore profiles;
        const QString profilesPath = dir.filePath(QStringLiteral("config/jobdesk/profiles.json"));
        QVERIFY(profiles.load(profilesPath));
        QVERIFY2(profiles.add(sampleProfile(QStringLiteral("dev"))), qPrintable(profiles.error()));
        QCOMPARE(modeOf(profilesPath), 0600);
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("config/jobdesk"))), 0700);
        QVERIFY(!QFile::exists(profilesPath + QStringLiteral(".lock"))); // released

        const QString templatesDir = dir.filePath(QStringLiteral("data/jobdesk/templates"));
        TemplateStore templates(templatesDir);
        Template t;
        t.name = QStringLiteral("Approve");
        t.variables = QStringLiteral("{\"approved\":true}");
        QVERIFY2(templates.add(t), qPrintable(templates.error()));
        QCOMPARE(modeOf(templatesDir), 0700);
        const QStringList files = QDir(templatesDir).entryList(QDir::Files);
        QCOMPARE(files.size(), 1);
        QCOMPARE(modeOf(QDir(templatesDir).filePath(files.first())), 0600);

        const QString draftPath = dir.filePath(QStringLiteral("data/jobdesk/draft.json"));
        DraftStore drafts(draftPath);
        Draft draft;
        draft.jobKey = QStringLiteral("1");
        QVERIFY(drafts.save(draft));
        QCOMPARE(modeOf(draftPath), 0600);
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("data/jobdesk"))), 0700);

        const QString historyPath = dir.filePath(QStringLiteral("data/jobdesk/history.sqlite"));
        {
            HistoryStore history;
            QVERIFY2(history.open(historyPath), qPrintable(history.error()));
            HistoryEntry entry;
            entry.jobKey = QStringLiteral("1");
            QVERIFY(history.append(entry));
            QCOMPARE(modeOf(historyPath), 0600);
            // The log files exist while the store is open; SQLite gives them the file's mode.
            for (const char *suffix : {"-wal", "-shm"}) {
                const QString path = historyPath + QLatin1String(suffix);
                QVERIFY2(QFile::exists(path), suffix);
                QCOMPARE(modeOf(path), 0600);
            }
        }
    }

    void settingsAreWrittenPrivately()
    {
        // The window layout and the log's settings (QSettings) go through syncPrivately().
        QTemporaryDir dir;
        const Umask umask(022);
        const QString path = dir.filePath(QStringLiteral("config/jobdesk/window.conf"));
        QSettings settings(path, QSettings::IniFormat);
        settings.setValue(QStringLiteral("window/geometry"), QByteArray("xyz"));
        QString error;
        QVERIFY2(PrivateFiles::syncPrivately(settings, &error), qPrintable(error));
        QCOMPARE(modeOf(path), 0600);
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("config/jobdesk"))), 0700);
        QCOMPARE(QSettings(path, QSettings::IniFormat).value(QStringLiteral("window/geometry")),
            QVariant(QByteArray("xyz")));
    }

    void olderHistoryFilesAreMadePrivate()
    {
        QTemporaryDir dir;
        const Umask umask(022);
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            HistoryStore history;
            QVERIFY(history.open(path));
            QVERIFY(history.append(HistoryEntry()));
        }
        // As an older JobDesk left them.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            if (QFile::exists(path + suffix))
                QVERIFY(QFile::setPermissions(path + suffix,
                    QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        }
        HistoryStore history;
        QVERIFY(history.open(path));
        QCOMPARE(modeOf(path), 0600);
        for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            if (QFile::exists(path + suffix))
                QCOMPARE(modeOf(path + suffix), 0600);
        }
        QCOMPARE(history.count().value_or(-1), 1);
    }
};

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "tst_PrivateFiles.moc"
