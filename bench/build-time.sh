#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Cold build times, side by side in one go: each configuration builds a fresh copy of a commit in
# a temporary folder without ccache (CCACHE_DISABLE), -j2, and reports wall time and CPU time
# (user + sys of everything the build ran). CPU time hardly moves with the machine's load, wall
# time does: compare configurations of the same go, and read wall times only from a quiet machine.
#   bench/build-time.sh [<targets…>]            default: the whole tree
# Configurations (CONFIGS, one per line: "<name>|<commit>|<cmake arguments>"), by default all of
# HEAD's sources:
#   before      as scripts/test configured before the ci preset (RelWithDebInfo: -O2 -g), no
#               precompiled headers, benchmarks included
#   old+pch     the same with precompiled headers
#   ci-no-pch   the ci preset (Debug -O0 -g1, ASan + UBSan, no benchmarks), no precompiled headers
#   ci          the ci preset: what scripts/test builds now
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=${JOBS:-2}
targets=("$@")
old_flags="-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJOBDESK_WARNINGS_AS_ERRORS=ON -DJOBDESK_BUILD_TESTS=ON"
default_configs="before|HEAD|$old_flags -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON
old+pch|HEAD|$old_flags
ci-no-pch|HEAD|--preset ci -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON
ci|HEAD|--preset ci"
configs=${CONFIGS:-$default_configs}

work=$(mktemp -d -t jobdesk-build-time.XXXXXX)
trap 'rm -rf "$work"' EXIT
printf '%-10s %-9s %9s %9s  %s\n' config commit wall cpu "user+sys (load average at start)"
while IFS='|' read -r name commit arguments; do
    [[ -n $name ]] || continue
    src=$work/$name
    mkdir -p "$src"
    git -C "$root" archive "$commit" | tar -x -C "$src"
    # shellcheck disable=SC2086 # the arguments are words
    (cd "$src" && cmake -B build $arguments) >"$work/$name.configure.log" 2>&1 ||
        { cat "$work/$name.configure.log"; exit 1; }
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    CCACHE_DISABLE=1 /usr/bin/time -f '%U %S' -o "$work/$name.cpu" \
        cmake --build "$src/build" --parallel "$jobs" ${targets[@]:+--target "${targets[@]}"} \
        >"$work/$name.build.log" 2>&1 || { tail -20 "$work/$name.build.log"; exit 1; }
    wall=$(echo "$(date +%s.%N) - $start" | bc)
    read -r user sys <"$work/$name.cpu"
    printf '%-10s %-9s %8.0fs %8.0fs  %s+%s (%s)\n' "$name" \
        "$(git -C "$root" rev-parse --short "$commit")" "$wall" "$(echo "$user + $sys" | bc)" \
        "$user" "$sys" "$load"
    rm -rf "$src"
done <<<"$configs"
