#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Opening a 4 MiB variables document in the form (load, highlight, validate, first paint) and
# keystrokes in it, next to a bare QPlainTextEdit as the reference. Offscreen.
#   bench/editor-4mib.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
QT_QPA_PLATFORM=offscreen "$build/bin/jobdesk-bench-editor" 2>/dev/null
