#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/db/with-postgis.sh CMD [ARG…]: runs CMD against a throwaway PostgreSQL/PostGIS cluster.
#
# The cluster lives in a new temporary folder: initdb, then pg_ctl start listening on a Unix
# socket in that folder only (no TCP port), a database `chronomap_test` with the postgis
# extension. CMD sees its connection string in CHRONOMAP_TEST_PG ("PG:host=… dbname=… user=…");
# the cluster is stopped and its folder removed when CMD ends, fails or is interrupted. As root
# the server runs as the `postgres` system user (PostgreSQL refuses to run as root), or as the
# user named by CHRONOMAP_PG_USER. Needs Debian's postgresql-15-postgis-3 (README, quick start).
# Typical use: tests/db/with-postgis.sh ctest --test-dir build -L db --output-on-failure
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 CMD [ARG…]" >&2; exit 2; }

bindir=""
for candidate in "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")" /usr/lib/postgresql/*/bin; do
    if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then bindir=$candidate; break; fi
done
[ -n "$bindir" ] || { echo "$0: initdb/pg_ctl not found (apt-get install postgresql-15-postgis-3)" >&2; exit 2; }

cluster=$(mktemp -d /tmp/chronomap-pg.XXXXXX)
as_server=() server_user=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
    server_user=${CHRONOMAP_PG_USER:-postgres}
    id "$server_user" >/dev/null 2>&1 || { echo "$0: running as root, but there is no user $server_user to run the server as" >&2; rm -rf "$cluster"; exit 2; }
    chown "$server_user" "$cluster"
    as_server=(runuser -u "$server_user" --)
fi
# The server's folder must be readable by its user: mktemp's mode 700 on a folder it owns is.
chmod 700 "$cluster"

stop_cluster() {
    if [ -f "$cluster/data/postmaster.pid" ]; then
        "${as_server[@]}" "$bindir/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$cluster"
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

"${as_server[@]}" "$bindir/initdb" -D "$cluster/data" -U "$server_user" -A trust -E UTF8 --no-locale >"$cluster/initdb.log" 2>&1 ||
    { cat "$cluster/initdb.log" >&2; exit 2; }
# listen_addresses='' : no TCP at all, only the socket in the cluster's folder.
"${as_server[@]}" "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 30 \
    -o "-c listen_addresses='' -k $cluster -c fsync=off -c full_page_writes=off" start >/dev/null ||
    { cat "$cluster/server.log" >&2; exit 2; }

psql_admin=("${as_server[@]}" psql -X -q -v ON_ERROR_STOP=1 -h "$cluster" -U "$server_user")
"${psql_admin[@]}" -d postgres -c "CREATE DATABASE chronomap_test"
"${psql_admin[@]}" -d chronomap_test -c "CREATE EXTENSION postgis"
# The tests connect as the server's user; as root, the socket's folder must let root in (it does).
export CHRONOMAP_TEST_PG="PG:host=$cluster dbname=chronomap_test user=$server_user"
echo "with-postgis: PostGIS $("${psql_admin[@]}" -d chronomap_test -tAc 'SELECT postgis_lib_version()') on $cluster (CHRONOMAP_TEST_PG)" >&2
set +e
"$@"
status=$?
set -e
exit $status
