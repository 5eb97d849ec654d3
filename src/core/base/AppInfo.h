// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace JobDesk {

/// Identity of the application, from the single version source (CMake `project()`).
namespace AppInfo {
QString name(); ///< "JobDesk"
QString version(); ///< "0.1.0"
QString applicationId(); ///< reverse-DNS id shared by desktop file, metainfo, icon, keychain
/// Sets organisation/application name, version and desktop file name on the running
/// QCoreApplication, so QStandardPaths resolves to the same folders for all three programs.
void applyToApplication();
} // namespace AppInfo

} // namespace JobDesk
