// SPDX-License-Identifier: GPL-3.0-or-later
// Find jobs against the sandbox: filters become the search, pages load as the list scrolls, one
// job opens in the form, a selection is kept.
#include "core/history/HistoryStore.h"
#include "core/http/JobsClient.h"
#include "gui/FindJobsDialog.h"
#include "gui/JobForm.h"
#include "gui/JobSearchModel.h"
#include "gui/MainWindow.h"
#include "support/SandboxProcess.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace JobDesk;

class TestFindJobsDialog final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sandbox.start({QStringLiteral("--generate"), QStringLiteral("3000")}),
            qPrintable(m_sandbox.error()));
    }

    void filtersPagesAndOpensAJob()
    {
        QNetworkAccessManager nam;
        HistoryStore history;
        Connection connection;
        connection.apiRoot = JobsClient::normalizeApiRoot(m_sandbox.baseUrlString()).url;
        MainWindow window(connection, &nam, &history, nullptr);
        window.show();
        window.findJobs();
        FindJobsDialog *dialog = window.findJobsDialog();
        QVERIFY(dialog && dialog->isVisible());
        auto *type = dialog->findChild<QLineEdit *>(QStringLiteral("typeLineEdit"));
        QTest::keyClicks(type, QStringLiteral("payment-service")); // every fourth: 750
        const int created = dialog->findChild<QComboBox *>(QStringLiteral("stateComboBox"))
                                ->findText(QStringLiteral("CREATED"));
        dialog->findChild<QComboBox *>(QStringLiteral("stateComboBox"))->setCurrentIndex(created);
        QTest::mouseClick(
            dialog->findChild<QPushButton *>(QStringLiteral("searchPushButton")), Qt::LeftButton);
        JobSearchModel *model = dialog->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), JobSearchModel::kPageSize, 10000);
        QCOMPARE(model->total(), std::optional<qint64>(750));
        QCOMPARE(model->index(0, JobSearchModel::TypeColumn).data().toString(),
            QStringLiteral("payment-service"));

        // Scrolling to the end loads the rest.
        auto *table = dialog->findChild<QTableView *>(QStringLiteral("jobsTableView"));
        table->scrollToBottom();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 750, 10000);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("statusLabel"))
                    ->text()
                    .contains(QStringLiteral("750")));

        // A selection is kept; one job opens in the form.
        table->selectRow(3);
        QCOMPARE(window.selectedJobKeys(), QStringList {model->jobKey(3)});
        QTest::mouseClick(
            dialog->findChild<QPushButton *>(QStringLiteral("openPushButton")), Qt::LeftButton);
        QCOMPARE(window.form()->jobKeyText(), model->jobKey(3));
    }

    void badFilterSendsNothing()
    {
        QNetworkAccessManager nam;
        JobsClient client(&nam);
        client.setApiRoot(JobsClient::normalizeApiRoot(m_sandbox.baseUrlString()).url);
        FindJobsDialog dialog(&client, CamundaVersion::parse(u"8.8.0"));
        dialog.show();
        QTest::keyClicks(
            dialog.findChild<QLineEdit *>(QStringLiteral("processInstanceKeyLineEdit")),
            QStringLiteral("2.25e15"));
        dialog.search();
        QVERIFY(!dialog.model()->isFetching());
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("statusLabel"))->text().isEmpty());
        // 8.8 has no time filters: they are off, with the reason.
        QVERIFY(
            !dialog.findChild<QLineEdit *>(QStringLiteral("createdAfterLineEdit"))->isEnabled());
    }

private:
    SandboxProcess m_sandbox;
};

QTEST_MAIN(TestFindJobsDialog)
#include "tst_FindJobsDialog.moc"
