#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The job card and Find jobs against the sandbox, next to the bare search in the same run.
#   bench/job-card.sh [build-dir] [--repeats N]
# Starts jobdesk-sandbox --generate 100000 on a free port, builds and runs the driver
# (jobdesk-bench-lookup, offscreen): debounce over → card painted with the job, then complete
# with incident and variables, the worst UI-thread stall while looking up, the slowest keystroke,
# Find jobs' first page painted and the next page fetched on scrolling. On a machine busy with
# other work, run it as a foreground application would be: `nice -n -15 bench/job-card.sh`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
[[ $# -gt 0 ]] && shift
cmake --build "$build" --target jobdesk-bench-lookup jobdesk-sandbox >/dev/null
out=$(mktemp)
"$build/bin/jobdesk-sandbox" --port 0 --generate 100000 >"$out" &
sandbox=$!
trap 'kill $sandbox 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 100); do grep -q listening "$out" && break; sleep 0.1; done
url=$(sed -n 's/^listening on //p' "$out" | head -1)
export QT_QPA_PLATFORM=offscreen
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(uname -sr), sandbox --generate 100000"
"$build/bin/jobdesk-bench-lookup" --base-url "$url" "$@"
