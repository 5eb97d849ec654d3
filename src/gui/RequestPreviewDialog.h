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
    ~RequestPreviewDialog() override;

    /// The text shown (also what "Copy" copies).
    static QString format(const RequestRecord &request);
    QString text() const;

private:
    Q_DISABLE_COPY_MOVE(RequestPreviewDialog)
    QPlainTextEdit *m_text;
    QString m_formatted; ///< exactly what the dialog shows (and Copy copies)
};

} // namespace JobDesk
