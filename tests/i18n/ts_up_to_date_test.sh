#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The translation sources are up to date with the code and the Spanish one is finished: lupdate
# run into a temporary copy (the same options as the chronomap_lupdate target) changes nothing,
# and no Spanish entry, nor English plural form, is unfinished. Fix with `cmake --build build --target
# chronomap_lupdate`, then translate what it added.
# Usage: ts_up_to_date_test.sh LUPDATE SOURCE_DIR
set -eu
lupdate=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
status=0
for lang in es en; do
    ts=$src/resources/translations/chronomap_$lang.ts
    cp "$ts" "$work/chronomap_$lang.ts"
    extra=''
    [ "$lang" = en ] && extra=-pluralonly
    (cd "$src" && "$lupdate" -silent -locations none -no-obsolete $extra app -ts "$work/chronomap_$lang.ts") >/dev/null
    if ! diff -u "$ts" "$work/chronomap_$lang.ts" >"$work/diff.txt"; then
        echo "FAILED: chronomap_$lang.ts is out of date with the sources (run the chronomap_lupdate target):"
        head -40 "$work/diff.txt"
        status=1
    fi
done
# Spanish whole; English has plural forms only, and an unfinished one shows "step(s)" to users.
for lang in es en; do
    ts=$src/resources/translations/chronomap_$lang.ts
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    if [ "$unfinished" -gt 0 ]; then
        echo "FAILED: $unfinished entries of chronomap_$lang.ts are unfinished:"
        grep -B3 'type="unfinished"' "$ts" | grep '<source>' | head -20
        status=1
    fi
done
[ $status -eq 0 ] && echo "OK: the .ts files match the sources and Spanish is complete"
exit $status
