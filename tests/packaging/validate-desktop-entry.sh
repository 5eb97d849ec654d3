#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The configured desktop entry passes desktop-file-validate without a single error, warning or
# hint, and names the program and the icon the package installs.
#   validate-desktop-entry.sh <file.desktop> <app id>
set -euo pipefail
file=$1 app_id=$2

[[ $(basename "$file") == "$app_id.desktop" ]] || { echo "FAIL: $file is not named $app_id.desktop"; exit 1; }
report=$(desktop-file-validate "$file" 2>&1) || { echo "FAIL: desktop-file-validate: $report"; exit 1; }
if [[ -n $report ]]; then
    echo "FAIL: desktop-file-validate is not silent:"
    echo "$report"
    exit 1
fi

value() { sed -n "s/^$1=//p" "$file" | head -n 1; }
expect() {
    local key=$1 want=$2 got
    got=$(value "$key")
    [[ $got == "$want" ]] || { echo "FAIL: $key=$got, expected $want"; exit 1; }
}
expect Type Application
expect Name JobDesk
expect Exec jobdesk
expect Icon "$app_id"
expect Terminal false
expect StartupWMClass jobdesk
[[ $(value Categories) == *Development\;* ]] || { echo "FAIL: Categories lack Development"; exit 1; }
for word in Camunda Zeebe BPMN; do
    [[ $(value Keywords) == *"$word;"* ]] || { echo "FAIL: Keywords lack $word"; exit 1; }
done
[[ -n $(value Comment) && -n $(value GenericName) ]] || { echo "FAIL: Comment/GenericName empty"; exit 1; }
echo "ok: $file"
