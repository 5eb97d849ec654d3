// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/RequestPreviewDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace JobDesk {

RequestPreviewDialog::RequestPreviewDialog(const RequestRecord &request, QWidget *parent)
    : RequestPreviewDialog(format(request), parent)
{
}

RequestPreviewDialog::RequestPreviewDialog(
    const QList<QPair<QString, RequestRecord>> &steps, QWidget *parent)
    : RequestPreviewDialog(format(steps), parent)
{
}

RequestPreviewDialog::RequestPreviewDialog(const QString &formatted, QWidget *parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("requestPreviewDialog"));
    setWindowTitle(tr("Request preview"));
    auto *hint = new QLabel(tr("This is exactly what Send transmits (secrets redacted)."), this);
    hint->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("requestPreviewPlainTextEdit"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_formatted = formatted;
    m_text->setPlainText(m_formatted);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    connect(copy, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_formatted); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(680, 440);
}

RequestPreviewDialog::~RequestPreviewDialog() = default;

QString RequestPreviewDialog::format(const RequestRecord &request)
{
    QString text = QString::fromLatin1(request.method) + u' ' + request.url.toString() + u'\n';
    for (const auto &[name, value] : request.headers)
        text += QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value) + u'\n';
    text += u'\n' + QString::fromUtf8(request.body);
    return text;
}

QString RequestPreviewDialog::format(const QList<QPair<QString, RequestRecord>> &steps)
{
    QStringList parts;
    for (const auto &[title, request] : steps)
        parts.append(QStringLiteral("# ") + title + u'\n' + format(request));
    return parts.join(QStringLiteral("\n\n"));
}

QString RequestPreviewDialog::text() const
{
    return m_formatted; // not m_text->toPlainText(), which changes no-break spaces
}

} // namespace JobDesk
