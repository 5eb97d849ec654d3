#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Qt Linguist file is kept current: lupdate over today's sources (the same project the
# update_translations target uses) finds exactly the messages the committed .ts has.
#   check-translations.sh <cmake> <GenerateLUpdateProject.cmake> <project.cmake> <lupdate> <ts>
set -euo pipefail
cmake=$1 generator=$2 project=$3 lupdate=$4 committed=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cmake" -DIN_FILE="$project" -DOUT_FILE="$tmp/project.json" -P "$generator" >/dev/null
cp "$committed" "$tmp/current.ts"
"$lupdate" -project "$tmp/project.json" -ts "$tmp/current.ts" -no-obsolete -silent
messages() {
    # context name + source text (and plural flag) of every message, one per line
    awk '/<name>/ { sub(/.*<name>/, ""); sub(/<\/name>.*/, ""); context = $0 }
         /<message/ { numerus = ($0 ~ /numerus="yes"/) ? " [plural]" : "" }
         /<source>/ { line = $0; sub(/.*<source>/, "", line); sub(/<\/source>.*/, "", line);
                      print context " | " line numerus }' "$1" | sort
}
if ! diff <(messages "$committed") <(messages "$tmp/current.ts") >"$tmp/diff"; then
    echo "FAIL: $committed is not current ('<' only in the file, '>' only in the sources):"
    cat "$tmp/diff"
    echo "Refresh it: cmake --build <build-dir> --target update_translations"
    exit 1
fi
# Every plural message has its English forms (else "1 attempt(s)" shows).
if grep -A4 'numerus="yes"' "$committed" | grep -q '<numerusform></numerusform>'; then
    echo "FAIL: a plural message of $committed has no English forms"
    exit 1
fi
echo "ok: $(messages "$committed" | wc -l) messages, $committed is current"
