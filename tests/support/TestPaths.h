// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Where the tests find things. ctest sets JOBDESK_BIN_DIR and JOBDESK_TEST_DATA (see
/// cmake/JobDeskTest.cmake). Everything a test reads is in the repository, so a lone clone tests.
namespace TestPaths {
QString binDir(); ///< <build>/bin: jobdesk, jobdesk-cli, jobdesk-sandbox
QString executable(const QString &name); ///< binDir()/name
QString testData(const QString &relative); ///< tests/data/<relative>
} // namespace TestPaths
