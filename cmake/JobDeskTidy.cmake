# SPDX-License-Identifier: GPL-3.0-or-later
# A `tidy` target: clang-tidy 14 with the repository's .clang-tidy over our sources (scripts/tidy).
# It builds every target first, because files include generated moc and uic headers.
find_program(JOBDESK_CLANG_TIDY NAMES clang-tidy-14 clang-tidy)
if(NOT JOBDESK_CLANG_TIDY)
    return()
endif()
add_custom_target(tidy
    COMMAND "${PROJECT_SOURCE_DIR}/scripts/tidy" "${CMAKE_BINARY_DIR}"
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
    COMMENT "clang-tidy over src/, tests/, bench/, fuzz/"
    USES_TERMINAL
    VERBATIM)

function(jobdesk_collect_targets dir out)
    get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
    get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
    foreach(subdir IN LISTS subdirs)
        jobdesk_collect_targets("${subdir}" more)
        list(APPEND targets ${more})
    endforeach()
    set(${out} ${targets} PARENT_SCOPE)
endfunction()
jobdesk_collect_targets("${PROJECT_SOURCE_DIR}" jobdesk_all_targets)
foreach(target IN LISTS jobdesk_all_targets)
    get_target_property(type ${target} TYPE)
    if(type MATCHES "^(STATIC_LIBRARY|EXECUTABLE)$")
        add_dependencies(tidy ${target})
    endif()
endforeach()
