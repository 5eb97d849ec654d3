// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

/// Where the tests find things. ctest sets JOBDESK_BIN_DIR, JOBDESK_TEST_DATA and
/// JOBDESK_SHARED_DIR (see cmake/JobDeskTest.cmake).
namespace TestPaths {
QString binDir();                           ///< <build>/bin: jobdesk, jobdesk-cli, jobdesk-sandbox
QString executable(const QString &name);    ///< binDir()/name
QString testData(const QString &relative);  ///< tests/data/<relative>
QString shared(const QString &relative);    ///< ../shared/<relative> (spec, problem examples)
} // namespace TestPaths
