// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/history/HistoryStore.h"
#include "core/history/TicketText.h"
#include "gui/HistoryModel.h"
#include "gui/LogPanel.h"
#include "gui/Translations.h"
#include "support/HistoryFixtures.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
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

        m_panel->findChild<QToolButton *>(QStringLiteral("copyCurlToolButton"))->click();
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
        QSignalSpy spy(m_panel.get(), &LogPanel::exportFinished);
        const QString path = m_dir->filePath(QStringLiteral("export.csv"));
        m_panel->exportTo(path, HistoryExporter::Format::Csv);
        QVERIFY(spy.wait(20000));
        QCOMPARE(spy.at(0).at(0).toBool(), true);
        QCOMPARE(spy.at(0).at(1).toInt(), 250); // index % 4 == 2 below 1000
        const QList<QByteArray> lines = readAll(path).split('\n');
        QCOMPARE(lines.size(), 1 + 250 + 1); // header, rows, empty after the last CRLF
        for (qsizetype i = 1; i <= 250; ++i)
            QVERIFY(lines.at(i).contains(",\"prod-eu\","));

        const QString jsonPath = m_dir->filePath(QStringLiteral("export.json"));
        m_panel->exportTo(jsonPath, HistoryExporter::Format::Json);
        QVERIFY(spy.wait(20000));
        QCOMPARE(spy.at(1).at(1).toInt(), 250);
        QVERIFY(readAll(jsonPath).startsWith("[\n{\"id\":"));
    }

    void retentionPrunesInTheBackground()
    {
        QSignalSpy spy(m_panel.get(), &LogPanel::retentionApplied);
        RetentionPolicy policy;
        policy.mode = RetentionPolicy::Mode::KeepCount;
        policy.count = 100;
        m_panel->setRetentionPolicy(policy);
        QVERIFY(spy.wait(20000));
        QCOMPARE(spy.at(0).at(0).toInt(), kSynthetic + 1 - 100);
        QCOMPARE(m_store->count().value_or(-1), 100);
        QCOMPARE(rows(), 100); // reloaded
        QCOMPARE(RetentionPolicy::load(QSettings()), policy);
        QCOMPARE(table()->model()->index(0, HistoryModel::JobKeyColumn).data().toString(),
            QStringLiteral("2251799902653941"));

        // A new panel applies the saved policy at start.
        QList<HistoryEntry> more;
        for (int i = 0; i < 20; ++i)
            more.append(HistoryFixtures::syntheticEntry(5000 + i, HistoryFixtures::fixedTime()));
        QVERIFY(HistoryFixtures::appendMany(*m_store, more));
        LogPanel second;
        QSignalSpy secondSpy(&second, &LogPanel::retentionApplied);
        second.setStore(m_store.get());
        QVERIFY(secondSpy.wait(20000));
        QCOMPARE(secondSpy.at(0).at(0).toInt(), 20);
        QCOMPARE(m_store->count().value_or(-1), 100);
    }
};

QTEST_MAIN(tst_LogPanel)
#include "tst_LogPanel.moc"
