#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One job completion as a whole process: jobdesk-cli against curl, on the same loopback
# jobdesk-sandbox. Wall time with hyperfine (many runs, medians, the ratio) and peak RSS with
# /usr/bin/time -v; jobdesk-cli both with its history (the default) and with --no-history.
#
#   bench/cli-vs-curl.sh [build-dir]          (default: build; builds nothing itself)
#   RUNS=300 WARMUP=20 RSS_RUNS=10 bench/cli-vs-curl.sh build-release
#
# Every run completes a FRESH job (a real 204 on both sides, never a 404): each command is a
# tiny /bin/sh wrapper that takes the next key from its own counter file (disjoint key ranges of
# `--generate 100000`) and then `exec`s the program, so the wrapper costs the same on both sides
# (it is measured alone as "counter only"). curl runs with --fail and jobdesk-cli exits non-zero
# on anything but 2xx, so hyperfine stops if a single completion is refused. The history and
# config of the CLI go to a temporary XDG tree, never to the person's own.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${1:-$root/build}
runs=${RUNS:-200}
warmup=${WARMUP:-10}
rss_runs=${RSS_RUNS:-10}
cli=$build/bin/jobdesk-cli
sandbox=$build/bin/jobdesk-sandbox
jobs=100000
first_key=2251799813685249 # (1<<51)+1, the first generated job

for tool in hyperfine curl python3; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is not installed (apt-get install time)" >&2; exit 2; }
[[ -x $cli && -x $sandbox ]] ||
    { echo "build the jobdesk-cli and jobdesk-sandbox targets in $build first" >&2; exit 2; }
(( 4 * (warmup + runs) + rss_runs * 3 < jobs / 4 )) || { echo "too many runs for $jobs jobs" >&2; exit 2; }

work=$(mktemp -d)
"$sandbox" --port 0 --generate "$jobs" >"$work/sandbox.out" 2>/dev/null &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
    [[ -s $work/sandbox.out ]] && break
    sleep 0.1
done
url=$(sed -n '1s/^listening on //p' "$work/sandbox.out")
[[ -n $url ]] || { echo "the sandbox did not start" >&2; exit 1; }

export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
for name in $(env | grep -oE '^(CAMUNDA|ZEEBE)_[A-Z_]*' || true); do unset "$name"; done

# wrapper <name> <first key offset> <command…>: a script that completes the next fresh key.
wrapper() {
    local name=$1 offset=$2
    shift 2
    echo "$offset" >"$work/$name.counter"
    {
        echo '#!/bin/sh'
        echo "read k < '$work/$name.counter'; echo \$((k + 1)) > '$work/$name.counter'"
        echo "key=\$(($first_key + k))"
        echo "$*"
    } >"$work/$name"
    chmod +x "$work/$name"
}
body='{"approved":true}'
wrapper curl 0 "exec curl -sS --fail -o /dev/null -X POST -H 'Content-Type: application/json'" \
    "-H 'Accept: application/json, application/problem+json' -d '{\"variables\":$body}'" \
    "'$url/v2/jobs/'\$key'/completion'"
wrapper cli 25000 "exec '$cli' complete \$key --base-url '$url' --variables '$body' >/dev/null"
wrapper cli-no-history 50000 "exec '$cli' complete \$key --base-url '$url' --variables '$body' --no-history >/dev/null"
wrapper counter-only 75000 "exec true"

echo "jobdesk-cli $("$cli" --version | cut -d' ' -f2), $(curl --version | head -1 | cut -d' ' -f1-2)," \
    "sandbox at $url ($jobs jobs), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup "$warmup" --runs "$runs" --export-json "$work/times.json" \
    --command-name curl "$work/curl" \
    --command-name "jobdesk-cli" "$work/cli" \
    --command-name "jobdesk-cli --no-history" "$work/cli-no-history" \
    --command-name "counter only" "$work/counter-only" >&2

# Peak RSS: the highest of several runs of each (the wrapper execs, so it is the program's own).
peak_rss() {
    local name=$1 max=0 kib
    for _ in $(seq "$rss_runs"); do
        kib=$( { /usr/bin/time -v "$work/$name" >/dev/null; } 2>&1 |
            sed -n 's/^\s*Maximum resident set size (kbytes): //p')
        (( kib > max )) && max=$kib
    done
    echo "$max"
}
rss_curl=$(peak_rss curl)
rss_cli=$(peak_rss cli)
rss_nohist=$(peak_rss cli-no-history)
rows=$(sqlite3 "$XDG_DATA_HOME/jobdesk/history.sqlite" 'select count(*) from history' 2>/dev/null || echo '?')

python3 - "$work/times.json" "$rss_curl" "$rss_cli" "$rss_nohist" "$runs" "$rows" <<'EOF'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
rss = {"curl": int(sys.argv[2]), "jobdesk-cli": int(sys.argv[3]), "jobdesk-cli --no-history": int(sys.argv[4])}
runs, rows = sys.argv[5], sys.argv[6]
curl = results["curl"]["median"]
print(f"\n{runs} runs each; every run completed a fresh job (HTTP 204); history rows written: {rows}\n")
print("| command | median | mean ± σ | ratio to curl (median) | peak RSS |")
print("|---|---:|---:|---:|---:|")
for name in ["curl", "jobdesk-cli", "jobdesk-cli --no-history", "counter only"]:
    r = results[name]
    mem = f"{rss[name] / 1024:.1f} MiB" if name in rss else "–"
    print(f"| {name} | {r['median'] * 1000:.1f} ms | {r['mean'] * 1000:.1f} ± {r['stddev'] * 1000:.1f} ms"
          f" | {r['median'] / curl:.2f} | {mem} |")
EOF
