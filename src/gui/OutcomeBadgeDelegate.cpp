// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/OutcomeBadgeDelegate.h"

#include "gui/HistoryModel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace JobDesk {

namespace {

struct Tint
{
    QRgb lightBackground;
    QRgb lightText;
    QRgb darkBackground;
    QRgb darkText;
};

Tint tintFor(OutcomeKind kind)
{
    switch (kind) {
    case OutcomeKind::Completed:
        return {0xd3f2dc, 0x14532d, 0x1f5130, 0xc8f5d5}; // green
    case OutcomeKind::Denied:
        return {0xcdeff0, 0x134e4a, 0x1d4a4f, 0xc6f1f1}; // teal: done, but a "no"
    case OutcomeKind::NotFound:
        return {0xfdecc8, 0x6b3d04, 0x5c3a0a, 0xfde6b3}; // amber
    case OutcomeKind::InvalidState:
        return {0xfddcc4, 0x7c2d12, 0x6b2e12, 0xfed7bf}; // orange
    case OutcomeKind::Rejected:
    case OutcomeKind::ServerError:
        return {0xfbd5d5, 0x7f1d1d, 0x6e1f1f, 0xfdd5d5}; // red
    case OutcomeKind::Unauthorized:
    case OutcomeKind::Forbidden:
        return {0xe9dcfb, 0x4c1d95, 0x47286e, 0xe7dafd}; // violet
    case OutcomeKind::Backpressure:
        return {0xfdf1b8, 0x5c4405, 0x574510, 0xfbefb5}; // yellow
    case OutcomeKind::Redirected:
        return {0xd6e6fb, 0x1e3a6e, 0x22406e, 0xd6e6fd}; // blue
    case OutcomeKind::TransportError:
    case OutcomeKind::SentNoAnswer:
        return {0xf1d6e4, 0x6d1a43, 0x5e2143, 0xf7d7e8}; // rose
    case OutcomeKind::Cancelled:
        break;
    }
    return {0xe3e5e8, 0x30343a, 0x3f444b, 0xe5e7ea}; // grey
}

double relativeLuminance(const QColor &color)
{
    const auto channel
        = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF());
}

} // namespace

OutcomeBadgeDelegate::OutcomeBadgeDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

OutcomeBadgeDelegate::~OutcomeBadgeDelegate() = default;

OutcomeBadgeDelegate::Colors OutcomeBadgeDelegate::colors(OutcomeKind kind, bool darkPalette)
{
    const Tint tint = tintFor(kind);
    if (darkPalette)
        return {QColor(tint.darkBackground), QColor(tint.darkText)};
    return {QColor(tint.lightBackground), QColor(tint.lightText)};
}

bool OutcomeBadgeDelegate::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

double OutcomeBadgeDelegate::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void OutcomeBadgeDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString label = opt.text;
    // The cell itself (selection, focus, alternate rows) as usual, without its text.
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget != nullptr ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QVariant kindValue = index.data(HistoryModel::OutcomeKindRole);
    if (!kindValue.isValid() || label.isEmpty())
        return;
    const Colors c = colors(OutcomeKind(kindValue.toInt()), isDark(option.palette));

    QFont font = opt.font;
    font.setBold(true);
    painter->save();
    painter->setFont(font);
    // The painter's metrics: the device may differ from the widget's (grab, high DPI).
    const QFontMetrics metrics = painter->fontMetrics();
    const int padX = metrics.height() / 2;
    const int height = std::min(opt.rect.height() - 4, metrics.height() + 4);
    // +2: horizontalAdvance() rounds, and eliding to exactly that width would cut the label.
    const int textWidth = metrics.horizontalAdvance(label) + 2;
    const int width = std::min(opt.rect.width() - 6, textWidth + 2 * padX);
    const QRect badge(opt.rect.left() + 4, opt.rect.center().y() - height / 2 + 1, width, height);

    painter->setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(QRectF(badge), height / 2.0, height / 2.0);
    painter->fillPath(path, c.background);
    painter->setPen(c.text);
    painter->drawText(badge.adjusted(padX, 0, -padX, 0), Qt::AlignCenter,
        width == textWidth + 2 * padX
            ? label
            : metrics.elidedText(label, Qt::ElideRight, badge.width() - 2 * padX));
    painter->restore();
}

QSize OutcomeBadgeDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QFont font = option.font;
    font.setBold(true);
    const QFontMetrics metrics(font);
    const QString label = index.data(Qt::DisplayRole).toString();
    size.setWidth(std::max(size.width(), metrics.horizontalAdvance(label) + metrics.height() + 12));
    size.setHeight(std::max(size.height(), metrics.height() + 8));
    return size;
}

} // namespace JobDesk
