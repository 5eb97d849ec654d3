// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/templates/DraftStore.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace JobDesk;

class TestDraftStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void defaultPathIsInAppData()
    {
        QVERIFY(DraftStore::defaultPath().startsWith(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(DraftStore::defaultPath().endsWith(QStringLiteral("/draft.json")));
    }

    void roundTripKeepsTextVerbatim()
    {
        QTemporaryDir dir;
        DraftStore store(dir.filePath(QStringLiteral("sub/draft.json")));
        const DraftStore::Loaded nothing = store.load();
        QVERIFY(nothing.ok);
        QVERIFY(!nothing.draft);
        Draft draft;
        draft.jobKey = QStringLiteral(" 2251799813685249 ");
        draft.variables = QStringLiteral("{\"n\": 123456789012345678901234567890, \"half\": ");
        draft.denied = true;
        draft.deniedReason = QStringLiteral("four eyes");
        draft.assignee = {true, QString()};
        draft.priority = {true, QStringLiteral("10x")};
        draft.correctionsExpanded = true;
        QVERIFY2(store.save(draft), qPrintable(store.error()));
        const DraftStore::Loaded loaded = store.load();
        QVERIFY(loaded.ok);
        QVERIFY(loaded.draft);
        QCOMPARE(*loaded.draft, draft);
    }

    void emptyDraftRemovesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("draft.json"));
        DraftStore store(path);
        Draft draft;
        draft.jobKey = QStringLiteral("1");
        QVERIFY(store.save(draft));
        QVERIFY(QFile::exists(path));
        QVERIFY(store.save(Draft {}));
        QVERIFY(!QFile::exists(path));
    }

    void corruptFileIsReportedAndKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("draft.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{not json");
        file.close();
        DraftStore store(path);
        const DraftStore::Loaded loaded = store.load();
        QVERIFY(!loaded.ok);
        QVERIFY(!loaded.draft);
        QVERIFY(!store.error().isEmpty());
        QVERIFY(QFile::exists(path));
        QCOMPARE(QFile(path).size(), qint64(9));
    }

    void newerFormatIsRefused()
    {
        QString error;
        QVERIFY(!DraftStore::fromJson("{\"formatVersion\": 99, \"jobKey\": \"1\"}", &error));
        QVERIFY(error.contains(QStringLiteral("newer")));
    }
};

QTEST_GUILESS_MAIN(TestDraftStore)
#include "tst_DraftStore.moc"
