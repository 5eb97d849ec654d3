// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Outcome.h"

#include <QColor>
#include <QStyledItemDelegate>

namespace JobDesk {

/// Paints the outcome column as a rounded badge: a tinted background AND the label text, so the
/// outcome never depends on colour alone. The tints are picked for the palette in use (light
/// text on dark tints for dark palettes, dark text on light tints otherwise) with at least
/// WCAG AA contrast (4.5:1) between text and badge.
class OutcomeBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    struct Colors
    {
        QColor background;
        QColor text;
    };

    explicit OutcomeBadgeDelegate(QObject *parent = nullptr);
    ~OutcomeBadgeDelegate() override;
    Q_DISABLE_COPY_MOVE(OutcomeBadgeDelegate)

    static Colors colors(OutcomeKind kind, bool darkPalette);
    /// True when the palette's base (view background) is dark.
    static bool isDark(const QPalette &palette);
    /// WCAG 2 contrast ratio between two colours (1..21).
    static double contrastRatio(const QColor &a, const QColor &b);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace JobDesk
