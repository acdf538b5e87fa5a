#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Validates composer.json, the package description that PIE (the PHP
# Installer for Extensions) reads:
#   1. `composer validate --strict`.  Composer releases before PIE support
#      (such as Debian 12's 2.5.5) do not know the "php-ext" property and
#      report it as a publish error.  In that case, and only then, the check
#      is repeated with --no-check-publish.
#   2. the "php-ext" section against PIE's rules, and against the build:
#      type "php-ext"; extension-name is the name of the built file
#      (PHP_NEW_EXTENSION in config.m4 -> modules/mq.so; PIE looks for
#      modules/<extension-name>.so and writes extension=<extension-name>);
#      priority 0..99; support-zts/support-nts booleans; configure-options
#      entries {name, description, needs-value} whose names config.m4 knows;
#      "require": {"php"} agrees with package.xml's <php><min>; license MIT.
# Last line: "composer-validate: N passed, N failed".  Needs (Debian 12):
# composer, python3.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1

passed=0 failed=0
ok() { echo "ok:   $*"; passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

# 1. composer validate (with a throw-away COMPOSER_HOME, no network needed)
if ! command -v composer >/dev/null; then
    bad "composer not installed (apt-get install composer)"
else
    home=$(mktemp -d)
    out=$(COMPOSER_HOME=$home COMPOSER_NO_INTERACTION=1 composer validate --strict --no-interaction 2>&1)
    rc=$?
    if [ $rc -eq 0 ]; then
        ok "composer validate --strict ($(composer --version 2>/dev/null | head -n 1))"
    else
        others=$(grep -E '^- ' <<<"$out" | grep -v 'The property php-ext is not defined' || true)
        if grep -q 'The property php-ext is not defined' <<<"$out" && [ -z "$others" ]; then
            out2=$(COMPOSER_HOME=$home composer validate --strict --no-check-publish --no-interaction 2>&1)
            if [ $? -eq 0 ]; then
                ok "composer validate --strict --no-check-publish (this Composer does not know \"php-ext\"; checked below)"
            else
                bad "composer validate --strict --no-check-publish:"
                echo "$out2" | sed 's/^/      /'
            fi
        else
            bad "composer validate --strict (exit $rc):"
            echo "$out" | sed 's/^/      /'
        fi
    fi
    rm -rf "$home"
fi

# 2. the php-ext section, by PIE's rules and against config.m4/package.xml
out=$(python3 - <<'PY'
import json, re, sys
import xml.etree.ElementTree as ET
problems, good = [], []
try:
    with open("composer.json", encoding="utf-8") as f:
        c = json.load(f)
except (OSError, ValueError) as e:
    print("BAD composer.json: %s" % e)
    sys.exit(1)

if c.get("type") == "php-ext":
    good.append('type is "php-ext"')
else:
    problems.append('type must be "php-ext" (is %r)' % c.get("type"))

ext = c.get("php-ext")
if not isinstance(ext, dict):
    problems.append('no "php-ext" object')
    ext = {}
allowed = {"extension-name", "priority", "support-zts", "support-nts", "build-path",
           "download-url-method", "os-families", "os-families-exclude", "configure-options"}
unknown = sorted(set(ext) - allowed)
if unknown:
    problems.append("unknown php-ext keys: %s" % ", ".join(unknown))

with open("config.m4", encoding="utf-8") as f:
    m4 = f.read()
m = re.search(r"PHP_NEW_EXTENSION\(\s*\[?([A-Za-z0-9_]+)", m4)
built = m.group(1) if m else None
name = ext.get("extension-name", c.get("name", "/").split("/")[-1])
if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", str(name)):
    problems.append("extension-name %r is not a valid extension name" % name)
elif built is None:
    problems.append("no PHP_NEW_EXTENSION in config.m4")
elif name != built:
    problems.append("extension-name %r, but config.m4 builds %s.so" % (name, built))
else:
    good.append("extension-name %s = the built file modules/%s.so" % (name, built))

prio = ext.get("priority", 80)
if isinstance(prio, int) and not isinstance(prio, bool) and 0 <= prio <= 99:
    good.append("priority %d" % prio)
else:
    problems.append("priority must be an integer 0..99 (is %r)" % (prio,))
for k in ("support-zts", "support-nts"):
    if not isinstance(ext.get(k, True), bool):
        problems.append("%s must be a boolean" % k)
families = {"windows", "bsd", "darwin", "solaris", "linux", "unknown"}
for k in ("os-families", "os-families-exclude"):
    if k in ext and not (isinstance(ext[k], list) and set(ext[k]) <= families):
        problems.append("%s must be a list of %s" % (k, sorted(families)))

opts = ext.get("configure-options", [])
if not isinstance(opts, list):
    problems.append("configure-options must be a list")
    opts = []
known = set(re.findall(r"PHP_ARG_(?:ENABLE|WITH)\(\s*\[?([A-Za-z0-9_-]+)", m4))
for o in opts:
    if not isinstance(o, dict) or not re.fullmatch(r"[a-z][a-z0-9-]*", str(o.get("name", ""))):
        problems.append("configure option %r: needs a name like enable-foo" % (o,))
        continue
    if set(o) - {"name", "description", "needs-value"}:
        problems.append("configure option %s: unknown keys" % o["name"])
    if not isinstance(o.get("needs-value", False), bool):
        problems.append("configure option %s: needs-value must be a boolean" % o["name"])
    base = re.sub(r"^(enable|disable|with|without)-", "", o["name"])
    if base not in known:
        problems.append("configure option --%s: config.m4 has no such option" % o["name"])
good.append("%d configure option(s) (a plain ./configure builds mq)" % len(opts))

req = c.get("require", {}).get("php")
ns = {"p": "http://pear.php.net/dtd/package-2.1"}
try:
    pmin = ET.parse("package.xml").getroot().find("p:dependencies/p:required/p:php/p:min", ns).text.strip()
except Exception:
    pmin = None
want = None if pmin is None else ">=" + ".".join(pmin.split(".")[:2])
if req is None:
    problems.append('no "require": {"php": ...}')
elif want and req.replace(" ", "") not in (want, ">=" + pmin):
    problems.append('require php %r, but package.xml needs %s' % (req, pmin))
else:
    good.append("require php %s" % req)
if c.get("license") == "MIT":
    good.append("license MIT")
else:
    problems.append('license must be "MIT" (is %r)' % c.get("license"))

for g in good:
    print("OK " + g)
for p in problems:
    print("BAD " + p)
sys.exit(1 if problems else 0)
PY
)
while IFS= read -r line; do
    case $line in
        "OK "*) ok "php-ext: ${line#OK }" ;;
        "BAD "*) bad "php-ext: ${line#BAD }" ;;
    esac
done <<<"$out"

echo "composer-validate: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
