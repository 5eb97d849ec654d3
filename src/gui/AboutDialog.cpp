// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/AboutDialog.h"

#include "core/base/AppInfo.h"
#include "ui_AboutDialog.h"

#include <QIcon>
#include <QtGlobal>

namespace JobDesk {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    const QIcon icon = QIcon::fromTheme(
        AppInfo::applicationId(), QIcon(QStringLiteral(":/icons/io.github.jobdesk.JobDesk.svg")));
    m_ui->iconLabel->setPixmap(icon.pixmap(64, 64));
    m_ui->nameLabel->setText(AppInfo::name());
    QFont big = m_ui->nameLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_ui->nameLabel->setFont(big);
    m_ui->versionLabel->setText(tr("Version %1 · Qt %2 (built with %3)")
                                    .arg(AppInfo::version(), QString::fromLatin1(qVersion()),
                                        QStringLiteral(QT_VERSION_STR)));

    const QString html = tr(
        "<p><b>JobDesk</b> is free software: you can redistribute it and/or modify it under the "
        "terms of the <a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU General Public "
        "License</a>, version 3 or (at your option) any later version. It comes with "
        "<b>absolutely no warranty</b>.</p>"
        "<p>It uses:</p><ul>"
        "<li><a href=\"https://www.qt.io/\">Qt</a> %1 — LGPL-3.0-only</li>"
        "<li><a href=\"https://github.com/frankosterfeld/qtkeychain\">QtKeychain</a> — "
        "BSD-3-Clause</li>"
        "<li><a href=\"https://www.sqlite.org/\">SQLite</a> (through Qt SQL) — public domain</li>"
        "</ul><p>Camunda and Zeebe are trademarks of Camunda Services GmbH; JobDesk is not "
        "affiliated with Camunda.</p>")
                             .arg(QString::fromLatin1(qVersion()));
    m_ui->licencesTextBrowser->setHtml(html);
    setWindowIcon(icon);
}

AboutDialog::~AboutDialog() = default;

} // namespace JobDesk
