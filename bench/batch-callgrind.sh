#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Instructions a `jobdesk-cli batch` run costs, and the bare QNetworkAccessManager loop's for the
# same number of keys, counted by callgrind: deterministic, and unaffected by the machine's load
# (the wall-clock benchmarks in batch.sh are not). Whole process: start-up, plan and run.
#
#   bench/batch-callgrind.sh [build-dir] [keys]      (default: build, 3000)
#
# Prints "I refs" for each; the callgrind files are kept in $OUT (default /tmp) for
# `callgrind_annotate --inclusive=yes`. Needs valgrind, python3 and a RelWithDebInfo build of
# jobdesk-cli, jobdesk-sandbox and bench-batch-qnam. Traffic goes to 127.0.0.1 only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
n=${2:-3000}
out=${OUT:-/tmp}
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 2; }
work=$(mktemp -d)
pid=
cleanup() {
    [[ -n $pid ]] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
    rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
"$build/bin/jobdesk-sandbox" --port 0 --generate $((2 * n + 10)) >"$work/sandbox.out" 2>/dev/null &
pid=$!
for _ in $(seq 100); do [[ -s $work/sandbox.out ]] && break; sleep 0.1; done
url=$(sed -n '1s/^listening on //p' "$work/sandbox.out")
first=2251799813685249
python3 -c "import sys; f, c = int(sys.argv[1]), int(sys.argv[2]); print('\n'.join(str(f + i) for i in range(c)))" \
    "$first" "$n" >"$work/keys.txt"
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.cli" "$build/bin/jobdesk-cli" batch \
    --keys "$work/keys.txt" --base-url "$url" --variables '{"approved":true}' --concurrency 8 \
    --yes --json >"$work/cli.out" 2>"$work/cli.err"
echo "jobdesk-cli batch, $n keys: $(grep -o 'refs: *[0-9,]*' "$work/cli.err" | tr -s ' ')"
echo "  $(tail -1 "$work/cli.out")"
valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.bare" "$build/bin/bench-batch-qnam" \
    --base-url "$url/v2" --first-key $((first + n)) --count "$n" --concurrency 8 \
    >"$work/bare.out" 2>"$work/bare.err"
echo "bare QNetworkAccessManager loop, $n keys: $(grep -o 'refs: *[0-9,]*' "$work/bare.err" | tr -s ' ')"
echo "  $(cat "$work/bare.out")"
