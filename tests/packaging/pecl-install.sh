#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# End-to-end test of the PECL package:
#   1. stages package.xml and exactly the files it lists (a listed file that
#      does not exist fails the test) and runs `pecl package` -> mq-VERSION.tgz;
#   2. `pecl install` builds and installs it without touching the machine:
#      a private PEAR configuration (`pear config-create TMP/pear ...`: its
#      registry, temp, download and build folders are below TMP), and
#      a php-config wrapper first in PATH that reports the prefix TMP and
#      the extension directory TMP/ext, where `make install` and pecl then
#      put mq.so.  When
#      run as root, pear and pecl run as the user nobody, so that nothing can
#      be written machine-wide even by mistake.  (`pecl install
#      --installroot=DIR` is no way out: PEAR 1.10.13 ignores DIR for the
#      built mq.so, copies it into the real extension_dir and then dies in
#      its registry code; --packagingroot breaks its build folder.)
#   3. loads the installed mq.so with `php -n` (`php --ri amqp`);
#   4. unpacks the tarball and runs its phpt suite with run-tests.php against
#      a broker: the one named by MQ_TEST_* or, when MQ_TEST_PORT is unset, a
#      private node started with the *tarball's own* tests/broker.sh.
# Any file missing from the package shows up as a packaging, build, load or
# test failure.  Steps 1, 2 and 3 are one test each ("ok - ..." lines; a
# failed one ends the run), then every phpt of the tarball is one test.  A
# phpt skipped for a program or Debian package that tools/install-deps.sh
# installs counts as failed.  run-tests.php runs without its retry of
# "flaky" tests: $MQ_RUN_TESTS (tests/run.sh passes its
# build/run-tests-noretry.php) or a copy made here.  Broker start and the
# tools check are setup: their failure exits 1 without a failed test.
# Last line: "pecl-install: N passed, N failed, N skipped"; exit status 0
# only if everything passed.
#
# Needs (Debian 12): php-pear (pear, pecl), php8.2-dev (phpize, php-config,
# run-tests.php), php8.2-cli, php8.2-cgi (FastCGI tests), make, gcc,
# libssl-dev, pkg-config, python3, util-linux (runuser); rabbitmq-server and
# openssl for a private broker.  MQ_PHPT_JOBS=N runs the phpt tests in N
# processes (default 2).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

for tool in pear pecl phpize php-config python3 make; do
    command -v "$tool" >/dev/null || { echo "pecl-install: $tool missing (apt-get install php-pear php8.2-dev make python3)" >&2; exit 1; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/mq-pecl.XXXXXX")
own_broker=
cleanup() {
    [ -z "$own_broker" ] || bash "$own_broker" stop "$TMP/broker" >/dev/null 2>&1 || true
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

STEPS_PASSED=0
# fail WHAT: a packaging/install/load test failed; the later ones cannot run.
fail() { echo "FAILED - $*"; echo "pecl-install: $STEPS_PASSED passed, 1 failed, 0 skipped"; exit 1; }
# setup_fail WHAT: not a test of the package (e.g. the broker did not start).
setup_fail() { echo "FAILED (setup) - $*"; echo "pecl-install: $STEPS_PASSED passed, 0 failed, 0 skipped"; exit 1; }
step_ok() { STEPS_PASSED=$((STEPS_PASSED + 1)); echo "ok - $*"; }

# pear/pecl run unprivileged (as root: as the user nobody), with HOME inside
# TMP and the php-config wrapper first in PATH.
as_pecl_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u nobody -- env HOME="$TMP/home" PATH="$TMP/bin:$PATH" "$@"
    else
        env HOME="$TMP/home" PATH="$TMP/bin:$PATH" "$@"
    fi
}
mkdir -p "$TMP/bin" "$TMP/ext"
real_php_config=$(command -v php-config)
# (pecl collects what `make install` wrote below INSTALL_ROOT/<--prefix>.)
cat >"$TMP/bin/php-config" <<SH
#!/bin/sh
# php-config, but the extension directory is $TMP/ext, below prefix $TMP
case "\$1" in
    --extension-dir) echo "$TMP/ext" ;;
    --prefix) echo "$TMP" ;;
    *) exec "$real_php_config" "\$@" ;;
esac
SH
chmod 755 "$TMP/bin/php-config"

# ------------------------------------------------------------ 1. package
echo "== staging the files listed in package.xml"
mkdir -p "$TMP/stage" "$TMP/home" "$TMP/pear"
python3 - "$ROOT" "$TMP/stage" <<'PY' || fail "package.xml lists files that do not exist"
import os, shutil, sys
import xml.etree.ElementTree as ET
root, stage = sys.argv[1], sys.argv[2]
ns = {"p": "http://pear.php.net/dtd/package-2.1"}
tree = ET.parse(os.path.join(root, "package.xml"))
missing = 0
def walk(elem, prefix):
    global missing
    for child in elem:
        tag = child.tag.split("}")[-1]
        if tag == "dir":
            name = child.get("name")
            walk(child, prefix if name == "/" else os.path.join(prefix, name))
        elif tag == "file":
            rel = os.path.join(prefix, child.get("name"))
            src = os.path.join(root, rel)
            if not os.path.isfile(src):
                print("listed in package.xml but missing:", rel, file=sys.stderr)
                missing += 1
                continue
            os.makedirs(os.path.dirname(os.path.join(stage, rel)), exist_ok=True)
            shutil.copy2(src, os.path.join(stage, rel))
contents = tree.getroot().find("p:contents", ns)
if contents is None:
    sys.exit("package.xml has no <contents>")
walk(contents, "")
shutil.copy2(os.path.join(root, "package.xml"), stage)
sys.exit(1 if missing else 0)
PY
chmod 755 "$TMP"
[ "$(id -u)" -ne 0 ] || chown -R nobody: "$TMP/stage" "$TMP/home" "$TMP/pear" "$TMP/ext"
rc="$TMP/pear/pearrc"
as_pecl_user pear config-create "$TMP/pear" "$rc" >/dev/null || setup_fail "pear config-create"

echo "== pecl package"
(cd "$TMP/stage" && as_pecl_user pecl -c "$rc" package package.xml) >"$TMP/package.log" 2>&1 \
    || { cat "$TMP/package.log"; fail "pecl package"; }
cat "$TMP/package.log"
# ("Release Date ... is not today" is expected between releases.)
if grep -i "warning" "$TMP/package.log" | grep -qv "is not today"; then
    fail "pecl package printed warnings (see above)"
fi
tgz=$(ls "$TMP"/stage/mq-*.tgz 2>/dev/null | head -n 1)
[ -n "$tgz" ] || fail "no mq-*.tgz made"
step_ok "pecl package: $(basename "$tgz") ($(stat -c %s "$tgz") bytes, $(tar tzf "$tgz" | wc -l) entries)"

# ------------------------------------------------------------ 2. install
echo "== pecl install (extension directory $TMP/ext; build log: install.log)"
t0=$(date +%s)
if ! as_pecl_user pecl -c "$rc" install "$tgz" </dev/null >"$TMP/install.log" 2>&1; then
    tail -n 40 "$TMP/install.log"
    fail "pecl install"
fi
echo "built and installed in $(( $(date +%s) - t0 )) s"
so="$TMP/ext/mq.so"
[ -f "$so" ] || { tail -n 20 "$TMP/install.log"; fail "installed mq.so not found at $so"; }
grep -E "^(Installing|install ok)" "$TMP/install.log" | sed 's/^/    /' || true
as_pecl_user pecl -c "$rc" list | sed 's/^/    /'
step_ok "pecl install built and installed mq.so"

# ------------------------------------------------------------ 3. load
echo "== php -n -d extension=<installed mq.so> --ri amqp"
LD_BIND_NOW=1 php -n -d display_startup_errors=1 -d extension="$so" --ri amqp >"$TMP/ri.txt" 2>&1 \
    || { cat "$TMP/ri.txt"; fail "the installed mq.so does not load"; }
head -n 8 "$TMP/ri.txt"
if grep -qiE "warning|error" "$TMP/ri.txt"; then cat "$TMP/ri.txt"; fail "warnings while loading mq.so"; fi
step_ok "the installed mq.so loads (php -n --ri amqp)"

# ------------------------------------------------------------ 4. phpt
echo "== phpt suite of the unpacked tarball"
mkdir -p "$TMP/unpacked"
tar xzf "$tgz" -C "$TMP/unpacked"
pkgdir=$(ls -d "$TMP"/unpacked/mq-*/ | head -n 1)
pkgdir=${pkgdir%/}
phpts=("$pkgdir"/tests/*.phpt)
[ -f "${phpts[0]}" ] || fail "no tests/*.phpt in the tarball"

if [ -z "${MQ_TEST_PORT:-}" ]; then
    [ -f "$pkgdir/tests/broker.sh" ] || fail "tests/broker.sh is not in the tarball"
    echo "starting a private RabbitMQ node with the tarball's tests/broker.sh"
    cp "$pkgdir/tests/broker.sh" "$TMP/broker.sh"      # a copy outside the tested folder
    own_broker="$TMP/broker.sh"
    bash "$own_broker" start "$TMP/broker" >"$TMP/broker.log" 2>&1 || { cat "$TMP/broker.log"; setup_fail "broker start"; }
    # shellcheck disable=SC1091
    . "$TMP/broker/env.sh"
fi

RUN_TESTS=""
for f in "$(php-config --extension-dir)/build/run-tests.php" /usr/lib/php/*/build/run-tests.php; do
    if [ -f "$f" ]; then RUN_TESTS=$f; break; fi
done
[ -n "$RUN_TESTS" ] || setup_fail "run-tests.php not found (php8.2-dev)"
# No retry of "flaky" tests: a retried test would report only its second
# attempt.
if [ -n "${MQ_RUN_TESTS:-}" ] && [ -f "$MQ_RUN_TESTS" ]; then
    RUN_TESTS=$MQ_RUN_TESTS
else
    mkdir -p "$TMP/rt"
    sed 's/!\$retried && error_may_be_retried(/!$retried \&\& false \&\& error_may_be_retried(/' \
        "$RUN_TESTS" >"$TMP/rt/run-tests.php"
    RUN_TESTS=$TMP/rt/run-tests.php
fi
[ "$(grep -c 'false && error_may_be_retried(' "$RUN_TESTS")" = 1 ] ||
    setup_fail "could not turn off the retry of run-tests.php ($RUN_TESTS)"

# A private extension_dir: the system's shared extensions (for tests that
# name e.g. posix or sockets in --EXTENSIONS--), with amqp.so = the
# installed mq.so, so that the peer PECL amqp can never be loaded.
extdir="$TMP/phpt-ext"
mkdir -p "$extdir"
for s in "$(php-config --extension-dir)"/*.so; do
    [ "$(basename "$s")" = amqp.so ] || ln -s "$s" "$extdir/"
done
ln -s "$so" "$extdir/amqp.so"

PHP_BIN=$(command -v php)
# Tests with a --CONFLICTS-- section stop, kill or alarm the shared broker:
# they run one at a time after the others, which run in parallel.
par=() ser=()
for t in "$pkgdir"/tests/*.phpt; do
    if grep -q '^--CONFLICTS--' "$t"; then ser+=("tests/${t##*/}"); else par+=("tests/${t##*/}"); fi
done
run_phpt() {
    (cd "$pkgdir" && env TEST_PHP_EXECUTABLE="$PHP_BIN" TEST_PHP_CGI_EXECUTABLE="$(command -v php-cgi || true)" \
        MQ_TEST_REQUIRE_BROKER=1 NO_INTERACTION=1 NO_COLOR=1 \
        "$PHP_BIN" -n "$RUN_TESTS" -n -p "$PHP_BIN" -q --no-progress --show-diff --set-timeout 120 \
        -d extension_dir="$extdir" -d extension="$so" "$@")
}
set +e
{
    [ ${#par[@]} -eq 0 ] || run_phpt -j"${MQ_PHPT_JOBS:-2}" "${par[@]}"
    [ ${#ser[@]} -eq 0 ] || run_phpt "${ser[@]}"
} >"$TMP/phpt.log" 2>&1
set -e
results=$(grep -E '^(PASS|FAIL|SKIP|BORK|LEAK|XFAIL|XLEAK|WARN)(&[A-Z]+)* ' "$TMP/phpt.log" || true)
npass=0 nfail=0 nskip=0
while IFS= read -r line; do
    [ -n "$line" ] || continue
    case "${line%% *}" in
        PASS) npass=$((npass + 1)) ;;
        SKIP)
            # amqp reported missing (mq.so did not load), or a program or
            # package that tools/install-deps.sh installs: a failure.
            reason=$line
            [[ "$reason" == *"reason: "* ]] && reason=${reason##*reason: }
            if [[ "$reason" =~ php-cgi|python3|php-symfony|rabbitmq|valgrind|openssl|\(Debian\)|Required\ extensions?\ missing:\ (.*,\ )?amqp(,|$)|loaded\ mq\.so ]]; then
                nfail=$((nfail + 1)); echo "    $line (a failure: tools/install-deps.sh installs what it needs)"
            else
                nskip=$((nskip + 1)); echo "    $line"
            fi ;;
        XFAIL | XLEAK) nskip=$((nskip + 1)); echo "    $line" ;;
        *) nfail=$((nfail + 1)); echo "    $line" ;;
    esac
done <<<"$results"
total=$((npass + nfail + nskip))
if [ "$nfail" -gt 0 ]; then
    awk '/^========DIFF========/{p=1} p{print "    | " $0} /^========DONE========/{p=0}' "$TMP/phpt.log" | head -n 200
fi
if [ "$total" -lt "${#phpts[@]}" ]; then
    echo "pecl-install: ${#phpts[@]} tests but $total results; end of the run-tests log:"
    tail -n 30 "$TMP/phpt.log"
    nfail=$((nfail + ${#phpts[@]} - total))
fi
echo "pecl-install: $((STEPS_PASSED + npass)) passed, $nfail failed, $nskip skipped"
[ "$nfail" -eq 0 ]
