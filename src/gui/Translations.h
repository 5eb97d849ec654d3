// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;

namespace JobDesk {

/// Installs the window's translation for the user's languages, else the English one: English
/// is the source language, but its .qm carries the plural forms ("1 attempt", "2 attempts")
/// for every "%n …(s)" string. The translator lives as long as the application. False if none
/// could be loaded (the source texts are shown then).
bool installTranslations(QCoreApplication *app);

} // namespace JobDesk
