// SPDX-License-Identifier: GPL-3.0-or-later
// The coloured environment / profile tag: its size follows the text, it paints its colour.
#include "gui/TagChip.h"

#include <QImage>
#include <QTest>

using namespace JobDesk;

class TestTagChip : public QObject
{
    Q_OBJECT

private slots:
    void sizeFollowsTheText()
    {
        TagChip chip;
        chip.setText(QStringLiteral("DEV"));
        const QSize small = chip.sizeHint();
        chip.setText(QStringLiteral("PRODUCTION"));
        const QSize large = chip.sizeHint();
        QVERIFY(large.width() > small.width());
        QCOMPARE(large.height(), small.height());
        QVERIFY(small.width() > QFontMetrics(chip.font()).horizontalAdvance(QStringLiteral("DEV")));
        QCOMPARE(chip.minimumSizeHint(), chip.sizeHint());
    }

    void paintsItsColour()
    {
        TagChip chip;
        chip.setText(QStringLiteral("PRODUCTION"));
        const QColor red(0xd6, 0x3b, 0x3b);
        chip.setColour(red);
        QCOMPARE(chip.colour(), red);
        chip.resize(chip.sizeHint());
        const QImage image = chip.grab().toImage();
        // Left padding, vertically centred: chip colour, no text there.
        const QPoint inside(3, image.height() / 2);
        QCOMPARE(image.pixelColor(inside).rgb(), red.rgb());
        // Somewhere in the text there is white.
        bool white = false;
        for (int x = 8; x < image.width() - 8 && !white; ++x)
            white = image.pixelColor(x, image.height() / 2).lightness() > 200;
        QVERIFY(white);

        chip.setColour(QColor(0x2e, 0x9d, 0x4f));
        QCOMPARE(chip.grab().toImage().pixelColor(inside).rgb(), QColor(0x2e, 0x9d, 0x4f).rgb());
    }
};

QTEST_MAIN(TestTagChip)
#include "tst_TagChip.moc"
