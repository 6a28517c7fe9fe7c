#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb with CPack, unpacks it into a scratch root with `dpkg -x` and runs the
# installed binary headless from there, with no CHRONOMAP_DATA_DIR: it must find its data at
# ../share/chronomap next to itself.
# Usage: deb_test.sh BUILD_DIR
set -eu
build=$1
for tool in cpack dpkg dpkg-deb dpkg-shlibdeps; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIPPED: $tool is not installed (apt-get install dpkg-dev)"
        exit 77
    fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

(cd "$build" && cpack -G DEB -B "$work/cpack") >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log"
    echo "FAILED: cpack -G DEB"
    exit 1
}
deb=$(ls "$work"/cpack/chronomap_*.deb)
echo "package: $(basename "$deb")"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libqt6widgets6 libgdal libpq5; do
    case "$depends" in
    *"$lib"*) ;;
    *) echo "FAILED: Depends does not name $lib"; exit 1 ;;
    esac
done
test "$(dpkg-deb -f "$deb" Package)" = chronomap || { echo "FAILED: package name"; exit 1; }

dpkg -x "$deb" "$work/root"
for f in usr/bin/chronomap \
    usr/lib/chronomap/libchronomap_video.so \
    usr/share/chronomap/geodata/basemap/basemap.gpkg \
    usr/share/chronomap/geodata/events/russia-north-korea.geojson \
    usr/share/chronomap/resources/fonts/DejaVuSans.ttf \
    usr/share/chronomap/translations/chronomap_es.qm \
    usr/share/chronomap/translations/chronomap_en.qm \
    usr/share/applications/io.github.chronomap.Chronomap.desktop \
    usr/share/metainfo/io.github.chronomap.Chronomap.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/io.github.chronomap.Chronomap.svg; do
    test -s "$work/root/$f" || { echo "FAILED: the package lacks $f"; exit 1; }
done

unset CHRONOMAP_DATA_DIR
unset DISPLAY
exe="$work/root/usr/bin/chronomap"
version=$("$exe" --version)
echo "$version"
case "$version" in
*[0-9].[0-9]*) ;;
*) echo "FAILED: --version printed no version"; exit 1 ;;
esac
"$exe" --export "$work/out.png" || { echo "FAILED: chronomap --export"; exit 1; }
test -s "$work/out.png" || { echo "FAILED: no snapshot written"; exit 1; }
# FFmpeg is the video module's, loaded by an animation export only: not in the binary's start.
if ldd "$exe" | grep -q libavcodec; then
    echo "FAILED: the installed chronomap links FFmpeg (ldd lists libavcodec)"; exit 1
fi
ldd "$work/root/usr/lib/chronomap/libchronomap_video.so" | grep -q libavcodec || {
    echo "FAILED: the installed video module does not link FFmpeg"; exit 1; }
"$exe" --export-animation "$work/out.gif" --from 2024-08 --to 2024-09 --size 320x180 || {
    echo "FAILED: chronomap --export-animation (the installed binary did not find its video module)"; exit 1; }
test -s "$work/out.gif" || { echo "FAILED: no animation written"; exit 1; }
# The data it used was the package's: the same binary without its share/ folder finds none (an
# installed binary never falls back to the checkout it was built from).
mkdir -p "$work/bare/bin"
cp "$exe" "$work/bare/bin/"
if "$work/bare/bin/chronomap" --export "$work/bare.png" >/dev/null 2>&1; then
    echo "FAILED: a copy without share/chronomap still exported: it read data from elsewhere"
    exit 1
fi
# Nor does it take the video module from anywhere but its own lib/chronomap.
if CHRONOMAP_DATA_DIR="$work/root/usr/share/chronomap" "$work/bare/bin/chronomap" --export-animation "$work/bare.gif" \
    --from 2024-08 --to 2024-09 --size 320x180 2>"$work/bare.err"; then
    echo "FAILED: a copy without lib/chronomap still exported an animation: it loaded a video module from elsewhere"
    exit 1
fi
grep -q "video module" "$work/bare.err" || { cat "$work/bare.err"; echo "FAILED: no message naming the missing video module"; exit 1; }
echo "OK: installed package runs and exports (snapshot and animation), from its own data and module"
