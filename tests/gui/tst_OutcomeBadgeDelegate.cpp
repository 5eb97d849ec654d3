// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/HistoryModel.h"
#include "gui/OutcomeBadgeDelegate.h"

#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTest>

using namespace JobDesk;

class tst_OutcomeBadgeDelegate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void readableInLightAndDark_data()
    {
        QTest::addColumn<int>("kind");
        for (int k = int(OutcomeKind::Completed); k <= int(OutcomeKind::Cancelled); ++k)
            QTest::newRow(qPrintable(outcomeKindName(OutcomeKind(k)))) << k;
    }

    void readableInLightAndDark()
    {
        QFETCH(int, kind);
        for (const bool dark : {false, true}) {
            const OutcomeBadgeDelegate::Colors colors
                = OutcomeBadgeDelegate::colors(OutcomeKind(kind), dark);
            QVERIFY2(OutcomeBadgeDelegate::contrastRatio(colors.text, colors.background) >= 4.5,
                dark ? "dark" : "light");
            // The badge stands out from the view's background too.
            const QColor base = dark ? QColor(0x2b2b2b) : QColor(Qt::white);
            QVERIFY(colors.background != base);
        }
    }

    void contrastRatioFormula()
    {
        QCOMPARE(qRound(OutcomeBadgeDelegate::contrastRatio(Qt::black, Qt::white)), 21);
        QCOMPARE(OutcomeBadgeDelegate::contrastRatio(Qt::red, Qt::red), 1.0);
    }

    void paletteDetection()
    {
        QPalette light;
        light.setColor(QPalette::Base, Qt::white);
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e1e1e));
        QVERIFY(!OutcomeBadgeDelegate::isDark(light));
        QVERIFY(OutcomeBadgeDelegate::isDark(dark));
    }

    void paintsTintAndText()
    {
        QStandardItemModel model(1, 1);
        model.setData(model.index(0, 0), outcomeKindLabel(OutcomeKind::NotFound), Qt::DisplayRole);
        model.setData(model.index(0, 0), int(OutcomeKind::NotFound), HistoryModel::OutcomeKindRole);
        OutcomeBadgeDelegate delegate;
        QImage image(160, 28, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QStyleOptionViewItem option;
        option.rect = image.rect();
        option.palette.setColor(QPalette::Base, Qt::white);
        {
            QPainter painter(&image);
            delegate.paint(&painter, option, model.index(0, 0));
        }
        const OutcomeBadgeDelegate::Colors colors
            = OutcomeBadgeDelegate::colors(OutcomeKind::NotFound, false);
        int tint = 0;
        int ink = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QRgb pixel = image.pixel(x, y) & 0xffffff;
                tint += pixel == (colors.background.rgb() & 0xffffff);
                ink += qGray(pixel) < 128; // text is dark on the light tint
            }
        }
        QVERIFY2(tint > 200, qPrintable(QString::number(tint)));
        QVERIFY2(ink > 5, qPrintable(QString::number(ink))); // the label is drawn, not colour alone
        QVERIFY(delegate.sizeHint(option, model.index(0, 0)).width() > 40);
    }
};

QTEST_MAIN(tst_OutcomeBadgeDelegate)
#include "tst_OutcomeBadgeDelegate.moc"
