# SPDX-License-Identifier: GPL-3.0-or-later
# JOBDESK_SANITIZE=ON (the asan and ci presets): every target of the tree with AddressSanitizer
# (leaks included) and UndefinedBehaviorSanitizer. The first report ends the process with a
# failure (-fno-sanitize-recover, halt_on_error), so a test that provokes one fails.
#
# JOBDESK_SANITIZER_ENVIRONMENT: what every test (and every program a test starts: the sandbox,
# the CLI) runs with; jobdesk_add_test() and the script tests add it. Suppressions are for
# third-party code only, each with its reason, in tests/sanitizers/.
#
# With JOBDESK_BUILD_FUZZERS the code is also instrumented for libFuzzer's coverage (clang only).
set(JOBDESK_SANITIZER_ENVIRONMENT "")
if(JOBDESK_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        # GCC 12 with ASan at -O1 reports -Wmaybe-uninitialized on std::variant's storage of Qt
        # containers (qarraydatapointer.h) that the normal build does not: the instrumentation
        # hides the initialisation from the warning's flow analysis. The RelWithDebInfo build
        # keeps the warning as an error.
        add_compile_options(-Wno-maybe-uninitialized)
    endif()
    set(jobdesk_sanitizer_dir "${PROJECT_SOURCE_DIR}/tests/sanitizers")
    set(JOBDESK_SANITIZER_ENVIRONMENT
        "ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
        "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=${jobdesk_sanitizer_dir}/ubsan.supp"
        "LSAN_OPTIONS=suppressions=${jobdesk_sanitizer_dir}/lsan.supp:print_suppressions=0")
endif()
if(JOBDESK_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "JOBDESK_BUILD_FUZZERS needs clang (libFuzzer): cmake --preset fuzz")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
