#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package from a built tree with CPack (into a temporary folder, so the build
# tree is left alone), checks its control data, unpacks it into a temporary root with
# `dpkg-deb -x` and runs the installed programs from there:
#   - every installed file is where a Debian desktop expects it, and valid;
#   - the menu entry resolves the way an XDG menu does: entry in applications/, program in bin/,
#     icon in the hicolor theme under the entry's Icon name;
#   - every program finds all its libraries;
#   - `jobdesk --version` and `jobdesk-cli --version` print the project version;
#   - `jobdesk-sandbox --port 0` announces its address, and the installed CLI completes a job on it.
#
#   deb-install.sh <cpack> <build dir> <version> <app id> <program…>
# The programs listed are the ones the tree builds (the window is optional: JOBDESK_BUILD_GUI).
set -euo pipefail
cpack=$1 build=$2 version=$3 app_id=$4
shift 4
programs=("$@")

fail() {
    echo "FAIL: $*"
    exit 1
}
has_program() {
    local p
    for p in "${programs[@]}"; do [[ $p == "$1" ]] && return 0; done
    return 1
}

work=$(mktemp -d -t jobdesk-deb.XXXXXX)
sandbox_pid=
cleanup() {
    if [[ -n $sandbox_pid ]]; then
        kill "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

for p in "${programs[@]}"; do
    [[ -x $build/bin/$p ]] || fail "$build/bin/$p is not built: build the tree before this test"
done

# --- build the package --------------------------------------------------------------------------
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
deb=$work/out/jobdesk_${version}_$(dpkg --print-architecture).deb
[[ -f $deb ]] || { ls -l "$work/out"; fail "cpack did not write $(basename "$deb")"; }
echo "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# --- control data -------------------------------------------------------------------------------
field() { dpkg-deb --field "$deb" "$1"; }
[[ $(field Package) == jobdesk ]] || fail "Package: $(field Package)"
[[ $(field Version) == "$version" ]] || fail "Version: $(field Version), expected $version"
[[ $(field Maintainer) == *@* ]] || fail "Maintainer without an address: $(field Maintainer)"
[[ $(field Section) =~ ^(utils|devel)$ ]] || fail "Section: $(field Section)"
[[ -n $(field Homepage) ]] || fail "no Homepage"
description=$(field Description)
[[ $(wc -l <<<"$description") -ge 3 ]] || fail "Description has no long text: $description"
depends=$(field Depends)
if ((${#programs[@]} > 0)); then
    # dpkg-shlibdeps ran: the libraries the programs link are named with versions.
    [[ $depends == *"libqt6core6 (>="* ]] || fail "Depends lacks the Qt libraries (shlibdeps): $depends"
    [[ $depends == *"libc6 (>="* ]] || fail "Depends lacks libc6 (shlibdeps): $depends"
fi
[[ $depends == *libqt6sql6-sqlite* ]] || fail "Depends lacks the SQLite driver: $depends"
if has_program jobdesk; then
    [[ $depends == *libqt6widgets6* ]] || fail "Depends lacks libqt6widgets6: $depends"
fi

# --- unpack into a temporary root and look at what is installed ---------------------------------
root=$work/root
dpkg-deb -x "$deb" "$root"
share=$root/usr/share
expect_file() { [[ -f $root/$1 ]] || fail "the package lacks /$1"; }
for p in "${programs[@]}"; do
    [[ -x $root/usr/bin/$p ]] || fail "the package lacks an executable /usr/bin/$p"
    if missing=$(ldd "$root/usr/bin/$p" | grep 'not found'); then
        fail "/usr/bin/$p misses libraries: $missing"
    fi
done
expect_file "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
expect_file usr/share/doc/jobdesk/copyright
expect_file usr/share/doc/jobdesk/README.md
if has_program jobdesk-cli; then
    expect_file usr/share/man/man1/jobdesk-cli.1.gz
    gzip -t "$root/usr/share/man/man1/jobdesk-cli.1.gz" || fail "the man page is not valid gzip"
    zcat "$root/usr/share/man/man1/jobdesk-cli.1.gz" | grep -q "^\.TH JOBDESK-CLI 1 .*\"JobDesk $version\"" ||
        fail "the man page does not name version $version"
fi
if has_program jobdesk; then
    desktop=$share/applications/$app_id.desktop
    metainfo=$share/metainfo/$app_id.metainfo.xml
    [[ -f $desktop ]] || fail "the package lacks /usr/share/applications/$app_id.desktop"
    [[ -f $metainfo ]] || fail "the package lacks /usr/share/metainfo/$app_id.metainfo.xml"
    report=$(desktop-file-validate "$desktop" 2>&1) || fail "installed desktop entry: $report"
    [[ -z $report ]] || fail "installed desktop entry: $report"
    appstreamcli validate --no-net --no-color "$metainfo" >"$work/appstream.log" 2>&1 ||
        { cat "$work/appstream.log"; fail "installed metainfo does not validate"; }

    # What a menu does with the entry: it is shown (not hidden), its program is found on PATH
    # (TryExec), and its Icon name resolves in the hicolor theme.
    value() { sed -n "s/^$1=//p" "$desktop" | head -n 1; }
    for key in NoDisplay Hidden; do
        [[ $(value $key) != true ]] || fail "the desktop entry sets $key=true"
    done
    [[ -x $root/usr/bin/$(value TryExec) ]] || fail "TryExec=$(value TryExec) is not installed"
    exec_program=$(value Exec)
    [[ -x $root/usr/bin/${exec_program%% *} ]] || fail "Exec=$exec_program is not installed"
    icon=$(value Icon)
    icons=("$share"/icons/hicolor/*/apps/"$icon".{svg,png})
    found=
    for f in "${icons[@]}"; do [[ -f $f ]] && found=$f; done
    [[ -n $found ]] || fail "Icon=$icon is not in the hicolor theme"
    echo "menu entry: $(value Name) — $(value Comment) [icon ${found#"$root"}]"
fi

# Run the installed programs with a throwaway home, so nothing touches the caller's data.
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share
export XDG_CACHE_HOME=$work/home/.cache
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
export PATH=$root/usr/bin:$PATH

if has_program jobdesk; then
    # The window program starts (libraries, Qt platform plugin) and answers --version; no display
    # is needed for that.
    output=$(QT_QPA_PLATFORM=offscreen timeout 20 "$root/usr/bin/jobdesk" --version 2>/dev/null) ||
        fail "jobdesk --version exited with $?"
    [[ $output == *"$version"* ]] || fail "jobdesk --version printed '$output', expected $version"
    echo "installed jobdesk --version: $output"
fi

if has_program jobdesk-cli; then
    output=$(timeout 20 "$root/usr/bin/jobdesk-cli" --version) || fail "jobdesk-cli --version exited with $?"
    [[ $output == *"$version"* ]] || fail "jobdesk-cli --version printed '$output', expected $version"
    echo "installed jobdesk-cli --version: $output"
fi

if has_program jobdesk-sandbox; then
    mkfifo "$work/sandbox.out"
    "$root/usr/bin/jobdesk-sandbox" --port 0 --generate 1 >"$work/sandbox.out" 2>"$work/sandbox.err" &
    sandbox_pid=$!
    exec 3<"$work/sandbox.out"
    first=
    IFS= read -r -t 20 first <&3 || { cat "$work/sandbox.err"; fail "jobdesk-sandbox printed no first line"; }
    [[ $first =~ ^listening\ on\ (http://127\.0\.0\.1:[0-9]+)$ ]] ||
        fail "jobdesk-sandbox's first line is '$first'"
    url=${BASH_REMATCH[1]}
    [[ $url != *:0 ]] || fail "jobdesk-sandbox announced port 0"
    echo "installed jobdesk-sandbox: $first"

    if has_program jobdesk-cli; then
        key=2251799813685249 # the first job of --generate
        timeout 30 "$root/usr/bin/jobdesk-cli" complete "$key" --base-url "$url" \
            --variables '{"checkedBy":"packaging test"}' --no-history >"$work/cli.out" 2>&1 ||
            { cat "$work/cli.out"; fail "installed jobdesk-cli could not complete job $key on the sandbox"; }
        rc=0
        timeout 30 "$root/usr/bin/jobdesk-cli" complete "$key" --base-url "$url" --no-history \
            >"$work/cli.out" 2>&1 || rc=$?
        [[ $rc == 1 ]] || { cat "$work/cli.out"; fail "completing job $key twice exited with $rc, expected 1"; }
        echo "installed jobdesk-cli completed job $key on the installed sandbox (and was refused the second time)"
    fi

    kill "$sandbox_pid"
    wait "$sandbox_pid" 2>/dev/null || true
    sandbox_pid=
    exec 3<&-
fi
echo "ok: $(basename "$deb") installs and runs"
