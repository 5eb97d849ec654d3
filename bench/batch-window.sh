#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The window's batch view running N keys against the sandbox (jobdesk-bench-batch-window,
# offscreen): plan and run time, completions per second, the worst UI-thread stall and the number
# of stalls over 16 ms while planning and while running (the items table scrolled every 100 ms),
# and the window's peak RSS. The same keys completed by a bare QNetworkAccessManager loop on a
# second sandbox in the same go, as the reference for the rate.
#   bench/batch-window.sh [build-dir] [--keys N] [--concurrency C]
# On a machine busy with other work, run it as a foreground application would be:
# `nice -n -15 bench/batch-window.sh`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
[[ $# -gt 0 ]] && shift
keys=100000
concurrency=8
args=("$@")
while [[ $# -gt 0 ]]; do
    case $1 in
    --keys) keys=$2; shift ;;
    --concurrency) concurrency=$2; shift ;;
    esac
    shift
done
cmake --build "$build" --target jobdesk-bench-batch-window bench-batch-qnam jobdesk-sandbox >/dev/null
work=$(mktemp -d)
"$build/bin/jobdesk-sandbox" --port 0 --generate "$keys" >"$work/window.out" &
window_sandbox=$!
"$build/bin/jobdesk-sandbox" --port 0 --generate "$keys" >"$work/bare.out" &
bare_sandbox=$!
trap 'kill $window_sandbox $bare_sandbox 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 200); do
    grep -q listening "$work/window.out" && grep -q listening "$work/bare.out" && break
    sleep 0.1
done
url=$(sed -n 's/^listening on //p' "$work/window.out" | head -1)
reference=$(sed -n 's/^listening on //p' "$work/bare.out" | head -1)
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), sandbox --generate $keys, concurrency $concurrency"
"$build/bin/jobdesk-bench-batch-window" --base-url "$url" "${args[@]}"
echo "reference, the same keys on a second sandbox:"
"$build/bin/bench-batch-qnam" --base-url "$reference/v2" --count "$keys" --concurrency "$concurrency"
