#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Opening the log with 100,000 history entries and filtering it.
#   bench/history-100k.sh [build-dir] [--rows N] [--repeats N] [--db file]
# Builds the driver (jobdesk-bench-history) if needed, fills a throwaway 100k-entry history with
# HistoryStore::appendMany, then prints the median of several runs for: store open, model open +
# first page, next page, filters (one key, a quarter, an outcome, no match) with their counts, the
# LogPanel created + shown + painted, and peak RSS. Runs offscreen; nothing touches your history.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:-$here/../build}"
[[ $# -gt 0 ]] && shift
cmake --build "$build" --target jobdesk-bench-history >/dev/null
export QT_QPA_PLATFORM=offscreen
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(uname -sr)"
exec "$build/bin/jobdesk-bench-history" --rows 100000 "$@"
