# SPDX-License-Identifier: GPL-3.0-or-later
# `format` formats every tracked C++ file with clang-format 14 (the version scripts/test checks
# with: other versions format some constructs differently); `check-format` only checks.
find_program(CLANG_FORMAT_EXECUTABLE NAMES clang-format-14 clang-format)
if(CLANG_FORMAT_EXECUTABLE)
    add_custom_target(format
        COMMAND "${CMAKE_COMMAND}" -E env "CLANG_FORMAT=${CLANG_FORMAT_EXECUTABLE}"
                "${PROJECT_SOURCE_DIR}/scripts/check-format" --fix
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        COMMENT "Formatting C++ sources with clang-format"
        VERBATIM)
    add_custom_target(check-format
        COMMAND "${CMAKE_COMMAND}" -E env "CLANG_FORMAT=${CLANG_FORMAT_EXECUTABLE}"
                "${PROJECT_SOURCE_DIR}/scripts/check-format"
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        COMMENT "Checking C++ sources against .clang-format"
        VERBATIM)
endif()
