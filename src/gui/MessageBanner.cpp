// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/MessageBanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace JobDesk {

namespace {

// Accent colours that keep contrast on both light and dark window backgrounds.
QColor accentFor(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Positive:
        return QColor(0x2e, 0x9d, 0x4f);
    case MessageBanner::Kind::Warning:
        return QColor(0xd9, 0x8c, 0x00);
    case MessageBanner::Kind::Error:
        return QColor(0xd6, 0x3b, 0x3b);
    case MessageBanner::Kind::Information:
        break;
    }
    return QColor(0x3d, 0x7e, 0xd6);
}

QString iconFor(MessageBanner::Kind kind)
{
    switch (kind) {
    case MessageBanner::Kind::Positive:
        return QStringLiteral(":/icons/ok.svg");
    case MessageBanner::Kind::Warning:
        return QStringLiteral(":/icons/warning.svg");
    case MessageBanner::Kind::Error:
        return QStringLiteral(":/icons/error.svg");
    case MessageBanner::Kind::Information:
        break;
    }
    return QStringLiteral(":/icons/info.svg");
}

} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::NoFrame);

    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("messageBannerIconLabel"));
    m_icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);

    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("messageBannerHeadlineLabel"));
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);

    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("messageBannerTextLabel"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("messageBannerCloseToolButton"));
    m_close->setAutoRaise(true);
    m_close->setIcon(QIcon(QStringLiteral(":/icons/close.svg")));
    m_close->setToolTip(tr("Dismiss this message"));
    m_close->setAccessibleName(tr("Dismiss message"));
    m_close->setFocusPolicy(Qt::TabFocus);
    connect(m_close, &QToolButton::clicked, this, [this] {
        clear();
        emit closed();
    });

    m_action = new QPushButton(this);
    m_action->setObjectName(QStringLiteral("messageBannerActionPushButton"));
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, &MessageBanner::actionTriggered);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_headline);
    texts->addWidget(m_text);
    // Under the text, so a narrow banner keeps its width for the words.
    texts->addWidget(m_action, 0, Qt::AlignLeft);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 6, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    hide();
}

MessageBanner::~MessageBanner() = default;

void MessageBanner::showMessage(Kind kind, const QString &headline, const QString &text)
{
    m_kind = kind;
    m_headline->setText(headline);
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
    m_action->hide();
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(QIcon(iconFor(kind)).pixmap(size, size));
    setAccessibleName(headline);
    setAccessibleDescription(text);
    update();
    show();
}

void MessageBanner::setAction(const QString &text, const QString &toolTip)
{
    m_action->setText(text);
    m_action->setToolTip(toolTip);
    m_action->show();
}

bool MessageBanner::hasAction() const
{
    return !m_action->isHidden();
}

void MessageBanner::clear()
{
    m_headline->clear();
    m_text->clear();
    m_action->hide();
    hide();
}

QString MessageBanner::headline() const
{
    return m_headline->text();
}

QString MessageBanner::text() const
{
    return m_text->text();
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        update(); // the tint follows the palette
}

QColor MessageBanner::tint() const
{
    // Blend the accent into the window colour so the tint works in light and dark mode; the
    // text keeps the palette's text colour, so contrast stays whatever the theme gives.
    const QColor accent = accentFor(m_kind);
    const QColor base = parentWidget() ? parentWidget()->palette().color(QPalette::Window)
                                       : palette().color(QPalette::Window);
    const qreal mix = 0.18;
    return QColor::fromRgbF(static_cast<float>(base.redF() * (1 - mix) + accent.redF() * mix),
        static_cast<float>(base.greenF() * (1 - mix) + accent.greenF() * mix),
        static_cast<float>(base.blueF() * (1 - mix) + accent.blueF() * mix));
}

QColor MessageBanner::accent() const
{
    return accentFor(m_kind);
}

void MessageBanner::paintEvent(QPaintEvent *)
{
    // A tinted, slightly rounded background with a 4 px accent edge on the left. Painted here
    // rather than with a style sheet, which would pull the style-sheet engine in.
    constexpr qreal kRadius = 3.0;
    constexpr int kEdge = 4;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath background;
    background.addRoundedRect(QRectF(rect()), kRadius, kRadius);
    painter.fillPath(background, tint());
    painter.setClipPath(background);
    painter.fillRect(QRect(0, 0, kEdge, height()), accent());
}

} // namespace JobDesk
