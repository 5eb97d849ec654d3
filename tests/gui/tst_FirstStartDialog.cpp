// SPDX-License-Identifier: GPL-3.0-or-later
// The first-start offer: each button gives its choice, unavailable ones are disabled and say why.
#include "gui/FirstStartDialog.h"

#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

Q_DECLARE_METATYPE(JobDesk::FirstStartDialog::Choice)

class TestFirstStartDialog final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void eachButtonGivesItsChoice_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<FirstStartDialog::Choice>("choice");
        using C = FirstStartDialog::Choice;
        QTest::newRow("profile") << QStringLiteral("newProfilePushButton") << C::NewProfile;
        QTest::newRow("environment")
            << QStringLiteral("importEnvironmentPushButton") << C::ImportEnvironment;
        QTest::newRow("file") << QStringLiteral("importFilePushButton") << C::ImportCredentialsFile;
        QTest::newRow("sandbox") << QStringLiteral("sandboxPushButton") << C::LocalSandbox;
        QTest::newRow("localhost") << QStringLiteral("keepDefaultPushButton") << C::KeepDefault;
    }

    void eachButtonGivesItsChoice()
    {
        QFETCH(QString, button);
        QFETCH(FirstStartDialog::Choice, choice);
        FirstStartDialog dialog(true, true);
        dialog.show();
        auto *push = dialog.findChild<QPushButton *>(button);
        QVERIFY(push);
        QVERIFY(push->isEnabled());
        QTest::mouseClick(push, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.choice(), choice);
    }

    void closingChoosesNothing()
    {
        FirstStartDialog dialog(true, true);
        dialog.show();
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.choice(), FirstStartDialog::Choice::Later);
    }

    void unavailableChoicesSayWhy()
    {
        FirstStartDialog dialog(false, false);
        auto *environment
            = dialog.findChild<QPushButton *>(QStringLiteral("importEnvironmentPushButton"));
        auto *sandbox = dialog.findChild<QPushButton *>(QStringLiteral("sandboxPushButton"));
        QVERIFY(!environment->isEnabled());
        QVERIFY(!sandbox->isEnabled());
        QVERIFY(environment->toolTip().contains(QStringLiteral("No Camunda SDK variables")));
        QVERIFY(sandbox->toolTip().contains(QStringLiteral("not found")));
        QVERIFY(
            dialog.findChild<QPushButton *>(QStringLiteral("newProfilePushButton"))->isEnabled());
    }
};

QTEST_MAIN(TestFirstStartDialog)
#include "tst_FirstStartDialog.moc"
