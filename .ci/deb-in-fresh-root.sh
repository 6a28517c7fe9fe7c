#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the .deb into a fresh minimal Debian 12 root (debootstrap --variant=minbase), where no
# -dev package and nothing of the build machine can stand in for a missing Depends, and runs it
# there as a user would: --version, a headless --export, and the window on an X server, whose
# screenshot must show the map and the timeline.
# Usage: .ci/deb-in-fresh-root.sh CHRONOMAP_DEB [SCREENSHOT_OUT.png]
# Locally the bare root is cached in /var/cache/chronomap (CHRONOMAP_ROOTFS_CACHE); CI makes it anew.
set -euo pipefail
deb=$(realpath "$1")
shot_out=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
cache=${CHRONOMAP_ROOTFS_CACHE:-/var/cache/chronomap/bookworm-minbase.tar}
mirror=${CHRONOMAP_DEBIAN_MIRROR:-http://deb.debian.org/debian}

root=$(mktemp -d /var/tmp/chronomap-root.XXXXXX)
xvfb_pid='' app_pid=''
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    for m in "$root/tmp/.X11-unix" "$root/proc" "$root/dev"; do
        mountpoint -q "$m" 2>/dev/null && umount -l "$m"
    done
    rm -rf --one-file-system "$root"
}
trap cleanup EXIT INT TERM

if [ "${CI:-}" != true ] && [ -s "$cache" ]; then
    tar -xf "$cache" -C "$root"
    echo "fresh root: from the cache $cache"
else
    started=$SECONDS
    debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 || {
        tail -20 "$root.debootstrap.log"; echo "FAILED: debootstrap"; exit 1; }
    rm -f "$root.debootstrap.log"
    echo "fresh root: debootstrap --variant=minbase bookworm in $((SECONDS - started)) s"
    if [ "${CI:-}" != true ]; then mkdir -p "$(dirname "$cache")" && tar -cf "$cache" -C "$root" .; fi
fi

# The same archive as the build machine (security updates included), and a network to reach it.
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/" && rm -f "$root/etc/apt/sources.list"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cp "$deb" "$root/tmp/chronomap.deb"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

in_root apt-get update -q >/dev/null
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/chronomap.deb >"$root/tmp/install.log" 2>&1 || {
    tail -30 "$root/tmp/install.log"; echo "FAILED: apt-get install ./chronomap.deb in a fresh root"; exit 1; }
echo "installed with its Depends: $(grep -c '^Setting up' "$root/tmp/install.log") packages set up"
for dev in $(in_root dpkg-query -W -f '${Package}\n' | grep -- '-dev$' || true); do
    echo "FAILED: a -dev package ($dev) came in with chronomap"; exit 1
done

in_root /usr/bin/chronomap --version
in_root /usr/bin/chronomap --export /tmp/installed.png
[ -s "$root/tmp/installed.png" ] || { echo "FAILED: the installed chronomap wrote no snapshot"; exit 1; }
echo "headless export in the fresh root: $(stat -c %s "$root/tmp/installed.png") bytes"
# The video module's FFmpeg came in with the package's Depends (dpkg-shlibdeps reads the module too).
in_root /usr/bin/chronomap --export-animation /tmp/installed.gif --from 2024-08 --to 2024-09 --size 320x180
[ -s "$root/tmp/installed.gif" ] || { echo "FAILED: the installed chronomap wrote no animation"; exit 1; }
echo "headless animation in the fresh root: $(stat -c %s "$root/tmp/installed.gif") bytes"
# The bundled example briefing came with the package's data: its PDF, dataset resolved from it.
in_root /usr/bin/chronomap --export-briefing /usr/share/chronomap/geodata/briefings/treaty-to-kursk.chronomap-briefing.json \
    /tmp/installed.pdf
[ -s "$root/tmp/installed.pdf" ] || { echo "FAILED: the installed chronomap wrote no briefing PDF"; exit 1; }
echo "headless briefing PDF in the fresh root: $(stat -c %s "$root/tmp/installed.pdf") bytes"

# The window on the build machine's X server, the program and its libraries the root's own.
display=:$((90 + RANDOM % 100))
mkdir -p "$root/tmp/.X11-unix"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix"
chroot "$root" env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 DISPLAY="$display" QT_QPA_PLATFORM=xcb \
    /usr/bin/chronomap >"$root/tmp/window.log" 2>&1 &
app_pid=$!
shot=$(mktemp --suffix=.png)
verdict='no window'
for _ in $(seq 60); do
    sleep 1
    kill -0 "$app_pid" 2>/dev/null || { cat "$root/tmp/window.log"; echo "FAILED: the window exited"; exit 1; }
    import -display "$display" -window root "$shot" 2>/dev/null || continue
    verdict=$(python3 "$here/check_window_shot.py" "$shot") && break
done
echo "window: $verdict"
case "$verdict" in OK*) ;; *) cat "$root/tmp/window.log"; echo "FAILED: the window shows no map and timeline"; exit 1 ;; esac
[ -n "$shot_out" ] && cp "$shot" "$shot_out"
rm -f "$shot"
echo "OK: the .deb installs in a fresh Debian 12 root and runs there, headless and in a window"
