#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs into a scratch prefix and validates the installed desktop entry and AppStream
# metainfo. Skips (exit code 77) when desktop-file-validate or appstreamcli is missing.
# Usage: desktop_files_test.sh BUILD_DIR
set -eu
build=$1
for tool in desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIPPED: $tool is not installed (apt-get install desktop-file-utils appstream)"
        exit 77
    fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 || {
    cat "$work/install.log"
    echo "FAILED: cmake --install"
    exit 1
}
desktop="$work/prefix/share/applications/io.github.chronomap.Chronomap.desktop"
metainfo="$work/prefix/share/metainfo/io.github.chronomap.Chronomap.metainfo.xml"
desktop-file-validate "$desktop"
appstreamcli validate --no-net "$metainfo"
echo "OK: desktop entry and metainfo validate"
