# SPDX-License-Identifier: GPL-3.0-or-later
# jobdesk_add_test(NAME <name> SOURCES <files…> [LIBS <targets…>] [LABEL unit|integration|gui]
#                  [RUNS <programs…>] [TIMEOUT <s>] [ENVIRONMENT <VAR=value…>])
# One Qt Test executable per class, run offscreen with a UTF-8 locale (and the sanitizer options
# of a JOBDESK_SANITIZE build). RUNS names the programs the test starts (jobdesk-sandbox,
# jobdesk-cli): building the test builds them too, so `--target <test>` is enough.
function(jobdesk_add_test)
    cmake_parse_arguments(ARG "" "NAME;LABEL;TIMEOUT" "SOURCES;LIBS;RUNS;ENVIRONMENT" ${ARGN})
    if(NOT ARG_LABEL)
        set(ARG_LABEL unit)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    set_target_properties(${ARG_NAME} PROPERTIES
        RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests/bin")
    target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test jobdesk_test_support ${ARG_LIBS})
    jobdesk_set_warnings(${ARG_NAME})
    if(jobdesk_gui IN_LIST ARG_LIBS)
        jobdesk_precompile_headers(${ARG_NAME} gui-test)
    else()
        jobdesk_precompile_headers(${ARG_NAME} test)
    endif()
    foreach(program IN LISTS ARG_RUNS)
        if(NOT TARGET ${program})
            message(FATAL_ERROR "jobdesk_add_test(${ARG_NAME}): RUNS ${program} is not a target")
        endif()
        add_dependencies(${ARG_NAME} ${program})
    endforeach()
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    set_tests_properties(${ARG_NAME} PROPERTIES
        LABELS "${ARG_LABEL}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;LC_ALL=C.UTF-8;JOBDESK_BIN_DIR=${CMAKE_BINARY_DIR}/bin;JOBDESK_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data;${JOBDESK_SANITIZER_ENVIRONMENT};${ARG_ENVIRONMENT}")
endfunction()
