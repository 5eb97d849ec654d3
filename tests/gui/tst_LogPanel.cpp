// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryStore.h"
#include "core/history/TicketText.h"
#include "gui/HistoryController.h"
#include "gui/HistoryModel.h"
#include "gui/HistoryTableView.h"
#include "gui/LogPanel.h"
#include "gui/Translations.h"
#include "gui/WindowSettings.h"
#include "support/HistoryFixtures.h"
#include "support/TestPaths.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace JobDesk;

class tst_LogPanel : public QObject
{
    Q_OBJECT

private:
    static constexpr int kSynthetic = 1000;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<LogPanel> m_panel;
    qint64 m_failedId = 0;

    QTableView *table() const
    {
        return m_panel->findChild<QTableView *>(QStringLiteral("historyTableView"));
    }
    QLineEdit *filterEdit() const
    {
        return m_panel->findChild<QLineEdit *>(QStringLiteral("historyFilterLineEdit"));
    }
    QComboBox *outcomeCombo() const
    {
        return m_panel->findChild<QComboBox *>(QStringLiteral("outcomeFilterComboBox"));
    }
    QTextBrowser *details() const
    {
        return m_panel->findChild<QTextBrowser *>(QStringLiteral("historyDetailsTextBrowser"));
    }
    int rows() const { return table()->model()->rowCount(); }

    void selectRow(int row)
    {
        table()->setFocus();
        table()->selectionModel()->setCurrentIndex(table()->model()->index(row, 0),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationName(QStringLiteral("jobdesk-tst-logpanel"));
        // As in the app: the English translation gives "1 attempt" / "2 attempts".
        QVERIFY(installTranslations(qApp));
    }

    void init()
    {
        QSettings().clear();
        QFile::remove(WindowSettings::path());
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<HistoryStore>();
        QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("history.sqlite"))));
        QList<HistoryEntry> entries;
        const QDateTime newest = HistoryFixtures::fixedTime().addSecs(-1);
        for (int i = kSynthetic - 1; i >= 0; --i)
            entries.append(HistoryFixtures::syntheticEntry(i, newest));
        QVERIFY(HistoryFixtures::appendMany(*m_store, entries));
        m_failedId = m_store->append(HistoryFixtures::invalidState409()).value_or(0); // the newest
        QVERIFY(m_failedId > 0);
        m_panel = std::make_unique<LogPanel>();
        m_panel->resize(1100, 500);
        m_panel->setStore(m_store.get());
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }

    void cleanup()
    {
        m_panel.reset();
        m_store.reset();
        m_dir.reset();
        QSettings().clear();
        QFile::remove(WindowSettings::path());
    }

    void opensLazilyWithEverythingFound()
    {
        QVERIFY(table() && filterEdit() && outcomeCombo() && details());
        QVERIFY(rows() >= HistoryModel::kPageSize);
        QVERIFY(rows() < kSynthetic); // not everything at once
        QCOMPARE(table()->model()->index(0, HistoryModel::JobKeyColumn).data().toString(),
            QStringLiteral("2251799902653941"));
        const auto *count = m_panel->findChild<QLabel *>(QStringLiteral("historyCountLabel"));
        QVERIFY(count);
        QCOMPARE(count->text(), QStringLiteral("%1 attempts").arg(QLocale().toString(1001)));
        QCOMPARE(LogPanel::tr("%Ln attempt(s)", nullptr, 1), QStringLiteral("1 attempt"));
        QCOMPARE(LogPanel::tr("%1 of %Ln attempt(s)", nullptr, 1).arg(1),
            QStringLiteral("1 of 1 attempt"));
    }

    void filterByTypingText()
    {
        QTest::keyClicks(filterEdit(), QStringLiteral("2251799813685349"));
        QTRY_COMPARE(rows(), 1);
        QCOMPARE(table()->model()->index(0, HistoryModel::JobKeyColumn).data().toString(),
            QStringLiteral("2251799813685349"));
        filterEdit()->clear();
        QTRY_VERIFY(rows() >= HistoryModel::kPageSize);
    }

    void textFilterRunsOffTheUiThread()
    {
        QSignalSpy applied(m_panel.get(), &LogPanel::filterApplied);
        filterEdit()->setText(QStringLiteral("2251799813685349"));
        QMetaObject::invokeMethod(filterEdit(), "returnPressed");
        // The query runs in a worker: nothing has changed yet when the call returns.
        QCOMPARE(applied.count(), 0);
        QVERIFY(rows() >= HistoryModel::kPageSize);
        QVERIFY(applied.wait(20000));
        QCOMPARE(rows(), 1);
        // Typing on while a query runs: only the last filter's answer is shown.
        filterEdit()->setText(QStringLiteral("prod-eu"));
        QMetaObject::invokeMethod(filterEdit(), "returnPressed");
        filterEdit()->setText(QStringLiteral("dev-cluster"));
        QMetaObject::invokeMethod(filterEdit(), "returnPressed");
        QTRY_COMPARE(table()->model()->index(0, HistoryModel::JobKeyColumn).data().toString(),
            QStringLiteral("2251799902653941"));
        QCOMPARE(rows(), 1);
        QTRY_COMPARE(m_panel->findChild<QLabel *>(QStringLiteral("historyCountLabel"))->text(),
            QStringLiteral("1 of %1 attempts").arg(QLocale().toString(1001)));
    }

    void attemptsFromTheCliAppearWithoutRefresh()
    {
        HistoryStore cli;
        QVERIFY(cli.open(m_store->path()));
        HistoryEntry entry = HistoryFixtures::connectionRefused();
        entry.time = HistoryFixtures::fixedTime().addSecs(7200);
        QVERIFY(cli.append(entry).value_or(0) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            table()->model()->index(0, HistoryModel::JobKeyColumn).data().toString(), entry.jobKey,
            15000);
    }

    void filterByOutcome()
    {
        const int index = outcomeCombo()->findText(outcomeKindLabel(OutcomeKind::InvalidState));
        QVERIFY(index > 0);
        outcomeCombo()->setCurrentIndex(index);
        QCOMPARE(rows(), 1 + 111); // the fixture + synthetic index % 9 == 4 below 1000
        for (int row = 0; row < rows(); ++row) {
            QCOMPARE(table()->model()->index(row, 0).data(HistoryModel::OutcomeKindRole).toInt(),
                int(OutcomeKind::InvalidState));
        }
        // Kind and text together.
        QTest::keyClicks(filterEdit(), QStringLiteral("dev-cluster"));
        QTRY_COMPARE(rows(), 1);
        QCOMPARE(m_panel->currentFilter().kinds, QList<OutcomeKind> {OutcomeKind::InvalidState});
    }

    void filterByActionAndOldRowsAreCompletions()
    {
        // A history written by JobDesk 0.1 (schema 1, completions only), migrated on open: its
        // rows are completions in the new action filter.
        m_panel->setStore(nullptr);
        m_store.reset();
        const QString path = m_dir->filePath(QStringLiteral("v1.sqlite"));
        QVERIFY(
            QFile::copy(TestPaths::testData(QStringLiteral("history/history-v1.sqlite")), path));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        m_store = std::make_unique<HistoryStore>();
        QVERIFY2(m_store->open(path), qPrintable(m_store->error()));
        const int old = m_store->count().value_or(-1);
        QVERIFY(old >= 4);
        HistoryEntry update = HistoryFixtures::invalidState409();
        update.action = ActionKind::Update;
        update.production = true;
        QVERIFY(m_store->append(update));
        m_panel->setStore(m_store.get());
        QTRY_COMPARE(rows(), old + 1);

        auto *actions = m_panel->findChild<QComboBox *>(QStringLiteral("actionFilterComboBox"));
        QVERIFY(actions);
        actions->setCurrentIndex(actions->findData(QStringLiteral("complete")));
        QTRY_COMPARE(rows(), old);
        for (int row = 0; row < old; ++row)
            QCOMPARE(table()->model()->index(row, 0).data(HistoryModel::ActionRole).toString(),
                QStringLiteral("complete"));
        actions->setCurrentIndex(actions->findData(QStringLiteral("update")));
        QTRY_COMPARE(rows(), 1);
        // The update names its action and is marked as sent to production.
        QVERIFY(table()
                    ->model()
                    ->index(0, HistoryModel::TitleColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("update · ")));
        QVERIFY(table()
                    ->model()
                    ->index(0, HistoryModel::ConnectionColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("PROD · ")));
        actions->setCurrentIndex(0);
        QTRY_COMPARE(rows(), old + 1);
    }

    void detailsShowEveryProblemField()
    {
        selectRow(0);
        const QString text = details()->toPlainText();
        for (const char *expected :
            {"Invalid state", "HTTP 409", "2251799902653941", "about:blank", "INVALID_STATE",
                "/v2/jobs/2251799902653941/completion", "jobState", "FAILED", "incidentKey",
                "2251799813999999123", "X-Request-Id: req-77", "Authorization: <redacted>",
                "POST http://localhost:8080/v2/jobs/2251799902653941/completion",
                "{\"variables\":{\"orderId\":4711}}", "Next step:"}) {
            QVERIFY2(text.contains(QString::fromUtf8(expected)), expected);
        }
        const Explanation explanation = explain(HistoryFixtures::invalidState409().toOutcome());
        QVERIFY(text.contains(explanation.summary));
    }

    void copyActions()
    {
        selectRow(0);
        QClipboard *clipboard = QGuiApplication::clipboard();
        clipboard->clear();
        QTest::keyClick(table(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(clipboard->text(), QStringLiteral("2251799902653941"));

        QTest::keyClick(table(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        const std::optional<HistoryEntry> entry = m_store->entry(m_failedId);
        QVERIFY(entry);
        QCOMPARE(clipboard->text(), ticketText(*entry));

        // The curl command is in the menu of the copy button.
        auto *copyButton = m_panel->findChild<QToolButton *>(QStringLiteral("copyKeyToolButton"));
        QVERIFY(copyButton->menu());
        auto *copyCurl = m_panel->findChild<QAction *>(QStringLiteral("copyCurlAction"));
        QVERIFY(copyButton->menu()->actions().contains(copyCurl));
        QVERIFY(copyButton->menu()->actions().contains(
            m_panel->findChild<QAction *>(QStringLiteral("copyTicketAction"))));
        copyCurl->trigger();
        const QString curl = clipboard->text();
        QVERIFY2(curl.startsWith(QStringLiteral("curl ")), qPrintable(curl));
        QVERIFY(curl.contains(
            QStringLiteral("http://localhost:8080/v2/jobs/2251799902653941/completion")));
        QVERIFY(curl.contains(QStringLiteral("orderId")));

        m_panel->findChild<QToolButton *>(QStringLiteral("copyKeyToolButton"))->click();
        QCOMPARE(clipboard->text(), QStringLiteral("2251799902653941"));
    }

    void actionsNeedASelection()
    {
        table()->selectionModel()->clearCurrentIndex();
        QVERIFY(!m_panel->findChild<QPushButton *>(QStringLiteral("loadIntoFormPushButton"))
                     ->isEnabled());
        QVERIFY(
            !m_panel->findChild<QToolButton *>(QStringLiteral("copyKeyToolButton"))->isEnabled());
        selectRow(3);
        QVERIFY(m_panel->findChild<QPushButton *>(QStringLiteral("loadIntoFormPushButton"))
                    ->isEnabled());
    }

    void loadIntoFormWithEnterAndButton()
    {
        QSignalSpy spy(m_panel.get(), &LogPanel::loadIntoFormRequested);
        selectRow(0);
        QTest::keyClick(table(), Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        const auto entry = spy.at(0).at(0).value<HistoryEntry>();
        QCOMPARE(entry.jobKey, QStringLiteral("2251799902653941"));
        QCOMPARE(entry.request.body, QByteArray("{\"variables\":{\"orderId\":4711}}"));
        m_panel->findChild<QPushButton *>(QStringLiteral("loadIntoFormPushButton"))->click();
        QCOMPARE(spy.count(), 2);
    }

    void addEntryAppearsAtOnceAndIsSelected()
    {
        HistoryEntry fresh = HistoryFixtures::completed204();
        fresh.time = HistoryFixtures::fixedTime().addSecs(3600);
        const qint64 id = m_store->append(fresh).value_or(0);
        m_panel->addEntry(id);
        QCOMPARE(
            table()->model()->index(0, HistoryModel::JobKeyColumn).data().toString(), fresh.jobKey);
        QCOMPARE(table()->currentIndex().row(), 0);
        QVERIFY(details()->toPlainText().contains(QStringLiteral("HTTP 204")));
    }

    void focusFilterForCtrlF()
    {
        table()->setFocus();
        QTest::keyClicks(filterEdit(), QStringLiteral("abc"));
        m_panel->focusFilter();
        QTRY_VERIFY(filterEdit()->hasFocus());
        QCOMPARE(filterEdit()->selectedText(), QStringLiteral("abc"));
    }

    void exportsOnlyTheFilteredEntries()
    {
        QTest::keyClicks(filterEdit(), QStringLiteral("prod-eu"));
        QTRY_COMPARE(m_panel->currentFilter().text, QStringLiteral("prod-eu"));
        HistoryController *history = m_panel->historyController();
        QSignalSpy spy(history, &HistoryController::exportFinished);
        const QString path = m_dir->filePath(QStringLiteral("export.csv"));
        history->exportTo(path, HistoryExporter::Format::Csv, m_panel->currentFilter());
        QVERIFY(spy.wait(20000));
        QCOMPARE(spy.at(0).at(0).toBool(), true);
        QCOMPARE(spy.at(0).at(1).toInt(), 250); // index % 4 == 2 below 1000
        const QList<QByteArray> lines = readAll(path).split('\n');
        QCOMPARE(lines.size(), 1 + 250 + 1); // header, rows, empty after the last CRLF
        for (qsizetype i = 1; i <= 250; ++i) {
            QVERIFY(lines.at(i).contains(",\"prod-eu\","));
            // The key as a formula giving text: a spreadsheet keeps every digit.
            QVERIFY2(
                lines.at(i).contains(",\"prod-eu\",\"=\"\"22517998136"), lines.at(i).constData());
        }

        const QString jsonPath = m_dir->filePath(QStringLiteral("export.json"));
        history->exportTo(jsonPath, HistoryExporter::Format::Json, m_panel->currentFilter());
        QVERIFY(spy.wait(20000));
        QCOMPARE(spy.at(1).at(1).toInt(), 250);
        QVERIFY(readAll(jsonPath).startsWith("[\n{\"id\":"));
    }

    void statusLineClearsItself()
    {
        selectRow(0);
        m_panel->copyKey();
        auto *status = m_panel->findChild<QLabel *>(QStringLiteral("historyStatusLabel"));
        QVERIFY(status->text().startsWith(QStringLiteral("Copied job key")));
        auto *timer = m_panel->findChild<QTimer *>(QStringLiteral("historyStatusTimer"));
        QVERIFY(timer);
        QVERIFY(timer->isActive());
        QCOMPARE(timer->interval(), LogPanel::kStatusLineMs);
        timer->start(0); // what kStatusLineMs later does, without waiting for it
        QTRY_VERIFY(status->text().isEmpty());
    }

    void filterFindsVariablesInTheRequestBody()
    {
        // Each synthetic entry sent {"variables":{"approved":true,"orderId":"<4711 + index>"}}.
        QTest::keyClicks(filterEdit(), QStringLiteral("\"orderId\":\"5000\""));
        QTRY_COMPARE(rows(), 1);
        QCOMPARE(table()->model()->index(0, HistoryModel::JobKeyColumn).data().toString(),
            QString::number(2251799813685249LL + 289));
        // A variable's name finds every attempt that sent it (the fixture sent it as well).
        filterEdit()->setText(QStringLiteral("orderid"));
        QMetaObject::invokeMethod(filterEdit(), "returnPressed");
        QTRY_COMPARE(m_panel->model()->filter().text, QStringLiteral("orderid"));
        QTRY_COMPARE(m_panel->findChild<QLabel *>(QStringLiteral("historyCountLabel"))->text(),
            QStringLiteral("%1 of %1 attempts").arg(QLocale().toString(1001)));
    }

    void emptyResultSaysSoAndExportsNothing()
    {
        auto *view = m_panel->findChild<HistoryTableView *>(QStringLiteral("historyTableView"));
        auto *exportButton = m_panel->findChild<QToolButton *>(QStringLiteral("exportToolButton"));
        QVERIFY(view && exportButton);
        QVERIFY(view->emptyText().isEmpty());
        QVERIFY(exportButton->isEnabled());
        QTest::keyClicks(filterEdit(), QStringLiteral("no-such-thing"));
        QTRY_COMPARE(rows(), 0);
        QTRY_VERIFY2(view->emptyText().contains(QStringLiteral("no-such-thing")),
            qPrintable(view->emptyText()));
        QVERIFY(!exportButton->isEnabled());
        filterEdit()->clear();
        QTRY_VERIFY(rows() > 0);
        QVERIFY(view->emptyText().isEmpty());
        QVERIFY(exportButton->isEnabled());
    }

    void nothingToExportWithoutAttempts()
    {
        HistoryStore empty;
        QVERIFY(empty.open(m_dir->filePath(QStringLiteral("empty.sqlite"))));
        LogPanel panel;
        panel.setStore(&empty);
        auto *view = panel.findChild<HistoryTableView *>(QStringLiteral("historyTableView"));
        QVERIFY(view->emptyText().startsWith(QStringLiteral("No attempts yet")));
        QVERIFY(!panel.findChild<QToolButton *>(QStringLiteral("exportToolButton"))->isEnabled());
    }

    void keepingAllHistoryIsNoNews()
    {
        // The default policy at start: nothing happened, so nothing is said (it was said twice).
        LogPanel panel;
        QSignalSpy said(&panel, &LogPanel::statusMessage);
        QSignalSpy applied(panel.historyController(), &HistoryController::retentionApplied);
        panel.setStore(m_store.get());
        QCOMPARE(applied.count(), 1);
        QCOMPARE(said.count(), 0);
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("historyStatusLabel"))->text().isEmpty());
        // Chosen by the person, it is confirmed.
        panel.historyController()->setRetentionPolicy(RetentionPolicy {});
        QCOMPARE(said.count(), 1);
        QCOMPARE(said.at(0).at(0).toString(), QStringLiteral("Keeping all history"));
    }

    void connectionColumnFitsWhileTheTitleHasRoom()
    {
        HistoryEntry entry = HistoryFixtures::completed204();
        entry.time = HistoryFixtures::fixedTime().addSecs(3600);
        entry.connection = QStringLiteral("production-eu-west-cluster-2");
        m_panel->addEntry(m_store->append(entry).value_or(0));
        const int needed = table()->fontMetrics().horizontalAdvance(entry.connection);
        QTRY_VERIFY(table()->columnWidth(HistoryModel::ConnectionColumn) > needed);
        // Narrow: the title keeps its minimum, the connection gives way (its tooltip is whole).
        m_panel->resize(560, 500);
        QTRY_VERIFY(table()->columnWidth(HistoryModel::ConnectionColumn) < needed);
        QVERIFY(table()->columnWidth(HistoryModel::TitleColumn)
            >= table()->fontMetrics().averageCharWidth() * HistoryTableView::kMinimumTitleChars);
        // The duration is never the column that is cut: the title is last.
        QCOMPARE(table()->horizontalHeader()->visualIndex(HistoryModel::TitleColumn),
            HistoryModel::ColumnCount - 1);
    }

    void retentionPrunesInTheBackground()
    {
        QSignalSpy spy(m_panel->historyController(), &HistoryController::retentionApplied);
        RetentionPolicy policy;
        policy.mode = RetentionPolicy::Mode::KeepCount;
        policy.count = 100;
        m_panel->historyController()->setRetentionPolicy(policy);
        QVERIFY(spy.wait(20000));
        QCOMPARE(spy.at(0).at(0).toInt(), kSynthetic + 1 - 100);
        QCOMPARE(m_store->count().value_or(-1), 100);
        QCOMPARE(rows(), 100); // reloaded
        QCOMPARE(WindowSettings().retentionPolicy(), policy);
        QCOMPARE(table()->model()->index(0, HistoryModel::JobKeyColumn).data().toString(),
            QStringLiteral("2251799902653941"));

        // A new panel applies the saved policy at start.
        QList<HistoryEntry> more;
        for (int i = 0; i < 20; ++i)
            more.append(HistoryFixtures::syntheticEntry(5000 + i, HistoryFixtures::fixedTime()));
        QVERIFY(HistoryFixtures::appendMany(*m_store, more));
        LogPanel second;
        QSignalSpy secondSpy(second.historyController(), &HistoryController::retentionApplied);
        second.setStore(m_store.get());
        QVERIFY(secondSpy.wait(20000));
        QCOMPARE(secondSpy.at(0).at(0).toInt(), 20);
        QCOMPARE(m_store->count().value_or(-1), 100);
    }
};

QTEST_MAIN(tst_LogPanel)
#include "tst_LogPanel.moc"
