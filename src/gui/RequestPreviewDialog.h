// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/camunda/Outcome.h"

#include <QDialog>

class QPlainTextEdit;

namespace JobDesk {

/// The exact request Send would make: method, URL, headers (secrets redacted) and body.
class RequestPreviewDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit RequestPreviewDialog(const RequestRecord &request, QWidget *parent = nullptr);
    /// Several requests (the steps of a repair), each under its title ("1. Set the retries …").
    RequestPreviewDialog(
        const QList<QPair<QString, RequestRecord>> &steps, QWidget *parent = nullptr);
    ~RequestPreviewDialog() override;

    /// The text shown (also what "Copy" copies).
    static QString format(const RequestRecord &request);
    static QString format(const QList<QPair<QString, RequestRecord>> &steps);
    QString text() const;

private:
    RequestPreviewDialog(const QString &formatted, QWidget *parent);
    Q_DISABLE_COPY_MOVE(RequestPreviewDialog)
    QPlainTextEdit *m_text;
    QString m_formatted; ///< exactly what the dialog shows (and Copy copies)
};

} // namespace JobDesk
