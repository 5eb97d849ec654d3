#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The application icon is a square SVG that renders at the sizes desktops use.
#   render-icon.sh <icon.svg>
set -euo pipefail
svg=$1
out=$(mktemp -d -t jobdesk-icon.XXXXXX)
trap 'rm -rf "$out"' EXIT

grep -q 'viewBox="0 0 128 128"' "$svg" || { echo "FAIL: $svg is not drawn on a square 128 grid"; exit 1; }
for size in 16 32 48 256; do
    rsvg-convert --width "$size" --height "$size" --format png --output "$out/$size.png" "$svg"
    info=$(file -b "$out/$size.png")
    [[ $info == "PNG image data, $size x $size, "* ]] || { echo "FAIL: $size px rendering: $info"; exit 1; }
done
echo "ok: $svg renders at 16, 32, 48 and 256 px"
