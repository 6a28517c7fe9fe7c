#!/bin/sh
# Rebuilds basemap.gpkg from the Natural Earth GeoJSON extracts (see README.md for their
# provenance). Run by hand when the extracts change; the app and tests only read basemap.gpkg.
# Usage: ./build-basemap.sh /path/to/geodata-src
set -eu
src=${1:?usage: $0 GEODATA_SRC_DIR}
out=$(dirname "$0")/basemap.gpkg
rm -f "$out"
ogr2ogr -f GPKG "$out" "$src/admin1.geojson" -nln admin1
ogr2ogr -update -f GPKG "$out" "$src/countries.geojson" -nln countries
ogr2ogr -update -f GPKG "$out" "$src/places.geojson" -nln places
ogr2ogr -update -f GPKG "$out" "$src/land_50m.geojson" -nln land
ogr2ogr -update -f GPKG "$out" "$src/coastline_50m.geojson" -nln coastline
ogrinfo -q "$out" -sql "VACUUM" >/dev/null
