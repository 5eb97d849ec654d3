// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// One category per module. Never log a secret, a token or an Authorization header.
Q_DECLARE_LOGGING_CATEGORY(lcApi) // jobdesk.api
Q_DECLARE_LOGGING_CATEGORY(lcSecrets) // jobdesk.secrets
Q_DECLARE_LOGGING_CATEGORY(lcHistory) // jobdesk.history
Q_DECLARE_LOGGING_CATEGORY(lcStorage) // jobdesk.storage
Q_DECLARE_LOGGING_CATEGORY(lcUi) // jobdesk.ui
Q_DECLARE_LOGGING_CATEGORY(lcStartup) // jobdesk.startup

namespace JobDesk {

/// Start-up profiling: logs "<ms since the first mark> <what>" to jobdesk.startup (debug, off by
/// default; QT_LOGGING_RULES="jobdesk.startup.debug=true" turns it on).
void startupMark(const char *what);

} // namespace JobDesk
