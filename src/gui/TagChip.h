// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QLabel>

namespace JobDesk {

/// A coloured tag ("PRODUCTION", "DEV", a profile name): bold white text on a rounded chip of
/// the given colour, readable on light and dark palettes. Painted directly rather than with a
/// style sheet, which would pull the style-sheet engine into start-up.
class TagChip final : public QLabel
{
    Q_OBJECT
public:
    explicit TagChip(QWidget *parent = nullptr);
    ~TagChip() override;

    void setColour(const QColor &colour);
    QColor colour() const { return m_colour; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(TagChip)
    QFont chipFont() const;

    QColor m_colour;
};

} // namespace JobDesk
