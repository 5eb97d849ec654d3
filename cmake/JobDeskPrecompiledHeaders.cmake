# SPDX-License-Identifier: GPL-3.0-or-later
# Precompiled Qt headers: parsing Qt's headers is a third to a half of compiling most files here
# (docs/PERFORMANCE.md, "Build time"). jobdesk_precompile_headers(<target> <set>) gives a target
# the precompiled headers of one set; the first target of a set builds them, every later one
# reuses that build (REUSE_FROM): one precompiled header per set, not one per target (per set and
# folder for the test sets, as Qt Test defines QT_TESTCASE_BUILDDIR per folder):
#   core      Qt Core/Network and the standard library  (core, CLI, their programs, fuzz/)
#   sandbox   the same headers, for the sandbox          (it does not link Qt Sql and D-Bus)
#   gui       core + Qt Widgets                          (window, app, benchmarks)
#   test      core + Qt Test                             (jobdesk_test_support, non-widget tests)
#   gui-test  gui + Qt Test                              (widget tests)
# Targets sharing a set must define the same Qt module macros (QT_DBUS_LIB, QT_GUI_LIB, …) and
# flags: GCC refuses a header built otherwise (-Winvalid-pch, an error with -Werror), so a
# mismatch shows at once.
# Only widely used, stable headers belong here: the precompiled header is rebuilt, with every
# file of its set, when one of them changes. -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON turns it off
# (each file must still include what it uses; the tidy target checks files without them).
set(jobdesk_pch_core
    <algorithm> <chrono> <functional> <memory> <optional> <utility>
    <QByteArray> <QDateTime> <QDir> <QFile> <QFileInfo> <QHash> <QJsonArray> <QJsonDocument>
    <QJsonObject> <QJsonValue> <QList> <QMap> <QNetworkAccessManager> <QNetworkReply>
    <QNetworkRequest> <QObject> <QPointer> <QRegularExpression> <QString> <QStringList> <QTimer>
    <QUrl> <QVariant>)
set(jobdesk_pch_sandbox ${jobdesk_pch_core})
set(jobdesk_pch_gui ${jobdesk_pch_core}
    <QAction> <QApplication> <QCheckBox> <QComboBox> <QDialog> <QLabel> <QLineEdit> <QMenu>
    <QPainter> <QPlainTextEdit> <QPushButton> <QVBoxLayout> <QWidget>)
set(jobdesk_pch_test_only <QSignalSpy> <QStandardPaths> <QTemporaryDir> <QTest>)
set(jobdesk_pch_test ${jobdesk_pch_core} ${jobdesk_pch_test_only})
set(jobdesk_pch_gui-test ${jobdesk_pch_gui} ${jobdesk_pch_test_only})

function(jobdesk_precompile_headers target set)
    if(NOT DEFINED jobdesk_pch_${set})
        message(FATAL_ERROR "jobdesk_precompile_headers: unknown set '${set}'")
    endif()
    set(key JOBDESK_PCH_OWNER_${set})
    if(set MATCHES "test")
        string(MAKE_C_IDENTIFIER "${key}_${CMAKE_CURRENT_SOURCE_DIR}" key)
    endif()
    get_property(owner GLOBAL PROPERTY ${key})
    if(owner)
        target_precompile_headers(${target} REUSE_FROM ${owner})
    else()
        target_precompile_headers(${target} PRIVATE ${jobdesk_pch_${set}})
        set_property(GLOBAL PROPERTY ${key} ${target})
    endif()
endfunction()
