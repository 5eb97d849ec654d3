// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace JobDesk {

bool installTranslations(QCoreApplication *app)
{
    auto *translator = new QTranslator(app);
    const QString directory = QStringLiteral(":/i18n");
    if (translator->load(QLocale(), QStringLiteral("jobdesk"), QStringLiteral("_"), directory)
        || translator->load(QStringLiteral("jobdesk_en"), directory)) {
        QCoreApplication::installTranslator(translator);
        return true;
    }
    delete translator;
    return false;
}

} // namespace JobDesk
