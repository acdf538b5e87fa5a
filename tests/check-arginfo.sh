#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Checks that every committed stubs/*_arginfo.h is what php-src's gen_stub.php
# makes from its stubs/*.stub.php today.  Works offline: gen_stub.php is
# copied to a temp dir with Debian's php-parser (/usr/share/php/PhpParser)
# linked where it looks for PHP-Parser 4.15.1, and run on copies of the stubs
# (the committed headers are never touched).  No stubs: nothing to check.
#
# Usage: tests/check-arginfo.sh [--fix]   (--fix copies the fresh headers over)
# Exit 0 when all headers are fresh; 1 with a diff for each stale one.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$ROOT"
fix=0
[ "${1:-}" = "--fix" ] && fix=1

shopt -s nullglob
stubs=(stubs/*.stub.php)
if [ ${#stubs[@]} -eq 0 ]; then
    echo "check-arginfo: no stubs, nothing to check"
    exit 0
fi

gen=""
for d in "$(php-config --extension-dir 2>/dev/null)/build" /usr/lib/php/*/build; do
    if [ -f "$d/gen_stub.php" ]; then gen="$d/gen_stub.php"; break; fi
done
[ -n "$gen" ] || { echo "check-arginfo: gen_stub.php not found (php8.2-dev)" >&2; exit 1; }
[ -d /usr/share/php/PhpParser ] || { echo "check-arginfo: /usr/share/php/PhpParser missing (php-parser)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$gen" "$tmp/gen_stub.php"
mkdir -p "$tmp/PHP-Parser-4.15.1/lib"
ln -s /usr/share/php/PhpParser "$tmp/PHP-Parser-4.15.1/lib/PhpParser"
mkdir "$tmp/stubs"
cp "${stubs[@]}" "$tmp/stubs/"

if ! php -n -d extension=tokenizer "$tmp/gen_stub.php" -f "$tmp/stubs" >"$tmp/gen.log" 2>&1; then
    echo "check-arginfo: gen_stub.php failed:" >&2
    cat "$tmp/gen.log" >&2
    exit 1
fi

rc=0
checked=0
for new in "$tmp"/stubs/*.h; do
    name=$(basename "$new")
    old="stubs/$name"
    checked=$((checked + 1))
    if [ ! -f "$old" ]; then
        echo "check-arginfo: $old is missing (generate it: php gen_stub.php on its stub)"
        rc=1
    elif ! cmp -s "$old" "$new"; then
        echo "check-arginfo: $old is stale:"
        diff -u "$old" "$new" | head -n 60 || true
        rc=1
    else
        continue
    fi
    if [ $fix -eq 1 ]; then cp "$new" "$old"; echo "check-arginfo: updated $old"; fi
done
# A committed header whose stub is gone.
for old in stubs/*_arginfo.h; do
    if [ ! -f "$tmp/stubs/$(basename "$old")" ]; then
        echo "check-arginfo: $old has no stub (stubs/$(basename "$old" _arginfo.h).stub.php)"
        rc=1
    fi
done
if [ $rc -eq 0 ]; then
    echo "check-arginfo: $checked generated headers match"
fi
exit $rc
