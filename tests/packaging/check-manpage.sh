#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The jobdesk-cli man page formats without a groff warning, names the project version, and
# documents every option and command the program's own --help lists (so it stays true).
#   check-manpage.sh <jobdesk-cli.1> <jobdesk-cli> <version>
set -euo pipefail
page=$1 cli=$2 version=$3

warnings=$(groff -man -ww -z -Tutf8 "$page" 2>&1) || { echo "FAIL: groff: $warnings"; exit 1; }
[[ -z $warnings ]] || { echo "FAIL: groff warns:"; echo "$warnings"; exit 1; }
grep -q "^\.TH JOBDESK-CLI 1 \"[0-9-]*\" \"JobDesk $version\"" "$page" ||
    { echo "FAIL: $page does not name version $version in .TH"; exit 1; }

help=$("$cli" --help)
# The page as text, with roff's escaped hyphens made plain.
text=$(sed 's/\\-/-/g' "$page")
missing=()
while IFS= read -r option; do
    grep -qF -- "$option" <<<"$text" || missing+=("$option")
done < <(grep -oE -- '--[a-z][a-z-]*' <<<"$help" | sort -u)
for command in complete "profile add" "profile list" "profile show" "profile remove" \
    "template save" "template list" "template show" "template remove" "template export" \
    "template import"; do
    grep -qF "$command" <<<"$text" || missing+=("$command")
done
for code in 0 1 2 3; do
    grep -qE "^  $code  " <<<"$help" || { echo "FAIL: --help does not list exit code $code"; exit 1; }
    grep -qx "\.B $code" "$page" || missing+=("exit code $code")
done
if ((${#missing[@]} > 0)); then
    echo "FAIL: the man page lacks what --help lists: ${missing[*]}"
    exit 1
fi
echo "ok: $page covers every option of $cli --help"
