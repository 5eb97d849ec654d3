// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/TagChip.h"

#include <QPainter>
#include <QPainterPath>

namespace JobDesk {

namespace {
constexpr int kHorizontalPadding = 8;
constexpr int kVerticalPadding = 2;
constexpr qreal kRadius = 3.0;
} // namespace

TagChip::TagChip(QWidget *parent)
    : QLabel(parent)
    , m_colour(0x6f, 0x7b, 0x88)
{
    setTextFormat(Qt::PlainText);
    setAlignment(Qt::AlignCenter);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

TagChip::~TagChip() = default;

void TagChip::setColour(const QColor &colour)
{
    if (colour == m_colour)
        return;
    m_colour = colour;
    update();
}

QFont TagChip::chipFont() const
{
    QFont bold = font();
    bold.setBold(true);
    return bold;
}

QSize TagChip::sizeHint() const
{
    const QFontMetrics metrics(chipFont());
    return {metrics.horizontalAdvance(text()) + 2 * kHorizontalPadding,
        metrics.height() + 2 * kVerticalPadding};
}

QSize TagChip::minimumSizeHint() const
{
    return sizeHint();
}

void TagChip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath chip;
    chip.addRoundedRect(QRectF(rect()), kRadius, kRadius);
    painter.fillPath(chip, m_colour);
    painter.setFont(chipFont());
    painter.setPen(Qt::white);
    painter.drawText(rect(), Qt::AlignCenter, text());
}

} // namespace JobDesk
