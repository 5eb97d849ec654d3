# SPDX-License-Identifier: GPL-3.0-or-later
# ccache, when the build asks for it (-DCMAKE_CXX_COMPILER_LAUNCHER=ccache; scripts/test does),
# with the three settings it needs to hit in this project:
# - CCACHE_BASEDIR=<source>: paths under the checkout are hashed relative to it, so two clones or
#   worktrees share the cache;
# - -fdebug-prefix-map=<source>=.: with debug info ccache also hashes the build directory, unless
#   a prefix map takes the checkout out of it (without it no other checkout ever hits);
# - CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime: what ccache
#   requires to cache compilations that use a precompiled header (JobDeskPrecompiledHeaders).
# The launcher becomes `env <settings> ccache`; the cache variable itself stays as given.
if(CMAKE_CXX_COMPILER_LAUNCHER MATCHES "(^|/)ccache$")
    set(CMAKE_CXX_COMPILER_LAUNCHER
        env "CCACHE_BASEDIR=${PROJECT_SOURCE_DIR}"
        "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
        "${CMAKE_CXX_COMPILER_LAUNCHER}")
    add_compile_options("-fdebug-prefix-map=${PROJECT_SOURCE_DIR}=.")
endif()
