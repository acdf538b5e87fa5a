#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Checks package.xml (the PECL package description) against the repository:
#   1. every git-tracked file that a build or its tests need is listed in
#      <contents>: config.m4, config.w32, php_mq.h, src/**, stubs/** (stubs
#      and *_arginfo.h), tests/** (phpt, inc, broker.sh, ...; not
#      tests/packaging/, which is repository-only);
#   2. every listed file exists (`pecl package` fails otherwise);
#   3. each listed file has the role tools/update-package-xml.py gives it
#      (src, test or doc), and nothing else is listed;
#   4. <version><release> equals PHP_MQ_RELEASE in php_mq.h, and <php><min>
#      is 8.2.0 (the code uses 8.2-only APIs);
#   5. `pecl package-validate` finds no error (when pear/pecl are installed;
#      the "Release Date ... is not today" warning is expected between
#      releases and ignored).
# Fix 1-3 with:  python3 tools/update-package-xml.py
# Last line: "check-package-xml: N passed, N failed".  Needs (Debian 12): git,
# python3; php-pear and util-linux (runuser) for step 5.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1

passed=0 failed=0
ok() { echo "ok:   $*"; passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }
finish() { echo "check-package-xml: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit; }

[ -f package.xml ] || { bad "package.xml missing"; finish; }

# path<TAB>role of every <file> in <contents>
entries=$(python3 - <<'PY'
import os, sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse("package.xml").getroot()
except ET.ParseError as e:
    sys.exit("package.xml is not well-formed XML: %s" % e)
def walk(elem, prefix):
    for child in elem:
        tag = child.tag.split("}")[-1]
        if tag == "dir":
            name = child.get("name")
            yield from walk(child, prefix if name == "/" else os.path.join(prefix, name))
        elif tag == "file":
            yield os.path.normpath(os.path.join(prefix, child.get("name"))), child.get("role")
contents = [c for c in root if c.tag.split("}")[-1] == "contents"]
if not contents:
    sys.exit("package.xml has no <contents>")
for path, role in sorted(walk(contents[0], "")):
    print("%s\t%s" % (path, role))
PY
) || { bad "could not read the file list of package.xml"; finish; }
listed=$(cut -f1 <<<"$entries")

# 1. tracked files that must be packaged
required=$(git ls-files -- config.m4 config.w32 php_mq.h 'src/*' 'stubs/*' 'tests/*' \
    | grep -v '^tests/packaging/' | sort)
missing=$(comm -23 <(echo "$required") <(echo "$listed") | sed '/^$/d')
if [ -z "$missing" ]; then
    ok "all $(echo "$required" | wc -l) tracked build and test files are listed in package.xml"
else
    bad "tracked files missing from package.xml (run python3 tools/update-package-xml.py):"
    echo "$missing" | sed 's/^/      /'
fi

# 2. listed files that do not exist
gone=$(while read -r f; do [ -z "$f" ] || [ -f "$f" ] || echo "$f"; done <<<"$listed")
if [ -z "$gone" ]; then
    ok "all $(echo "$listed" | wc -l) files listed in package.xml exist"
else
    bad "files listed in package.xml that do not exist:"
    echo "$gone" | sed 's/^/      /'
fi

# 3. roles, as tools/update-package-xml.py assigns them
if out=$(python3 - "$entries" <<'PY'
import importlib.util, sys
spec = importlib.util.spec_from_file_location("upx", "tools/update-package-xml.py")
upx = importlib.util.module_from_spec(spec)
spec.loader.exec_module(upx)
bad = 0
for line in sys.argv[1].splitlines():
    path, role = line.split("\t")
    want = upx.role_of(path)
    if want is None:
        print("%s: not a file to package" % path)
        bad += 1
    elif want != role:
        print("%s: role %s, expected %s" % (path, role, want))
        bad += 1
sys.exit(1 if bad else 0)
PY
); then
    ok "every listed file has the right role (src, test, doc)"
else
    bad "roles in package.xml:"
    echo "$out" | sed 's/^/      /'
fi

# 4. version and PHP requirement
read -r pkg_release php_min < <(python3 -c '
import xml.etree.ElementTree as ET
ns = {"p": "http://pear.php.net/dtd/package-2.1"}
r = ET.parse("package.xml").getroot()
def text(path):
    e = r.find(path, ns)
    return e.text.strip() if e is not None and e.text else "-"
print(text("p:version/p:release"), text("p:dependencies/p:required/p:php/p:min"))')
release=$(sed -n 's/^#define PHP_MQ_RELEASE "\(.*\)"/\1/p' php_mq.h)
if [ -n "$release" ] && [ "$release" = "$pkg_release" ]; then
    ok "package.xml release $pkg_release = PHP_MQ_RELEASE in php_mq.h"
else
    bad "package.xml release '$pkg_release' differs from PHP_MQ_RELEASE '$release' in php_mq.h"
fi
if [ "$php_min" = "8.2.0" ]; then
    ok "requires PHP >= $php_min"
else
    bad "<php><min> is '$php_min'; mq needs 8.2.0 (zend_ini_parse_quantity_warn, readonly classes)"
fi

# 5. PEAR's own validation.  With a private PEAR configuration (with the
#    system one, pecl writes its dependency database into /usr/share/php),
#    and as the user nobody when run as root and nobody can read the
#    checkout (a clone in a private 0700 directory is not readable: then as
#    root, still with the private configuration, which keeps every write
#    inside $tmp; validation only reads the package).
if command -v pecl >/dev/null && command -v pear >/dev/null; then
    tmp=$(mktemp -d)
    chmod 755 "$tmp"
    as_user=()
    if [ "$(id -u)" -eq 0 ] && runuser -u nobody -- test -r "$PWD/package.xml" 2>/dev/null; then
        chown nobody: "$tmp"
        as_user=(runuser -u nobody --)
    fi
    "${as_user[@]}" env HOME="$tmp" pear config-create "$tmp" "$tmp/pearrc" >/dev/null 2>&1
    out=$("${as_user[@]}" env HOME="$tmp" pecl -c "$tmp/pearrc" package-validate package.xml 2>&1)
    rc=$?
    problems=$(grep -iE "error|warning" <<<"$out" | grep -v 'is not today' | grep -vE '^Validation: 0 error' || true)
    if [ $rc -eq 0 ] && [ -z "$problems" ]; then
        ok "pecl package-validate: $(tail -n 1 <<<"$out")"
    else
        bad "pecl package-validate:"
        echo "$out" | sed 's/^/      /'
    fi
    rm -rf "$tmp"
else
    echo "skip: pear/pecl not installed (apt-get install php-pear): no pecl package-validate"
fi

finish
