#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Time to the first shown window and peak RSS: jobdesk against bench-minimal-window (a minimal
# Qt Widgets main window), measured in the same run. Both quit right after their first expose
# (JOBDESK_QUIT_AFTER_SHOW=1, std::_Exit right after the first frame is painted: neither the
# window's deferred start-up nor the teardown is counted). Needs a display: starts Xvfb :91 unless
# DISPLAY is set.
#   bench/startup-rss.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
jobdesk=$build/bin/jobdesk
minimal=$build/bin/bench-minimal-window
for b in "$jobdesk" "$minimal"; do
    [[ -x $b ]] || { echo "missing $b: cmake --build $build --target jobdesk bench-minimal-window" >&2; exit 1; }
done
if [[ -z ${DISPLAY:-} ]]; then
    Xvfb :91 -screen 0 1600x1000x24 >/dev/null 2>&1 &
    xvfb=$!
    trap 'kill $xvfb' EXIT
    export DISPLAY=:91
    sleep 1
fi
# A throwaway profile: no history, no draft, no saved geometry from the real user.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; [[ -n ${xvfb:-} ]] && kill $xvfb' EXIT
export XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data JOBDESK_QUIT_AFTER_SHOW=1
# An address nothing listens on: the window does not talk to it at start-up.
url=http://127.0.0.1:9

hyperfine --warmup 5 --runs 40 --export-markdown "$tmp/startup.md" --export-json "$tmp/startup.json" \
    -n minimal-window "$minimal" \
    -n jobdesk "$jobdesk --base-url $url"
cat "$tmp/startup.md"
# The mean is pulled by the odd slow run on a shared machine; the medians are shown as well.
python3 - "$tmp/startup.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
m, j = results["minimal-window"]["median"], results["jobdesk"]["median"]
print(f"\nmedian: minimal-window {m * 1000:.1f} ms, jobdesk {j * 1000:.1f} ms, ratio {j / m:.2f}")
PY

rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m=$(for i in $(seq 9); do rss "$minimal"; done | median)
j=$(for i in $(seq 9); do rss "$jobdesk" --base-url "$url"; done | median)
echo
echo "peak RSS (median of 9): minimal-window ${m} KiB, jobdesk ${j} KiB, ratio $(awk -v a="$j" -v b="$m" 'BEGIN {printf "%.2f", a/b}')"
