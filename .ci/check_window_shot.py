#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Says whether a screenshot of Chronomap's window shows the map and, below it, the timeline.

The map: enough pixels of the map style's sea and land colours (app/render/map/map_style.h) and of its
borders; the first view is the data's busiest area (Kursk and Belgorod), nearly all land. The
timeline: event marks in the category palette (app/render/category_style.cpp) below the last row
that is mostly map. Prints "OK: ..." and exits 0, or says what is missing and exits 1.
Usage: check_window_shot.py SHOT.png (decoded with ImageMagick's `convert`)."""
import subprocess
import sys

SEA = (0xDD, 0xE7, 0xEE)
LANDS = [(0xF6, 0xF3, 0xEC), (0xFB, 0xF9, 0xF4)]
BORDERS = [(0x8A, 0x8A, 0x8A), (0xB8, 0xB0, 0xA6), (0x7F, 0x9C, 0xB0)]  # country, region, coast
PALETTE = [(0xE6, 0x9F, 0x00), (0x56, 0xB4, 0xE9), (0x00, 0x9E, 0x73), (0xD5, 0x5E, 0x00),
           (0x00, 0x72, 0xB2), (0xCC, 0x79, 0xA7)]


def near(p, c, tol=4):
    return abs(p[0] - c[0]) <= tol and abs(p[1] - c[1]) <= tol and abs(p[2] - c[2]) <= tol


def main(path):
    ppm = subprocess.run(["convert", path, "-depth", "8", "ppm:-"], check=True, capture_output=True).stdout
    parts = ppm.split(maxsplit=4)
    width, height = int(parts[1]), int(parts[2])
    data = parts[4]
    sea = land = borders = 0
    mostly_map_rows = []
    rows_with_marks = {}
    for y in range(height):
        row = data[y * width * 3:(y + 1) * width * 3]
        row_map = 0
        for x in range(0, width, 2):  # every other column is plenty
            p = (row[3 * x], row[3 * x + 1], row[3 * x + 2])
            if near(p, SEA, 2):
                sea += 1
                row_map += 1
            elif any(near(p, c, 2) for c in LANDS):  # 2: the status bar is #F2F1EE
                land += 1
                row_map += 1
            elif any(near(p, c, 12) for c in BORDERS):
                borders += 1
            elif any(near(p, c, 10) for c in PALETTE):
                rows_with_marks[y] = rows_with_marks.get(y, 0) + 1
        if row_map > width // 2 * 0.3:
            mostly_map_rows.append(y)
    sampled = width // 2 * height
    if sea + land < sampled * 0.15 or land < sampled * 0.05 or borders < 200:
        print(f"no map: sea {sea}, land {land}, border {borders} of {sampled} sampled pixels")
        return 1
    map_bottom = max(mostly_map_rows) if mostly_map_rows else 0
    marks_below = sum(n for y, n in rows_with_marks.items() if y > map_bottom)
    if marks_below < 300:
        print(f"no timeline: {marks_below} event-coloured pixels below the map (bottom row {map_bottom})")
        return 1
    print(f"OK: map ({100 * sea // sampled}% sea, {100 * land // sampled}% land, {borders} border pixels), "
          f"timeline marks below row {map_bottom} ({marks_below} pixels)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
