// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QAction;

namespace JobDesk {

class BatchDialog;
class MainWindow;

/// The window's ways into the batch view: File → Batch… (Ctrl+Shift+B), several keys pasted
/// into the key field (a batch of them is offered instead of one invalid key), and, once the
/// window has started, a batch an earlier run left unfinished (interrupted or paused) offered
/// for resume. The view itself is a BatchDialog, made on first use and kept.
class BatchController final : public QObject
{
    Q_OBJECT
public:
    explicit BatchController(MainWindow *window);
    ~BatchController() override;
    Q_DISABLE_COPY_MOVE(BatchController)

    QAction *action() const { return m_action; }
    /// The batch view (made on first use).
    BatchDialog *dialog();
    bool hasDialog() const { return !m_dialog.isNull(); }

public slots:
    void open();
    /// Offers the newest unfinished batch of the history for resume (asks once per start).
    void offerInterrupted();

private:
    void onKeysPasted(const QString &text, qint64 count);

    MainWindow *m_window;
    QAction *m_action;
    QPointer<BatchDialog> m_dialog;
    bool m_offered = false;
};

} // namespace JobDesk
