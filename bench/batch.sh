#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# `jobdesk-cli batch` against its references, in one go on one `jobdesk-sandbox --generate N`:
#   - wrk (bench/sandbox-complete.lua): the sandbox's own ceiling for completions at this
#     concurrency, keep-alive, no client work at all;
#   - bench-batch-qnam: a bare QNetworkAccessManager loop keeping the same number of completions
#     in flight (the Qt stack JobDesk is built on, nothing else), and the same loop with
#     --send-once (each body uploaded as JobDesk uploads it: never rewound, never resent);
#   - jobdesk-cli batch --keys <file> (plan + run, history on, --json to a file, --yes);
#   - the official Node client (bench/batch-node.mjs) with the same concurrency, in one process.
# Every tool completes its own range of fresh generated keys (each request a real 204). Peak RSS
# and CPU from /usr/bin/time -v. The order alternates over ROUNDS (each round a fresh sandbox) so
# that drift in the machine's load does not favour one side.
#
#   bench/batch.sh [build-dir]                (default: build; builds nothing itself)
#   COUNT=100000 GENERATE=500000 NODE_COUNT=30000 CONCURRENCY=8 ROUNDS=2 bench/batch.sh /tmp/bench-build
#
# Needs: the jobdesk-cli, jobdesk-sandbox and bench-batch-qnam targets built in build-dir (a
# RelWithDebInfo build, not the sanitized one), wrk, node 20 with `npm ci` done in
# tests/conformance, python3, /usr/bin/time. Traffic goes to 127.0.0.1 only; the CLI's history
# and config go to a temporary XDG tree.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${1:-$root/build}
count=${COUNT:-60000}
node_count=${NODE_COUNT:-30000}
concurrency=${CONCURRENCY:-8}
rounds=${ROUNDS:-1}
wrk_duration=${WRK_DURATION:-3s}
generate=${GENERATE:-300000}
cli=$build/bin/jobdesk-cli
sandbox=$build/bin/jobdesk-sandbox
bare=$build/bin/bench-batch-qnam
first_key=2251799813685249 # (1<<51)+1, the first generated job

for tool in wrk node python3; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is not installed (apt-get install time)" >&2; exit 2; }
[[ -x $cli && -x $sandbox && -x $bare ]] ||
    { echo "build jobdesk-cli, jobdesk-sandbox and bench-batch-qnam in $build first" >&2; exit 2; }
[[ -d $root/tests/conformance/node_modules/@camunda8 ]] ||
    { echo "run npm ci in tests/conformance first" >&2; exit 2; }
# Key ranges: the CLI, the bare loop, the bare loop --send-once, the Node client, then wrk's two
# threads.
wrk_slice=$(( (generate - 3 * count - node_count) / 2 ))
(( wrk_slice >= 20000 )) || { echo "GENERATE=$generate is too small for COUNT=$count" >&2; exit 2; }

work=$(mktemp -d)
pid=
cleanup() {
    [[ -n $pid ]] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
for name in $(env | grep -oE '^(CAMUNDA|ZEEBE)_[A-Z_]*' || true); do unset "$name"; done

start_sandbox() {
    [[ -n $pid ]] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
    rm -f "$work/sandbox.out"
    "$sandbox" --port 0 --generate "$generate" >"$work/sandbox.out" 2>/dev/null &
    pid=$!
    for _ in $(seq 200); do
        [[ -s $work/sandbox.out ]] && break
        sleep 0.1
    done
    url=$(sed -n '1s/^listening on //p' "$work/sandbox.out")
    [[ -n $url ]] || { echo "the sandbox did not start" >&2; exit 1; }
}

# timed <name> <command…>: runs it under /usr/bin/time -v, keeps its stdout and the figures.
timed() {
    local name=$1
    shift
    /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" ||
        { echo "$name failed (exit $?):" >&2; tail -5 "$work/$name.err" >&2; tail -2 "$work/$name.out" >&2; }
}

python3 -c "
import sys
first, count = int(sys.argv[1]), int(sys.argv[2])
print('\n'.join(str(first + i) for i in range(count)))" "$first_key" "$count" >"$work/keys.txt"

echo "jobdesk-cli $("$cli" --version | cut -d' ' -f2), node $(node --version), $(nproc) cores," \
    "load $(cut -d' ' -f1-3 /proc/loadavg); sandbox --generate $generate; concurrency $concurrency;" \
    "$count keys for the CLI and each bare loop, $node_count for the Node client"
for round in $(seq "$rounds"); do
    start_sandbox
    run_wrk() {
        JOBDESK_BENCH_SLICE=$wrk_slice JOBDESK_BENCH_OFFSET=$(( 3 * count + node_count )) \
            wrk -t2 -c"$concurrency" -d"$wrk_duration" -s "$here/sandbox-complete.lua" "$url" \
            >"$work/wrk.out" 2>&1
    }
    run_bare() {
        timed bare "$bare" --base-url "$url/v2" --first-key $(( first_key + count )) \
            --count "$count" --concurrency "$concurrency"
    }
    run_bare_once() {
        timed bare-once "$bare" --base-url "$url/v2" --first-key $(( first_key + 2 * count )) \
            --count "$count" --concurrency "$concurrency" --send-once
    }
    run_cli() {
        timed cli "$cli" batch --keys "$work/keys.txt" --base-url "$url" \
            --variables '{"approved":true}' --concurrency "$concurrency" --yes --json
    }
    run_node() {
        timed node node "$here/batch-node.mjs" --base-url "$url/v2" \
            --first-key $(( first_key + 3 * count )) --count "$node_count" --concurrency "$concurrency"
    }
    if (( round % 2 )); then
        run_wrk; run_bare; run_bare_once; run_cli; run_node
    else
        run_node; run_cli; run_bare_once; run_bare; run_wrk
    fi
    applied=$(curl -s "$url/sandbox/record?totals" |
        sed -n 's/.*"complete":{"received":[0-9]*,"applied":\([0-9]*\)}.*/\1/p')
    rows=$(sqlite3 "$XDG_DATA_HOME/jobdesk/history.sqlite" \
        "select count(*) from history where action = 'complete'" 2>/dev/null || echo '?')
    rm -f "$XDG_DATA_HOME/jobdesk/history.sqlite"*
    python3 - "$work" "$count" "$node_count" "$round" "$applied" "$rows" <<'EOF'
import json, re, sys
work, count, node_count, rnd, applied, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]

def times(name):
    text = open(f"{work}/{name}.time").read()
    def field(label):
        m = re.search(r"\s*" + re.escape(label) + r": (.*)", text)
        return m.group(1).strip() if m else "0"
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return seconds, cpu, int(field("Maximum resident set size (kbytes)"))

wrk = open(f"{work}/wrk.out").read()
m = re.search(r"completions/s: (\d+)", wrk)
wrk_rate = int(m.group(1)) if m else 0

rows_out = []
for name, label, n in [("bare", "bare QNetworkAccessManager loop", count),
                       ("bare-once", "bare loop, --send-once", count),
                       ("cli", "jobdesk-cli batch (plan + run, history on)", count),
                       ("node", "official Node client", node_count)]:
    wall, cpu, rss = times(name)
    extra = ""
    if name == "cli":
        lines = [l for l in open(f"{work}/cli.out").read().splitlines() if l.strip()]
        summary = json.loads(lines[-1]).get("batch", {}) if lines else {}
        run_ms = summary.get("elapsedMs")
        done = summary.get("completed", 0)
        extra = f" (batch elapsedMs {run_ms}, completed {done}, per-key lines {len(lines) - 1})"
        if run_ms:
            rows_out.append((f"{label}: run phase", n / (run_ms / 1000), cpu * 1e6 / n, rss, extra))
    rows_out.append((label + ": whole process", n / wall, cpu * 1e6 / n, rss, extra if name != "cli" else ""))

bare_rate = rows_out[0][1]
print(f"\nround {rnd}: wrk ceiling {wrk_rate} completions/s; sandbox applied {applied} completions; "
      f"CLI history rows (complete) {rows}")
print("| client | completions/s | vs bare loop | CPU per completion | peak RSS |")
print("|---|---:|---:|---:|---:|")
print(f"| wrk (server ceiling) | {wrk_rate} | {wrk_rate / bare_rate:.2f} | – | – |")
for label, rate, cpu_us, rss, extra in rows_out:
    print(f"| {label}{extra} | {rate:.0f} | {rate / bare_rate:.2f} | {cpu_us:.0f} µs | {rss / 1024:.1f} MiB |")
EOF
done
