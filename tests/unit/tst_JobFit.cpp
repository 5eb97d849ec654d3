// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/lookup/JobFit.h"

#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

class TestJobFit final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void misfits_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("deny");
        QTest::addColumn<bool>("corrections");
        QTest::addColumn<bool>("variables");
        QTest::addColumn<QList<int>>("expected");
        const QString bpmn = QStringLiteral("BPMN_ELEMENT");
        const QString listener = QStringLiteral("TASK_LISTENER");
        const QString created = QStringLiteral("CREATED");
        QTest::newRow("plain completion of a service task")
            << bpmn << QStringLiteral("UNSPECIFIED") << created << false << false << true
            << QList<int> {};
        QTest::newRow("deny to a service task")
            << bpmn << QStringLiteral("UNSPECIFIED") << created << true << false << false
            << QList<int> {int(Misfit::DenyNotTaskListener)};
        QTest::newRow("corrections to an execution listener")
            << QStringLiteral("EXECUTION_LISTENER") << QStringLiteral("START") << created << false
            << true << false << QList<int> {int(Misfit::CorrectionsNotTaskListener)};
        QTest::newRow("deny on completing") << listener << QStringLiteral("COMPLETING") << created
                                            << true << false << false << QList<int> {};
        QTest::newRow("deny on creating")
            << listener << QStringLiteral("CREATING") << created << true << false << false
            << QList<int> {int(Misfit::DenyEventNotAllowed)};
        QTest::newRow("corrections on canceling")
            << listener << QStringLiteral("CANCELING") << created << false << true << false
            << QList<int> {int(Misfit::CorrectionsEventNotAllowed)};
        QTest::newRow("variables to a task listener")
            << listener << QStringLiteral("ASSIGNING") << created << false << false << true
            << QList<int> {int(Misfit::VariablesOnTaskListener)};
        QTest::newRow("a completed job")
            << bpmn << QStringLiteral("UNSPECIFIED") << QStringLiteral("COMPLETED") << false
            << false << false << QList<int> {int(Misfit::JobNotOpen)};
        QTest::newRow("a failed job is still open")
            << bpmn << QStringLiteral("UNSPECIFIED") << QStringLiteral("FAILED") << false << false
            << false << QList<int> {};
    }
    void misfits()
    {
        QFETCH(QString, kind);
        QFETCH(QString, event);
        QFETCH(QString, state);
        QFETCH(bool, deny);
        QFETCH(bool, corrections);
        QFETCH(bool, variables);
        QFETCH(QList<int>, expected);
        JobRecord job;
        job.kind = kind;
        job.listenerEventType = event;
        job.state = state;
        QList<int> found;
        for (const Misfit misfit : JobFit::misfits(job, {deny, corrections, variables}))
            found.append(int(misfit));
        QCOMPARE(found, expected);
    }
};

QTEST_GUILESS_MAIN(TestJobFit)
#include "tst_JobFit.moc"
