// SPDX-License-Identifier: GPL-3.0-or-later
// The batch view on a laptop's screen: 1280×800, at 100 % and at 200 % (640×400 logical). CTest
// runs this on an offscreen screen of exactly that size (tests/data/screens). The view must fit
// the screen minus a window frame, never need a horizontal scroll bar, and keep every button
// reachable by scrolling down only — on both tabs, before a plan and with a batch shown.
#include "core/history/BatchJournal.h"
#include "gui/BatchController.h"
#include "gui/BatchDialog.h"
#include "gui/BatchItemsModel.h"
#include "gui/MainWindow.h"
#include "support/HistoryFixtures.h"
#include "support/WindowFixture.h"

#include <QAbstractButton>
#include <QHeaderView>
#include <QLabel>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace JobDesk;

class TestBatchDialogLayout final : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init() { Test::WindowFixture::removeStoredFiles(); }
    void cleanup() { init(); }
    void fitsTheScreen_data();
    void fitsTheScreen();

private:
    static QRect available() { return QGuiApplication::primaryScreen()->availableGeometry(); }
    /// Every shown button of the current tab lies within the view's width.
    static void verifyButtonsReachable(BatchDialog *dialog, QScrollArea *scroll);
};

void TestBatchDialogLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qInfo() << "screen" << available();
}

void TestBatchDialogLayout::fitsTheScreen_data()
{
    QTest::addColumn<int>("tab");
    QTest::addColumn<bool>("withBatch");
    QTest::newRow("complete jobs, plan view") << 0 << false;
    QTest::newRow("complete jobs, run view") << 0 << true;
    QTest::newRow("resolve incidents") << 1 << false;
}

void TestBatchDialogLayout::verifyButtonsReachable(BatchDialog *dialog, QScrollArea *scroll)
{
    const QWidget *viewport = scroll->viewport();
    for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>()) {
        if (!button->isVisible() || !scroll->widget()->isAncestorOf(button))
            continue;
        const QRect inViewport(button->mapTo(viewport, QPoint(0, 0)), button->size());
        QVERIFY2(inViewport.left() >= 0 && inViewport.right() < viewport->width(),
            qPrintable(QStringLiteral("%1 at %2..%3, the view is %4 wide")
                           .arg(button->objectName())
                           .arg(inViewport.left())
                           .arg(inViewport.right())
                           .arg(viewport->width())));
    }
}

void TestBatchDialogLayout::fitsTheScreen()
{
    QFETCH(int, tab);
    QFETCH(bool, withBatch);
    Test::WindowFixture w(
        QUrl(QStringLiteral("http://127.0.0.1:9")), false, true, Test::WindowFixture::Shown::No);
    if (withBatch) {
        // A batch as a run leaves it, with long words in its input and counts.
        QStringList keys;
        for (int i = 0; i < 50; ++i)
            keys.append(QString::number((qint64(1) << 51) + 1 + i));
        const std::optional<qint64> id = HistoryFixtures::journalledBatch(w.history, keys,
            BatchState::Running, QStringLiteral("camunda.production.eu-west-1.example.com"),
            QStringLiteral("incident-wave-2026-11-30-payment-service-retries.csv"));
        QVERIFY(id);
        w.window->batches()->dialog()->showBatch(*id);
    }
    BatchDialog *dialog = w.window->batches()->dialog();
    auto *scroll = dialog->findChild<QScrollArea *>(QStringLiteral("batchScrollArea"));
    QVERIFY(scroll);
    dialog->findChild<QTabWidget *>(QStringLiteral("tabWidget"))->setCurrentIndex(tab);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    // The dialog as it opens fits the screen with its frame, and so does its smallest size.
    const QRect frame = dialog->frameGeometry();
    const QMargins frameMargins(dialog->geometry().left() - frame.left(),
        dialog->geometry().top() - frame.top(), frame.right() - dialog->geometry().right(),
        frame.bottom() - dialog->geometry().bottom());
    const QSize room = available().size().shrunkBy(frameMargins);
    QVERIFY2(dialog->width() <= room.width() && dialog->height() <= room.height(),
        qPrintable(QStringLiteral("%1×%2 in %3×%4")
                       .arg(dialog->width())
                       .arg(dialog->height())
                       .arg(room.width())
                       .arg(room.height())));
    const QSize minimum = dialog->minimumSizeHint();
    QVERIFY2(minimum.width() <= room.width() && minimum.height() <= room.height(),
        qPrintable(QStringLiteral("minimum %1×%2 in %3×%4")
                       .arg(minimum.width())
                       .arg(minimum.height())
                       .arg(room.width())
                       .arg(room.height())));

    // At the size it opens with, and at the whole room: down only, never sideways.
    for (const QSize size : {dialog->size(), room}) {
        dialog->resize(size);
        QTRY_COMPARE(dialog->size(), size);
        QTRY_VERIFY2(!scroll->horizontalScrollBar()->isVisible(),
            qPrintable(QStringLiteral("a horizontal scroll bar at %1×%2 (content %3 wide)")
                           .arg(size.width())
                           .arg(size.height())
                           .arg(scroll->widget()->minimumSizeHint().width())));
        verifyButtonsReachable(dialog, scroll);
    }

    // The items table's short columns show their whole header ("Attempts" is not cut to "At…").
    const QHeaderView *header
        = dialog->findChild<QTableView *>(QStringLiteral("itemsView"))->horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        if (column == BatchItemsModel::Detail)
            continue; // takes what is left; its header is short
        QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
            qPrintable(QStringLiteral("column %1 (%2) is %3 wide, its header needs %4")
                           .arg(column)
                           .arg(header->model()->headerData(column, Qt::Horizontal).toString())
                           .arg(header->sectionSize(column))
                           .arg(header->sectionSizeHint(column))));
    }
}

QTEST_MAIN(TestBatchDialogLayout)
#include "tst_BatchDialogLayout.moc"
