#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The configured AppStream metadata passes `appstreamcli validate --no-net` with no error or
# warning, and agrees with the desktop entry and the project version.
#   validate-metainfo.sh <file.metainfo.xml> <app id> <version>
set -euo pipefail
file=$1 app_id=$2 version=$3

[[ $(basename "$file") == "$app_id.metainfo.xml" ]] || { echo "FAIL: $file is not named $app_id.metainfo.xml"; exit 1; }
if ! report=$(appstreamcli validate --no-net --no-color "$file" 2>&1); then
    echo "FAIL: appstreamcli validate:"
    echo "$report"
    exit 1
fi
# Errors fail the validation above; warnings do not, but they count here.
if grep -E '^[EW]: ' <<<"$report"; then
    echo "FAIL: appstreamcli reports warnings"
    exit 1
fi

need() {
    grep -qF -- "$1" "$file" || { echo "FAIL: $file lacks $1"; exit 1; }
}
need "<id>$app_id</id>"
need "<launchable type=\"desktop-id\">$app_id.desktop</launchable>"
need "<release version=\"$version\" date=\""
need '<content_rating type="oars-1.1"'
need '<project_license>GPL-3.0-or-later</project_license>'
need '<metadata_license>CC0-1.0</metadata_license>'
need '/docs/screenshots/main-window.png</image>'
for program in jobdesk jobdesk-cli jobdesk-sandbox; do
    need "<binary>$program</binary>"
done
# The newest release is the first one listed, and it is this version.
first=$(grep -o '<release version="[^"]*"' "$file" | head -n 1)
[[ $first == "<release version=\"$version\"" ]] || { echo "FAIL: newest release is $first, not $version"; exit 1; }
echo "ok: $file"
