// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace JobDesk {

/// An inline message above the form: what happened, in words, and what to do next.
///
/// Green for success, red for errors, amber for warnings, neutral for information. The colours
/// are chosen to read on light and dark palettes (a tinted background with a strong left edge;
/// the text keeps the palette's own text colour). Closable; never modal.
class MessageBanner final : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Positive, Warning, Error };
    Q_ENUM(Kind)

    explicit MessageBanner(QWidget *parent = nullptr);
    ~MessageBanner() override;

    /// Shows the banner with a bold headline and an optional explanation (plain text). Any
    /// action button of the previous message goes.
    void showMessage(Kind kind, const QString &headline, const QString &text = {});
    /// Offers one action with the shown message (e.g. "Retry"); `actionTriggered` follows a
    /// click. Gone with the next message or clear().
    void setAction(const QString &text, const QString &toolTip = {});
    bool hasAction() const;
    void clear();

    Kind kind() const { return m_kind; }
    QString headline() const;
    QString text() const;
    /// The background (the kind's accent blended into the window colour) and the accent edge.
    QColor tint() const;
    QColor accent() const;

signals:
    void closed();
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(MessageBanner)
    Kind m_kind = Kind::Information;
    QLabel *m_icon = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace JobDesk
