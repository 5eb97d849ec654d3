// SPDX-License-Identifier: GPL-3.0-or-later
// The lease that says which program runs a batch: free, held here, held by another process,
// and freed by that process's death (SIGKILL leaves the lock file behind; it must not count).
// The other process is this test executable itself, started with JOBDESK_TEST_HOLD_LEASE.
#include "core/batch/BatchLease.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace JobDesk;

namespace {

constexpr char kHoldVariable[] = "JOBDESK_TEST_HOLD_LEASE";

/// The child's part: takes the lease of "<history path>|<batch id>", says "held", and keeps it
/// until its standard input ends (or it is killed).
int holdLease(const QString &what)
{
    const QString path = what.section(u'|', 0, 0);
    const qint64 id = what.section(u'|', 1).toLongLong();
    BatchLease lease(path, id);
    if (!lease.acquire()) {
        std::fprintf(stdout, "refused %s\n", qPrintable(lease.error()));
        return 1;
    }
    std::fprintf(stdout, "held\n");
    std::fflush(stdout);
    while (std::getchar() != EOF) { }
    return 0;
}

BatchInfo batchInfo(BatchState state, ActionKind action = ActionKind::Complete)
{
    BatchInfo info;
    info.id = 7;
    info.state = state;
    info.spec.action = action;
    return info;
}

} // namespace

class tst_BatchLease : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void freeWhenNeverTaken();
    void heldHereRefusesASecondTaker();
    void heldByAnotherProcess();
    void freedWhenItsHolderIsKilled();
    void freedWhenItsHolderEnds();
    void statusWords_data();
    void statusWords();

private:
    /// Starts a child holding batch `id` and waits for its "held".
    bool startHolder(QProcess &child, qint64 id);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_history;
};

void tst_BatchLease::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_history = m_dir->filePath(QStringLiteral("history.sqlite"));
}

bool tst_BatchLease::startHolder(QProcess &child, qint64 id)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(
        QString::fromLatin1(kHoldVariable), m_history + QStringLiteral("|") + QString::number(id));
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {});
    if (!child.waitForStarted())
        return false;
    while (!child.canReadLine()) {
        if (child.state() != QProcess::Running || !child.waitForReadyRead(30000))
            return false;
    }
    return child.readLine().trimmed() == "held";
}

void tst_BatchLease::freeWhenNeverTaken()
{
    QVERIFY(!BatchLease::holderOf(m_history, 3));
    // Looking does not leave a lock file behind.
    QVERIFY(!QFileInfo::exists(BatchLease::lockPath(m_history, 3)));
    BatchLease lease(m_history, 3);
    QVERIFY(!lease.isHeld());
    QVERIFY(lease.acquire());
    QVERIFY(lease.isHeld());
    QCOMPARE(QFileInfo(BatchLease::lockPath(m_history, 3)).absolutePath(),
        QDir(m_dir->path()).filePath(QStringLiteral("batches")));
    QCOMPARE(QFileInfo(QDir(m_dir->path()).filePath(QStringLiteral("batches"))).permissions()
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeOther),
        QFileDevice::Permissions());
    QCOMPARE(QFileInfo(BatchLease::lockPath(m_history, 3)).permissions()
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther),
        QFileDevice::Permissions());
    lease.release();
    QVERIFY(!lease.isHeld());
    QVERIFY(!QFileInfo::exists(BatchLease::lockPath(m_history, 3)));
}

void tst_BatchLease::heldHereRefusesASecondTaker()
{
    BatchLease first(m_history, 4);
    QVERIFY(first.acquire());
    const auto holder = BatchLease::holderOf(m_history, 4);
    QVERIFY(holder);
    QCOMPARE(holder->pid, QCoreApplication::applicationPid());

    BatchLease second(m_history, 4);
    QVERIFY(!second.acquire());
    QVERIFY(second.holder());
    QCOMPARE(second.holder()->pid, QCoreApplication::applicationPid());
    QVERIFY2(second.error().contains(QString::number(QCoreApplication::applicationPid())),
        qPrintable(second.error()));
    // Another batch is another lease.
    BatchLease other(m_history, 5);
    QVERIFY(other.acquire());

    first.release();
    QVERIFY(!BatchLease::holderOf(m_history, 4));
    QVERIFY(second.acquire());
}

void tst_BatchLease::heldByAnotherProcess()
{
    QProcess child;
    QVERIFY(startHolder(child, 9));
    const auto holder = BatchLease::holderOf(m_history, 9);
    QVERIFY(holder);
    QCOMPARE(holder->pid, child.processId());
    BatchLease lease(m_history, 9);
    QVERIFY(!lease.acquire());
    QCOMPARE(lease.holder()->pid, child.processId());
    QVERIFY(lease.error().contains(QString::number(child.processId())));
    // A look by holderOf() takes nothing from the holder.
    QCOMPARE(child.state(), QProcess::Running);
    QVERIFY(BatchLease::holderOf(m_history, 9));
    child.closeWriteChannel();
    QVERIFY(child.waitForFinished());
}

void tst_BatchLease::freedWhenItsHolderIsKilled()
{
    QProcess child;
    QVERIFY(startHolder(child, 11));
    QVERIFY(BatchLease::holderOf(m_history, 11));
    child.kill(); // SIGKILL: no unlock, the lock file stays
    QVERIFY(child.waitForFinished());
    QVERIFY(QFileInfo::exists(BatchLease::lockPath(m_history, 11)));

    QVERIFY(!BatchLease::holderOf(m_history, 11));
    BatchInfo info = batchInfo(BatchState::Running);
    info.id = 11;
    QVERIFY(BatchStatus::of(m_history, info).interrupted());
    BatchLease lease(m_history, 11);
    QVERIFY2(lease.acquire(), qPrintable(lease.error()));
    QCOMPARE(BatchLease::holderOf(m_history, 11)->pid, QCoreApplication::applicationPid());
}

void tst_BatchLease::freedWhenItsHolderEnds()
{
    QProcess child;
    QVERIFY(startHolder(child, 12));
    child.closeWriteChannel();
    QVERIFY(child.waitForFinished());
    QCOMPARE(child.exitCode(), 0);
    QVERIFY(!QFileInfo::exists(BatchLease::lockPath(m_history, 12)));
    QVERIFY(!BatchLease::holderOf(m_history, 12));
}

void tst_BatchLease::statusWords_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("action");
    QTest::addColumn<bool>("held");
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("interrupted");
    const int complete = int(ActionKind::Complete);
    const int operation = int(ActionKind::BatchOperation);
    QTest::newRow("running, held")
        << int(BatchState::Running) << complete << true << "running" << false;
    QTest::newRow("running, free")
        << int(BatchState::Running) << complete << false << "interrupted" << true;
    QTest::newRow("planning, free")
        << int(BatchState::Planning) << complete << false << "interrupted" << true;
    QTest::newRow("planning, held")
        << int(BatchState::Planning) << complete << true << "planning" << false;
    QTest::newRow("planned, free")
        << int(BatchState::Planned) << complete << false << "planned" << false;
    QTest::newRow("paused, free") << int(BatchState::Paused) << complete << false << "paused"
                                  << false;
    QTest::newRow("finished, free")
        << int(BatchState::Finished) << complete << false << "finished" << false;
    // The cluster's own batch operation goes on without a program: not interrupted.
    QTest::newRow("operation, free")
        << int(BatchState::Running) << operation << false << "running" << false;
}

void tst_BatchLease::statusWords()
{
    QFETCH(int, state);
    QFETCH(int, action);
    QFETCH(bool, held);
    QFETCH(QString, word);
    QFETCH(bool, interrupted);
    const BatchInfo info = batchInfo(BatchState(state), ActionKind(action));
    BatchLease lease(m_history, info.id);
    if (held)
        QVERIFY(lease.acquire());
    const BatchStatus status = BatchStatus::of(m_history, info);
    QCOMPARE(bool(status.holder), held);
    QCOMPARE(status.stateName(), word);
    QCOMPARE(status.interrupted(), interrupted);
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet(kHoldVariable)) {
        QCoreApplication app(argc, argv);
        return holdLease(qEnvironmentVariable(kHoldVariable));
    }
    QCoreApplication app(argc, argv);
    tst_BatchLease test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_BatchLease.moc"
