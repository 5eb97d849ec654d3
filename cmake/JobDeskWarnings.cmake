# SPDX-License-Identifier: GPL-3.0-or-later
# jobdesk_set_warnings(<target>): the project's warning set and Qt strictness defines.
function(jobdesk_set_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Woverloaded-virtual)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        # qCWarning(category) << …: Qt's logging macros are variadic and called with no variadic
        # argument, which C++20 allows and clang's -Wpedantic flags in C++17 (the fuzz preset).
        target_compile_options(${target} PRIVATE -Wno-gnu-zero-variadic-macro-arguments)
    endif()
    if(JOBDESK_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
        QT_NO_CAST_FROM_BYTEARRAY QT_USE_QSTRINGBUILDER
        QT_DISABLE_DEPRECATED_BEFORE=0x060400)
endfunction()
