#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Completions per second that jobdesk-sandbox serves over keep-alive connections, at concurrency
# 1, 8 and 64, against `--generate 1000000` (every request completes a fresh job: a real 204).
#
#   bench/sandbox-throughput.sh [path/to/jobdesk-sandbox]      (default: build/bin/jobdesk-sandbox)
#   DURATION=10s CONCURRENCY="1 8 64" bench/sandbox-throughput.sh
#
# Needs wrk (Debian package `wrk`). Traffic goes to 127.0.0.1 only; each run is bounded by
# DURATION and the script stops the sandbox when done.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
binary=${1:-${JOBDESK_SANDBOX:-$root/build/bin/jobdesk-sandbox}}
duration=${DURATION:-10s}
concurrency=${CONCURRENCY:-1 8 64}
jobs=1000000

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[[ -x $binary ]] || { echo "no sandbox binary at $binary (build the jobdesk-sandbox target)" >&2; exit 2; }

out=$(mktemp)
"$binary" --port 0 --generate "$jobs" >"$out" 2>/dev/null &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 100); do
    [[ -s $out ]] && break
    sleep 0.1
done
url=$(sed -n '1s/^listening on //p' "$out")
[[ -n $url ]] || { echo "the sandbox did not start" >&2; exit 1; }

echo "jobdesk-sandbox $("$binary" --version | cut -d' ' -f2) at $url, $jobs generated jobs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk, keep-alive, POST /v2/jobs/<fresh key>/completion, $duration per run"
echo "reference in the same go: GET /v2/status (204, no job work) on the same server and connections"
printf '%-12s %-22s %s\n' concurrency "reference status/s" "completions"
run=0
for c in $concurrency; do
    threads=$(( c < 2 ? c : 2 ))
    # Each run and each wrk thread completes its own range of keys, so every request is a 204.
    slice=$(( jobs / 3 / threads ))
    offset=$(( run * jobs / 3 ))
    result=$(JOBDESK_BENCH_SLICE=$slice JOBDESK_BENCH_OFFSET=$offset \
        wrk -t"$threads" -c"$c" -d"$duration" --latency -s "$here/sandbox-complete.lua" "$url" \
        | awk '/^completions\/s:/ { line = $0 } / 50% / { p50 = $2 } / 99% / { p99 = $2 }
               END { print line "  p50 " p50 "  p99 " p99 }')
    reference=$(wrk -t"$threads" -c"$c" -d"$duration" "$url/v2/status" | awk '/^Requests\/sec:/ { print $2 }')
    printf '%-12s %-22s %s\n' "$c" "$reference" "$result"
    run=$(( run + 1 ))
done
# The sandbox's own record counts every completion it applied (search caps totals at 10,000).
completed=$(curl -s "$url/sandbox/record?totals" | sed -n 's/.*"complete":{"received":[0-9]*,"applied":\([0-9]*\)}.*/\1/p')
echo "completions applied (GET /sandbox/record?totals): $completed"
