// SPDX-License-Identifier: GPL-3.0-or-later
#include "Logging.h"

Q_LOGGING_CATEGORY(lcApi, "jobdesk.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSecrets, "jobdesk.secrets", QtWarningMsg)
Q_LOGGING_CATEGORY(lcHistory, "jobdesk.history", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStorage, "jobdesk.storage", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "jobdesk.ui", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandbox, "jobdesk.sandbox", QtWarningMsg)
