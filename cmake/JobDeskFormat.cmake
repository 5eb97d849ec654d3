# SPDX-License-Identifier: GPL-3.0-or-later
# A `format` target that runs clang-format over the project's C++ sources, when it is installed.
find_program(CLANG_FORMAT_EXECUTABLE NAMES clang-format clang-format-14)
if(CLANG_FORMAT_EXECUTABLE)
    add_custom_target(format
        COMMAND sh -c "git ls-files '*.cpp' '*.h' | xargs -r '${CLANG_FORMAT_EXECUTABLE}' -i"
        WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
        COMMENT "Formatting C++ sources with clang-format"
        VERBATIM)
endif()
