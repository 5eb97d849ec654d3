// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/AppInfo.h"

#include <jobdesk/Version.h>

#include <QCoreApplication>

namespace JobDesk::AppInfo {

QString name()
{
    return QStringLiteral(JOBDESK_APP_NAME);
}

QString version()
{
    return QStringLiteral(JOBDESK_VERSION);
}

QString applicationId()
{
    return QStringLiteral(JOBDESK_APP_ID);
}

void applyToApplication()
{
    // Organisation stays empty so the folders are ~/.config/jobdesk and ~/.local/share/jobdesk
    // for the window, the CLI and the sandbox alike.
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setOrganizationDomain(QStringLiteral("jobdesk.github.io"));
    QCoreApplication::setApplicationName(QStringLiteral("jobdesk"));
    QCoreApplication::setApplicationVersion(version());
}

} // namespace JobDesk::AppInfo
