// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/Logging.h"

#include <QElapsedTimer>

Q_LOGGING_CATEGORY(lcApi, "jobdesk.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSecrets, "jobdesk.secrets", QtWarningMsg)
Q_LOGGING_CATEGORY(lcHistory, "jobdesk.history", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStorage, "jobdesk.storage", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "jobdesk.ui", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStartup, "jobdesk.startup", QtInfoMsg)

void JobDesk::startupMark(const char *what)
{
    if (!lcStartup().isDebugEnabled())
        return;
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    qCDebug(lcStartup, "%6.1f ms  %s", double(clock.nsecsElapsed()) / 1e6, what);
}
